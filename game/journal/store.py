"""Opening the log file honestly: WAL, serialised migrations, and what to do with a bad file.

Two different things can be wrong, and they are answered differently:
- the file is *corrupt* or foreign: it is renamed (never deleted) and a fresh log started,
  so nothing is lost and play goes on;
- the file *cannot be opened* (in use, read-only, a folder in its place, no permission):
  it is never renamed; `CannotOpen` says why, the game plays on with the spill file and
  the command line prints one line.
A log written by a newer version of the game is opened read-only: we must not write
into a schema we do not know. Migrations run inside one BEGIN IMMEDIATE, so two
programs opening the same new or old log at once both succeed.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from game.journal import schema
from game.journal.faults import Trouble, describe, trouble_of
from game.safe_files import free_name

SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm", "-journal")
OPEN_WAIT_S = 5.0
"""How long opening waits for another program's write lock before saying "in use"."""


class JournalError(Exception):
    """A log file we cannot use as asked; the message says why and what to do."""


class CannotOpen(JournalError):
    """The file is fine as far as we know, but cannot be used now: never set aside."""

    def __init__(self, path: Path, trouble: Trouble) -> None:
        super().__init__(f"{path}: {describe(trouble)}")
        self.path = path
        self.trouble = trouble


@dataclass
class OpenedLog:
    db: Database
    path: Path
    read_only: bool = False
    notice: str | None = None  # what happened to a bad file, for the player and the terminal
    set_aside: Path | None = None  # where a corrupt file went
    problem: str | None = None     # what was wrong with it


def connect(path: Path, *, timeout: float = OPEN_WAIT_S, any_thread: bool = False,
            read_only: bool = False) -> sqlite3.Connection:
    """Every connection to a log file is made here (the tests inject faults here too)."""
    if read_only:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout,
                               check_same_thread=False)
    return sqlite3.connect(str(path), timeout=timeout, check_same_thread=not any_thread)


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
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:  # a failed COMMIT (disk full) leaves it open: undo it
            db.conn.execute("ROLLBACK")
        raise


def open_log(path: Path, *, set_aside_bad: bool = True, verify: bool = True,
             any_thread: bool = False, wait: float = OPEN_WAIT_S) -> OpenedLog:
    """Open (or create) the log at `path`, ready to write.

    A newer version's log comes back read-only with a notice. A corrupt or
    foreign file is renamed next to it and a new log started (with a notice),
    unless `set_aside_bad` is False, then JournalError is raised instead. A file
    that cannot be opened raises CannotOpen and is left exactly as it is.
    `verify=False` skips the whole-file check and the write check, for a hot path on a
    file that was checked when it was first opened (the class server, the uploader).
    `any_thread=True` lets one long-lived connection serve a threaded server (the
    caller serialises its use). `wait`: how long to wait for another writer.
    """
    path = Path(path)
    _check_place(path)
    problem = _problem_with(path) if verify and path.exists() and path.stat().st_size > 0 \
        else None
    notice = kept = None
    if problem is not None:
        if not set_aside_bad:
            raise JournalError(f"{path}: {problem}")
        try:
            kept = set_aside(path, "kapot" if problem.startswith("corrupt") else "onbekend")
        except OSError as exc:  # e.g. a read-only folder: then the file stays where it is
            raise CannotOpen(path, trouble_of(exc)) from None
        notice = (f"{path}: {problem}. Het oude bestand is bewaard als {kept.name}; "
                  f"er is een nieuw logboek begonnen.")
    try:
        db = Database(connect(path, timeout=wait, any_thread=any_thread))
    except sqlite3.Error as exc:
        raise CannotOpen(path, trouble_of(exc)) from None
    try:
        unknown = _prepare(db, check_writable=verify, wait=wait)
    except sqlite3.Error as exc:
        db.close()
        trouble = trouble_of(exc)
        if trouble is Trouble.CORRUPT:
            raise JournalError(f"{path}: corrupt: {exc}") from None
        raise CannotOpen(path, trouble) from None
    if unknown:
        db.close()
        return OpenedLog(_read_only(path), path, read_only=True,
                         notice=newer_message(path, unknown))
    return OpenedLog(db, path, notice=notice, set_aside=kept, problem=problem)


def open_for_reading(path: Path, *, verify: bool = True) -> Database:
    """Open an existing log read-only (export, the dashboard); never changes the file.

    `verify` runs SQLite's quick_check first, which reads the whole file: the
    dashboard does it once per file, not on every page.
    """
    path = Path(path)
    if path.is_dir():
        raise CannotOpen(path, Trouble.FOLDER)
    if not path.exists():
        raise JournalError(f"{path}: bestand niet gevonden / file not found")
    problem = _problem_with(path) if verify else None
    if problem is not None:
        raise JournalError(f"{path}: {problem}")
    try:
        return _read_only(path)
    except sqlite3.Error as exc:
        raise CannotOpen(path, trouble_of(exc)) from None


def newer_message(path: Path, unknown: list[str]) -> str:
    return (f"{path}: dit logboek komt uit een nieuwere versie van het spel "
            f"(onbekende stappen: {', '.join(unknown)}). Werk het spel bij; er wordt niets "
            f"in geschreven. / This log comes from a newer version of the game; "
            f"update the game. Nothing is written to it.")


def set_aside(path: Path, reason: str) -> Path:
    """Rename a bad log (and its WAL files) to a free name beside it."""
    kept = free_name(path, reason)
    path.rename(kept)
    for side in SIDE_FILES:
        extra = path.with_name(path.name + side)
        if extra.exists():
            extra.rename(kept.with_name(kept.name + side))
    return kept


# --- internals ---
def _check_place(path: Path) -> None:
    """A folder where the file should be, or a folder we may not make: cannot open."""
    if path.is_dir():
        raise CannotOpen(path, Trouble.FOLDER)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CannotOpen(path, trouble_of(exc)) from None


def _prepare(db: Database, *, check_writable: bool, wait: float) -> list[str]:
    """WAL, then the migrations inside one BEGIN IMMEDIATE; returns unknown migrations.

    Two programs that open a new or old log at the same moment take turns: the second
    finds the work done. Waiting for the lock is bounded by `wait`; a healthy log that
    is only busy (no migration pending) is returned at once, its writes will wait."""
    deadline = time.monotonic() + wait
    pause = 0.01
    while True:
        try:
            return _prepare_once(db, check_writable=check_writable)
        except sqlite3.OperationalError as exc:
            if trouble_of(exc) is not Trouble.BUSY or time.monotonic() >= deadline:
                raise
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _prepare_once(db: Database, *, check_writable: bool) -> list[str]:
    unknown = schema.unknown_migrations(db)
    if unknown:  # a newer game's file: not even its journal mode is ours to change
        return unknown
    mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if str(mode).lower() != "wal":  # another connection held the file: try again
        raise sqlite3.OperationalError("database is locked (journal mode)")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    pending = schema.pending_migrations(db)
    if not pending and not check_writable:
        return []
    try:
        with writing(db):
            schema.migrate(db)  # finds nothing to do when another program was first
            if check_writable:
                _try_a_write(db)
    except sqlite3.OperationalError as exc:
        if trouble_of(exc) is Trouble.BUSY and not pending:
            return []  # up to date and only busy: its writes will wait and retry
        raise
    return []


def _try_a_write(db: Database) -> None:
    """A read-only file or folder shows itself only on a write: try one and undo it."""
    db.execute("SAVEPOINT write_check")
    try:
        db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                   "VALUES ('write-check', 'write-check', '')")
    finally:
        db.execute("ROLLBACK TO write_check")
        db.execute("RELEASE write_check")


def _problem_with(path: Path) -> str | None:
    """Why this file is not a usable log of ours, or None when it is fine.

    Only what we could read and found wrong is a problem (corrupt or foreign); a file
    we cannot read at all raises CannotOpen instead."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise CannotOpen(path, trouble_of(exc)) from None
    if head != SQLITE_HEADER:
        return "corrupt: dit is geen SQLite-database / not a SQLite database"
    try:
        conn = connect(path, read_only=True)
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
        trouble = trouble_of(exc)
        if trouble is Trouble.CORRUPT or trouble is Trouble.OTHER:
            return f"corrupt: {exc}"
        raise CannotOpen(path, trouble) from None
    if result != "ok":
        return f"corrupt: de database is beschadigd / the database is damaged ({result})"
    if tables and not ours:
        return ("onbekend bestand: dit is een andere database, niet het logboek van dit spel / "
                "a foreign database, not this game's log")
    return None


def _read_only(path: Path) -> Database:
    return Database(connect(path, read_only=True))
