"""The dialogue file format (dialogues/<id>.yaml): nodes, lines, choices, conditions, effects.

See docs/dialogues.md for authors. Checks that need the whole level (does this
character, clue or room exist?) live in game/content/checks.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.content.schema import ClockTime, Id, LocalText, Strict, parse_model
from game.content.tags import ASPECTS, SKILLS
from game.content.yaml_source import load_yaml

Emotion = Literal["neutral", "happy", "sad", "angry", "nervous", "surprised"]
Aspect = Literal[tuple(ASPECTS)]  # type: ignore[valid-type]
Skill = Literal[tuple(SKILLS)]  # type: ignore[valid-type]


class RelationCheck(Strict):
    character: Id
    min: int | None = None
    max: int | None = None


class VisitCheck(Strict):
    node: Id
    min: int | None = None
    max: int | None = None


class MoodCheck(Strict):
    character: Id
    is_: Emotion = Field(alias="is")


class Condition(Strict):
    """All fields given must hold. `any` holds when one of its conditions holds."""

    flag: Id | None = None
    not_flag: Id | None = None
    relation: RelationCheck | None = None
    mood: MoodCheck | None = None
    visited: Id | None = None
    not_visited: Id | None = None
    visits: VisitCheck | None = None
    clue: Id | None = None
    no_clue: Id | None = None
    homework: Id | None = None
    time_after: ClockTime | None = None
    time_before: ClockTime | None = None
    any: list[Condition] | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Condition:
        if not self.model_fields_set:
            raise ValueError("an empty condition: name at least one check, like 'flag: ...'")
        return self


class RelationChange(Strict):
    character: Id
    change: Annotated[int, Field(ge=-3, le=3)]


class MoodChange(Strict):
    character: Id
    to: Emotion


class Effect(Strict):
    """Exactly one thing happens per effect entry."""

    relation: RelationChange | None = None
    mood: MoodChange | None = None
    set_flag: Id | None = None
    clear_flag: Id | None = None
    give_clue: Id | None = None
    give_homework: Id | None = None
    note_homework: Id | None = None
    timetable_change: Id | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Effect:
        if len(self.model_fields_set) != 1:
            raise ValueError("each effect does exactly one thing, like '- set_flag: met_noor'")
        return self


class Tags(Strict):
    aspects: dict[Aspect, Annotated[int, Field(ge=-2, le=2)]] = Field(default_factory=dict)
    skills: list[Skill] = Field(default_factory=list)


class Line(Strict):
    speaker: Id
    text: LocalText
    emotion: Emotion = "neutral"
    id: Id | None = None


class Choice(Strict):
    id: Id
    text: LocalText
    goto: Id | None = None
    end: bool = False
    if_: Condition | None = Field(default=None, alias="if")
    once: bool = False
    effects: list[Effect] = Field(default_factory=list)
    tags: Tags = Field(default_factory=Tags)
    reflect: LocalText | None = None

    @model_validator(mode="after")
    def _has_way_on(self) -> Choice:
        if self.goto is None and not self.end:
            raise ValueError(f"choice '{self.id}' needs 'goto: <node>' or 'end: true'")
        if self.goto is not None and self.end:
            raise ValueError(f"choice '{self.id}' has both 'goto' and 'end'; keep one")
        return self

    @property
    def conditional(self) -> bool:
        return self.if_ is not None or self.once


class Node(Strict):
    lines: list[Line] = Field(default_factory=list)
    effects: list[Effect] = Field(default_factory=list)
    choices: list[Choice] = Field(default_factory=list)
    goto: Id | None = None
    end: bool = False
    fallback: Id | None = None


class Entry(Strict):
    """Where a conversation starts: the first entry whose condition holds."""

    goto: Id
    if_: Condition | None = Field(default=None, alias="if")


class Dialogue(Strict):
    id: Id
    character: Id
    start: list[Entry]
    nodes: dict[Id, Node]

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]


def load_dialogue(path: Path) -> tuple[Dialogue, object]:
    """Load and schema-check one dialogue file; returns the model and its located raw data."""
    raw = load_yaml(path)
    return parse_model(Dialogue, raw, path), raw
