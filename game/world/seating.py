"""In class: while a lesson runs, the class sits in its room and the teacher stands at
the front, in the room the lesson really is in (a room change, a substitute applied).

A child who takes pictures literally should see the lesson the text describes: the
classmates who speak in a lesson's moment sit there, and nobody teaches in an empty
room or waits in the old one. Seats are free tiles, every other one, away from the door.
"""

from __future__ import annotations

from collections.abc import Collection

from game.content.level import Day, Level
from game.content.school_map import SchoolMap
from game.content.timetable import PlannedLesson, planned
from game.world import pathfinding
from game.world.pathfinding import Tile

IN_CLASS_BEFORE = 3  # minutes before the bell the class is in the room
DOOR_ROOM = 2  # tiles kept free around a door, so the pupil can always walk in


def lesson_now(day: Day, now: float) -> PlannedLesson | None:
    """The lesson being held now (or about to begin), as the real timetable has it."""
    for item in planned(day, now):
        if not item.cancelled and item.lesson.start - IN_CLASS_BEFORE <= now < item.lesson.end:
            return item
    return None


def seats(level: Level, smap: SchoolMap, day: Day, now: float,
          present: Collection[str]) -> dict[str, tuple[float, float]]:
    """Where the teacher and each classmate at school stand now (empty outside lessons)."""
    item = lesson_now(day, now)
    if item is None or item.room not in smap.rooms:
        return {}
    doors = [pathfinding.tile_of(smap, *d.rect.center) for d in smap.doors.values()
             if d.room == item.room]
    free = sorted(t for t in pathfinding.room_tiles(smap, item.room)
                  if all(abs(t[0] - d[0]) + abs(t[1] - d[1]) > DOOR_ROOM for d in doors))
    if not free:
        return {}
    top = min(y for _, y in free)
    middle = sum(x for x, _ in free) / len(free)
    front = min((t for t in free if t[1] == top), key=lambda t: abs(t[0] - middle))
    places: dict[str, tuple[float, float]] = {}
    if item.teacher in present:
        places[item.teacher] = pathfinding.centre(smap, front)
    chairs: list[Tile] = [t for t in free if t[1] > top + 1 and (t[0] + t[1]) % 2 == 0]
    chairs.sort(key=lambda t: (t[1], abs(t[0] - middle)))
    pupils = [c.id for c in level.characters if c.role == "classmate" and c.id in present]
    for who, chair in zip(pupils, chairs, strict=False):
        places[who] = pathfinding.centre(smap, chair)
    return places
