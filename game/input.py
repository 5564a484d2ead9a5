"""Key bindings and the held-keys state, the same for a real keyboard and scripted input."""

from __future__ import annotations

import pygame

MOVE_KEYS: dict[int, tuple[int, int]] = {
    pygame.K_UP: (0, -1), pygame.K_w: (0, -1),
    pygame.K_DOWN: (0, 1), pygame.K_s: (0, 1),
    pygame.K_LEFT: (-1, 0), pygame.K_a: (-1, 0),
    pygame.K_RIGHT: (1, 0), pygame.K_d: (1, 0),
}
INTERACT_KEYS = {pygame.K_e, pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER}
CONFIRM_KEYS = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE}
BACK_KEYS = {pygame.K_ESCAPE}
NUMBER_KEYS = {getattr(pygame, f"K_{i}"): i - 1 for i in range(1, 10)}
NUMBER_KEYS.update({getattr(pygame, f"K_KP{i}"): i - 1 for i in range(1, 10)})


def is_key(event: pygame.event.Event, keys: set[int] | dict[int, object]) -> bool:
    return event.type == pygame.KEYDOWN and event.key in keys


def is_click(event: pygame.event.Event) -> bool:
    return event.type == pygame.MOUSEBUTTONDOWN and event.button == 1


class HeldKeys:
    """Which movement keys are down, tracked from events (scripted input posts events too)."""

    def __init__(self) -> None:
        self.down: list[int] = []

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in MOVE_KEYS and event.key not in self.down:
            self.down.append(event.key)
        elif event.type == pygame.KEYUP and event.key in self.down:
            self.down.remove(event.key)
        elif event.type == pygame.WINDOWFOCUSLOST:
            self.down.clear()  # keys released while away must not keep the pupil walking

    def direction(self) -> tuple[float, float]:
        dx = dy = 0
        for key in self.down:
            kx, ky = MOVE_KEYS[key]
            dx, dy = dx + kx, dy + ky
        return float(max(-1, min(1, dx))), float(max(-1, min(1, dy)))

    def clear(self) -> None:
        self.down.clear()
