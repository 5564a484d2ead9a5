"""The school day's rules: the bell, arriving on time or late, changes seen, the day's end.

`decide()` looks at the day, the clock, where the pupil is and what they did,
and returns what happens now as decisions; the World carries them out (it is
the only one that changes itself). Attendance follows the real timetable (every
announced change applied); what the pupil *knows* follows only the changes they
have seen, so noticing a change is part of the game. A lesson itself is a short
conversation with the teacher (see lesson_talk).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.content.level import Change, Day
from game.content.timetable import PlannedLesson, planned
from game.rules.state import PupilState

WARN_MINUTES = 5
ENTRANCE = "entrance"  # the map's kind for the way in (and out): go home from here
Via = Literal["notice_board", "classmate", "door", "lesson", "talk"]


@dataclass(frozen=True)
class LessonVisit:
    """The pupil is in a lesson now: how they arrived decides what the teacher says."""

    planned: PlannedLesson
    status: Literal["on_time", "late"]
    minutes_late: int


@dataclass(frozen=True)
class SeeChange:
    change: Change
    via: Via


@dataclass(frozen=True)
class Ring:
    item: PlannedLesson
    warning: bool

    @property
    def key(self) -> str:
        return f"{'warn' if self.warning else 'bell'}:{self.item.lesson.id}"


@dataclass(frozen=True)
class Settle:
    """A lesson that is over without the pupil: missed, or cancelled as announced."""

    item: PlannedLesson
    status: Literal["missed", "cancelled"]


@dataclass(frozen=True)
class Arrive:
    visit: LessonVisit


@dataclass(frozen=True)
class EndDay:
    pass


Decision = SeeChange | Ring | Settle | Arrive | EndDay


def decide(day: Day, now: float, room: str | None, state: PupilState,
           notice_board: str | None) -> list[Decision]:
    """What happens at this moment of the day, in order. An arrival is always last."""
    out: list[Decision] = []
    if room is not None and room == notice_board:
        out += [SeeChange(c, "notice_board") for c in day.changes
                if c.announce_at <= now and c.id not in state.changes_seen]
    settled: set[str] = set()
    for item in planned(day, now):
        lesson = item.lesson
        if lesson.id in state.lessons:
            continue
        change = item.change
        unseen = change is not None and change.id not in state.changes_seen
        if item.cancelled:
            if room == item.room and unseen and change is not None:
                out.append(SeeChange(change, "door"))
            if now >= lesson.start:
                out.append(Settle(item, "cancelled"))
                settled.add(lesson.id)
            continue
        if lesson.start - WARN_MINUTES <= now < lesson.start:
            _ring(out, Ring(item, warning=True), state)
        if now < lesson.start:
            if room == lesson.room and change is not None and change.kind == "room":
                out.append(SeeChange(change, "door"))  # a note on the door of the old room
            break
        _ring(out, Ring(item, warning=False), state)
        if now >= lesson.end:
            out.append(Settle(item, "missed"))
            settled.add(lesson.id)
            continue
        if room == item.room:
            late = max(0, int(now - lesson.start))
            out.append(Arrive(LessonVisit(item, "on_time" if late < 1 else "late", late)))
            return out
        if change is not None and change.kind == "room" and room == lesson.room and unseen:
            out.append(SeeChange(change, "door"))
        break  # one lesson at a time: later ones wait for this one
    if now >= day.end:  # after the last lesson there is free time until the day's end
        out.append(EndDay())
    return out


def lessons_over(day: Day, now: float, state: PupilState) -> bool:
    """Every lesson of the day is behind the pupil: free time until the day ends. A lesson
    whose cancellation is announced is behind the pupil already (no waiting for a PE
    lesson that will not be held before going home)."""
    cancelled = {item.lesson.id for item in planned(day, now) if item.cancelled}
    return bool(day.lessons) and all(lesson.id in state.lessons or lesson.id in cancelled
                                     for lesson in day.lessons) \
        and now >= _last_lesson_end(day, now)


def changes_to_tell(day: Day, now: float, state: PupilState, character: str) -> list[Change]:
    """Announced changes this character tells, that the pupil has not heard yet."""
    return [c for c in day.changes if c.told_by == character and c.announce_at <= now
            and c.id not in state.changes_seen]


def _ring(out: list[Decision], ring: Ring, state: PupilState) -> None:
    if ring.key not in state.bells:
        out.append(ring)


def _last_lesson_end(day: Day, now: float) -> float:
    held = [item.lesson.end for item in planned(day, now) if not item.cancelled]
    return max(held, default=day.start)
