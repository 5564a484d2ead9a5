"""A vertical menu that works the same with arrows, Enter, number keys and the mouse.

When the rows do not fit at a readable size (extra-large text, a wide font), the menu
scrolls: it shows the rows around the highlighted one with arrows for "more above/below",
rather than shrinking the words the pupil asked to be large."""

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
                 adjust: dict[int, Adjust] | None = None, min_size: int = 18,
                 preselect: bool = True) -> None:
        self.items = list(items)
        # A question to the pupil starts with nothing chosen (-1), so Enter alone never
        # answers it; a menu of places to go starts on its first item.
        self.selected = 0 if preselect else -1
        self.width = width
        self.size = size
        self.gap = gap
        self.adjust = adjust or {}
        self.min_size = min_size
        self.visible = len(self.items)  # rows shown at once (fewer when it scrolls)
        self.first = 0  # the top row shown
        self.rects: dict[int, pygame.Rect] = {}  # item index -> where it was drawn

    def row_height(self) -> int:
        return max(int(self.size * 1.5), look.font(self.size).get_height() + 12)

    def height(self) -> int:
        return len(self.items) * (self.row_height() + self.gap) - self.gap

    def widest(self) -> int:
        return max(look.font(self.size).size(label)[0] for label, _ in self.items)

    def fit(self, available: int) -> None:
        """Shrink a little (never below `min_size`) to fit the panel; scroll for the rest.

        A label always fits its row's width, even if that takes a smaller size."""
        while self.size > self.min_size and (self.height() > available
                                             or self.widest() > self.width - 24):
            self.size -= 1
        while self.size > 12 and self.widest() > self.width - 24:
            self.size -= 1
        step = self.row_height() + self.gap
        self.visible = min(len(self.items), max(1, (available + self.gap) // step))
        self.scroll_to_selected()

    def scroll_to_selected(self) -> None:
        self.first = max(0, min(self.first, len(self.items) - self.visible))
        if self.selected < 0:
            return
        if self.selected < self.first:
            self.first = self.selected
        elif self.selected >= self.first + self.visible:
            self.first = self.selected - self.visible + 1

    def handle(self, event: pygame.event.Event) -> bool:
        """React to one event; True when it was used."""
        if keys.is_action(event, "down"):
            self.selected = (self.selected + 1) % len(self.items)
        elif keys.is_action(event, "up"):
            self.selected = (self.selected - 1) % len(self.items) if self.selected >= 0 \
                else len(self.items) - 1
        elif self.selected in self.adjust and (keys.is_action(event, "left")
                                               or keys.is_action(event, "right")):
            self.adjust[self.selected](1 if keys.is_action(event, "right") else -1)
        elif keys.is_key(event, keys.CONFIRM_KEYS):
            if self.selected < 0:
                return False  # nothing chosen yet
            self.items[self.selected][1]()
        elif keys.is_key(event, keys.NUMBER_KEYS) and keys.NUMBER_KEYS[event.key] < len(self.items):
            self.selected = keys.NUMBER_KEYS[event.key]
            self.items[self.selected][1]()
        elif event.type == pygame.MOUSEWHEEL and self.visible < len(self.items):
            self.selected = max(0, min(len(self.items) - 1, self.selected - event.y))
        elif event.type == pygame.MOUSEMOTION:
            for i, rect in self.rects.items():
                if rect.collidepoint(event.pos):
                    self.selected = i
            return False
        elif keys.is_click(event):
            for i, rect in self.rects.items():
                if rect.collidepoint(event.pos):
                    self.selected = i
                    self.items[i][1]()
                    return True
            return False
        else:
            return False
        return True

    def draw(self, surface: pygame.Surface, centre_x: int, top: int) -> None:
        self.rects = {}
        self.scroll_to_selected()
        height = self.row_height()
        shown = range(self.first, self.first + self.visible)
        for row, i in enumerate(shown):
            label = self.items[i][0]
            rect = pygame.Rect(0, 0, self.width, height)
            rect.midtop = (centre_x, top + row * (height + self.gap))
            chosen = i == self.selected
            fill = look.ACCENT if chosen else look.PAPER
            pygame.draw.rect(surface, fill, rect, border_radius=12)
            pygame.draw.rect(surface, look.ACCENT, rect, 3, border_radius=12)
            colour = look.PAPER if chosen else look.INK
            label_surface = look.text(label, self.size, colour)
            surface.blit(label_surface, label_surface.get_rect(center=rect.center))
            self.rects[i] = rect
        if self.first > 0:
            _arrow(surface, self.rects[self.first], up=True)
        if self.first + self.visible < len(self.items):
            _arrow(surface, self.rects[self.first + self.visible - 1], up=False)


def _arrow(surface: pygame.Surface, row: pygame.Rect, *, up: bool) -> None:
    """A triangle just outside a row's right edge: more rows that way (scroll or use arrows)."""
    x, size = row.right + 8, 10
    if up:
        base, tip = row.top + 6 + size, row.top + 6
    else:
        base, tip = row.bottom - 6 - size, row.bottom - 6
    pygame.draw.polygon(surface, look.ACCENT, [(x, base), (x + 2 * size, base), (x + size, tip)])
