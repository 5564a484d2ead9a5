"""The scene interface every screen implements."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.app import App


class Scene:
    #: A transparent scene lets the scene below it show through (dialogue, pause).
    transparent = False

    def __init__(self, app: App) -> None:
        self.app = app

    def handle(self, event: pygame.event.Event) -> None:
        """One input event; only the top scene gets them."""

    def update(self, dt: float) -> None:
        """One fixed time step for the top scene."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw this scene; scenes below a transparent one are drawn first."""

    def on_resume(self) -> None:
        """This scene is on top again (the one above it closed)."""
