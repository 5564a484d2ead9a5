"""A mentor's changes to the log: giving a pupil a real name, and deleting a pupil (AVG).

These are the only writes besides the game and import. Deleting overwrites the
freed pages (secure_delete) and empties the WAL, so the pupil's words do not
linger in the file after the mentor was told they are gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.journal.store import JournalError, open_log

MAX_NAME_LENGTH = 80


@dataclass(frozen=True)
class Deleted:
    pupil: str
    sessions: int
    events: int


def set_display_name(db_path: Path, pupil: str, name: str) -> None:
    """Store (or clear, with "") the real name a mentor typed; it never leaves this file."""
    name = " ".join(name.split())
    if len(name) > MAX_NAME_LENGTH:
        raise JournalError(f"naam te lang / name too long (max {MAX_NAME_LENGTH})")
    opened = open_log(db_path, set_aside_bad=False)
    db = opened.db
    try:
        _writable(opened.read_only, db_path)
        if not db["pupils"].count_where("id = ?", [pupil]):
            raise JournalError(f"onbekende leerling / unknown pupil: {pupil!r}")
        with db.atomic():
            db["pupils"].update(pupil, {"display_name": name or None})
    finally:
        db.close()


def delete_pupil(db_path: Path, pupil: str) -> Deleted:
    """Remove the pupil, their sessions and every event, in one transaction."""
    opened = open_log(db_path, set_aside_bad=False)
    db = opened.db
    try:
        _writable(opened.read_only, db_path)
        if not db["pupils"].count_where("id = ?", [pupil]):
            raise JournalError(f"onbekende leerling / unknown pupil: {pupil!r}")
        db.execute("PRAGMA secure_delete=ON")
        sessions = "select id from sessions where pupil_id = ?"
        with db.atomic():
            events = db.execute(f"delete from events where session_id in ({sessions})",
                                [pupil]).rowcount
            gone = db.execute("delete from sessions where pupil_id = ?", [pupil]).rowcount
            db.execute("delete from pupils where id = ?", [pupil])
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return Deleted(pupil, gone, events)
    finally:
        db.close()


def _writable(read_only: bool, db_path: Path) -> None:
    if read_only:
        raise JournalError(f"{db_path}: dit logboek is van een nieuwere versie en blijft "
                           f"ongewijzigd / written by a newer version; left unchanged")
