"""Classmates and teachers in the corridors: where they stand, and a calm walk to and fro."""

from __future__ import annotations

from dataclasses import dataclass

from game.world.movement import Body

PAUSE_SECONDS = 2.5
NPC_SPEED = 60.0


@dataclass
class Npc:
    id: str
    name: str
    role: str
    sprite: str
    body: Body
    home: tuple[float, float]
    route_to: tuple[float, float] | None = None
    heading_out: bool = True
    pause: float = 0.0
    talking: bool = False
    origin: tuple[float, float] | None = None  # where they stand outside lessons
    seated: bool = False  # in class for a lesson (see world/seating.py): they stay put

    def target(self) -> tuple[float, float] | None:
        if self.route_to is None:
            return None
        return self.route_to if self.heading_out else self.home
