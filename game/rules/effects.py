"""Effects (`effects:` in dialogues and `on_time:` in lessons): one class per effect.

To add an effect: write one class here with its `key`, its fields, `apply()`,
`refs()` for what it names, an `example` and a docstring. The `Effect` entry
model that reads `- key: value` items, `validate` and docs/dialogues.md pick it
up from the registry. Effects change the world only through `EffectTarget`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Protocol

from pydantic import AfterValidator, BeforeValidator, Field, create_model, model_validator

from game.content.schema import Id, Strict
from game.content.tags import Emotion
from game.events import Payload
from game.events.case import ClueFound
from game.events.coping import HelpAbout
from game.events.homework import HomeworkGiven, HomeworkNoted
from game.events.talking import CounterChanged, FlagSet, MoodChanged, RelationChanged
from game.rules.base import Ref, Rule
from game.rules.state import PupilState

MAX_RELATION = 5


class EffectTarget(Protocol):
    """The narrow part of the world an effect may touch."""

    @property
    def state(self) -> PupilState: ...

    def emit(self, payload: Payload) -> object: ...

    def see_change(self, change_id: str, via: str) -> None: ...

    def ask_for_help(self, about: HelpAbout) -> None: ...


EFFECTS: dict[str, type[Effect]] = {}


class Effect(Rule):
    """One thing that happens. Subclasses with a `key` register themselves."""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if "key" in cls.__dict__:
            if cls.key in EFFECTS:
                raise TypeError(f"effect '{cls.key}' is defined twice")
            EFFECTS[cls.key] = cls

    def apply(self, world: EffectTarget) -> None:
        raise NotImplementedError


class ChangeRelation(Effect):
    """Trust between the pupil and a character goes up or down (kept within -5..5)."""

    key: ClassVar[str] = "relation"
    example = "relation: {character: daan, change: -2}"
    character: Id
    change: Annotated[int, Field(ge=-3, le=3)]

    def apply(self, world: EffectTarget) -> None:
        before = world.state.relation(self.character)
        after = max(-MAX_RELATION, min(MAX_RELATION, before + self.change))
        world.state.relations[self.character] = after
        world.emit(RelationChanged(character=self.character, from_=before, to=after))

    def refs(self) -> Iterator[Ref]:
        yield Ref("character", self.character)


class ChangeMood(Effect):
    """A character's mood (the portrait shows it; it lasts until changed again)."""

    key: ClassVar[str] = "mood"
    example = "mood: {character: daan, to: angry}"
    character: Id
    to: Emotion

    def apply(self, world: EffectTarget) -> None:
        before = world.state.mood(self.character)
        world.state.moods[self.character] = self.to
        if before != self.to:
            world.emit(MoodChanged(character=self.character, from_=before, to=self.to))

    def refs(self) -> Iterator[Ref]:
        yield Ref("character", self.character)


class SetFlag(Effect):
    """Sets a flag that conditions (`flag`, `not_flag`) can check, in any dialogue."""

    key: ClassVar[str] = "set_flag"
    scalar = "flag"
    example = "set_flag: daan-vrienden"
    flag: Id

    def apply(self, world: EffectTarget) -> None:
        world.state.flags.add(self.flag)
        world.emit(FlagSet(flag=self.flag))


class ClearFlag(Effect):
    """Clears a flag."""

    key: ClassVar[str] = "clear_flag"
    scalar = "flag"
    example = "clear_flag: daan-vrienden"
    flag: Id

    def apply(self, world: EffectTarget) -> None:
        world.state.flags.discard(self.flag)


class AddToCounter(Effect):
    """Adds to a counter (negative takes away); the condition `counter` checks it."""

    key: ClassVar[str] = "add_counter"
    example = "add_counter: {name: geholpen, add: 1}"
    name: Id
    add: Annotated[int, Field(ge=-100, le=100)] = 1

    def apply(self, world: EffectTarget) -> None:
        before = world.state.counter(self.name)
        world.state.counters[self.name] = before + self.add
        world.emit(CounterChanged(counter=self.name, from_=before, to=before + self.add))

    def refs(self) -> Iterator[Ref]:
        yield Ref("counter", self.name)


class AskForHelp(Effect):
    """The pupil asks the person they talk to for help (the way, homework, a change, how
    they feel). Counted as a strength in the day's reflection and shown to the mentor."""

    key: ClassVar[str] = "ask_help"
    scalar = "about"
    example = "ask_help: way"
    about: HelpAbout

    def apply(self, world: EffectTarget) -> None:
        world.ask_for_help(self.about)


class GiveClue(Effect):
    """The pupil earns a clue from the level (what it says is drawn per game)."""

    key: ClassVar[str] = "give_clue"
    scalar = "clue"
    example = "give_clue: fadil-ziet-iets"
    clue: Id

    def apply(self, world: EffectTarget) -> None:
        if self.clue not in world.state.clues:
            world.state.clues.append(self.clue)
            world.emit(ClueFound(clue=self.clue))

    def refs(self) -> Iterator[Ref]:
        yield Ref("clue", self.clue)


class GiveHomework(Effect):
    """A teacher gives homework from the level."""

    key: ClassVar[str] = "give_homework"
    scalar = "homework"
    example = "give_homework: wiskunde-sommen"
    homework: Id

    def apply(self, world: EffectTarget) -> None:
        if self.homework not in world.state.homework:
            world.state.homework.append(self.homework)
            world.emit(HomeworkGiven(homework=self.homework))

    def refs(self) -> Iterator[Ref]:
        yield Ref("homework", self.homework)


class NoteHomework(Effect):
    """The pupil writes the homework in the agenda."""

    key: ClassVar[str] = "note_homework"
    scalar = "homework"
    example = "note_homework: wiskunde-sommen"
    homework: Id

    def apply(self, world: EffectTarget) -> None:
        if self.homework not in world.state.homework_noted:
            world.state.homework_noted.append(self.homework)
            world.emit(HomeworkNoted(homework=self.homework))

    def refs(self) -> Iterator[Ref]:
        yield Ref("homework", self.homework)


class TellChange(Effect):
    """The pupil hears about a timetable change of the level (counts as seen)."""

    key: ClassVar[str] = "timetable_change"
    scalar = "change"
    example = "timetable_change: wiskunde-ander-lokaal"
    change: Id

    def apply(self, world: EffectTarget) -> None:
        world.see_change(self.change, "talk")

    def refs(self) -> Iterator[Ref]:
        yield Ref("change", self.change)


class EffectEntry(Strict):
    """One `- key: value` item of an effects list: exactly one effect."""

    def effect(self) -> Effect:
        found = [getattr(self, name) for name in type(self).model_fields
                 if getattr(self, name) is not None]
        return found[0]

    @model_validator(mode="after")
    def _exactly_one(self) -> EffectEntry:
        if len(self.model_fields_set) != 1:
            raise ValueError("each effect does exactly one thing, like '- set_flag: met_noor'")
        (key,) = self.model_fields_set
        if getattr(self, key) is None:
            raise ValueError(f"'{key}' needs a value, like '- {EFFECTS[key].example}'")
        return self


def _entry_model() -> type[EffectEntry]:
    fields: dict[str, Any] = {
        key: (Annotated[cls, BeforeValidator(cls.from_value())] | None, None)
        for key, cls in EFFECTS.items()}
    return create_model("Effect", __base__=EffectEntry, __doc__=EffectEntry.__doc__, **fields)


def _unwrap(entry: EffectEntry) -> Effect:
    return entry.effect()


if TYPE_CHECKING:
    EffectField = Effect
else:
    EffectField = Annotated[_entry_model(), AfterValidator(_unwrap)]
"""The type of one item in an `effects:` list: read as an entry, kept as its Effect."""
