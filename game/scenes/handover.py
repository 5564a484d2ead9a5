""""Mijn overstap": what the pupil wants their new school's mentor to know. The pupil ticks
what helps and what is hard (as many or as few as they like), may type a note, and after
their yes (the consent card) the game saves a file for the new mentor (the warme
overdracht), with the pupil's log, as the export for the mentor does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import get_args

import pygame

from game import input as keys
from game.events.voice import NOTE_LENGTH, Hard, Helps, Likes
from game.scenes.base import Host
from game.scenes.card import CardScene
from game.ui import look
from game.world.world import World

HELPS: tuple[str, ...] = get_args(Helps)
HARD: tuple[str, ...] = get_args(Hard)
LIKES: tuple[str, ...] = get_args(Likes)
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (("helps", HELPS), ("hard", HARD),
                                                   ("likes", LIKES))
"""The three lists side by side: what helps, what is hard, what the pupil likes."""
SIZES = (26, 23, 20)  # the rows' text size: the largest that fits the card


class HandoverScene(CardScene):
    def __init__(self, app: Host, world: World, then: Callable[[World], None]) -> None:
        super().__init__(app, world)
        self.then = then  # called after "Klaar" with the world (the consent and the file)
        self.items: list[tuple[str, str]] = [(g, k) for g, keys_ in GROUPS for k in keys_] \
            + [("note", ""), ("done", "")]
        self.ticked: set[tuple[str, str]] = set()
        self.selected = 0
        self.note = ""
        self.typing = False
        self.rects: dict[int, pygame.Rect] = {}
        self.size = SIZES[0]

    def title(self) -> str:
        return self.app.texts("handover_title")

    def hint(self) -> str:
        return self.app.texts("handover_hint_typing" if self.typing else "handover_hint")

    def handle(self, event: pygame.event.Event) -> None:
        if self.typing:
            self._type(event)
            return
        if keys.is_key(event, keys.action_keys("down")):
            self.selected = (self.selected + 1) % len(self.items)
        elif keys.is_key(event, keys.action_keys("up")):
            self.selected = (self.selected - 1) % len(self.items)
        elif keys.is_key(event, keys.action_keys("right")):
            self._other_column(1)
        elif keys.is_key(event, keys.action_keys("left")):
            self._other_column(-1)
        elif keys.is_key(event, keys.CONFIRM_KEYS) or keys.is_key(event, {pygame.K_SPACE}):
            self._choose()
        elif keys.is_key(event, keys.BACK_KEYS):
            self.close()
        elif keys.is_click(event):
            for index, rect in self.rects.items():
                if rect.collidepoint(event.pos):
                    self.selected = index
                    self._choose()
                    return

    def _other_column(self, by: int) -> None:
        """Left and right move between the lists, staying on the same row as far as it goes."""
        group, key = self.items[self.selected]
        names = [g for g, _ in GROUPS]
        if group not in names:
            return
        row = dict(GROUPS)[group].index(key)
        other, keys_ = GROUPS[(names.index(group) + by) % len(GROUPS)]
        self.selected = self.items.index((other, keys_[min(row, len(keys_) - 1)]))

    def _choose(self) -> None:
        item = self.items[self.selected]
        if item[0] == "done":
            self.app.pop()
            chosen = {name: [k for g, k in self.items if (g, k) in self.ticked and g == name]
                      for name, _ in GROUPS}
            self.world.write_handover(chosen["helps"], chosen["hard"], self.note,
                                      chosen["likes"])
            self.then(self.world)
        elif item[0] == "note":
            self.typing = True
            pygame.key.start_text_input()
        else:
            self.ticked ^= {item}

    def _type(self, event: pygame.event.Event) -> None:
        if event.type == pygame.TEXTINPUT:
            self.note = (self.note + event.text)[:NOTE_LENGTH * 2]
        elif keys.is_key(event, {pygame.K_BACKSPACE}):
            self.note = self.note[:-1]
        elif keys.is_key(event, keys.CONFIRM_KEYS | keys.BACK_KEYS):
            self.typing = False
            pygame.key.stop_text_input()

    # --- drawing ---
    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t = self.app.texts
        y = look.blit_lines(surface, look.wrap(t("handover_intro"), 26, area.w), 26, area.x,
                            area.y, look.MUTED) + 8
        self.rects = {}
        column = (area.w - 20 * (len(GROUPS) - 1)) // len(GROUPS)
        room = area.bottom - 54 - y
        self.size = next((size for size in SIZES if self._needed(size, column, area.w) <= room),
                         SIZES[-1])
        bottom = y
        for n, (group, keys_) in enumerate(GROUPS):
            x = area.x + n * (column + 20)
            row_y = look.blit_lines(surface, look.wrap(t(f"handover_{group}"), 28, column,
                                                       bold=True), 28, x, y, look.ACCENT,
                                    bold=True) + 4
            for key in keys_:
                index = self.items.index((group, key))
                row_y = self._tick_row(surface, index, x, row_y, column,
                                       t(f"handover_{group}_{key}"), (group, key) in self.ticked)
            bottom = max(bottom, row_y)
        note_text = t("handover_note", note=self.note + ("|" if self.typing else "")) \
            if self.note or self.typing else t("handover_note_empty")
        bottom = self._tick_row(surface, len(self.items) - 2, area.x, bottom + 6, area.w,
                                note_text, None)
        done = pygame.Rect(area.x, max(bottom + 6, area.bottom - 48), 260, 44)
        chosen = self.selected == len(self.items) - 1
        pygame.draw.rect(surface, look.ACCENT if chosen else look.ACCENT_SOFT, done,
                         border_radius=10)
        label = look.text(t("handover_done"), 28, look.PAPER if chosen else look.INK, bold=True)
        surface.blit(label, label.get_rect(center=done.center))
        self.rects[len(self.items) - 1] = done

    def _row_height(self, text: str, width: int, size: int) -> int:
        return len(look.wrap(text, size, width - 50)) * look.line_height(size) + 12

    def _needed(self, size: int, column: int, width: int) -> int:
        """How tall the lists and the note row are at this text size."""
        t = self.app.texts
        heading = max(len(look.wrap(t(f"handover_{group}"), 28, column, bold=True))
                      for group, _ in GROUPS) * look.line_height(28) + 4
        lists = max(sum(self._row_height(t(f"handover_{group}_{key}"), column, size)
                        for key in keys_) for group, keys_ in GROUPS)
        note = t("handover_note", note=self.note) if self.note else t("handover_note_empty")
        return heading + lists + 6 + self._row_height(note, width, size)

    def _tick_row(self, surface: pygame.Surface, index: int, x: int, y: int, width: int,
                  text: str, ticked: bool | None) -> int:
        """One row: a box that is ticked or not (None: no box), and its words."""
        size = self.size
        box = 0 if ticked is None else 30
        lines = look.wrap(text, size, width - box - 20)
        height = len(lines) * look.line_height(size) + 8
        rect = pygame.Rect(x, y, width, height)
        if index == self.selected:
            pygame.draw.rect(surface, look.ACCENT_SOFT, rect, border_radius=8)
            pygame.draw.rect(surface, look.ACCENT, rect, width=2, border_radius=8)
        if ticked is not None:
            square = pygame.Rect(0, 0, 20, 20)  # beside the first line of words
            square.midleft = (x + 6, y + 4 + look.font(size).get_height() // 2)
            pygame.draw.rect(surface, look.ACCENT, square, width=2, border_radius=4)
            if ticked:
                pygame.draw.lines(surface, look.ACCENT, False,
                                  [(square.x + 4, square.centery),
                                   (square.x + 8, square.bottom - 5),
                                   (square.right - 3, square.y + 4)], 3)
        look.blit_lines(surface, lines, size, x + box + 10, y + 4)
        self.rects[index] = rect
        return y + height + 4
