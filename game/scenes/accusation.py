"""Naming the alien: pick a suspect, pick a clue as evidence, hear the outcome.

A wrong guess is a learning moment: the game points to a clue that does not
fit, or says more clues are needed, and the pupil may try again. Nothing is
highlighted in advance and a held key is one press, so every accusation is a
deliberate one. Without any clue the game asks kindly whether the pupil is sure.
At the end of the mission "I don't know yet" is an answer too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import pygame

from game import input as keys
from game.events.case import Accused
from game.scenes.base import Host
from game.scenes.card import CardScene, option_rows, pick
from game.scenes.notebook import draw_suspects
from game.ui import look
from game.world.case import clue_statement
from game.world.world import World

Stage = Literal["suspect", "unsure", "evidence", "result"]


class AccusationScene(CardScene):
    def __init__(self, app: Host, world: World, *,
                 then: Callable[[], None] | None = None,
                 not_yet: Callable[[], None] | None = None) -> None:
        super().__init__(app, world)
        assert world.level.alien is not None and world.case is not None
        self.stage: Stage = "suspect"
        self.selected: int | None = None
        self.rects: list[pygame.Rect] = []
        self.suspect: str | None = None
        self.result: Accused | None = None
        self.then = then  # what comes after a right answer (the end of the mission)
        self.not_yet = not_yet  # the end of the mission: "I don't know yet" is allowed

    @property
    def candidates(self) -> list[str]:
        assert self.world.level.alien is not None
        return self.world.level.alien.candidates

    def title(self) -> str:
        t = self.app.texts
        if self.stage == "result" and self.result:
            return t("accuse_right_title" if self.result.correct else "accuse_wrong_title")
        return t({"suspect": "accuse_pick", "unsure": "accuse_unsure_title",
                  "evidence": "accuse_evidence", "result": "accuse_pick"}[self.stage])

    def hint(self) -> str:
        if self.stage == "result":
            return self.app.texts("dialogue_next")
        return self.app.texts("accuse_hint_back" if self._can_go_back() else "accuse_hint")

    def _can_go_back(self) -> bool:
        return self.stage != "suspect" or self.then is None

    def _choices(self) -> int:
        """How many rows the pupil can choose from at this stage."""
        if self.stage == "suspect":
            return len(self.candidates) + (1 if self.not_yet else 0)
        if self.stage == "unsure":
            return 2
        return len(self.world.state.clues)

    def handle(self, event: pygame.event.Event) -> None:
        if self.stage == "result":
            if keys.is_key(event, keys.CONFIRM_KEYS | keys.BACK_KEYS) or keys.is_click(event):
                self._after_result()
            return
        if keys.is_key(event, keys.BACK_KEYS):
            self._back()
            return
        self.selected, confirmed = pick(event, self._choices(), self.selected, self.rects)
        if not confirmed or self.selected is None:
            return
        choice, self.selected = self.selected, None
        if self.stage == "suspect":
            if choice >= len(self.candidates):  # "I don't know yet"
                self.app.pop()
                if self.not_yet:
                    self.not_yet()
                return
            self.suspect = self.candidates[choice]
            self.stage = "evidence" if self.world.state.clues else "unsure"
        elif self.stage == "unsure":
            if choice == 0:  # "yes, I want to guess"
                self._accuse(None)
            else:
                self._back()
        else:
            self._accuse(self.world.state.clues[choice])

    def _accuse(self, evidence: str | None) -> None:
        assert self.suspect is not None
        self.result = self.world.accuse(self.suspect, evidence)
        self.stage = "result"

    def _after_result(self) -> None:
        if self.result is not None and self.result.correct:
            self.app.pop()
            if self.then:
                self.then()
        else:
            self.stage, self.selected, self.result = "suspect", None, None  # another try

    def _back(self) -> None:
        if self.stage == "suspect":
            if self.then is None:
                self.close()
        else:
            self.stage, self.selected = "suspect", None

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang, world = self.app.texts, self.app.texts.language, self.world
        assert world.case is not None
        if self.stage == "suspect":
            self.rects = draw_suspects(surface, world, area.x, area.y + 10, area.w,
                                       self.selected, language=t.language)
            y = max((r.bottom for r in self.rects), default=area.y) + 20
            if self.not_yet:
                label = t("accuse_not_yet")
                rows = option_rows(surface, [label], 0 if self.selected == len(
                    self.candidates) else None, area.x, y, min(area.w, 620), size=28, row=46,
                    first_number=len(self.candidates) + 1)
                self.rects = [*self.rects, *rows]
                y += 66
            look.blit_list(surface, [clue_statement(world.level, world.case, c).get(lang)
                                     for c in world.state.clues], 28, area.x, y, area.w,
                           area.bottom, gap=0)
        elif self.stage == "unsure":
            y = look.blit_lines(surface, look.wrap(t("accuse_unsure"), 34, area.w), 34, area.x,
                                area.y + 10)
            self.rects = option_rows(surface, [t("accuse_unsure_yes"), t("accuse_unsure_no")],
                                     self.selected, area.x, y + 20, min(area.w, 700), size=30)
        elif self.stage == "evidence":
            labels = [clue_statement(world.level, world.case, c).get(lang)
                      for c in world.state.clues]
            # Many clues stand in two columns, numbered down the first and on in the second.
            half = (len(labels) + 1) // 2 if len(labels) > 5 else len(labels)
            column_w = area.w if half == len(labels) else (area.w - 16) // 2
            selected = self.selected
            self.rects = option_rows(surface, labels[:half], selected if selected is not None
                                     and selected < half else None, area.x, area.y + 20,
                                     column_w, size=30)
            if half < len(labels):
                self.rects += option_rows(
                    surface, labels[half:], selected - half if selected is not None
                    and selected >= half else None, area.x + column_w + 16, area.y + 20,
                    column_w, size=30, first_number=half + 1)
        elif self.result is not None:
            name = world.level.character(self.result.suspect).named(t.language)
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
