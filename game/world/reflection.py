"""The end-of-day reflection: strengths first, then one thing to try tomorrow.

Built from the level, the day and the pupil's state only. It never ranks or
shames: a late lesson becomes a tip, not a mark. The texts are catalogue keys
with their values (`Said`), filled in on screen, where the pupil's own keys and
language are known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.content.level import Day, Level
from game.rules.state import PupilState

TRUST = 2


@dataclass(frozen=True)
class Said:
    """A catalogue text to show: its key and the values for its blanks."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)


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
    strengths: list[Said] = field(default_factory=list)
    tip: Said | None = None


@dataclass(frozen=True)
class _Counts:
    held: list[str]
    on_time: list[str]
    late: list[str]
    missed: list[str]
    given: int
    noted: int
    kind: int

    def on_time_share(self) -> float:
        return len(self.on_time) / len(self.held) if self.held else 0.0


def _counts(level: Level, day: Day, state: PupilState) -> _Counts:
    """One day's lessons and homework as the pupil's state remembers them."""
    statuses = {lesson.id: state.lessons.get(lesson.id, "missed") for lesson in day.lessons}
    held = [lid for lid, s in statuses.items() if s != "cancelled"]
    day_lessons = {lesson.id for lesson in day.lessons}
    given = [h for h in level.homework if h.given_in in day_lessons and h.id in state.homework]
    return _Counts(held, [lid for lid in held if statuses[lid] == "on_time"],
                   [lid for lid in held if statuses[lid] == "late"],
                   [lid for lid in held if statuses[lid] == "missed"],
                   len(given), sum(h.id in state.homework_noted for h in given),
                   state.kind_acts.get(day.id, 0))


def grown(today: _Counts, yesterday: _Counts) -> list[Said]:
    """What grew since yesterday (at most two lines): on time more often, kinder, the
    homework written down this time. Only ever good news; nothing that shrank."""
    grew: list[Said] = []
    if today.held and yesterday.held and today.on_time_share() > yesterday.on_time_share():
        grew.append(Said("reflect_grew_on_time"))
    if today.kind > yesterday.kind:
        grew.append(Said("reflect_grew_kind"))
    if today.given and today.noted == today.given and yesterday.noted < yesterday.given:
        grew.append(Said("reflect_grew_homework"))
    return grew[:2]


def summarise(level: Level, day: Day, state: PupilState, *, last_day: bool = False,
              previous: Day | None = None) -> DaySummary:
    """The day's reflection; with `previous` (yesterday) it starts with what grew."""
    counts = _counts(level, day, state)
    held, on_time, late, missed = counts.held, counts.on_time, counts.late, counts.missed
    trusted = [c.name for c in level.characters if state.relation(c.id) >= TRUST]
    day_lessons = {lesson.id for lesson in day.lessons}
    given = [h for h in level.homework if h.given_in in day_lessons and h.id in state.homework]
    noted = [h for h in given if h.id in state.homework_noted]
    changes = [c for c in day.changes if c.id in state.changes_seen]
    summary = DaySummary(day.id, len(held), len(on_time), late, missed, trusted, len(noted),
                         len(given), len(changes), len(state.clues))
    s = summary.strengths
    if previous is not None:
        s += grown(counts, _counts(level, previous, state))
    if on_time and len(on_time) == len(held):
        s.append(Said("reflect_on_time_all", {"n": len(on_time)}))
    elif on_time:  # "on time for 0 lessons" is not a strength: then it is left out
        s.append(Said("reflect_on_time_some", {"n": len(on_time), "total": len(held)}))
    kind = state.kind_acts.get(day.id, 0)
    if kind:  # kindness counts from the first kind act
        s.append(Said("reflect_kind", {"n": kind}))
    for name in trusted[:3]:
        s.append(Said("reflect_trust", {"name": name}))
    if day.id in state.calm_days:
        s.append(Said("reflect_calm"))
    helped = state.help_asked.get(day.id, 0)
    if helped:  # asking is a skill, not a weakness
        s.append(Said("reflect_help", {"n": helped}))
    if noted:
        s.append(Said("reflect_homework_noted", {"n": len(noted)}))
    if changes:
        s.append(Said("reflect_changes", {"n": len(changes)}))
    if state.clues:
        s.append(Said("reflect_clues", {"n": len(state.clues)}))
    if not s:
        s.append(Said("reflect_tried"))
    if missed or late:
        tip = "late"
    elif len(noted) < len(given):
        tip = "homework"
    elif not trusted and not kind:
        tip = "talk"
    else:
        tip = "keep"
    # After the last day there is no "tomorrow" in the game: the tip is for the real school.
    summary.tip = Said(f"reflect_tip_real_{tip}" if last_day else f"reflect_tip_{tip}")
    return summary
