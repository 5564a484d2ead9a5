"""The title screen: new game, continue, settings, quit."""

from __future__ import annotations

import pygame

from game.scenes.backdrop import backdrop
from game.scenes.base import Host, Scene
from game.ui import look
from game.ui.menu import Menu


class TitleScene(Scene):
    def __init__(self, app: Host) -> None:
        super().__init__(app)
        app.sound.want_music(False)  # music belongs to the school
        self.menu = self._build_menu()

    def _build_menu(self) -> Menu:
        t = self.app.texts
        items = [(t("menu_new"), self._new_game)]
        last = self._continuable()
        if last:
            items.append((t("menu_continue", name=last), lambda: self._continue(last)))
        items += [(t("menu_settings"), self._settings), (t("menu_class"), self._class_mode),
                  (t("menu_quit"), self.app.quit)]
        menu = Menu(items, width=560)
        if last:
            menu.selected = 1  # a saved game: Enter continues it, it is never replaced by mistake
        return menu

    def _continuable(self) -> str | None:
        """The last pupil, when their save goes on in this level (not finished)."""
        last = self.app.store.last_pupil()
        content = self.app.content
        if not last or content is None:
            return None
        saved = self.app.store.load(last)
        ok = saved is not None and saved.get("level") == content.level.id \
            and not saved.get("level_over")
        return last if ok else None

    def on_resume(self) -> None:
        self.app.sound.want_music(False)
        selected = self.menu.selected
        self.menu = self._build_menu()
        self.menu.selected = min(selected, len(self.menu.items) - 1)

    def _new_game(self) -> None:
        self.app.open("new_game")

    def _continue(self, pupil: str) -> None:
        self.app.play(pupil, resume=True)

    def _class_mode(self) -> None:
        self.app.open("class_code")

    def _settings(self) -> None:
        self.app.open("settings")

    def handle(self, event: pygame.event.Event) -> None:
        self.menu.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        surface.blit(backdrop((w, h)), (0, 0))
        t = self.app.texts
        title = look.text(t("title"), 96, look.PAPER, bold=True)
        top = title.get_rect(midtop=(w // 2, 50))
        surface.blit(title, top)
        sub = look.text(t("subtitle"), 40, (226, 232, 246))
        below = sub.get_rect(midtop=(w // 2, top.bottom + 4))
        surface.blit(sub, below)
        code = self.app.options.class_code
        if code:  # class mode: the code was taken (from the command line or typed)
            label = look.text(t("menu_class_code", code=code), 30, (250, 226, 150), bold=True)
            below = label.get_rect(midtop=(w // 2, below.bottom + 6))
            surface.blit(label, below)
        elif self.app.mentor_mission is not None or self.app.mission_problem:
            mission = self.app.mentor_mission
            words = t("menu_mission", mentor=mission.mentor) if mission and mission.mentor \
                else t("menu_mission_plain") if mission \
                else t("menu_mission_problem", problem=self.app.mission_problem)
            label = look.text(words, 26, (250, 226, 150), bold=True)
            if label.get_width() > w - 80:
                label = look.text(words[:90] + "...", 22, (250, 226, 150), bold=True)
            below = label.get_rect(midtop=(w // 2, below.bottom + 6))
            surface.blit(label, below)
        self.menu.draw(surface, w // 2, below.bottom + 24)
        hint = look.text(t("menu_hint"), 28, look.PAPER)
        surface.blit(hint, hint.get_rect(midbottom=(w // 2, h - 20)))
        notice = self.app.journal_notice
        if notice:  # a bad log file was set aside, or a newer one is left alone
            lines = look.wrap(notice, 24, w - 120)[:4]
            box = pygame.Rect(40, h - 70 - len(lines) * 24, w - 80, len(lines) * 24 + 20)
            look.panel(surface, box, border=(214, 96, 70), radius=10)
            look.blit_lines(surface, lines, 24, box.x + 20, box.y + 10)
