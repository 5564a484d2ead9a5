"""The mission sheet: every session of one game of a level as one conversation aid.

A mentor prepares a 15-minute talk about a pupil's week, not one sitting. This sheet
reads all sessions of one mission (a pupil's sessions of a level with the same seed:
the saved game they continued) and gives, in this order: the pupil's own marks from
"Mijn logboek" ("rather not" moments without their words), the progress over the days,
what went well, at most as many moments to look at as strengths (the ones with the most
to talk about), questions strengths-first, and a scaling question. Written to the pupil
("you"), like the session sheet (sheet.py), whose lines it shares.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.events import Names, Payload
from game.events.case import Accused, ClueFound
from game.events.coping import AskedForHelp, CalmMoment, SupportOffered
from game.events.homework import (
    HomeworkGiven,
    HomeworkHandedIn,
    HomeworkLate,
    HomeworkNoted,
)
from game.events.lessons import LessonLate, LessonMissed, LessonOnTime, TimetableChangeSeen
from game.events.missions import MissionChecked, MissionOffered
from game.events.sitting import DayEnded
from game.events.talking import ChoiceMade
from game.events.voice import HandoverWritten, MomentMarked, moment_key
from teacher_dashboard.names import pick
from teacher_dashboard.privacy import is_private, mark_on, marks_of
from teacher_dashboard.reading import Logged, Reading
from teacher_dashboard.sheet import GENERAL_QUESTIONS, MAX_QUESTIONS, MIN_QUESTIONS
from teacher_dashboard.timeline import MentorTeller, Text, aspect_label

MAX_LOOK_AT = 5


@dataclass
class DayProgress:
    """One school day in numbers, for the table of progress over the days."""

    day_id: str
    day: str
    lessons: int = 0
    on_time: int = 0
    homework_given: int = 0
    homework_noted: int = 0
    trusted: int | None = None
    """How many people trusted the pupil at the day's end (None: the day did not end)."""
    help_asked: int = 0
    calm: int = 0
    feeling: str = ""


@dataclass
class PupilMark:
    """A moment the pupil marked: its words (empty when "rather not"), or only its kind."""

    day: str
    talk: bool
    what: str
    note: str


@dataclass
class Handover:
    """"Mijn overstap" in the pupil's own words, for the new school's mentor."""

    helps: list[str]
    hard: list[str]
    note: str
    likes: list[str] = field(default_factory=list)


@dataclass
class MissionSheet:
    handover: Handover | None = None
    days: list[DayProgress] = field(default_factory=list)
    marks: list[PupilMark] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    to_look_at: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    scale_question: str = ""
    unreadable: int = 0
    real_missions: list[str] = field(default_factory=list)
    """Missions for the real school: offered, taken on or not, and how they went."""
    game_help: list[str] = field(default_factory=list)
    """When the game noticed the pupil was stuck and offered help (context, not a mark)."""

    @property
    def talk_marks(self) -> list[PupilMark]:
        return [m for m in self.marks if m.talk]

    @property
    def private_marks(self) -> list[PupilMark]:
        return [m for m in self.marks if not m.talk]


@dataclass(frozen=True)
class Mission:
    """One game of a level: its sessions (oldest first) share the level and the seed."""

    level: str
    seed: int | None
    sessions: tuple[dict[str, Any], ...]

    @property
    def first(self) -> dict[str, Any]:
        return self.sessions[0]

    @property
    def last(self) -> dict[str, Any]:
        return self.sessions[-1]

    def has(self, session_id: str | None) -> bool:
        return any(s["id"] == session_id for s in self.sessions)


def missions(sessions: Iterable[dict[str, Any]]) -> list[Mission]:
    """A pupil's sessions grouped into missions, newest mission first."""
    grouped: dict[tuple[str, Any], list[dict[str, Any]]] = {}
    for row in sorted(sessions, key=lambda r: str(r["started_at"] or "")):
        grouped.setdefault((row["level"], row["seed"]), []).append(row)
    found = [Mission(level, seed, tuple(rows)) for (level, seed), rows in grouped.items()]
    return sorted(found, key=lambda m: str(m.last["started_at"] or ""), reverse=True)


def _sum(choice: ChoiceMade) -> int:
    return sum(choice.aspects.values())


def _said_to_someone(event: Payload) -> bool:
    return isinstance(event, ChoiceMade) and event.context in ("talk", "lesson")


@dataclass
class _Moment:
    """A moment worth looking at together, with how much there is to talk about in it."""

    value: int
    order: int
    text: str
    prompt: str = ""


def moment_line(event: Payload, teller: MentorTeller) -> str:
    """The sheet's line for a moment the pupil can mark (written to the pupil)."""
    t, names, language = teller, teller.names, teller.names.language
    match event:
        case ChoiceMade():
            said = pick(event.said_before[-1], language) if event.said_before else ""
            return t("sheet_choice_moment", name=names.character(event.character), said=said,
                     chosen=pick(event.chosen_text, language))
        case LessonLate():
            return t("sheet_late", subject=event.subject_name(teller),
                     n=max(1, event.minutes_late))
        case LessonMissed():
            return t("sheet_missed", subject=event.subject_name(teller))
        case HomeworkLate():
            return t("sheet_homework_late", title=names.homework(event.homework))
        case AskedForHelp():
            return t("sheet_help_moment", name=names.character(event.character))
        case CalmMoment():
            return t("sheet_calm_moment")
    return ""


def build_mission_sheet(reading: Reading, names: Names, t: Text,
                        day_order: Sequence[str] = ()) -> MissionSheet:
    """The sheet for the story events of a mission's sessions, oldest first."""
    teller = MentorTeller(names, t)
    language = names.language
    sheet = MissionSheet(unreadable=reading.unreadable, scale_question=t("sheet_scale"))
    logged = reading.events

    marks = marks_of(reading)

    def mark_of(item: Logged) -> MomentMarked | None:
        return mark_on(item, marks)

    written = [e.payload for e in logged if isinstance(e.payload, HandoverWritten)]
    if written:  # the newest one: a pupil may write it again
        last = written[-1]
        sheet.handover = Handover([t(f"handover_helps_{k}") for k in last.helps],
                                  [t(f"handover_hard_{k}") for k in last.hard], last.note,
                                  [t(f"handover_likes_{k}") for k in last.likes])
    sheet.days = _progress(logged, names, day_order)
    sheet.marks = _pupil_marks(logged, marks, teller)
    shown = [item for item in logged if not is_private(item, marks)]
    events = [item.payload for item in shown]
    talks = [e for e in events if isinstance(e, ChoiceMade) and _said_to_someone(e)]

    _strengths(sheet, events, talks, logged, names, t)
    sheet.real_missions = _real_missions(events, teller)
    sheet.game_help = list(dict.fromkeys(
        told.text for e in events if isinstance(e, SupportOffered)
        if (told := e.tell(teller)) is not None))
    moments = _look_at(shown, teller)
    sheet.to_look_at = [m.text for m in moments[:min(len(sheet.strengths), MAX_LOOK_AT)]]

    prompts: list[str] = []

    def add(prompt: str, limit: int = MAX_QUESTIONS) -> None:
        if prompt and prompt not in prompts and len(prompts) < limit:
            prompts.append(prompt)

    for choice in sorted((c for c in talks if _sum(c) > 0), key=_sum, reverse=True):
        add(pick(choice.reflect, language), 2)  # what went well comes first
    for item in logged:
        found = mark_of(item)
        if found and found.mark == "talk" and isinstance(item.payload, ChoiceMade):
            add(pick(item.payload.reflect, language), 3)  # then what the pupil chose to raise
    for moment in moments[:len(sheet.to_look_at)]:
        add(moment.prompt, 4)
    if any(isinstance(e, LessonLate | LessonMissed) for e in events):
        add(t("sheet_q_on_time"))
    for key in GENERAL_QUESTIONS:
        if len(prompts) >= MIN_QUESTIONS:
            break
        add(t(key))
    sheet.questions = prompts[:MAX_QUESTIONS]
    return sheet


def _progress(logged: Sequence[Logged], names: Names,
              day_order: Sequence[str]) -> list[DayProgress]:
    days: dict[str, DayProgress] = {}
    for item in logged:
        day_id = item.game_day
        if day_id is None:
            continue
        row = days.setdefault(day_id, DayProgress(day_id, names.day(day_id)))
        match item.payload:
            case LessonOnTime():
                row.lessons += 1
                row.on_time += 1
            case LessonLate() | LessonMissed():
                row.lessons += 1
            case HomeworkGiven():
                row.homework_given += 1
            case HomeworkNoted():
                row.homework_noted += 1
            case AskedForHelp():
                row.help_asked += 1
            case CalmMoment():
                row.calm += 1
            case DayEnded() as ended:
                row.trusted = len(ended.trusted_by)
            case ChoiceMade(context="reflection") as choice:
                row.feeling = pick(choice.chosen_text, names.language)
    rank = {day: n for n, day in enumerate(day_order)}
    played = [d for d in days.values()  # a morning just begun is not a day to talk about yet
              if d.lessons or d.trusted is not None or d.help_asked or d.calm]
    return sorted(played, key=lambda d: rank.get(d.day_id, len(rank)))


def _pupil_marks(logged: Sequence[Logged], marks: dict[tuple[str | None, str], MomentMarked],
                 teller: MentorTeller) -> list[PupilMark]:
    """The pupil's marks, talk first; a "rather not" moment as its kind and aspects only."""
    found: list[PupilMark] = []
    seen: set[tuple[str | None, str]] = set()
    for item in logged:
        key = moment_key(item.payload)
        if key is None or (item.game_day, key[0]) in seen:
            continue
        mark = marks.get((item.game_day, key[0]))
        if mark is None:
            continue
        seen.add((item.game_day, key[0]))
        day = teller.names.day(item.game_day)
        if mark.mark == "talk":
            found.append(PupilMark(day, True, moment_line(item.payload, teller), mark.note))
        else:
            aspects = ", ".join(aspect_label(a, teller.names.language) for a in mark.aspects)
            what = teller(f"category_{mark.category}")
            found.append(PupilMark(day, False, teller("sheet_private_what", what=what,
                                                      aspects=aspects) if aspects else what,
                                   mark.note))
    return sorted(found, key=lambda m: not m.talk)


def _strengths(sheet: MissionSheet, events: list[Payload], talks: list[ChoiceMade],
               logged: Sequence[Logged], names: Names, t: Text) -> None:
    s = sheet.strengths
    on_time = sum(d.on_time for d in sheet.days)
    lessons = sum(d.lessons for d in sheet.days)
    if on_time:
        s.append(t("sheet_on_time", on_time=on_time, lessons=lessons))
    counted = ((TimetableChangeSeen, "sheet_changes"), (HomeworkNoted, "sheet_homework_noted"),
               (HomeworkHandedIn, "sheet_homework_in"), (AskedForHelp, "sheet_help_asked"),
               (CalmMoment, "sheet_calm"), (ClueFound, "sheet_clues"))
    for kind, key in counted:
        if n := sum(isinstance(e, kind) for e in events):
            s.append(t(key, n=n))
    if any(isinstance(e, Accused) and e.correct for e in events):
        s.append(t("sheet_solved"))
    ends = [item.payload for item in logged if isinstance(item.payload, DayEnded)]
    if ends and ends[-1].trusted_by:
        s.append(t("sheet_trust_now", names=", ".join(ends[-1].trusted_by)))
    for choice in sorted(talks, key=_sum, reverse=True)[:3]:
        if _sum(choice) > 0:
            s.append(t("sheet_kind_choice", chosen=pick(choice.chosen_text, names.language),
                       name=names.character(choice.character)))
    if not s:
        s.append(t("sheet_played"))


def _look_at(shown: Sequence[Logged], teller: MentorTeller) -> list[_Moment]:
    """Moments to look at, most to talk about first: a hurtful choice (the more it cost
    the group, the more), a missed lesson, late homework, a change the pupil missed;
    lateness is one line for the whole mission, not one per lesson."""
    language = teller.names.language
    found: list[_Moment] = []
    late: list[LessonLate] = []
    for order, item in enumerate(shown):
        event = item.payload
        match event:
            case ChoiceMade() if _said_to_someone(event) and _sum(event) < 0:
                prompt = pick(event.reflect, language)
                found.append(_Moment(4 - _sum(event) + bool(prompt), order,
                                     moment_line(event, teller), prompt))
            case LessonMissed():
                found.append(_Moment(4 + bool(event.changed), order, moment_line(event, teller),
                                     teller("sheet_q_on_time")))
            case HomeworkLate():
                found.append(_Moment(3, order, moment_line(event, teller)))
            case LessonLate():
                late.append(event)
    if late:
        subjects = ", ".join(dict.fromkeys(e.subject_name(teller) for e in late))
        changed = any(e.changed for e in late)
        found.append(_Moment(2 + min(len(late), 3) + changed, len(shown),
                             teller("sheet_late_all", n=len(late), subjects=subjects),
                             teller("sheet_q_on_time")))
    return sorted(found, key=lambda m: (-m.value, m.order))


def _real_missions(events: Sequence[Payload], teller: MentorTeller) -> list[str]:
    """Each mission for the real school once: what it was, the pupil's answer, and the
    next morning's look back (when there was one)."""
    language = teller.names.language
    checks = {e.mission: e for e in events if isinstance(e, MissionChecked)}
    lines: list[str] = []
    for offer in (e for e in events if isinstance(e, MissionOffered)):
        text = offer.en if language == "en" else offer.nl
        line = teller(f"sheet_mission_{offer.answer}", mission=text)
        check = checks.get(offer.mission)
        if check is not None:
            feeling = teller(f"ev_mission_feeling_{check.feeling}") if check.feeling else ""
            line += " " + teller(f"sheet_mission_check_{check.result}", feeling=feeling)
        lines.append(line.strip())
    return lines
