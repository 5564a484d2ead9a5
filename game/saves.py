"""Save games and settings on the pupil's own machine: atomic, per pupil, kept when damaged.

A save is JSON in the user data folder (platformdirs), one file per pupil. Its name is a
readable slug plus a short hash of the exact pseudonym, so "Zoë" and "Zo" (or "Мила" and
"محمد") never share a file, and loading checks the pseudonym stored inside. Settings
are kept per pupil too (siblings share the family laptop), one file each, so one broken
file cannot reset everyone's. Every file is written atomically under a unique temporary
name (game/safe_files.py) together with a copy; a file found damaged is moved aside
(never deleted), the copy (the last good version) is used, and `notices` tells the game
what to say to the pupil.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import unicodedata
from pathlib import Path
from typing import Any

import platformdirs

from game.journal.faults import Trouble, trouble_of
from game.safe_files import move_aside, sync_folder_of, write_json_atomic
from game.settings import clean

APP_NAME = "alien-op-school"
COPY = ".bak"
LAST = "last"


def default_data_dir() -> Path:
    override = os.environ.get("ALIEN_OP_SCHOOL_DATA")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def file_key(pupil: str) -> str:
    """A readable slug plus a short hash of the exact pseudonym: "zoe-3f2a9c1b"."""
    folded = unicodedata.normalize("NFKD", pupil).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:24].strip("-") or "speler"
    return f"{slug}-{hashlib.sha256(pupil.encode('utf-8')).hexdigest()[:8]}"


def _old_slug(pupil: str) -> str:
    """How saves were named before the hash (read once, to keep old saves)."""
    return re.sub(r"[^a-z0-9]+", "-", pupil.lower()).strip("-") or "speler"


def write_json_atomic_with_copy(path: Path, data: Any) -> None:
    """The file and its copy: whichever one a crash or damage spares is the last good one."""
    write_json_atomic(path, data, sync_folder=False)
    write_json_atomic(path.with_name(path.name + COPY), data, sync_folder=False)
    sync_folder_of(path)


class SaveStore:
    def __init__(self, data_dir: Path) -> None:
        self.dir = data_dir / "saves"
        self.settings_dir = data_dir / "settings"
        self.old_settings = data_dir / "settings.json"  # before settings were one file each
        self.notices: list[str] = []  # catalogue keys: what the pupil should be told
        self.settings_trouble: Trouble | None = None  # why settings could not be written

    # --- saves ---
    def save(self, pupil: str, snapshot: dict[str, Any]) -> Path:
        """Raises OSError when the folder takes nothing (full, read-only): the caller says so."""
        path = self.dir / f"{file_key(pupil)}.json"
        write_json_atomic_with_copy(path, {"pupil": pupil, "world": snapshot})
        return path

    def load(self, pupil: str) -> dict[str, Any] | None:
        """This pupil's saved world: from their file, its copy, or a save from before."""
        found = self._read(self.dir / f"{file_key(pupil)}.json", "save")
        if found is None:
            found = _read_quietly(self.dir / f"{_old_slug(pupil)}.json")
        if found is None or found.get("pupil") != pupil or \
                not isinstance(found.get("world"), dict):
            return None
        return dict(found["world"])

    def keep_aside(self, pupil: str) -> Path | None:
        """A new game under a name that has a save: the old save (and its copy, and one from
        before the hash) moves to saves/bewaard/ with the time, so starting again loses nothing."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        kept = self.dir / "bewaard"
        moved: Path | None = None
        for name in (f"{file_key(pupil)}.json", f"{file_key(pupil)}.json{COPY}",
                     f"{_old_slug(pupil)}.json"):
            source = self.dir / name
            if source.exists():
                kept.mkdir(parents=True, exist_ok=True)
                target = kept / f"{stamp}-{name}"
                source.replace(target)
                moved = moved or target
        return moved

    def last_pupil(self) -> str | None:
        """The pupil who played most recently on this machine, if any save is readable."""
        saves = [p for p in self.dir.glob("*.json")
                 if not p.name.startswith(".") and ".kapot-" not in p.name]
        saves.sort(key=_modified, reverse=True)
        for path in saves:
            found = self._read(path, "save")
            if found is not None and isinstance(found.get("pupil"), str):
                return str(found["pupil"])
        return None

    # --- settings ---
    def load_settings(self, pupil: str | None = None) -> dict[str, Any]:
        """The pupil's own settings, else the last used ones, always complete and valid."""
        mine = self._settings_of(pupil) if pupil else None
        if mine is not None:
            return clean(mine)
        last = self._read(self.settings_dir / f"{LAST}.json", "settings")
        return clean(last if last is not None else self._old()["last"])

    def has_settings(self, pupil: str) -> bool:
        return self._settings_of(pupil) is not None

    def save_settings(self, settings: dict[str, Any], pupil: str | None = None) -> bool:
        """Keep these as the last used settings, and as the pupil's own when one is named.
        False (and `settings_trouble`) when the folder takes nothing: they still apply."""
        cleaned = clean(settings)
        try:
            write_json_atomic_with_copy(self.settings_dir / f"{LAST}.json", cleaned)
            if pupil:
                write_json_atomic_with_copy(self.settings_dir / f"{file_key(pupil)}.json",
                                            {**cleaned, "pupil": pupil})
        except OSError as exc:
            self.settings_trouble = trouble_of(exc)
            return False
        self.settings_trouble = None
        return True

    # --- internals ---
    def _settings_of(self, pupil: str) -> dict[str, Any] | None:
        mine = self._read(self.settings_dir / f"{file_key(pupil)}.json", "settings")
        if mine is not None and mine.get("pupil") == pupil:
            return mine
        old = self._old()["pupils"].get(_old_slug(pupil))
        return old if isinstance(old, dict) else None

    def _old(self) -> dict[str, Any]:
        """The single settings file of earlier versions (read only; never written again)."""
        data = _read_quietly(self.old_settings) or {}
        if "last" not in data:  # older still: a flat file of one pupil's settings
            data = {"last": data, "pupils": {}}
        if not isinstance(data.get("pupils"), dict):
            data["pupils"] = {}
        return data

    def _read(self, path: Path, what: str) -> dict[str, Any] | None:
        """The file's JSON object; a damaged file is moved aside and its copy used."""
        if not path.exists():
            return _read_quietly(path.with_name(path.name + COPY))
        found = _read_quietly(path)
        if found is not None:
            return found
        copy = _read_quietly(path.with_name(path.name + COPY))
        if move_aside(path) is not None or copy is not None:
            self._notice(f"{what}_set_aside" if copy is not None else f"{what}_set_aside_none")
        return copy

    def _notice(self, key: str) -> None:
        if key not in self.notices:
            self.notices.append(key)


def _read_quietly(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
