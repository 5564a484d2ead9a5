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
                  selected: int | None = None, language: str = "nl") -> list[pygame.Rect]:
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
        lines = look.wrap(f"{i + 1}. {character.named(language)}", 24, rect.w - 8)
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
        """The suspects' faces on top, the clues below them, sized to fit what is left."""
        t, lang, world = self.app.texts, self.app.texts.language, self.world
        assert world.case is not None  # the notebook opens only in a level with a case
        heading = look.line_height(32, 1.5)
        surface.blit(look.text(t("notebook_suspects"), 32, look.ACCENT, bold=True),
                     area.topleft)
        cards = draw_suspects(surface, world, area.x, area.y + heading, area.w,
                              language=self.app.texts.language)
        y = max((r.bottom for r in cards), default=area.y) + 16
        surface.blit(look.text(t("notebook_clues"), 32, look.ACCENT, bold=True), (area.x, y))
        y += heading
        if not world.state.clues:
            paragraphs = [t("notebook_none"), t("notebook_how")]
        else:
            paragraphs = [f"{world.level.clue(c).text.get(lang)} "
                          f"{clue_statement(world.level, world.case, c).get(lang)}"
                          for c in world.state.clues]
        look.blit_list(surface, paragraphs, 30, area.x, y, area.w - 20, area.bottom,
                       look.INK if world.state.clues else look.MUTED)
