"""The dialogue file format (dialogues/<id>.yaml): nodes, lines, choices, conditions, effects.

See docs/dialogues.md for authors. Checks that need the whole level (does this
character, clue or room exist?) live in game/content/checks.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, model_validator

from game.content.schema import Id, LocalText, Strict, parse_model
from game.content.tags import Aspect, Emotion, Skill
from game.content.yaml_source import load_yaml
from game.rules.conditions import ConditionModel
from game.rules.effects import EffectField


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
    if_: ConditionModel | None = Field(default=None, alias="if")
    once: bool = False
    effects: list[EffectField] = Field(default_factory=list)
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


class Entry(Strict):
    """Where a conversation starts (or a node's `branch` goes): the first entry whose
    condition holds."""

    goto: Id
    if_: ConditionModel | None = Field(default=None, alias="if")


class Node(Strict):
    lines: list[Line] = Field(default_factory=list)
    effects: list[EffectField] = Field(default_factory=list)
    choices: list[Choice] = Field(default_factory=list)
    branch: list[Entry] = Field(default_factory=list)
    """After the lines, go on at the first entry whose `if` holds (else `goto` or the end):
    a conversation can turn on what happened earlier without asking the pupil."""
    goto: Id | None = None
    end: bool = False
    fallback: Id | None = None


class Dialogue(Strict):
    id: Id
    character: Id
    start: Annotated[list[Entry], Field(min_length=1)]
    nodes: Annotated[dict[Id, Node], Field(min_length=1)]

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]


def load_dialogue(path: Path) -> tuple[Dialogue, object]:
    """Load and schema-check one dialogue file; returns the model and its located raw data."""
    raw = load_yaml(path)
    return parse_model(Dialogue, raw, path), raw
