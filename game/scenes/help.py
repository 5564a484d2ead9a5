"""Help (H or F1): what to do next, said plainly, and which keys do what.

Predictability matters for autistic pupils: the next step is always one key
away, worded the same way each time, and it never gives away the mystery.
"""

from __future__ import annotations

import pygame

from game import input as keys
from game.content.schema import format_time
from game.scenes.base import Host
from game.scenes.card import CardScene
from game.ui import look
from game.world.homework import open_homework
from game.world.world import World


def next_steps(app: Host, world: World) -> list[str]:
    """The next thing to do, then anything else worth remembering, in the pupil's words."""
    t, lang = app.texts, app.texts.language
    steps: list[str] = []
    unseen = [c for c in world.day.changes if c.announce_at <= world.clock.minutes
              and c.id not in world.state.changes_seen]
    if unseen:  # what the pupil knows may be out of date: say where to look first
        board = world.level.notice_board
        place = world.map.rooms[board].named(app.texts.language) \
            if board in world.map.rooms else ""
        steps.append(t("help_changes_unseen", room=place) if place else t("help_changes_ask"))
    nxt = world.known_next_lesson()
    here = world.room.id if world.room else None
    if nxt is None:
        steps.append(t("help_no_lessons"))
    else:
        room = world.map.rooms[nxt.room]
        values = {"subject": nxt.lesson.subject_named(lang),
                  "time": format_time(nxt.lesson.start), "room": room.named(lang),
                  "floor": t.floor(room.floor)}
        if here == nxt.room:
            steps.append(t("help_in_room", **values))
        elif nxt.lesson.start <= world.clock.minutes:
            steps.append(t("help_late", **values))
        else:
            steps.append(t("help_go_to", **values))
    state = world.state
    waiting = [h for h in open_homework(world.level, state) if h.id not in state.homework_plan]
    if waiting:
        key = "help_homework" if waiting[0].id in state.homework_noted else "help_homework_note"
        steps.append(t(key, title=waiting[0].title.get(lang)))
    if world.case is not None and not state.solved:
        clues = len(state.clues)
        steps.append(t("help_case", n=clues) if clues else t("help_case_none"))
    return steps


class HelpScene(CardScene):
    close_action = "help"

    def title(self) -> str:
        return self.app.texts("help_title")

    def hint(self) -> str:
        return self.app.texts("help_hint")

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.CONFIRM_KEYS) or keys.is_click(event):
            self.close()
        else:
            super().handle(event)

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The next steps, then the keys, as large as the text size allows and still fits."""
        t = self.app.texts
        steps = ["• " + step for step in next_steps(self.app, self.world)]
        keylist = t("help_key_list").split("\n")
        head = look.line_height(34, 1.6)
        room = area.h - 2 * head - 24
        size = look.fitting_size(steps + keylist, area.w, room, 32, gap=8)
        y = area.y
        surface.blit(look.text(t("help_now"), 34, look.ACCENT, bold=True), (area.x, y))
        y += head
        for step in steps:
            y = look.blit_lines(surface, look.wrap(step, size, area.w), size, area.x, y) + 8
        y += 16
        surface.blit(look.text(t("help_keys"), 34, look.ACCENT, bold=True), (area.x, y))
        y += head
        for line in keylist:
            y = look.blit_lines(surface, look.wrap(line, size, area.w), size, area.x, y)
