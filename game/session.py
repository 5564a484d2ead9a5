"""One play session, for every front end: the game's screens, the bots, the tests.

It builds the world (new, or continued from a save), attaches the log before
anything happens (so the first event, `level_start` or `resume`, is written like
every other), saves and ends the sitting. Screens listen to the same world; the
class-mode sender, when there is one, is reported on the end card.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from game.content.bundle import Content
from game.events import Event
from game.events.sitting import DayStarted, Quit
from game.journal.faults import Trouble, trouble_of
from game.journal.journal import Journal
from game.journal.writer import SessionInfo, SessionLog
from game.world.world import World


class Saves(Protocol):
    """Where a session keeps its save (the game's SaveStore)."""

    def save(self, pupil: str, snapshot: dict[str, Any]) -> object: ...


class Sender(Protocol):
    """The class-mode uploader, as far as a session reports it."""

    @property
    def progress(self) -> Any: ...


@dataclass
class Player:
    """Who plays, as the log records it: a pseudonym, never a real name."""

    pupil: str
    language: str = "nl"
    settings: dict[str, Any] = field(default_factory=dict)
    class_code: str | None = None


def can_continue(content: Content, saved: dict[str, Any] | None) -> bool:
    """A save continues this level when it is of this level and not finished."""
    return saved is not None and saved.get("level") == content.level.id \
        and not saved.get("level_over")


class PlaySession:
    def __init__(self, content: Content, player: Player, *, journal: Journal | None = None,
                 saved: dict[str, Any] | None = None, seed: int | None = None,
                 saves: Saves | None = None, sender: Sender | None = None) -> None:
        self.content = content
        self.player = player
        self.saves = saves
        self.sender = sender
        self.resumed = can_continue(content, saved)
        if self.resumed:
            assert saved is not None
            self.world = World.restore(content, saved)
        else:
            fresh = seed if seed is not None else random.SystemRandom().randrange(1, 2**31)
            self.world = World(content, seed=fresh)
        self.log: SessionLog | None = None
        if journal is not None:
            self.log = journal.start_session(SessionInfo(
                pupil=player.pupil, level=content.level.id, seed=self.world.seed,
                language=player.language, settings=dict(player.settings),
                class_code=player.class_code))
            self.world.listeners.append(self.log.record)
        self.started = False
        self.ended = False
        self.save_trouble: Trouble | None = None  # why the last save could not be written
        self.world.listeners.append(self._save_each_morning)

    def listen(self, listener: Callable[[Event], None]) -> None:
        self.world.listeners.append(listener)

    def start(self) -> World:
        """Announce the start (everyone who listens hears it): a new game or a continued one."""
        if not self.started:
            self.started = True
            if self.resumed:
                self.world.resume()
            else:
                self.world.begin()
        return self.world

    def save(self) -> bool:
        """Save the game now (the game does it at every scene change and each morning).
        A save that cannot be written is kept as `save_trouble`; play goes on."""
        if self.saves is None:
            return True
        try:
            self.saves.save(self.player.pupil, self.world.snapshot())
        except OSError as exc:
            self.save_trouble = trouble_of(exc)
            return False
        self.save_trouble = None
        return True

    def _save_each_morning(self, event: Event) -> None:
        if isinstance(event.payload, DayStarted) and self.started and not self.ended:
            self.save()

    def quit(self) -> None:
        """The pupil stops: the moment is logged, the game saved, the sitting closed."""
        if self.ended:
            return
        self.world.emit(Quit(clock=self.world.clock.text()))
        self.end()

    def end(self) -> None:
        """Close the sitting (after quitting, or when the level is over)."""
        if self.ended:
            return
        self.ended = True
        self.save()
        if self.log is not None:
            self.log.end()
