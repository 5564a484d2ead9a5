"""The journal the game holds while it runs: one open log file, one session at a time."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from game.journal.checkpoint import Checkpointer
from game.journal.store import OpenedLog, open_log
from game.journal.writer import SessionInfo, SessionLog

LOG_NAME = "journal.sqlite"


class Journal:
    def __init__(self, opened: OpenedLog) -> None:
        self.opened = opened
        self.path = opened.path
        self.read_only = opened.read_only
        self.notice = opened.notice
        self.session: SessionLog | None = None
        self.checkpointer: Checkpointer | None = None
        if not self.read_only:  # the WAL is copied back by a thread, not inside a choice
            opened.db.execute("PRAGMA wal_autocheckpoint=0")
            self.checkpointer = Checkpointer(self.path).start()

    @classmethod
    def open(cls, path: Path) -> Journal:
        return cls(open_log(path))

    @property
    def db(self) -> Database:
        return self.opened.db

    def start_session(self, info: SessionInfo) -> SessionLog:
        self.end_session()
        self.session = SessionLog(None if self.read_only else self.opened.db, info)
        return self.session

    def flush(self) -> None:
        if self.session is not None:
            self.session.flush()

    def tick(self) -> None:
        if self.session is not None:
            self.session.tick()

    def end_session(self) -> None:
        if self.session is not None:
            self.session.end()
            self.session = None

    def close(self) -> None:
        self.end_session()
        if self.checkpointer is not None:
            self.checkpointer.stop()
        self.opened.db.close()  # the last connection out checkpoints what is left
