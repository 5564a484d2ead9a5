"""Cross-reference and graph checks over loaded content, each problem with `file:line`.

The rules (conditions and effects) say themselves which ids they name (`refs()`);
these checks only know what each kind of id must match in the level.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from game import paths
from game.content.dialogue import Dialogue
from game.content.errors import Problem, unique_problems
from game.content.level import Level
from game.content.schema import LocalText, format_time
from game.content.school_map import SchoolMap
from game.content.timetable import planned
from game.content.yaml_source import line_of
from game.rules.base import Ref, RefKind
from game.rules.conditions import Condition
from game.rules.effects import Effect, SetFlag

PLAYER = "player"
Loc = tuple[Any, ...]


@dataclass
class Report:
    """Collects problems in one file, each at the line of its place in the YAML."""

    path: Path
    raw: Any
    problems: list[Problem] = field(default_factory=list)

    def __call__(self, loc: Loc, message: str) -> None:
        self.problems.append(Problem(self.path, line_of(self.raw, loc), message))

    def result(self) -> list[Problem]:
        return unique_problems(self.problems)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def _unique(report: Report, items: Iterable[_HasId], where: str, what: str) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            report((where, i, "id"), f"{what} id '{item.id}' is used twice")
        seen.add(item.id)


# --- dialogues -----------------------------------------------------------------

def conditions_of(dialogue: Dialogue) -> Iterator[tuple[Loc, Condition]]:
    for i, entry in enumerate(dialogue.start):
        if entry.if_:
            yield ("start", i, "if"), entry.if_
    for node_id, node in dialogue.nodes.items():
        for bi, entry in enumerate(node.branch):
            if entry.if_:
                yield ("nodes", node_id, "branch", bi, "if"), entry.if_
        for ci, choice in enumerate(node.choices):
            if choice.if_:
                yield ("nodes", node_id, "choices", ci, "if"), choice.if_


def effects_of(dialogue: Dialogue) -> Iterator[tuple[Loc, Effect]]:
    for node_id, node in dialogue.nodes.items():
        for ei, effect in enumerate(node.effects):
            yield ("nodes", node_id, "effects", ei), effect
        for ci, choice in enumerate(node.choices):
            for ei, effect in enumerate(choice.effects):
                yield ("nodes", node_id, "choices", ci, "effects", ei), effect


def refs_of(dialogue: Dialogue) -> Iterator[tuple[Loc, Ref]]:
    """Every id the dialogue's conditions and effects name, with where it is named."""
    for loc, condition in conditions_of(dialogue):
        for ref in condition.refs():
            yield loc, ref
    for loc, effect in effects_of(dialogue):
        for ref in effect.refs():
            yield loc, ref


def check_dialogue_graph(dialogue: Dialogue, raw: Any, path: Path) -> list[Problem]:
    """Checks a dialogue needs on its own: jumps, dead ends, reachability, duplicate ids."""
    report = Report(path, raw)
    nodes = dialogue.nodes
    if dialogue.id != path.stem:
        report(("id",), f"the dialogue's id '{dialogue.id}' differs from its file name "
                        f"'{path.name}': levels find dialogues by file name, so make them equal")
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
        for bi, entry in enumerate(node.branch):
            if entry.goto not in nodes:
                report((*where, "branch", bi, "goto"),
                       f"node '{node_id}': branch to unknown node '{entry.goto}'")
        if node.choices and node.goto:
            report((*where, "goto"), f"node '{node_id}' has both choices and 'goto'; "
                                     "the choices decide where to go, so remove 'goto'")
        if node.choices and node.branch:
            report((*where, "branch"), f"node '{node_id}' has both choices and 'branch'; "
                                       "the choices decide where to go, so remove 'branch'")
        if node.branch and all(e.if_ is not None for e in node.branch) \
                and not node.goto and not node.end:
            report((*where, "branch"), f"node '{node_id}': every branch has 'if'; add a "
                                       "last entry without 'if', 'goto: <node>' or 'end: true' "
                                       "for when none holds")
        if not node.choices and not node.goto and not node.end and not node.branch:
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
    for loc, ref in refs_of(dialogue):
        if ref.kind == "node" and ref.id not in nodes:
            report(loc, f"condition refers to unknown node '{ref.id}'")
    for node_id in nodes.keys() - _reachable(dialogue):
        report(("nodes", node_id), f"node '{node_id}' can never be reached")
    return report.result()


def _reachable(dialogue: Dialogue) -> set[str]:
    nodes = dialogue.nodes
    reachable: set[str] = set()
    todo = [e.goto for e in dialogue.start if e.goto in nodes]
    while todo:
        node_id = todo.pop()
        if node_id in reachable:
            continue
        reachable.add(node_id)
        node = nodes[node_id]
        targets = [node.goto, node.fallback, *(c.goto for c in node.choices),
                   *(e.goto for e in node.branch)]
        todo.extend(t for t in targets if t is not None and t in nodes and t not in reachable)
    return reachable


LEVEL_REFS: dict[RefKind, tuple[str, Callable[[Level], set[str]]]] = {
    "character": ("character", lambda level: {c.id for c in level.characters}),
    "clue": ("clue", lambda level: {c.id for c in level.clues}),
    "homework": ("homework", lambda level: {h.id for h in level.homework}),
    "change": ("timetable change", lambda level: {ch.id for d in level.days
                                                  for ch in d.changes}),
}
"""What each kind of reference must name in the level (nodes, flags and counters are
checked elsewhere: inside the dialogue, and across all the level's dialogues)."""


def _unknown_refs(refs: Iterable[tuple[Loc, Ref]], level: Level,
                  report: Callable[[Loc, str], None]) -> None:
    known = {kind: lookup(level) for kind, (_, lookup) in LEVEL_REFS.items()}
    for loc, ref in refs:
        if ref.kind in known and ref.id not in known[ref.kind]:
            report(loc, f"unknown {LEVEL_REFS[ref.kind][0]} '{ref.id}'")


def check_dialogue_against_level(dialogue: Dialogue, raw: Any, path: Path,
                                 level: Level) -> list[Problem]:
    """References from a dialogue into its level: characters, clues, homework, changes."""
    report = Report(path, raw)
    characters = {c.id for c in level.characters}
    if dialogue.character not in characters:
        report(("character",), f"unknown character '{dialogue.character}'")
    for node_id, node in dialogue.nodes.items():
        for li, line in enumerate(node.lines):
            if line.speaker != PLAYER and line.speaker not in characters:
                report(("nodes", node_id, "lines", li, "speaker"),
                       f"unknown speaker '{line.speaker}' (a character id, or 'player')")
    _unknown_refs(refs_of(dialogue), level, report)
    _check_scenes_carried(dialogue, level, report)
    return report.result()


def _check_scenes_carried(dialogue: Dialogue, level: Level, report: Report) -> None:
    """A class scene this dialogue carries must start on its flag and can end: without
    `set_flag: <done_flag>` the pupil would be stuck in that scene."""
    own = {c.id for c in level.characters if c.dialogue == dialogue.id}
    flags_set = {e.flag for _, e in effects_of(dialogue) if isinstance(e, SetFlag)}
    flags_read = {r.id for _, r in refs_of(dialogue) if r.kind == "flag"}
    for scene in level.scenes:
        if scene.talk_to not in own:
            continue
        if scene.start_flag not in flags_read:
            report(("start",), f"class scene '{scene.id}' is carried by this dialogue, "
                               f"but nothing starts on flag '{scene.start_flag}'")
        if scene.done_flag not in flags_set:
            report(("start",), f"class scene '{scene.id}' never ends: no choice or node "
                               f"has 'set_flag: {scene.done_flag}'")


def check_flags_and_counters(level: Level,
                             dialogues: Iterable[tuple[Dialogue, Any, Path]]) -> list[Problem]:
    """A flag or counter that is read but never set anywhere in the level is a typo."""
    loaded = list(dialogues)
    written: dict[RefKind, set[str]] = {"flag": {s.start_flag for s in level.scenes},
                                        "counter": set()}
    for dialogue, _, _ in loaded:
        for _, effect in effects_of(dialogue):
            for ref in effect.refs():
                written.setdefault(ref.kind, set()).add(ref.id)
            if isinstance(effect, SetFlag):
                written["flag"].add(effect.flag)
    problems: list[Problem] = []
    for dialogue, raw, path in loaded:
        report = Report(path, raw)
        for loc, condition in conditions_of(dialogue):
            for ref in condition.refs():
                if ref.kind in written and ref.id not in written[ref.kind]:
                    setter = "set_flag" if ref.kind == "flag" else "add_counter"
                    report(loc, f"{ref.kind} '{ref.id}' is never set: no dialogue of this "
                                f"level has '{setter}: {ref.id}' (a typo?)")
        problems.extend(report.result())
    return problems


def check_level_uses(level: Level, raw: Any, path: Path,
                     dialogues: dict[str, Dialogue]) -> list[Problem]:
    """What only the level and all its dialogues together can tell: whose dialogue a
    character was given, and whether every clue can be earned somewhere."""
    report = Report(path, raw)
    for i, c in enumerate(level.characters):
        dialogue = dialogues.get(c.dialogue or "")
        if dialogue is not None and dialogue.character != c.id:
            report(("characters", i, "dialogue"),
                   f"'{c.id}' is given dialogue '{dialogue.id}', which is written for "
                   f"'{dialogue.character}'")
    given = {h.clue for h in level.homework if h.clue}
    given |= {r.id for day in level.days for lesson in day.lessons for e in lesson.on_time
              for r in e.refs() if r.kind == "clue"}
    for dialogue in dialogues.values():
        given |= {r.id for _, e in effects_of(dialogue) for r in e.refs() if r.kind == "clue"}
    for i, clue in enumerate(level.clues):
        if clue.id not in given:
            report(("clues", i, "id"), f"clue '{clue.id}' is never given: no dialogue, lesson "
                                       "or homework gives it, so nobody can find it")
    return report.result()


ROOM_NUMBER = re.compile(r"\b\d\.\d{2}\b")
CLOCK = re.compile(r"\b([01]?\d|2[0-3])(?::([0-5]\d)\b|\.([0-5]\d) uur\b)")
"""10:15, or 10.15 uur (a room number like 2.14 is not a time)."""


def check_lines_against_timetable(level: Level, raw: Any, path: Path, smap: SchoolMap,
                                  dialogues: dict[str, tuple[Dialogue, Any, Path]]
                                  ) -> list[Problem]:
    """Lines must be true when they are said: a room that exists, a subject in the room the
    timetable gives it, a clock time the timetable has. A greeting is said on every day,
    so a room it names for a subject must hold on every day."""
    problems: list[Problem] = []
    subject_rooms: dict[str, dict[str, set[str]]] = {}  # subject -> day -> rooms
    times = set()
    for day in level.days:
        times |= {format_time(day.start), format_time(day.end)}
        times |= {format_time(c.announce_at) for c in day.changes}
        for item in planned(day, 24 * 60):
            subject = item.lesson.subject.nl.lower()
            subject_rooms.setdefault(subject, {}).setdefault(day.id, set()).add(item.room)
            times |= {format_time(item.lesson.start), format_time(item.lesson.end)}

    def judge(report: Report, loc: Loc, text: LocalText, every_day: bool) -> None:
        for number in ROOM_NUMBER.findall(f"{text.nl} {text.en}"):
            if number not in smap.rooms:
                report(loc, f"the line names room {number}, which is not on the map")
                continue
            for subject, days in subject_rooms.items():
                if subject not in text.nl.lower():
                    continue
                rooms = set().union(*days.values())
                if number not in rooms:
                    report(loc, f"the line puts {subject} in {number}, but the timetable "
                                f"never has {subject} there ({', '.join(sorted(rooms))})")
                elif every_day and any(number not in r for r in days.values()):
                    other = next(d for d, r in days.items() if number not in r)
                    report(loc, f"the line puts {subject} in {number}, but on day '{other}' "
                                f"it is elsewhere: say it in a dialogue with a `day` check")
        for hour, colon, dot in CLOCK.findall(text.nl):
            said = f"{int(hour):02d}:{colon or dot}"
            if said not in times:
                report(loc, f"the line names the time {said}, which is not in the timetable "
                            f"({', '.join(sorted(times)[:6])}, ...)")

    level_report = Report(path, raw)
    for i, c in enumerate(level.characters):
        if c.greeting:
            judge(level_report, ("characters", i, "greeting"), c.greeting, every_day=True)
    problems.extend(level_report.result())
    for dialogue, draw, dpath in dialogues.values():
        report = Report(dpath, draw)
        for node_id, node in dialogue.nodes.items():
            for li, line in enumerate(node.lines):
                judge(report, ("nodes", node_id, "lines", li, "text"), line.text,
                      every_day=False)
        problems.extend(report.result())
    return problems


# --- levels --------------------------------------------------------------------

def check_level(level: Level, raw: Any, path: Path, smap: SchoolMap | None) -> list[Problem]:
    """References from a level into its map, assets, dialogues and itself."""
    report = Report(path, raw)
    _check_ids(level, report)
    _check_characters(level, smap, report)
    folder = paths.dialogues_for(path)
    for loc, dialogue_id in level.dialogues_used():
        if not (folder / f"{dialogue_id}.yaml").is_file():
            report(loc, f"dialogue file dialogues/{dialogue_id}.yaml not found")
    _check_days(level, smap, report)
    _check_scenes(level, report)
    _check_lesson_effects(level, report)
    _check_homework(level, report)
    _check_alien(level, report)
    people = {c.id for c in level.characters}
    for rule, helper in level.helpers.items():
        if helper not in people:
            report(("helpers", rule), f"helpers: '{helper}' ({rule}) is not a character of "
                                      "this level")
    if smap is not None:
        if level.start not in smap.points:
            report(("start",), f"start point '{level.start}' is not on the map "
                               f"(spawn points: {', '.join(sorted(smap.points)[:6])}, ...)")
        else:
            start = smap.points[level.start]
            if smap.room_at(start.x, start.y - 1) is None:
                report(("start",), f"start point '{level.start}' lies outside every room: put "
                                   "it inside a room or corridor on the map")
        if level.notice_board and level.notice_board not in smap.rooms:
            report(("notice_board",), f"room '{level.notice_board}' is not on the map")
    return report.result()


def _check_ids(level: Level, report: Report) -> None:
    _unique(report, level.characters, "characters", "character")
    _unique(report, level.days, "days", "day")
    _unique(report, level.clues, "clues", "clue")
    _unique(report, level.homework, "homework", "homework")
    _unique(report, level.goals, "goals", "goal")
    _unique(report, level.scenes, "scenes", "scene")
    seen: set[str] = set()
    for di, day in enumerate(level.days):
        for li, lesson in enumerate(day.lessons):
            if lesson.id in seen:
                report(("days", di, "lessons", li, "id"), f"lesson id '{lesson.id}' is used twice")
            seen.add(lesson.id)


def _check_characters(level: Level, smap: SchoolMap | None, report: Report) -> None:
    places = set(smap.rooms) | set(smap.points) if smap else set()
    for i, c in enumerate(level.characters):
        loc = ("characters", i)
        if not (paths.CHARACTER_SHEETS / f"{c.sprite}.png").is_file():
            report((*loc, "sprite"), f"sprite '{c.sprite}' not found: expected "
                                     f"assets/characters/{c.sprite}.png "
                                     "(add a look to assets/characters/looks.yaml and run "
                                     "tools/make_characters.py)")
        if not c.dialogue and not c.greeting:
            report(loc, f"character '{c.id}' needs a 'dialogue' or a 'greeting'")
        if smap is not None and c.id not in smap.characters and not c.schedule:
            report((*loc, "id"), f"character '{c.id}' has no place: put a character object "
                                 "on the map or give a 'schedule'")
        for si, placement in enumerate(c.schedule):
            if smap is not None and placement.at not in places:
                report((*loc, "schedule", si, "at"),
                       f"unknown place '{placement.at}' (a room or a point on the map)")


def _check_days(level: Level, smap: SchoolMap | None, report: Report) -> None:
    characters = {c.id for c in level.characters}
    teachers = {c.id for c in level.characters if c.role in ("teacher", "staff")}
    rooms = set(smap.rooms) if smap else set()
    for di, day in enumerate(level.days):
        lessons = {lesson.id for lesson in day.lessons}
        ordered = sorted(day.lessons, key=lambda lesson: lesson.start)
        for a, b in zip(ordered, ordered[1:], strict=False):
            if b.start < a.end:
                report(("days", di, "lessons", day.lessons.index(b), "start"),
                       f"lesson '{b.id}' starts before '{a.id}' ends")
        for li, lesson in enumerate(day.lessons):
            loc = ("days", di, "lessons", li)
            if smap is not None and lesson.room not in rooms:
                report((*loc, "room"), f"room '{lesson.room}' is not on the map")
            if lesson.teacher not in teachers:
                report((*loc, "teacher"), f"teacher '{lesson.teacher}' is not a character with "
                                          "role teacher or staff")
        away = set(day.absent)
        for ai, who in enumerate(day.absent):
            if who not in characters:
                report(("days", di, "absent", ai), f"unknown character '{who}'")
        covered = {c.lesson for c in day.changes if c.kind in ("substitute", "cancelled")}
        for li, lesson in enumerate(day.lessons):
            if lesson.teacher in away and lesson.id not in covered:
                report(("days", di, "lessons", li, "teacher"),
                       f"'{lesson.teacher}' is absent on day '{day.id}' but teaches "
                       f"'{lesson.id}': add a substitute or a cancellation")
        for ci, change in enumerate(day.changes):
            loc = ("days", di, "changes", ci)
            if change.told_by in away or change.substitute in away:
                report((*loc, "told_by" if change.told_by in away else "substitute"),
                       f"change '{change.id}': that person is absent on day '{day.id}'")
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


def _check_scenes(level: Level, report: Report) -> None:
    characters = {c.id: c for c in level.characters}
    for si, scene in enumerate(level.scenes):
        talker = characters.get(scene.talk_to)
        if talker is None:
            report(("scenes", si, "talk_to"), f"unknown character '{scene.talk_to}'")
        elif not talker.dialogue:
            report(("scenes", si, "talk_to"),
                   f"'{scene.talk_to}' has no dialogue to carry the scene")


def _check_lesson_effects(level: Level, report: Report) -> None:
    refs = ((("days", di, "lessons", li, "on_time"), ref)
            for di, day in enumerate(level.days) for li, lesson in enumerate(day.lessons)
            for effect in lesson.on_time for ref in effect.refs())
    _unknown_refs(refs, level, report)


def _check_homework(level: Level, report: Report) -> None:
    lessons = {lesson.id: (di, lesson) for di, day in enumerate(level.days)
               for lesson in day.lessons}
    clues = {c.id for c in level.clues}
    for hi, hw in enumerate(level.homework):
        loc = ("homework", hi)
        for key in ("given_in", "due"):
            if getattr(hw, key) not in lessons:
                report((*loc, key), f"homework '{hw.id}': unknown lesson '{getattr(hw, key)}'")
        if hw.given_in in lessons and hw.due in lessons:
            given, due = lessons[hw.given_in], lessons[hw.due]
            if (due[0], due[1].start) <= (given[0], given[1].start):
                report((*loc, "due"), f"homework '{hw.id}' is due before it is given")
        if hw.clue is not None and hw.clue not in clues:
            report((*loc, "clue"), f"unknown clue '{hw.clue}'")


def _check_alien(level: Level, report: Report) -> None:
    if not level.alien:
        return
    characters = {c.id for c in level.characters}
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
