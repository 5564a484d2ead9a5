"""A calm painted backdrop for menus: evening sky, the school, a small friendly UFO."""

from __future__ import annotations

import random
from functools import lru_cache

import pygame


def card_on_backdrop(surface: pygame.Surface, width: int, height: int) -> pygame.Rect:
    """Paint the backdrop with a centred panel on it; returns the panel's rect."""
    from game.ui import look

    surface.blit(backdrop(surface.get_size()), (0, 0))
    box = pygame.Rect(0, 0, width, height)
    box.center = (surface.get_width() // 2, surface.get_height() // 2)
    look.panel(surface, box)
    return box


@lru_cache(maxsize=4)
def backdrop(size: tuple[int, int]) -> pygame.Surface:
    w, h = size
    s = pygame.Surface(size)
    for y in range(h):
        t = y / h
        s.fill((int(58 + 60 * t), int(74 + 70 * t), int(116 + 50 * t)), (0, y, w, 1))
    rng = random.Random(7)
    for _ in range(70):
        x, y = rng.randrange(w), rng.randrange(int(h * 0.5))
        pygame.draw.circle(s, (236, 238, 250), (x, y), rng.choice((1, 1, 2)))
    ground = int(h * 0.82)
    pygame.draw.rect(s, (108, 150, 104), (0, ground, w, h - ground))
    # The school building.
    bx, bw, bh = w // 2 - 330, 660, 230
    pygame.draw.rect(s, (214, 196, 170), (bx, ground - bh, bw, bh))
    pygame.draw.rect(s, (150, 90, 80), (bx - 20, ground - bh - 24, bw + 40, 30))
    for row in range(3):
        for col in range(10):
            if col in (4, 5) and row == 2:
                continue
            wx, wy = bx + 28 + col * 62, ground - bh + 26 + row * 66
            lit = rng.random() < 0.55
            pygame.draw.rect(s, (250, 226, 150) if lit else (120, 140, 170), (wx, wy, 40, 40))
    pygame.draw.rect(s, (120, 90, 70), (w // 2 - 40, ground - 70, 80, 70))
    # A small, friendly UFO.
    ux, uy = w - 220, 110
    pygame.draw.ellipse(s, (180, 230, 210), (ux + 30, uy - 26, 60, 40))
    pygame.draw.ellipse(s, (170, 176, 196), (ux, uy, 120, 34))
    for i in range(4):
        pygame.draw.circle(s, (250, 220, 120), (ux + 22 + i * 25, uy + 17), 5)
    return s.convert() if pygame.display.get_surface() else s
