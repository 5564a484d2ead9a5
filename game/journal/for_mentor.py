"""A pupil's own export for their mentor: after the pupil's yes (the consent card), the
pupil's part of the log as a file in one plain folder of the game's data, to hand to the
mentor, who imports it on the dashboard's data page."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from game.journal.exports import export_pupil

FOLDER = "voor-de-mentor"
FORMAT = "sqlite"  # importable on the dashboard's data page


def mentor_folder(data_dir: Path) -> Path:
    return data_dir / FOLDER


def export_for_mentor(db_path: Path, data_dir: Path, pupil: str,
                      now: datetime | None = None, prefix: str = "") -> Path:
    """Write the pupil's log (their real name never in it) and return where it is;
    `prefix` names what it is for ("overstap-" for the new school's mentor)."""
    folder = mentor_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d-%H%M%S")
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", pupil).strip("-") or "leerling"
    out = folder / f"{prefix}{name}-{stamp}.sqlite"
    export_pupil(db_path, pupil, out, FORMAT)
    return out
