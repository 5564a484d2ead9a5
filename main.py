"""Alien op school from a source checkout: `python main.py [play|validate|...]`.

The command line itself is game/cli.py, shared with the installed `alien-op-school`
command, `python -m game` and the app.
"""

from __future__ import annotations

import sys

from game.cli import build_parser, file_problem, main

__all__ = ["build_parser", "file_problem", "main"]

if __name__ == "__main__":
    sys.exit(main())
