"""The day's timetable with the changes announced so far applied."""

from __future__ import annotations

from dataclasses import dataclass

from game.content.level import Change, Day, Lesson


@dataclass(frozen=True)
class PlannedLesson:
    lesson: Lesson
    room: str
    teacher: str
    cancelled: bool
    change: Change | None


def planned(day: Day, now: float) -> list[PlannedLesson]:
    """Every lesson of the day as it stands at `now` (changes announced by then applied)."""
    out = []
    for lesson in sorted(day.lessons, key=lambda item: item.start):
        room, teacher, cancelled, change = lesson.room, lesson.teacher, False, None
        for ch in day.changes:
            if ch.lesson != lesson.id or ch.announce_at > now:
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


def next_lesson(day: Day, now: float) -> PlannedLesson | None:
    """The lesson going on now, or else the next one; cancelled lessons are skipped."""
    for item in planned(day, now):
        if item.lesson.end > now and not item.cancelled:
            return item
    return None
