"""The level file format (levels/<id>.yaml): map, clock, characters, school days, clues.

See docs/levels.md for authors. Cross-references (rooms on the map, dialogue
files, sprites) are checked in game/content/checks.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.content.schema import ClockTime, Id, LocalText, Strict, parse_model
from game.content.tags import Role
from game.content.yaml_source import load_yaml
from game.rules.effects import EffectField


class Clock(Strict):
    speed: Annotated[float, Field(gt=0, le=600)] = 10.0
    """Game seconds per real second: 10 means a 50-minute lesson lasts 5 real minutes."""


class Placement(Strict):
    from_: ClockTime = Field(alias="from")
    at: Id
    offset: tuple[int, int] = (0, 0)
    """Tiles right and down from `at`: several people can sit in one classroom."""


class Character(Strict):
    id: Id
    name: str
    name_en: str | None = None
    """The name in English, where it differs ("Mr De Vries" for "Meneer De Vries")."""
    role: Role
    sprite: Id
    dialogue: Id | None = None
    about: LocalText
    greeting: LocalText | None = None
    relation: Annotated[int, Field(ge=-5, le=5)] = 0
    schedule: list[Placement] = Field(default_factory=list)

    def named(self, language: str) -> str:
        """The name as the pupil's language says it."""
        return self.name_en if language == "en" and self.name_en else self.name


SupportRule = Literal["late_twice", "lost", "silent_day", "homework_hint", "quick_answers"]
"""The moments the game offers help by itself (game/world/support.py)."""


class Lesson(Strict):
    id: Id
    start: ClockTime
    end: ClockTime
    subject: LocalText
    """As the timetable shows it: "Wiskunde", "Mentorles"."""
    subject_in_text: LocalText | None = None
    """As a sentence says it, when that differs: "de mentorles" ("the mentor lesson")."""
    room: Id
    teacher: Id
    on_time: list[EffectField] = Field(default_factory=list)
    """What happens when the pupil is in the room when the bell goes (e.g. a clue)."""
    moment: Id | None = None
    """A dialogue (dialogues/<id>.yaml) played in the lesson after the teacher's opening
    words: group work, a question to the class, asking for help. Its `character` leads it;
    classmates may speak in it. Homework and the goodbye come after it."""

    def subject_named(self, language: str) -> str:
        """The subject in a sentence: "Je volgende les is de mentorles"."""
        return (self.subject_in_text or self.subject).get(language)

    @model_validator(mode="after")
    def _ordered(self) -> Lesson:
        if self.end <= self.start:
            raise ValueError(f"lesson '{self.id}' ends before it starts")
        return self


class Change(Strict):
    """A timetable change: a new room, a cancelled lesson, or a substitute teacher."""

    id: Id
    lesson: Id
    kind: Literal["room", "cancelled", "substitute"]
    announce_at: ClockTime
    new_room: Id | None = None
    substitute: Id | None = None
    told_by: Id | None = None
    message: LocalText

    @model_validator(mode="after")
    def _complete(self) -> Change:
        if self.kind == "room" and not self.new_room:
            raise ValueError(f"change '{self.id}' is a room change: add 'new_room'")
        if self.kind == "substitute" and not self.substitute:
            raise ValueError(f"change '{self.id}' is a substitute: add 'substitute'")
        return self


class Day(Strict):
    id: Id
    title: LocalText
    start: ClockTime
    end: ClockTime
    lessons: list[Lesson]
    changes: list[Change] = Field(default_factory=list)
    absent: list[Id] = Field(default_factory=list)
    """Characters not at school that day (ill, on a trip): they are not in the building."""


class Clue(Strict):
    """A clue source: who tells it. What it says about the alien is drawn per game."""

    id: Id
    text: LocalText


class Question(Strict):
    text: LocalText
    options: Annotated[list[LocalText], Field(min_length=2, max_length=4)]
    answer: Annotated[int, Field(ge=0, le=3)]
    hint: LocalText | None = None
    """Shown after two wrong answers, when one wrong option is also taken away: a step
    towards the answer ("Tel vanaf 09:25 vijftig minuten verder"), never the answer."""

    @model_validator(mode="after")
    def _answer_exists(self) -> Question:
        if self.answer >= len(self.options):
            raise ValueError(f"answer {self.answer} does not exist: the options are numbered "
                             f"0 to {len(self.options) - 1}")
        return self


class Homework(Strict):
    id: Id
    title: LocalText
    given_in: Id
    """The lesson whose teacher gives it."""
    due: Id
    """The lesson where it is handed in."""
    task: Annotated[list[Question], Field(min_length=1)]
    clue: Id | None = None
    """Handed in on time: the teacher tells this clue."""


class Goal(Strict):
    id: Id
    text: LocalText


class Trait(Strict):
    """Something you can see: the candidates in `has` have it, the others do not."""

    id: Id
    has: list[Id]
    yes: LocalText
    no: LocalText


class Alien(Strict):
    candidates: Annotated[list[Id], Field(min_length=2)]
    traits: Annotated[list[Trait], Field(min_length=1)]


class ClassScene(Strict):
    """One short scene of class mode: who carries it, and the question it ends with.

    The scene runs while the flag `scene-<id>` is set (dialogues start on it) and
    is done when its dialogue sets `done_flag`. Nothing is scored on screen.
    """

    id: Id
    title: LocalText
    intro: LocalText
    talk_to: Id
    done_flag: Id
    think_about: LocalText

    @property
    def start_flag(self) -> str:
        """Set while the scene runs: its dialogue starts on it."""
        return f"scene-{self.id}"


class Level(Strict):
    id: Id
    title: LocalText
    intro: LocalText
    map: str
    start: Id
    clock: Clock = Field(default_factory=Clock)
    characters: list[Character]
    days: list[Day]
    goals: list[Goal] = Field(default_factory=list)
    clues: list[Clue] = Field(default_factory=list)
    homework: list[Homework] = Field(default_factory=list)
    alien: Alien | None = None
    notice_board: Id | None = None
    """The room with the notice board: walking in shows the timetable changes announced."""
    scenes: list[ClassScene] = Field(default_factory=list)
    """Class mode: short scenes played in order (see docs/levels.md)."""
    missions: str = "missions.yaml"
    """Missions for the real school, offered in the evening (beside the level; see
    game/content/missions.py). A missing file means no missions."""
    helpers: dict[SupportRule, Id] = Field(default_factory=dict)
    """Who offers the game's help when a pupil is stuck (see game/world/support.py):
    e.g. `{late_twice: noor, lost: henk, silent_day: yara}`; else the first present."""

    def character(self, character_id: str) -> Character:
        return next(c for c in self.characters if c.id == character_id)

    def dialogues_used(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Every dialogue the level plays, with where it names it: characters' own
        conversations and lessons' moments (each file is loaded and checked once)."""
        for i, c in enumerate(self.characters):
            if c.dialogue:
                yield ("characters", i, "dialogue"), c.dialogue
        for d, day in enumerate(self.days):
            for n, lesson in enumerate(day.lessons):
                if lesson.moment:
                    yield ("days", d, "lessons", n, "moment"), lesson.moment

    def lesson(self, lesson_id: str) -> tuple[int, Lesson]:
        """The day index and the lesson with this id."""
        for index, day in enumerate(self.days):
            for lesson in day.lessons:
                if lesson.id == lesson_id:
                    return index, lesson
        raise KeyError(lesson_id)

    def clue(self, clue_id: str) -> Clue:
        return next(c for c in self.clues if c.id == clue_id)

    def homework_item(self, homework_id: str) -> Homework:
        return next(h for h in self.homework if h.id == homework_id)

    def change(self, change_id: str) -> Change:
        return next(c for d in self.days for c in d.changes if c.id == change_id)

    def scene(self, scene_id: str) -> ClassScene:
        return next(s for s in self.scenes if s.id == scene_id)


def load_level(path: Path) -> tuple[Level, object]:
    """Load and schema-check one level file; returns the model and its located raw data."""
    raw = load_yaml(path)
    return parse_model(Level, raw, path), raw
