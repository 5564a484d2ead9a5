"""The end-of-day reflection: strengths first, then one thing to try tomorrow.

Built from the world's state only. It never ranks or shames: a late lesson
becomes a tip, not a mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.content.schema import LocalText
from game.world.speech import both

if TYPE_CHECKING:
    from game.world.world import World

TRUST = 2


@dataclass
class DaySummary:
    day: str
    lessons: int
    on_time: int
    late: list[str]
    missed: list[str]
    trusted_by: list[str]
    homework_noted: int
    homework_given: int
    changes_seen: int
    clues: int
    strengths: list[LocalText] = field(default_factory=list)
    tip: LocalText | None = None

    def data(self) -> dict[str, Any]:
        return {"day": self.day, "lessons": self.lessons, "on_time": self.on_time,
                "late": self.late, "missed": self.missed, "trusted_by": self.trusted_by,
                "homework_noted": self.homework_noted, "homework_given": self.homework_given,
                "changes_seen": self.changes_seen, "clues": self.clues,
                "tip": self.tip.nl if self.tip else None}


def summarise(world: World) -> DaySummary:
    state, day, level = world.state, world.day, world.level
    statuses = {lesson.id: state.lessons.get(lesson.id, "missed") for lesson in day.lessons}
    held = [lid for lid, s in statuses.items() if s != "cancelled"]
    on_time = [lid for lid in held if statuses[lid] == "on_time"]
    late = [lid for lid in held if statuses[lid] == "late"]
    missed = [lid for lid in held if statuses[lid] == "missed"]
    trusted = [c.name for c in level.characters if state.relation(c.id) >= TRUST]
    day_lessons = {lesson.id for lesson in day.lessons}
    given = [h for h in level.homework if h.given_in in day_lessons and h.id in state.homework]
    noted = [h for h in given if h.id in state.homework_noted]
    changes = [c for c in day.changes if c.id in state.changes_seen]
    summary = DaySummary(day.id, len(held), len(on_time), late, missed, trusted, len(noted),
                         len(given), len(changes), len(state.clues))
    s = summary.strengths
    if held:
        s.append(both("reflect_on_time", n=len(on_time), total=len(held)))
    for name in trusted[:3]:
        s.append(both("reflect_trust", name=name))
    if noted:
        s.append(both("reflect_homework_noted", n=len(noted)))
    if changes:
        s.append(both("reflect_changes", n=len(changes)))
    if state.clues:
        s.append(both("reflect_clues", n=len(state.clues)))
    if not s:
        s.append(both("reflect_tried"))
    if missed or late:
        summary.tip = both("reflect_tip_late")
    elif len(noted) < len(given):
        summary.tip = both("reflect_tip_homework")
    elif not trusted:
        summary.tip = both("reflect_tip_talk")
    else:
        summary.tip = both("reflect_tip_keep")
    return summary
