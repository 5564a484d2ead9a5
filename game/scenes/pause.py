"""The pause menu: the world stands still until the pupil resumes."""

from __future__ import annotations

import pygame

from game.journal.for_mentor import export_for_mentor, mentor_folder
from game.journal.store import JournalError
from game.scenes.menu_panel import MenuPanelScene
from game.ui.menu import Menu
from game.world.speech import both


class PauseScene(MenuPanelScene):
    title_key = "pause_title"

    def _menu(self) -> Menu:
        t = self.app.texts
        items = [(t("pause_resume"), self.app.pop)]
        if self.app.session is not None:
            items.append((t("pause_time_out"), self._time_out))
            if self.app.session.log is not None:  # nothing to hand over without a log
                items.append((t("pause_for_mentor"), self._for_mentor))
        items += [(t("pause_settings"), self._settings), (t("pause_quit"), self.app.quit)]
        return Menu(items, width=480)

    def _time_out(self) -> None:
        assert self.app.session is not None
        self.app.replace_with("time_out", world=self.app.session.world)

    def _for_mentor(self) -> None:
        """A file for the mentor, only after the pupil's yes (scenes/consent.py)."""
        assert self.app.session is not None
        session = self.app.session
        folder = mentor_folder(self.app.options.data_dir)

        def save() -> None:
            session.world.consent("file")
            if session.log is not None:
                session.log.flush(force=True)
            try:
                path = export_for_mentor(self.app.options.db_path, self.app.options.data_dir,
                                         session.player.pupil)
                message = both("for_mentor_saved", path=str(path))
            except (JournalError, OSError) as exc:
                message = both("for_mentor_failed", problem=str(exc))
            self.app.replace_with("notice", world=session.world, message=message,
                                  title=self.app.texts("for_mentor_title"))

        self.app.replace_with("consent", to="file", yes=save, no=self.app.pop,
                              folder=str(folder))

    def _settings(self) -> None:
        self.app.open("settings")

    def draw(self, surface: pygame.Surface) -> None:
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((30, 36, 52, 120))
        surface.blit(veil, (0, 0))
        super().draw(surface)
