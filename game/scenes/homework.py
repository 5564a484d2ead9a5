"""The homework task: a few short questions; a wrong answer just asks to try again."""

from __future__ import annotations

import pygame

from game.scenes.base import Host
from game.scenes.card import CardScene, option_rows, pick
from game.ui import look
from game.world.homework import When
from game.world.world import World


class HomeworkScene(CardScene):
    def __init__(self, app: Host, world: World, homework_id: str, when: When) -> None:
        super().__init__(app, world)
        self.task = world.homework_task(homework_id, when)
        self.selected: int | None = None  # an answer is never chosen in advance
        self.rects: list[pygame.Rect] = []
        self.feedback: str | None = None

    def title(self) -> str:
        return self.app.texts("task_title", title=self.task.homework.title.get(
            self.app.texts.language))

    def hint(self) -> str:
        return self.app.texts("dialogue_next" if self.task.done else "task_hint")

    def handle(self, event: pygame.event.Event) -> None:
        if self.task.done:
            if event.type == pygame.KEYDOWN or (event.type == pygame.MOUSEBUTTONDOWN):
                self.close()
            return
        shown = self.task.shown
        self.selected, confirmed = pick(event, len(shown), self.selected, self.rects)
        if confirmed and self.selected is not None:
            right = self.task.answer(shown[self.selected])
            self.feedback = "task_right" if right else \
                "task_easier" if self.task.easier and self.task.wrong_here == 2 else "task_wrong"
            self.selected = None  # Enter again never repeats the same answer
            return
        super().handle(event)

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang = self.app.texts, self.app.texts.language
        if self.task.done:
            look.blit_lines(surface, look.wrap(t("task_done"), 40, area.w), 40, area.x,
                            area.y + 40, (60, 140, 90))
            return
        question = self.task.question
        assert question is not None
        total = len(self.task.homework.task)
        surface.blit(look.text(t("task_progress", n=self.task.index + 1, total=total), 30,
                               look.MUTED), area.topleft)
        y = look.blit_lines(surface, look.wrap(question.text.get(lang), 40, area.w), 40,
                            area.x, area.y + 44)
        if self.task.easier:
            hint = question.hint.get(lang) if question.hint else t("task_hint_generic")
            y = look.blit_lines(surface, look.wrap(hint, 30, area.w), 30, area.x, y + 10,
                                look.ACCENT)
        self.rects = option_rows(surface, [question.options[i].get(lang)
                                           for i in self.task.shown],
                                 self.selected, area.x, y + 20, min(area.w, 700))
        if self.feedback:
            colour = (60, 140, 90) if self.feedback == "task_right" else \
                look.ACCENT if self.feedback == "task_easier" else (190, 120, 40)
            surface.blit(look.text(t(self.feedback), 34, colour, bold=True),
                         (area.x, area.bottom - 30))
