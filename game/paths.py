"""Where the project's content lives: the one resolver for every file the game and the
dashboard read but do not write.

Three ways to run, one answer each:
- a source checkout: levels/, dialogues/ and assets/ beside the `game` package;
- an installed wheel: the build copies them into `game/_content/` (pyproject.toml);
- the PyInstaller app: the same `game/_content/` inside the bundle (tools/dist.spec).
The UI texts, the dashboard's templates, static files and texts are package data in
both cases.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
BUNDLED = PACKAGE / "_content"


def content_root(package: Path = PACKAGE) -> Path:
    """The folder that holds levels/, dialogues/ and assets/: the copy shipped inside the
    package when there is one (a wheel, the app), else the source checkout's root."""
    bundled = package / "_content"
    return bundled if (bundled / "levels").is_dir() else package.parent


CONTENT = content_root()
ROOT = PACKAGE.parent
"""The source checkout (docs, tools); in an installed game: the site-packages folder."""
LEVELS = CONTENT / "levels"
DIALOGUES = CONTENT / "dialogues"
ASSETS = CONTENT / "assets"
CHARACTER_SHEETS = ASSETS / "characters"
PORTRAITS = ASSETS / "portraits"
FONTS = ASSETS / "fonts"
SOUNDS = ASSETS / "sounds"
UI_TEXT = PACKAGE / "text"
DEFAULT_LEVEL = LEVELS / "eerste-week.yaml"
CLASS_LEVEL = LEVELS / "samen-in-de-klas.yaml"
DASHBOARD = ROOT / "teacher_dashboard"
DASHBOARD_TEMPLATES = DASHBOARD / "templates"
DASHBOARD_STATIC = DASHBOARD / "static"
DASHBOARD_TEXT = DASHBOARD / "text"


def dialogues_for(level_path: Path) -> Path:
    """Where a level's dialogue files are: the `dialogues/` folder beside its `levels/`
    folder when there is one (a school's own level, the test fixtures), else ours."""
    own = Path(level_path).resolve().parent.parent / "dialogues"
    return own if own.is_dir() else DIALOGUES


def shown(path: Path) -> str:
    """A path as authors see it in messages: relative to the content when possible."""
    resolved = path.resolve()
    for base in (CONTENT, ROOT):
        try:
            return str(resolved.relative_to(base))
        except ValueError:
            continue
    return str(path)
