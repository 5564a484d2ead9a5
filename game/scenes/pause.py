"""The pause menu: the world stands still until the pupil resumes."""

from __future__ import annotations

import pygame

from game import input as keys
from game.scenes.base import Scene
from game.ui import look
from game.ui.menu import Menu


class PauseScene(Scene):
    transparent = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.menu = self._menu()

    def _menu(self) -> Menu:
        t = self.app.texts
        return Menu([(t("pause_resume"), self.app.pop), (t("pause_settings"), self._settings),
                     (t("pause_quit"), self.app.quit)], width=480)

    def _settings(self) -> None:
        from game.scenes.settings import SettingsScene

        self.app.push(SettingsScene(self.app))

    def on_resume(self) -> None:
        self.menu = self._menu()

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS):
            self.app.pop()
        else:
            self.menu.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        veil = pygame.Surface((w, h), pygame.SRCALPHA)
        veil.fill((30, 36, 52, 120))
        surface.blit(veil, (0, 0))
        box = pygame.Rect(0, 0, 600, 380)
        box.center = (w // 2, h // 2)
        look.panel(surface, box)
        title = look.text(self.app.texts("pause_title"), 56, look.INK, bold=True)
        surface.blit(title, title.get_rect(midtop=(box.centerx, box.y + 28)))
        self.menu.draw(surface, box.centerx, box.y + 110)
