"""Writing one play session's events: durable, in order, and never in the way of a frame.

A choice (and the other kinds marked `immediate` in game/events) is committed
before the game moves on. Everything else waits in a small batch that is committed once it is
a second old, and on every scene change and on exit, so a killed process
loses at most that last second. WAL with synchronous=NORMAL keeps a commit
well under a millisecond and the file intact after a crash.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from game import __version__
from game.content.schema import format_time
from game.events import Event
from game.journal.store import writing

MAX_BATCH_AGE = 1.0  # seconds


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


class SessionLog:
    """The log of one sitting: call record() for each event, tick() every frame."""

    def __init__(self, db: Database | None, info: SessionInfo,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.db = db  # None: the log is read-only (a newer version's file); nothing is written
        self.info = info
        self.id = str(uuid.uuid4())
        self.seq = 0
        self.pending: list[dict[str, Any]] = []
        self._oldest: float | None = None
        self._clock = clock
        self.ended = False
        if db is not None:
            now = utc_now()
            with writing(db):
                db.table("pupils").insert({"id": info.pupil, "created_at": now}, ignore=True)
                db.table("sessions").insert({
                    "id": self.id, "pupil_id": info.pupil, "level": info.level,
                    "seed": info.seed, "app_version": info.app_version,
                    "language": info.language,
                    "settings": json.dumps(info.settings, ensure_ascii=False, sort_keys=True),
                    "class_code": info.class_code, "started_at": now, "ended_at": None,
                })

    def record(self, event: Event) -> None:
        """Queue one event; moments that matter are committed at once."""
        if self.ended:
            return
        self.seq += 1
        self.pending.append({
            "id": str(uuid.uuid4()), "session_id": self.id, "seq": self.seq,
            "kind": event.kind, "wall_time": utc_now(), "game_day": event.day,
            "game_time": format_time(event.game_time), "location": event.room,
            "payload": json.dumps(event.payload.data(), ensure_ascii=False),
        })
        if self._oldest is None:
            self._oldest = self._clock()
        if event.payload.immediate:
            self.flush()

    def tick(self) -> None:
        """Called every frame: commit the batch once its oldest event is a second old."""
        if self._oldest is not None and self._clock() - self._oldest >= MAX_BATCH_AGE:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        rows, self.pending, self._oldest = self.pending, [], None
        if self.db is None:
            return
        with writing(self.db):
            self.db.table("events").insert_all(rows)

    def end(self) -> None:
        """Commit what is left and note when the sitting ended."""
        if self.ended:
            return
        self.flush()
        self.ended = True
        if self.db is not None:
            with writing(self.db):
                self.db.table("sessions").update(self.id, {"ended_at": utc_now()})
