"""Reads a Tiled school map: rooms, doors, stairs, spawn points, characters and walls.

The same reader serves the game (with images, for pyscroll) and the checker and
tests (without images). Object layers and properties are described in docs/levels.md.
"""

from __future__ import annotations

import logging
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from game.content.errors import ContentError, Problem
from game.content.schema import LocalText
from game.content.tiled_templates import apply_templates

OBJECT_LAYERS = ("rooms", "doors", "stairs", "spawns", "waypoints", "characters", "collision")
FACINGS = ("down", "left", "right", "up")
ROOM_NUMBER = re.compile(r"\b\d+\.\d+\b")


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px < self.x + self.w and self.y <= py < self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


CLASSROOM_KINDS = ("classroom", "lab", "art", "music", "computer")
"""Rooms called by their number in a sentence: "in lokaal 2.14"."""


@dataclass(frozen=True)
class Room:
    id: str
    label: LocalText
    floor: int
    kind: str
    rect: Rect

    def named(self, language: str) -> str:
        """The room as a sentence names it: "lokaal 2.14", "de gymzaal", "the gym"."""
        if self.kind in CLASSROOM_KINDS:
            return f"lokaal {self.id}" if language == "nl" else f"room {self.id}"
        label = self.label.get(language)
        return f"de {label.lower()}" if language == "nl" else f"the {label.lower()}"


@dataclass(frozen=True)
class Door:
    name: str
    room: str
    rect: Rect


@dataclass(frozen=True)
class Stairs:
    name: str
    target: str
    label: LocalText
    rect: Rect


@dataclass(frozen=True)
class Point:
    name: str
    x: float
    y: float
    facing: str = "down"


@dataclass(frozen=True)
class CharacterSpot:
    character: str
    x: float
    y: float
    walk_to: str | None


@dataclass
class SchoolMap:
    path: Path
    width: int
    height: int
    tile: int
    blocked: bytearray
    rooms: dict[str, Room] = field(default_factory=dict)
    doors: dict[str, Door] = field(default_factory=dict)
    stairs: list[Stairs] = field(default_factory=list)
    points: dict[str, Point] = field(default_factory=dict)
    characters: dict[str, CharacterSpot] = field(default_factory=dict)
    tmx: Any = None
    _aligned: bool | None = field(default=None, repr=False)
    _room_cache: dict[tuple[int, int], Room | None] = field(default_factory=dict, repr=False)
    _stairs_cache: dict[tuple[int, int], Stairs | None] = field(default_factory=dict,
                                                                 repr=False)

    def is_blocked_tile(self, tx: int, ty: int) -> bool:
        if not (0 <= tx < self.width and 0 <= ty < self.height):
            return True
        return bool(self.blocked[ty * self.width + tx])

    def is_blocked_at(self, px: float, py: float) -> bool:
        return self.is_blocked_tile(int(px // self.tile), int(py // self.tile))

    def room_at(self, px: float, py: float) -> Room | None:
        if self._tile_aligned():  # asked every frame: answered per tile after the first time
            key = (int(px // self.tile), int(py // self.tile))
            if key not in self._room_cache:
                self._room_cache[key] = self._find_room(px, py)
            return self._room_cache[key]
        return self._find_room(px, py)

    def _find_room(self, px: float, py: float) -> Room | None:
        for room in self.rooms.values():
            if room.rect.contains(px, py):
                return room
        return None

    def stairs_at(self, px: float, py: float) -> Stairs | None:
        if self._tile_aligned():
            key = (int(px // self.tile), int(py // self.tile))
            if key not in self._stairs_cache:
                self._stairs_cache[key] = self._find_stairs(px, py)
            return self._stairs_cache[key]
        return self._find_stairs(px, py)

    def _find_stairs(self, px: float, py: float) -> Stairs | None:
        for stairs in self.stairs:
            if stairs.rect.contains(px, py):
                return stairs
        return None

    def _tile_aligned(self) -> bool:
        """Do rooms and stairs lie on whole tiles (then one tile is one answer)?"""
        if self._aligned is None:
            t = self.tile
            rects = [r.rect for r in self.rooms.values()] + [s.rect for s in self.stairs]
            self._aligned = all(v % t == 0 for r in rects for v in (r.x, r.y, r.w, r.h))
        return self._aligned

    def place(self, name: str) -> tuple[float, float] | None:
        """A named place: a point, a room's centre, or a character's spot."""
        if name in self.points:
            p = self.points[name]
            return p.x, p.y
        if name in self.rooms:
            return self.rooms[name].rect.center
        if name in self.characters:
            c = self.characters[name]
            return c.x, c.y
        return None

    @property
    def floors(self) -> list[int]:
        return sorted({room.floor for room in self.rooms.values()})


def _pytmx() -> ModuleType:
    """pytmx, imported without pulling in pygame when nothing has loaded it yet.

    pytmx imports pygame whenever it can, but the world, the bots and the checker only
    need the map's data; the dashboard's server and `simulate` must not need SDL.
    """
    if "pytmx" in sys.modules or "pygame" in sys.modules:
        import pytmx
        return pytmx
    sys.modules["pygame"] = None  # type: ignore[assignment]  # "cannot import" for pytmx
    quiet = logging.getLogger("pytmx.util_pygame")  # it logs its missing pygame as an error
    quiet.disabled = True
    try:
        import pytmx
    finally:
        del sys.modules["pygame"]
        quiet.disabled = False
    return pytmx


def load_tmx(path: Path, *, with_images: bool = False) -> Any:
    """Open a TMX file with pytmx; XML and tileset problems become ContentErrors."""
    if not path.is_file():
        raise ContentError.at(path, 0, "map file not found")
    pytmx = _pytmx()
    try:
        if with_images:
            from pytmx.util_pygame import load_pygame

            return load_pygame(str(path))
        return pytmx.TiledMap(str(path))
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else 1
        raise ContentError.at(path, line, f"the map is not valid TMX/XML: {exc.msg}") from exc
    except FileNotFoundError as exc:
        raise ContentError.at(path, 1, f"a file the map uses is missing: {exc.filename}") from exc
    except Exception as exc:  # pytmx raises plain Exception/ValueError for many map faults
        raise ContentError.at(path, 1, f"the map cannot be read: {exc}") from exc


def read_school_map(path: Path, tmx: Any = None) -> SchoolMap:
    """Turn a TMX map into a SchoolMap, checking every object it needs."""
    tmx = tmx if tmx is not None else load_tmx(path)
    reader = _Reader(path, tmx)
    return reader.read()


class _Reader:
    def __init__(self, path: Path, tmx: Any) -> None:
        self.path = path
        self.tmx = tmx
        self.problems: list[Problem] = []
        self._text: str | None = None

    def line_of(self, name: str) -> int:
        if self._text is None:
            self._text = self.path.read_text(encoding="utf-8", errors="replace")
        match = re.search(rf'<object [^>]*name="{re.escape(name)}"', self._text)
        return self._text.count("\n", 0, match.start()) + 1 if match else 1

    def problem(self, name: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.line_of(name), message))

    def read(self) -> SchoolMap:
        tmx = self.tmx
        if tmx.tilewidth != tmx.tileheight:
            raise ContentError.at(self.path, 2, "tiles must be square")
        smap = SchoolMap(self.path, tmx.width, tmx.height, tmx.tilewidth,
                         self._blocked_grid(), tmx=tmx)
        self.problems.extend(apply_templates(tmx, self.path))
        layers = {layer.name: layer for layer in tmx.objectgroups}
        for needed in ("rooms", "spawns", "characters"):
            if needed not in layers:
                self.problems.append(Problem(self.path, 1, f"missing object layer '{needed}'"))
        for obj in self._objects(layers, "collision"):
            self._block_rect(smap, obj)
        for obj in self._objects(layers, "rooms"):
            self._room(smap, obj)
        for obj in self._objects(layers, "doors"):
            room = obj.properties.get("room")
            if room is None:
                self.problem(obj.name, f"door '{obj.name}' needs a 'room' property")
            smap.doors[obj.name] = Door(obj.name, str(room), _rect(obj))
        for layer in ("spawns", "waypoints"):
            for obj in self._objects(layers, layer):
                facing = str(obj.properties.get("facing", "down"))
                if facing not in FACINGS:
                    self.problem(obj.name, f"'{obj.name}': facing must be one of {FACINGS}")
                    facing = "down"
                smap.points[obj.name] = Point(obj.name, float(obj.x), float(obj.y), facing)
        for obj in self._objects(layers, "stairs"):
            self._stairs(smap, obj)
        for obj in self._objects(layers, "characters"):
            cid = str(obj.properties.get("character", obj.name))
            walk_to = obj.properties.get("walk_to")
            smap.characters[cid] = CharacterSpot(cid, float(obj.x), float(obj.y),
                                                 str(walk_to) if walk_to else None)
        self._check_references(smap)
        if self.problems:
            raise ContentError(self.problems)
        return smap

    def _objects(self, layers: dict[str, Any], name: str) -> list[Any]:
        layer = layers.get(name)
        if layer is None:
            return []
        objects = []
        for obj in layer:
            if not obj.name:
                self.problems.append(Problem(self.path, 1, f"an object on layer '{name}' "
                                             f"(id {obj.id}) has no name"))
                continue
            objects.append(obj)
        return objects

    def _blocked_grid(self) -> bytearray:
        tmx = self.tmx
        grid = bytearray(tmx.width * tmx.height)
        blocked_gids: dict[int, bool] = {}
        tile_layer = _pytmx().TiledTileLayer
        for layer in tmx.layers:
            if not isinstance(layer, tile_layer):
                continue
            for y, row in enumerate(layer.data):
                for x, gid in enumerate(row):
                    if not gid:
                        continue
                    if gid not in blocked_gids:
                        props = tmx.get_tile_properties_by_gid(gid) or {}
                        blocked_gids[gid] = bool(props.get("blocked", False))
                    if blocked_gids[gid]:
                        grid[y * tmx.width + x] = 1
        return grid

    def _block_rect(self, smap: SchoolMap, obj: Any) -> None:
        t = smap.tile
        x0, y0 = int(obj.x // t), int(obj.y // t)
        x1 = int((obj.x + max(obj.width, 1) - 1) // t)
        y1 = int((obj.y + max(obj.height, 1) - 1) // t)
        for ty in range(max(0, y0), min(smap.height, y1 + 1)):
            for tx in range(max(0, x0), min(smap.width, x1 + 1)):
                smap.blocked[ty * smap.width + tx] = 1

    def _room(self, smap: SchoolMap, obj: Any) -> None:
        props = obj.properties
        missing = [k for k in ("label_nl", "label_en", "floor") if k not in props]
        if missing:
            self.problem(obj.name, f"room '{obj.name}' misses properties: {', '.join(missing)}")
            return
        if obj.name in smap.rooms:
            self.problem(obj.name, f"two rooms are named '{obj.name}'")
        try:
            floor = int(props["floor"])
        except (TypeError, ValueError):
            self.problem(obj.name, f"room '{obj.name}': floor must be a whole number")
            return
        label = LocalText.model_construct(nl=str(props["label_nl"]), en=str(props["label_en"]))
        for key in ("label_nl", "label_en"):
            named = ROOM_NUMBER.findall(str(props[key]))
            if named and obj.name not in named:  # a room copied (or from a template) and renamed
                self.problem(obj.name, f"room '{obj.name}': {key} '{props[key]}' names room "
                                       f"{named[0]}; write this room's own number in it")
        smap.rooms[obj.name] = Room(obj.name, label, floor, str(props.get("kind", "room")),
                                    _rect(obj))

    def _stairs(self, smap: SchoolMap, obj: Any) -> None:
        props = obj.properties
        if "target" not in props:
            self.problem(obj.name, f"stairs '{obj.name}' need a 'target' property (a spawn point)")
            return
        label = LocalText.model_construct(nl=str(props.get("label_nl", "Trap")),
                                          en=str(props.get("label_en", "Stairs")))
        smap.stairs.append(Stairs(obj.name, str(props["target"]), label, _rect(obj)))

    def _check_references(self, smap: SchoolMap) -> None:
        for door in smap.doors.values():
            if door.room not in smap.rooms:
                self.problem(door.name, f"door '{door.name}' leads to unknown room '{door.room}'")
        for stairs in smap.stairs:
            target = smap.points.get(stairs.target)
            if target is None:
                self.problem(stairs.name, f"stairs '{stairs.name}' lead to unknown spawn point "
                                          f"'{stairs.target}'")
            elif smap.stairs_at(target.x, target.y):
                self.problem(stairs.target, f"spawn point '{stairs.target}' lies on stairs; "
                                            "move it next to them")
        for point in smap.points.values():
            if smap.is_blocked_at(point.x, point.y):
                self.problem(point.name, f"point '{point.name}' stands on a wall or furniture")
        for spot in smap.characters.values():
            if smap.is_blocked_at(spot.x, spot.y - 1):
                self.problem(spot.character, f"character '{spot.character}' stands on a wall "
                                             "or furniture")
            if spot.walk_to and spot.walk_to not in smap.points:
                self.problem(spot.character, f"character '{spot.character}' walks to unknown "
                                             f"waypoint '{spot.walk_to}'")


def _rect(obj: Any) -> Rect:
    return Rect(float(obj.x), float(obj.y), float(obj.width or 0), float(obj.height or 0))
