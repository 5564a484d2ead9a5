"""Where everything of a plan lies on the tile grid: floors side by side, per floor its
corridors west to east with the rooms along both sides, stairs at a corridor's end.

Rooms share their walls with their neighbours and with the corridor; sizes are in tiles
with walls included. Pure geometry: painting tiles and writing TMX come after.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.school_plan.plan import Floor, PlanFile, SchoolPlan, StairsPlan

NORTH_Y, NORTH_H = 1, 11
CORRIDOR_Y, CORRIDOR_H = 11, 6
SOUTH_Y, SOUTH_H = 16, 13
FLOOR_H = SOUTH_Y + SOUTH_H + 1
GAP = 4
MIN_CORRIDOR = 14
"""Tiles from a corridor's first to last wall: room for stairs and the arrival point."""
ARRIVE_AWAY = 5
"""Arriving by the stairs puts the pupil this many tiles from the stairs back, so a key
still held from the walk up does not carry them straight down again."""

FLOOR_NAMES = {-3: ("derde kelderverdieping", "third basement"),
               -2: ("tweede kelderverdieping", "second basement"),
               -1: ("kelder", "basement"), 0: ("begane grond", "ground floor"),
               1: ("eerste verdieping", "first floor"), 2: ("tweede verdieping", "second floor"),
               3: ("derde verdieping", "third floor"), 4: ("vierde verdieping", "fourth floor"),
               5: ("vijfde verdieping", "fifth floor")}


def floor_name(number: int) -> tuple[str, str]:
    return FLOOR_NAMES.get(number, (f"verdieping {number}", f"floor {number}"))


@dataclass
class Box:
    """A room or corridor with its walls: x, y, w, h in tiles."""

    id: str
    nl: str
    en: str
    kind: str
    floor: int
    x: int
    y: int
    w: int
    h: int
    side: str = "corridor"
    doors: list[tuple[int, int]] = field(default_factory=list)
    plan_loc: tuple[object, ...] = ()
    open_east: bool = False
    """A corridor that opens into the next one: its room reaches into the opening."""

    @property
    def interior(self) -> tuple[int, int, int, int]:
        return self.x + 1, self.y + 1, self.w - 2, self.h - 2

    @property
    def area(self) -> tuple[int, int, int, int]:
        """The room object's rectangle: the interior, plus a corridor's opening."""
        ix, iy, iw, ih = self.interior
        return ix, iy, iw + (1 if self.open_east else 0), ih


@dataclass
class StairsBox:
    name: str
    floor: int
    x: int
    y: int
    up: bool
    target: str
    lift: bool
    w: int = 2
    h: int = 2


@dataclass
class Arrival:
    name: str
    floor: int
    x: int
    y: int
    facing: str


@dataclass
class FloorBox:
    number: int
    ox: int
    width: int
    corridors: list[Box] = field(default_factory=list)


@dataclass
class Layout:
    plan: SchoolPlan
    floors: list[FloorBox]
    rooms: list[Box]
    stairs: list[StairsBox]
    arrivals: list[Arrival]
    width: int
    height: int = FLOOR_H

    @property
    def by_id(self) -> dict[str, Box]:
        return {b.id: b for b in self.rooms}

    @property
    def entrance(self) -> Box:
        return next(b for b in self.rooms if b.kind == "entrance")

    def front_doors(self) -> list[tuple[int, int]]:
        """The entrance's glass doors to the street, on its outer wall."""
        e = self.entrance
        y = e.y + e.h - 1 if e.side == "south" else e.y
        return [(e.x + e.w // 2 + dx, y) for dx in (-1, 0)]

    def start(self) -> tuple[float, float, str]:
        """Where the pupil starts: inside the entrance, facing the corridor (pixels/32)."""
        e = self.entrance
        if e.side == "south":
            return e.x + e.w // 2, e.y + e.h - 5 + 0.5, "up"
        return e.x + e.w // 2, e.y + 4 + 0.5, "down"


def lay_out(found: PlanFile) -> Layout:
    plan = found.plan
    floors = sorted(plan.floors, key=lambda f: f.number)
    index = {id(f): i for i, f in enumerate(plan.floors)}
    rooms: list[Box] = []
    boxes: list[FloorBox] = []
    ox = 0
    for floor in floors:
        box = _floor(plan, floor, index[id(floor)], ox, rooms)
        boxes.append(box)
        ox += box.width + GAP
    stairs, arrivals = _stairs(plan, boxes)
    _doors_beside_stairs(rooms, stairs)
    return Layout(plan, boxes, rooms, stairs, arrivals, ox - GAP)


def _doors_beside_stairs(rooms: list[Box], stairs: list[StairsBox]) -> None:
    """A door never opens onto stairs (they would whisk the pupil away before the room):
    such a door moves along its wall to the nearest column free of stairs."""
    taken = {x for s in stairs for x in range(s.x, s.x + s.w)}
    for room in rooms:
        if room.kind == "corridor" or not any(x in taken for x, _ in room.doors):
            continue
        free = [x for x in range(room.x + 1, room.x + room.w - 1) if x not in taken]
        middle = room.x + room.w // 2
        free.sort(key=lambda x: abs(x - middle))
        y = room.doors[0][1]
        room.doors = sorted((x, y) for x in free[:len(room.doors)])


def _floor(plan: SchoolPlan, floor: Floor, fi: int, ox: int, rooms: list[Box]) -> FloorBox:
    nl, en = floor_name(floor.number)
    cx = 1
    box = FloorBox(floor.number, ox, 0)
    for ci, corridor in enumerate(floor.corridors):
        cid = plan.corridor_id(floor, ci)
        label = corridor.name
        gang = Box(cid, label.nl if label else f"Gang, {nl}", label.en if label else
                   f"Corridor, {en}", "corridor", floor.number, ox + cx, CORRIDOR_Y, 0,
                   CORRIDOR_H, plan_loc=("floors", fi, "corridors", ci))
        rooms.append(gang)
        end = cx + MIN_CORRIDOR - 1
        for side, y, h in (("north", NORTH_Y, NORTH_H), ("south", SOUTH_Y, SOUTH_H)):
            x = cx
            for ri, room in enumerate(getattr(corridor, side)):
                label_text = room.label()
                w = room.width
                made = Box(room.id, label_text.nl, label_text.en, room.kind, floor.number,
                           ox + x, y, w, h, side,
                           plan_loc=("floors", fi, "corridors", ci, side, ri))
                door_y = y + h - 1 if side == "north" else y
                door_x = ox + x + w // 2
                made.doors.append((door_x, door_y))
                if room.door_count > 1:
                    made.doors.append((door_x - 1, door_y))
                rooms.append(made)
                x += w - 1
            end = max(end, x)
        gang.w = end - cx + 1
        if box.corridors:
            box.corridors[-1].open_east = True
        box.corridors.append(gang)
        cx = end
    box.width = cx + 2
    return box


def _stairs(plan: SchoolPlan, floors: list[FloorBox]) -> tuple[list[StairsBox], list[Arrival]]:
    by_number = {f.number: f for f in floors}
    stairs: list[StairsBox] = []
    arrivals: list[Arrival] = []
    for floor in floors:
        for si, staircase in enumerate(plan.stairs):
            numbers = [n for n in plan.staircase_floors(staircase) if n in by_number]
            if floor.number not in numbers:
                continue
            at = numbers.index(floor.number)
            below = numbers[at - 1] if at > 0 else None
            above = numbers[at + 1] if at + 1 < len(numbers) else None
            x, arrive_x, facing = _end(floor, staircase)
            suffix = "" if si == 0 else f"-{staircase.id}"
            lift = staircase.kind == "lift"
            if above is not None:
                stairs.append(StairsBox(f"{staircase.id}-omhoog-{floor.number}", floor.number,
                                        x, CORRIDOR_Y + 1, True,
                                        f"aankomst-{above}-van-onder{suffix}", lift))
            if below is not None:
                stairs.append(StairsBox(f"{staircase.id}-omlaag-{floor.number}", floor.number,
                                        x, CORRIDOR_Y + 3, False,
                                        f"aankomst-{below}-van-boven{suffix}", lift))
            if below is not None:
                arrivals.append(Arrival(f"aankomst-{floor.number}-van-onder{suffix}",
                                        floor.number, arrive_x, CORRIDOR_Y + 4, facing))
            if above is not None:
                arrivals.append(Arrival(f"aankomst-{floor.number}-van-boven{suffix}",
                                        floor.number, arrive_x, CORRIDOR_Y + 1, facing))
    return stairs, arrivals


def _end(floor: FloorBox, staircase: StairsPlan) -> tuple[int, int, str]:
    """The stairs' first column, the arrival column and the way the pupil then faces."""
    if staircase.end == "east":
        gang = floor.corridors[-1]
        last = gang.x + gang.w - 1
        return last - 2, last - 2 - ARRIVE_AWAY, "left"
    gang = floor.corridors[0]
    return gang.x + 1, gang.x + 2 + ARRIVE_AWAY, "right"
