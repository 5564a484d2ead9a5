"""Runs one conversation: lines, then the choices whose conditions hold, then effects.

Each choice is announced as a `choice` event with its full context (the lines
said before it, every option shown, the one taken, its tags and the response
time), so a mentor can later replay the moment with the pupil. The conversation
changes the world only through `Talk`, the part of the World it may use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from game.content.dialogue import Choice, Dialogue, Line
from game.content.schema import LocalText
from game.events import Payload
from game.events.talking import ChoiceMade, Context, Option, SaidLine
from game.rules.conditions import Facts, holds
from game.rules.effects import Effect
from game.rules.state import PupilState

SAID_BEFORE = 4  # lines kept as the context of a choice


class Talk(Protocol):
    """What a conversation may read and do in the world."""

    @property
    def state(self) -> PupilState: ...

    @property
    def real_time(self) -> float: ...

    def facts(self, dialogue: str) -> Facts: ...

    def emit(self, payload: Payload) -> object: ...

    def apply_effects(self, effects: Sequence[Effect]) -> None: ...

    def note_visit(self, dialogue: str, node: str) -> None: ...

    def use_once(self, dialogue: str, choice: str) -> None: ...

    def answered(self, response_ms: int) -> None: ...

    def end_conversation(self, conversation: Conversation) -> None: ...


@dataclass(frozen=True)
class ShownLine:
    speaker: str
    text: LocalText
    emotion: str


class Conversation:
    """A dialogue being played, or a single line (a greeting, news from a classmate)."""

    def __init__(self, world: Talk, character: str, dialogue: Dialogue | None,
                 greeting: LocalText | None = None, *, context: Context = "talk",
                 about: str | None = None) -> None:
        self.world = world
        self.character = character
        self.dialogue = dialogue
        self.context: Context = context
        self.about = about  # the lesson a lesson's talk is about
        self.node_id: str | None = None
        self.queue: list[ShownLine] = []
        self.history: list[ShownLine] = []
        self.choices: list[Choice] = []
        self.finished = False
        self._pending_end = False
        self._options_shown_at = 0.0
        self._current: ShownLine | None = None
        if dialogue is None:
            mood = world.state.mood(character)
            self.queue = [ShownLine(character, greeting or LocalText(nl="Hoi!", en="Hi!"), mood)]
            self._pending_end = True
        else:
            facts = world.facts(dialogue.id)
            entry = next(e for e in dialogue.start if holds(e.if_, facts))
            self._enter(entry.goto)
        self._show_next()

    # --- what the scene reads ---
    @property
    def line(self) -> ShownLine | None:
        """The line on screen; while choices are shown, the last line said stays visible."""
        return self._current

    @property
    def at_choice(self) -> bool:
        return bool(self.choices) and not self.finished

    @property
    def is_lesson(self) -> bool:
        return self.context == "lesson"

    # --- what the scene calls ---
    def choices_shown(self) -> None:
        """The choices are on screen now (after the line was typed out): the pupil's
        thinking time counts from here, not from when the line began."""
        if self.at_choice:
            self._options_shown_at = self.world.real_time

    def advance(self) -> None:
        """The pupil read the current line: show the next, the choices, or finish."""
        if self.finished or self.choices:
            return
        self._show_next()

    def choose(self, index: int) -> Choice | None:
        if not self.at_choice or not 0 <= index < len(self.choices):
            return None
        choice = self.choices[index]
        assert self.dialogue is not None and self.node_id is not None
        response_ms = int(round((self.world.real_time - self._options_shown_at) * 1000))
        self.world.emit(ChoiceMade.build(
            dialogue=self.dialogue.id, node=self.node_id, character=self.character,
            context=self.context, about=self.about,
            said_before=[_said(s) for s in self.history[-SAID_BEFORE:]],
            options=[Option(id=c.id, nl=c.text.nl, en=c.text.en) for c in self.choices],
            chosen_index=index, aspects=dict(choice.tags.aspects),
            skills=list(choice.tags.skills),
            reflect=choice.reflect.model_dump() if choice.reflect else None,
            response_ms=max(0, response_ms), reaction=self._reaction_to(choice)))
        self.world.answered(max(0, response_ms))
        if choice.once:
            self.world.use_once(self.dialogue.id, choice.id)
        self.history.append(ShownLine("player", choice.text, "neutral"))
        self.choices = []
        self.world.apply_effects(choice.effects)
        if choice.end:
            self._pending_end = True
        elif choice.goto:
            self._enter(choice.goto)
        self._show_next()
        return choice

    # --- internals ---
    def _enter(self, node_id: str) -> None:
        assert self.dialogue is not None
        self.node_id = node_id
        node = self.dialogue.node(node_id)
        self.world.note_visit(self.dialogue.id, node_id)
        self.world.apply_effects(node.effects)
        self.queue.extend(_shown(line) for line in node.lines)

    def _show_next(self) -> None:
        if self.queue:
            self._current = self.queue.pop(0)
            self.history.append(self._current)
            return
        if self._pending_end or self.dialogue is None or self.node_id is None:
            self._finish()
            return
        node = self.dialogue.node(self.node_id)
        if node.choices:
            available = [c for c in node.choices if self._available(c)]
            if available:
                self.choices = available
                self._options_shown_at = self.world.real_time
                return
            if node.fallback:
                self._enter(node.fallback)
                self._show_next()
                return
            self._finish()
            return
        target = node.goto
        if node.branch:
            facts = self.world.facts(self.dialogue.id)
            target = next((e.goto for e in node.branch if holds(e.if_, facts)), node.goto)
        if target:
            self._enter(target)
            self._show_next()
        else:
            self._finish()

    def _reaction_to(self, choice: Choice) -> list[SaidLine]:
        """The first lines the choice leads to, so the log shows how the character reacted."""
        if self.dialogue is None or choice.end or not choice.goto:
            return []
        lines = self.dialogue.node(choice.goto).lines
        return [_said(_shown(line)) for line in lines[:2]]

    def _available(self, choice: Choice) -> bool:
        assert self.dialogue is not None
        if choice.once and f"{self.dialogue.id}:{choice.id}" in self.world.state.used_once:
            return False
        return holds(choice.if_, self.world.facts(self.dialogue.id))

    def _finish(self) -> None:
        self.finished = True
        self.choices = []
        self.world.end_conversation(self)


def _shown(line: Line) -> ShownLine:
    return ShownLine(line.speaker, line.text, line.emotion)


def _said(line: ShownLine) -> SaidLine:
    return SaidLine(speaker=line.speaker, nl=line.text.nl, en=line.text.en,
                    emotion=line.emotion)
