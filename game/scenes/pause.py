"""The pause menu: the world stands still until the pupil resumes."""

from __future__ import annotations

import pygame

from game.scenes.menu_panel import MenuPanelScene
from game.ui.menu import Menu


class PauseScene(MenuPanelScene):
    title_key = "pause_title"

    def _menu(self) -> Menu:
        t = self.app.texts
        items = [(t("pause_resume"), self.app.pop)]
        if self.app.session is not None:
            items.append((t("pause_time_out"), self._time_out))
        items += [(t("pause_settings"), self._settings), (t("pause_quit"), self.app.quit)]
        return Menu(items, width=480)

    def _time_out(self) -> None:
        assert self.app.session is not None
        self.app.replace_with("time_out", world=self.app.session.world)

    def _settings(self) -> None:
        self.app.open("settings")

    def draw(self, surface: pygame.Surface) -> None:
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((30, 36, 52, 120))
        surface.blit(veil, (0, 0))
        super().draw(surface)
