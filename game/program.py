"""How this program was started, so help texts and hints name the command that works:
`alien-op-school` (installed, or the app), `python main.py` (a source checkout) or
`python -m game`."""

from __future__ import annotations

import sys
from pathlib import Path

INSTALLED_NAME = "alien-op-school"


def program_name(argv0: str | None = None) -> str:
    """The command to type again, from `sys.argv[0]` (or `argv0`)."""
    name = Path(sys.argv[0] if argv0 is None else argv0).name
    if name == "__main__.py":
        return "python -m game"
    if name.endswith(".py"):
        return f"python {name}"
    if name.lower().endswith(".exe"):
        name = name[:-4]
    return name if name.startswith(INSTALLED_NAME) else INSTALLED_NAME
