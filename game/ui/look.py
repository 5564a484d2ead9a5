"""Fonts, colours and small drawing helpers: one calm visual language for every screen."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from weakref import WeakSet

import pygame

from game import paths

INK = (40, 44, 60)
PAPER = (250, 248, 242)
PANEL = (250, 248, 242, 255)
ACCENT = (70, 110, 170)
ACCENT_SOFT = (222, 232, 246)
MUTED = (110, 114, 130)
SHADOW = (0, 0, 0, 70)
BACKDROP = (54, 66, 92)


# The dyslexia-friendly font (OpenDyslexic, CC-BY 3.0 + Bitstream; see its licence file
# next to it) is much wider than pygame's default font, so it is drawn smaller to fit the
# same layouts; measured: at 0.62 a line is as wide as in the default font.
FONT_FILES = {
    "standard": (None, None, 1.0),
    "dyslexic": (paths.FONTS / "OpenDyslexic-Regular.otf",
                 paths.FONTS / "OpenDyslexic-Bold.otf", 0.62),
}
Colour = tuple[int, ...]


@dataclass
class Style:
    font: str = "standard"
    scale: float = 1.0
    soft: bool = False


_style = Style()


def configure(*, font_name: str = "standard", scale: float = 1.0, soft: bool = False) -> None:
    """Set the font, text size and colour softness for every screen (from the settings)."""
    wanted = Style(font_name if font_name in FONT_FILES else "standard", scale, soft)
    if wanted != _style:
        _style.font, _style.scale, _style.soft = wanted.font, wanted.scale, wanted.soft
        font.cache_clear()
        text.cache_clear()


def style_key() -> tuple[str, float]:
    """What cached drawings of text depend on: the font and the text size."""
    return _style.font, _style.scale


def soft_colours() -> bool:
    return _style.soft


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> pygame.font.Font:
    regular, heavy, factor = FONT_FILES[_style.font]
    actual = max(8, round(size * _style.scale * factor))
    path = heavy if bold and heavy is not None else regular
    f = pygame.font.Font(str(path) if path is not None else None, actual)
    f.set_bold(bold and path is None)
    return f


TEXTS: WeakSet[pygame.Surface] = WeakSet()
"""Every rendered text still alive, so the layout test can tell text from pictures."""


@lru_cache(maxsize=512)
def text(content: str, size: int, colour: Colour = INK,
         bold: bool = False) -> pygame.Surface:
    """Rendered text, cached: rendering anew every frame is the usual cause of slow frames."""
    rendered = font(size, bold).render(content, True, colour)
    TEXTS.add(rendered)
    return rendered


def wrap(content: str, size: int, width: int, bold: bool = False) -> list[str]:
    """Words to lines no wider than `width` (a single word longer than that keeps its line)."""
    f = font(size, bold)
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
def _panel_surfaces(size: tuple[int, int], fill: Colour, border: Colour,
                    radius: int) -> tuple[pygame.Surface, pygame.Surface]:
    shadow = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(shadow, SHADOW, shadow.get_rect(), border_radius=radius)
    body = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(body, fill, body.get_rect(), border_radius=radius)
    pygame.draw.rect(body, border, body.get_rect(), 3, border_radius=radius)
    return shadow, body


def panel(surface: pygame.Surface, rect: pygame.Rect, *, fill: Colour = PANEL,
          border: Colour = ACCENT, radius: int = 14) -> None:
    """A rounded, softly shadowed panel; cached per size so the HUD allocates nothing."""
    shadow, body = _panel_surfaces((rect.w, rect.h), fill, border, radius)
    surface.blit(shadow, (rect.x + 4, rect.y + 5))
    surface.blit(body, rect.topleft)


def line_height(size: int, spacing: float = 1.3) -> int:
    """The distance between two lines of wrapped text, following the text size setting."""
    factor = 1.15 if _style.font == "dyslexic" else 1.0
    return int(size * _style.scale * spacing * 0.75 * factor)


def text_height(paragraphs: list[str], size: int, width: int, gap: int = 0) -> int:
    """How tall these paragraphs are when wrapped to `width` (with `gap` between them)."""
    lines = sum(len(wrap(p, size, width)) for p in paragraphs)
    return lines * line_height(size) + gap * max(0, len(paragraphs) - 1)


def fitting_size(paragraphs: list[str], width: int, height: int, largest: int,
                 smallest: int = 20, gap: int = 0) -> int:
    """The largest size (from `largest` down) at which the paragraphs fit the box: large
    text stays as large as the screen allows, and nothing runs off the bottom."""
    size = largest
    while size > smallest and text_height(paragraphs, size, width, gap) > height:
        size -= 2
    return size


def blit_list(surface: pygame.Surface, items: list[str], largest: int, x: int, y: int,
              width: int, bottom: int, colour: Colour = INK, gap: int = 6) -> int:
    """A bulleted list (the clues found) as large as fits above `bottom`: in one column,
    or in two side by side when one column would run off the bottom at the smallest size.
    Returns the y below the list."""
    bulleted = ["\u2022 " + item for item in items]
    size = fitting_size(bulleted, width, bottom - y, largest, gap=gap)
    if text_height(bulleted, size, width, gap) <= bottom - y or len(bulleted) < 2:
        columns = [bulleted]
        column_w = width
    else:
        half = (len(bulleted) + 1) // 2
        columns = [bulleted[:half], bulleted[half:]]
        column_w = (width - 24) // 2
        size = min(fitting_size(c, column_w, bottom - y, largest, gap=gap) for c in columns)
    below = y
    for i, column in enumerate(columns):
        cy = y
        for item in column:
            cy = blit_lines(surface, wrap(item, size, column_w), size,
                            x + i * (column_w + 24), cy, colour) + gap
        below = max(below, cy)
    return below


def blit_lines(surface: pygame.Surface, lines: list[str], size: int, x: int, y: int,
               colour: Colour = INK, spacing: float = 1.3, bold: bool = False) -> int:
    """Draw lines one under the other; returns the y below the last one."""
    for line in lines:
        surface.blit(text(line, size, colour, bold), (x, y))
        y += line_height(size, spacing)
    return y
