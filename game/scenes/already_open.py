"""A second game window on the same data folder: say the game is already open.

Two windows would write the same saves and settings and fight over the log. The
first one holds a lock file (game/file_lock.py); this window touches nothing until
that lock is free ("Try again"), which it also is when the first game was killed.
"""

from __future__ import annotations

import pygame

from game.scenes.backdrop import backdrop
from game.scenes.menu_panel import MenuPanelScene
from game.ui.menu import Menu


class AlreadyOpenScene(MenuPanelScene):
    title_key = "already_open_title"
    size = (820, 400)

    def _menu(self) -> Menu:
        t = self.app.texts
        return Menu([(t("already_open_retry"), self.app.start_again),
                     (t("already_open_quit"), self.app.quit_now)], width=520)

    def close(self) -> None:
        self.app.quit_now()

    def body_text(self) -> str:
        return self.app.texts("already_open")

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(backdrop(surface.get_size()), (0, 0))
        super().draw(surface)
