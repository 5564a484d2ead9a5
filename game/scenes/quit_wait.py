"""Quitting while some of the pupil's work is not in the log yet: say so, offer to wait.

The session is already closed (saved, `quit` logged or kept). While this screen is up
the game keeps trying to write; once everything is in the log it closes by itself.
"Stop now" is always there: what is in the spill file is merged at the next start, and
the screen says plainly when something would be lost.
"""

from __future__ import annotations

import pygame

from game.save_status import Waiting
from game.scenes.backdrop import backdrop
from game.scenes.base import Host
from game.scenes.menu_panel import MenuPanelScene
from game.ui.menu import Menu

TRY_EVERY = 30  # frames: twice a second


class QuitWaitScene(MenuPanelScene):
    title_key = "quit_wait_title"
    size = (820, 460)

    def __init__(self, app: Host) -> None:
        self.waiting = Waiting()
        self.frames = 0
        super().__init__(app)
        self.waiting = app.try_to_save()

    def _menu(self) -> Menu:
        t = self.app.texts
        return Menu([(t("quit_wait_keep"), self._keep_waiting),
                     (t("quit_wait_stop"), self.app.quit_now)], width=560)

    def _keep_waiting(self) -> None:
        self.waiting = self.app.try_to_save()

    def close(self) -> None:
        """Esc: there is no game to go back to; keep waiting."""
        self._keep_waiting()

    def update(self, dt: float) -> None:
        self.frames += 1
        if self.frames % TRY_EVERY == 0:
            self.waiting = self.app.try_to_save()
        if self.waiting.nothing:
            self.app.quit_now()

    def body_text(self) -> str:
        t, w = self.app.texts, self.waiting
        parts = []
        if w.in_memory:
            parts.append(t("quit_wait_memory", why=t(f"saving_why_{w.trouble or 'other'}")))
        elif w.in_spill:
            parts.append(t("quit_wait_spill"))
        if w.unsent:
            parts.append(t("upload_kept"))
        return "\n".join(parts)

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(backdrop(surface.get_size()), (0, 0))
        super().draw(surface)
