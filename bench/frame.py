"""Frame time: update + draw at 1280x720 on the school map with 20+ people in view.

Prints median and p99 over 2400 frames for the game's real scene draw (pyscroll
map, y-sorted people, HUD), and for a
naive renderer that blits every visible tile each frame, as a reference.
Run: SDL_VIDEODRIVER=dummy python bench/frame.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import pygame
import pytmx
from _headless import percentile  # also sets up a headless run before any window opens

from game.app import STEP, App
from game.options import Options
from game.scenes.school import SchoolScene, SpriteSheet
from game.world.movement import Body
from game.world.npc import Npc
from game.world.world import World

FRAMES = 2400
EXTRA_PEOPLE = 14


def crowd(world: World) -> None:
    """Put extra classmates in the ground-floor corridor so 20+ people are in view."""
    corridor = world.map.rooms["gang-0"].rect
    sprites = ["noor", "daan", "fadil", "amber", "sem", "priya", "mila"]
    for i in range(EXTRA_PEOPLE):
        x = corridor.x + 80 + i * 70
        y = corridor.y + 40 + (i % 3) * 30
        world.npcs[f"extra-{i}"] = Npc(f"extra-{i}", "Extra", "classmate",
                                       sprites[i % len(sprites)], Body(x, y), (x, y),
                                       (x, y + 40))


def walk_input(frame: int) -> tuple[float, float]:
    # Back and forth along the corridor: the camera scrolls all the time.
    return (1.0, 0.0) if (frame // 300) % 2 == 0 else (-1.0, 0.0)


def naive_draw(screen: pygame.Surface, tmx, camera: tuple[float, float]) -> None:
    t = tmx.tilewidth
    w, h = screen.get_size()
    left = max(0, int(camera[0] - w / 2))
    top = max(0, int(camera[1] - h / 2))
    for layer in tmx.visible_tile_layers:
        for ty in range(top // t, min(tmx.height, (top + h) // t + 1)):
            for tx in range(left // t, min(tmx.width, (left + w) // t + 1)):
                image = tmx.get_tile_image(tx, ty, layer)
                if image:
                    screen.blit(image, (tx * t - left, ty * t - top))


def run(label: str, world: World, draw) -> tuple[float, float]:
    crowd(world)
    world.player.x, world.player.y = world.map.rooms["gang-0"].rect.center
    in_view = 0
    times = []
    for frame in range(FRAMES):
        start = time.perf_counter()
        world.update(STEP, walk_input(frame))
        people = [(SpriteSheet.get(n.sprite).frame(n.body), n.body) for n in world.npcs.values()]
        people.append((SpriteSheet.get("player").frame(world.player), world.player))
        draw(world, people)
        if frame == 0:
            view = pygame.Rect(world.player.x - 640, world.player.y - 360, 1280, 720)
            in_view = sum(view.collidepoint(b.x, b.y) for _, b in people)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:<22} median {statistics.median(times):6.2f} ms   "
          f"p99 {percentile(times, 0.99):6.2f} ms   max {max(times):6.2f} ms   "
          f"({FRAMES} frames, {in_view} people in view)")
    return statistics.median(times), percentile(times, 0.99)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as data_dir:
        app = App(Options(data_dir=Path(data_dir), fast=True))
    app.play("bench", resume=False)
    top = app.top
    assert isinstance(top, SchoolScene) and app.content is not None
    scene: SchoolScene = top
    screen = app.screen
    content = app.content

    def game_draw(world, people):
        # The real scene draw: pyscroll map, y-sorted people and the HUD.
        scene.after_update()
        scene.draw(screen)

    def reference_draw(world, people):
        cam = (world.player.x, world.player.y - 16)
        naive_draw(screen, content.map.tmx, cam)
        for image, body in people:
            screen.blit(image, (body.x - cam[0] + 640 - 16, body.y - cam[1] + 360 - 40))

    assert isinstance(content.map.tmx, pytmx.TiledMap)
    game = run("game (pyscroll + HUD)", scene.world, game_draw)
    naive = run("naive tile blitting", World(content, seed=1), reference_draw)
    print(f"ratio naive/pyscroll: median {naive[0] / game[0]:.1f}x, p99 {naive[1] / game[1]:.1f}x")
