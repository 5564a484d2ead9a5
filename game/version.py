"""The one version number: written once, in pyproject.toml.

An installed game (a wheel, the app) reads it from the package's metadata; a source
checkout that was never installed reads pyproject.toml beside the package.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "alien-op-school"
UNKNOWN = "0+unknown"
PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def read_version(pyproject: Path = PYPROJECT, distribution: str = DISTRIBUTION) -> str:
    """The installed distribution's version, else the source checkout's."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        pass
    try:
        with pyproject.open("rb") as file:
            return str(tomllib.load(file)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return UNKNOWN


VERSION = read_version()
