"""The game loop: a fixed time step, a scene stack, and real or scripted input.

With `fast=True` (tests, benchmarks) every frame is exactly one 1/60 s step and
nothing sleeps; with a window, frames are paced at 60 per second. The app knows
screens only by name (game/scenes/screens.py) and plays through a PlaySession.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game import input as keys
from game import logs, mentor_mission
from game.content.bundle import Content, load_content
from game.content.errors import ContentError
from game.file_lock import FileLock
from game.input import HeldKeys, PressedKeys
from game.journal.faults import Trouble, trouble_of
from game.journal.journal import Journal
from game.journal.store import JournalError
from game.mentor_mission import MentorMission
from game.options import Options
from game.save_status import SavingWatch, Waiting
from game.save_writer import SaveWriter
from game.saves import SaveStore
from game.scenes.base import Scene
from game.scenes.screens import screen_class
from game.settings import TEXT_SIZES
from game.text.catalogue import Texts
from game.ui import look
from game.ui.sound import Sounds
from game.ui.toast import Toasts

if TYPE_CHECKING:  # imported when needed: the title screen does not wait for them
    from game.journal.upload import Uploader
    from game.session import PlaySession

log = logging.getLogger(__name__)
STEP = 1.0 / 60.0
LOCK_NAME = "game.lock"


class App:
    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        pygame.init()
        pygame.display.set_caption("Alien op school")
        self.display_flags = 0
        self.screen = pygame.display.set_mode(self.options.size)
        self.store = SaveStore(self.options.data_dir)
        self.save_writer = SaveWriter(self.store)  # saves never make a frame wait
        self.instance = FileLock(self.options.data_dir / LOCK_NAME)
        self.pupil: str | None = None
        self.settings = self.store.load_settings()
        if self.options.language:
            self.settings["language"] = self.options.language
        self.texts = Texts(self.settings["language"], key_labels=keys.key_labels)
        self.sound = Sounds()
        self.held = HeldKeys()
        self.pressed = PressedKeys()
        self.stack: list[Scene] = []
        self.running = True
        self.crashed = False
        self.frame = 0
        self.frame_hooks: list[Callable[[App], None]] = []
        self.session: PlaySession | None = None
        self.apply_settings()
        self.content: Content | None = None
        self.content_error: ContentError | None = None
        self._load_content()
        self.mentor_mission: MentorMission | None = None
        self.mission_problem: str | None = None  # a mission file that could not be used
        self._find_mentor_mission()
        self.toasts = Toasts()
        self.saving_watch = SavingWatch()
        self.journal: Journal | None = None
        self.uploader: Uploader | None = None
        self.consented: set[str] = set()  # the pupil's yes to sending (scenes/consent.py)
        # a writer's preview logs and saves nothing, so it never fights a game for the folder
        claimed = bool(self.options.preview) or self._claim_data_folder()
        if claimed:
            self._open_journal()
            self._class_mode_from_start()
        if self.content_error is not None:
            log.error("the level cannot be played:\n%s", self.content_error)
            print(self.content_error, file=sys.stderr)
            self.open("error", error=self.content_error)
        elif self.options.preview:
            self.open("preview", dialogue_id=self.options.preview,
                      situation=self.options.situation)
        elif not claimed:
            self.open("already_open")
        else:
            self.open("title")
            self._ask_class_consent()

    # --- content and settings ---
    def _load_content(self) -> None:
        try:
            self.content = load_content(self.options.level, with_images=True)
            self.content_error = None
        except ContentError as exc:
            self.content_error = exc

    def _claim_data_folder(self) -> bool:
        """One game per data folder: False when another window holds it. A folder the
        game cannot write at all cannot be fought over: then it plays on."""
        try:
            self.options.data_dir.mkdir(parents=True, exist_ok=True)
            if not self.instance.acquire():
                return False
        except OSError:
            return True
        self.instance.write_note(f"pid {os.getpid()}\n")
        return True

    def start_again(self) -> None:
        """"Try again" on the already-open screen: go on once the other window is closed."""
        if not self._claim_data_folder():
            return
        self._open_journal()
        self._class_mode_from_start()
        self.settings = self.store.load_settings()
        self.apply_settings()
        self.replace_with("title")

    def _open_journal(self) -> None:
        """Open the choice log. A corrupt file is set aside by the store; a file that cannot
        be opened gives a journal that keeps the events in the spill file: never fatal."""
        if self.options.preview:  # a writer's preview logs nothing
            return
        path = self.options.db_path
        try:
            self.journal = Journal.open(path, play_on=True)
        except (JournalError, OSError, sqlite3.Error) as exc:
            self.journal = Journal(path, None, trouble_of(exc))
        self.saving_watch = SavingWatch(already_told=self.journal.trouble)
        if self.journal.notice:  # (a file that cannot be opened was named by Journal.open)
            print(self.journal.notice, file=sys.stderr)

    @property
    def journal_notice(self) -> str | None:
        """What the title screen says about the log: set aside, newer, or cannot open."""
        if self.journal is None:
            return None
        if self.journal.trouble is not None and self.journal.opened is None:
            return self.texts("log_cannot_open", why=self._why(self.journal.trouble))
        return self.journal.notice

    def _class_mode_from_start(self) -> None:
        """A class code from the command line: sessions carry it at once; sending to the
        teacher's server waits for the pupil's yes (see _ask_class_consent)."""
        if self.options.server and self.options.class_code and "class" not in self.consented:
            return
        self.start_class_mode(self.options.class_code)

    def _ask_class_consent(self) -> None:
        """Started with --class and --server: the pupil says, in plain words, whether the
        game may send to the teacher, before anything leaves (Esc is no)."""
        code = self.options.class_code
        if not code or not self.options.server or "class" in self.consented \
                or self.journal is None:
            return

        def yes() -> None:
            self.consented.add("class")
            self.pop()
            self.start_class_mode(code)

        def no() -> None:
            self.options.server = None  # the class's scenes, played here; nothing is sent
            self.pop()

        self.open("consent", to="class", code=code, yes=yes, no=no)

    def start_class_mode(self, class_code: str | None) -> None:
        """Sessions carry the class code; with a server, they are also sent to the teacher."""
        self.options.class_code = class_code
        if not class_code or not self.options.server or self.journal is None:
            return
        from game.journal.upload import Uploader

        if self.uploader is not None:
            self.uploader.stop(flush_seconds=0)
        self.uploader = Uploader(self.options.db_path, self.options.server, class_code)
        self.uploader.start()

    def switch_level(self, level: Path) -> bool:
        """Play another level (class mode from the title screen); False if it is broken."""
        self.options.level = level
        self._load_content()
        return self.content_error is None

    def change_setting(self, key: str, value: object) -> None:
        """Change one setting: it takes effect at once and is saved for this pupil."""
        self.settings[key] = value
        self.store.save_settings(self.settings, self.pupil)
        self.apply_settings()

    def use_settings_of(self, pupil: str) -> None:
        """A pupil starts playing: their own settings, or (first time) the current ones."""
        self.pupil = pupil
        if self.store.has_settings(pupil):
            self.settings = self.store.load_settings(pupil)
        else:
            self.store.save_settings(self.settings, pupil)
        self.apply_settings()

    def apply_settings(self) -> None:
        """Make every setting true on screen, in the keys and in the speakers."""
        s = self.settings
        self.texts.language = s["language"]
        look.configure(font_name=s["font"], scale=TEXT_SIZES[s["text_size"]],
                       soft=s["low_stimulus"])
        keys.use_keymap(keys.KeyMap(s["keys"]))
        self.held.clear()
        self.sound.configure(s["sound_volume"], s["music_volume"],
                             low_stimulus=s["low_stimulus"])
        self._apply_display(bool(s["fullscreen"]))
        if self.session is not None:
            self.session.world.configure(calm=s["low_stimulus"],
                                         time_pressure=s["time_pressure"],
                                         help_when_stuck=s["help_when_stuck"])

    def _apply_display(self, fullscreen: bool) -> None:
        flags = pygame.FULLSCREEN | pygame.SCALED if fullscreen else 0
        if flags == self.display_flags:
            return
        try:
            self.screen = pygame.display.set_mode(self.options.size, flags)
            self.display_flags = flags
        except pygame.error as exc:  # no full screen on this display: stay in the window
            print(f"fullscreen: {exc}", file=sys.stderr)

    # --- playing ---
    def _find_mentor_mission(self) -> None:
        """A mentor's mission file, given or downloaded (see game/mentor_mission.py)."""
        found = mentor_mission.find(self.options.data_dir, self.options.mission)
        if found is None:
            return
        try:
            self.mentor_mission = mentor_mission.load(found)
            log.info("mentor mission loaded from %s", found)
        except mentor_mission.MissionFileError as exc:
            self.mission_problem = str(exc)
            log.warning("mentor mission not used: %s", exc)

    def mission_for(self, pupil: str) -> MentorMission | None:
        """The mentor's mission when this pupil starts a new game (not in class mode)."""
        mission = self.mentor_mission
        if mission is None or self.options.class_code or not mission.for_pupil(pupil):
            return None
        return mission

    def play(self, pupil: str, *, resume: bool) -> None:
        """Open the school for this pupil, continuing their saved game when asked."""
        from game.session import Player, PlaySession

        assert self.content is not None
        self.use_settings_of(pupil)
        mission = None if resume else self.mission_for(pupil)
        if mission is not None:  # the support the mentor chose (the pupil may change it)
            for key, value in mission.settings().items():
                self.change_setting(key, value)
        self.session = PlaySession(
            self.content, Player(pupil, self.texts.language, dict(self.settings),
                                 self.options.class_code),
            journal=self.journal, saved=self.store.load(pupil) if resume else None,
            seed=self.options.seed, saves=self.save_writer, sender=self.uploader)
        self.open("school", session=self.session)
        self.apply_settings()  # the world follows the pupil's calm and time-pressure settings
        self.session.start()
        if mission is not None:
            self.session.world.take_mentor_mission(mission)
        if "class" in self.consented and self.options.class_code:
            self.session.world.consent("class")  # the log keeps the pupil's yes
        self.sound.want_music(True)

    def to_title(self) -> None:
        """Back to the title screen; a session still open is closed (saved, logged)."""
        if self.session is not None:
            self.session.end()
            self.session = None
        while self.stack:
            self.pop()
        self.open("title")

    # --- the stack ---
    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def open(self, name: str, **kwargs: Any) -> Scene:
        """Push the screen registered under `name`."""
        scene = screen_class(name)(self, **kwargs)
        self.push(scene)
        return scene

    def replace_with(self, name: str, **kwargs: Any) -> Scene:
        self.pop()
        return self.open(name, **kwargs)

    def push(self, scene: Scene) -> None:
        self._flush_log()
        self.held.clear()
        self.stack.append(scene)

    def pop(self) -> Scene | None:
        self._flush_log()
        self.held.clear()
        scene = self.stack.pop() if self.stack else None
        if self.top is not None:
            self.top.on_resume()
        return scene

    def quit(self) -> None:
        """Leave the game; the session (and any scene that holds progress) saves first.
        When some of the pupil's work is not in the log yet, say so and offer to wait."""
        if self.crashed or (self.top is not None
                            and self.top.__class__ is screen_class("quit_wait")):
            self.quit_now()  # closing the window again: the pupil means it
            return
        for scene in reversed(self.stack):
            scene.on_quit()
        if self.session is not None:
            self.session.quit()
            self.session = None
        if self.try_to_save().nothing:
            self.quit_now()
        else:
            self.open("quit_wait")

    def quit_now(self) -> None:
        """Close everything now: what waits in the spill file is merged at the next start."""
        if self.session is not None:
            self.session.quit()
            self.session = None
        if self.journal is not None:
            self.journal.close()
            self.journal = None
        if self.uploader is not None:
            self.uploader.stop(flush_seconds=3.0)  # a last try; the rest waits for next time
        self.save_writer.stop()
        self.instance.release()
        self.running = False

    def try_to_save(self) -> Waiting:
        """Try to write what waits now; what is still not in the log (or not sent)."""
        waiting = Waiting()
        if not self.save_writer.flush():
            waiting.in_memory += 1  # the saved game itself
            waiting.trouble = self.save_writer.trouble
        if self.journal is not None and not self.journal.flush(force=True):
            log = self.journal.session
            if log is not None:
                waiting.in_memory += log.unsaved
                waiting.in_spill = log.in_spill
                if log.unsaved or waiting.trouble is None:  # the reason for what is at risk
                    waiting.trouble = self.journal.log_trouble
        if self.uploader is not None and self.uploader.progress.offline:
            waiting.unsent = self.uploader.progress.pending
        return waiting

    def _flush_log(self) -> None:
        """Every scene change commits what the log holds, and saves the game."""
        if self.journal is not None:
            self.journal.flush()
        if self.session is not None and self.session.started and not self.session.ended:
            self.session.save()

    # --- telling the pupil ---
    def _why(self, trouble: Trouble) -> str:
        return self.texts(f"saving_why_{trouble}")

    def _saving_trouble(self) -> Trouble | None:
        log = self.journal.log_trouble if self.journal is not None else None
        return log or self.save_writer.trouble or self.store.settings_trouble

    def _tell_about_saving(self) -> None:
        """Once: saving is paused and why; once: it works again; damaged saves put aside."""
        trouble = self._saving_trouble()
        key = self.saving_watch.update(trouble, time.monotonic())
        if key is not None:
            text = self.texts(key, why=self._why(trouble)) if trouble else self.texts(key)
            self.toasts.show(text)
            print(text, file=sys.stderr)
        for notice in self.store.notices:
            self.toasts.show(self.texts(notice))
        self.store.notices.clear()
        self.toasts.tick()

    # --- the loop ---
    def run(self, max_frames: int | None = None) -> None:
        clock = pygame.time.Clock()
        lag = 0.0
        while self.running and self.stack:
            if self.options.fast:
                steps = 1
            else:
                lag = min(lag + clock.tick(60) / 1000.0, STEP * 5)
                steps = int(lag / STEP)
                lag -= steps * STEP
            for hook in self.frame_hooks:  # tests' scripts: their errors are theirs
                hook(self)
            try:
                self._frame(steps)
            except Exception:
                if self.crashed or not self.options.crash_screen:
                    raise  # (the calm screen itself failed: sys.excepthook logs it)
                self.crash()
            self.frame += 1
            if max_frames is not None and self.frame >= max_frames:
                break

    def _frame(self, steps: int) -> None:
        if self.journal is not None:
            self.journal.tick()
        self._tell_about_saving()
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                self.quit()
                break
            self.held.handle(event)
            if self.pressed.is_repeat(event):
                continue  # a held key is one press, on every screen
            if self.top:
                self.top.handle(event)
        for _ in range(steps):
            if self.top and self.running:
                self.top.update(STEP)
        self.draw()

    def crash(self) -> None:
        """An error nobody expected, in any screen: write it to the log file, keep every
        choice (the choice log is flushed and closed; no new save from a world that may
        be half-changed: the last save stands) and show the calm screen instead of
        vanishing. Called from inside the `except` that caught it."""
        self.crashed = True
        log.exception("the game stopped with an error (screen: %s, frame %d)",
                      type(self.top).__name__, self.frame)
        self.session = None
        try:
            if self.journal is not None:
                self.journal.flush(force=True)
                self.journal.close()
            self.save_writer.flush()
        except Exception:
            log.exception("while keeping the choices after the error")
        self.journal = None
        logs.flush()
        self.stack.clear()
        self.held.clear()
        self.open("crash", report=logs.current_file())

    def draw(self) -> None:
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].transparent:
            first -= 1
        for scene in self.stack[first:]:
            scene.draw(self.screen)
        self.toasts.draw(self.screen)
        pygame.display.flip()
