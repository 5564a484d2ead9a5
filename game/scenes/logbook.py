""""Mijn logboek": after the day's reflection, the pupil sees what the mentor will see of
the day, and may mark a moment "hier wil ik over praten" or "liever niet", with a short
note. Nothing has to be marked: "Klaar" goes on at once.

The marks go to the log only when the pupil presses "Klaar" (World.keep_logbook), so
changing one's mind on this screen leaves no trace.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game import input as keys
from game.events.voice import NOTE_LENGTH, Mark
from game.scenes.base import Host
from game.scenes.card import CardScene
from game.ui import look
from game.world.logbook import Moment
from game.world.world import World

MARKS: tuple[Mark | None, ...] = (None, "talk", "private")
TALK = (60, 140, 90)
PRIVATE = (150, 110, 60)
SIZE = 28
NOTE_SIZE = 24


class LogbookScene(CardScene):
    def __init__(self, app: Host, world: World, then: Callable[[], None]) -> None:
        super().__init__(app, world)
        self.then = then
        self.moments: list[Moment] = world.logbook.moments
        self.selected = 0  # a moment, or len(moments): "Klaar"
        self.typing = False
        self.swallow = False  # the N that opened the note is not its first letter
        self.draft = ""
        self.first_shown = 0
        self.rects: dict[int, pygame.Rect] = {}  # shown rows (and "Klaar") for the mouse
        self.chip_rects: list[tuple[pygame.Rect, int, Mark]] = []

    def title(self) -> str:
        return self.app.texts("logbook_title")

    def hint(self) -> str:
        if self.typing:
            return self.app.texts("logbook_hint_typing")
        if not self.moments:
            return self.app.texts("logbook_hint_empty")
        return self.app.texts("logbook_hint")

    @property
    def on_done(self) -> bool:
        return self.selected >= len(self.moments)

    def handle(self, event: pygame.event.Event) -> None:
        if self.typing:
            self._type(event)
            return
        count = len(self.moments) + 1
        if keys.is_key(event, keys.action_keys("down")):
            self.selected = (self.selected + 1) % count
        elif keys.is_key(event, keys.action_keys("up")):
            self.selected = (self.selected - 1) % count
        elif keys.is_key(event, keys.action_keys("right")) and not self.on_done:
            self._cycle(1)
        elif keys.is_key(event, keys.action_keys("left")) and not self.on_done:
            self._cycle(-1)
        elif keys.is_key(event, {pygame.K_n}) and not self.on_done:
            self.typing, self.draft = True, self.moments[self.selected].note
            self.swallow = True
            pygame.key.start_text_input()
        elif keys.is_key(event, keys.CONFIRM_KEYS):
            if self.on_done:
                self.done()
            else:
                self._cycle(1)
        elif keys.is_key(event, keys.BACK_KEYS):
            self.selected = len(self.moments)  # Esc goes to "Klaar", never past it unseen
        elif keys.is_click(event):
            self._click(event.pos)

    def _click(self, pos: tuple[int, int]) -> None:
        for rect, index, mark in self.chip_rects:
            if rect.collidepoint(pos):  # a chip turns its mark on, or off again
                self.selected = index
                moment = self.moments[index]
                moment.mark = None if moment.mark == mark else mark
                return
        for index, rect in self.rects.items():
            if rect.collidepoint(pos):
                self.selected = index
                if self.on_done:
                    self.done()

    def _cycle(self, by: int) -> None:
        moment = self.moments[self.selected]
        moment.mark = MARKS[(MARKS.index(moment.mark) + by) % len(MARKS)]

    def _type(self, event: pygame.event.Event) -> None:
        swallow, self.swallow = self.swallow, False
        if event.type == pygame.TEXTINPUT and swallow and event.text.lower() == "n":
            return
        if event.type == pygame.TEXTINPUT:
            self.draft = (self.draft + event.text)[:NOTE_LENGTH]
        elif keys.is_key(event, {pygame.K_BACKSPACE}):
            self.draft = self.draft[:-1]
        elif keys.is_key(event, keys.CONFIRM_KEYS):
            moment = self.moments[self.selected]
            moment.note = self.draft.strip()
            if moment.note and moment.mark is None:
                moment.mark = "talk"  # a note is something to say to the mentor
            self.typing = False
            pygame.key.stop_text_input()
        elif keys.is_key(event, keys.BACK_KEYS):
            self.typing = False
            pygame.key.stop_text_input()

    def done(self) -> None:
        self.world.keep_logbook()
        self.app.pop()
        self.then()

    # --- drawing ---
    def _label(self, mark: Mark | None) -> str:
        return self.app.texts(f"logbook_mark_{mark or 'none'}")

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang = self.app.texts, self.app.texts.language
        y = look.blit_lines(surface, look.wrap(t("logbook_intro"), 26, area.w), 26, area.x,
                            area.y, look.MUTED) + 10
        if not self.moments:
            y = look.blit_lines(surface, look.wrap(t("logbook_empty"), SIZE, area.w), SIZE,
                                area.x, y + 10) + 10
        bottom = area.bottom - 60
        more_below = False
        self.rects, self.chip_rects = {}, []
        # keep the highlighted moment on screen: start far enough down the list
        wanted = min(self.selected, len(self.moments) - 1)  # "Klaar" is always on screen
        self.first_shown = max(0, min(self.first_shown, wanted))
        while self.first_shown < wanted and \
                self._height(self.first_shown, wanted, area.w) > bottom - y - 24:
            self.first_shown += 1
        if self.first_shown:
            surface.blit(look.text(t("logbook_more_above"), 22, look.MUTED), (area.x, y - 4))
            y += 24
        for index in range(self.first_shown, len(self.moments)):
            moment = self.moments[index]
            height = self._row_height(moment, area.w)
            if y + height > bottom:
                more_below = True
                break
            self._draw_row(surface, index, moment, pygame.Rect(area.x, y, area.w, height), lang)
            y += height + 8
        done = pygame.Rect(area.x, area.bottom - 50, 260, 46)
        chosen = self.on_done
        pygame.draw.rect(surface, look.ACCENT if chosen else look.ACCENT_SOFT, done,
                         border_radius=10)
        label = look.text(t("logbook_done"), 30, look.PAPER if chosen else look.INK, bold=True)
        surface.blit(label, label.get_rect(center=done.center))
        self.rects[len(self.moments)] = done
        if more_below:
            more = look.text(t("logbook_more_below"), 22, look.MUTED)
            surface.blit(more, more.get_rect(midleft=(done.right + 20, done.centery)))

    def _text_width(self, width: int) -> int:
        return width - 32

    def _row_height(self, moment: Moment, width: int) -> int:
        lines = look.wrap(moment.text.get(self.app.texts.language), SIZE,
                          self._text_width(width))
        typing_here = self.typing and self.moments.index(moment) == self.selected
        note = 1 if moment.note or typing_here else 0
        return len(lines) * look.line_height(SIZE) + 16 + 44 + note * look.line_height(NOTE_SIZE)

    def _height(self, first: int, last: int, width: int) -> int:
        return sum(self._row_height(self.moments[i], width) + 8 for i in range(first, last + 1))

    def _draw_row(self, surface: pygame.Surface, index: int, moment: Moment,
                  rect: pygame.Rect, lang: str) -> None:
        t = self.app.texts
        chosen = index == self.selected
        pygame.draw.rect(surface, look.ACCENT_SOFT if chosen else look.PAPER, rect,
                         border_radius=10)
        if chosen:
            pygame.draw.rect(surface, look.ACCENT, rect, width=3, border_radius=10)
        self.rects[index] = rect
        y = look.blit_lines(surface, look.wrap(moment.text.get(lang), SIZE,
                                               self._text_width(rect.w)),
                            SIZE, rect.x + 16, rect.y + 8)
        x = rect.x + 16
        chips: tuple[tuple[Mark, tuple[int, int, int]], ...] = (("talk", TALK),
                                                                 ("private", PRIVATE))
        for mark, colour in chips:
            on = moment.mark == mark
            label = look.text(self._label(mark), 24, look.PAPER if on else colour, bold=on)
            tick = 22 if on else 0  # a drawn tick, not colour alone, says it is chosen
            chip = pygame.Rect(x, y + 4, label.get_width() + 24 + tick, 34)
            pygame.draw.rect(surface, colour if on else look.PAPER, chip, border_radius=17)
            pygame.draw.rect(surface, colour, chip, width=2, border_radius=17)
            if on:
                cx, cy = chip.x + 14, chip.centery
                pygame.draw.lines(surface, look.PAPER, False,
                                  [(cx, cy), (cx + 5, cy + 5), (cx + 13, cy - 6)], 3)
            surface.blit(label, label.get_rect(midleft=(chip.x + 12 + tick, chip.centery)))
            self.chip_rects.append((chip, index, mark))
            x = chip.right + 12
        if chosen and self.typing:
            note = t("logbook_note_typing", note=self.draft + "|")
        elif moment.note:
            note = t("logbook_note", note=moment.note)
        else:
            return
        look.blit_lines(surface, look.wrap(note, NOTE_SIZE, self._text_width(rect.w))[:1],
                        NOTE_SIZE, rect.x + 16, y + 44, look.INK if self.typing else look.MUTED)
