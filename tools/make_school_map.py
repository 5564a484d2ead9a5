"""Build levels/maps/school.tmx: a three-floor secondary school, openable in Tiled.

Run: python tools/make_school_map.py  (after tools/make_tiles.py)

The three floors lie side by side on one map; stairs objects join them. Rooms,
doors, stairs, spawn points, waypoints and characters are objects with
properties on object layers (see docs/levels.md). Once generated, the TMX is
ordinary content: edit it in Tiled, or change the plan below and regenerate.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_tiles import TILE_INDEX  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
T = 32
FLOOR_W, FLOOR_H, GAP = 40, 30, 4
FLOORS = 3
# Arriving by the stairs puts the pupil five tiles from the stairs back, so a key still
# held from the walk up does not carry them straight down again.
ARRIVE = 31
MAP_W, MAP_H = FLOORS * FLOOR_W + (FLOORS - 1) * GAP, FLOOR_H
CORRIDOR = (1, 11, 38, 6)  # x, y, w, h in floor-local tiles, walls included
NORTH_Y, NORTH_H = 1, 11
SOUTH_Y, SOUTH_H = 16, 13


@dataclass
class Room:
    rid: str
    nl: str
    en: str
    kind: str
    floor: int
    x: int
    y: int
    w: int
    h: int
    doors: list[tuple[int, int]] = field(default_factory=list)

    @property
    def interior(self) -> tuple[int, int, int, int]:
        return self.x + 1, self.y + 1, self.w - 2, self.h - 2


# (id, Dutch label, English label, kind, width) per row; widths share walls.
PLAN: dict[int, dict[str, list[tuple[str, str, str, str, int]]]] = {
    0: {
        "north": [
            ("aula", "Aula", "Main hall", "aula", 14),
            ("kantine", "Kantine", "Canteen", "kantine", 13),
            ("gymzaal", "Gymzaal", "Gym", "gym", 13),
        ],
        "south": [
            ("conciergeloge", "Conciërgeloge", "Caretaker's desk", "concierge", 8),
            ("kluisjes", "Kluisjes", "Lockers", "lockers", 8),
            ("ingang", "Ingang", "Entrance", "entrance", 9),
            ("toiletten-0", "Toiletten", "Toilets", "toilets", 7),
            ("stilteruimte", "Stilteruimte", "Quiet room", "quiet", 10),
        ],
    },
    1: {
        "north": [
            ("1.03", "Lokaal 1.03", "Room 1.03", "classroom", 10),
            ("1.05", "Lokaal 1.05", "Room 1.05", "classroom", 10),
            ("1.07", "Lokaal 1.07", "Room 1.07", "classroom", 10),
            ("1.09", "Lokaal 1.09", "Room 1.09", "classroom", 11),
        ],
        "south": [
            ("mediatheek", "Mediatheek", "Library", "library", 14),
            ("docentenkamer", "Docentenkamer", "Teachers' room", "teachers", 9),
            ("1.12", "Lokaal 1.12", "Room 1.12", "classroom", 9),
            ("toiletten-1", "Toiletten", "Toilets", "toilets", 9),
        ],
    },
    2: {
        "north": [
            ("2.10", "Lokaal 2.10", "Room 2.10", "classroom", 10),
            ("2.12", "Lokaal 2.12", "Room 2.12", "classroom", 10),
            ("2.14", "Lokaal 2.14", "Room 2.14", "classroom", 10),
            ("2.16", "Lokaal 2.16", "Room 2.16", "classroom", 11),
        ],
        "south": [
            ("2.11", "Lokaal 2.11", "Room 2.11", "classroom", 10),
            ("2.13", "Lokaal 2.13", "Room 2.13", "classroom", 10),
            ("2.15", "Lokaal 2.15", "Room 2.15", "classroom", 10),
            ("toiletten-2", "Toiletten", "Toilets", "toilets", 11),
        ],
    },
}
FLOOR_NAMES = {0: ("begane grond", "ground floor"), 1: ("eerste verdieping", "first floor"),
               2: ("tweede verdieping", "second floor")}
FLOOR_TILE = {
    "classroom": "wood", "aula": "corridor", "kantine": "canteen", "gym": "gym",
    "concierge": "wood", "lockers": "corridor", "entrance": "corridor", "toilets": "bathroom",
    "quiet": "carpet_lilac", "library": "carpet_green", "teachers": "wood", "corridor": "corridor",
}

# Where characters stand at the start of the day: (character id, room id, dx, dy in the room).
CHARACTERS = [
    ("noor", "ingang", 1, 3), ("daan", "gang-0", 6, 1), ("fadil", "mediatheek", 3, 6),
    ("amber", "aula", 5, 4), ("sem", "kluisjes", 3, 8), ("priya", "kantine", 4, 6),
    ("mila", "gang-1", 12, 2), ("jayden", "gymzaal", 5, 5), ("yara", "stilteruimte", 4, 5),
    ("lucas", "gang-2", 20, 1), ("devries", "2.14", 4, 1), ("bakker", "1.05", 4, 1),
    ("osei", "gymzaal", 2, 2), ("yilmaz", "1.12", 3, 1), ("henk", "conciergeloge", 2, 4),
    ("jansen", "mediatheek", 8, 2),
]
# Characters who walk back and forth to a waypoint: id -> (room id, dx, dy).
WALKERS = {"daan": ("gang-0", 16, 1), "mila": ("gang-1", 24, 2), "lucas": ("gang-2", 8, 2),
           "priya": ("kantine", 8, 6)}


def build_rooms() -> list[Room]:
    rooms: list[Room] = []
    for floor, rows in PLAN.items():
        ox = floor * (FLOOR_W + GAP)
        cx, cy, cw, ch = CORRIDOR
        nl, en = FLOOR_NAMES[floor]
        rooms.append(Room(f"gang-{floor}", f"Gang, {nl}", f"Corridor, {en}", "corridor", floor,
                          ox + cx, cy, cw, ch))
        for row, y, h in (("north", NORTH_Y, NORTH_H), ("south", SOUTH_Y, SOUTH_H)):
            x = 1
            for rid, label_nl, label_en, kind, w in rows[row]:
                room = Room(rid, label_nl, label_en, kind, floor, ox + x, y, w, h)
                door_y = y + h - 1 if row == "north" else y
                door_x = ox + x + w // 2
                room.doors.append((door_x, door_y))
                if kind in ("aula", "entrance", "kantine"):
                    room.doors.append((door_x - 1, door_y))
                rooms.append(room)
                x += w - 1
            assert x == 38, (floor, row, x)
    return rooms


class Grid:
    def __init__(self) -> None:
        self.floor = [[0] * MAP_W for _ in range(MAP_H)]
        self.walls = [[0] * MAP_W for _ in range(MAP_H)]
        self.furniture = [[0] * MAP_W for _ in range(MAP_H)]

    @staticmethod
    def gid(name: str) -> int:
        return TILE_INDEX[name] + 1


def paint(grid: Grid, rooms: list[Room]) -> list[tuple[str, int, int, int, int]]:
    """Paint floors, walls and furniture; return the stair objects (name, x, y, w, h)."""
    g = Grid.gid
    for y in range(MAP_H):
        for x in range(MAP_W):
            grid.floor[y][x] = g("grass") if x < FLOOR_W else g("void")
    for room in rooms:
        for y in range(room.y, room.y + room.h):
            for x in range(room.x, room.x + room.w):
                grid.floor[y][x] = g(FLOOR_TILE[room.kind])
                border = x in (room.x, room.x + room.w - 1) or y in (room.y, room.y + room.h - 1)
                if border:
                    grid.walls[y][x] = g("wall_top")
    for room in rooms:
        for dx, dy in room.doors:
            grid.walls[dy][dx] = g("door")
    _wall_faces(grid, rooms)
    for room in rooms:
        _furnish(grid, room)
    stairs = []
    for floor in range(FLOORS):
        ox = floor * (FLOOR_W + GAP)
        if floor < FLOORS - 1:
            stairs.append((f"trap-omhoog-{floor}", ox + 36, 12, 2, 2))
        if floor > 0:
            stairs.append((f"trap-omlaag-{floor}", ox + 36, 14, 2, 2))
    for _, x, y, w, h in stairs:
        for yy in range(y, y + h):
            for xx in range(x, x + w):
                grid.floor[yy][xx] = g("stairs")
    return stairs


def _wall_faces(grid: Grid, rooms: list[Room]) -> None:
    """Horizontal walls with floor below show their face (3/4 view)."""
    g = Grid.gid
    by_floor_kind = {}
    for room in rooms:
        for y in range(room.y + 1, room.y + room.h - 1):
            for x in range(room.x + 1, room.x + room.w - 1):
                by_floor_kind[(x, y)] = room
    for y in range(MAP_H - 1):
        for x in range(MAP_W):
            if grid.walls[y][x] != g("wall_top") or grid.walls[y + 1][x]:
                continue
            below = by_floor_kind.get((x, y + 1))
            if below is None:
                continue
            face = "wall_face"
            local_x = x - below.x
            if y == NORTH_Y and local_x % 3 == 1:
                face = "window"
            if below.kind == "classroom" and y == below.y and 2 <= local_x <= 4:
                face = "whiteboard"
            if below.kind == "lockers" and y == below.y:
                face = "locker"
            if below.kind in ("corridor", "entrance") and local_x in (9, 10):
                face = "notice_board"
            grid.walls[y][x] = g(face)
    # The entrance's glass doors to the street.
    for room in rooms:
        if room.kind == "entrance":
            for dx in (-1, 0):
                grid.walls[room.y + room.h - 1][room.x + room.w // 2 + dx] = g("door")


def _furnish(grid: Grid, room: Room) -> None:
    ix, iy, iw, ih = room.interior
    keep_free = set()
    for dx, dy in room.doors:
        for k in range(-1, 3):
            keep_free.add((dx, dy + k))
            keep_free.add((dx, dy - k))

    def put(name: str, x: int, y: int) -> None:
        if ix <= x < ix + iw and iy <= y < iy + ih and (x, y) not in keep_free:
            grid.furniture[y][x] = Grid.gid(name)

    kind = room.kind
    if kind == "classroom":
        put("teacher_desk", ix + iw - 3, iy + 1)
        for y in range(iy + 3, iy + ih - 1, 2):
            for x in range(ix + 1, ix + iw - 1, 2):
                put("desk", x, y)
        put("plant", ix, iy + ih - 1)
        put("bin", ix + iw - 1, iy + ih - 1)
    elif kind == "aula":
        for x in (ix, ix + iw - 1):
            put("plant", x, iy)
        for x in range(ix + 2, ix + iw - 2, 3):
            put("sofa", x, iy + 2)
        put("plant", ix, iy + ih - 1)
    elif kind == "kantine":
        for x in range(ix, ix + iw):
            put("counter", x, iy)
        for y in range(iy + 3, iy + ih - 1, 2):
            for x in range(ix + 1, ix + iw - 1, 3):
                put("canteen_table", x, y)
                put("canteen_table", x + 1, y)
        put("bin", ix + iw - 1, iy + ih - 1)
    elif kind == "gym":
        for x in range(ix, ix + iw):
            grid.floor[iy + ih // 2][x] = Grid.gid("gym_line")
        for x in range(ix + 1, ix + iw - 1):
            put("gym_bench", x, iy)
        for x in range(ix + 2, ix + 5):
            put("gym_mat", x, iy + ih - 3)
    elif kind == "concierge":
        for x in range(ix, ix + iw - 1):
            put("reception", x, iy + 2)
        put("computer", ix + 1, iy)
        put("plant", ix + iw - 1, iy)
    elif kind == "lockers":
        for y in (iy + 3, iy + 6):
            for x in range(ix, ix + iw - 2):
                put("locker", x, y)
    elif kind == "entrance":
        for dx in (-1, 0):
            put("mat", ix + iw // 2 + dx, iy + ih - 1)
        put("plant", ix, iy + ih - 1)
        put("plant", ix + iw - 1, iy + ih - 1)
    elif kind == "toilets":
        for x in range(ix, ix + iw, 2):
            put("toilet", x, iy + ih - 1)
        for x in range(ix, ix + iw - 1, 2):
            put("sink", x, iy + 3)
    elif kind == "quiet":
        put("sofa", ix + 1, iy + ih - 1)
        put("sofa", ix + 2, iy + ih - 1)
        for x, y in ((ix + 2, iy + 4), (ix + 5, iy + 6), (ix + 7, iy + 3)):
            put("beanbag", x, y)
        for x, y in ((ix, iy + 1), (ix + iw - 1, iy + 1), (ix + iw - 1, iy + ih - 1)):
            put("plant", x, y)
    elif kind == "library":
        for y in range(iy + 2, iy + ih - 2, 3):
            for x in range(ix + 1, ix + 6):
                put("bookshelf", x, y)
        for y in range(iy + 3, iy + ih - 1, 3):
            put("computer", ix + iw - 3, y)
        put("plant", ix, iy + ih - 1)
    elif kind == "teachers":
        for x in range(ix + 1, ix + iw - 2):
            put("big_table", x, iy + 5)
            put("big_table", x, iy + 6)
        put("coffee", ix + iw - 1, iy + ih - 1)
        put("sofa", ix, iy + ih - 1)
        put("plant", ix + iw - 1, iy + 3)
    # The entrance mat is walkable: move it to the floor layer.
    for y in range(iy, iy + ih):
        for x in range(ix, ix + iw):
            if grid.furniture[y][x] == Grid.gid("mat"):
                grid.furniture[y][x] = 0
                grid.floor[y][x] = Grid.gid("mat")


def _props(props: dict[str, object]) -> str:
    if not props:
        return ""
    out = ["   <properties>"]
    for key, value in props.items():
        if isinstance(value, bool):
            out.append(f'    <property name="{key}" type="bool" value="{str(value).lower()}"/>')
        elif isinstance(value, int):
            out.append(f'    <property name="{key}" type="int" value="{value}"/>')
        else:
            out.append(f'    <property name="{key}" value="{escape(str(value))}"/>')
    out.append("   </properties>")
    return "\n".join(out) + "\n"


def _csv(rows: list[list[int]]) -> str:
    return ",\n".join(",".join(str(v) for v in row) for row in rows)


def write_tmx(path: Path) -> None:
    rooms = build_rooms()
    grid = Grid()
    stairs = paint(grid, rooms)
    by_id = {r.rid: r for r in rooms}
    next_id = 1
    objects: dict[str, list[str]] = {k: [] for k in
                                     ("rooms", "doors", "stairs", "spawns", "waypoints",
                                      "characters", "collision")}

    def obj(layer: str, name: str, x: float, y: float, w: float | None, h: float | None,
            props: dict[str, object]) -> None:
        nonlocal next_id
        size = f' width="{w}" height="{h}"' if w is not None else ""
        body = _props(props)
        point = "" if w is not None else "   <point/>\n"
        objects[layer].append(
            f'  <object id="{next_id}" name="{escape(name)}" x="{x}" y="{y}"{size}>\n'
            f"{body}{point}  </object>")
        next_id += 1

    for r in rooms:
        ix, iy, iw, ih = r.interior
        obj("rooms", r.rid, ix * T, iy * T, iw * T, ih * T,
            {"label_nl": r.nl, "label_en": r.en, "floor": r.floor, "kind": r.kind})
        for n, (dx, dy) in enumerate(r.doors):
            if r.kind == "corridor":
                continue
            obj("doors", f"deur-{r.rid}" + (f"-{n}" if n else ""), dx * T, dy * T, T, T,
                {"room": r.rid})
    entrance = by_id["ingang"]
    for dx in (-1, 0):
        ex = entrance.x + entrance.w // 2 + dx
        obj("collision", "voordeur", ex * T, (entrance.y + entrance.h - 1) * T, T, T,
            {"reason": "De voordeur blijft dicht tot het einde van de dag."})
    for name, x, y, w, h in stairs:
        floor = int(name.rsplit("-", 1)[1])
        up = "omhoog" in name
        target_floor = floor + 1 if up else floor - 1
        arrive = f"aankomst-{target_floor}-{'van-onder' if up else 'van-boven'}"
        obj("stairs", name, x * T, y * T, w * T, h * T,
            {"target": arrive, "label_nl": "Trap omhoog" if up else "Trap omlaag",
             "label_en": "Stairs up" if up else "Stairs down"})
    for floor in range(FLOORS):
        ox = floor * (FLOOR_W + GAP)
        if floor > 0:
            obj("spawns", f"aankomst-{floor}-van-onder", (ox + ARRIVE) * T + T / 2,
                15 * T + T / 2, None, None, {"facing": "left"})
        if floor < FLOORS - 1:
            obj("spawns", f"aankomst-{floor}-van-boven", (ox + ARRIVE) * T + T / 2,
                12 * T + T / 2, None, None, {"facing": "left"})
    obj("spawns", "start", (entrance.x + entrance.w // 2) * T, (entrance.y + 8) * T + T / 2,
        None, None, {"facing": "up"})
    for cid, rid, dx, dy in CHARACTERS:
        ix, iy, _, _ = by_id[rid].interior
        props: dict[str, object] = {"character": cid}
        if cid in WALKERS:
            props["walk_to"] = f"route-{cid}"
        obj("characters", cid, (ix + dx) * T + T / 2, (iy + dy) * T + T - 4, None, None, props)
    for cid, (rid, dx, dy) in WALKERS.items():
        ix, iy, _, _ = by_id[rid].interior
        obj("waypoints", f"route-{cid}", (ix + dx) * T + T / 2, (iy + dy) * T + T - 4, None,
            None, {})
    # Just inside each room's first door: levels can start the pupil in a classroom
    # (class mode starts in 1.05). Added last so the other objects keep their ids.
    for r in rooms:
        if r.kind == "corridor" or not r.doors:
            continue
        dx, dy = r.doors[0]
        below = dy >= r.y + r.h - 1
        obj("spawns", f"binnen-{r.rid}", dx * T + T / 2, (dy - 1 if below else dy + 1) * T + T / 2,
            None, None, {"facing": "up" if below else "down"})

    layers = []
    for lid, (name, data) in enumerate((("floor", grid.floor), ("walls", grid.walls),
                                        ("furniture", grid.furniture)), start=1):
        layers.append(
            f' <layer id="{lid}" name="{name}" width="{MAP_W}" height="{MAP_H}">\n'
            f'  <data encoding="csv">\n{_csv(data)}\n</data>\n </layer>')
    for gid, (name, objs) in enumerate(objects.items(), start=10):
        visible = "" if name not in ("collision", "waypoints") else ' visible="0"'
        layers.append(f' <objectgroup id="{gid}" name="{name}"{visible}>\n' + "\n".join(objs)
                      + "\n </objectgroup>")
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<map version="1.10" tiledversion="1.10.2" orientation="orthogonal" '
        f'renderorder="right-down" width="{MAP_W}" height="{MAP_H}" tilewidth="{T}" '
        f'tileheight="{T}" infinite="0" nextlayerid="20" nextobjectid="{next_id}">\n'
        ' <tileset firstgid="1" source="school_tiles.tsx"/>\n' + "\n".join(layers) + "\n</map>\n"
    )
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {MAP_W}x{MAP_H} tiles, {len(rooms)} rooms, "
          f"{len(CHARACTERS)} characters")


if __name__ == "__main__":
    write_tmx(ROOT / "levels" / "maps" / "school.tmx")
