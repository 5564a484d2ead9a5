"""A vertical menu that works the same with arrows, Enter, number keys and the mouse."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game import input as keys
from game.ui import look


class Menu:
    def __init__(self, items: list[tuple[str, Callable[[], None]]], *, width: int = 420,
                 size: int = 40) -> None:
        self.items = items
        self.selected = 0
        self.width = width
        self.size = size
        self.rects: list[pygame.Rect] = []

    def handle(self, event: pygame.event.Event) -> bool:
        """React to one event; True when it was used."""
        if keys.is_key(event, {pygame.K_DOWN, pygame.K_s}):
            self.selected = (self.selected + 1) % len(self.items)
        elif keys.is_key(event, {pygame.K_UP, pygame.K_w}):
            self.selected = (self.selected - 1) % len(self.items)
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
        height = int(self.size * 1.5)
        for i, (label, _) in enumerate(self.items):
            rect = pygame.Rect(0, 0, self.width, height)
            rect.midtop = (centre_x, top + i * (height + 12))
            chosen = i == self.selected
            fill = look.ACCENT if chosen else look.PAPER
            pygame.draw.rect(surface, fill, rect, border_radius=12)
            pygame.draw.rect(surface, look.ACCENT, rect, 3, border_radius=12)
            colour = look.PAPER if chosen else look.INK
            label_surface = look.text(label, self.size, colour)
            surface.blit(label_surface, label_surface.get_rect(center=rect.center))
            self.rects.append(rect)
