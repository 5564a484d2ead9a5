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
        last = self.app.store.last_pupil()
        if last:
            items.append((t("menu_continue", name=last), lambda: self._continue(last)))
        items += [(t("menu_settings"), self._settings), (t("menu_class"), self._class_mode),
                  (t("menu_quit"), self.app.quit)]
        return Menu(items, width=520)

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
        surface.blit(title, title.get_rect(midtop=(w // 2, 70)))
        sub = look.text(t("subtitle"), 40, (226, 232, 246))
        surface.blit(sub, sub.get_rect(midtop=(w // 2, 150)))
        self.menu.draw(surface, w // 2, 230)
        hint = look.text(t("menu_hint"), 28, look.PAPER)
        surface.blit(hint, hint.get_rect(midbottom=(w // 2, h - 20)))
        notice = self.app.journal_notice
        if notice:  # a bad log file was set aside, or a newer one is left alone
            lines = look.wrap(notice, 24, w - 120)[:4]
            box = pygame.Rect(40, h - 70 - len(lines) * 24, w - 80, len(lines) * 24 + 20)
            look.panel(surface, box, border=(214, 96, 70), radius=10)
            look.blit_lines(surface, lines, 24, box.x + 20, box.y + 10)
