"""Where the project's content lives, resolved once from the repository root."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEVELS = ROOT / "levels"
DIALOGUES = ROOT / "dialogues"
ASSETS = ROOT / "assets"
CHARACTER_SHEETS = ASSETS / "characters"
PORTRAITS = ASSETS / "portraits"
FONTS = ASSETS / "fonts"
SOUNDS = ASSETS / "sounds"
UI_TEXT = ROOT / "game" / "ui" / "text"


def shown(path: Path) -> str:
    """A path as authors see it in messages: relative to the project when possible."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
