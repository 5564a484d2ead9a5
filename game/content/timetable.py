"""The day's timetable with the changes announced so far applied."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from game.content.level import Change, Day, Lesson


@dataclass(frozen=True)
class PlannedLesson:
    lesson: Lesson
    room: str
    teacher: str
    cancelled: bool
    change: Change | None


def planned(day: Day, now: float, seen: Collection[str] | None = None) -> list[PlannedLesson]:
    """Every lesson of the day as it stands at `now` (changes announced by then applied).

    With `seen`, only those changes count: the timetable as the pupil knows it.
    """
    out = []
    for lesson in sorted(day.lessons, key=lambda item: item.start):
        room, teacher, cancelled, change = lesson.room, lesson.teacher, False, None
        for ch in day.changes:
            if ch.lesson != lesson.id or ch.announce_at > now:
                continue
            if seen is not None and ch.id not in seen:
                continue
            change = ch
            if ch.kind == "room" and ch.new_room:
                room = ch.new_room
            elif ch.kind == "substitute" and ch.substitute:
                teacher = ch.substitute
            elif ch.kind == "cancelled":
                cancelled = True
        out.append(PlannedLesson(lesson, room, teacher, cancelled, change))
    return out


def next_lesson(day: Day, now: float, seen: Collection[str] | None = None,
                decided: Collection[str] = ()) -> PlannedLesson | None:
    """The lesson going on now, or else the next one; cancelled and finished ones skipped."""
    for item in planned(day, now, seen):
        if item.lesson.id in decided:  # on time, late, missed: done or going on now
            continue
        if item.lesson.end > now and not item.cancelled:
            return item
    return None
