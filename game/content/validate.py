"""`python main.py validate [PATH ...]`: the authors' checker, the same code the game loads with."""

from __future__ import annotations

from pathlib import Path

from game import paths
from game.content.bundle import load_content
from game.content.checks import check_dialogue_graph
from game.content.dialogue import load_dialogue
from game.content.errors import ContentError, Problem, unique_problems
from game.content.level import load_level
from game.content.school_map import read_school_map


def _kind(path: Path) -> str:
    if path.suffix == ".tmx":
        return "map"
    if path.resolve().parent == paths.DIALOGUES.resolve() or "dialogues" in path.parts:
        return "dialogue"
    return "level"


def validate_file(path: Path) -> list[Problem]:
    """Problems in one level, dialogue or map file; a level is checked with all it uses."""
    try:
        kind = _kind(path)
        if kind == "map":
            read_school_map(path)
        elif kind == "dialogue":
            dialogue, raw = load_dialogue(path)
            return check_dialogue_graph(dialogue, raw, path)
        else:
            load_level(path)
            load_content(path)
    except ContentError as exc:
        return exc.problems
    return []


def shipped_files() -> list[Path]:
    return sorted(paths.LEVELS.glob("*.yaml")) + sorted(paths.DIALOGUES.glob("*.yaml"))


def expand(targets: list[str]) -> list[Path]:
    files: list[Path] = []
    for target in targets:
        path = Path(target)
        if path.is_dir():
            files.extend(sorted(path.rglob("*.yaml")) + sorted(path.rglob("*.tmx")))
        else:
            files.append(path)
    return files


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
