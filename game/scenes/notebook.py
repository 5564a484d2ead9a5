"""The case notebook: the clues so far, and the suspects' faces to check them against.
From here the pupil names the alien (A)."""

from __future__ import annotations

import pygame

from game.scenes.base import Host
from game.scenes.card import CardScene
from game.scenes.dialogue import Portraits
from game.ui import look
from game.world.case import clue_statement
from game.world.world import World

FACE = 96


def draw_suspects(surface: pygame.Surface, world: World, x: int, y: int, width: int,
                  selected: int | None = None) -> list[pygame.Rect]:
    """The candidates side by side, with name and role: the pupil compares them with clues."""
    level = world.level
    candidates = level.alien.candidates if level.alien else []
    step = min(220, width // max(1, len(candidates)))
    rects = []
    for i, cid in enumerate(candidates):
        character = level.character(cid)
        rect = pygame.Rect(x + i * step, y, step - 16, FACE + 70)
        chosen = i == selected
        face = pygame.transform.smoothscale(Portraits.get(character.sprite, "neutral"),
                                            (FACE, FACE))
        colour = look.PAPER if chosen else look.INK
        # The full name, as the characters say it ("Mevrouw Bakker"), wrapped to the card.
        lines = look.wrap(f"{i + 1}. {character.name}", 24, rect.w - 8)
        rect.h = FACE + 24 + len(lines) * look.line_height(24)
        pygame.draw.rect(surface, look.ACCENT if chosen else look.ACCENT_SOFT, rect,
                         border_radius=10)
        surface.blit(face, face.get_rect(midtop=(rect.centerx, rect.y + 8)))
        line_y = rect.y + FACE + 14
        for line in lines:
            label = look.text(line, 24, colour, bold=True)
            surface.blit(label, label.get_rect(midtop=(rect.centerx, line_y)))
            line_y += look.line_height(24)
        rects.append(rect)
    return rects


class NotebookScene(CardScene):
    close_action = "notebook"

    def __init__(self, app: Host, world: World) -> None:
        super().__init__(app, world)
        world.open_notebook()

    def title(self) -> str:
        return self.app.texts("notebook_title")

    def hint(self) -> str:
        return self.app.texts("notebook_hint_solved" if self.world.state.solved
                              else "notebook_hint")

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_a and not self.world.state.solved:
            self.app.replace_with("accusation", world=self.world)
            return
        super().handle(event)

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang, world = self.app.texts, self.app.texts.language, self.world
        assert world.case is not None  # the notebook opens only in a level with a case
        surface.blit(look.text(t("notebook_clues"), 34, look.ACCENT, bold=True), area.topleft)
        y = area.y + 46
        if not world.state.clues:
            y = look.blit_lines(surface, look.wrap(t("notebook_none"), 32, area.w), 32, area.x,
                                y, look.MUTED)
            y = look.blit_lines(surface, look.wrap(t("notebook_how"), 28, area.w), 28, area.x,
                                y + 6, look.MUTED)
        for clue_id in world.state.clues:
            clue = world.level.clue(clue_id)
            surface.blit(look.text(clue.text.get(lang), 28, look.MUTED), (area.x, y))
            y = look.blit_lines(surface, look.wrap(clue_statement(world.level, world.case,
                                                                  clue_id).get(lang), 34,
                                                   area.w), 34, area.x + 20, y + 30)
            y += 10
        top = max(y + 10, area.bottom - FACE - 120)
        surface.blit(look.text(t("notebook_suspects"), 34, look.ACCENT, bold=True),
                     (area.x, top))
        draw_suspects(surface, world, area.x, top + 44, area.w)
