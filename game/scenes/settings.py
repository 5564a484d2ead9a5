"""Settings: every option on one calm screen, saved for this pupil at once.

Enter or a click moves a row to its next value; left and right step through it.
Keys are changed on their own screen (KeysScene), because choosing a key needs
the keyboard to itself for a moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game import input as keys
from game.scenes.base import Host
from game.scenes.menu_panel import MenuPanelScene
from game.settings import ACTIONS, DEFAULT_KEYS, TEXT_SPEEDS, VOLUME_STEPS, next_value
from game.ui import look
from game.ui.menu import Menu

# (setting, label key, how its value reads)
ROWS: tuple[tuple[str, str], ...] = (
    ("language", "settings_language"),
    ("text_speed", "settings_text_speed"),
    ("choice_pause", "settings_choice_pause"),
    ("text_size", "settings_text_size"),
    ("font", "settings_font"),
    ("low_stimulus", "settings_low_stimulus"),
    ("time_pressure", "settings_time_pressure"),
    ("sound_volume", "settings_sound"),
    ("music_volume", "settings_music"),
    ("fullscreen", "settings_fullscreen"),
    ("route_assist", "settings_route"),
    ("help_when_stuck", "settings_help_when_stuck"),
)


class SettingsScene(MenuPanelScene):
    title_key = "settings_title"
    size = (760, 700)
    bottom_space = 50

    def _menu(self) -> Menu:
        t = self.app.texts
        items: list[tuple[str, Callable[[], None]]] = []
        adjust: dict[int, Callable[[int], None]] = {}
        for index, (setting, label_key) in enumerate(ROWS):
            value = self.app.settings[setting]
            items.append((t(label_key, value=self._value_text(setting, value)),
                          self._stepper(setting, 1)))
            adjust[index] = self._adjuster(setting)
        items.append((t("settings_keys"), self._keys))
        items.append((t("settings_back"), self.close))
        return Menu(items, width=660, size=28, gap=5, adjust=adjust, min_size=26)

    def _value_text(self, setting: str, value: Any) -> str:
        t = self.app.texts
        if setting == "language":
            return str(t.catalogues[value]["language_name"])
        if setting == "text_speed":
            return t(f"speed_{next(n for n, v in TEXT_SPEEDS if v == value)}")
        if setting == "choice_pause":
            return t("choice_pause_value", n=value) if value else t("toggle_off")
        if setting == "text_size":
            return t(f"size_{value}")
        if setting == "font":
            return t(f"font_{value}")
        if setting.endswith("_volume"):
            return t("volume_value", value=value, top=VOLUME_STEPS) if value else t("volume_off")
        return t("toggle_on" if value else "toggle_off")

    def _stepper(self, setting: str, step: int) -> Callable[[], None]:
        return lambda: self._change(setting, step)

    def _adjuster(self, setting: str) -> Callable[[int], None]:
        return lambda step: self._change(setting, step)

    def _change(self, setting: str, step: int) -> None:
        self.app.change_setting(setting, next_value(setting, self.app.settings[setting], step))
        self.rebuild()

    def _keys(self) -> None:
        self.app.open("keys")

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        hint = look.text(self.app.texts("settings_hint"), 24, look.MUTED)
        surface.blit(hint, hint.get_rect(midbottom=(self.box.centerx, self.box.bottom - 14)))


class KeysScene(MenuPanelScene):
    """Choose the letter for each action; arrows, Enter and Esc always keep working."""

    title_key = "keys_title"
    size = (760, 700)  # as large as the settings panel below, which it covers
    bottom_space = 50

    def __init__(self, app: Host) -> None:
        self.waiting_for: str | None = None
        self.message = ""
        super().__init__(app)

    def _menu(self) -> Menu:
        t = self.app.texts
        current = keys.keymap()
        items: list[tuple[str, Callable[[], None]]] = [
            (t("keys_row", action=t(f"action_{action}"), letter=current.label(action)),
             self._waiter(action)) for action in ACTIONS]
        items.append((t("keys_reset"), self._reset))
        items.append((t("settings_back"), self.close))
        return Menu(items, width=560, size=28, gap=5, min_size=26)

    def _waiter(self, action: str) -> Callable[[], None]:
        def wait() -> None:
            self.waiting_for = action
            self.message = self.app.texts("keys_press", action=self.app.texts(f"action_{action}"))
        return wait

    def _reset(self) -> None:
        self.app.change_setting("keys", dict(DEFAULT_KEYS))
        self.message = self.app.texts("keys_were_reset")
        self.rebuild()

    def handle(self, event: pygame.event.Event) -> None:
        if self.waiting_for is None:
            super().handle(event)
            return
        if event.type != pygame.KEYDOWN:
            return
        action, self.waiting_for = self.waiting_for, None
        name = pygame.key.name(event.key)
        if event.key in keys.BACK_KEYS:
            self.message = ""
            return
        if len(name) != 1 or not name.isalnum():
            self.message = self.app.texts("keys_letters_only")
            return
        chosen = dict(self.app.settings["keys"])
        other = next((a for a, key in chosen.items() if key == name and a != action), None)
        if other is not None:  # swap, so no action is ever left without a key
            chosen[other] = chosen[action]
        chosen[action] = name
        self.app.change_setting("keys", chosen)
        self.message = self.app.texts("keys_saved")
        self.rebuild()

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        text = self.message or self.app.texts("keys_hint")
        colour = look.ACCENT if self.waiting_for else look.MUTED
        line = look.text(text, 26, colour, bold=bool(self.waiting_for))
        surface.blit(line, line.get_rect(midbottom=(self.box.centerx, self.box.bottom - 14)))
