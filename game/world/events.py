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
    "level_start", "level_end", "resume", "quit", "day_start", "day_end",
    "room_entered", "stairs_taken", "conversation_started", "choice",
    "mood_change", "relation_change", "flag_set", "clue_found",
    "bell_warning", "bell", "waited_for_bell", "lesson_on_time", "lesson_late",
    "lesson_missed", "lesson_cancelled", "lesson_end", "timetable_change_seen",
    "floor_plan_opened", "agenda_opened", "notebook_opened",
    "homework_given", "homework_noted", "homework_planned", "homework_done",
    "homework_handed_in", "homework_late", "accusation",
)
