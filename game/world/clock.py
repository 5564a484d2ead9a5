"""The school clock: minutes since midnight, running at the level's speed."""

from __future__ import annotations

from dataclasses import dataclass

from game.content.schema import format_time


@dataclass
class GameClock:
    minutes: float
    speed: float = 10.0  # game seconds per real second
    running: bool = True

    def advance(self, dt: float) -> None:
        if self.running:
            self.minutes += dt * self.speed / 60.0

    def text(self) -> str:
        return format_time(self.minutes)
