"""The journal the game holds while it runs: one log file, one session at a time.

When the file cannot be opened (in use, read-only, a folder in its place) the game
still gets a Journal: its sessions keep their events in memory and in the spill file,
and every retry also tries to open the file again. At start it merges spill files left
by earlier runs and checks the log for damage (game/journal/health.py).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from sqlite_utils import Database

from game.events import Payload
from game.journal import health
from game.journal.checkpoint import Checkpointer
from game.journal.faults import Trouble
from game.journal.spill import Merged, merge_spills
from game.journal.store import CannotOpen, JournalError, OpenedLog, open_log
from game.journal.writer import BUSY_WAIT_MS, SessionInfo, SessionLog

LOG_NAME = "journal.sqlite"
GAME_OPEN_WAIT_S = 1.0
"""The game waits this long for a busy log at start (only when a migration must run)."""


class Journal:
    def __init__(self, path: Path, opened: OpenedLog | None,
                 trouble: Trouble | None = None, *, busy_wait_ms: int = BUSY_WAIT_MS) -> None:
        self.path = Path(path)
        self.busy_wait_ms = busy_wait_ms
        self.opened: OpenedLog | None = None
        self.trouble = trouble  # why the file could not be opened (None: it was)
        self.notice: str | None = None
        self.merged = Merged()
        self.findings: list[Payload] = []  # damage found at start, told in the next session
        self.session: SessionLog | None = None
        self.checkpointer: Checkpointer | None = None
        if opened is not None:
            self._use(opened)

    @classmethod
    def open(cls, path: Path, *, play_on: bool = False, wait: float = GAME_OPEN_WAIT_S,
             busy_wait_ms: int = BUSY_WAIT_MS) -> Journal:
        """Open the log. `play_on` (the game): a file that cannot be opened gives a
        journal that keeps events in the spill file; otherwise CannotOpen is raised.
        `busy_wait_ms`: how long one write waits for another program before it spills
        (the game: less than a frame; a batch tool such as `simulate` may wait longer)."""
        try:
            opened = open_log(path, wait=wait)
        except CannotOpen as exc:
            if not play_on:
                raise
            print(exc, file=sys.stderr)
            return cls(path, None, exc.trouble, busy_wait_ms=busy_wait_ms)
        return cls(path, opened, busy_wait_ms=busy_wait_ms)

    @property
    def read_only(self) -> bool:
        return self.opened is not None and self.opened.read_only

    @property
    def db(self) -> Database:
        if self.opened is None:
            raise CannotOpen(self.path, self.trouble or Trouble.OTHER)
        return self.opened.db

    def writable(self) -> Database:
        """The connection a session writes through (opened again when it could not be)."""
        if self.opened is None:
            try:
                opened = open_log(self.path, wait=0)
            except CannotOpen as exc:
                self.trouble = exc.trouble
                raise
            self._use(opened)
        assert self.opened is not None
        if self.opened.read_only:
            raise CannotOpen(self.path, Trouble.NEWER)
        return self.opened.db

    def start_session(self, info: SessionInfo) -> SessionLog:
        self.end_session()
        self.session = SessionLog(self, info)
        for finding in self.findings:  # e.g. the old file was damaged and set aside
            self.session.note(finding)
        self.findings = []
        return self.session

    def flush(self, *, force: bool = False) -> bool:
        """Write what waits; True when everything is in the log."""
        return self.session.flush(force=force) if self.session is not None else True

    def tick(self) -> None:
        if self.session is not None:
            self.session.tick()

    @property
    def log_trouble(self) -> Trouble | None:
        """Why events are not reaching the log right now (None: all is well)."""
        if self.session is not None and self.session.trouble is not None:
            return self.session.trouble
        return self.trouble if self.opened is None else None

    def end_session(self) -> None:
        if self.session is not None:
            self.session.end()
            self.session = None

    def close(self) -> None:
        self.end_session()
        if self.checkpointer is not None:
            self.checkpointer.stop()
        if self.opened is not None:
            self.opened.db.close()  # the last connection out checkpoints what is left

    # --- internals ---
    def _use(self, opened: OpenedLog) -> None:
        """A freshly opened file: merge what earlier runs spilled, check it, keep it."""
        self.opened = opened
        self.trouble = None
        self.notice = opened.notice
        if opened.read_only:
            return
        db = opened.db
        if opened.set_aside is not None:
            finding = health.set_aside_finding(opened.set_aside, opened.problem)
            if finding is not None:
                self.findings.append(finding)
        try:
            self.merged = merge_spills(db, self.path)
            health.record_gaps(db)
        except (sqlite3.Error, OSError, JournalError):
            pass  # busy or full right now: both are tried again at the next start
        db.execute(f"PRAGMA busy_timeout={int(self.busy_wait_ms)}")
        # the WAL is copied back by a thread, not inside a choice
        db.execute("PRAGMA wal_autocheckpoint=0")
        self.checkpointer = Checkpointer(self.path).start()
