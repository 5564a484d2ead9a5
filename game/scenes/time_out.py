"""The time-out card (pause menu): a calm moment whenever school gets too much.

The school clock stands still, even with time pressure on, so a break never makes the
pupil late. A slow circle paces the breathing. How long it lasted is logged as a calm
moment, which the day's reflection and the mentor count as a strength.
"""

from __future__ import annotations

import math

import pygame

from game import input as keys
from game.scenes.base import Host
from game.scenes.card import CardScene
from game.ui import look
from game.world.world import World

BREATH_SECONDS = 10.0  # one slow breath in and out


class TimeOutScene(CardScene):
    def __init__(self, app: Host, world: World) -> None:
        super().__init__(app, world)
        self.seconds = 0.0

    def title(self) -> str:
        return self.app.texts("time_out_title")

    def hint(self) -> str:
        return self.app.texts("time_out_hint")

    def update(self, dt: float) -> None:
        self.seconds += dt
        self.world.think(dt)  # never the school clock: a break must not make anyone late

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.CONFIRM_KEYS) or keys.is_key(event, keys.BACK_KEYS) \
                or keys.is_click(event):
            self.close()

    def close(self) -> None:
        self.world.take_time_out(self.seconds)
        self.app.pop()

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t = self.app.texts
        y = look.blit_lines(surface, look.wrap(t("time_out_text"), 30, area.w), 30, area.x,
                            area.y) + 12
        phase = (self.seconds % BREATH_SECONDS) / BREATH_SECONDS
        grow = 0.5 - 0.5 * math.cos(2 * math.pi * phase)  # 0 -> 1 -> 0, smoothly
        room = max(40, area.bottom - y)
        biggest = min(area.w, room) // 2 - 8
        radius = max(12, int(biggest * (0.45 + 0.55 * grow)))
        centre = (area.centerx, y + room // 2)
        pygame.draw.circle(surface, (196, 214, 236), centre, biggest)
        pygame.draw.circle(surface, look.ACCENT, centre, radius)
        word = look.text(t("time_out_in" if phase < 0.5 else "time_out_out"), 32, look.PAPER,
                         bold=True)
        if word.get_width() < 2 * radius:
            surface.blit(word, word.get_rect(center=centre))
