"""Alien op school: a serious game about the move to secondary school."""

import os

from game.version import VERSION as __version__

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

__all__ = ["__version__"]
