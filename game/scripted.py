"""Scripted input: plays the real game loop by posting real pygame events.

A script is a list of steps (press a key, type text, walk to a room or a
person, wait). Walking plans a route over the tile grid, stairs included, and
then holds the arrow keys the way a pupil would. Tests and demos use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.app import App
from game.world.navigator import Navigator, NoWay

DIRECTION_KEYS = {(1, 0): pygame.K_RIGHT, (-1, 0): pygame.K_LEFT, (0, 1): pygame.K_DOWN,
                  (0, -1): pygame.K_UP}


class ScriptError(RuntimeError):
    pass


def _post_key(key: int, down: bool) -> None:
    kind = pygame.KEYDOWN if down else pygame.KEYUP
    pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))


class Step:
    def tick(self, app: App) -> bool:
        """Do this frame's part; True when the step is complete."""
        raise NotImplementedError


@dataclass
class Press(Step):
    key: int
    _phase: int = 0

    def tick(self, app: App) -> bool:
        _post_key(self.key, self._phase == 0)
        self._phase += 1
        return self._phase >= 2


@dataclass
class Type(Step):
    text: str

    def tick(self, app: App) -> bool:
        for ch in self.text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        return True


@dataclass
class Wait(Step):
    frames: int

    def tick(self, app: App) -> bool:
        self.frames -= 1
        return self.frames <= 0


@dataclass
class Call(Step):
    """Run a function once (for checks or screenshots in the middle of a script)."""

    fn: Callable[..., object]

    def tick(self, app: App) -> bool:
        self.fn(app)
        return True


@dataclass
class WalkTo(Step):
    """Walk to a room (any tile in it), a named point, a door, or next to a person,
    holding the arrow keys the way a pupil would (the route comes from Navigator)."""

    target: str
    timeout_frames: int = 60 * 90
    _nav: Navigator | None = None
    _held: int | None = None
    _frames: int = 0

    def tick(self, app: App) -> bool:
        session = app.session
        if session is None:
            raise ScriptError(f"walk to '{self.target}': the school is not on screen")
        if self._nav is None:
            self._nav = Navigator(self.target)
        self._frames += 1
        if self._frames > self.timeout_frames:
            self._hold(None)
            raise ScriptError(f"walk to '{self.target}' took too long")
        try:
            step = self._nav.step(session.world)
        except NoWay as exc:
            self._hold(None)
            raise ScriptError(str(exc)) from None
        if step is None:
            self._hold(None)
            return True
        self._hold(DIRECTION_KEYS.get(step))  # (0, 0): keys let go for a fresh step
        return False

    def _hold(self, key: int | None) -> None:
        if key == self._held:
            return
        if self._held is not None:
            _post_key(self._held, False)
        if key is not None:
            _post_key(key, True)
        self._held = key


class Script:
    """Feeds steps to the app, one frame at a time; attach with app.frame_hooks."""

    def __init__(self, steps: list[Step]) -> None:
        self.steps = list(steps)
        self.done = False

    def __call__(self, app: App) -> None:
        if not self.steps:
            self.done = True
            return
        if self.steps[0].tick(app):
            self.steps.pop(0)
        if not self.steps:
            self.done = True


def run_script(app: App, steps: list[Step], max_frames: int = 60 * 60 * 5) -> Script:
    """Run the app until the script is done, the game quits, or the frame budget is used up."""
    script = Script(steps)
    app.frame_hooks.append(script)
    start = app.frame
    while not script.done and app.running and app.frame - start < max_frames:
        app.run(max_frames=app.frame + 1)
    app.frame_hooks.remove(script)
    if not script.done and app.running:
        raise ScriptError(f"script not finished after {max_frames} frames: {script.steps[:1]}")
    return script
