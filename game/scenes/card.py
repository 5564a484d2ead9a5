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
        """With time pressure on, the school clock runs on while the pupil looks things up;
        without it only real time passes (how long an answer took still counts)."""
        if self.world.time_pressure:
            self.world.update(dt)
        else:
            self.world.think(dt)

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


def step(selected: int | None, count: int, by: int) -> int:
    """Arrows move the highlight; from nothing highlighted, down picks the first and up
    the last."""
    if selected is None:
        return 0 if by > 0 else count - 1
    return (selected + by) % count


def option_rows(surface: pygame.Surface, labels: list[str], selected: int | None, x: int,
                y: int, width: int, size: int = 32, row: int = 50,
                first_number: int = 1) -> list[pygame.Rect]:
    """Numbered rows to choose from, the highlighted one filled; a label too long for
    its row wraps and the row grows. Returns the rows' rects for the mouse."""
    rects = []
    line_h = look.line_height(size)
    for i, label in enumerate(labels):
        lines = look.wrap(f"{first_number + i}.  {label}", size, width - 32)
        height = max(row, look.font(size).get_height() + 12, len(lines) * line_h + 16)
        rect = pygame.Rect(x, y, width, height)
        chosen = i == selected
        pygame.draw.rect(surface, look.ACCENT if chosen else look.ACCENT_SOFT, rect,
                         border_radius=10)
        colour = look.PAPER if chosen else look.INK
        text_h = (len(lines) - 1) * line_h + look.font(size).get_height()
        look.blit_lines(surface, lines, size, rect.x + 16, rect.y + (height - text_h) // 2,
                        colour)
        rects.append(rect)
        y += height + 8
    return rects


def pick(event: pygame.event.Event, count: int, selected: int | None,
         rects: list[pygame.Rect]) -> tuple[int | None, bool]:
    """Arrows, number keys, Enter and the mouse over rows: (selected, confirmed).

    Enter confirms only a highlighted row: where nothing is highlighted at first (an
    answer to a question), Enter alone never chooses."""
    if count == 0:
        return selected, False
    if keys.is_key(event, keys.action_keys("down") | keys.action_keys("right")):
        return step(selected, count, 1), False
    if keys.is_key(event, keys.action_keys("up") | keys.action_keys("left")):
        return step(selected, count, -1), False
    if keys.is_key(event, keys.NUMBER_KEYS) and keys.NUMBER_KEYS[event.key] < count:
        return keys.NUMBER_KEYS[event.key], True
    if keys.is_key(event, keys.CONFIRM_KEYS):
        return selected, selected is not None
    if event.type == pygame.MOUSEMOTION:
        for i, rect in enumerate(rects):
            if rect.collidepoint(event.pos):
                return i, False
    if keys.is_click(event):
        for i, rect in enumerate(rects):
            if rect.collidepoint(event.pos):
                return i, True
    return selected, False
