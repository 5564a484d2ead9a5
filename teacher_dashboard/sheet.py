"""The conversation sheet: strengths first, then a few moments to look at together.

Written to the pupil ("you"), because the mentor and the pupil read it side by
side. The questions come from the reflection prompts the writers put on the
choices the pupil made; general questions fill up to at least MIN_QUESTIONS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from teacher_dashboard.names import LevelNames, pick
from teacher_dashboard.timeline import Text

MIN_QUESTIONS = 3
MAX_QUESTIONS = 5
GENERAL_QUESTIONS = ("sheet_q_general_1", "sheet_q_general_2", "sheet_q_general_3")


@dataclass
class Sheet:
    strengths: list[str] = field(default_factory=list)
    to_look_at: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    feelings: list[str] = field(default_factory=list)


def _aspect_sum(data: dict[str, Any]) -> int:
    return sum(int(v) for v in (data.get("aspects") or {}).values())


def _said(data: dict[str, Any], language: str) -> str:
    said = data.get("said_before") or []
    return pick(said[-1], language) if said else ""


def build_sheet(events: list[dict[str, Any]], names: LevelNames, t: Text) -> Sheet:
    """The sheet for one session's story events (queries.story_events)."""
    language = names.language
    sheet = Sheet()
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_kind.setdefault(event["kind"], []).append(event["payload"])
    talks = [c for c in by_kind.get("choice", [])
             if not str(c.get("dialogue", "")).startswith(("huiswerk-", "reflectie"))]

    on_time = len(by_kind.get("lesson_on_time", []))
    late = by_kind.get("lesson_late", [])
    missed = by_kind.get("lesson_missed", [])
    lessons = on_time + len(late) + len(missed)
    if on_time:
        sheet.strengths.append(t("sheet_on_time", on_time=on_time, lessons=lessons))
    if by_kind.get("timetable_change_seen"):
        sheet.strengths.append(t("sheet_changes", n=len(by_kind["timetable_change_seen"])))
    if by_kind.get("homework_noted"):
        sheet.strengths.append(t("sheet_homework_noted", n=len(by_kind["homework_noted"])))
    if by_kind.get("homework_handed_in"):
        sheet.strengths.append(t("sheet_homework_in", n=len(by_kind["homework_handed_in"])))
    if by_kind.get("clue_found"):
        sheet.strengths.append(t("sheet_clues", n=len(by_kind["clue_found"])))
    if any(a.get("correct") for a in by_kind.get("accusation", [])):
        sheet.strengths.append(t("sheet_solved"))
    trusted = sorted({names.character(r.get("character"))
                      for r in by_kind.get("relation_change", [])
                      if (r.get("to") or 0) > (r.get("from") or 0)})
    if trusted:
        sheet.strengths.append(t("sheet_trust", names=", ".join(trusted)))
    for choice in sorted(talks, key=_aspect_sum, reverse=True)[:3]:
        if _aspect_sum(choice) > 0:
            sheet.strengths.append(t("sheet_kind_choice",
                                     chosen=pick(choice.get("chosen_text"), language),
                                     name=names.character(choice.get("character"))))
    if not sheet.strengths:
        sheet.strengths.append(t("sheet_played"))

    for lesson in late:
        sheet.to_look_at.append(t("sheet_late", subject=lesson.get("subject") or
                                  names.lesson(lesson.get("lesson")),
                                  minutes=lesson.get("minutes_late", 0)))
    for lesson in missed:
        sheet.to_look_at.append(t("sheet_missed", subject=lesson.get("subject") or
                                  names.lesson(lesson.get("lesson"))))
    for item in by_kind.get("homework_late", []):
        title = names.homework(item.get("homework"))
        sheet.to_look_at.append(t("sheet_homework_late", title=title))
    hard_choices = [c for c in talks if _aspect_sum(c) < 0]
    for choice in hard_choices:
        sheet.to_look_at.append(t("sheet_choice_moment",
                                  name=names.character(choice.get("character")),
                                  said=_said(choice, language),
                                  chosen=pick(choice.get("chosen_text"), language)))

    for choice in by_kind.get("choice", []):
        if choice.get("dialogue") == "reflectie":
            sheet.feelings.append(t("sheet_feeling", day=names.day(choice.get("node")),
                                    feeling=pick(choice.get("chosen_text"), language)))

    prompts: list[str] = []

    def add_prompts(choices: list[dict[str, Any]], limit: int) -> None:
        for choice in choices:
            prompt = pick(choice.get("reflect"), language)
            if prompt and prompt not in prompts and len(prompts) < limit:
                prompts.append(prompt)

    add_prompts(hard_choices, 2)  # the moments to look at come first
    if late or missed:
        prompts.append(t("sheet_q_on_time"))
    add_prompts([c for c in talks if _aspect_sum(c) >= 0], MAX_QUESTIONS)
    for key in GENERAL_QUESTIONS:
        if len(prompts) >= MIN_QUESTIONS:
            break
        prompts.append(t(key))
    sheet.questions = prompts[:MAX_QUESTIONS]
    return sheet
