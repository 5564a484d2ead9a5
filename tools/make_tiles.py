"""Draw the school tileset (32 px, calm top-down style) and write its Tiled .tsx.

Run: python tools/make_tiles.py
Writes assets/tiles/school_tiles.png and levels/maps/school_tiles.tsx. The tile
order is the contract with tools/make_school_map.py (TILE_INDEX).
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
import pygame  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
T = 32
COLUMNS = 8

# Calm, muted palette (no pure saturated colours: low-stimulus friendly).
WALL_TOP = (92, 98, 120)
WALL_TOP_EDGE = (70, 75, 95)
WALL_FACE = (226, 220, 204)
WALL_FACE_SHADE = (205, 198, 180)
BASEBOARD = (150, 132, 110)
CORRIDOR = (214, 210, 198)
WOOD = (196, 160, 118)
WOOD_DARK = (170, 134, 96)
OUTLINE = (60, 56, 64)


def _surface() -> pygame.Surface:
    return pygame.Surface((T, T), pygame.SRCALPHA)


def _speckled(base: tuple[int, int, int], seed: int, amount: int = 18) -> pygame.Surface:
    s = _surface()
    s.fill(base)
    rng = random.Random(seed)
    for _ in range(amount):
        x, y = rng.randrange(T), rng.randrange(T)
        d = rng.choice((-10, -6, 6, 8))
        c = tuple(max(0, min(255, v + d)) for v in base)
        s.set_at((x, y), c)
    return s


def grass() -> pygame.Surface:
    s = _speckled((150, 186, 128), 1, 60)
    rng = random.Random(2)
    for _ in range(8):
        x, y = rng.randrange(2, T - 2), rng.randrange(3, T)
        pygame.draw.line(s, (122, 160, 104), (x, y), (x + 1, y - 3))
    return s


def void() -> pygame.Surface:
    s = _surface()
    s.fill((58, 66, 84))
    for y in range(0, T, 8):
        pygame.draw.line(s, (64, 72, 90), (0, y), (T, y))
    return s


def corridor() -> pygame.Surface:
    s = _speckled(CORRIDOR, 3)
    pygame.draw.line(s, (204, 200, 188), (0, T - 1), (T, T - 1))
    pygame.draw.line(s, (204, 200, 188), (T - 1, 0), (T - 1, T))
    return s


def wood_floor() -> pygame.Surface:
    s = _surface()
    s.fill(WOOD)
    for i, y in enumerate(range(0, T, 8)):
        pygame.draw.line(s, WOOD_DARK, (0, y), (T, y))
        off = 10 if i % 2 else 24
        pygame.draw.line(s, WOOD_DARK, (off, y), (off, y + 7))
    return s


def bathroom_tiles() -> pygame.Surface:
    s = _surface()
    s.fill((208, 226, 232))
    for x in range(0, T, 16):
        for y in range(0, T, 16):
            pygame.draw.rect(s, (188, 208, 216), (x, y, 16, 16), 1)
    return s


def carpet(base: tuple[int, int, int], seed: int) -> pygame.Surface:
    s = _speckled(base, seed, 80)
    return s


def gym_floor() -> pygame.Surface:
    s = _surface()
    s.fill((222, 180, 120))
    for y in range(0, T, 4):
        pygame.draw.line(s, (212, 170, 112), (0, y), (T, y))
    return s


def gym_line() -> pygame.Surface:
    s = gym_floor()
    pygame.draw.line(s, (90, 120, 170), (0, 15), (T, 15), 2)
    return s


def canteen_floor() -> pygame.Surface:
    s = _surface()
    s.fill((206, 150, 120))
    for x in range(0, T, 16):
        for y in range(0, T, 16):
            pygame.draw.rect(s, (190, 136, 108), (x, y, 16, 16), 1)
    return s


def entrance_mat() -> pygame.Surface:
    s = _surface()
    s.fill((110, 104, 100))
    for y in range(2, T, 4):
        pygame.draw.line(s, (96, 90, 88), (2, y), (T - 3, y))
    return s


def wall_top() -> pygame.Surface:
    s = _surface()
    s.fill(WALL_TOP)
    pygame.draw.rect(s, WALL_TOP_EDGE, (0, 0, T, T), 2)
    return s


def wall_face() -> pygame.Surface:
    s = _surface()
    s.fill(WALL_FACE)
    pygame.draw.rect(s, WALL_FACE_SHADE, (0, 0, T, 6))
    pygame.draw.rect(s, BASEBOARD, (0, T - 5, T, 5))
    return s


def window_face() -> pygame.Surface:
    s = wall_face()
    pygame.draw.rect(s, (250, 250, 250), (4, 7, 24, 17))
    pygame.draw.rect(s, (168, 206, 230), (6, 9, 20, 13))
    pygame.draw.line(s, (250, 250, 250), (16, 9), (16, 21), 2)
    pygame.draw.line(s, (200, 226, 240), (8, 19), (13, 11), 2)
    return s


def whiteboard_face() -> pygame.Surface:
    s = wall_face()
    pygame.draw.rect(s, (120, 124, 130), (1, 6, 30, 19))
    pygame.draw.rect(s, (250, 252, 252), (2, 7, 28, 17))
    pygame.draw.line(s, (90, 130, 200), (5, 11), (19, 11))
    pygame.draw.line(s, (200, 100, 100), (5, 15), (14, 15))
    pygame.draw.line(s, (90, 130, 200), (5, 19), (23, 19))
    return s


def notice_board_face() -> pygame.Surface:
    s = wall_face()
    pygame.draw.rect(s, (160, 120, 80), (3, 6, 26, 19))
    pygame.draw.rect(s, (196, 160, 110), (4, 7, 24, 17))
    for x, y, c in ((6, 9, (250, 250, 220)), (16, 9, (220, 236, 250)), (9, 16, (250, 226, 226))):
        pygame.draw.rect(s, c, (x, y, 8, 6))
        pygame.draw.circle(s, (200, 70, 70), (x + 4, y), 1)
    return s


def locker_face() -> pygame.Surface:
    s = wall_face()
    pygame.draw.rect(s, (96, 140, 178), (2, 2, 28, 26))
    pygame.draw.line(s, (70, 110, 150), (16, 2), (16, 27), 2)
    for x in (6, 20):
        for y in (6, 9, 12):
            pygame.draw.line(s, (70, 110, 150), (x, y), (x + 6, y))
        pygame.draw.rect(s, (220, 220, 220), (x + 6 if x == 6 else x - 2, 16, 2, 4))
    return s


def door_open() -> pygame.Surface:
    """An open doorway seen from above: walkable, clearly a door."""
    s = corridor()
    pygame.draw.rect(s, (150, 110, 80), (0, 0, 4, T))
    pygame.draw.rect(s, (150, 110, 80), (T - 4, 0, 4, T))
    pygame.draw.rect(s, (176, 130, 92), (4, 0, 6, 22))  # the door leaf, opened
    pygame.draw.rect(s, OUTLINE, (4, 0, 6, 22), 1)
    pygame.draw.rect(s, (128, 150, 120), (11, 22, 17, 8))  # door mat
    return s


def stairs() -> pygame.Surface:
    s = _surface()
    s.fill((176, 170, 160))
    for i, y in enumerate(range(0, T, 6)):
        shade = 200 - i * 8
        pygame.draw.rect(s, (shade, shade - 4, shade - 12), (0, y, T, 5))
        pygame.draw.line(s, (120, 116, 110), (0, y + 5), (T, y + 5))
    pygame.draw.polygon(s, (90, 130, 90), [(12, 24), (20, 24), (16, 8)])
    return s


# --- furniture, drawn on transparent tiles for the furniture layer ---


def student_desk() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (140, 140, 150), (9, 20, 14, 10), border_radius=3)  # chair
    pygame.draw.rect(s, (205, 174, 132), (2, 4, 28, 16), border_radius=2)
    pygame.draw.rect(s, OUTLINE, (2, 4, 28, 16), 1, border_radius=2)
    pygame.draw.rect(s, (250, 250, 246), (6, 7, 9, 7))  # an open book
    pygame.draw.line(s, (180, 180, 190), (10, 7), (10, 13))
    return s


def teacher_desk() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (160, 118, 84), (1, 6, 30, 20), border_radius=2)
    pygame.draw.rect(s, OUTLINE, (1, 6, 30, 20), 1, border_radius=2)
    pygame.draw.rect(s, (60, 64, 76), (16, 9, 12, 8))  # laptop
    pygame.draw.rect(s, (150, 190, 220), (17, 10, 10, 6))
    pygame.draw.circle(s, (230, 120, 110), (8, 13), 3)  # a mug
    return s


def plant() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (176, 110, 80), (10, 20, 12, 10), border_radius=2)
    for dx, dy, r in ((16, 12, 8), (10, 14, 6), (22, 14, 6), (16, 7, 5)):
        pygame.draw.circle(s, (92, 150, 96), (dx, dy), r)
    pygame.draw.circle(s, (120, 176, 120), (14, 10), 3)
    return s


def bookshelf() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (130, 96, 70), (1, 2, 30, 28))
    colours = [(180, 90, 90), (90, 120, 170), (200, 170, 90), (110, 160, 120), (150, 110, 170)]
    for row, y in enumerate((5, 17)):
        x = 4
        i = row
        while x < 27:
            w = 3 + (i % 2)
            pygame.draw.rect(s, colours[i % len(colours)], (x, y, w, 9))
            x += w + 1
            i += 1
    return s


def canteen_table() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (236, 236, 230), (2, 6, 28, 20), border_radius=6)
    pygame.draw.rect(s, OUTLINE, (2, 6, 28, 20), 1, border_radius=6)
    pygame.draw.circle(s, (240, 200, 120), (10, 14), 3)
    pygame.draw.rect(s, (200, 90, 90), (19, 16, 5, 6))
    return s


def counter() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (120, 150, 160), (0, 6, T, 22))
    pygame.draw.rect(s, (160, 190, 200), (0, 6, T, 6))
    pygame.draw.circle(s, (230, 180, 90), (9, 18), 3)
    pygame.draw.circle(s, (220, 120, 90), (22, 18), 3)
    return s


def sofa() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (120, 150, 130), (1, 6, 30, 22), border_radius=6)
    pygame.draw.rect(s, (140, 172, 150), (5, 12, 22, 12), border_radius=4)
    return s


def beanbag() -> pygame.Surface:
    s = _surface()
    pygame.draw.circle(s, (170, 150, 200), (16, 17), 12)
    pygame.draw.circle(s, (190, 172, 216), (14, 14), 6)
    return s


def gym_bench() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (176, 130, 84), (0, 11, T, 10))
    pygame.draw.rect(s, OUTLINE, (0, 11, T, 10), 1)
    return s


def gym_mat() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (90, 120, 170), (2, 2, 28, 28), border_radius=3)
    pygame.draw.rect(s, (110, 140, 190), (5, 5, 22, 22), border_radius=3)
    return s


def toilet_stall() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (150, 170, 190), (0, 0, T, T))
    pygame.draw.rect(s, (240, 240, 244), (9, 6, 14, 16), border_radius=6)
    pygame.draw.rect(s, (200, 204, 214), (9, 3, 14, 5))
    return s


def sink() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (236, 240, 244), (4, 4, 24, 16), border_radius=5)
    pygame.draw.rect(s, (190, 204, 214), (8, 8, 16, 9), border_radius=4)
    pygame.draw.rect(s, (160, 160, 170), (15, 3, 2, 5))
    return s


def coffee_machine() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (70, 72, 80), (7, 3, 18, 26), border_radius=3)
    pygame.draw.rect(s, (150, 200, 230), (10, 6, 12, 6))
    pygame.draw.rect(s, (240, 240, 240), (13, 20, 6, 6))
    return s


def reception_desk() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (140, 110, 90), (0, 8, T, 18))
    pygame.draw.rect(s, (170, 140, 116), (0, 8, T, 5))
    pygame.draw.rect(s, (240, 240, 236), (6, 15, 8, 6))
    pygame.draw.rect(s, (80, 80, 90), (19, 14, 8, 8))
    return s


def big_table() -> pygame.Surface:
    s = _surface()
    s.fill((172, 132, 96))
    pygame.draw.line(s, (150, 112, 80), (0, 0), (T, 0))
    pygame.draw.line(s, (150, 112, 80), (0, T - 1), (T, T - 1))
    pygame.draw.rect(s, (250, 250, 246), (8, 10, 10, 8))
    return s


def bin_() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (120, 160, 120), (10, 12, 12, 16), border_radius=3)
    pygame.draw.rect(s, (100, 140, 100), (9, 10, 14, 4), border_radius=2)
    return s


def computer_desk() -> pygame.Surface:
    s = _surface()
    pygame.draw.rect(s, (200, 200, 206), (1, 8, 30, 18))
    pygame.draw.rect(s, (50, 54, 64), (8, 4, 16, 11))
    pygame.draw.rect(s, (140, 190, 220), (10, 6, 12, 7))
    pygame.draw.rect(s, (90, 90, 100), (9, 18, 14, 4))
    return s


TileDraw = Callable[[], pygame.Surface]

# name -> (draw function, blocked). Order is the tile id order; append only.
TILES: list[tuple[str, TileDraw, bool]] = [
    ("grass", grass, False),
    ("void", void, True),
    ("corridor", corridor, False),
    ("wood", wood_floor, False),
    ("bathroom", bathroom_tiles, False),
    ("carpet_green", lambda: carpet((150, 178, 150), 5), False),
    ("carpet_lilac", lambda: carpet((186, 176, 206), 6), False),
    ("gym", gym_floor, False),
    ("gym_line", gym_line, False),
    ("canteen", canteen_floor, False),
    ("mat", entrance_mat, False),
    ("wall_top", wall_top, True),
    ("wall_face", wall_face, True),
    ("window", window_face, True),
    ("whiteboard", whiteboard_face, True),
    ("notice_board", notice_board_face, True),
    ("locker", locker_face, True),
    ("door", door_open, False),
    ("stairs", stairs, False),
    ("desk", student_desk, True),
    ("teacher_desk", teacher_desk, True),
    ("plant", plant, True),
    ("bookshelf", bookshelf, True),
    ("canteen_table", canteen_table, True),
    ("counter", counter, True),
    ("sofa", sofa, True),
    ("beanbag", beanbag, True),
    ("gym_bench", gym_bench, True),
    ("gym_mat", gym_mat, False),
    ("toilet", toilet_stall, True),
    ("sink", sink, True),
    ("coffee", coffee_machine, True),
    ("reception", reception_desk, True),
    ("big_table", big_table, True),
    ("bin", bin_, True),
    ("computer", computer_desk, True),
]
TILE_INDEX = {name: i for i, (name, _, _) in enumerate(TILES)}


def build_tileset() -> pygame.Surface:
    rows = (len(TILES) + COLUMNS - 1) // COLUMNS
    sheet = pygame.Surface((COLUMNS * T, rows * T), pygame.SRCALPHA)
    for i, (_, draw, _) in enumerate(TILES):
        sheet.blit(draw(), ((i % COLUMNS) * T, (i // COLUMNS) * T))
    return sheet


def tsx_text(image_rel: str, width: int, height: int) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tileset version="1.10" tiledversion="1.10.2" name="school_tiles" tilewidth="{T}" '
        f'tileheight="{T}" tilecount="{len(TILES)}" columns="{COLUMNS}">',
        f' <image source="{image_rel}" width="{width}" height="{height}"/>',
    ]
    for i, (name, _, blocked) in enumerate(TILES):
        lines.append(f' <tile id="{i}">')
        lines.append("  <properties>")
        lines.append(f'   <property name="tile_name" value="{name}"/>')
        lines.append(f'   <property name="blocked" type="bool" value="{str(blocked).lower()}"/>')
        lines.append("  </properties>")
        lines.append(" </tile>")
    lines.append("</tileset>")
    return "\n".join(lines) + "\n"


def main() -> None:
    pygame.init()
    sheet = build_tileset()
    png = ROOT / "assets" / "tiles" / "school_tiles.png"
    png.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(sheet, str(png))
    tsx = ROOT / "levels" / "maps" / "school_tiles.tsx"
    rel = os.path.relpath(png, tsx.parent).replace(os.sep, "/")
    tsx.write_text(tsx_text(rel, sheet.get_width(), sheet.get_height()), encoding="utf-8")
    print(f"wrote {png.relative_to(ROOT)} and {tsx.relative_to(ROOT)} ({len(TILES)} tiles)")


if __name__ == "__main__":
    main()
