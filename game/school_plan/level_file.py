"""Writes the first week at a generated school as a level file (docs/levels.md), with
comments, so a teacher can go on writing it by hand: dialogues, homework, changes."""

from __future__ import annotations

import json

from game.content.schema import format_time
from game.school_plan.plan import SchoolPlan
from game.school_plan.week import ALIEN, Week

TRAITS = (
    ("bril", ["lucas"], ("De alien draagt een bril.", "The alien wears glasses."),
     ("De alien draagt geen bril.", "The alien does not wear glasses.")),
    ("haar-vast", ["amber"],
     ("De alien draagt het haar vast, in een staart of knot.",
      "The alien wears their hair tied up, in a ponytail or bun."),
     ("De alien draagt het haar los of kort.", "The alien wears their hair loose or short.")),
    ("geel", ["sem"], ("De alien draagt iets geels.", "The alien wears something yellow."),
     ("De alien draagt niets geels.", "The alien wears nothing yellow.")),
)


def q(text: str) -> str:
    """A YAML double-quoted string (JSON's quoting is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def local(nl: str, en: str) -> str:
    return f"{{nl: {q(nl)}, en: {q(en)}}}"


def level_text(plan: SchoolPlan, week: Week, map_file: str, made_by: str) -> str:
    name = plan.name
    out = [
        f"# The first week at {name.nl}, made by {made_by}.",
        "# Edit it freely (docs/levels.md); `python main.py validate` checks it.",
        f"id: {plan.id}",
        f"title: {local(f'Eerste week op {name.nl}', f'First week at {name.en}')}",
        "intro:",
        f"  nl: {q(f'Welkom op {name.nl}! Zoek je lokalen, leer de school kennen en kom op tijd bij je lessen. Eén van je klasgenoten is een alien in vermomming...')}",  # noqa: E501
        f"  en: {q(f'Welcome to {name.en}! Find your classrooms, get to know the school and be on time for your lessons. One of your classmates is an alien in disguise...')}",  # noqa: E501
        f"map: {map_file}",
        "start: start",
        "clock:",
        "  speed: 10",
        "goals:",
        "  - id: op-tijd",
        f"    text: {local('Kom op tijd bij elke les.', 'Be on time for every lesson.')}",
        "  - id: plattegrond",
        f"    text: {local('Kijk op de plattegrond waar je lokaal is.', 'Check the floor plan to find your room.')}",  # noqa: E501
        "characters:",
    ]
    for person in week.people:
        out += [
            f"  - id: {person.id}",
            f"    name: {q(person.name)}",
            f"    role: {person.role}",
            f"    sprite: {person.look}",
            f"    about: {local(*person.about)}",
            f"    greeting: {local(*person.greeting)}",
        ]
    out.append("days:")
    for day in week.days:
        out += [
            f"  - id: {day.id}",
            f"    title: {local(*day.title)}",
            f"    start: {q(format_time(day.start))}",
            f"    end: {q(format_time(day.end))}",
            "    lessons:" + ("" if day.lessons else " []"),
        ]
        for lesson in day.lessons:
            out += [
                f"      - id: {lesson.id}",
                f"        start: {q(format_time(lesson.start))}",
                f"        end: {q(format_time(lesson.end))}",
                f"        subject: {local(*lesson.subject)}",
            ]
            if lesson.in_text:
                out.append(f"        subject_in_text: {local(*lesson.in_text)}")
            out += [f"        room: {q(lesson.room)}", f"        teacher: {lesson.teacher}"]
            if lesson.clue:
                out.append(f"        on_time: [give_clue: {lesson.clue}]")
    if week.clues:
        out.append("# Who tells a clue; what it says about the alien is drawn each game.")
        out.append("clues:")
        for cid, nl, en in week.clues:
            out += [f"  - id: {cid}", f"    text: {local(nl, en)}"]
        out += ["alien:", f"  candidates: [{', '.join(ALIEN)}]", "  traits:"]
        for tid, has, yes, no in TRAITS:
            out += [f"    - id: {tid}", f"      has: [{', '.join(has)}]",
                    f"      yes: {local(*yes)}", f"      no: {local(*no)}"]
    return "\n".join(out) + "\n"
