"""A mentor's changes to the log: a pupil's real name, deleting a pupil (AVG), class codes,
releasing a pupil's pseudonym for a new claim, the log's settings (the school's xAPI
home page and activity base).

These are the only writes besides the game, import and the class server. Deleting
overwrites the freed space (secure_delete), then checkpoints until the WAL is empty,
waiting while other connections still read an older snapshot (they keep the old pages
alive). Only then is the deletion finished: `Deleted.purged` says whether it was, and
`finish_deletions` completes it at the next start when a reader held on too long.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from game.journal.store import JournalError, open_log, writing

MAX_NAME_LENGTH = 80
XAPI_HOME = "xapi_home"
XAPI_BASE = "xapi_base"
SETTINGS = (XAPI_HOME, XAPI_BASE)
"""What a teacher sets once per log: the school's learning platform (the pupils'
accounts live there) and the base of the activity ids (optional)."""
PURGE_SECONDS = 5.0
"""How long a deletion waits for readers of an older snapshot before it says so."""


@dataclass(frozen=True)
class Deleted:
    pupil: str
    sessions: int
    events: int
    purged: bool = True
    """False: a reader held an older snapshot, so the old pages still exist until the WAL
    can be emptied (at the latest at the next start, `finish_deletions`)."""


def set_display_name(db_path: Path, pupil: str, name: str) -> None:
    """Store (or clear, with "") the real name a mentor typed; it never leaves this file."""
    name = " ".join(name.split())
    if len(name) > MAX_NAME_LENGTH:
        raise JournalError(f"naam te lang / name too long (max {MAX_NAME_LENGTH})")
    with _writable_log(db_path) as db:
        _known_pupil(db, pupil)
        with writing(db):
            db.table("pupils").update(pupil, {"display_name": name or None})


def delete_pupil(db_path: Path, pupil: str, *, wait_seconds: float = PURGE_SECONDS) -> Deleted:
    """Remove the pupil, their sessions, every event and their claim, in one transaction,
    then empty the WAL (see the module's docstring)."""
    with _writable_log(db_path) as db:
        _known_pupil(db, pupil)
        sessions = "select id from sessions where pupil_id = ?"
        with writing(db):
            events = db.execute(f"delete from events where session_id in ({sessions})",
                                [pupil]).rowcount
            gone = db.execute("delete from sessions where pupil_id = ?", [pupil]).rowcount
            db.execute("delete from class_pupils where pupil_id = ?", [pupil])
            db.execute("delete from pupils where id = ?", [pupil])
        return Deleted(pupil, gone, events, purge_wal(db, wait_seconds))


def purge_wal(db: Database, wait_seconds: float) -> bool:
    """Copy the WAL into the file and truncate it to nothing; retry while other
    connections still read an older snapshot. True when the WAL is empty."""
    deadline = time.monotonic() + wait_seconds
    db.execute("PRAGMA busy_timeout=50")
    while True:
        try:
            busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.OperationalError:
            busy = 1  # locked by a writer for now: the same as a reader holding on
        if busy == 0:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def finish_deletions(db_path: Path, wait_seconds: float = PURGE_SECONDS) -> bool:
    """At start: finish any deletion a reader kept from finishing (empty the WAL)."""
    if not Path(db_path).exists():
        return True
    with _writable_log(db_path) as db:
        return purge_wal(db, wait_seconds)


def release_pupil(db_path: Path, pupil: str) -> None:
    """Free a pupil's pseudonym on the class server: the next game that joins with it
    claims it (a pupil on a new laptop). The old game's secret stops working."""
    with _writable_log(db_path) as db:
        _known_pupil(db, pupil)
        with writing(db):
            db.execute("insert or replace into class_pupils (pupil_id, class_code, "
                       "secret_hash, claimed_at) values (?, null, null, null)", [pupil])



@contextmanager
def _writable_log(db_path: Path) -> Iterator[Database]:
    """The log opened for a mentor's change; a newer version's log is left untouched."""
    opened = open_log(db_path, set_aside_bad=False)
    try:
        opened.db.execute("PRAGMA secure_delete=ON")  # freed space is overwritten, always
        if opened.read_only:
            raise JournalError(f"{db_path}: dit logboek is van een nieuwere versie en blijft "
                               f"ongewijzigd / written by a newer version; left unchanged")
        yield opened.db
    finally:
        opened.db.close()


def _known_pupil(db: Database, pupil: str) -> None:
    if not db.table("pupils").count_where("id = ?", [pupil]):
        raise JournalError(f"onbekende leerling / unknown pupil: {pupil!r}")


CLASS_CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def normal_class_code(code: str) -> str:
    """Class codes are typed by children from the board: case and spaces do not matter."""
    return "".join(code.split()).upper()


def valid_class_code(code: str) -> bool:
    return 2 <= len(code) <= 16 and all(ch.isalnum() or ch == "-" for ch in code)


def open_class(db_path: Path, code: str) -> str:
    """Open (or reopen) a class code so pupils' games may send to it."""
    code = normal_class_code(code)
    if not valid_class_code(code):
        raise JournalError(f"klascode {code!r}: gebruik 2-16 letters, cijfers of '-' / "
                           f"use 2-16 letters, digits or '-'")
    with _writable_log(db_path) as db, writing(db):
        db.table("class_codes").upsert({"code": code, "opened_at": _now(), "closed_at": None},
                                 pk="code")
    return code


def close_class(db_path: Path, code: str) -> None:
    """Close a class code: its data stays, new uploads are refused."""
    with _writable_log(db_path) as db:
        if not db.table("class_codes").count_where("code = ?", [code]):
            raise JournalError(f"onbekende klascode / unknown class code: {code!r}")
        with writing(db):
            db.table("class_codes").update(code, {"closed_at": _now()})


def new_class_code(prefix: str = "") -> str:
    import secrets

    tail = "".join(secrets.choice(CLASS_CODE_CHARS) for _ in range(5))
    return normal_class_code(f"{prefix}-{tail}" if prefix else tail)


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="milliseconds")


def set_setting(db_path: Path, key: str, value: str) -> None:
    """Keep a setting of this log (one of SETTINGS); "" forgets it."""
    if key not in SETTINGS:
        raise JournalError(f"onbekende instelling / unknown setting {key!r}")
    value = value.strip()
    with _writable_log(db_path) as db, writing(db):
        if value:
            db.table("settings").upsert({"key": key, "value": value, "changed_at": _now()},
                                        pk="key")
        else:
            db.execute("delete from settings where key = ?", [key])


def log_settings(db: Database) -> dict[str, str]:
    """The log's settings; none in a log from before they existed."""
    try:
        rows = db.execute("select key, value from settings").fetchall()
    except sqlite3.OperationalError:  # no such table: an older log, read as it is
        return {}
    return {str(key): str(value) for key, value in rows if key in SETTINGS}
