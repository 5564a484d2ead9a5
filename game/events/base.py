"""What an event kind is: one typed payload class that registers itself.

Each kind is one small class (see the other modules in this package): its
fields are the payload, and its class variables say everything else the rest
of the program needs to know about it, so a new kind is one class plus its
texts:

- `kind`: the name in the log (`events.kind`);
- `immediate`: committed before the game goes on (a choice, an accusation);
- `story`: how the mentor's story shows it ("moment", "choice", "afterwards" for
  changes attached to the choice before them, or "hidden");
- `tell()`: the line the mentor reads, from the dashboard's catalogue (`ev_*` keys);
- `verb`: the xAPI verb.

The journal, the class server's validation, the dashboard's queries, story and
sheet, and the xAPI export all read this registry; nothing else lists kinds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal, NamedTuple, Protocol

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

StoryRole = Literal["moment", "choice", "afterwards", "hidden"]

# How a moment is shown to the mentor: went well, worth talking about, or just what happened.
GOOD = "good"
NOTE = "note"
INFO = "info"

Ref = Annotated[str, StringConstraints(min_length=1, max_length=120)]
"""An id of something in the content (a lesson, a clue, a character, a room)."""
Words = Annotated[str, StringConstraints(max_length=2000)]
"""Text as it was shown to the pupil."""
Count = Annotated[int, Field(ge=0, le=10_000)]
ClockText = Annotated[str, StringConstraints(pattern=r"^\d{2}:\d{2}$")]


class Verb(NamedTuple):
    """An xAPI verb: its IRI and its display name in Dutch and English."""

    iri: str
    nl: str
    en: str


ADL = "http://adlnet.gov/expapi/verbs/"
OWN_VERBS = "urn:alien-op-school:verb:"


class Told(NamedTuple):
    tone: str
    text: str


class Names(Protocol):
    """Readable names for ids, in the mentor's language (the dashboard's LevelNames)."""

    language: str

    def title(self, fallback: str) -> str: ...
    def character(self, character_id: str | None) -> str: ...
    def lesson(self, lesson_id: str | None) -> str: ...
    def room(self, room_id: str | None) -> str: ...
    def day(self, day_id: str | None) -> str: ...
    def clue(self, clue_id: str | None) -> str: ...
    def homework(self, homework_id: str | None) -> str: ...
    def change(self, change_id: str | None) -> str: ...
    def scene_title(self, scene_id: str | None) -> str: ...


class Teller(Protocol):
    """What a kind needs to tell itself: the dashboard's texts and names."""

    names: Names

    def __call__(self, key: str, **values: Any) -> str: ...


class Payload(BaseModel):
    """The base of every event kind. Subclasses with a `kind` register themselves."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              defer_build=True)  # built on first use: a faster start

    kind: ClassVar[str]
    immediate: ClassVar[bool] = False
    story: ClassVar[StoryRole] = "hidden"
    verb: ClassVar[Verb | None] = None

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if "kind" in cls.__dict__:
            _register(cls)

    def tell(self, teller: Teller) -> Told | None:
        """The mentor's line for this moment, or None to leave it out of the story."""
        return None

    def data(self) -> dict[str, Any]:
        """The payload as stored in the log (JSON-ready, field aliases such as `from`)."""
        return self.model_dump(mode="json", by_alias=True)

    @classmethod
    def xapi_verb(cls) -> Verb:
        if cls.verb is not None:
            return cls.verb
        words = cls.kind.replace("_", " ")
        return Verb(OWN_VERBS + cls.kind.replace("_", "-"), words, words)


KINDS: dict[str, type[Payload]] = {}
"""Every registered kind by its name in the log."""


class UnknownKind(ValueError):
    def __init__(self, kind: str) -> None:
        super().__init__(f"unknown event kind {kind!r}")
        self.kind = kind


def _register(cls: type[Payload]) -> None:
    if cls.kind in KINDS and KINDS[cls.kind] is not cls:
        raise TypeError(f"event kind {cls.kind!r} is registered twice: "
                        f"{KINDS[cls.kind].__name__} and {cls.__name__}")
    KINDS[cls.kind] = cls


def kind_class(kind: str) -> type[Payload]:
    try:
        return KINDS[kind]
    except KeyError:
        raise UnknownKind(kind) from None


def parse(kind: str, data: Mapping[str, Any]) -> Payload:
    """A stored payload back as its typed model; raises UnknownKind or ValidationError."""
    return kind_class(kind).model_validate(data)


def kinds_in_story() -> tuple[str, ...]:
    """The kinds the mentor's story shows (everything but the hidden ones)."""
    return tuple(k for k, cls in KINDS.items() if cls.story != "hidden")


@dataclass(frozen=True)
class Event:
    """One thing that happened: its typed payload, and when and where on the school clock."""

    payload: Payload
    game_time: float
    room: str | None
    day: str | None = None

    @property
    def kind(self) -> str:
        return self.payload.kind

    @property
    def data(self) -> dict[str, Any]:
        return self.payload.data()
