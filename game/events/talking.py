"""Conversations: who the pupil talked to, every choice with its context, and what it changed."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from game.content.tags import SKILLS, Aspect, Emotion, Skill
from game.events.base import ADL, INFO, Payload, Ref, Teller, Told, Verb, Words

Context = Literal["talk", "lesson", "homework", "reflection"]
"""What a choice belongs to: a conversation, a lesson, a homework task, the day's reflection."""

# The dialogue ids of choices the game itself asks (no dialogue file): made here only.
REFLECTION_DIALOGUE = "reflectie"
LESSON_DIALOGUE = "les-{lesson}"
HOMEWORK_DIALOGUE = "huiswerk-{homework}"


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Both(_Part):
    """A text as shown, in Dutch and English."""

    nl: Words
    en: Words


class SaidLine(_Part):
    speaker: Ref
    nl: Words
    en: Words
    emotion: Emotion = "neutral"


class Option(_Part):
    id: Ref
    nl: Words
    en: Words


class ConversationStarted(Payload):
    """The pupil started talking to someone."""

    kind: ClassVar[str] = "conversation_started"
    character: Ref


class ChoiceMade(Payload):
    """The pupil chose an option: with what was said before, every option shown, the tags
    and how long the pupil took, so the mentor can replay the moment."""

    kind: ClassVar[str] = "choice"
    immediate = True
    story = "choice"
    verb = Verb(ADL + "answered", "koos", "answered")
    dialogue: Ref
    node: Ref
    character: Ref
    context: Context = "talk"
    about: Ref | None = None
    """The lesson, homework or day the choice is about (for lessons, homework, reflection)."""
    said_before: list[SaidLine] = Field(default_factory=list, max_length=20)
    options: Annotated[list[Option], Field(min_length=1, max_length=9)]
    chosen: Ref
    chosen_index: int = Field(ge=0, le=8)
    chosen_text: Both
    aspects: dict[Aspect, Annotated[int, Field(ge=-2, le=2)]] = Field(default_factory=dict)
    skills: list[Skill] = Field(default_factory=list, max_length=len(SKILLS))
    reflect: Both | None = None
    response_ms: int = Field(default=0, ge=0, le=24 * 3600 * 1000)
    reaction: list[SaidLine] = Field(default_factory=list, max_length=10)
    correct: bool | None = None
    """Homework answers only: was it the right answer."""

    @model_validator(mode="before")
    @classmethod
    def _older_logs(cls, data: Any) -> Any:
        """Logs written before `context` existed named it only in the dialogue id."""
        if isinstance(data, dict) and "context" not in data:
            dialogue = str(data.get("dialogue", ""))
            if dialogue == REFLECTION_DIALOGUE:
                data = {**data, "context": "reflection", "about": data.get("node")}
            elif dialogue.startswith("les-"):
                data = {**data, "context": "lesson", "about": dialogue.removeprefix("les-")}
            elif dialogue.startswith("huiswerk-"):
                data = {**data, "context": "homework",
                        "about": dialogue.removeprefix("huiswerk-")}
        return data

    @model_validator(mode="after")
    def _chosen_is_shown(self) -> ChoiceMade:
        if self.chosen_index >= len(self.options) or \
                self.options[self.chosen_index].id != self.chosen:
            raise ValueError("chosen must be the option at chosen_index")
        return self

    @classmethod
    def build(cls, *, dialogue: str, node: str, character: str, said_before: list[SaidLine],
              options: list[Option], chosen_index: int, **fields: Any) -> ChoiceMade:
        """One shape for every choice: the chosen option named by its index."""
        chosen = options[chosen_index]
        return cls(dialogue=dialogue, node=node, character=character, said_before=said_before,
                   options=options, chosen=chosen.id, chosen_index=chosen_index,
                   chosen_text=Both(nl=chosen.nl, en=chosen.en), **fields)

    def tell(self, teller: Teller) -> Told:
        names = teller.names
        if self.context == "reflection":
            return Told(INFO, teller("ev_choice_reflection"))
        if self.context == "homework":
            return Told(INFO, teller("ev_choice_homework", title=names.homework(self.about)))
        if self.context == "lesson":
            return Told(INFO, teller("ev_choice_lesson", subject=names.lesson(self.about)))
        return Told(INFO, teller("ev_choice_talk", name=names.character(self.character)))


class MoodChanged(Payload):
    """A character's mood changed (shown under the choice that caused it)."""

    kind: ClassVar[str] = "mood_change"
    story = "afterwards"
    character: Ref
    from_: Emotion = Field(alias="from")
    to: Emotion

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_mood", name=teller.names.character(self.character),
                                 mood=teller(f"mood_{self.to}")))


class RelationChanged(Payload):
    """How much a character trusts the pupil changed (-5..5)."""

    kind: ClassVar[str] = "relation_change"
    story = "afterwards"
    character: Ref
    from_: int = Field(alias="from", ge=-5, le=5)
    to: int = Field(ge=-5, le=5)

    def tell(self, teller: Teller) -> Told:
        key = "ev_trust_up" if self.to > self.from_ else "ev_trust_down"
        return Told(INFO, teller(key, name=teller.names.character(self.character)))


class FlagSet(Payload):
    """A dialogue set a flag that later conversations can check."""

    kind: ClassVar[str] = "flag_set"
    flag: Ref


class CounterChanged(Payload):
    """A dialogue counted something (how often the pupil helped, say)."""

    kind: ClassVar[str] = "counter_changed"
    counter: Ref
    from_: int = Field(alias="from")
    to: int
