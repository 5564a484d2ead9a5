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

from game.settings import clean

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

    def load_settings(self, pupil: str | None = None) -> dict[str, Any]:
        """The pupil's own settings, else the last used ones, always complete and valid."""
        stored = self._read_settings()
        mine = stored["pupils"].get(_slug(pupil)) if pupil else None
        return clean(mine if mine is not None else stored["last"])

    def has_settings(self, pupil: str) -> bool:
        return _slug(pupil) in self._read_settings()["pupils"]

    def save_settings(self, settings: dict[str, Any], pupil: str | None = None) -> None:
        """Keep these as the last used settings, and as the pupil's own when one is named."""
        stored = self._read_settings()
        stored["last"] = clean(settings)
        if pupil:
            stored["pupils"][_slug(pupil)] = stored["last"]
        write_json_atomic(self.settings_path, stored)

    def _read_settings(self) -> dict[str, Any]:
        try:
            data = json.loads(self.settings_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        if "last" not in data:  # a settings file from before settings were per pupil
            data = {"last": data, "pupils": {}}
        if not isinstance(data.get("pupils"), dict):
            data["pupils"] = {}
        return data
