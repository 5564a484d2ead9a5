"""A session told as a story: the log's events turned into lines a mentor can read aloud.

Choices become cards with their whole context (what was said, the options the
pupil saw, the one chosen, how long it took, how the character reacted), so
the mentor can replay the moment with the pupil.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.content.tags import ASPECTS, SKILLS
from teacher_dashboard.names import LevelNames, pick

Text = Callable[..., str]

# How a moment is shown: "good" (went well), "note" (worth talking about), "info".
GOOD = "good"
NOTE = "note"
INFO = "info"


@dataclass
class Line:
    speaker: str
    text: str


@dataclass
class Tag:
    id: str
    label: str
    value: int = 0


@dataclass
class ChoiceCard:
    dialogue: str
    character: str
    said_before: list[Line]
    options: list[tuple[str, bool]]       # (text, chosen)
    chosen: str
    seconds: float
    aspects: list[Tag]
    skills: list[Tag]
    reflect: str
    reaction: list[Line]
    afterwards: list[str] = field(default_factory=list)  # mood and trust changes it caused


@dataclass
class Entry:
    day: str
    time: str
    kind: str
    tone: str
    text: str
    card: ChoiceCard | None = None


def aspect_label(aspect: str, language: str) -> str:
    if aspect not in ASPECTS:
        return aspect
    _, nl, en = ASPECTS[aspect]
    return en if language == "en" else nl


def skill_label(skill: str, language: str) -> str:
    if skill not in SKILLS:
        return skill
    nl, en = SKILLS[skill]
    return en if language == "en" else nl


def tell(events: list[dict[str, Any]], names: LevelNames, t: Text, *,
         skill: str | None = None, aspect: str | None = None) -> list[Entry]:
    """The story of one session. With a skill or aspect filter, only the matching choices."""
    language = names.language
    entries: list[Entry] = []
    last_card: ChoiceCard | None = None
    for event in events:
        kind, data = event["kind"], event["payload"]
        if kind in ("mood_change", "relation_change"):
            change = _change_text(kind, data, names, t)
            if last_card is not None:
                last_card.afterwards.append(change)
            elif not (skill or aspect):
                entries.append(_entry(event, names, kind, INFO, change))
            continue
        last_card = None
        if kind == "choice":
            if skill and skill not in (data.get("skills") or []):
                continue
            if aspect and aspect not in (data.get("aspects") or {}):
                continue
            card = _card(data, names, t, language)
            last_card = card
            entries.append(_entry(event, names, kind, INFO, _choice_title(data, names, t),
                                  card))
            continue
        if skill or aspect:
            continue
        told = _moment(kind, data, names, t)
        if told is not None:
            entries.append(_entry(event, names, kind, *told))
    return entries


def _entry(event: dict[str, Any], names: LevelNames, kind: str, tone: str, text: str,
           card: ChoiceCard | None = None) -> Entry:
    return Entry(names.day(event.get("game_day")), event.get("game_time") or "", kind, tone,
                 text, card)


def _speaker(speaker: str, names: LevelNames, t: Text) -> str:
    if speaker in ("player", "pupil"):
        return t("speaker_pupil")
    if speaker in ("game", "task"):
        return t("speaker_game")
    return names.character(speaker)


def _lines(raw: list[dict[str, Any]] | None, names: LevelNames, t: Text) -> list[Line]:
    return [Line(_speaker(line.get("speaker", ""), names, t), pick(line, names.language))
            for line in raw or []]


def _card(data: dict[str, Any], names: LevelNames, t: Text, language: str) -> ChoiceCard:
    chosen_id = data.get("chosen")
    options = [(pick(o, language), o.get("id") == chosen_id) for o in data.get("options") or []]
    return ChoiceCard(
        dialogue=str(data.get("dialogue") or ""),
        character=_speaker(data.get("character") or "", names, t),
        said_before=_lines(data.get("said_before"), names, t),
        options=options,
        chosen=pick(data.get("chosen_text"), language),
        seconds=round((data.get("response_ms") or 0) / 1000, 1),
        aspects=[Tag(a, aspect_label(a, language), int(v))
                 for a, v in (data.get("aspects") or {}).items()],
        skills=[Tag(s, skill_label(s, language)) for s in data.get("skills") or []],
        reflect=pick(data.get("reflect"), language),
        reaction=_lines(data.get("reaction"), names, t),
    )


def _choice_title(data: dict[str, Any], names: LevelNames, t: Text) -> str:
    dialogue = str(data.get("dialogue") or "")
    if dialogue == "reflectie":
        return t("ev_choice_reflection")
    if dialogue.startswith("huiswerk-"):
        return t("ev_choice_homework", title=names.homework(dialogue.removeprefix("huiswerk-")))
    if dialogue.startswith("les-"):
        return t("ev_choice_lesson", subject=names.lesson(dialogue.removeprefix("les-")))
    return t("ev_choice_talk", name=names.character(data.get("character")))


def _change_text(kind: str, data: dict[str, Any], names: LevelNames, t: Text) -> str:
    name = names.character(data.get("character"))
    if kind == "mood_change":
        return t("ev_mood", name=name, mood=t(f"mood_{data.get('to', 'neutral')}"))
    up = (data.get("to") or 0) > (data.get("from") or 0)
    return t("ev_trust_up" if up else "ev_trust_down", name=name)


def _moment(kind: str, data: dict[str, Any], names: LevelNames,
            t: Text) -> tuple[str, str] | None:
    """(tone, text) for every moment worth telling, or None to leave it out."""
    subject = data.get("subject") or names.lesson(data.get("lesson"))
    room = data.get("room") or ""
    homework = names.homework(data.get("homework"))
    match kind:
        case "level_start":
            return INFO, t("ev_level_start", level=names.title(data.get("level", "")))
        case "resume":
            return INFO, t("ev_resume", day=names.day(data.get("day")))
        case "day_start":
            return INFO, t("ev_day_start", day=names.day(data.get("day")))
        case "day_end":
            return INFO, t("ev_day_end", on_time=data.get("on_time", 0),
                           lessons=data.get("lessons", 0), clues=data.get("clues", 0))
        case "level_end":
            return (GOOD, t("ev_level_solved")) if data.get("solved") else \
                (INFO, t("ev_level_unsolved"))
        case "quit":
            return INFO, t("ev_quit")
        case "lesson_on_time":
            return GOOD, t("ev_on_time", subject=subject, room=room)
        case "lesson_late":
            return NOTE, t("ev_late", subject=subject, room=room,
                           minutes=data.get("minutes_late", 0))
        case "lesson_missed":
            return NOTE, t("ev_missed", subject=subject, room=room)
        case "lesson_cancelled":
            return INFO, t("ev_cancelled", subject=subject)
        case "timetable_change_seen":
            via = data.get("via") or "talk"
            return GOOD, t("ev_change_seen", change=names.change(data.get("change")),
                           via=t(f"via_{via}"))
        case "floor_plan_opened":
            return INFO, t("ev_floor_plan")
        case "agenda_opened":
            return INFO, t("ev_agenda")
        case "notebook_opened":
            return INFO, t("ev_notebook")
        case "homework_given":
            return INFO, t("ev_homework_given", title=homework)
        case "homework_noted":
            return GOOD, t("ev_homework_noted", title=homework)
        case "homework_planned":
            return GOOD, t("ev_homework_planned", title=homework,
                           slot=t(f"slot_{data.get('slot', 'vanavond')}"))
        case "homework_done":
            return GOOD, t("ev_homework_done", title=homework)
        case "homework_handed_in":
            return GOOD, t("ev_homework_handed_in", title=homework)
        case "homework_late":
            return NOTE, t("ev_homework_late", title=homework)
        case "clue_found":
            return GOOD, t("ev_clue", clue=names.clue(data.get("clue")))
        case "scene_start":
            return INFO, t("ev_scene_start", number=data.get("number", ""),
                           title=names.scene_title(data.get("scene")))
        case "scene_end":
            return GOOD, t("ev_scene_end", number=data.get("number", ""),
                           question=pick(data.get("think_about"), names.language))
        case "accusation":
            name = names.character(data.get("suspect"))
            return (GOOD, t("ev_accused_right", name=name)) if data.get("correct") else \
                (NOTE, t("ev_accused_wrong", name=name))
    return None
