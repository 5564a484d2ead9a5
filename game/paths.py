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
UI_TEXT = ROOT / "game" / "text"
DEFAULT_LEVEL = LEVELS / "eerste-week.yaml"
CLASS_LEVEL = LEVELS / "samen-in-de-klas.yaml"


def dialogues_for(level_path: Path) -> Path:
    """Where a level's dialogue files are: the `dialogues/` folder beside its `levels/`
    folder when there is one (a school's own level, the test fixtures), else ours."""
    own = Path(level_path).resolve().parent.parent / "dialogues"
    return own if own.is_dir() else DIALOGUES


def shown(path: Path) -> str:
    """A path as authors see it in messages: relative to the project when possible."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
