"""`python main.py validate [PATH ...]`: the authors' checker, the same code the game loads with."""

from __future__ import annotations

import re
from pathlib import Path

from game import paths
from game.content.bundle import load_content
from game.content.checks import check_dialogue_graph
from game.content.dialogue import load_dialogue
from game.content.errors import ContentError, Problem, unique_problems
from game.content.level import load_level
from game.content.missions import load_missions
from game.content.school_map import read_school_map

PLAN_MARK = re.compile(r"^floors:", re.MULTILINE)
"""A school plan (docs/own-school.md) is the YAML file with a top-level `floors:`."""


MISSIONS_MARK = re.compile(r"^missions:", re.MULTILINE)
"""A missions file (game/content/missions.py) is the YAML file with a top-level `missions:`."""


def _kind(path: Path) -> str:
    if path.suffix == ".tmx":
        return "map"
    if path.resolve().parent == paths.DIALOGUES.resolve() or "dialogues" in path.parts:
        return "dialogue"
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "level"
    if PLAN_MARK.search(text):
        return "plan"
    if MISSIONS_MARK.search(text):
        return "missions"
    return "level"


def validate_file(path: Path) -> list[Problem]:
    """Problems in one level, dialogue or map file; a level is checked with all it uses."""
    try:
        kind = _kind(path)
        if kind == "map":
            read_school_map(path)
        elif kind == "plan":
            from game.school_plan.build import build_map
            from game.school_plan.plan import load_plan

            build_map(load_plan(path))
        elif kind == "dialogue":
            dialogue, raw = load_dialogue(path)
            return check_dialogue_graph(dialogue, raw, path)
        elif kind == "missions":
            load_missions(path)
        else:
            load_level(path)
            load_content(path)
    except ContentError as exc:
        return exc.problems
    return []


def shipped_files() -> list[Path]:
    return (sorted(paths.LEVELS.glob("*.yaml")) + sorted(paths.DIALOGUES.glob("*.yaml"))
            + sorted(paths.LEVELS.glob("plans/*.yaml")))


def expand(targets: list[str]) -> list[Path]:
    files: list[Path] = []
    for target in targets:
        path = Path(target)
        if path.is_dir():
            files.extend(sorted(path.rglob("*.yaml")) + sorted(path.rglob("*.tmx")))
        else:
            files.append(path)
    return files


def print_stats(targets: list[str]) -> int:
    """`validate --stats`: what each level holds (the levels among the targets, or all)."""
    from game.content.stats import level_stats

    files = expand(targets) if targets else sorted(paths.LEVELS.glob("*.yaml"))
    levels = [f for f in files if _kind(f) == "level"]
    failed = 0
    for path in levels:
        try:
            content = load_content(path)
        except ContentError as exc:
            print(f"{paths.shown(path)}: cannot count, it does not validate:\n{exc}")
            failed += 1
            continue
        print("\n".join(level_stats(content).lines()))
    return 1 if failed else 0


def print_map(targets: list[str]) -> int:
    """`validate --map`: a map's rooms (number, name, floor, kind) and its named points."""
    maps = [f for f in expand(targets) if f.suffix == ".tmx"] if targets \
        else sorted(paths.LEVELS.glob("maps/*.tmx"))
    for path in maps:
        try:
            smap = read_school_map(path)
        except ContentError as exc:
            print(exc)
            return 1
        print(f"{paths.shown(path)}: {smap.width}x{smap.height} tiles of {smap.tile} px, "
              f"floors {', '.join(str(f) for f in smap.floors)}")
        for room in sorted(smap.rooms.values(), key=lambda r: (r.floor, r.id)):
            print(f"  room {room.id:<16} {room.label.nl:<20} floor {room.floor}  {room.kind}")
        for stairs in smap.stairs:
            print(f"  stairs {stairs.name:<14} -> {stairs.target} ({stairs.label.nl})")
        print("  points: " + ", ".join(sorted(smap.points)))
    return 0


def run(targets: list[str]) -> int:
    """Print one `file:line: message` per problem; 0 when all is well, 1 otherwise."""
    files = expand(targets) if targets else shipped_files()
    problems: list[Problem] = []
    for path in files:
        if not path.exists():
            problems.append(Problem(path, 0, "file not found"))
            continue
        problems.extend(validate_file(path))
    problems = unique_problems(problems)
    for problem in problems:
        print(problem)
    checked = f"{len(files)} file{'s' if len(files) != 1 else ''}"
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {checked}.")
        return 1
    print(f"All good: {checked} checked.")
    return 0
