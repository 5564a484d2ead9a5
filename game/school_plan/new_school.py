"""`python main.py new-school PLAN --out DIR [--timetable CSV]`: a school's plan becomes a
folder that plays at once: the level, its map and tileset, and a Tiled project.

    DIR/levels/<id>.yaml                 the first week (edit it, docs/levels.md)
    DIR/levels/maps/<id>.tmx             the map, with school_tiles.tsx and templates/
    DIR/assets/tiles/school_tiles.png    the tiles the tileset draws
    DIR/<id>.tiled-project               open this in Tiled for hand edits
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from game import paths
from game.school_plan.build import build_map, write_map
from game.school_plan.level_file import level_text
from game.school_plan.paint import TILESET
from game.school_plan.plan import load_plan
from game.school_plan.tiled_project import write_project
from game.school_plan.timetable import read_timetable
from game.school_plan.week import make_week

TILES_PNG = paths.ASSETS / "tiles" / "school_tiles.png"


class LevelExists(Exception):
    """The level file is there already: a teacher's edits are never overwritten unasked."""


@dataclass
class Made:
    level: Path
    map: Path
    width: int
    height: int
    rooms: int
    floors: int
    people: int
    lessons: int
    seconds: float


def new_school(plan_path: Path, out: Path, timetable: Path | None = None,
               force: bool = False) -> Made:
    """Everything a school's plan makes; ContentError (file:line) for a faulty plan or CSV."""
    began = time.perf_counter()
    found = load_plan(plan_path)
    plan = found.plan
    built = build_map(found)
    days = None
    if timetable is not None:
        names: dict[str, str] = {}
        for room in built.layout.rooms:
            for name in (room.id, room.nl, room.en):
                names.setdefault(name.lower(), room.id)
        days = read_timetable(timetable, names)
    week = make_week(built, days)
    levels = out / "levels"
    level_path = levels / f"{plan.id}.yaml"
    if level_path.exists() and not force:
        raise LevelExists(level_path)
    maps = levels / "maps"
    maps.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TILESET, maps / TILESET.name)
    (out / "assets" / "tiles").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TILES_PNG, out / "assets" / "tiles" / TILES_PNG.name)
    map_path = maps / f"{plan.id}.tmx"
    write_map(built, map_path, week.spots)
    made_by = f"`python main.py new-school {plan_path.name}`" + \
        (f" with the timetable {timetable.name}" if timetable else "")
    level_path.write_text(level_text(plan, week, f"maps/{plan.id}.tmx", made_by),
                          encoding="utf-8")
    write_project(out / f"{plan.id}.tiled-project", maps / "templates", ["levels"])
    return Made(level_path, map_path, built.layout.width, built.layout.height,
                len(built.layout.rooms), len(plan.floors), len(week.people),
                sum(len(d.lessons) for d in week.days), time.perf_counter() - began)
