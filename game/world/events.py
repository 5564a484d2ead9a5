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


def choice_data(*, dialogue: str, node: str, character: str,
                said_before: list[dict[str, Any]], options: list[dict[str, Any]],
                chosen_index: int, aspects: dict[str, int] | None = None,
                skills: list[str] | None = None, reflect: dict[str, str] | None = None,
                response_ms: int = 0, **extra: Any) -> dict[str, Any]:
    """The payload of a `choice` event, one shape for every choice the log's view reads.

    `options` are `{id, nl, en}`; the chosen one is named by its index.
    """
    chosen = options[chosen_index]
    return {"dialogue": dialogue, "node": node, "character": character,
            "said_before": said_before, "options": options, "chosen": chosen["id"],
            "chosen_index": chosen_index,
            "chosen_text": {"nl": chosen["nl"], "en": chosen["en"]},
            "aspects": aspects or {}, "skills": skills or [], "reflect": reflect,
            "response_ms": response_ms, **extra}


KINDS = (
    "level_start", "level_end", "resume", "quit", "day_start", "day_end",
    "room_entered", "stairs_taken", "conversation_started", "choice",
    "mood_change", "relation_change", "flag_set", "clue_found",
    "bell_warning", "bell", "waited_for_bell", "lesson_on_time", "lesson_late",
    "lesson_missed", "lesson_cancelled", "lesson_end", "timetable_change_seen",
    "floor_plan_opened", "agenda_opened", "notebook_opened",
    "homework_given", "homework_noted", "homework_planned", "homework_done",
    "homework_handed_in", "homework_late", "accusation", "scene_start", "scene_end",
)
