"""A big panel over the school (floor plan, agenda, notebook, reflection): one look, Esc closes."""

from __future__ import annotations

import pygame

from game import input as keys
from game.scenes.base import Host, Scene
from game.ui import look
from game.world.world import World

MARGIN = 40


class CardScene(Scene):
    transparent = True
    close_action: str | None = None  # the key that opened this card also closes it

    def __init__(self, app: Host, world: World) -> None:
        super().__init__(app)
        self.world = world

    def title(self) -> str:
        raise NotImplementedError

    def hint(self) -> str:
        return ""

    def close(self) -> None:
        self.app.pop()

    def update(self, dt: float) -> None:
        """With time pressure on, the school clock runs on while the pupil looks things up."""
        if self.world is not None and self.world.time_pressure:
            self.world.update(dt)

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS) or (
                self.close_action is not None and keys.is_action(event, self.close_action)):
            self.close()

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        veil = pygame.Surface((w, h), pygame.SRCALPHA)
        veil.fill((30, 36, 52, 120))
        surface.blit(veil, (0, 0))
        box = pygame.Rect(MARGIN, MARGIN, w - 2 * MARGIN, h - 2 * MARGIN)
        look.panel(surface, box)
        title = look.text(self.title(), 50, look.INK, bold=True)
        surface.blit(title, (box.x + 30, box.y + 22))
        hint = self.hint()
        if hint:
            label = look.text(hint, 28, look.MUTED)
            surface.blit(label, label.get_rect(bottomright=(box.right - 24, box.bottom - 14)))
        top = max(80, 22 + title.get_height() + 14)  # large text pushes the body down
        self.draw_body(surface, pygame.Rect(box.x + 30, box.y + top, box.w - 60,
                                            box.h - top - 50))

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        raise NotImplementedError


def option_rows(surface: pygame.Surface, labels: list[str], selected: int, x: int, y: int,
                width: int, size: int = 32, row: int = 50) -> list[pygame.Rect]:
    """Numbered, highlighted rows (choices); returns their rects for the mouse."""
    rects = []
    for i, label in enumerate(labels):
        rect = pygame.Rect(x, y + i * (row + 8), width, row)
        chosen = i == selected
        pygame.draw.rect(surface, look.ACCENT if chosen else look.ACCENT_SOFT, rect,
                         border_radius=10)
        colour = look.PAPER if chosen else look.INK
        surface.blit(look.text(f"{i + 1}.  {label}", size, colour),
                     (rect.x + 16, rect.centery - size // 3))
        rects.append(rect)
    return rects


def pick(event: pygame.event.Event, count: int, selected: int,
         rects: list[pygame.Rect]) -> tuple[int, bool]:
    """Arrows, number keys, Enter and the mouse over rows: (selected, confirmed)."""
    if count == 0:
        return selected, False
    if keys.is_key(event, keys.action_keys("down") | keys.action_keys("right")):
        return (selected + 1) % count, False
    if keys.is_key(event, keys.action_keys("up") | keys.action_keys("left")):
        return (selected - 1) % count, False
    if keys.is_key(event, keys.NUMBER_KEYS) and keys.NUMBER_KEYS[event.key] < count:
        return keys.NUMBER_KEYS[event.key], True
    if keys.is_key(event, keys.CONFIRM_KEYS):
        return selected, True
    if event.type == pygame.MOUSEMOTION:
        for i, rect in enumerate(rects):
            if rect.collidepoint(event.pos):
                return i, False
    if keys.is_click(event):
        for i, rect in enumerate(rects):
            if rect.collidepoint(event.pos):
                return i, True
    return selected, False
