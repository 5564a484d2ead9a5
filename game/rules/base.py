"""What every rule shares: the YAML key it is written with, its references, its docs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Literal, NamedTuple

from game.content.schema import Strict

RefKind = Literal["character", "clue", "homework", "change", "node", "flag", "counter"]


class Ref(NamedTuple):
    """An id a rule refers to, for `validate`: what kind of thing, and which."""

    kind: RefKind
    id: str


class Rule(Strict):
    """A check or an effect, written in YAML as `key: value`.

    `scalar` names the field a bare value fills: `set_flag: met-noor` is
    `SetFlag(flag="met-noor")`. Rules with several fields take a mapping.
    """

    key: ClassVar[str]
    scalar: ClassVar[str | None] = None
    example: ClassVar[str]
    """A YAML example for the authors' reference."""

    def refs(self) -> Iterator[Ref]:
        return iter(())

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring: what the rule does, for the docs."""
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def from_value(cls) -> Callable[[Any], Any]:
        """A before-validator that turns a bare value into this rule's mapping."""
        field = cls.scalar

        def wrap(value: Any) -> Any:
            if field is not None and not isinstance(value, dict | cls):
                return {field: value}
            return value

        return wrap
