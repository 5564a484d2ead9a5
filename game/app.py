"""The game loop: a fixed time step, a scene stack, and real or scripted input.

With `fast=True` (tests, benchmarks) every frame is exactly one 1/60 s step and
nothing sleeps; with a window, frames are paced at 60 per second.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from game import input as keys
from game import paths
from game.content.bundle import Content, load_content
from game.content.errors import ContentError
from game.input import HeldKeys
from game.journal.journal import LOG_NAME, Journal
from game.saves import SaveStore, default_data_dir
from game.scenes.base import Scene
from game.settings import TEXT_SIZES
from game.ui import look
from game.ui.sound import Sounds
from game.ui.texts import Texts

STEP = 1.0 / 60.0
SCREEN_SIZE = (1280, 720)
DEFAULT_LEVEL = paths.LEVELS / "eerste-week.yaml"
CLASS_LEVEL = paths.LEVELS / "samen-in-de-klas.yaml"


@dataclass
class Options:
    level: Path = DEFAULT_LEVEL
    data_dir: Path = field(default_factory=default_data_dir)
    fast: bool = False
    size: tuple[int, int] = SCREEN_SIZE
    language: str | None = None
    seed: int | None = None
    db: Path | None = None  # the choice log; default: journal.sqlite in data_dir
    class_code: str | None = None
    server: str | None = None  # class mode: the teacher's dashboard to send the log to

    @property
    def db_path(self) -> Path:
        return self.db if self.db is not None else self.data_dir / LOG_NAME


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
        self.texts = Texts(self.settings["language"])
        self.sound = Sounds()
        self.held = HeldKeys()
        self.stack: list[Scene] = []
        self.running = True
        self.frame = 0
        self.frame_hooks: list[Callable[[App], None]] = []
        self.apply_settings()
        self.content: Content | None = None
        self.content_error: ContentError | None = None
        self._load_content()
        self.journal: Journal | None = None
        self.journal_notice: str | None = None
        self._open_journal()
        self.uploader = None
        self.start_class_mode(self.options.class_code)
        from game.scenes.error import ErrorScene
        from game.scenes.title import TitleScene

        if self.content_error is not None:
            print(self.content_error, file=sys.stderr)
            self.push(ErrorScene(self, self.content_error))
        else:
            self.push(TitleScene(self))

    # --- content and settings ---
    def _load_content(self) -> None:
        try:
            self.content = load_content(self.options.level, with_images=True)
            self.content_error = None
        except ContentError as exc:
            self.content_error = exc

    def _open_journal(self) -> None:
        """Open the choice log; a bad file is set aside by the store, never fatal here."""
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

    def set_language(self, language: str) -> None:
        self.change_setting("language", language)

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
        school = self.find_school()
        if school is not None:
            school.world.configure(calm=s["low_stimulus"], time_pressure=s["time_pressure"])

    def _apply_display(self, fullscreen: bool) -> None:
        flags = pygame.FULLSCREEN | pygame.SCALED if fullscreen else 0
        if flags == self.display_flags:
            return
        try:
            self.screen = pygame.display.set_mode(self.options.size, flags)
            self.display_flags = flags
        except pygame.error as exc:  # no full screen on this display: stay in the window
            print(f"fullscreen: {exc}", file=sys.stderr)

    # --- the stack ---
    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

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

    def replace(self, scene: Scene) -> None:
        self.pop()
        self.push(scene)

    def find(self, kind: type) -> Scene | None:
        return next((s for s in reversed(self.stack) if isinstance(s, kind)), None)

    def find_school(self):
        from game.scenes.school import SchoolScene

        return self.find(SchoolScene)

    def quit(self) -> None:
        """Leave the game; every scene that holds progress saves it first."""
        for scene in reversed(self.stack):
            on_quit = getattr(scene, "on_quit", None)
            if on_quit:
                on_quit()
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
