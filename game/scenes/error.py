"""Shows content errors on screen (they are printed to the terminal too)."""

from __future__ import annotations

import pygame

from game import input as keys
from game.content.errors import ContentError
from game.scenes.backdrop import card_on_backdrop
from game.scenes.base import Host, Scene
from game.ui import look


class ErrorScene(Scene):
    def __init__(self, app: Host, error: ContentError) -> None:
        super().__init__(app)
        self.error = error

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS | keys.CONFIRM_KEYS):
            self.app.quit()

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        box = card_on_backdrop(surface, w - 120, h - 120)
        t = self.app.texts
        surface.blit(look.text(t("error_title"), 48, look.INK, bold=True), (box.x + 30, box.y + 26))
        y = box.y + 90
        for problem in self.error.problems[:12]:
            for line in look.wrap(str(problem), 28, box.w - 60):
                surface.blit(look.text(line, 28, look.INK), (box.x + 30, y))
                y += 28
            y += 6
        if len(self.error.problems) > 12:
            surface.blit(look.text(f"... +{len(self.error.problems) - 12}", 28, look.MUTED),
                         (box.x + 30, y))
        help_lines = look.wrap(t("error_help"), 30, box.w - 60)
        look.blit_lines(surface, help_lines, 30, box.x + 30, box.bottom - 30 - 26 * len(help_lines),
                        look.MUTED)
