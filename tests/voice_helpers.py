"""Helpers for the tests of the pupil's own voice: the log's events of a pupil, and a
pupil's marks and handover written into a log as the game writes them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from game.events import Payload, parse
from game.events.talking import ChoiceMade
from game.events.voice import HandoverWritten, MomentMarked, moment_key


def events_of(db: Path, pupil: str) -> list[dict]:
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        return [dict(r) for r in con.execute(
            "select e.* from events e join sessions s on s.id = e.session_id "
            "where s.pupil_id = ? order by s.started_at, e.seq", [pupil])]


def append(db: Path, session_id: str, day: str | None, payload: Payload, key: str) -> None:
    """One more event at the end of a session, as the game's log writes it."""
    with sqlite3.connect(db) as con:
        seq = con.execute("select max(seq) from events where session_id = ?",
                          [session_id]).fetchone()[0] + 1
        con.execute("insert into events (id, session_id, seq, kind, wall_time, game_day, "
                    "game_time, payload) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    [key, session_id, seq, payload.kind, "2026-11-23T16:00:00.000+00:00",
                     day, "15:30", json.dumps(payload.data())])


def add_mark(db: Path, row: dict, mark: str, note: str = "") -> MomentMarked:
    """Log the pupil's mark on this moment, in its session, as the logbook does."""
    payload = parse(row["kind"], json.loads(row["payload"]))
    key = moment_key(payload)
    assert key is not None
    aspects = list(payload.aspects) if isinstance(payload, ChoiceMade) else []
    marked = MomentMarked(day=row["game_day"], moment=key[0], category=key[1],
                          aspects=aspects, mark=mark, note=note)
    append(db, row["session_id"], row["game_day"], marked, f"mark-{row['id']}")
    return marked


def add_handover(db: Path, pupil: str, note: str) -> HandoverWritten:
    """"Mijn overstap" at the end of the pupil's last session."""
    last = events_of(db, pupil)[-1]
    written = HandoverWritten(helps=["floor_plan", "changes_told"], hard=["crowds"], note=note)
    append(db, last["session_id"], last["game_day"], written, f"handover-{pupil}")
    return written
