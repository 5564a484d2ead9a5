"""Scripted input: plays the real game loop by posting real pygame events.

A script is a list of steps (press a key, type text, walk to a room or a
person, wait). Walking plans a route over the tile grid, stairs included, and
then holds the arrow keys the way a pupil would. Tests and demos use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.world import pathfinding
from game.world.pathfinding import Tile

DIRECTION_KEYS = {(1, 0): pygame.K_RIGHT, (-1, 0): pygame.K_LEFT, (0, 1): pygame.K_DOWN,
                  (0, -1): pygame.K_UP}
STUCK_FRAMES = 45


class ScriptError(RuntimeError):
    pass


def _post_key(key: int, down: bool) -> None:
    kind = pygame.KEYDOWN if down else pygame.KEYUP
    pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))


class Step:
    def tick(self, app) -> bool:  # noqa: ANN001 - App, avoided import cycle
        """Do this frame's part; True when the step is complete."""
        raise NotImplementedError


@dataclass
class Press(Step):
    key: int
    _phase: int = 0

    def tick(self, app) -> bool:
        _post_key(self.key, self._phase == 0)
        self._phase += 1
        return self._phase >= 2


@dataclass
class Type(Step):
    text: str

    def tick(self, app) -> bool:
        for ch in self.text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        return True


@dataclass
class Wait(Step):
    frames: int

    def tick(self, app) -> bool:
        self.frames -= 1
        return self.frames <= 0


@dataclass
class Call(Step):
    """Run a function once (for checks or screenshots in the middle of a script)."""

    fn: Callable[..., object]

    def tick(self, app) -> bool:
        self.fn(app)
        return True


@dataclass
class WalkTo(Step):
    """Walk to a room (any tile in it), a named point, or next to a person."""

    target: str
    timeout_frames: int = 60 * 90
    _path: list[Tile] | None = None
    _held: int | None = None
    _frames: int = 0
    _last_pos: tuple[float, float] = (0.0, 0.0)
    _still: int = 0
    _face: tuple[int, int] | None = None
    _npc_tile: Tile | None = None

    def tick(self, app) -> bool:
        scene = app.find_school()
        if scene is None:
            raise ScriptError(f"walk to '{self.target}': the school is not on screen")
        world = scene.world
        smap = world.map
        here = pathfinding.tile_of(smap, world.player.x, world.player.y)
        if self._path is None or self._target_moved(world):
            self._plan(world, here)
        self._frames += 1
        if self._frames > self.timeout_frames:
            self._release()
            raise ScriptError(f"walk to '{self.target}' took too long (at {here})")
        pos = (world.player.x, world.player.y)
        self._still = self._still + 1 if pos == self._last_pos else 0
        self._last_pos = pos
        if self._still > STUCK_FRAMES:
            self._still = 0
            self._plan(world, here, avoid_people=True)
        assert self._path is not None
        goal_tile = self._path[-1]
        gx, gy = pathfinding.centre(smap, goal_tile)
        if here == goal_tile and abs(world.player.x - gx) < 3 and abs(world.player.y - gy) < 3:
            if self._face is None or self._held == DIRECTION_KEYS[self._face]:
                self._release()
                return True
            self._hold(DIRECTION_KEYS[self._face])  # a one-frame tap turns towards them
            return False
        if here in self._path:
            i = self._path.index(here)
            nxt = self._path[min(i + 1, len(self._path) - 1)]
        else:
            self._plan(world, here)
            nxt = self._path[1] if len(self._path) > 1 else self._path[0]
        direction = _direction(world.player, here, nxt, smap)
        self._hold(DIRECTION_KEYS[direction] if direction else None)
        return False

    def _plan(self, world, here: Tile, avoid_people: bool = False) -> None:
        smap = world.map
        people = {pathfinding.tile_of(smap, n.body.x, n.body.y) for n in world.npcs.values()}
        self._face = None
        if self.target in smap.rooms:
            goals = pathfinding.room_tiles(smap, self.target) - people
        elif self.target in world.npcs:
            npc = world.npcs[self.target]
            nx, ny = pathfinding.tile_of(smap, npc.body.x, npc.body.y)
            goals = {(nx + dx, ny + dy) for dx, dy in DIRECTION_KEYS
                     if not smap.is_blocked_tile(nx + dx, ny + dy)} - people
        elif self.target in smap.points:
            point = smap.points[self.target]
            goals = {pathfinding.tile_of(smap, point.x, point.y)}
        elif self.target in smap.doors:
            x, y = smap.doors[self.target].rect.center
            goals = {pathfinding.tile_of(smap, x, y + 1)}
        else:
            raise ScriptError(f"walk to '{self.target}': no such room, person or point")
        avoid = (people - {here}) if avoid_people else set()
        path = pathfinding.find_path(smap, here, goals, avoid)
        if path is None:
            raise ScriptError(f"walk to '{self.target}': no way there from {here}")
        self._path = path
        if self.target in world.npcs:
            npc = world.npcs[self.target]
            nx, ny = pathfinding.tile_of(smap, npc.body.x, npc.body.y)
            self._npc_tile = (nx, ny)
            self._face = (nx - path[-1][0], ny - path[-1][1])

    def _target_moved(self, world) -> bool:
        """People walk: follow them when they leave the tile the route was planned for."""
        npc = world.npcs.get(self.target)
        if npc is None or self.target in world.map.rooms:
            return False
        return pathfinding.tile_of(world.map, npc.body.x, npc.body.y) != self._npc_tile

    def _hold(self, key: int | None) -> None:
        if key == self._held:
            return
        if self._held is not None:
            _post_key(self._held, False)
        if key is not None:
            _post_key(key, True)
        self._held = key

    def _release(self) -> None:
        self._hold(None)


def _direction(body, here: Tile, nxt: Tile, smap) -> tuple[int, int] | None:
    """Line up with the middle of this tile first, then step towards the next one."""
    cx, cy = pathfinding.centre(smap, here)
    tx, ty = pathfinding.centre(smap, nxt)
    if nxt[0] != here[0] and abs(body.y - cy) > 2:
        tx, ty = body.x, cy
    elif nxt[1] != here[1] and abs(body.x - cx) > 2:
        tx, ty = cx, body.y
    dx, dy = tx - body.x, ty - body.y
    if abs(dx) > 2:
        return (1 if dx > 0 else -1, 0)
    if abs(dy) > 2:
        return (0, 1 if dy > 0 else -1)
    return None


class Script:
    """Feeds steps to the app, one frame at a time; attach with app.frame_hooks."""

    def __init__(self, steps: list[Step]) -> None:
        self.steps = list(steps)
        self.done = False

    def __call__(self, app) -> None:
        if not self.steps:
            self.done = True
            return
        if self.steps[0].tick(app):
            self.steps.pop(0)
        if not self.steps:
            self.done = True


def run_script(app, steps: list[Step], max_frames: int = 60 * 60 * 5) -> Script:
    """Run the app until the script is done, the game quits, or the frame budget is used up."""
    script = Script(steps)
    app.frame_hooks.append(script)
    start = app.frame
    while not script.done and app.running and app.frame - start < max_frames:
        app.run(max_frames=app.frame + 1)
    app.frame_hooks.remove(script)
    if not script.done and app.running:
        raise ScriptError(f"script not finished after {max_frames} frames: {script.steps[:1]}")
    return script
