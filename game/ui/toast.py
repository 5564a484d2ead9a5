"""Calm messages at the bottom of the screen: one at a time, for a few seconds, no motion.

For things the pupil should know but need not act on (saving is paused, it works
again, a damaged save was put aside): they never take the keyboard away from play.
"""

from __future__ import annotations

import pygame

from game.ui import look

SHOW_FRAMES = 60 * 7  # seven seconds at 60 frames a second
SIZE = 28


class Toasts:
    def __init__(self) -> None:
        self.queue: list[str] = []
        self.history: list[str] = []  # everything shown, for the terminal and the tests
        self._frames = 0

    @property
    def current(self) -> str | None:
        return self.queue[0] if self.queue else None

    def show(self, text: str) -> None:
        if text not in self.queue:
            self.queue.append(text)
            self.history.append(text)

    def tick(self) -> None:
        """One frame passed; the message on screen goes after SHOW_FRAMES."""
        if not self.queue:
            return
        self._frames += 1
        if self._frames >= SHOW_FRAMES:
            self.queue.pop(0)
            self._frames = 0

    def draw(self, surface: pygame.Surface) -> None:
        if not self.queue:
            return
        w, h = surface.get_size()
        lines = look.wrap(self.queue[0], SIZE, w - 240)[:4]
        step = look.line_height(SIZE)
        box = pygame.Rect(0, 0, w - 200, len(lines) * step + 24)
        box.midbottom = (w // 2, h - 96)
        look.panel(surface, box, border=look.ACCENT, radius=12)
        look.blit_lines(surface, lines, SIZE, box.x + 20, box.y + 12)
