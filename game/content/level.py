"""The level file format (levels/<id>.yaml): map, clock, characters, school days, clues.

See docs/levels.md for authors. Cross-references (rooms on the map, dialogue
files, sprites) are checked in game/content/checks.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.content.schema import ClockTime, Id, LocalText, Strict, parse_model
from game.content.yaml_source import load_yaml

Role = Literal["classmate", "teacher", "staff"]


class Clock(Strict):
    speed: Annotated[float, Field(gt=0, le=600)] = 10.0
    """Game seconds per real second: 10 means a 50-minute lesson lasts 5 real minutes."""


class Placement(Strict):
    from_: ClockTime = Field(alias="from")
    at: Id


class Character(Strict):
    id: Id
    name: str
    role: Role
    sprite: Id
    dialogue: Id | None = None
    about: LocalText
    greeting: LocalText | None = None
    relation: Annotated[int, Field(ge=-5, le=5)] = 0
    schedule: list[Placement] = Field(default_factory=list)


class Lesson(Strict):
    id: Id
    start: ClockTime
    end: ClockTime
    subject: LocalText
    room: Id
    teacher: Id

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


class Clue(Strict):
    id: Id
    text: LocalText


class Homework(Strict):
    id: Id
    title: LocalText


class Goal(Strict):
    id: Id
    text: LocalText


class Alien(Strict):
    candidates: list[Id]


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

    def character(self, character_id: str) -> Character:
        return next(c for c in self.characters if c.id == character_id)


def load_level(path: Path) -> tuple[Level, object]:
    """Load and schema-check one level file; returns the model and its located raw data."""
    raw = load_yaml(path)
    return parse_model(Level, raw, path), raw
