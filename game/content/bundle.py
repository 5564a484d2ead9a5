"""Loads one level with its map and dialogues, fully checked, as one Content bundle."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game import paths
from game.content.checks import (
    check_dialogue_against_level,
    check_dialogue_graph,
    check_flags_and_counters,
    check_level,
    check_level_uses,
    check_lines_against_timetable,
)
from game.content.dialogue import Dialogue, load_dialogue
from game.content.errors import ContentError, Problem, unique_problems
from game.content.level import Level, load_level
from game.content.missions import Mission, load_missions
from game.content.school_map import SchoolMap, load_tmx, read_school_map
from game.content.yaml_source import line_of


@dataclass
class Content:
    level: Level
    level_path: Path
    map: SchoolMap
    dialogues: dict[str, Dialogue]
    dialogue_paths: dict[str, Path] = field(default_factory=dict)
    """Where each dialogue was read from (a writer's preview reads it again)."""
    missions: list[Mission] = field(default_factory=list)
    """Missions for the real school (none in class mode)."""


def load_content(level_path: Path, *, with_images: bool = False) -> Content:
    """Everything a level needs, or a ContentError listing every problem found."""
    level, raw = load_level(level_path)
    problems: list[Problem] = []
    map_path = (level_path.parent / level.map).resolve()
    smap: SchoolMap | None = None
    if not map_path.is_file():
        problems.append(Problem(level_path, line_of(raw, ("map",)),
                                f"map file '{level.map}' not found (looked in "
                                f"{paths.shown(map_path)})"))
    else:
        try:
            smap = read_school_map(map_path, load_tmx(map_path, with_images=with_images))
        except ContentError as exc:
            problems.extend(exc.problems)
    problems.extend(check_level(level, raw, level_path, smap))
    dialogues: dict[str, Dialogue] = {}
    loaded: list[tuple[Dialogue, object, Path]] = []
    folder = paths.dialogues_for(level_path)
    for _, dialogue_id in level.dialogues_used():
        if dialogue_id in dialogues:
            continue
        dpath = folder / f"{dialogue_id}.yaml"
        if not dpath.is_file():
            continue  # check_level reported it
        try:
            dialogue, draw = load_dialogue(dpath)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(check_dialogue_graph(dialogue, draw, dpath))
        problems.extend(check_dialogue_against_level(dialogue, draw, dpath, level))
        dialogues[dialogue_id] = dialogue
        loaded.append((dialogue, draw, dpath))
    problems.extend(check_flags_and_counters(level, loaded))
    problems.extend(check_level_uses(level, raw, level_path, dialogues))
    if smap is not None:
        problems.extend(check_lines_against_timetable(
            level, raw, level_path, smap, {d.id: (d, r, p) for d, r, p in loaded}))
    missions: list[Mission] = []
    if not level.scenes:
        try:
            missions = load_missions(level_path.parent / level.missions)
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(unique_problems(problems))
    assert smap is not None
    return Content(level, level_path, smap, dialogues,
                   {d.id: p for d, _, p in loaded}, missions)
