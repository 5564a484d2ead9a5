"""The log's check at start: does every session still hold all its events?

SQLite's own quick_check runs when the file is opened (game/journal/store.py: a file
that fails it is set aside). Damage outside a crash (a torn WAL, a copied file) can
still drop committed events silently, so each session's sequence numbers are checked
too: a gap is recorded as a `log_damaged` event in that session, where the mentor's
story shows it. The event's id comes from the gap itself, so checking again adds
nothing twice.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from game.events.sitting import LogDamaged
from game.journal.store import writing

LIVE_MINUTES = 15
"""A session without an end that wrote this recently may still be playing elsewhere:
leave it alone (its gap, if real, is still there at the next start)."""
_IDS = uuid.UUID("6f0b7c1e-52a4-4b4e-9a55-3c1f0e9d2b71")


@dataclass(frozen=True)
class Gap:
    session_id: str
    first: int
    last: int
    missing: int


def find_gaps(db: Database) -> list[Gap]:
    """Sessions whose events are not numbered 1, 2, 3 ... without holes."""
    recent = (datetime.now(UTC) - timedelta(minutes=LIVE_MINUTES)).isoformat(
        timespec="milliseconds")
    candidates = db.execute(
        "select e.session_id from events e join sessions s on s.id = e.session_id "
        "group by e.session_id having count(*) < max(e.seq) "
        "and (max(s.ended_at) is not null or max(e.wall_time) < ?)", [recent]).fetchall()
    gaps = []
    for (session_id,) in candidates:
        seqs = [r[0] for r in db.execute(
            "select seq from events where session_id = ? and kind != ? order by seq",
            [session_id, LogDamaged.kind])]
        missing = sorted(set(range(1, seqs[-1] + 1)) - set(seqs)) if seqs else []
        if missing:
            gaps.append(Gap(session_id, missing[0], missing[-1], len(missing)))
    return gaps


def record_gaps(db: Database) -> list[Gap]:
    """Note every gap in its own session (once); returns the gaps found."""
    gaps = find_gaps(db)
    if not gaps:
        return []
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    with writing(db):
        for gap in gaps:
            before = db.execute(
                "select game_day, game_time, location from events where session_id = ? "
                "and seq < ? order by seq desc limit 1", [gap.session_id, gap.first]).fetchone()
            last_seq = db.execute("select max(seq) from events where session_id = ?",
                                  [gap.session_id]).fetchone()[0]
            payload = LogDamaged(problem="gap", missing=gap.missing, first=gap.first,
                                 last=gap.last)
            event_id = uuid.uuid5(_IDS, f"{gap.session_id}:{gap.first}-{gap.last}")
            db.execute(
                "insert or ignore into events (id, session_id, seq, kind, wall_time, "
                "game_day, game_time, location, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [str(event_id), gap.session_id, last_seq + 1, payload.kind, now,
                 *(before or (None, None, None)), json.dumps(payload.data(), ensure_ascii=False)])
    return gaps


def set_aside_finding(kept: Path, problem: str | None) -> LogDamaged | None:
    """A log that failed SQLite's check was set aside: the next session says so. (A
    foreign file in the log's place is no damage to the log: nothing to note.)"""
    if not (problem or "").startswith("corrupt"):
        return None
    return LogDamaged(problem="check_failed", kept_as=kept.name)
