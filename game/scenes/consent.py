"""Before anything leaves the machine, the pupil reads in plain words what goes to whom,
and says yes or no. Nothing is chosen in advance and a held key never answers.

Two ways out: the class's dashboard (class mode with the teacher's server) and a file
for the mentor (from the pause menu). "Nee" is a full answer: the game goes on and
nothing is sent or saved for anyone else.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game import input as keys
from game.events.voice import Destination
from game.scenes.base import Host, Scene
from game.scenes.card import option_rows, pick
from game.ui import look

MARGIN = 40
POINTS = ("what", "who", "not", "no")
"""The plain-word points of the consent card, in order (catalogue `consent_<to>_<point>`)."""


class ConsentScene(Scene):
    def __init__(self, app: Host, to: Destination, yes: Callable[[], None],
                 no: Callable[[], None], **values: str) -> None:
        super().__init__(app)
        self.to = to
        self.yes, self.no = yes, no
        self.values = values
        self.selected: int | None = None
        self.rects: list[pygame.Rect] = []

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS):
            self.no()  # Esc is "no": nothing leaves
            return
        self.selected, confirmed = pick(event, 2, self.selected, self.rects)
        if confirmed and self.selected is not None:
            (self.yes if self.selected == 0 else self.no)()

    def points(self) -> list[str]:
        t = self.app.texts
        return [t(f"consent_{self.to}_{point}", **self.values) for point in POINTS]

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        veil = pygame.Surface((w, h), pygame.SRCALPHA)
        veil.fill((30, 36, 52, 160))
        surface.blit(veil, (0, 0))
        box = pygame.Rect(MARGIN, MARGIN, w - 2 * MARGIN, h - 2 * MARGIN)
        look.panel(surface, box)
        t = self.app.texts
        inner = box.w - 60
        y = look.blit_lines(surface, look.wrap(t(f"consent_{self.to}_title"), 44, inner,
                                               bold=True), 44, box.x + 30, box.y + 22,
                            look.INK, bold=True) + 12
        for point in self.points():
            y = look.blit_lines(surface, look.wrap("• " + point, 28, inner - 10), 28,
                                box.x + 40, y) + 8
        self.rects = option_rows(surface, [t("consent_yes"), t("consent_no")], self.selected,
                                 box.x + 30, y + 14, min(inner, 640), size=30, row=46)
        hint = look.text(t("choose_hint"), 26, look.MUTED)
        surface.blit(hint, hint.get_rect(bottomright=(box.right - 24, box.bottom - 14)))
