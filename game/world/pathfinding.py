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
    graph = _graph(smap)
    previous: dict[Tile, Tile | None] = {start: None}
    queue = deque([start])
    first = _neighbours(smap, start)  # the start may be a stair tile or off the grid
    while queue:
        tile = queue.popleft()
        if tile in goals:
            path = [tile]
            while previous[path[-1]] is not None:
                path.append(previous[path[-1]])  # type: ignore[arg-type]
            return path[::-1]
        for nxt in (first if tile == start else graph.get(tile, ())):
            if nxt in previous or nxt in avoid:
                continue
            previous[nxt] = tile
            queue.append(nxt)
    return None


_GRAPHS: dict[int, tuple[SchoolMap, dict[Tile, tuple[Tile, ...]]]] = {}


def _graph(smap: SchoolMap) -> dict[Tile, tuple[Tile, ...]]:
    """Each free tile's next tiles, worked out once per map (a bot plans many walks)."""
    known = _GRAPHS.get(id(smap))
    if known is not None and known[0] is smap:
        return known[1]
    jumps = _stair_jumps(smap)
    graph = {}
    for ty in range(smap.height):
        for tx in range(smap.width):
            if not smap.is_blocked_tile(tx, ty):
                graph[(tx, ty)] = _next_tiles(smap, (tx, ty), jumps)
    if len(_GRAPHS) > 8:
        _GRAPHS.clear()
    _GRAPHS[id(smap)] = (smap, graph)
    return graph


def _neighbours(smap: SchoolMap, tile: Tile) -> tuple[Tile, ...]:
    """From the start: its four sides (stairs one starts on do not carry one away)."""
    x, y = tile
    return tuple(t for t in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1))
                 if not smap.is_blocked_tile(*t))


def _next_tiles(smap: SchoolMap, tile: Tile, jumps: dict[Tile, Tile]) -> tuple[Tile, ...]:
    if tile in jumps:
        to = jumps[tile]
        return () if smap.is_blocked_tile(*to) else (to,)
    return _neighbours(smap, tile)


def room_tiles(smap: SchoolMap, room_id: str) -> set[Tile]:
    r = smap.rooms[room_id].rect
    t = smap.tile
    return {(tx, ty) for ty in range(int(r.y // t), int((r.y + r.h - 1) // t) + 1)
            for tx in range(int(r.x // t), int((r.x + r.w - 1) // t) + 1)
            if not smap.is_blocked_tile(tx, ty)}
