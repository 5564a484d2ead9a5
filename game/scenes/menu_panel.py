"""A menu in a panel over the scene below it (pause, settings): one look, one set of keys."""

from __future__ import annotations

import pygame

from game import input as keys
from game.scenes.base import Host, Scene
from game.ui import look
from game.ui.menu import Menu


class MenuPanelScene(Scene):
    transparent = True
    title_key = ""
    size = (600, 380)
    bottom_space = 20  # room under the menu (for a hint line)

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.menu = self._menu()

    def _menu(self) -> Menu:
        raise NotImplementedError

    def rebuild(self) -> None:
        """Labels changed (language, a setting): rebuild, keeping the highlighted item."""
        selected = self.menu.selected
        self.menu = self._menu()
        self.menu.selected = min(selected, len(self.menu.items) - 1)

    def on_resume(self) -> None:
        self.rebuild()

    def close(self) -> None:
        self.app.pop()

    def body_text(self) -> str:
        """Words between the title and the menu (none by default)."""
        return ""

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS):
            self.close()
        else:
            self.menu.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.box = pygame.Rect((0, 0), self.size)
        self.box.center = (surface.get_width() // 2, surface.get_height() // 2)
        look.panel(surface, self.box)
        title = look.text(self.app.texts(self.title_key), 56, look.INK, bold=True)
        surface.blit(title, title.get_rect(midtop=(self.box.centerx, self.box.y + 28)))
        top = self.box.y + 110
        message = self.body_text()
        if message:
            lines = look.wrap(message, 30, self.box.w - 60)
            top = look.blit_lines(surface, lines, 30, self.box.x + 30, self.box.y + 100) + 16
        self.menu.fit(self.box.bottom - top - self.bottom_space)
        self.menu.draw(surface, self.box.centerx, top)
