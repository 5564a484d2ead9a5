"""The one version number: written once, in pyproject.toml.

A source checkout reads it from pyproject.toml beside the package (the truth there, also
when an editable install's metadata is older, and cheap: no TOML parser or metadata scan
before the first frame). An installed game (a wheel, the app) has no pyproject.toml and
reads its package's metadata (importlib.metadata).
"""

from __future__ import annotations

import re
from pathlib import Path

DISTRIBUTION = "alien-op-school"
UNKNOWN = "0+unknown"
PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
_PROJECT = re.compile(r'^\[project\]\s*$(?P<table>.*?)(?=^\[|\Z)', re.M | re.S)
_FIELD = r'^{}\s*=\s*"(?P<value>[^"]+)"\s*$'


def read_version(pyproject: Path = PYPROJECT, distribution: str = DISTRIBUTION) -> str:
    """The source checkout's version, else the installed distribution's."""
    return _checkout_version(pyproject, distribution) or _installed_version(distribution)


def _checkout_version(pyproject: Path, distribution: str) -> str | None:
    """`version` of pyproject.toml's [project] table, if it is this project's file."""
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return None
    table = _PROJECT.search(text)
    if table is None:
        return None
    name = re.search(_FIELD.format("name"), table["table"], re.M)
    version = re.search(_FIELD.format("version"), table["table"], re.M)
    if name is None or version is None or name["value"] != distribution:
        return None
    return version["value"]


def _installed_version(distribution: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return UNKNOWN


VERSION = read_version()
