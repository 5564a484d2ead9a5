"""Finding the way: plans a route over the tile grid (stairs included) and says which way
to step each frame. Scripted tests hold arrow keys with it; simulated pupils walk with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from game.content.school_map import SchoolMap
from game.world import pathfinding
from game.world.movement import Body
from game.world.npc import Npc
from game.world.pathfinding import Tile

STEPS = ((1, 0), (-1, 0), (0, 1), (0, -1))
STUCK_FRAMES = 45


class NoWay(RuntimeError):
    pass


class Walkable(Protocol):
    """What finding the way looks at: the map, the pupil and the people (read only)."""

    @property
    def map(self) -> SchoolMap: ...

    @property
    def player(self) -> Body: ...

    @property
    def npcs(self) -> Mapping[str, Npc]: ...

    @property
    def stairs_ready(self) -> bool: ...


class Navigator:
    """Walk to a room (any tile in it), a named point, a door, or next to a person."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.path: list[Tile] | None = None
        self.face: tuple[int, int] | None = None
        self._npc_tile: Tile | None = None
        self._last_pos = (0.0, 0.0)
        self._still = 0
        self._next: Tile | None = None
        self._detour: set[Tile] = set()  # tiles where someone stood in the way
        self.turned = False
        self.reach = 0.0  # pixels straight ahead before the next turn or alignment

    def step(self, world: Walkable) -> tuple[int, int] | None:
        """The direction to walk this frame; None once arrived (and facing the person).

        (0, 0) means: let go of the keys for a moment (stairs want a fresh step)."""
        smap = world.map
        here = pathfinding.tile_of(smap, world.player.x, world.player.y)
        if self.path is None or self._target_moved(world):
            self._plan(world, here)
        pos = (world.player.x, world.player.y)
        self._still = self._still + 1 if pos == self._last_pos else 0
        self._last_pos = pos
        if self._still > STUCK_FRAMES:
            self._still = 0
            if self._next is not None and self._next != here:
                self._detour.add(self._next)
            self._plan(world, here, avoid_people=True)
        assert self.path is not None
        goal = self.path[-1]
        gx, gy = pathfinding.centre(smap, goal)
        if here == goal and abs(world.player.x - gx) < 3 and abs(world.player.y - gy) < 3:
            if self.face is None or self.turned:
                return None
            self.turned = True
            return self.face  # a one-frame tap turns towards them
        if here in self.path:
            i = self.path.index(here)
            nxt = self.path[min(i + 1, len(self.path) - 1)]
        else:
            self._plan(world, here)
            nxt = self.path[1] if len(self.path) > 1 else self.path[0]
        self._next = nxt
        self.reach = 0.0
        if not world.stairs_ready and smap.stairs_at(*pathfinding.centre(smap, nxt)):
            return (0, 0)
        way = direction(world.player, here, nxt, smap)
        if way is not None and way != (0, 0) and not smap.stairs_at(*pathfinding.centre(smap, nxt)):
            self.reach = _straight_ahead(world.player, self.path, here, way, smap)
        return way

    def _plan(self, world: Walkable, here: Tile, avoid_people: bool = False) -> None:
        smap = world.map
        people = {pathfinding.tile_of(smap, n.body.x, n.body.y) for n in world.npcs.values()}
        self.face = None
        self.turned = False
        if self.target in smap.rooms:
            goals = pathfinding.room_tiles(smap, self.target) - people
        elif self.target in world.npcs:
            npc = world.npcs[self.target]
            nx, ny = pathfinding.tile_of(smap, npc.body.x, npc.body.y)
            goals = {(nx + dx, ny + dy) for dx, dy in STEPS
                     if not smap.is_blocked_tile(nx + dx, ny + dy)} - people
        elif self.target in smap.points:
            point = smap.points[self.target]
            goals = {pathfinding.tile_of(smap, point.x, point.y)}
        elif self.target in smap.doors:
            x, y = smap.doors[self.target].rect.center
            goals = {pathfinding.tile_of(smap, x, y + 1)}
        else:
            raise NoWay(f"walk to '{self.target}': no such room, person or point")
        avoid = ((people | self._detour) - {here}) if avoid_people else set()
        path = pathfinding.find_path(smap, here, goals - avoid, avoid)
        if path is None and avoid:
            self._detour.clear()
            path = pathfinding.find_path(smap, here, goals)
        if path is None:
            raise NoWay(f"walk to '{self.target}': no way there from {here}")
        self.path = path
        if self.target in world.npcs:
            npc = world.npcs[self.target]
            nx, ny = pathfinding.tile_of(smap, npc.body.x, npc.body.y)
            self._npc_tile = (nx, ny)
            self.face = (nx - path[-1][0], ny - path[-1][1])

    def _target_moved(self, world: Walkable) -> bool:
        """People walk: follow them when they leave the tile the route was planned for."""
        npc = world.npcs.get(self.target)
        if npc is None or self.target in world.map.rooms:
            return False
        return pathfinding.tile_of(world.map, npc.body.x, npc.body.y) != self._npc_tile


def direction(body: Body, here: Tile, nxt: Tile, smap: SchoolMap) -> tuple[int, int] | None:
    """Line up with the middle of this tile first, then step towards the next one."""
    cx, cy = pathfinding.centre(smap, here)
    tx, ty = pathfinding.centre(smap, nxt)
    if nxt[0] != here[0] and abs(body.y - cy) > 2:
        tx, ty = body.x, cy
    elif nxt[1] != here[1] and abs(body.x - cx) > 2:
        tx, ty = cx, body.y
    dx, dy = tx - body.x, ty - body.y
    if abs(dx) > 2:
        return (1 if dx > 0 else -1, 0)
    if abs(dy) > 2:
        return (0, 1 if dy > 0 else -1)
    return None


def _straight_ahead(body: Body, path: list[Tile], here: Tile, way: tuple[int, int],
                    smap: SchoolMap) -> float:
    """How far the body can walk `way` before the path turns (to the centre of the last
    tile in a straight line): a simulated pupil may take that in longer steps."""
    i = path.index(here) if here in path else 0
    end = here
    for tile in path[i + 1:]:
        if (tile[0] - end[0], tile[1] - end[1]) != way or smap.stairs_at(
                *pathfinding.centre(smap, tile)):
            break
        end = tile
    cx, cy = pathfinding.centre(smap, end)
    return max(0.0, (cx - body.x) * way[0] + (cy - body.y) * way[1])
