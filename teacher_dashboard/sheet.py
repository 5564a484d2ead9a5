"""The conversation sheet: strengths first, then a few moments to look at together
(never more of them than strengths), and questions that start with what went well.

Written to the pupil ("you"), because the mentor and the pupil read it side by
side. The questions come from the reflection prompts the writers put on the
choices the pupil made; general questions fill up to at least MIN_QUESTIONS.
It reads the session's events as typed payloads (reading.py); rows the registry
cannot read are left out and counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from game.events import Names, Payload
from game.events.case import Accused, ClueFound
from game.events.homework import HomeworkHandedIn, HomeworkLate, HomeworkNoted
from game.events.lessons import LessonLate, LessonMissed, LessonOnTime, TimetableChangeSeen
from game.events.talking import ChoiceMade, RelationChanged
from teacher_dashboard.names import pick
from teacher_dashboard.privacy import without_private
from teacher_dashboard.reading import Reading
from teacher_dashboard.timeline import MentorTeller, Text

MIN_QUESTIONS = 3
MAX_QUESTIONS = 5
GENERAL_QUESTIONS = ("sheet_q_general_1", "sheet_q_general_2", "sheet_q_general_3")
P = TypeVar("P", bound=Payload)
SAID_TO_SOMEONE = frozenset({"talk", "lesson"})
"""Choices said to a character (in a conversation or a lesson): the ones a strength, a
moment to look at or a question comes from. Homework answers and the day's reflection
are not."""


@dataclass
class Sheet:
    strengths: list[str] = field(default_factory=list)
    to_look_at: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    feelings: list[str] = field(default_factory=list)
    unreadable: int = 0


def _aspect_sum(choice: ChoiceMade) -> int:
    return sum(choice.aspects.values())


def _said(choice: ChoiceMade, language: str) -> str:
    return pick(choice.said_before[-1], language) if choice.said_before else ""


def _of(events: Sequence[Payload], kind: type[P]) -> list[P]:
    return [e for e in events if isinstance(e, kind)]


def build_sheet(reading: Reading, names: Names, t: Text) -> Sheet:
    """The sheet for one session's story events (queries.story_events, read)."""
    teller = MentorTeller(names, t)
    language = names.language
    sheet = Sheet(unreadable=reading.unreadable)
    events = without_private(reading).payloads()  # the pupil's "rather not" stays unsaid
    choices = _of(events, ChoiceMade)
    talks = [c for c in choices if c.context in SAID_TO_SOMEONE]

    on_time = len(_of(events, LessonOnTime))
    late = _of(events, LessonLate)
    missed = _of(events, LessonMissed)
    lessons = on_time + len(late) + len(missed)
    if on_time:
        sheet.strengths.append(t("sheet_on_time", on_time=on_time, lessons=lessons))
    counted = ((TimetableChangeSeen, "sheet_changes"), (HomeworkNoted, "sheet_homework_noted"),
               (HomeworkHandedIn, "sheet_homework_in"), (ClueFound, "sheet_clues"))
    for kind, key in counted:
        if n := len(_of(events, kind)):
            sheet.strengths.append(t(key, n=n))
    if any(a.correct for a in _of(events, Accused)):
        sheet.strengths.append(t("sheet_solved"))
    trusted = sorted({names.character(r.character) for r in _of(events, RelationChanged)
                      if r.to > r.from_})
    if trusted:
        sheet.strengths.append(t("sheet_trust", names=", ".join(trusted)))
    for choice in sorted(talks, key=_aspect_sum, reverse=True)[:3]:
        if _aspect_sum(choice) > 0:
            sheet.strengths.append(t("sheet_kind_choice",
                                     chosen=pick(choice.chosen_text, language),
                                     name=names.character(choice.character)))
    if not sheet.strengths:
        sheet.strengths.append(t("sheet_played"))

    hard_choices = [c for c in talks if _aspect_sum(c) < 0]
    # the most to talk about first: a hurtful choice, a missed lesson, late homework, lateness
    for choice in sorted(hard_choices, key=_aspect_sum):
        sheet.to_look_at.append(t("sheet_choice_moment",
                                  name=names.character(choice.character),
                                  said=_said(choice, language),
                                  chosen=pick(choice.chosen_text, language)))
    for gone in missed:
        sheet.to_look_at.append(t("sheet_missed", subject=gone.subject_name(teller)))
    for item in _of(events, HomeworkLate):
        sheet.to_look_at.append(t("sheet_homework_late", title=names.homework(item.homework)))
    for lesson in late:
        sheet.to_look_at.append(t("sheet_late", subject=lesson.subject_name(teller),
                                  n=max(1, lesson.minutes_late)))

    # never more to look at than went well: a hard day is not a list of faults
    sheet.to_look_at = sheet.to_look_at[:len(sheet.strengths)]

    for choice in choices:
        if choice.context == "reflection":
            sheet.feelings.append(t("sheet_feeling", day=names.day(choice.about),
                                    feeling=pick(choice.chosen_text, language)))

    prompts: list[str] = []

    def add_prompts(candidates: list[ChoiceMade], limit: int) -> None:
        for choice in candidates:
            prompt = pick(choice.reflect, language)
            if prompt and prompt not in prompts and len(prompts) < limit:
                prompts.append(prompt)

    kind_first = sorted((c for c in talks if _aspect_sum(c) > 0), key=_aspect_sum, reverse=True)
    add_prompts(kind_first, 2)  # what went well comes first
    add_prompts(hard_choices, 4)  # then the moments to look at
    if late or missed:
        prompts.append(t("sheet_q_on_time"))
    add_prompts([c for c in talks if _aspect_sum(c) >= 0], MAX_QUESTIONS)
    for key in GENERAL_QUESTIONS:
        if len(prompts) >= MIN_QUESTIONS:
            break
        prompts.append(t(key))
    sheet.questions = prompts[:MAX_QUESTIONS]
    return sheet
