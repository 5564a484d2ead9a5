"""Settings (for now: language). Saved on this machine at once."""

from __future__ import annotations

import pygame

from game import input as keys
from game.scenes.base import Scene
from game.ui import look
from game.ui.menu import Menu
from game.ui.texts import LANGUAGES


class SettingsScene(Scene):
    transparent = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.menu = self._menu()

    def _menu(self) -> Menu:
        t = self.app.texts
        return Menu([(t("settings_language", value=t("language_name")), self._toggle_language),
                      (t("settings_back"), self._close)], width=520)

    def _toggle_language(self) -> None:
        current = LANGUAGES.index(self.app.texts.language)
        self.app.set_language(LANGUAGES[(current + 1) % len(LANGUAGES)])
        selected = self.menu.selected
        self.menu = self._menu()
        self.menu.selected = selected

    def _close(self) -> None:
        self.app.pop()

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS):
            self._close()
        else:
            self.menu.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        box = pygame.Rect(0, 0, 640, 360)
        box.center = (w // 2, h // 2)
        look.panel(surface, box)
        t = self.app.texts
        title = look.text(t("settings_title"), 56, look.INK, bold=True)
        surface.blit(title, title.get_rect(midtop=(box.centerx, box.y + 28)))
        self.menu.draw(surface, box.centerx, box.y + 110)
        hint = look.text(t("settings_hint"), 26, look.MUTED)
        surface.blit(hint, hint.get_rect(midbottom=(box.centerx, box.bottom - 20)))
