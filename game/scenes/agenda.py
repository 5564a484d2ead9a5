"""Rooster and agenda: today's timetable as the pupil knows it, and their homework.

Every homework item says where it stands and offers its next step in words:
write it in the agenda (also later than in the lesson), choose when to do it
(the break, a free period, tonight: three plain choices), or do it now. The
timetable shows only the changes the pupil has seen: noticing changes is the point.
"""

from __future__ import annotations

from typing import Literal

import pygame

from game import input as keys
from game.content.schema import format_time
from game.content.timetable import planned
from game.scenes.base import Host
from game.scenes.card import CardScene, option_rows, pick
from game.ui import look
from game.world.homework import SLOTS, open_homework
from game.world.world import World

STATUS_COLOURS = {"on_time": (60, 140, 90), "late": (190, 120, 40), "missed": (150, 90, 90),
                  "cancelled": (110, 114, 130)}
Action = Literal["note", "plan", "do"]


class AgendaScene(CardScene):
    close_action = "agenda"

    def __init__(self, app: Host, world: World) -> None:
        super().__init__(app, world)
        self.selected: int | None = 0
        self.rects: list[pygame.Rect] = []
        self.planning: str | None = None  # the homework whose time is being chosen
        world.open_agenda()

    def title(self) -> str:
        return self.app.texts("agenda_title")

    def hint(self) -> str:
        return self.app.texts("agenda_plan_hint" if self.planning else "agenda_hint")

    def _rows(self) -> list[tuple[str, Action]]:
        """(homework id, next step) for each open homework, in the agenda's order."""
        state = self.world.state
        rows: list[tuple[str, Action]] = []
        for hw in open_homework(self.world.level, state):
            if hw.id not in state.homework_noted:
                rows.append((hw.id, "note"))
                continue
            rows.append((hw.id, "plan"))
            rows.append((hw.id, "do"))
        return rows

    def handle(self, event: pygame.event.Event) -> None:
        if self.planning is not None:
            self._handle_planning(event)
            return
        rows = self._rows()
        self.selected, confirmed = pick(event, len(rows), self.selected, self.rects)
        if confirmed and self.selected is not None:
            hid, action = rows[self.selected]
            if action == "note":
                self.world.note_homework(hid)
            elif action == "plan":
                self.planning, self.selected = hid, None
            else:
                self.app.open("homework", world=self.world, homework_id=hid, when="school")
            return
        super().handle(event)

    def _handle_planning(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS):
            self.planning, self.selected = None, 0
            return
        self.selected, confirmed = pick(event, len(SLOTS), self.selected, self.rects)
        if confirmed and self.selected is not None and self.planning is not None:
            self.world.plan_homework(self.planning, SLOTS[self.selected])
            self.planning, self.selected = None, 0

    def on_resume(self) -> None:
        self.selected = min(self.selected or 0, max(0, len(self._rows()) - 1))

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        half = area.w // 2 - 20
        self._draw_timetable(surface, pygame.Rect(area.x, area.y, half, area.h))
        right = pygame.Rect(area.x + half + 40, area.y, area.w - half - 40, area.h)
        if self.planning is not None:
            self._draw_planning(surface, right, self.planning)
        else:
            self._draw_homework(surface, right)

    def _draw_timetable(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang, world = self.app.texts, self.app.texts.language, self.world
        y = look.blit_lines(surface, look.wrap(t("agenda_today", day=world.day.title.get(lang)),
                                               32, area.w), 32, area.x, area.y, look.ACCENT)
        y += 12
        for item in planned(world.day, world.clock.minutes, world.state.changes_seen):
            lesson = item.lesson
            room = world.map.rooms[item.room].label.get(lang)
            line = f"{format_time(lesson.start)}  {lesson.subject.get(lang)} · {room}"
            y = look.blit_lines(surface, look.wrap(line, 28, area.w), 28, area.x, y)
            notes = []
            if item.cancelled:
                notes.append(t("agenda_cancelled"))
            elif item.change and item.change.kind == "room":
                notes.append(t("agenda_changed"))
            elif item.change and item.change.kind == "substitute":
                notes.append(t("agenda_substitute"))
            status = world.state.lessons.get(lesson.id)
            if status:
                notes.append(t(f"agenda_status_{status}"))
            if notes:
                colour = STATUS_COLOURS.get(status or "", look.ACCENT)
                y = look.blit_lines(surface, look.wrap("  ·  ".join(notes), 24, area.w - 40),
                                    24, area.x + 40, y, colour)
            y += 10

    def _draw_homework(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang, world = self.app.texts, self.app.texts.language, self.world
        state = world.state
        y = look.blit_lines(surface, look.wrap(t("agenda_homework"), 32, area.w), 32, area.x,
                            area.y, look.ACCENT) + 12
        rows = self._rows()
        done = [world.level.homework_item(h) for h in state.homework_done]
        if not rows and not done:
            look.blit_lines(surface, look.wrap(t("agenda_empty"), 28, area.w), 28, area.x, y,
                            look.MUTED)
        self.rects = []
        index = 0
        for hw in open_homework(world.level, state):
            y = look.blit_lines(surface, look.wrap(hw.title.get(lang), 26, area.w), 26,
                                area.x, y)
            if hw.id not in state.homework_noted:
                status = t("agenda_not_noted")
            elif hw.id in state.homework_plan:
                status = t("agenda_plan", slot=t(f"slot_{state.homework_plan[hw.id]}"))
            else:
                status = t("agenda_unplanned")
            y = look.blit_lines(surface, look.wrap(status, 24, area.w), 24, area.x, y,
                                look.MUTED) + 4
            mine = [(hid, action) for hid, action in rows if hid == hw.id]
            labels = [t(f"agenda_action_{action}") for _, action in mine]
            selected = self.selected - index if self.selected is not None and \
                index <= self.selected < index + len(mine) else None
            made = option_rows(surface, labels, selected, area.x, y, area.w, size=24, row=40,
                               first_number=index + 1)
            self.rects += made
            index += len(mine)
            y = made[-1].bottom + 6 if made else y  # three open tasks fit at the largest text
        for hw in done:
            y = look.blit_lines(surface, look.wrap(t("agenda_done", title=hw.title.get(lang)),
                                                   24, area.w), 24, area.x, y,
                                STATUS_COLOURS["on_time"]) + 4

    def _draw_planning(self, surface: pygame.Surface, area: pygame.Rect, hid: str) -> None:
        t, lang = self.app.texts, self.app.texts.language
        homework = self.world.level.homework_item(hid)
        y = look.blit_lines(surface, look.wrap(t("agenda_when", title=homework.title.get(lang)),
                                               30, area.w), 30, area.x, area.y, look.ACCENT)
        self.rects = option_rows(surface, [t(f"slot_choice_{slot}") for slot in SLOTS],
                                 self.selected, area.x, y + 16, area.w, size=26, row=44)
