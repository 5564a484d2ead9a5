"""The pause menu: the world stands still until the pupil resumes."""

from __future__ import annotations

import pygame

from game.scenes.menu_panel import MenuPanelScene
from game.ui.menu import Menu


class PauseScene(MenuPanelScene):
    title_key = "pause_title"

    def _menu(self) -> Menu:
        t = self.app.texts
        return Menu([(t("pause_resume"), self.app.pop), (t("pause_settings"), self._settings),
                     (t("pause_quit"), self.app.quit)], width=480)

    def _settings(self) -> None:
        self.app.open("settings")

    def draw(self, surface: pygame.Surface) -> None:
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((30, 36, 52, 120))
        surface.blit(veil, (0, 0))
        super().draw(surface)
