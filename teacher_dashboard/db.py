"""The dashboard's connections to the log, in one place (as in Flask's tutorial).

- `log()`: this request's read-only connection, opened on first use and closed when
  the request ends. SQLite's whole-file check runs once per file, not on every page.
- `class_writer()`: the class server's one long-lived writer connection, used by one
  batch at a time. Opening and closing it per batch made SQLite checkpoint the WAL
  every time (9 of 27 ms per batch at 112k events).

The mentor's own changes (a real name, an import, a delete, class codes) go through
game.journal, which opens its own connection to `path()` for each change.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, current_app, g
from sqlite_utils import Database

from game.journal.store import open_for_reading, open_log

EXTENSION = "dashboard_log"


@dataclass
class LogFile:
    """What the app keeps about its log between requests."""

    path: Path
    checked: set[tuple[int, int]] = field(default_factory=set)
    """Files (device, inode) whose whole-file check passed."""
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    writer: Database | None = None


def init_app(app: Flask) -> None:
    """Give the app its log (`DB_PATH` in its config) and close connections after use."""
    app.extensions[EXTENSION] = LogFile(Path(app.config["DB_PATH"]))
    app.teardown_appcontext(close_log)


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
        identity = (state.path.stat().st_dev, state.path.stat().st_ino) \
            if state.path.exists() else (0, 0)
        g.db = open_for_reading(state.path, verify=identity not in state.checked)
        state.checked.add(identity)  # a whole-file check once per file, not on every page
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
        if state.writer is None:
            opened = open_log(state.path, set_aside_bad=False, verify=False, any_thread=True)
            state.writer = opened.db
        yield state.writer


def close_writer(app: Flask) -> None:
    """When the server stops: close the class server's writer connection."""
    state = _file(app)
    with state.write_lock:
        if state.writer is not None:
            state.writer.close()
            state.writer = None
