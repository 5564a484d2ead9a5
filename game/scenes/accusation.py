"""Naming the alien: pick a suspect, pick a clue as evidence, hear the outcome.

A wrong guess is a learning moment: the game points to a clue that does not
fit, or says more clues are needed, and the pupil may try again.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game import input as keys
from game.events.case import Accused
from game.scenes.base import Host
from game.scenes.card import CardScene, option_rows, pick
from game.scenes.notebook import FACE, draw_suspects
from game.ui import look
from game.world.case import clue_statement
from game.world.world import World


class AccusationScene(CardScene):
    def __init__(self, app: Host, world: World, *,
                 then: Callable[[], None] | None = None) -> None:
        super().__init__(app, world)
        self.stage = "suspect"  # suspect -> evidence -> result
        self.selected = 0
        self.rects: list[pygame.Rect] = []
        self.suspect: str | None = None
        self.result: Accused | None = None
        self.then = then  # what comes after a right answer (the end of the game)

    def title(self) -> str:
        t = self.app.texts
        if self.stage == "result" and self.result:
            return t("accuse_right_title" if self.result.correct else "accuse_wrong_title")
        return t("accuse_pick" if self.stage == "suspect" else "accuse_evidence")

    def hint(self) -> str:
        return self.app.texts("dialogue_next" if self.stage == "result" else "accuse_hint")

    def _options(self) -> list[str | None]:
        return [*self.world.state.clues, None]

    def handle(self, event: pygame.event.Event) -> None:
        assert self.world.level.alien is not None
        candidates = self.world.level.alien.candidates
        if self.stage == "result":
            if keys.is_key(event, keys.CONFIRM_KEYS | keys.BACK_KEYS) or keys.is_click(event):
                if self.result and self.result.correct:
                    self.app.pop()
                    if self.then:
                        self.then()
                else:
                    self.stage, self.selected = "suspect", 0  # a second chance
            return
        count = len(candidates) if self.stage == "suspect" else len(self._options())
        self.selected, confirmed = pick(event, count, self.selected, self.rects)
        if confirmed and self.stage == "suspect":
            self.suspect = candidates[self.selected]
            self.stage, self.selected = "evidence", 0
        elif confirmed:
            evidence = self._options()[self.selected]
            assert self.suspect is not None
            self.result = self.world.accuse(self.suspect, evidence)
            self.stage = "result"
        elif keys.is_key(event, keys.BACK_KEYS) and self.then is None:
            self.close()

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang, world = self.app.texts, self.app.texts.language, self.world
        assert world.case is not None  # accusing needs a case
        if self.stage == "suspect":
            self.rects = draw_suspects(surface, world, area.x, area.y + 20, area.w,
                                       self.selected)
            y = area.y + FACE + 120
            for clue_id in world.state.clues:
                line = "• " + clue_statement(world.level, world.case, clue_id).get(lang)
                surface.blit(look.text(line, 30, look.INK), (area.x, y))
                y += 40
        elif self.stage == "evidence":
            labels = [clue_statement(world.level, world.case, c).get(lang) if c else
                      t("accuse_no_evidence") for c in self._options()]
            self.rects = option_rows(surface, labels, self.selected, area.x, area.y + 20,
                                     area.w, size=30)
        elif self.result is not None:
            name = world.level.character(self.result.suspect).name
            if self.result.correct:
                lines = [t("accuse_right", name=name)]
            elif self.result.misfit:
                clue = clue_statement(world.level, world.case, self.result.misfit).get(lang)
                lines = [t("accuse_wrong_misfit", clue=clue, name=name), t("accuse_second")]
            else:
                lines = [t("accuse_wrong_few"), t("accuse_second")]
            y = area.y + 30
            for line in lines:
                y = look.blit_lines(surface, look.wrap(line, 38, area.w), 38, area.x, y) + 20
