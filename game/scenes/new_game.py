"""New game: the pupil types a pseudonym or the mentor's code, then reads the mission."""

from __future__ import annotations

import re

import pygame

from game import input as keys
from game.scenes.backdrop import card_on_backdrop
from game.scenes.base import Scene
from game.ui import look

NAME_PATTERN = re.compile(r"^[\w\- ]{2,20}$")


def valid_pseudonym(name: str) -> bool:
    return bool(NAME_PATTERN.match(name.strip()))


class NewGameScene(Scene):
    def __init__(self, app) -> None:
        super().__init__(app)
        self.name = ""
        self.invalid = False
        pygame.key.start_text_input()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.TEXTINPUT:
            if len(self.name) < 20:
                self.name += event.text
                self.invalid = False
        elif keys.is_key(event, {pygame.K_BACKSPACE}):
            self.name = self.name[:-1]
        elif keys.is_key(event, keys.BACK_KEYS):
            pygame.key.stop_text_input()
            self.app.pop()
        elif keys.is_key(event, {pygame.K_RETURN, pygame.K_KP_ENTER}):
            if valid_pseudonym(self.name):
                pygame.key.stop_text_input()
                self.app.replace(IntroScene(self.app, self.name.strip()))
            else:
                self.invalid = True

    def draw(self, surface: pygame.Surface) -> None:
        box = card_on_backdrop(surface, 820, 400)
        t = self.app.texts
        surface.blit(look.text(t("name_prompt"), 52, look.INK, bold=True), (box.x + 40, box.y + 36))
        look.blit_lines(surface, look.wrap(t("name_help"), 32, box.w - 80), 32, box.x + 40,
                        box.y + 100, look.MUTED)
        field = pygame.Rect(box.x + 40, box.y + 200, box.w - 80, 70)
        pygame.draw.rect(surface, look.PAPER, field, border_radius=10)
        pygame.draw.rect(surface, look.ACCENT, field, 3, border_radius=10)
        shown = look.text(self.name + "|", 52, look.INK)
        surface.blit(shown, (field.x + 16, field.centery - shown.get_height() // 2))
        message = t("name_invalid") if self.invalid else t("name_confirm")
        colour = (170, 80, 60) if self.invalid else look.MUTED
        surface.blit(look.text(message, 30, colour), (box.x + 40, box.y + 300))


class IntroScene(Scene):
    """The mission in a few short sentences, before the school opens."""

    def __init__(self, app, pupil: str) -> None:
        super().__init__(app)
        self.pupil = pupil

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.CONFIRM_KEYS) or keys.is_click(event):
            from game.scenes.school import start_school

            self.app.pop()
            start_school(self.app, self.pupil, resume=False)
        elif keys.is_key(event, keys.BACK_KEYS):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        box = card_on_backdrop(surface, 900, 440)
        t = self.app.texts
        lang = t.language
        level = self.app.content.level
        surface.blit(look.text(f"{t('intro_title')}: {level.title.get(lang)}", 50, look.INK,
                               bold=True), (box.x + 40, box.y + 36))
        y = look.blit_lines(surface, look.wrap(level.intro.get(lang), 38, box.w - 80), 38,
                            box.x + 40, box.y + 110)
        for goal in level.goals[:2]:
            y = look.blit_lines(surface, look.wrap("• " + goal.text.get(lang), 34, box.w - 80),
                                34, box.x + 40, y + 14, look.ACCENT)
        hint = look.text(t("intro_continue"), 32, look.MUTED)
        surface.blit(hint, hint.get_rect(midbottom=(box.centerx, box.bottom - 24)))
