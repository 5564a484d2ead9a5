"""Reads levels, dialogues and maps; the only code that opens content files."""

from game.content.errors import ContentError, Problem

__all__ = ["ContentError", "Problem"]
