"""Rooster and agenda: today's timetable as the pupil knows it, and their homework.

Enter on a homework item plans it (in the break, a free period, tonight) or,
once planned, opens the task. The timetable shows only the changes the pupil
has seen: noticing changes is the point.
"""

from __future__ import annotations

import pygame

from game.content.schema import format_time
from game.scenes.base import Host
from game.scenes.card import CardScene, option_rows, pick
from game.ui import look
from game.world.homework import SLOTS, open_homework
from game.world.timetable import planned
from game.world.world import World

STATUS_COLOURS = {"on_time": (60, 140, 90), "late": (190, 120, 40), "missed": (150, 90, 90),
                  "cancelled": (110, 114, 130)}


class AgendaScene(CardScene):
    close_action = "agenda"

    def __init__(self, app: Host, world: World) -> None:
        super().__init__(app, world)
        self.selected = 0
        self.rects: list[pygame.Rect] = []
        world.open_agenda()

    def title(self) -> str:
        return self.app.texts("agenda_title")

    def hint(self) -> str:
        return self.app.texts("agenda_hint")

    def _rows(self) -> list[tuple[str, str]]:
        """(homework id, action) pairs: plan it, or do it once planned."""
        rows = []
        for hw in open_homework(self.world.level, self.world.state):
            rows.append((hw.id, "plan"))
            if hw.id in self.world.state.homework_plan:
                rows.append((hw.id, "do"))
        return rows

    def handle(self, event: pygame.event.Event) -> None:
        rows = self._rows()
        self.selected, confirmed = pick(event, len(rows), self.selected, self.rects)
        if confirmed and rows:
            hid, action = rows[self.selected]
            if action == "plan":
                current = self.world.state.homework_plan.get(hid)
                slot = SLOTS[(SLOTS.index(current) + 1) % len(SLOTS)] if current else SLOTS[0]
                self.world.plan_homework(hid, slot)
            else:
                self.app.open("homework", world=self.world, homework_id=hid, when="school")
            return
        super().handle(event)

    def on_resume(self) -> None:
        self.selected = min(self.selected, max(0, len(self._rows()) - 1))

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang, world = self.app.texts, self.app.texts.language, self.world
        half = area.w // 2 - 20
        surface.blit(look.text(t("agenda_today") + f" · {world.day.title.get(lang)}", 34,
                               look.ACCENT, bold=True), area.topleft)
        y = area.y + 50
        for item in planned(world.day, world.clock.minutes, world.state.changes_seen):
            lesson = item.lesson
            room = world.map.rooms[item.room].label.get(lang)
            line = f"{format_time(lesson.start)}  {lesson.subject.get(lang)} · {room}"
            surface.blit(look.text(line, 32, look.INK), (area.x, y))
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
                surface.blit(look.text("  ·  ".join(notes), 28, colour, bold=True),
                             (area.x + 40, y + 32))
            y += 74
        x = area.x + half + 40
        surface.blit(look.text(t("agenda_homework"), 34, look.ACCENT, bold=True), (x, area.y))
        rows = self._rows()
        done = [world.level.homework_item(h) for h in world.state.homework_done]
        if not rows and not done:
            look.blit_lines(surface, look.wrap(t("agenda_empty"), 32, half), 32, x, area.y + 50,
                            look.MUTED)
        labels, y = [], area.y + 50
        for hid, action in rows:
            hw = world.level.homework_item(hid)
            if action == "plan":
                slot = world.state.homework_plan.get(hid)
                when = t("agenda_plan", slot=t(f"slot_{slot}")) if slot else t("agenda_unplanned")
                labels.append(f"{hw.title.get(lang)} · {when}")
            else:
                labels.append(t("agenda_do"))
        self.rects = option_rows(surface, labels, self.selected, x, y, half, size=26, row=46)
        y += len(labels) * 54 + 16
        for hw in done:
            surface.blit(look.text(f"{hw.title.get(lang)} · {t('agenda_done')}", 28,
                                   STATUS_COLOURS["on_time"]), (x, y))
            y += 40
