"""Settings (for now: language). Saved on this machine at once."""

from __future__ import annotations

import pygame

from game import input as keys
from game.scenes.base import Scene
from game.ui import look
from game.ui.menu import Menu
from game.ui.texts import LANGUAGES

# Characters per second; "instant" shows a whole line at once.
TEXT_SPEEDS = (("slow", 25), ("normal", 45), ("fast", 90), ("instant", "instant"))


class SettingsScene(Scene):
    transparent = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.menu = self._menu()

    def _menu(self) -> Menu:
        t = self.app.texts
        speed = t(f"speed_{self._speed_name()}")
        return Menu([(t("settings_language", value=t("language_name")), self._toggle_language),
                     (t("settings_text_speed", value=speed), self._next_speed),
                     (t("settings_back"), self._close)], width=560)

    def _speed_name(self) -> str:
        current = self.app.settings.get("text_speed", 45)
        return next((name for name, value in TEXT_SPEEDS if value == current), "normal")

    def _next_speed(self) -> None:
        names = [name for name, _ in TEXT_SPEEDS]
        following = TEXT_SPEEDS[(names.index(self._speed_name()) + 1) % len(TEXT_SPEEDS)]
        self.app.settings["text_speed"] = following[1]
        self.app.store.save_settings(self.app.settings)
        self._rebuild()

    def _toggle_language(self) -> None:
        current = LANGUAGES.index(self.app.texts.language)
        self.app.set_language(LANGUAGES[(current + 1) % len(LANGUAGES)])
        self._rebuild()

    def _rebuild(self) -> None:
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
        box = pygame.Rect(0, 0, 680, 430)
        box.center = (w // 2, h // 2)
        look.panel(surface, box)
        t = self.app.texts
        title = look.text(t("settings_title"), 56, look.INK, bold=True)
        surface.blit(title, title.get_rect(midtop=(box.centerx, box.y + 28)))
        self.menu.draw(surface, box.centerx, box.y + 110)
        hint = look.text(t("settings_hint"), 26, look.MUTED)
        surface.blit(hint, hint.get_rect(midbottom=(box.centerx, box.bottom - 20)))
