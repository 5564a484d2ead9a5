"""Cross-reference and graph checks over loaded content, each problem with `file:line`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from game import paths
from game.content.dialogue import Condition, Dialogue, Effect
from game.content.errors import Problem, unique_problems
from game.content.level import Level
from game.content.school_map import SchoolMap
from game.content.yaml_source import line_of

PLAYER = "player"


def check_dialogue_graph(dialogue: Dialogue, raw: Any, path: Path) -> list[Problem]:
    """Checks a dialogue needs on its own: jumps, dead ends, reachability, duplicate ids."""
    problems: list[Problem] = []

    def report(loc: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(path, line_of(raw, loc), message))

    nodes = dialogue.nodes
    for i, entry in enumerate(dialogue.start):
        if entry.goto not in nodes:
            report(("start", i, "goto"), f"start goes to unknown node '{entry.goto}'")
    if dialogue.start and dialogue.start[-1].if_ is not None:
        report(("start", len(dialogue.start) - 1),
               "the last start entry must have no 'if', so the conversation can always begin")
    seen_choice_ids: dict[str, str] = {}
    for node_id, node in nodes.items():
        where = ("nodes", node_id)
        for key in ("goto", "fallback"):
            target = getattr(node, key)
            if target is not None and target not in nodes:
                report((*where, key), f"node '{node_id}': {key} to unknown node '{target}'")
        if node.choices and node.goto:
            report((*where, "goto"), f"node '{node_id}' has both choices and 'goto'; "
                                     "the choices decide where to go, so remove 'goto'")
        if not node.choices and not node.goto and not node.end:
            report(where, f"node '{node_id}' has no way out: add choices, 'goto: <node>' "
                          "or 'end: true'")
        if node.choices and all(c.conditional for c in node.choices) and not node.fallback:
            report((*where, "choices"), f"node '{node_id}': every choice has 'if' or 'once', "
                                        "so none may be left; add a plain choice or "
                                        "'fallback: <node>'")
        if not node.lines and not node.choices:
            report(where, f"node '{node_id}' says nothing: add 'lines' or 'choices'")
        for ci, choice in enumerate(node.choices):
            loc = (*where, "choices", ci)
            if choice.goto is not None and choice.goto not in nodes:
                report((*loc, "goto"), f"choice '{choice.id}' goes to unknown node "
                                       f"'{choice.goto}'")
            if choice.id in seen_choice_ids:
                report((*loc, "id"), f"choice id '{choice.id}' is used twice (also in node "
                                     f"'{seen_choice_ids[choice.id]}'); ids must be unique")
            seen_choice_ids[choice.id] = node_id
    for loc, cond in _conditions(dialogue):
        for ref in _node_refs(cond):
            if ref not in nodes:
                report(loc, f"condition refers to unknown node '{ref}'")
    # Reachability from the start entries.
    reachable: set[str] = set()
    todo = [e.goto for e in dialogue.start if e.goto in nodes]
    while todo:
        node_id = todo.pop()
        if node_id in reachable:
            continue
        reachable.add(node_id)
        node = nodes[node_id]
        targets = [node.goto, node.fallback, *(c.goto for c in node.choices)]
        todo.extend(t for t in targets if t in nodes and t not in reachable)
    for node_id in nodes:
        if node_id not in reachable:
            report(("nodes", node_id), f"node '{node_id}' can never be reached")
    return unique_problems(problems)


def check_dialogue_against_level(dialogue: Dialogue, raw: Any, path: Path,
                                 level: Level) -> list[Problem]:
    """References from a dialogue into its level: characters, clues, homework, changes."""
    problems: list[Problem] = []
    characters = {c.id for c in level.characters}
    clues = {c.id for c in level.clues}
    homework = {h.id for h in level.homework}
    changes = {ch.id for d in level.days for ch in d.changes}

    def report(loc: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(path, line_of(raw, loc), message))

    if dialogue.character not in characters:
        report(("character",), f"unknown character '{dialogue.character}'")
    for node_id, node in dialogue.nodes.items():
        for li, line in enumerate(node.lines):
            if line.speaker != PLAYER and line.speaker not in characters:
                report(("nodes", node_id, "lines", li, "speaker"),
                       f"unknown speaker '{line.speaker}' (a character id, or 'player')")
    for loc, cond in _conditions(dialogue):
        for kind, ref in _level_refs_in_condition(cond):
            known = {"character": characters, "clue": clues, "homework": homework}[kind]
            if ref not in known:
                report(loc, f"condition refers to unknown {kind} '{ref}'")
    for loc, effect in _effects(dialogue):
        for kind, ref in _level_refs_in_effect(effect):
            known = {"character": characters, "clue": clues, "homework": homework,
                     "timetable change": changes}[kind]
            if ref not in known:
                report(loc, f"effect refers to unknown {kind} '{ref}'")
    _check_scenes_carried(dialogue, level, report)
    return unique_problems(problems)


def _check_scenes_carried(dialogue: Dialogue, level: Level, report) -> None:
    """A class scene this dialogue carries must start on its flag and can end: without
    `set_flag: <done_flag>` the pupil would be stuck in that scene."""
    own = {c.id for c in level.characters if c.dialogue == dialogue.id}
    flags_set = {e.set_flag for _, e in _effects(dialogue) if e.set_flag}
    flags_read = {c.flag for _, cond in _conditions(dialogue) for c in _flatten(cond) if c.flag}
    for scene in level.scenes:
        if scene.talk_to not in own:
            continue
        if f"scene-{scene.id}" not in flags_read:
            report(("start",), f"class scene '{scene.id}' is carried by this dialogue, "
                               f"but nothing starts on flag 'scene-{scene.id}'")
        if scene.done_flag not in flags_set:
            report(("start",), f"class scene '{scene.id}' never ends: no choice or node "
                               f"has 'set_flag: {scene.done_flag}'")


def check_level(level: Level, raw: Any, path: Path, smap: SchoolMap | None) -> list[Problem]:
    """References from a level into its map, assets, dialogues and itself."""
    problems: list[Problem] = []

    def report(loc: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(path, line_of(raw, loc), message))

    def unique(items: list[Any], loc_of: Any, what: str) -> None:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                report(loc_of(i), f"{what} id '{item.id}' is used twice")
            seen.add(item.id)

    unique(level.characters, lambda i: ("characters", i, "id"), "character")
    unique(level.days, lambda i: ("days", i, "id"), "day")
    unique(level.clues, lambda i: ("clues", i, "id"), "clue")
    unique(level.homework, lambda i: ("homework", i, "id"), "homework")
    unique(level.goals, lambda i: ("goals", i, "id"), "goal")
    all_lessons = [(di, li, lesson) for di, d in enumerate(level.days)
                   for li, lesson in enumerate(d.lessons)]
    seen_lessons: set[str] = set()
    for di, li, lesson in all_lessons:
        if lesson.id in seen_lessons:
            report(("days", di, "lessons", li, "id"), f"lesson id '{lesson.id}' is used twice")
        seen_lessons.add(lesson.id)

    characters = {c.id: c for c in level.characters}
    teachers = {c.id for c in level.characters if c.role in ("teacher", "staff")}
    rooms = set(smap.rooms) if smap else set()
    places = rooms | (set(smap.points) if smap else set())

    if smap is not None and level.start not in smap.points:
        report(("start",), f"start point '{level.start}' is not on the map "
                           f"(spawn points: {', '.join(sorted(smap.points)[:6])}, ...)")
    for i, c in enumerate(level.characters):
        loc = ("characters", i)
        if not (paths.CHARACTER_SHEETS / f"{c.sprite}.png").is_file():
            report((*loc, "sprite"), f"sprite '{c.sprite}' not found: expected "
                                     f"assets/characters/{c.sprite}.png "
                                     "(add a look to assets/characters/looks.yaml and run "
                                     "tools/make_characters.py)")
        if c.dialogue and not (paths.DIALOGUES / f"{c.dialogue}.yaml").is_file():
            report((*loc, "dialogue"), f"dialogue file dialogues/{c.dialogue}.yaml not found")
        if not c.dialogue and not c.greeting:
            report(loc, f"character '{c.id}' needs a 'dialogue' or a 'greeting'")
        if smap is not None and c.id not in smap.characters and not c.schedule:
            report((*loc, "id"), f"character '{c.id}' has no place: put a character object "
                                 "on the map or give a 'schedule'")
        for si, placement in enumerate(c.schedule):
            if smap is not None and placement.at not in places:
                report((*loc, "schedule", si, "at"),
                       f"unknown place '{placement.at}' (a room or a point on the map)")
    for di, day in enumerate(level.days):
        lessons = {lesson.id for lesson in day.lessons}
        ordered = sorted(day.lessons, key=lambda lesson: lesson.start)
        for a, b in zip(ordered, ordered[1:], strict=False):
            if b.start < a.end:
                li = day.lessons.index(b)
                report(("days", di, "lessons", li, "start"),
                       f"lesson '{b.id}' starts before '{a.id}' ends")
        for li, lesson in enumerate(day.lessons):
            loc = ("days", di, "lessons", li)
            if smap is not None and lesson.room not in rooms:
                report((*loc, "room"), f"room '{lesson.room}' is not on the map")
            if lesson.teacher not in teachers:
                report((*loc, "teacher"), f"teacher '{lesson.teacher}' is not a character with "
                                          "role teacher or staff")
        for ci, change in enumerate(day.changes):
            loc = ("days", di, "changes", ci)
            if change.lesson not in lessons:
                report((*loc, "lesson"), f"change '{change.id}' is about unknown lesson "
                                         f"'{change.lesson}' (lessons of this day: "
                                         f"{', '.join(sorted(lessons))})")
            if change.new_room and smap is not None and change.new_room not in rooms:
                report((*loc, "new_room"), f"room '{change.new_room}' is not on the map")
            if change.substitute and change.substitute not in teachers:
                report((*loc, "substitute"), f"substitute '{change.substitute}' is not a teacher")
            if change.told_by and change.told_by not in characters:
                report((*loc, "told_by"), f"unknown character '{change.told_by}'")
    seen_scenes: set[str] = set()
    for si, scene in enumerate(level.scenes):
        loc = ("scenes", si)
        if scene.id in seen_scenes:
            report((*loc, "id"), f"scene '{scene.id}' appears twice")
        seen_scenes.add(scene.id)
        talker = characters.get(scene.talk_to)
        if talker is None:
            report((*loc, "talk_to"), f"unknown character '{scene.talk_to}'")
        elif not talker.dialogue:
            report((*loc, "talk_to"), f"'{scene.talk_to}' has no dialogue to carry the scene")
    if level.notice_board and smap is not None and level.notice_board not in rooms:
        report(("notice_board",), f"room '{level.notice_board}' is not on the map")
    lesson_ids = {lesson.id: (di, lesson) for di, _, lesson in all_lessons}
    clues = {c.id for c in level.clues}
    for li, lesson in ((li, x) for _, li, x in all_lessons):
        for effect in lesson.on_time:
            for kind, ref in _level_refs_in_effect(effect):
                known = {"character": set(characters), "clue": clues,
                         "homework": {h.id for h in level.homework}}.get(kind)
                if known is not None and ref not in known:
                    di = lesson_ids[lesson.id][0]
                    report(("days", di, "lessons", li, "on_time"), f"unknown {kind} '{ref}'")
    for hi, hw in enumerate(level.homework):
        loc = ("homework", hi)
        for key in ("given_in", "due"):
            if getattr(hw, key) not in lesson_ids:
                report((*loc, key), f"homework '{hw.id}': unknown lesson '{getattr(hw, key)}'")
        if hw.given_in in lesson_ids and hw.due in lesson_ids:
            given, due = lesson_ids[hw.given_in], lesson_ids[hw.due]
            if (due[0], due[1].start) <= (given[0], given[1].start):
                report((*loc, "due"), f"homework '{hw.id}' is due before it is given")
        if hw.clue is not None and hw.clue not in clues:
            report((*loc, "clue"), f"unknown clue '{hw.clue}'")
    if level.alien:
        candidates = level.alien.candidates
        for i, cid in enumerate(candidates):
            if cid not in characters:
                report(("alien", "candidates", i), f"unknown character '{cid}'")
        for ti, trait in enumerate(level.alien.traits):
            for i, cid in enumerate(trait.has):
                if cid not in candidates:
                    report(("alien", "traits", ti, "has", i),
                           f"'{cid}' is not one of the alien candidates")
        looks: dict[tuple[bool, ...], str] = {}
        for i, cid in enumerate(candidates):
            key = tuple(cid in t.has for t in level.alien.traits)
            if key in looks:
                report(("alien", "candidates", i),
                       f"'{cid}' and '{looks[key]}' have the same traits, so no clue can tell "
                       "them apart: add a trait that only one of them has")
            looks[key] = cid
    return unique_problems(problems)


def _conditions(dialogue: Dialogue) -> Iterator[tuple[tuple[Any, ...], Condition]]:
    for i, entry in enumerate(dialogue.start):
        if entry.if_:
            yield ("start", i, "if"), entry.if_
    for node_id, node in dialogue.nodes.items():
        for ci, choice in enumerate(node.choices):
            if choice.if_:
                yield ("nodes", node_id, "choices", ci, "if"), choice.if_


def _effects(dialogue: Dialogue) -> Iterator[tuple[tuple[Any, ...], Effect]]:
    for node_id, node in dialogue.nodes.items():
        for ei, effect in enumerate(node.effects):
            yield ("nodes", node_id, "effects", ei), effect
        for ci, choice in enumerate(node.choices):
            for ei, effect in enumerate(choice.effects):
                yield ("nodes", node_id, "choices", ci, "effects", ei), effect


def _flatten(cond: Condition) -> Iterator[Condition]:
    yield cond
    for sub in cond.any or []:
        yield from _flatten(sub)


def _node_refs(cond: Condition) -> Iterator[str]:
    for c in _flatten(cond):
        yield from (r for r in (c.visited, c.not_visited) if r)
        if c.visits:
            yield c.visits.node


def _level_refs_in_condition(cond: Condition) -> Iterator[tuple[str, str]]:
    for c in _flatten(cond):
        if c.relation:
            yield "character", c.relation.character
        if c.mood:
            yield "character", c.mood.character
        for ref in (c.clue, c.no_clue):
            if ref:
                yield "clue", ref
        if c.homework:
            yield "homework", c.homework


def _level_refs_in_effect(effect: Effect) -> Iterator[tuple[str, str]]:
    if effect.relation:
        yield "character", effect.relation.character
    if effect.mood:
        yield "character", effect.mood.character
    if effect.give_clue:
        yield "clue", effect.give_clue
    if effect.give_homework:
        yield "homework", effect.give_homework
    if effect.note_homework:
        yield "homework", effect.note_homework
    if effect.timetable_change:
        yield "timetable change", effect.timetable_change
