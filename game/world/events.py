"""Domain events: what happened, announced by the world for the log and the scenes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Event:
    """One thing that happened. `kind` names it (see KINDS); `data` holds its context."""

    kind: str
    game_time: float
    room: str | None
    data: dict[str, Any] = field(default_factory=dict)
    day: str | None = None


KINDS = (
    "level_start", "level_end", "room_entered", "stairs_taken", "conversation_started",
    "line_shown", "choice", "mood_change", "relation_change", "flag_set", "clue_found",
    "homework_given", "timetable_change_seen", "quit",
)
