"""Playing the World directly (no window): walking, waiting, lessons and talks, and a
recorder that keeps every event the world announces."""

from __future__ import annotations

from game.content.bundle import Content
from game.events import Event
from game.rules.effects import NoteHomework
from game.world.conversation import Conversation
from game.world.navigator import Navigator
from game.world.world import World

STEP = 1 / 60


class Recorder(list[Event]):
    """Every event a world announced, in order."""

    def kinds(self) -> list[str]:
        return [e.kind for e in self]

    def of(self, kind: str) -> list[Event]:
        return [e for e in self if e.kind == kind]


def started(content: Content, seed: int = 3) -> tuple[World, Recorder]:
    """A new game of the content, with a recorder listening from the first event."""
    world = World(content, seed=seed)
    recorder = Recorder()
    world.listeners.append(recorder.append)
    world.begin()
    return world, recorder


def walk(world: World, target: str, limit: int = 60 * 120) -> None:
    nav = Navigator(target)
    for _ in range(limit):
        step = nav.step(world)
        if step is None:
            return
        world.update(STEP, (float(step[0]), float(step[1])))
        if world.lesson is not None:
            return
    raise AssertionError(f"did not reach {target}")


def wait_until(world: World, minute: float) -> None:
    while world.clock.minutes < minute and world.lesson is None and not world.day_over:
        world.update(STEP)


def sit_lesson(world: World, note_homework: bool = True) -> list[str]:
    """Read the whole lesson through (opening, moment, closing); at the homework choice,
    write it down (or not); in a moment, take the first choice."""
    said: list[str] = []
    assert world.lesson is not None
    while world.lesson is not None:
        conversation = world.begin_lesson()
        assert conversation is not None
        while not conversation.finished:
            if conversation.at_choice:
                notes = [any(isinstance(e, NoteHomework) for e in c.effects)
                         for c in conversation.choices]
                conversation.choose(notes.index(note_homework) if any(notes) else 0)
            else:
                assert conversation.line is not None
                said.append(conversation.line.text.nl)
                conversation.advance()
    return said


def read_to_choices(conversation: Conversation) -> list[str]:
    while not conversation.at_choice and not conversation.finished:
        conversation.advance()
    return [c.id for c in conversation.choices]


def choose(conversation: Conversation, choice_id: str) -> None:
    """Read on to the choices, take this one, and read on to the next choices or the end."""
    ids = read_to_choices(conversation)
    conversation.choose(ids.index(choice_id))
    while not conversation.finished and not conversation.at_choice:
        conversation.advance()


def talk(world: World, who: str) -> Conversation:
    conversation = world.talk(world.npcs[who])
    assert conversation is not None
    return conversation


def talk_through(world: World, who: str, prefer: list[str]) -> None:
    conversation = world.talk(world.npcs[who])
    while conversation is not None and not conversation.finished:
        if conversation.at_choice:
            ids = [c.id for c in conversation.choices]
            conversation.choose(next((ids.index(p) for p in prefer if p in ids), 0))
        else:
            conversation.advance()
