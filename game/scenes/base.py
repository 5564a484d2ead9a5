"""The scene interface every screen implements, and what a scene may ask of the app."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pygame

from game.content.bundle import Content
from game.content.errors import ContentError
from game.input import HeldKeys
from game.options import Options
from game.save_status import Waiting
from game.saves import SaveStore
from game.text.catalogue import Texts
from game.ui.sound import Sounds

if TYPE_CHECKING:  # for the types only: the title screen does not wait for the world
    from game.journal.upload import Uploader
    from game.mentor_mission import MentorMission
    from game.session import PlaySession


class Host(Protocol):
    """The app as the scenes see it (game/app.py is the one implementation)."""

    options: Options
    texts: Texts
    settings: dict[str, Any]
    store: SaveStore
    sound: Sounds
    held: HeldKeys
    screen: pygame.Surface
    content: Content | None
    content_error: ContentError | None
    session: PlaySession | None
    uploader: Uploader | None
    mentor_mission: MentorMission | None
    mission_problem: str | None
    consented: set[str]
    """Where the pupil said yes to their log going (scenes/consent.py), this run."""

    @property
    def top(self) -> Scene | None: ...

    @property
    def journal_notice(self) -> str | None: ...

    def open(self, name: str, **kwargs: Any) -> Scene: ...
    def replace_with(self, name: str, **kwargs: Any) -> Scene: ...
    def push(self, scene: Scene) -> None: ...
    def pop(self) -> Scene | None: ...
    def to_title(self) -> None: ...
    def quit(self) -> None: ...
    def quit_now(self) -> None: ...
    def try_to_save(self) -> Waiting: ...
    def start_again(self) -> None: ...
    def play(self, pupil: str, *, resume: bool) -> None: ...
    def mission_for(self, pupil: str) -> MentorMission | None: ...
    def change_setting(self, key: str, value: object) -> None: ...
    def start_class_mode(self, class_code: str | None) -> None: ...
    def switch_level(self, level: Path) -> bool: ...


class Scene:
    #: A transparent scene lets the scene below it show through (dialogue, pause).
    transparent = False

    def __init__(self, app: Host) -> None:
        self.app = app

    def handle(self, event: pygame.event.Event) -> None:
        """One input event; only the top scene gets them."""

    def update(self, dt: float) -> None:
        """One fixed time step for the top scene."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw this scene; scenes below a transparent one are drawn first."""

    def on_resume(self) -> None:
        """This scene is on top again (the one above it closed)."""

    def on_quit(self) -> None:
        """The game is closing: keep whatever this scene holds."""
