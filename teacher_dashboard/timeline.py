"""A session told as a story: the log's events turned into lines a mentor can read aloud.

Every event is read through the registry (reading.py) and shown by its kind's
`story` role: a "moment" tells itself (`tell()`), a "choice" becomes a card with
its whole context (what was said, the options the pupil saw, the one chosen, how
long it took, how the character reacted), and "afterwards" changes (moods, trust)
are attached to the card before them. Rows the registry cannot read are counted,
for one note on the page, and left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.content.tags import ASPECTS, SKILLS
from game.events import INFO, Names, Told
from game.events.talking import ChoiceMade, SaidLine
from game.events.voice import moment_key
from teacher_dashboard.names import pick
from teacher_dashboard.privacy import is_private, marks_of
from teacher_dashboard.reading import Logged, Reading
from teacher_dashboard.story_days import moment_matters

Text = Callable[..., str]
"""The dashboard's catalogue lookup: t(key, **values) -> text."""


@dataclass
class MentorTeller:
    """What an event kind needs to tell itself (game.events.Teller): the level's names
    and the dashboard's texts in the teacher's language."""

    names: Names
    text: Text

    def __call__(self, key: str, **values: Any) -> str:
        return self.text(key, **values)


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
    matters: bool = False
    """A moment a mentor talks about (story_days.py keeps it open); else folded away."""


@dataclass
class Story:
    entries: list[Entry]
    unreadable: int = 0
    """Events in the log that could not be read and are left out (said once on the page)."""


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


def unreadable_note(count: int, t: Text) -> str:
    """The one line that says how many events were skipped ("" when none were)."""
    if count <= 0:
        return ""
    return t("ev_unreadable", n=count)


def tell(reading: Reading, names: Names, t: Text, *, skill: str | None = None,
         aspect: str | None = None) -> Story:
    """The story of one session. With a skill or aspect filter, only the matching choices."""
    teller = MentorTeller(names, t)
    filtered = bool(skill or aspect)
    entries: list[Entry] = []
    last_card: ChoiceCard | None = None
    marks = marks_of(reading)
    hiding = False  # after a "rather not" moment: what it changed stays unsaid too
    for logged in reading.events:
        event = logged.payload
        if is_private(logged, marks):
            key = moment_key(event)
            last_card, hiding = None, True
            if key is not None and not filtered:
                entries.append(_entry(logged, names, Told(INFO, t(
                    "story_private", what=t(f"category_{key[1]}"))), matters=True))
            continue
        if event.story == "afterwards" and hiding:
            continue
        hiding = False
        if event.story == "afterwards":
            told = event.tell(teller)
            if told is None:
                continue
            if last_card is not None:
                last_card.afterwards.append(told.text)
            elif not filtered:
                entries.append(_entry(logged, names, told))
            continue
        last_card = None
        if event.story == "choice" and isinstance(event, ChoiceMade):
            if skill and skill not in event.skills:
                continue
            if aspect and aspect not in event.aspects:
                continue
            last_card = _card(event, teller)
            entries.append(_entry(logged, names, event.tell(teller), last_card))
            continue
        if filtered or event.story == "hidden":
            continue
        told = event.tell(teller)
        if told is not None:
            entries.append(_entry(logged, names, told))
    return Story(entries, reading.unreadable)


def _entry(logged: Logged, names: Names, told: Told, card: ChoiceCard | None = None,
           matters: bool | None = None) -> Entry:
    return Entry(names.day(logged.game_day), logged.game_time or "", logged.payload.kind,
                 told.tone, told.text, card,
                 matters if matters is not None else moment_matters(logged.payload))


def speaker_name(speaker: str, teller: MentorTeller) -> str:
    if speaker in ("player", "pupil"):
        return teller("speaker_pupil")
    if speaker in ("game", "task"):
        return teller("speaker_game")
    return teller.names.character(speaker)


def _lines(said: list[SaidLine], teller: MentorTeller) -> list[Line]:
    language = teller.names.language
    return [Line(speaker_name(line.speaker, teller), pick(line, language)) for line in said]


def _card(choice: ChoiceMade, teller: MentorTeller) -> ChoiceCard:
    language = teller.names.language
    return ChoiceCard(
        dialogue=choice.dialogue,
        character=speaker_name(choice.character, teller),
        said_before=_lines(choice.said_before, teller),
        options=[(pick(o, language), o.id == choice.chosen) for o in choice.options],
        chosen=pick(choice.chosen_text, language),
        seconds=round(choice.response_ms / 1000, 1),
        aspects=[Tag(a, aspect_label(a, language), v) for a, v in choice.aspects.items()],
        skills=[Tag(s, skill_label(s, language)) for s in choice.skills],
        reflect=pick(choice.reflect, language),
        reaction=_lines(choice.reaction, teller),
    )
