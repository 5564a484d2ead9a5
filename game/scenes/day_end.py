"""The end of a school day: reflection (strengths first), the evening, the end of the game.

Reflection -> (evening with homework -> next morning) or, after the last day,
(the accusation if the case is still open ->) the end card -> the title screen.
"""

from __future__ import annotations

import pygame

from game import input as keys
from game.content.schema import LocalText
from game.journal.upload import Uploader
from game.scenes.base import Host
from game.scenes.card import CardScene, option_rows, pick
from game.ui import look
from game.world.case import clue_statement
from game.world.homework import open_homework
from game.world.reflection import Said
from game.world.speech import both
from game.world.world import World

GOOD = (60, 140, 90)
FEELINGS = ("good", "ok", "hard")


class ReflectionScene(CardScene):
    def __init__(self, app: Host, world: World) -> None:
        super().__init__(app, world)
        self.summary = world.day_summary()
        self.selected: int | None = None  # how the day went: nothing chosen in advance
        self.rects: list[pygame.Rect] = []
        self.shown_at = world.real_time

    def title(self) -> str:
        return self.app.texts("reflect_title", day=self.world.day.title.get(
            self.app.texts.language))

    def hint(self) -> str:
        return self.app.texts("choose_hint")

    def handle(self, event: pygame.event.Event) -> None:
        self.selected, confirmed = pick(event, len(FEELINGS), self.selected, self.rects)
        if confirmed and self.selected is not None:
            thought = int(round((self.world.real_time - self.shown_at) * 1000))
            feeling = FEELINGS[self.selected]
            self.world.reflect_feeling(feeling, response_ms=max(0, thought))
            after_reflection(self.app, self.world)
            if feeling == "hard":  # a hard day gets a kind word first, never silence
                self.app.open("notice", world=self.world, message=both("reflect_hard_reply"),
                              title=self.app.texts("reflect_hard_title"),
                              colour=look.ACCENT)

    def said(self, said: Said) -> str:
        return self.app.texts(said.key, **said.values)

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Laid out from the bottom up, so the question and its three answers are always
        on screen, however good the day was: the strengths take the room that is left
        (smaller, or in two columns, when there are many)."""
        t = self.app.texts
        labels = [t(f"feel_{f}") for f in FEELINGS]
        row = max(44, look.font(30).get_height() + 12)
        answers_y = area.bottom - row - 12  # clear of the hint line below the card
        width = min(320, (area.w - 16 * (len(labels) - 1)) // len(labels))
        self.rects = []
        for i, label in enumerate(labels):
            x = area.x + i * (width + 16)
            self.rects += option_rows(surface, [label], 0 if self.selected == i
                                      else None, x, answers_y, width, size=30, row=row,
                                      first_number=i + 1)
        answers_y = min(r.y for r in self.rects)
        question_y = answers_y - look.line_height(34) - 8
        surface.blit(look.text(t("reflect_feel"), 34, look.INK, bold=True), (area.x, question_y))
        tip_lines = look.wrap(self.said(self.summary.tip), 30, area.w - 20) \
            if self.summary.tip is not None else []
        tip_y = question_y - 18 - len(tip_lines) * look.line_height(30)
        heading_y = tip_y - look.line_height(36) - 4
        tomorrow = "reflect_tomorrow_last" if self.world.last_day else "reflect_tomorrow"
        surface.blit(look.text(t(tomorrow), 36, look.ACCENT, bold=True), (area.x, heading_y))
        look.blit_lines(surface, tip_lines, 30, area.x + 10, tip_y)
        surface.blit(look.text(t("reflect_strengths"), 36, GOOD, bold=True), area.topleft)
        top = area.y + look.line_height(36) + 8
        look.blit_list(surface, [self.said(line) for line in self.summary.strengths], 32,
                       area.x + 10, top, area.w - 20, heading_y - 12)


def after_reflection(app: Host, world: World) -> None:
    """The reflection is answered: the pupil's logbook of the day, then the evening (or
    the end of the mission)."""
    app.pop()
    app.open("logbook", world=world, then=lambda: after_logbook(app, world))


def after_logbook(app: Host, world: World) -> None:
    if not world.last_day:
        app.open("evening", world=world)
        mission = world.mission_tonight()
        if mission is not None:  # first the mission for the real school, then the evening
            app.open("mission", world=world, mission=mission)
    elif world.state.solved or world.case is None:
        finish(app, world)
    else:  # the last chance to name the alien; "I don't know yet" ends calmly too
        app.open("accusation", world=world, then=lambda: finish(app, world),
                 not_yet=lambda: finish(app, world))


def finish(app: Host, world: World) -> None:
    """The last day is over (and the case, if any, answered): the level ends."""
    world.finish_level()
    app.open("end", world=world)


class EveningScene(CardScene):
    def __init__(self, app: Host, world: World) -> None:
        super().__init__(app, world)
        self.selected: int | None = 0
        self.rects: list[pygame.Rect] = []

    def title(self) -> str:
        return self.app.texts("evening_title")

    def hint(self) -> str:
        return self.app.texts("choose_hint")

    def _items(self) -> list[tuple[str, str | None]]:
        t, lang = self.app.texts, self.app.texts.language
        items: list[tuple[str, str | None]] = [
            (t("evening_do", title=hw.title.get(lang)), hw.id)
            for hw in open_homework(self.world.level, self.world.state)]
        items.append((t("evening_next"), None))
        return items

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS):
            self.app.open("pause")  # the evening is part of the game: Esc pauses it too
            return
        items = self._items()
        self.selected, confirmed = pick(event, len(items), self.selected, self.rects)
        if not confirmed or self.selected is None:
            return
        homework_id = items[self.selected][1]
        if homework_id is not None:
            self.app.open("homework", world=self.world, homework_id=homework_id,
                          when="vanavond")
        else:
            self.app.pop()
            self.world.start_next_day()  # the school screen follows from `day_start`

    def on_resume(self) -> None:
        self.selected = 0

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang, world = self.app.texts, self.app.texts.language, self.world
        y = area.y
        open_items = open_homework(world.level, world.state)
        if not open_items:
            y = look.blit_lines(surface, look.wrap(t("evening_nothing"), 36, area.w), 36,
                                area.x, y)
        for hw in open_items:
            key = "evening_planned" if world.state.homework_plan.get(hw.id) == "vanavond" \
                else "evening_open" if hw.id in world.state.homework_noted \
                else "evening_not_noted"
            y = look.blit_lines(surface, look.wrap(t(key, title=hw.title.get(lang)), 34,
                                                   area.w), 34, area.x, y) + 8
        self.rects = option_rows(surface, [label for label, _ in self._items()], self.selected,
                                 area.x, y + 30, min(area.w, 820))


class EndScene(CardScene):
    def __init__(self, app: Host, world: World) -> None:
        super().__init__(app, world)
        uploader = app.uploader
        self.upload_round = uploader.progress.rounds if uploader is not None else 0

    def title(self) -> str:
        return self.app.texts("end_class_title" if self.world.level.scenes else "end_title")

    def hint(self) -> str:
        return self.app.texts("end_back")

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.CONFIRM_KEYS | keys.BACK_KEYS) or keys.is_click(event):
            self.app.to_title()

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, world = self.app.texts, self.world
        if world.level.scenes:
            text = t("end_class")
        elif world.state.solved and world.case is not None:
            text = t("end_solved",
                     name=world.level.character(world.case.alien).named(t.language))
        else:
            text = t("end_not_yet", n=len(world.state.clues))
        y = look.blit_lines(surface, look.wrap(text, 40, area.w), 40, area.x, area.y + 20)
        if world.level.scenes:  # what the pupil played, to recall in the class talk;
            # one flowing list, so eight scenes still leave room for the sending news
            lines = [" · ".join(scene.title.get(t.language) for scene in world.level.scenes
                                if scene.id in world.state.scenes_done)]
        elif not world.state.solved and world.case is not None:  # what they did find:
            # as large as fits, in two columns when there are many
            case = world.case
            found = [clue_statement(world.level, case, c).get(t.language)
                     for c in world.state.clues]
            lines = []
            y = look.blit_list(surface, found, 32, area.x, y + 10, area.w,
                               area.bottom - 3 * look.line_height(32), gap=10)
        else:
            lines = [t(said.key, **said.values) for said in world.day_summary().strengths]
        for line in lines:
            y = look.blit_lines(surface, look.wrap("• " + line, 32, area.w), 32, area.x, y + 10)
        status = upload_status(self.app.uploader, self.upload_round)
        if status:  # class mode: calm news about the sending, never a red error
            look.blit_lines(surface, look.wrap(t(status), 32, area.w), 32, area.x, y + 36,
                            look.MUTED)


def upload_status(uploader: Uploader | None, since_round: int) -> str | None:
    """Which reassurance the class-mode end card shows: arrived, on its way, or kept here.

    "Arrived" only counts once the uploader has looked at the log after the last event."""
    if uploader is None:
        return None
    progress = uploader.progress
    if progress.problem or progress.offline:
        return "upload_kept"
    if progress.pending or progress.rounds <= since_round:
        return "upload_waiting"
    return "upload_done"


class NoticeScene(CardScene):
    """Something the pupil just found out (a note on the door, the notice board), or a
    class scene's title and question."""

    def __init__(self, app: Host, world: World, message: LocalText, title: str | None = None,
                 colour: tuple[int, int, int] | None = None,
                 footer: str | None = None) -> None:
        super().__init__(app, world)
        self.message = message
        self.heading = title
        self.colour = colour or (214, 96, 70)
        self.footer = footer  # a line under the message, in the screen's language

    def title(self) -> str:
        return self.heading or self.app.texts("notice_title")

    def hint(self) -> str:
        return self.app.texts("dialogue_next")

    def handle(self, event: pygame.event.Event) -> None:
        closing = keys.CONFIRM_KEYS | keys.BACK_KEYS | keys.action_keys("interact")
        if keys.is_key(event, closing) or keys.is_click(event):
            self.close()

    def draw(self, surface: pygame.Surface) -> None:
        """A card that grows with its text (and the text size), never past the screen."""
        w, h = surface.get_size()
        width = min(900, w - 80)
        inner = width - 56
        title = look.wrap(self.title(), 40, inner, bold=True)
        body = look.wrap(self.message.get(self.app.texts.language), 34, inner)
        footer = look.wrap(self.footer, 28, inner) if self.footer else []
        hint = look.text(self.hint(), 26, look.MUTED)
        height = 22 + len(title) * look.line_height(40) + 14 + len(body) * look.line_height(34) \
            + (10 + len(footer) * look.line_height(28) if footer else 0) \
            + 24 + hint.get_height() + 16
        box = pygame.Rect(0, 0, width, min(h - 40, max(220, height)))
        box.center = (w // 2, h // 2)
        look.panel(surface, box, border=self.colour)
        y = look.blit_lines(surface, title, 40, box.x + 28, box.y + 22, self.colour, bold=True)
        y = look.blit_lines(surface, body, 34, box.x + 28, y + 14)
        if footer:
            look.blit_lines(surface, footer, 28, box.x + 28, y + 10, look.MUTED)
        surface.blit(hint, hint.get_rect(bottomright=(box.right - 20, box.bottom - 12)))
