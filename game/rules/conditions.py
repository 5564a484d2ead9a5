"""Conditions (`if:` in dialogues): one class per check; a condition holds when all hold.

To add a check: write one class here with its `key`, its fields, `holds()`,
`refs()` for what it names, an `example` and a docstring. The `Condition` model
that reads `if:` mappings, `validate` and docs/dialogues.md pick it up from the
registry.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import BeforeValidator, Field, create_model, model_validator

from game.content.schema import ClockTime, Id, Strict, format_time
from game.content.tags import Emotion
from game.rules.base import Ref, Rule
from game.rules.state import PupilState


@dataclass(frozen=True)
class Facts:
    """What a check may look at: the pupil's state, where and when."""

    state: PupilState
    dialogue: str
    """The dialogue being played: `visited` counts nodes in it."""
    now: float
    """Minutes since midnight on the school clock."""
    day: int
    """The school day, counted from 1."""


CHECKS: dict[str, type[Check]] = {}


class Check(Rule):
    """One test in a condition. Subclasses with a `key` register themselves."""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if "key" in cls.__dict__:
            if cls.key in CHECKS:
                raise TypeError(f"check '{cls.key}' is defined twice")
            CHECKS[cls.key] = cls

    def holds(self, facts: Facts) -> bool:
        raise NotImplementedError


def _within(value: float, low: float | None, high: float | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


class _Range(Check):
    min: int | None = None
    max: int | None = None

    @model_validator(mode="after")
    def _ordered(self) -> _Range:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is more than max {self.max}")
        return self


class FlagIsSet(Check):
    """The flag is set (by an effect `set_flag`, or a class scene's `scene-<id>`)."""

    key: ClassVar[str] = "flag"
    scalar = "flag"
    example = "flag: met-noor"
    flag: Id

    def holds(self, facts: Facts) -> bool:
        return self.flag in facts.state.flags

    def refs(self) -> Iterator[Ref]:
        yield Ref("flag", self.flag)


class FlagNotSet(Check):
    """The flag is not set."""

    key: ClassVar[str] = "not_flag"
    scalar = "flag"
    example = "not_flag: met-noor"
    flag: Id

    def holds(self, facts: Facts) -> bool:
        return self.flag not in facts.state.flags

    def refs(self) -> Iterator[Ref]:
        yield Ref("flag", self.flag)


class RelationIs(_Range):
    """The relation with a character (-5..5, starts at 0) is within min..max."""

    key: ClassVar[str] = "relation"
    example = "relation: {character: noor, min: 1, max: 3}"
    character: Id

    def holds(self, facts: Facts) -> bool:
        return _within(facts.state.relation(self.character), self.min, self.max)

    def refs(self) -> Iterator[Ref]:
        yield Ref("character", self.character)


class MoodIs(Check):
    """The character's mood is this emotion (moods last until an effect changes them)."""

    key: ClassVar[str] = "mood"
    example = "mood: {character: daan, is: angry}"
    character: Id
    is_: Emotion = Field(alias="is")

    def holds(self, facts: Facts) -> bool:
        return facts.state.mood(self.character) == self.is_

    def refs(self) -> Iterator[Ref]:
        yield Ref("character", self.character)


class Visited(Check):
    """The node in this dialogue was reached before (in any conversation, any day)."""

    key: ClassVar[str] = "visited"
    scalar = "node"
    example = "visited: kennismaken"
    node: Id

    def holds(self, facts: Facts) -> bool:
        return facts.state.visit_count(facts.dialogue, self.node) > 0

    def refs(self) -> Iterator[Ref]:
        yield Ref("node", self.node)


class NotVisited(Check):
    """The node in this dialogue was never reached yet."""

    key: ClassVar[str] = "not_visited"
    scalar = "node"
    example = "not_visited: kennismaken"
    node: Id

    def holds(self, facts: Facts) -> bool:
        return facts.state.visit_count(facts.dialogue, self.node) == 0

    def refs(self) -> Iterator[Ref]:
        yield Ref("node", self.node)


class VisitCount(_Range):
    """How often the node in this dialogue was reached is within min..max."""

    key: ClassVar[str] = "visits"
    example = "visits: {node: hallo, min: 1, max: 2}"
    node: Id

    def holds(self, facts: Facts) -> bool:
        return _within(facts.state.visit_count(facts.dialogue, self.node), self.min, self.max)

    def refs(self) -> Iterator[Ref]:
        yield Ref("node", self.node)


class HasClue(Check):
    """The pupil has found the clue."""

    key: ClassVar[str] = "clue"
    scalar = "clue"
    example = "clue: noor-ziet-iets"
    clue: Id

    def holds(self, facts: Facts) -> bool:
        return self.clue in facts.state.clues

    def refs(self) -> Iterator[Ref]:
        yield Ref("clue", self.clue)


class LacksClue(Check):
    """The pupil has not found the clue yet."""

    key: ClassVar[str] = "no_clue"
    scalar = "clue"
    example = "no_clue: noor-ziet-iets"
    clue: Id

    def holds(self, facts: Facts) -> bool:
        return self.clue not in facts.state.clues

    def refs(self) -> Iterator[Ref]:
        yield Ref("clue", self.clue)


class HasHomework(Check):
    """A teacher gave the pupil this homework."""

    key: ClassVar[str] = "homework"
    scalar = "homework"
    example = "homework: wiskunde-sommen"
    homework: Id

    def holds(self, facts: Facts) -> bool:
        return self.homework in facts.state.homework

    def refs(self) -> Iterator[Ref]:
        yield Ref("homework", self.homework)


class TimeIs(Check):
    """The school clock is at or after `after` and before `before` (either may be left out)."""

    key: ClassVar[str] = "time"
    example = 'time: {after: "10:15", before: "10:35"}'
    after: ClockTime | None = None
    before: ClockTime | None = None

    @model_validator(mode="after")
    def _some_time(self) -> TimeIs:
        if self.after is None and self.before is None:
            raise ValueError("give 'after', 'before' or both, like after: \"10:15\"")
        if self.after is not None and self.before is not None and self.after >= self.before:
            raise ValueError(f"'after' ({format_time(self.after)}) must be earlier than "
                             f"'before' ({format_time(self.before)})")
        return self

    def holds(self, facts: Facts) -> bool:
        return (self.after is None or facts.now >= self.after) and \
            (self.before is None or facts.now < self.before)


class DayIs(_Range):
    """The school day (1 is the first day of the level) is within min..max."""

    key: ClassVar[str] = "day"
    example = "day: {min: 2}"

    @model_validator(mode="after")
    def _some_day(self) -> DayIs:
        if self.min is None and self.max is None:
            raise ValueError("give 'min', 'max' or both, like day: {min: 2}")
        return self

    def holds(self, facts: Facts) -> bool:
        return _within(facts.day, self.min, self.max)


class CounterIs(_Range):
    """A counter (raised by the effect `add_counter`, starts at 0) is within min..max."""

    key: ClassVar[str] = "counter"
    example = "counter: {name: geholpen, min: 2}"
    name: Id

    def holds(self, facts: Facts) -> bool:
        return _within(facts.state.counter(self.name), self.min, self.max)

    def refs(self) -> Iterator[Ref]:
        yield Ref("counter", self.name)


class AnyOf(Check):
    """At least one of these conditions holds."""

    key: ClassVar[str] = "any"
    scalar = "conditions"
    example = "any: [{flag: a}, {clue: b}]"
    conditions: Annotated[list[ConditionModel], Field(min_length=1)]

    def holds(self, facts: Facts) -> bool:
        return any(c.holds(facts) for c in self.conditions)

    def refs(self) -> Iterator[Ref]:
        for condition in self.conditions:
            yield from condition.refs()


class Condition(Strict):
    """Every check written in one `if:` mapping; it holds when all of them hold."""

    def checks(self) -> list[Check]:
        found = (getattr(self, name) for name in type(self).model_fields)
        return [check for check in found if check is not None]

    def holds(self, facts: Facts) -> bool:
        return all(check.holds(facts) for check in self.checks())

    def refs(self) -> Iterator[Ref]:
        for check in self.checks():
            yield from check.refs()

    def flatten(self) -> Iterator[Check]:
        """Every check, also those inside `any`."""
        for check in self.checks():
            yield check
            if isinstance(check, AnyOf):
                for inner in check.conditions:
                    yield from inner.flatten()

    @model_validator(mode="after")
    def _not_empty(self) -> Condition:
        if not self.model_fields_set:
            raise ValueError("an empty condition: name at least one check, like 'flag: ...'")
        for key in sorted(self.model_fields_set):
            if getattr(self, key) is None:
                raise ValueError(f"'{key}' needs a value, like '{CHECKS[key].example}'")
        return self


def _condition_model() -> type[Condition]:
    fields: dict[str, Any] = {
        key: (Annotated[cls, BeforeValidator(cls.from_value())] | None, None)
        for key, cls in CHECKS.items()}
    return create_model("Condition", __base__=Condition, __doc__=Condition.__doc__,
                        **fields)


if TYPE_CHECKING:
    ConditionModel = Condition
else:
    ConditionModel = _condition_model()
    AnyOf.model_rebuild(_types_namespace={"ConditionModel": ConditionModel})
    ConditionModel.model_rebuild()


def holds(condition: Condition | None, facts: Facts) -> bool:
    """True when every check in the condition holds (an absent condition always holds)."""
    return condition is None or condition.holds(facts)
