"""Settings (language, text speed, route on the floor plan). Saved on this machine at once."""

from __future__ import annotations

import pygame

from game.scenes.menu_panel import MenuPanelScene
from game.ui import look
from game.ui.menu import Menu
from game.ui.texts import LANGUAGES

# Characters per second; "instant" shows a whole line at once.
TEXT_SPEEDS = (("slow", 25), ("normal", 45), ("fast", 90), ("instant", "instant"))


class SettingsScene(MenuPanelScene):
    title_key = "settings_title"
    size = (680, 500)

    def _menu(self) -> Menu:
        t = self.app.texts
        speed = t(f"speed_{self._speed_name()}")
        return Menu([(t("settings_language", value=t("language_name")), self._toggle_language),
                     (t("settings_text_speed", value=speed), self._next_speed),
                     (t("settings_route", value=t("toggle_on" if self.app.settings.get(
                         "route_assist") else "toggle_off")), self._toggle_route),
                     (t("settings_back"), self.close)], width=560)

    def _speed_name(self) -> str:
        current = self.app.settings.get("text_speed", 45)
        return next((name for name, value in TEXT_SPEEDS if value == current), "normal")

    def _next_speed(self) -> None:
        names = [name for name, _ in TEXT_SPEEDS]
        following = TEXT_SPEEDS[(names.index(self._speed_name()) + 1) % len(TEXT_SPEEDS)]
        self.app.settings["text_speed"] = following[1]
        self.app.store.save_settings(self.app.settings)
        self.rebuild()

    def _toggle_route(self) -> None:
        """An assist: the floor plan draws the way to the next lesson."""
        self.app.settings["route_assist"] = not self.app.settings.get("route_assist", False)
        self.app.store.save_settings(self.app.settings)
        self.rebuild()

    def _toggle_language(self) -> None:
        current = LANGUAGES.index(self.app.texts.language)
        self.app.set_language(LANGUAGES[(current + 1) % len(LANGUAGES)])
        self.rebuild()

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        hint = look.text(self.app.texts("settings_hint"), 26, look.MUTED)
        surface.blit(hint, hint.get_rect(midbottom=(self.box.centerx, self.box.bottom - 20)))
