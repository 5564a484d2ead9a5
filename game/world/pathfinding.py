"""Shortest walks over the tile grid, stairs included: for scripted tests and bots."""

from __future__ import annotations

from collections import deque

from game.content.school_map import SchoolMap

Tile = tuple[int, int]


def tile_of(smap: SchoolMap, x: float, y: float) -> Tile:
    return int(x // smap.tile), int((y - 1) // smap.tile)


def centre(smap: SchoolMap, tile: Tile) -> tuple[float, float]:
    # The feet point of a body standing in the middle of the tile.
    return tile[0] * smap.tile + smap.tile / 2, tile[1] * smap.tile + smap.tile * 0.75


def _stair_jumps(smap: SchoolMap) -> dict[Tile, Tile]:
    jumps = {}
    for stairs in smap.stairs:
        target = smap.points[stairs.target]
        to = tile_of(smap, target.x, target.y)
        r = stairs.rect
        for ty in range(int(r.y // smap.tile), int((r.y + r.h - 1) // smap.tile) + 1):
            for tx in range(int(r.x // smap.tile), int((r.x + r.w - 1) // smap.tile) + 1):
                jumps[(tx, ty)] = to
    return jumps


def find_path(smap: SchoolMap, start: Tile, goals: set[Tile],
              avoid: set[Tile] | None = None) -> list[Tile] | None:
    """Breadth-first search; stepping onto stairs continues from where they lead."""
    avoid = avoid or set()
    jumps = _stair_jumps(smap)
    previous: dict[Tile, Tile | None] = {start: None}
    queue = deque([start])
    while queue:
        tile = queue.popleft()
        if tile in goals:
            path = [tile]
            while previous[path[-1]] is not None:
                path.append(previous[path[-1]])  # type: ignore[arg-type]
            return path[::-1]
        if tile in jumps and tile != start:
            steps = [jumps[tile]]
        else:
            x, y = tile
            steps = [(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)]
        for nxt in steps:
            if nxt in previous or nxt in avoid or smap.is_blocked_tile(*nxt):
                continue
            previous[nxt] = tile
            queue.append(nxt)
    return None


def room_tiles(smap: SchoolMap, room_id: str) -> set[Tile]:
    r = smap.rooms[room_id].rect
    t = smap.tile
    return {(tx, ty) for ty in range(int(r.y // t), int((r.y + r.h - 1) // t) + 1)
            for tx in range(int(r.x // t), int((r.x + r.w - 1) // t) + 1)
            if not smap.is_blocked_tile(tx, ty)}
