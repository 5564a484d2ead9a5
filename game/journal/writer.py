"""Writing one play session's events: durable, in order, never lost, never in a frame's way.

A choice (and the other kinds marked `immediate` in game/events) is committed before the
game moves on. Everything else waits in a small batch that is committed once it is a
second old, and on every scene change and on exit, so a killed process loses at most
that last second. WAL with synchronous=NORMAL keeps a commit well under a millisecond.

When the log says no (another program holds it, the disk is full, the file became
read-only), nothing is dropped: the events stay in `pending` and go, fsynced, into the
session's spill file (game/journal/spill.py) before the game goes on; writing is tried
again with backoff and the batch lands whole, in order, once the log takes it. The game
asks `trouble` to tell the pupil why saving is paused.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlite_utils import Database

from game import __version__
from game.content.schema import format_time
from game.events import Event, Payload
from game.journal.faults import Trouble, trouble_of
from game.journal.spill import Spill
from game.journal.store import JournalError, writing

MAX_BATCH_AGE = 1.0  # seconds
BACKOFF_S = (0.25, 0.5, 1.0, 2.0, 4.0)
"""Waits between tries while the log says no; the last one repeats."""
BUSY_WAIT_MS = 10
"""How long one write waits for another program's lock before the events go to the spill
file instead: well inside a frame, and longer than any write of our own."""

EVENT_COLUMNS = ("id", "session_id", "seq", "kind", "wall_time", "game_day", "game_time",
                 "location", "payload")
INSERT_EVENT = (f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in EVENT_COLUMNS)})")


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class SessionInfo:
    pupil: str
    level: str
    seed: int
    language: str
    settings: dict[str, Any] = field(default_factory=dict)
    class_code: str | None = None
    app_version: str = __version__


class LogFile(Protocol):
    """Where a session writes: the connection to use now, or an error saying why not."""

    @property
    def path(self) -> Path: ...

    def writable(self) -> Database: ...


class _OneConnection:
    """A plain open log as a LogFile (tests and tools that hold a Database)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.path = Path(db.execute("PRAGMA database_list").fetchone()[2])

    def writable(self) -> Database:
        return self.db


class SessionLog:
    """The log of one sitting: call record() for each event, tick() every frame."""

    def __init__(self, log: LogFile | Database, info: SessionInfo,
                 clock: Callable[[], float] = time.monotonic,
                 backoff: Sequence[float] = BACKOFF_S) -> None:
        self.log: LogFile = _OneConnection(log) if isinstance(log, Database) else log
        self.info = info
        self.id = str(uuid.uuid4())
        self.seq = 0
        self.pending: list[dict[str, Any]] = []   # events not in the log yet, in order
        self._spilled = 0                          # how many of them are in the spill file
        self._oldest: float | None = None
        self._clock = clock
        self._backoff = tuple(backoff)
        self.ended = False
        self.trouble: Trouble | None = None        # why the log does not take events now
        self.spill_trouble: Trouble | None = None  # why the spill file does not either
        self.failures = 0
        self._next_try = 0.0
        now = utc_now()
        self._pupil_row = {"id": info.pupil, "created_at": now}
        self._session_row = {
            "id": self.id, "pupil_id": info.pupil, "level": info.level,
            "seed": info.seed, "app_version": info.app_version, "language": info.language,
            "settings": json.dumps(info.settings, ensure_ascii=False, sort_keys=True),
            "class_code": info.class_code, "started_at": now, "ended_at": None,
        }
        self._session_stored = False
        self._ended_at: str | None = None   # the end, while it is not in the log
        self._spill = Spill(self.log.path, self.id)
        self._header_spilled = self._end_spilled = False
        self.flush()

    # --- what the game calls ---
    def record(self, event: Event) -> None:
        """Queue one event; moments that matter are committed (or spilled) at once."""
        if self.ended:
            return
        self.pending.append(self._row(event.payload, event.day,
                                      format_time(event.game_time), event.room))
        if self._oldest is None:
            self._oldest = self._clock()
        if event.payload.immediate:  # tried now, whatever the backoff: a choice matters
            self.flush(force=True)

    def note(self, payload: Payload) -> None:
        """An event that is not part of the school day (the log's own check at start)."""
        if not self.ended:
            self.pending.append(self._row(payload, None, None, None))
            self.flush()

    def tick(self) -> None:
        """Called every frame: commit the batch once its oldest event is a second old;
        while the log says no, try again when the backoff says so."""
        now = self._clock()
        if (self._oldest is not None and now - self._oldest >= MAX_BATCH_AGE) or (
                self.trouble is not None and now >= self._next_try):
            self.flush()

    def flush(self, *, force: bool = False) -> bool:
        """Write what waits. True when everything is in the log; otherwise it is kept (in
        the spill file when that can be written) and tried again later. `force` tries
        now, whatever the backoff says (the pupil is waiting to quit)."""
        if not self.waiting_for_log:
            return True
        self._oldest = None
        if self.trouble is None or force or self._clock() >= self._next_try:
            try:
                self._write()
            except (sqlite3.Error, OSError, JournalError) as exc:
                self._failed(exc)
            else:
                self._written()
                return True
        self._spill_what_waits()
        return False

    def end(self) -> None:
        """Commit what is left and note when the sitting ended."""
        if self.ended:
            return
        self.ended = True
        self._ended_at = utc_now()
        if not self.flush(force=True):
            self._spill.close()  # the next start merges it

    # --- what the game asks ---
    @property
    def waiting_for_log(self) -> bool:
        return bool(self.pending) or not self._session_stored or self._ended_at is not None

    @property
    def unsaved(self) -> int:
        """Events (and the sitting's end) kept only in memory: lost if the game stops now."""
        end = int(self._ended_at is not None and not self._end_spilled)
        return len(self.pending) - self._spilled + end

    @property
    def in_spill(self) -> int:
        """Events (and the end) safe in the spill file, not in the log yet."""
        return self._spilled + int(self._ended_at is not None and self._end_spilled)

    @property
    def spill_path(self) -> Path | None:
        return self._spill.path

    # --- internals ---
    def _row(self, payload: Payload, day: str | None, game_time: str | None,
             room: str | None) -> dict[str, Any]:
        self.seq += 1
        return {"id": str(uuid.uuid4()), "session_id": self.id, "seq": self.seq,
                "kind": payload.kind, "wall_time": utc_now(), "game_day": day,
                "game_time": game_time, "location": room,
                "payload": json.dumps(payload.data(), ensure_ascii=False)}

    def _write(self) -> None:
        db = self.log.writable()
        with writing(db):
            if not self._session_stored:
                db.conn.execute("INSERT OR IGNORE INTO pupils (id, created_at) VALUES (?, ?)",
                                [self._pupil_row["id"], self._pupil_row["created_at"]])
                db.table("sessions").insert(self._session_row, ignore=True)
            if self.pending:
                db.conn.executemany(INSERT_EVENT, [tuple(row[c] for c in EVENT_COLUMNS)
                                                   for row in self.pending])
            if self._ended_at is not None:
                db.conn.execute("UPDATE sessions SET ended_at = ? WHERE id = ?",
                                [self._ended_at, self.id])

    def _written(self) -> None:
        self.pending.clear()
        self._spilled = 0
        self._session_stored = True
        self._ended_at = None
        self.trouble = self.spill_trouble = None
        self.failures = 0
        if self._spill.path is not None:  # all of it is in the log now
            self._spill.discard()
            self._header_spilled = self._end_spilled = False

    def _failed(self, exc: BaseException) -> None:
        self.trouble = trouble_of(exc)
        self.failures += 1
        wait = self._backoff[min(self.failures, len(self._backoff)) - 1]
        self._next_try = self._clock() + wait

    def _spill_what_waits(self) -> None:
        lines: list[dict[str, Any]] = [{"type": "event", **row}
                                       for row in self.pending[self._spilled:]]
        if self._ended_at is not None and not self._end_spilled:
            lines.append({"type": "end", "session_id": self.id, "ended_at": self._ended_at})
        if not lines:
            return
        if not self._header_spilled:
            lines.insert(0, {"type": "session", "pupil": self._pupil_row,
                             "session": self._session_row})
        try:
            self._spill.append(lines)
        except OSError as exc:
            self.spill_trouble = trouble_of(exc)
            return
        self.spill_trouble = None
        self._header_spilled = True
        self._end_spilled = self._ended_at is not None
        self._spilled = len(self.pending)
