"""Key bindings and the held-keys state, the same for a real keyboard and scripted input.

Arrows, Enter, Space and Esc are fixed on every screen; the letter keys (WASD,
E, P, R, N, H) can be changed in the settings, e.g. ZQSD on an AZERTY keyboard.
The current map is module state because every screen reads it and there is one
pupil at the keyboard.
"""

from __future__ import annotations

from collections.abc import Container

import pygame

from game.settings import DEFAULT_KEYS

DIRECTIONS: dict[str, tuple[int, int]] = {"up": (0, -1), "down": (0, 1), "left": (-1, 0),
                                          "right": (1, 0)}
FIXED: dict[str, set[int]] = {
    "up": {pygame.K_UP}, "down": {pygame.K_DOWN}, "left": {pygame.K_LEFT},
    "right": {pygame.K_RIGHT}, "interact": {pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER},
    "floor_plan": set(), "agenda": set(), "notebook": set(), "help": {pygame.K_F1},
}
CONFIRM_KEYS = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE}
BACK_KEYS = {pygame.K_ESCAPE}
NUMBER_KEYS: dict[int, int] = {getattr(pygame, f"K_{i}"): i - 1 for i in range(1, 10)}
NUMBER_KEYS.update({getattr(pygame, f"K_KP{i}"): i - 1 for i in range(1, 10)})


def key_code(name: str) -> int:
    """pygame's code for a key name ("w", "f1"); works before pygame.init()."""
    if len(name) == 1:
        return ord(name.lower())
    return pygame.key.key_code(name)


def key_label(name: str) -> str:
    return name.upper() if len(name) == 1 else name.title()


class KeyMap:
    """Which keys do what: the fixed ones plus the pupil's chosen letter per action."""

    def __init__(self, chosen: dict[str, str] | None = None) -> None:
        self.names = {**DEFAULT_KEYS, **(chosen or {})}
        self.sets = {action: FIXED[action] | {key_code(name)}
                     for action, name in self.names.items()}
        self.move = {code: DIRECTIONS[action] for action in DIRECTIONS
                     for code in self.sets[action]}

    def keys(self, action: str) -> set[int]:
        return self.sets[action]

    def label(self, action: str) -> str:
        return key_label(self.names[action])


_current = KeyMap()


def use_keymap(keymap: KeyMap) -> None:
    global _current
    _current = keymap


def keymap() -> KeyMap:
    return _current


def key_labels() -> dict[str, str]:
    """The pupil's own key for each action, for texts with `{key_<action>}` blanks."""
    return {f"key_{action}": _current.label(action) for action in _current.names}


def is_action(event: pygame.event.Event, action: str) -> bool:
    return event.type == pygame.KEYDOWN and event.key in _current.keys(action)


def action_keys(action: str) -> set[int]:
    return _current.keys(action)


def is_key(event: pygame.event.Event, keys: Container[int]) -> bool:
    return event.type == pygame.KEYDOWN and event.key in keys


def is_click(event: pygame.event.Event) -> bool:
    return event.type == pygame.MOUSEBUTTONDOWN and event.button == 1


class PressedKeys:
    """Every key that is down now, so a key held down (or auto-repeated by the system)
    counts as one press: holding Enter never picks answers or accuses over and over."""

    def __init__(self) -> None:
        self.down: set[int] = set()

    def is_repeat(self, event: pygame.event.Event) -> bool:
        """Note this event; True for a KEYDOWN of a key that is already down."""
        if event.type == pygame.KEYDOWN:
            repeat = event.key in self.down
            self.down.add(event.key)
            return repeat
        if event.type == pygame.KEYUP:
            self.down.discard(event.key)
        elif event.type == pygame.WINDOWFOCUSLOST:
            self.down.clear()
        return False


class HeldKeys:
    """Which movement keys are down, tracked from events (scripted input posts events too)."""

    def __init__(self) -> None:
        self.down: list[int] = []

    def handle(self, event: pygame.event.Event) -> None:
        move = _current.move
        if event.type == pygame.KEYDOWN and event.key in move and event.key not in self.down:
            self.down.append(event.key)
        elif event.type == pygame.KEYUP and event.key in self.down:
            self.down.remove(event.key)
        elif event.type == pygame.WINDOWFOCUSLOST:
            self.down.clear()  # keys released while away must not keep the pupil walking

    def direction(self) -> tuple[float, float]:
        dx = dy = 0
        for key in self.down:
            kx, ky = _current.move.get(key, (0, 0))
            dx, dy = dx + kx, dy + ky
        return float(max(-1, min(1, dx))), float(max(-1, min(1, dy)))

    def clear(self) -> None:
        self.down.clear()
