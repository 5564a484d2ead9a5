"""The log's rows read back as typed events, through the event registry (game.events).

Each row's payload is parsed into its kind's class, so the story, the sheet and the
session list work on typed fields, never on guessed dictionary keys. A row the
registry cannot read (a kind it does not know, a payload that is not JSON or does
not validate: a newer game, an old bug, a hand-edited file) is skipped and counted,
so a page can say so once instead of failing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from game.events import Payload, parse


@dataclass(frozen=True)
class Logged:
    """One readable event: its typed payload, and when on the school clock it happened."""

    payload: Payload
    session_id: str | None = None
    game_day: str | None = None
    game_time: str | None = None


@dataclass
class Reading:
    events: list[Logged] = field(default_factory=list)
    unreadable: int = 0
    """Rows skipped because the registry could not read them."""

    def payloads(self) -> list[Payload]:
        return [e.payload for e in self.events]


def parse_row(row: Mapping[str, Any]) -> Payload | None:
    """The row's payload as its kind's class, or None when it cannot be read."""
    raw = row.get("payload")
    try:
        data = json.loads(raw) if isinstance(raw, str | bytes) else raw
        if not isinstance(data, Mapping):
            return None
        return parse(str(row.get("kind")), data)
    except (ValueError, TypeError, RecursionError):
        return None  # not JSON, an unknown kind (UnknownKind), a ValidationError


def read(rows: Iterable[Mapping[str, Any]]) -> Reading:
    """Rows of the events table (queries.story_events, summaries_of) as typed events."""
    reading = Reading()
    for row in rows:
        payload = parse_row(row)
        if payload is None:
            reading.unreadable += 1
            continue
        reading.events.append(Logged(payload, row.get("session_id"), row.get("game_day"),
                                     row.get("game_time")))
    return reading
