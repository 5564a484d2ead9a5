"""Fonts, colours and small drawing helpers: one calm visual language for every screen."""

from __future__ import annotations

from functools import lru_cache

import pygame

INK = (40, 44, 60)
PAPER = (250, 248, 242)
PANEL = (250, 248, 242, 255)
ACCENT = (70, 110, 170)
ACCENT_SOFT = (222, 232, 246)
MUTED = (110, 114, 130)
SHADOW = (0, 0, 0, 70)
BACKDROP = (54, 66, 92)


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> pygame.font.Font:
    f = pygame.font.Font(None, size)
    f.set_bold(bold)
    return f


@lru_cache(maxsize=512)
def text(content: str, size: int, colour: tuple[int, int, int] = INK,
         bold: bool = False) -> pygame.Surface:
    """Rendered text, cached: rendering anew every frame is the usual cause of slow frames."""
    return font(size, bold).render(content, True, colour)


def wrap(content: str, size: int, width: int) -> list[str]:
    f = font(size)
    lines: list[str] = []
    for paragraph in content.split("\n"):
        words, line = paragraph.split(" "), ""
        for word in words:
            trial = f"{line} {word}".strip()
            if f.size(trial)[0] <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


@lru_cache(maxsize=128)
def _panel_surfaces(size: tuple[int, int], fill, border,
                    radius: int) -> tuple[pygame.Surface, pygame.Surface]:
    shadow = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(shadow, SHADOW, shadow.get_rect(), border_radius=radius)
    body = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(body, fill, body.get_rect(), border_radius=radius)
    pygame.draw.rect(body, border, body.get_rect(), 3, border_radius=radius)
    return shadow, body


def panel(surface: pygame.Surface, rect: pygame.Rect, *, fill=PANEL, border=ACCENT,
          radius: int = 14) -> None:
    """A rounded, softly shadowed panel; cached per size so the HUD allocates nothing."""
    shadow, body = _panel_surfaces((rect.w, rect.h), fill, border, radius)
    surface.blit(shadow, (rect.x + 4, rect.y + 5))
    surface.blit(body, rect.topleft)


def blit_lines(surface: pygame.Surface, lines: list[str], size: int, x: int, y: int,
               colour=INK, spacing: float = 1.3) -> int:
    for line in lines:
        surface.blit(text(line, size, colour), (x, y))
        y += int(size * spacing * 0.75)
    return y
