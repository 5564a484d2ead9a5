"""A school's own timetable as CSV (day, start, end, subject, room, teacher), as timetable
systems export it: read into days of lessons, every problem as `file:line`."""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from game.content.errors import ContentError, Problem
from game.content.schema import TIME_PATTERN

COLUMNS = ("day", "start", "end", "subject", "room", "teacher")
DUTCH_COLUMNS = {"dag": "day", "begin": "start", "start": "start", "eind": "end",
                 "einde": "end", "vak": "subject", "lokaal": "room", "docent": "teacher",
                 "leraar": "teacher"}
DAYS = {"maandag": 0, "ma": 0, "monday": 0, "mon": 0, "dinsdag": 1, "di": 1, "tuesday": 1,
        "tue": 1, "woensdag": 2, "wo": 2, "wednesday": 2, "wed": 2, "donderdag": 3, "do": 3,
        "thursday": 3, "thu": 3, "vrijdag": 4, "vr": 4, "friday": 4, "fri": 4}
DAY_TITLES = (("Maandag", "Monday"), ("Dinsdag", "Tuesday"), ("Woensdag", "Wednesday"),
              ("Donderdag", "Thursday"), ("Vrijdag", "Friday"))
SUBJECTS_EN = {
    "nederlands": "Dutch", "engels": "English", "wiskunde": "Maths", "biologie": "Biology",
    "geschiedenis": "History", "aardrijkskunde": "Geography", "mentorles": "Mentor lesson",
    "mentoruur": "Mentor lesson", "lo": "PE", "gym": "PE", "lichamelijke opvoeding": "PE",
    "frans": "French", "duits": "German", "tekenen": "Art", "beeldende vorming": "Art",
    "muziek": "Music", "natuurkunde": "Physics", "scheikunde": "Chemistry",
    "nask": "Science", "economie": "Economics", "informatica": "Computer science",
    "techniek": "Technology", "drama": "Drama", "levensbeschouwing": "Religious education",
    "burgerschap": "Citizenship",
}


@dataclass
class CsvLesson:
    line: int
    start: int
    end: int
    subject: str
    room: str
    teacher: str


@dataclass
class CsvDay:
    key: str
    title: tuple[str, str]
    lessons: list[CsvLesson] = field(default_factory=list)


def subject_en(subject: str) -> str:
    return SUBJECTS_EN.get(subject.strip().lower(), subject)


def _minutes(text: str) -> int | None:
    match = TIME_PATTERN.match(text.strip().replace(".", ":"))
    return int(match.group(1)) * 60 + int(match.group(2)) if match else None


def read_timetable(path: Path, rooms: dict[str, str]) -> list[CsvDay]:
    """Days in the order they first appear (weekdays in week order). `rooms` maps every
    way the plan names a room (its id, its Dutch and English label, lowercased) to its id."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ContentError.at(path, 0, f"cannot read the timetable: {exc.strerror}") from exc
    dialect = ";" if text.count(";") > text.count(",") else ","
    rows = list(csv.reader(text.splitlines(), delimiter=dialect))
    if not rows:
        raise ContentError.at(path, 1, "the timetable is empty")
    header = [DUTCH_COLUMNS.get(h.strip().lower(), h.strip().lower()) for h in rows[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ContentError.at(path, 1, f"the first line must name the columns "
                                       f"{', '.join(COLUMNS)}; missing: {', '.join(missing)}")
    problems: list[Problem] = []
    days: dict[str, CsvDay] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = dict(zip(header, (c.strip() for c in row), strict=False))
        if any(not cells.get(c) for c in COLUMNS):
            empty = [c for c in COLUMNS if not cells.get(c)]
            problems.append(Problem(path, number, f"empty: {', '.join(empty)}"))
            continue
        start, end = _minutes(cells["start"]), _minutes(cells["end"])
        if start is None or end is None:
            problems.append(Problem(path, number, "write times like 08:30"))
            continue
        if end <= start:
            problems.append(Problem(path, number, "the lesson ends before it starts"))
            continue
        room = rooms.get(cells["room"].lower())
        if room is None:
            hint = difflib.get_close_matches(cells["room"].lower(), list(rooms), n=1)
            problems.append(Problem(path, number, f"room '{cells['room']}' is not in the plan"
                                    + (f" (did you mean '{rooms[hint[0]]}'?)" if hint else
                                       ": add it to the plan or correct the room")))
            continue
        key = cells["day"].lower()
        if key not in days:
            index = DAYS.get(key)
            title = DAY_TITLES[index] if index is not None else (cells["day"], cells["day"])
            days[key] = CsvDay(key, title)
        day = days[key]
        for other in day.lessons:
            if start < other.end and other.start < end:
                problems.append(Problem(path, number, f"overlaps the lesson on line "
                                                      f"{other.line} on the same day"))
        day.lessons.append(CsvLesson(number, start, end, cells["subject"], room,
                                     cells["teacher"]))
    if problems:
        raise ContentError(problems)
    if not days:
        raise ContentError.at(path, 2, "the timetable has no lessons")
    ordered = sorted(days.values(), key=lambda d: DAYS.get(d.key, 99))
    for day in ordered:
        day.lessons.sort(key=lambda lesson: lesson.start)
    return ordered


def slug(text: str) -> str:
    """An id from a name: 'Mevr. Çelik' -> 'mevr-celik'."""
    plain = text.lower().translate(str.maketrans("áàäâéèëêíìïîóòöôúùüûçñışğ",
                                                 "aaaaeeeeiiiioooouuuucnisg"))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"
