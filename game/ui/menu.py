"""A vertical menu that works the same with arrows, Enter, number keys and the mouse."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game import input as keys
from game.ui import look

Adjust = Callable[[int], None]


class Menu:
    """Items are (label, on Enter/click); `adjust` rows also take left/right (-1/+1)."""

    def __init__(self, items: Sequence[tuple[str, Callable[[], object]]], *, width: int = 420,
                 size: int = 40, gap: int = 12,
                 adjust: dict[int, Adjust] | None = None) -> None:
        self.items = list(items)
        self.selected = 0
        self.width = width
        self.size = size
        self.gap = gap
        self.adjust = adjust or {}
        self.rects: list[pygame.Rect] = []

    def row_height(self) -> int:
        return max(int(self.size * 1.5), look.font(self.size).get_height() + 12)

    def height(self) -> int:
        return len(self.items) * (self.row_height() + self.gap) - self.gap

    def fit(self, available: int) -> None:
        """Smaller rows when large text or a wide font would push the menu off its panel."""
        while self.height() > available and self.size > 18:
            self.size -= 1

    def handle(self, event: pygame.event.Event) -> bool:
        """React to one event; True when it was used."""
        if keys.is_action(event, "down"):
            self.selected = (self.selected + 1) % len(self.items)
        elif keys.is_action(event, "up"):
            self.selected = (self.selected - 1) % len(self.items)
        elif self.selected in self.adjust and (keys.is_action(event, "left")
                                               or keys.is_action(event, "right")):
            self.adjust[self.selected](1 if keys.is_action(event, "right") else -1)
        elif keys.is_key(event, keys.CONFIRM_KEYS):
            self.items[self.selected][1]()
        elif keys.is_key(event, keys.NUMBER_KEYS) and keys.NUMBER_KEYS[event.key] < len(self.items):
            self.selected = keys.NUMBER_KEYS[event.key]
            self.items[self.selected][1]()
        elif event.type == pygame.MOUSEMOTION:
            for i, rect in enumerate(self.rects):
                if rect.collidepoint(event.pos):
                    self.selected = i
            return False
        elif keys.is_click(event):
            for i, rect in enumerate(self.rects):
                if rect.collidepoint(event.pos):
                    self.selected = i
                    self.items[i][1]()
                    return True
            return False
        else:
            return False
        return True

    def draw(self, surface: pygame.Surface, centre_x: int, top: int) -> None:
        self.rects = []
        height = self.row_height()
        for i, (label, _) in enumerate(self.items):
            rect = pygame.Rect(0, 0, self.width, height)
            rect.midtop = (centre_x, top + i * (height + self.gap))
            chosen = i == self.selected
            fill = look.ACCENT if chosen else look.PAPER
            pygame.draw.rect(surface, fill, rect, border_radius=12)
            pygame.draw.rect(surface, look.ACCENT, rect, 3, border_radius=12)
            colour = look.PAPER if chosen else look.INK
            label_surface = look.text(label, self.size, colour)
            surface.blit(label_surface, label_surface.get_rect(center=rect.center))
            self.rects.append(rect)
