"""The three tile layers of a laid-out school: floors by room kind, walls with doors and
faces (windows, whiteboards, lockers, notice boards), and furniture by room kind.

Furniture never closes a way: after furnishing, any walkable tile a pupil could not
reach from the entrance has the furniture around it taken away.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game import paths
from game.school_plan.layout import NORTH_Y, Box, Layout

TILESET = paths.LEVELS / "maps" / "school_tiles.tsx"
CLASSROOMS = ("classroom", "lab", "art", "music", "computer")
FLOOR_TILE = {
    "classroom": "wood", "aula": "corridor", "kantine": "canteen", "gym": "gym",
    "concierge": "wood", "lockers": "corridor", "entrance": "corridor", "toilets": "bathroom",
    "quiet": "carpet_lilac", "library": "carpet_green", "teachers": "wood", "corridor": "corridor",
    "lab": "bathroom", "art": "wood", "music": "carpet_lilac", "computer": "carpet_green",
    "office": "wood", "room": "wood",
}


def tile_names(tileset: Path = TILESET) -> dict[str, int]:
    """Tile name -> gid (first gid 1), read from the tileset's `tile_name` properties."""
    names: dict[str, int] = {}
    for tile in ET.parse(tileset).getroot().iter("tile"):
        for prop in tile.iter("property"):
            if prop.get("name") == "tile_name":
                names[str(prop.get("value"))] = int(tile.get("id", "0")) + 1
    return names


def blocked_gids(tileset: Path = TILESET) -> set[int]:
    found = set()
    for tile in ET.parse(tileset).getroot().iter("tile"):
        for prop in tile.iter("property"):
            if prop.get("name") == "blocked" and prop.get("value") == "true":
                found.add(int(tile.get("id", "0")) + 1)
    return found


@dataclass
class Grid:
    width: int
    height: int
    gids: dict[str, int]
    floor: list[list[int]] = field(default_factory=list)
    walls: list[list[int]] = field(default_factory=list)
    furniture: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.floor = [[0] * self.width for _ in range(self.height)]
        self.walls = [[0] * self.width for _ in range(self.height)]
        self.furniture = [[0] * self.width for _ in range(self.height)]

    def g(self, name: str) -> int:
        return self.gids[name]

    def walkable(self, x: int, y: int, blocked: set[int]) -> bool:
        if not (0 <= x < self.width and 0 <= y < self.height):
            return False
        return not any(layer[y][x] in blocked for layer in (self.floor, self.walls,
                                                             self.furniture))


def paint(layout: Layout, gids: dict[str, int]) -> Grid:
    grid = Grid(layout.width, layout.height, gids)
    g = grid.g
    outside = layout.floors[[f.number for f in layout.floors].index(layout.entrance.floor)]
    for y in range(grid.height):
        for x in range(grid.width):
            inside = outside.ox <= x < outside.ox + outside.width
            grid.floor[y][x] = g("grass") if inside else g("void")
    for room in layout.rooms:
        for y in range(room.y, room.y + room.h):
            for x in range(room.x, room.x + room.w):
                grid.floor[y][x] = g(FLOOR_TILE[room.kind])
                if x in (room.x, room.x + room.w - 1) or y in (room.y, room.y + room.h - 1):
                    grid.walls[y][x] = g("wall_top")
    for room in layout.rooms:
        for dx, dy in room.doors:
            grid.walls[dy][dx] = g("door")
    for floor in layout.floors:  # corridors of one floor open into each other
        for gang in floor.corridors[:-1]:
            x = gang.x + gang.w - 1
            for y in range(gang.y + 1, gang.y + gang.h - 1):
                grid.walls[y][x] = 0
    _wall_faces(grid, layout)
    for room in layout.rooms:
        _furnish(grid, room)
    for stairs in layout.stairs:
        for yy in range(stairs.y, stairs.y + stairs.h):
            for xx in range(stairs.x, stairs.x + stairs.w):
                grid.floor[yy][xx] = g("stairs")
    return grid


def _wall_faces(grid: Grid, layout: Layout) -> None:
    """Horizontal walls with floor below show their face (3/4 view)."""
    g = grid.g
    inside: dict[tuple[int, int], Box] = {}
    for room in layout.rooms:
        for y in range(room.y + 1, room.y + room.h - 1):
            for x in range(room.x + 1, room.x + room.w - 1):
                inside[(x, y)] = room
    for y in range(grid.height - 1):
        for x in range(grid.width):
            if grid.walls[y][x] != g("wall_top") or grid.walls[y + 1][x]:
                continue
            below = inside.get((x, y + 1))
            if below is None:
                continue
            face = "wall_face"
            local_x = x - below.x
            if y == NORTH_Y and local_x % 3 == 1:
                face = "window"
            if below.kind in CLASSROOMS and y == below.y and 2 <= local_x <= 4:
                face = "whiteboard"
            if below.kind == "lockers" and y == below.y:
                face = "locker"
            if below.kind in ("corridor", "entrance") and local_x in (9, 10):
                face = "notice_board"
            grid.walls[y][x] = g(face)
    for x, y in layout.front_doors():
        grid.walls[y][x] = g("door")


def _furnish(grid: Grid, room: Box) -> None:
    ix, iy, iw, ih = room.interior
    keep_free = set()
    for dx, dy in room.doors:
        for k in range(-1, 3):
            keep_free.add((dx, dy + k))
            keep_free.add((dx, dy - k))

    def put(name: str, x: int, y: int) -> None:
        if ix <= x < ix + iw and iy <= y < iy + ih and (x, y) not in keep_free:
            grid.furniture[y][x] = grid.g(name)

    FURNISH.get(room.kind, _plant_corner)(put, ix, iy, iw, ih)
    if room.kind == "gym":
        for x in range(ix, ix + iw):
            grid.floor[iy + ih // 2][x] = grid.g("gym_line")
    for y in range(iy, iy + ih):  # the entrance mat is walkable: it lies on the floor
        for x in range(ix, ix + iw):
            if grid.furniture[y][x] == grid.g("mat"):
                grid.furniture[y][x] = 0
                grid.floor[y][x] = grid.g("mat")


Put = Callable[[str, int, int], None]
"""Puts a piece of furniture on a tile, unless it lies outside the room or before a door."""


def _classroom(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    put("teacher_desk", ix + iw - 3, iy + 1)
    for y in range(iy + 3, iy + ih - 1, 2):
        for x in range(ix + 1, ix + iw - 1, 2):
            put("desk", x, y)
    put("plant", ix, iy + ih - 1)
    put("bin", ix + iw - 1, iy + ih - 1)


def _lab(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    put("teacher_desk", ix + iw - 3, iy + 1)
    for y in range(iy + 3, iy + ih - 1, 3):
        for x in range(ix + 1, ix + iw - 2, 4):
            put("big_table", x, y)
            put("big_table", x + 1, y)
    for x in range(ix, ix + iw - 1, 3):
        put("sink", x, iy + ih - 1)


def _computer(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    put("teacher_desk", ix + iw - 3, iy + 1)
    for y in range(iy + 3, iy + ih - 1, 2):
        for x in range(ix + 1, ix + iw - 1, 2):
            put("computer", x, y)
    put("plant", ix, iy + ih - 1)


def _music(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    put("teacher_desk", ix + iw - 3, iy + 1)
    for x in range(ix + 1, ix + iw - 1, 2):
        put("desk", x, iy + ih - 2)
    for y in range(iy + 4, iy + ih - 2, 2):
        put("desk", ix + 1, y)
        put("desk", ix + iw - 2, y)
    put("plant", ix, iy)


def _art(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    put("teacher_desk", ix + iw - 3, iy + 1)
    for y in range(iy + 3, iy + ih - 1, 3):
        for x in range(ix + 1, ix + iw - 2, 4):
            put("big_table", x, y)
            put("big_table", x + 1, y)
    put("sink", ix, iy + ih - 1)
    put("plant", ix + iw - 1, iy + ih - 1)


def _aula(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    for x in (ix, ix + iw - 1):
        put("plant", x, iy)
    for x in range(ix + 2, ix + iw - 2, 3):
        put("sofa", x, iy + 2)
    put("plant", ix, iy + ih - 1)


def _kantine(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    for x in range(ix, ix + iw):
        put("counter", x, iy)
    for y in range(iy + 3, iy + ih - 1, 2):
        for x in range(ix + 1, ix + iw - 1, 3):
            put("canteen_table", x, y)
            put("canteen_table", x + 1, y)
    put("bin", ix + iw - 1, iy + ih - 1)


def _gym(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    for x in range(ix + 1, ix + iw - 1):
        put("gym_bench", x, iy)
    for x in range(ix + 2, ix + 5):
        put("gym_mat", x, iy + ih - 3)


def _concierge(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    for x in range(ix, ix + iw - 1):
        put("reception", x, iy + 2)
    put("computer", ix + 1, iy)
    put("plant", ix + iw - 1, iy)


def _lockers(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    for y in (iy + 3, iy + 6):
        for x in range(ix, ix + iw - 2):
            put("locker", x, y)


def _entrance(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    for dx in (-1, 0):
        put("mat", ix + iw // 2 + dx, iy + ih - 1)
    put("plant", ix, iy + ih - 1)
    put("plant", ix + iw - 1, iy + ih - 1)


def _toilets(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    for x in range(ix, ix + iw, 2):
        put("toilet", x, iy + ih - 1)
    for x in range(ix, ix + iw - 1, 2):
        put("sink", x, iy + 3)


def _quiet(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    put("sofa", ix + 1, iy + ih - 1)
    put("sofa", ix + 2, iy + ih - 1)
    for x, y in ((ix + 2, iy + 4), (ix + 5, iy + 6), (ix + 7, iy + 3)):
        put("beanbag", x, y)
    for x, y in ((ix, iy + 1), (ix + iw - 1, iy + 1), (ix + iw - 1, iy + ih - 1)):
        put("plant", x, y)


def _library(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    for y in range(iy + 2, iy + ih - 2, 3):
        for x in range(ix + 1, ix + 6):
            put("bookshelf", x, y)
    for y in range(iy + 3, iy + ih - 1, 3):
        put("computer", ix + iw - 3, y)
    put("plant", ix, iy + ih - 1)


def _teachers(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    for x in range(ix + 1, ix + iw - 2):
        put("big_table", x, iy + 5)
        put("big_table", x, iy + 6)
    put("coffee", ix + iw - 1, iy + ih - 1)
    put("sofa", ix, iy + ih - 1)
    put("plant", ix + iw - 1, iy + 3)


def _office(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    put("computer", ix + 1, iy)
    put("computer", ix + 3, iy)
    put("plant", ix + iw - 1, iy + ih - 1)


def _plant_corner(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    put("plant", ix, iy + ih - 1)
    put("big_table", ix + iw // 2, iy + ih // 2)


def _nothing(put: Put, ix: int, iy: int, iw: int, ih: int) -> None:
    """Corridors stay free to walk."""


FURNISH = {"corridor": _nothing, "classroom": _classroom, "lab": _lab, "computer": _computer,
           "music": _music, "art": _art, "aula": _aula, "kantine": _kantine, "gym": _gym,
           "concierge": _concierge, "lockers": _lockers, "entrance": _entrance,
           "toilets": _toilets, "quiet": _quiet, "library": _library, "teachers": _teachers,
           "office": _office}


def open_pockets(grid: Grid, layout: Layout, blocked: set[int]) -> int:
    """Take away furniture around walkable tiles no one can reach; returns how many."""
    removed = 0
    for _ in range(20):
        pockets = unreachable(grid, layout, blocked)
        if not pockets:
            break
        for x, y in pockets:
            for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if grid.furniture[ny][nx]:
                    grid.furniture[ny][nx] = 0
                    removed += 1
    return removed


def unreachable(grid: Grid, layout: Layout, blocked: set[int]) -> list[tuple[int, int]]:
    """Walkable tiles inside the building that a walk from the entrance never reaches."""
    sx, sy, _ = layout.start()
    jumps: dict[tuple[int, int], tuple[int, int]] = {}
    arrivals = {a.name: (a.x, a.y) for a in layout.arrivals}
    for stairs in layout.stairs:
        for yy in range(stairs.y, stairs.y + stairs.h):
            for xx in range(stairs.x, stairs.x + stairs.w):
                jumps[(xx, yy)] = arrivals[stairs.target]
    closed = set(layout.front_doors())
    start = (int(sx), int(sy))
    seen = {start}
    queue = deque([start])
    while queue:
        x, y = queue.popleft()
        # As in the game: stepping onto stairs carries you to their other end at once.
        steps = [jumps[(x, y)]] if (x, y) in jumps else \
            [(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)]
        for nxt in steps:
            if nxt not in seen and nxt not in closed and grid.walkable(*nxt, blocked):
                seen.add(nxt)
                queue.append(nxt)
    missing = []
    for room in layout.rooms:
        ix, iy, iw, ih = room.interior
        for y in range(iy, iy + ih):
            for x in range(ix, ix + iw):
                if (x, y) not in seen and (x, y) not in jumps and grid.walkable(x, y, blocked):
                    missing.append((x, y))  # (the far half of stairs is never stepped on)
    return missing
