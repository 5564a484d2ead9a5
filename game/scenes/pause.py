"""The pause menu: the world stands still until the pupil resumes."""

from __future__ import annotations

import pygame

from game.events.voice import Destination
from game.journal.for_mentor import export_for_mentor, mentor_folder
from game.journal.store import JournalError
from game.scenes.menu_panel import MenuPanelScene
from game.ui.menu import Menu
from game.world.speech import both
from game.world.world import World


class PauseScene(MenuPanelScene):
    title_key = "pause_title"

    def _menu(self) -> Menu:
        t = self.app.texts
        items = [(t("pause_resume"), self.app.pop)]
        if self.app.session is not None:
            items.append((t("pause_time_out"), self._time_out))
            if self.app.session.log is not None:  # nothing to hand over without a log
                items.append((t("pause_for_mentor"), self._for_mentor))
                items.append((t("pause_handover"), self._handover))
        items += [(t("pause_settings"), self._settings), (t("pause_quit"), self.app.quit)]
        return Menu(items, width=480)

    def _time_out(self) -> None:
        assert self.app.session is not None
        self.app.replace_with("time_out", world=self.app.session.world)

    def _for_mentor(self) -> None:
        """A file for the mentor, only after the pupil's yes (scenes/consent.py)."""
        self.app.replace_with("consent", to="file", yes=lambda: self._save("file"),
                              no=self.app.pop,
                              folder=str(mentor_folder(self.app.options.data_dir)))

    def _handover(self) -> None:
        """"Mijn overstap" for the new school's mentor: written, then the yes, then saved."""
        assert self.app.session is not None

        def ask(world: World) -> None:
            self.app.open("consent", to="handover", yes=lambda: self._save("handover"),
                          no=self.app.pop,
                          folder=str(mentor_folder(self.app.options.data_dir)))

        self.app.replace_with("handover", world=self.app.session.world, then=ask)

    def _save(self, to: Destination) -> None:
        """The pupil said yes: their yes into the log, then the log into a file."""
        assert self.app.session is not None
        session = self.app.session
        session.world.consent(to)
        if session.log is not None:
            session.log.flush(force=True)
        try:
            path = export_for_mentor(self.app.options.db_path, self.app.options.data_dir,
                                     session.player.pupil,
                                     prefix="overstap-" if to == "handover" else "")
            message = both("for_mentor_saved", path=str(path))
        except (JournalError, OSError) as exc:
            message = both("for_mentor_failed", problem=str(exc))
        self.app.replace_with("notice", world=session.world, message=message,
                              title=self.app.texts("for_mentor_title"))

    def _settings(self) -> None:
        self.app.open("settings")

    def draw(self, surface: pygame.Surface) -> None:
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((30, 36, 52, 120))
        surface.blit(veil, (0, 0))
        super().draw(surface)
