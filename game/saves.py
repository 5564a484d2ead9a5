"""Save games and settings on the pupil's own machine, written atomically.

A save is JSON in the user data folder (platformdirs), one file per pupil
pseudonym. Writing goes to a temporary file first and then replaces the old
one, so a crash mid-write never leaves a broken save behind.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "alien-op-school"


def default_data_dir() -> Path:
    override = os.environ.get("ALIEN_OP_SCHOOL_DATA")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def _slug(pupil: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", pupil.lower()).strip("-") or "speler"


def write_json_atomic(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class SaveStore:
    def __init__(self, data_dir: Path) -> None:
        self.dir = data_dir / "saves"
        self.settings_path = data_dir / "settings.json"

    def save(self, pupil: str, snapshot: dict[str, Any]) -> Path:
        path = self.dir / f"{_slug(pupil)}.json"
        write_json_atomic(path, {"pupil": pupil, "world": snapshot})
        return path

    def load(self, pupil: str) -> dict[str, Any] | None:
        path = self.dir / f"{_slug(pupil)}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))["world"]
        except (OSError, ValueError, KeyError):
            return None

    def last_pupil(self) -> str | None:
        """The pupil who played most recently on this machine, if any save is readable."""
        saves = sorted(self.dir.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for path in saves:
            try:
                return str(json.loads(path.read_text(encoding="utf-8"))["pupil"])
            except (OSError, ValueError, KeyError):
                continue
        return None

    def load_settings(self) -> dict[str, Any]:
        try:
            data = json.loads(self.settings_path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def save_settings(self, settings: dict[str, Any]) -> None:
        write_json_atomic(self.settings_path, settings)
