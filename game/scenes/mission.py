"""Missions for the real school: the evening's offer, and the next morning's look back.

Never homework: the pupil may say "not now", and "not yet" the next morning is a fine
answer too. Both answers are logged for the mentor (game/events/missions.py).
"""

from __future__ import annotations

from typing import Literal

import pygame

from game.content.missions import Mission
from game.scenes.base import Host
from game.scenes.card import CardScene, option_rows, pick
from game.ui import look
from game.world.world import World

RESULTS: tuple[Literal["done", "partly", "not_yet"], ...] = ("done", "partly", "not_yet")
FEELINGS: tuple[Literal["good", "ok", "hard"], ...] = ("good", "ok", "hard")


class MissionScene(CardScene):
    """The evening: one small mission for the real school; "Doe ik!" or "Nu even niet"."""

    def __init__(self, app: Host, world: World, mission: Mission) -> None:
        super().__init__(app, world)
        self.mission = mission
        self.selected: int | None = None  # nothing chosen in advance
        self.rects: list[pygame.Rect] = []

    def title(self) -> str:
        return self.app.texts("mission_title")

    def hint(self) -> str:
        return self.app.texts("choose_hint")

    def handle(self, event: pygame.event.Event) -> None:
        self.selected, confirmed = pick(event, 2, self.selected, self.rects)
        if confirmed and self.selected is not None:
            self.world.answer_mission(self.mission, accepted=self.selected == 0)
            self.close()
        elif not confirmed:
            super().handle(event)  # Esc: no answer, on to the evening

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang = self.app.texts, self.app.texts.language
        y = look.blit_lines(surface, look.wrap(t("mission_intro"), 32, area.w), 32, area.x,
                            area.y)
        words = look.wrap(self.mission.text.get(lang), 36, area.w - 20, bold=True)
        y = look.blit_lines(surface, words, 36, area.x + 10, y + 18, look.ACCENT, bold=True)
        self.rects = option_rows(surface, [t("mission_yes"), t("mission_not_now")],
                                 self.selected, area.x, y + 30, min(area.w, 700))


class MissionCheckScene(CardScene):
    """The next morning: did it work out, and (if tried) how did it feel?"""

    def __init__(self, app: Host, world: World, mission: Mission) -> None:
        super().__init__(app, world)
        self.mission = mission
        self.result: Literal["done", "partly", "not_yet"] | None = None
        self.selected: int | None = None
        self.rects: list[pygame.Rect] = []

    def title(self) -> str:
        return self.app.texts("mission_check_title")

    def hint(self) -> str:
        return self.app.texts("choose_hint")

    def handle(self, event: pygame.event.Event) -> None:
        count = len(RESULTS) if self.result is None else len(FEELINGS)
        self.selected, confirmed = pick(event, count, self.selected, self.rects)
        if not confirmed or self.selected is None:
            super().handle(event)  # Esc: not now (asked again only the next morning)
            return
        if self.result is None:
            self.result = RESULTS[self.selected]
            self.selected = None
            if self.result == "not_yet":  # nothing tried: no feeling to ask about
                self._done(None)
            return
        self._done(FEELINGS[self.selected])

    def _done(self, feeling: Literal["good", "ok", "hard"] | None) -> None:
        assert self.result is not None
        self.world.check_mission(self.mission, self.result, feeling)
        self.close()

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang = self.app.texts, self.app.texts.language
        words = look.wrap(self.mission.text.get(lang), 34, area.w - 20, bold=True)
        y = look.blit_lines(surface, words, 34, area.x + 10, area.y, look.ACCENT, bold=True) + 20
        if self.result is None:
            question, labels = t("mission_check_question"), [t(f"mission_{r}") for r in RESULTS]
        else:
            question = t("mission_check_feeling")
            labels = [t(f"mission_feel_{f}") for f in FEELINGS]
        y = look.blit_lines(surface, look.wrap(question, 34, area.w, bold=True), 34, area.x, y,
                            look.INK, bold=True)
        self.rects = option_rows(surface, labels, self.selected, area.x, y + 16,
                                 min(area.w, 600))
