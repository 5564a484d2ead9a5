""""Mijn logboek": the day's moments as the mentor will see them, in the pupil's words.

The world notes every event here; at the day's end the logbook screen shows the moments
a mentor talks about (the same ones the mission sheet reads, named by
`game.events.voice.moment_key`) in plain child language, and the pupil marks them. It is
plain data, saved with the game, so a day continued after a break still shows all of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.content.level import Level
from game.content.schema import LocalText
from game.events import Event, Payload
from game.events.coping import AskedForHelp, CalmMoment
from game.events.homework import HomeworkLate
from game.events.lessons import LessonLate, LessonMissed
from game.events.sitting import DayStarted, LevelStarted
from game.events.talking import ChoiceMade
from game.events.voice import Category, Mark, moment_key
from game.world.speech import both

MAX_MOMENTS = 40


@dataclass
class Moment:
    key: str
    category: Category
    text: LocalText
    aspects: list[str] = field(default_factory=list)
    mark: Mark | None = None
    note: str = ""


def words(payload: Payload, level: Level) -> LocalText | None:
    """The moment in the pupil's own terms ("Je zei tegen Noor: ..."), or None."""
    def name(character: str | None) -> str:
        try:
            return level.character(character or "").name
        except KeyError:
            return character or ""

    def subject(lesson: str) -> LocalText:
        try:
            return level.lesson(lesson)[1].subject
        except KeyError:
            return LocalText(nl=lesson, en=lesson)

    match payload:
        case ChoiceMade():
            chosen = LocalText(nl=payload.chosen_text.nl, en=payload.chosen_text.en)
            return both("logbook_choice", name=name(payload.character), chosen=chosen)
        case LessonLate():
            return both("logbook_late", subject=subject(payload.lesson),
                        n=max(1, payload.minutes_late))
        case LessonMissed():
            return both("logbook_missed", subject=subject(payload.lesson))
        case HomeworkLate():
            try:
                title = level.homework_item(payload.homework).title
            except KeyError:
                title = LocalText(nl=payload.homework, en=payload.homework)
            return both("logbook_homework_late", title=title)
        case AskedForHelp():
            return both("logbook_help", name=name(payload.character))
        case CalmMoment():
            return both("logbook_calm")
    return None


@dataclass
class Logbook:
    """The moments of the school day so far (reset each morning)."""

    day: str | None = None
    moments: list[Moment] = field(default_factory=list)

    def note(self, event: Event, level: Level) -> None:
        payload = event.payload
        if isinstance(payload, DayStarted | LevelStarted):
            self.day, self.moments = payload.day, []
            return
        found = moment_key(payload)
        if found is None or len(self.moments) >= MAX_MOMENTS:
            return
        if any(m.key == found[0] for m in self.moments):
            return  # the same moment twice (one lesson, one answer) is one line
        text = words(payload, level)
        if text is not None:
            aspects: list[str] = list(payload.aspects) if isinstance(payload, ChoiceMade) else []
            self.day = self.day or event.day
            self.moments.append(Moment(found[0], found[1], text, aspects))

    def to_data(self) -> dict[str, Any]:
        return {"day": self.day, "moments": [
            {"key": m.key, "category": m.category, "nl": m.text.nl, "en": m.text.en,
             "aspects": m.aspects} for m in self.moments]}

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> Logbook:
        """The saved logbook; a damaged entry is left out rather than stopping the game."""
        book = cls()
        if not isinstance(data, dict):
            return book
        book.day = data.get("day") if isinstance(data.get("day"), str) else None
        for item in data.get("moments") or []:
            try:
                book.moments.append(Moment(str(item["key"]), item["category"],
                                           LocalText(nl=item["nl"], en=item["en"]),
                                           [str(a) for a in item.get("aspects", [])]))
            except (KeyError, TypeError, ValueError):
                continue
        return book
