"""The school day's rules: the bell, arriving on time or late, changes, lessons, homework.

The world calls `update()` after every step. Attendance follows the real
timetable (every announced change applied); what the pupil *knows* follows
only the changes they have seen, so noticing a change is part of the game.
A lesson itself is a short conversation with the teacher (see lesson_talk);
the clock stands still while it is on screen and then jumps to the lesson's end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.content.level import Change
from game.world.timetable import PlannedLesson, planned

if TYPE_CHECKING:
    from game.world.world import World

WARN_MINUTES = 5


@dataclass
class LessonVisit:
    """The pupil is in a lesson now: how they arrived decides what the teacher says."""

    planned: PlannedLesson
    status: str  # on_time | late
    minutes_late: int


def update(world: World) -> None:
    if world.lesson is not None or world.day_over:
        return
    now = world.clock.minutes
    state = world.state
    room = world.room.id if world.room else None
    _notice_board(world, room)
    for item in planned(world.day, now):
        lesson = item.lesson
        if lesson.id in state.lessons:
            continue
        if item.cancelled:
            if room == item.room and item.change and item.change.id not in state.changes_seen:
                see_change(world, item.change, "door")
            if now >= lesson.start:
                state.lessons[lesson.id] = "cancelled"
                world.emit("lesson_cancelled", {"lesson": lesson.id, "room": item.room})
            continue
        if lesson.start - WARN_MINUTES <= now < lesson.start:
            _ring(world, f"warn:{lesson.id}", "bell_warning", item)
        if now < lesson.start:
            if room == lesson.room and item.change and item.change.kind == "room":
                see_change(world, item.change, "door")  # a note on the door of the old room
            break
        _ring(world, f"bell:{lesson.id}", "bell", item)
        if now >= lesson.end:
            state.lessons[lesson.id] = "missed"
            world.emit("lesson_missed", _lesson_data(item))
            continue
        if room == item.room:
            late = int(now - lesson.start)
            status = "on_time" if late < 1 else "late"
            state.lessons[lesson.id] = status
            state.minutes_late[lesson.id] = max(0, late)
            world.lesson = LessonVisit(item, status, max(0, late))
            world.emit(f"lesson_{status}", {**_lesson_data(item), "minutes_late": max(0, late)})
            return
        if (item.change and item.change.kind == "room" and room == lesson.room
                and item.change.id not in state.changes_seen):
            see_change(world, item.change, "door")
        break  # one lesson at a time: later ones wait for this one
    all_done = bool(world.day.lessons) and _all_decided(world) and now >= _last_lesson_end(world)
    if now >= world.day.end or all_done:  # a day without lessons (class mode) runs to its end
        world.end_day()


def see_change(world: World, change: Change, via: str) -> None:
    """The pupil learns about a change: on the notice board, a door, a classmate, a teacher."""
    if change.id in world.state.changes_seen:
        return
    world.state.changes_seen.append(change.id)
    world.notices.append(change.message)
    world.emit("timetable_change_seen", {"change": change.id, "lesson": change.lesson,
                                         "kind": change.kind, "via": via})


def changes_to_tell(world: World, character: str) -> list[Change]:
    """Announced changes this character tells, that the pupil has not heard yet."""
    now = world.clock.minutes
    return [c for c in world.day.changes if c.told_by == character and c.announce_at <= now
            and c.id not in world.state.changes_seen]


def wait_for_bell(world: World) -> bool:
    """In the right room early: skip the wait until the bell (nobody likes waiting)."""
    nxt = world.next_lesson()
    if nxt is None or world.room is None or world.room.id != nxt.room:
        return False
    if world.clock.minutes < nxt.lesson.start:
        world.clock.minutes = nxt.lesson.start
        world.emit("waited_for_bell", {"lesson": nxt.lesson.id})
    return True


def _notice_board(world: World, room: str | None) -> None:
    if room is None or room != world.level.notice_board:
        return
    now = world.clock.minutes
    for change in world.day.changes:
        if change.announce_at <= now and change.id not in world.state.changes_seen:
            see_change(world, change, "notice_board")


def _ring(world: World, key: str, kind: str, item: PlannedLesson) -> None:
    if key not in world.state.bells:
        world.state.bells.append(key)
        world.emit(kind, _lesson_data(item))


def _all_decided(world: World) -> bool:
    return all(lesson.id in world.state.lessons for lesson in world.day.lessons)


def _last_lesson_end(world: World) -> float:
    held = [item.lesson.end for item in planned(world.day, world.clock.minutes)
            if not item.cancelled]
    return max(held, default=world.day.start)


def _lesson_data(item: PlannedLesson) -> dict[str, object]:
    return {"lesson": item.lesson.id, "subject": item.lesson.subject.nl, "room": item.room,
            "teacher": item.teacher, "changed": item.change.id if item.change else None}
