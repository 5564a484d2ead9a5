"""Plan to map file: lay out, paint, place people, make sure nobody can be trapped, write.

`tools/make_school_map.py` runs this for the shipped school, `main.py new-school` for a
school's own plan (with the level's characters placed as well).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.content.errors import ContentError
from game.school_plan.layout import Box, Layout, lay_out
from game.school_plan.paint import (
    TILESET,
    Grid,
    blocked_gids,
    open_pockets,
    paint,
    tile_names,
    unreachable,
)
from game.school_plan.plan import PlanFile
from game.school_plan.tmx import Spot, spot_at, write_tmx


@dataclass
class BuiltMap:
    layout: Layout
    grid: Grid
    spots: list[Spot]
    blocked: set[int]
    opened: int
    """Pieces of furniture taken away because they closed a way."""

    def free_tile(self, room: Box, prefer: tuple[int, int], taken: set[tuple[int, int]]
                  ) -> tuple[int, int] | None:
        """The free tile in the room nearest to `prefer` (tiles from its inner corner)."""
        ix, iy, iw, ih = room.interior
        near_door = {(dx, dy + k) for dx, dy in room.doors for k in (-1, 1)}
        tiles = [(x, y) for y in range(iy, iy + ih) for x in range(ix, ix + iw)
                 if self.grid.walkable(x, y, self.blocked) and (x, y) not in taken
                 and (x, y) not in near_door]
        if not tiles:
            return None
        px, py = ix + prefer[0], iy + prefer[1]
        return min(tiles, key=lambda t: (abs(t[0] - px) + abs(t[1] - py), t[1], t[0]))


def build_map(found: PlanFile, tileset: Path = TILESET) -> BuiltMap:
    """The plan's map with the plan's own people; ContentError at the plan's lines."""
    layout = lay_out(found)
    grid = paint(layout, tile_names(tileset))
    blocked = blocked_gids(tileset)
    opened = open_pockets(grid, layout, blocked)
    built = BuiltMap(layout, grid, [], blocked, opened)
    report = found.report()
    for x, y in unreachable(grid, layout, blocked)[:1]:
        room = next(r for r in layout.rooms if r.x < x < r.x + r.w - 1 and r.y < y < r.y + r.h - 1)
        report(room.plan_loc, f"'{room.id}' cannot be reached from the entrance: give it "
                              "another place or size, or add stairs to its floor")
    rooms = layout.by_id
    for pi, person in enumerate(found.plan.people):
        room = rooms[person.room]
        ix, iy, iw, ih = room.interior
        for key, (dx, dy) in (("at", person.at), ("walks_to", person.walks_to or person.at)):
            if not (0 <= dx < iw and 0 <= dy < ih):
                report(("people", pi, key), f"'{person.id}': {dx}, {dy} lies outside room "
                                            f"'{room.id}' (inside it: 0..{iw - 1}, 0..{ih - 1})")
            elif not grid.walkable(ix + dx, iy + dy, blocked):
                report(("people", pi, key), f"'{person.id}' would stand on furniture in "
                                            f"'{room.id}' at {dx}, {dy}: choose another spot")
        feet = spot_at(ix + person.at[0], iy + person.at[1])
        walk = spot_at(ix + person.walks_to[0], iy + person.walks_to[1]) \
            if person.walks_to else None
        built.spots.append(Spot(person.id, *feet, walk))
    if report.problems:
        raise ContentError(report.result())
    return built


def write_map(built: BuiltMap, path: Path, extra: list[Spot] | None = None) -> None:
    write_tmx(path, built.layout, built.grid, built.spots + (extra or []))
