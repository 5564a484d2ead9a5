"""Opening the log file safely: WAL, migrations, and what to do with a bad file.

A corrupt or foreign file is renamed (never deleted) and a fresh log started,
so nothing is lost and play goes on. A log written by a newer version of the
game is opened read-only: we must not write into a schema we do not know.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from game.journal import schema

SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm", "-journal")


class JournalError(Exception):
    """A log file we cannot use as asked; the message says why and what to do."""


@dataclass
class OpenedLog:
    db: Database
    path: Path
    read_only: bool = False
    notice: str | None = None  # what happened to a bad file, for the player and the terminal


@contextmanager
def writing(db: Database) -> Iterator[Database]:
    """One write transaction that takes the write lock first (BEGIN IMMEDIATE).

    Several connections write one log (the game and its uploader; the class server and
    the mentor's pages). sqlite-utils' atomic() begins DEFERRED: a transaction that reads
    first and then writes fails at once with "database is locked" when another
    connection committed in between. IMMEDIATE waits for the lock instead (busy timeout)."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def open_log(path: Path, *, set_aside_bad: bool = True, verify: bool = True,
             any_thread: bool = False) -> OpenedLog:
    """Open (or create) the log at `path`, ready to write.

    A newer version's log comes back read-only with a notice. A corrupt or
    foreign file is renamed next to it and a new log started (with a notice),
    unless `set_aside_bad` is False, then JournalError is raised instead.
    `verify=False` skips the whole-file check, for a hot path on a file that
    was checked when it was first opened (the class server). `any_thread=True` lets
    one long-lived connection serve a threaded server (the caller serialises its use).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    problem = _problem_with(path) if verify and path.exists() and path.stat().st_size > 0 \
        else None
    notice = None
    if problem is not None:
        if not set_aside_bad:
            raise JournalError(f"{path}: {problem}")
        kept = set_aside(path, "kapot" if problem.startswith("corrupt") else "onbekend")
        notice = (f"{path}: {problem}. Het oude bestand is bewaard als {kept.name}; "
                  f"er is een nieuw logboek begonnen.")
    db = Database(sqlite3.connect(str(path), check_same_thread=False)) if any_thread \
        else Database(path)
    try:
        unknown = schema.unknown_migrations(db)
        if unknown:
            db.close()
            return OpenedLog(_read_only(path), path, read_only=True,
                             notice=newer_message(path, unknown))
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        schema.migrate(db)
    except sqlite3.Error:
        db.close()
        raise
    return OpenedLog(db, path, notice=notice)


def open_for_reading(path: Path, *, verify: bool = True) -> Database:
    """Open an existing log read-only (export, the dashboard); never changes the file.

    `verify` runs SQLite's quick_check first, which reads the whole file: the
    dashboard does it once per file, not on every page.
    """
    path = Path(path)
    if not path.exists():
        raise JournalError(f"{path}: bestand niet gevonden / file not found")
    problem = _problem_with(path) if verify else None
    if problem is not None:
        raise JournalError(f"{path}: {problem}")
    return _read_only(path)


def newer_message(path: Path, unknown: list[str]) -> str:
    return (f"{path}: dit logboek komt uit een nieuwere versie van het spel "
            f"(onbekende stappen: {', '.join(unknown)}). Werk het spel bij; er wordt niets "
            f"in geschreven. / This log comes from a newer version of the game; "
            f"update the game. Nothing is written to it.")


def set_aside(path: Path, reason: str) -> Path:
    """Rename a bad log (and its WAL files) to a free name beside it."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        suffix = f".{reason}-{stamp}" + (f"-{n}" if n else "")
        kept = path.with_name(path.stem + suffix + path.suffix)
        if not kept.exists():
            break
        n += 1
    path.rename(kept)
    for side in SIDE_FILES:
        extra = path.with_name(path.name + side)
        if extra.exists():
            extra.rename(kept.with_name(kept.name + side))
    return kept


def _problem_with(path: Path) -> str | None:
    """Why this file is not a usable log of ours, or None when it is fine."""
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return "corrupt: dit is geen SQLite-database / not a SQLite database"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {r[0] for r in conn.execute(
                "select name from sqlite_master where type in ('table', 'view')")}
            ours = "_sqlite_migrations" in tables and conn.execute(
                "select count(*) from _sqlite_migrations where migration_set = ?",
                [schema.MIGRATION_SET]).fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"corrupt: {exc}"
    if result != "ok":
        return f"corrupt: de database is beschadigd / the database is damaged ({result})"
    if tables and not ours:
        return ("onbekend bestand: dit is een andere database, niet het logboek van dit spel / "
                "a foreign database, not this game's log")
    return None


def _read_only(path: Path) -> Database:
    return Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                    check_same_thread=False))
