"""The dashboard's connections to the log, in one place (as in Flask's tutorial).

- `log()`: this request's read-only connection, opened on first use and closed when
  the request ends. SQLite's whole-file check runs once per file, not on every page.
- `class_writer()`: the class server's one long-lived writer connection, used by one
  batch at a time. Opening and closing it per batch made SQLite checkpoint the WAL
  every time (9 of 27 ms per batch at 112k events). It heals: after any SQLite error
  it is closed (a failed COMMIT would otherwise leave it inside a transaction and every
  later write failing), and it is reopened when the log file was replaced (another
  inode); when the file is gone it refuses instead of writing into a deleted file.

The mentor's own changes (a real name, an import, a delete, class codes) go through
game.journal, which opens its own connection for each change; `writable_path()` first
makes sure the file is still the one the dashboard started with, or at least there.
The log is created when the app is made, so class codes can be opened before any game
has written.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, current_app, g
from sqlite_utils import Database

from game.journal.store import JournalError, open_for_reading, open_log

EXTENSION = "dashboard_log"


@dataclass
class LogFile:
    """What the app keeps about its log between requests."""

    path: Path
    checked: set[tuple[int, int]] = field(default_factory=set)
    """Files (device, inode) whose whole-file check passed."""
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    writer: Database | None = None
    writer_file: tuple[int, int] | None = None
    """(device, inode) of the file the writer has open."""


def init_app(app: Flask) -> None:
    """Give the app its log (`DB_PATH` in its config, created when missing) and close
    connections after use."""
    path = Path(app.config["DB_PATH"])
    if not path.exists():
        open_log(path, set_aside_bad=False).db.close()
    app.extensions[EXTENSION] = LogFile(path)
    app.teardown_appcontext(close_log)


def identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, or None when there is none."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def gone_message(path: Path) -> str:
    return (f"{path}: het logboek is weg of verplaatst terwijl het overzicht liep; er is "
            f"niets opgeslagen. Zet het terug of start het overzicht opnieuw. / The log file "
            f"is gone; nothing was stored. Put it back or restart the dashboard.")


def writable_path() -> Path:
    """The log's path for a mentor's change, after checking it is still there (a deleted
    file would otherwise be created anew, empty, by the change)."""
    state = _file()
    if identity(state.path) is None:
        raise JournalError(gone_message(state.path))
    return state.path


def _file(app: Flask | None = None) -> LogFile:
    found: LogFile = (app or current_app).extensions[EXTENSION]
    return found


def path() -> Path:
    """The log file this dashboard shows."""
    return _file().path


def log() -> Database:
    """This request's read-only connection to the log (opened once, closed at the end)."""
    if "db" not in g:
        state = _file()
        found = identity(state.path)
        if found is None:
            raise JournalError(gone_message(state.path))
        g.db = open_for_reading(state.path, verify=found not in state.checked)
        state.checked.add(found)  # a whole-file check once per file, not on every page
    db: Database = g.db
    return db


def close_log(_error: BaseException | None = None) -> None:
    """End of a request: close its read-only connection, if it opened one."""
    db: Database | None = g.pop("db", None)
    if db is not None:
        db.close()


@contextmanager
def class_writer() -> Iterator[Database]:
    """The class server's writer connection, for one batch at a time (SQLite would make
    the other writers wait anyway). Opened at the first batch and kept open."""
    state = _file()
    with state.write_lock:
        found = identity(state.path)
        if found is None:
            _drop_writer(state)
            raise JournalError(gone_message(state.path))
        if state.writer is not None and found != state.writer_file:
            _drop_writer(state)  # replaced: the old connection writes into a deleted file
        if state.writer is None:
            opened = open_log(state.path, set_aside_bad=False, verify=found not in state.checked,
                              any_thread=True)
            if opened.read_only:
                opened.db.close()
                raise JournalError(opened.notice or f"{state.path}: read-only")
            opened.db.execute("PRAGMA secure_delete=ON")  # deleted words never linger
            state.checked.add(found)
            state.writer, state.writer_file = opened.db, found
        try:
            yield state.writer
        except sqlite3.Error:
            _drop_writer(state)  # the next batch starts on a fresh connection
            raise


def _drop_writer(state: LogFile) -> None:
    if state.writer is None:
        return
    try:
        if state.writer.conn.in_transaction:
            state.writer.conn.rollback()
        state.writer.close()
    except sqlite3.Error:
        pass  # it is being thrown away because it failed
    state.writer, state.writer_file = None, None


def close_writer(app: Flask) -> None:
    """When the server stops: close the class server's writer connection."""
    state = _file(app)
    with state.write_lock:
        _drop_writer(state)
