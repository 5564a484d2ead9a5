"""The story folded per school day, so a mentor reads a week in a minute: the moments
that matter stay open (tagged choices, lateness, a missed lesson or change, help asked,
calm moments, the pupil's marks, the day's end); homework answers, walking and looking
things up fold away under one line per day."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from game.events import Payload
from game.events.case import Accused
from game.events.coping import AskedForHelp, CalmMoment, SupportOffered
from game.events.homework import HomeworkLate
from game.events.lessons import LessonLate, LessonMissed
from game.events.sitting import DayEnded, LevelEnded, LogDamaged
from game.events.talking import ChoiceMade
from game.events.voice import ConsentGiven, MomentMarked


class Told(Protocol):
    """An entry of the story (timeline.Entry): its day and whether it matters."""

    @property
    def day(self) -> str: ...
    @property
    def matters(self) -> bool: ...


E = TypeVar("E", bound=Told)

MATTERS = (LessonLate, LessonMissed, HomeworkLate, AskedForHelp, CalmMoment, SupportOffered,
           MomentMarked, ConsentGiven, Accused, DayEnded, LevelEnded, LogDamaged)


def moment_matters(event: Payload) -> bool:
    """Is this a moment to talk about (kept open), or routine (folded away)?"""
    if isinstance(event, ChoiceMade):
        if event.context == "reflection":
            return True  # how the pupil said the day went
        return event.context in ("talk", "lesson") and bool(event.aspects or event.skills)
    return isinstance(event, MATTERS)


@dataclass
class StoryDay(Generic[E]):
    day: str
    open: list[E] = field(default_factory=list)
    folded: list[E] = field(default_factory=list)


def by_day(entries: Sequence[E]) -> list[StoryDay[E]]:
    """The entries per school day, in order; each day's moments that matter and the rest."""
    days: list[StoryDay[E]] = []
    for entry in entries:
        if not days or days[-1].day != entry.day:
            days.append(StoryDay[E](entry.day))
        (days[-1].open if entry.matters else days[-1].folded).append(entry)
    return days
