"""The calm screen after an error nobody expected: the pupil's choices are safe, and
this is where the report for the mentor or IT is. In Dutch first and in English
alongside, whatever the settings say (the settings themselves may be what failed).

The app has already written the error to the log file and closed the choice log
(App.crash); Enter, Esc or closing the window ends the game.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game import input as keys
from game.scenes.backdrop import card_on_backdrop
from game.scenes.base import Host, Scene
from game.text.catalogue import LANGUAGES, Texts
from game.ui import look

TITLE = 40
BODY = 26


class CrashScene(Scene):
    def __init__(self, app: Host, report: Path | None) -> None:
        super().__init__(app)
        self.report = report

    def lines(self, language: str) -> tuple[str, list[str]]:
        """The title and the sentences in one language."""
        t = Texts(language)
        where = (t("crash_report", path=str(self.report)) if self.report is not None
                 else t("crash_no_report"))
        return t("crash_title"), [t("crash_saved"), where, t("crash_close")]

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS | keys.CONFIRM_KEYS):
            self.app.quit_now()

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        box = card_on_backdrop(surface, w - 120, h - 120)
        y = box.y + 26
        for language in LANGUAGES:  # Dutch first
            colour = look.INK if language == "nl" else look.MUTED
            title, sentences = self.lines(language)
            surface.blit(look.text(title, TITLE, colour, bold=True), (box.x + 30, y))
            y += TITLE + 14
            for sentence in sentences:
                wrapped = look.wrap(sentence, BODY, box.w - 60)
                look.blit_lines(surface, wrapped, BODY, box.x + 30, y, colour)
                y += len(wrapped) * (BODY + 4) + 8
            y += 24
