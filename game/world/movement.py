"""A body that walks on the tile grid and stops at walls, furniture and people."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.content.school_map import SchoolMap

HITBOX_W, HITBOX_H = 18.0, 10.0
WALK_SPEED = 130.0  # pixels per second: about four tiles a second, calm but not slow
NUDGE = 12  # pixels: how far round a corner the pupil slides into a doorway
LOOK_AHEAD = 10  # pixels: the opening must go on this far (a doorway, not a chink)
DIRECTION_VECTORS = {"up": (0, -1), "down": (0, 1), "left": (-1, 0), "right": (1, 0)}


@dataclass
class Body:
    """Position is the point between the feet; the hitbox is a small box around it."""

    x: float
    y: float
    facing: str = "down"
    moving: bool = False
    distance: float = 0.0  # walked so far, drives the walk animation

    def hitbox(self, x: float | None = None, y: float | None = None) -> tuple[float, ...]:
        x = self.x if x is None else x
        y = self.y if y is None else y
        return x - HITBOX_W / 2, y - HITBOX_H, HITBOX_W, HITBOX_H


def hits_map(smap: SchoolMap, box: tuple[float, ...]) -> bool:
    x, y, w, h = box
    t = smap.tile
    for ty in range(int(y // t), int((y + h - 0.01) // t) + 1):
        for tx in range(int(x // t), int((x + w - 0.01) // t) + 1):
            if smap.is_blocked_tile(tx, ty):
                return True
    return False


def overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def step(body: Body, dx: float, dy: float, dt: float, smap: SchoolMap,
         blocked_by: Callable[[tuple[float, ...]], bool], speed: float = WALK_SPEED) -> None:
    """Move one fixed step, axis by axis, so a body slides along walls instead of sticking."""
    if dx or dy:
        if abs(dx) >= abs(dy):
            body.facing = "right" if dx > 0 else "left"
        else:
            body.facing = "down" if dy > 0 else "up"
    if dx and dy:
        dx, dy = dx * 0.7071, dy * 0.7071
    moved = 0.0
    for axis, d in (("x", dx), ("y", dy)):
        if not d:
            continue
        delta = d * speed * dt
        nx = body.x + delta if axis == "x" else body.x
        ny = body.y + delta if axis == "y" else body.y
        box = body.hitbox(nx, ny)
        wall, person = hits_map(smap, box), blocked_by(box)
        if not wall and not person:
            body.x, body.y = nx, ny
            moved += abs(delta)
        elif wall and not person and not (dy if axis == "x" else dx):
            moved += _round_the_corner(body, axis, delta, speed * dt, smap, blocked_by)
    body.moving = moved > 0
    body.distance += moved


def _round_the_corner(body: Body, axis: str, delta: float, reach: float, smap: SchoolMap,
                      blocked_by: Callable[[tuple[float, ...]], bool]) -> float:
    """Blocked head-on, but a doorway or gap is a few pixels to the side: slide towards it,
    so a pupil walking at a door need not line up to the pixel. Returns the distance."""

    def free(x: float, y: float) -> bool:
        box = body.hitbox(x, y)
        return not hits_map(smap, box) and not blocked_by(box)

    further = delta + (LOOK_AHEAD if delta > 0 else -LOOK_AHEAD)
    for offset in range(1, NUDGE + 1):
        for side in (-1, 1):
            shift = side * offset
            ahead = [(body.x + d, body.y + shift) if axis == "x" else (body.x + shift, body.y + d)
                     for d in (delta, further)]
            if all(free(*point) for point in ahead):  # a real opening, not a chink
                step = side * min(reach, offset)
                beside = (body.x, body.y + step) if axis == "x" else (body.x + step, body.y)
                if not free(*beside):
                    continue
                body.x, body.y = beside
                return abs(step)
    return 0.0


def free_spot_beside(body: Body, smap: SchoolMap) -> tuple[float, float] | None:
    """Where someone can stand right next to the body (a tile to its side, not a wall)."""
    t = smap.tile
    for dx, dy in ((t, 0), (-t, 0), (0, t), (0, -t)):
        x, y = body.x + dx, body.y + dy
        if not hits_map(smap, body.hitbox(x, y)):
            return x, y
    return None
