"""The game loop: a fixed time step, a scene stack, and real or scripted input.

With `fast=True` (tests, benchmarks) every frame is exactly one 1/60 s step and
nothing sleeps; with a window, frames are paced at 60 per second. The app knows
screens only by name (game/scenes/screens.py) and plays through a PlaySession.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game import input as keys
from game.content.bundle import Content, load_content
from game.content.errors import ContentError
from game.input import HeldKeys, PressedKeys
from game.journal.journal import Journal
from game.options import Options
from game.saves import SaveStore
from game.scenes.base import Scene
from game.scenes.screens import screen_class
from game.settings import TEXT_SIZES
from game.text.catalogue import Texts
from game.ui import look
from game.ui.sound import Sounds

if TYPE_CHECKING:  # imported when needed: the title screen does not wait for them
    from game.journal.upload import Uploader
    from game.session import PlaySession

STEP = 1.0 / 60.0


class App:
    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        pygame.init()
        pygame.display.set_caption("Alien op school")
        self.display_flags = 0
        self.screen = pygame.display.set_mode(self.options.size)
        self.store = SaveStore(self.options.data_dir)
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
        self.frame = 0
        self.frame_hooks: list[Callable[[App], None]] = []
        self.session: PlaySession | None = None
        self.apply_settings()
        self.content: Content | None = None
        self.content_error: ContentError | None = None
        self._load_content()
        self.journal: Journal | None = None
        self.journal_notice: str | None = None
        self._open_journal()
        self.uploader: Uploader | None = None
        self.start_class_mode(self.options.class_code)
        if self.content_error is not None:
            print(self.content_error, file=sys.stderr)
            self.open("error", error=self.content_error)
        elif self.options.preview:
            self.open("preview", dialogue_id=self.options.preview,
                      situation=self.options.situation)
        else:
            self.open("title")

    # --- content and settings ---
    def _load_content(self) -> None:
        try:
            self.content = load_content(self.options.level, with_images=True)
            self.content_error = None
        except ContentError as exc:
            self.content_error = exc

    def _open_journal(self) -> None:
        """Open the choice log; a bad file is set aside by the store, never fatal here."""
        if self.options.preview:  # a writer's preview logs nothing
            return
        try:
            self.journal = Journal.open(self.options.db_path)
            self.journal_notice = self.journal.notice
        except (OSError, sqlite3.Error) as exc:
            self.journal_notice = f"{self.options.db_path}: {exc}"
        if self.journal_notice:
            print(self.journal_notice, file=sys.stderr)

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
                                         time_pressure=s["time_pressure"])

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
    def play(self, pupil: str, *, resume: bool) -> None:
        """Open the school for this pupil, continuing their saved game when asked."""
        from game.session import Player, PlaySession

        assert self.content is not None
        self.use_settings_of(pupil)
        self.session = PlaySession(
            self.content, Player(pupil, self.texts.language, dict(self.settings),
                                 self.options.class_code),
            journal=self.journal, saved=self.store.load(pupil) if resume else None,
            seed=self.options.seed, saves=self.store, sender=self.uploader)
        self.open("school", session=self.session)
        self.apply_settings()  # the world follows the pupil's calm and time-pressure settings
        self.session.start()
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
        """Leave the game; the session (and any scene that holds progress) saves first."""
        for scene in reversed(self.stack):
            scene.on_quit()
        if self.session is not None:
            self.session.quit()
            self.session = None
        if self.journal is not None:
            self.journal.close()
            self.journal = None
        if self.uploader is not None:
            self.uploader.stop(flush_seconds=3.0)  # a last try; the rest waits for next time
        self.running = False

    def _flush_log(self) -> None:
        """Every scene change commits what the log holds."""
        if self.journal is not None:
            self.journal.flush()

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
            for hook in self.frame_hooks:
                hook(self)
            if self.journal is not None:
                self.journal.tick()
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
            self.frame += 1
            if max_frames is not None and self.frame >= max_frames:
                break

    def draw(self) -> None:
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].transparent:
            first -= 1
        for scene in self.stack[first:]:
            scene.draw(self.screen)
        pygame.display.flip()
