"""Draw character walk sheets and emotion portraits from assets/characters/looks.yaml.

Run: python tools/make_characters.py
Walk sheet: columns = frames (stand, step A, step B), rows = directions
(down, left, right, up); each frame FRAME_W x FRAME_H. Portrait sheet: one
128x128 face per emotion, in EMOTIONS order.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
import pygame  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FRAME_W, FRAME_H = 32, 40
DIRECTIONS = ("down", "left", "right", "up")
EMOTIONS = ("neutral", "happy", "sad", "angry", "nervous", "surprised")
PORTRAIT = 128
SKINS = {
    1: (252, 224, 200),
    2: (238, 196, 164),
    3: (218, 170, 124),
    4: (190, 136, 96),
    5: (146, 98, 66),
    6: (104, 68, 46),
}
DARK = (44, 36, 40)
SHOE = (60, 56, 60)


def _hex(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def _shade(c: tuple[int, int, int], d: int) -> tuple[int, int, int]:
    return tuple(max(0, min(255, v + d)) for v in c)  # type: ignore[return-value]


class Look:
    def __init__(self, spec: dict) -> None:
        self.skin = SKINS[int(spec["skin"])]
        self.hair = _hex(spec["hair"])
        self.style = spec["hair_style"]
        self.top = _hex(spec["top"])
        self.bottom = _hex(spec["bottom"])
        self.extras = set(spec.get("extras", []))


def _hair_back(s: pygame.Surface, look: Look, cx: int, cy: int, r: int, facing: str) -> None:
    """Hair that hangs behind the head (long hair, braids, afro, hijab cloth)."""
    h = look.hair
    if look.style == "afro":
        pygame.draw.circle(s, h, (cx, cy - r // 4), int(r * 1.35))
    elif look.style in ("long", "braids") and facing != "up":
        pygame.draw.rect(s, h, (cx - r - 1, cy - r // 2, 2 * r + 2, int(r * 1.9)),
                         border_radius=r // 2)
    elif look.style == "hijab":
        pygame.draw.circle(s, h, (cx, cy), r + 2)
        pygame.draw.rect(s, h, (cx - r - 2, cy, 2 * r + 4, int(r * 1.6)), border_radius=r // 2)


def _hair_front(s: pygame.Surface, look: Look, cx: int, cy: int, r: int, facing: str) -> None:
    h, style = look.hair, look.style
    top = pygame.Rect(cx - r, cy - r, 2 * r, 2 * r)
    if style == "hijab":
        if facing == "up":
            pygame.draw.circle(s, h, (cx, cy), r + 1)
        return
    if style == "bald":
        if facing != "down":
            pygame.draw.arc(s, h, top, 0.2, 2.9, max(1, r // 5))
        return
    if facing == "up":
        pygame.draw.circle(s, h, (cx, cy), r)
        if style == "ponytail":
            pygame.draw.circle(s, h, (cx, cy + r), r // 2)
        if style == "bun":
            pygame.draw.circle(s, _shade(h, -15), (cx, cy - r // 3), r // 2)
        return
    # Fringe / top of the head.
    pygame.draw.ellipse(s, h, (cx - r, cy - r - 1, 2 * r, int(r * 1.05)))
    if style == "spiky":
        for i in range(-2, 3):
            x = cx + i * r // 3
            pygame.draw.polygon(s, h, [(x - r // 4, cy - r + 2), (x, cy - r - r // 2),
                                       (x + r // 4, cy - r + 2)])
    elif style == "curly":
        for i in range(-2, 3):
            pygame.draw.circle(s, h, (cx + i * r // 2.5, cy - r + 1), r // 3)
    elif style == "bun":
        pygame.draw.circle(s, h, (cx, cy - r - r // 4), r // 2)
    elif style == "ponytail":
        side = 1 if facing != "left" else -1
        pygame.draw.ellipse(s, h, (cx + side * r - r // 3, cy - r // 3, r // 1.5, r * 1.2))
    elif style == "braids" and facing == "down":
        for x in (cx - r - 1, cx + r - 2):
            pygame.draw.rect(s, _shade(h, 15), (x, cy, 3, int(r * 1.3)))
    elif style == "afro":
        pygame.draw.ellipse(s, h, (cx - r - 2, cy - r - 3, 2 * r + 4, r + 2))
    if facing in ("left", "right"):
        back = cx + (r // 2 if facing == "left" else -r // 2)
        pygame.draw.circle(s, h, (back, cy - 1), int(r * 0.8))


def _face_small(s: pygame.Surface, look: Look, cx: int, cy: int, facing: str) -> None:
    if facing == "up":
        return
    if facing == "down":
        eyes = [(cx - 4, cy + 1), (cx + 3, cy + 1)]
    else:
        eyes = [(cx - 4 if facing == "left" else cx + 3, cy + 1)]
    for e in eyes:
        pygame.draw.rect(s, DARK, (e[0], e[1], 2, 3))
    if "glasses" in look.extras:
        for e in eyes:
            pygame.draw.rect(s, (70, 70, 80), (e[0] - 2, e[1] - 1, 6, 5), 1)
    if "beard" in look.extras:
        pygame.draw.ellipse(s, _shade(look.hair, -10), (cx - 6, cy + 4, 12, 6))
    if facing == "down":
        pygame.draw.line(s, _shade(look.skin, -60), (cx - 2, cy + 6), (cx + 1, cy + 6))
        if look.style == "hijab":
            pygame.draw.circle(s, look.hair, (cx, cy), 10, 2)


def walk_frame(look: Look, facing: str, frame: int) -> pygame.Surface:
    s = pygame.Surface((FRAME_W, FRAME_H), pygame.SRCALPHA)
    cx = FRAME_W // 2
    step = (0, -2, 2)[frame]
    pygame.draw.ellipse(s, (0, 0, 0, 60), (cx - 10, FRAME_H - 7, 20, 6))
    # Legs and shoes.
    if facing in ("down", "up"):
        left_y, right_y = 28 + max(0, step), 28 + max(0, -step)
        pygame.draw.rect(s, look.bottom, (cx - 6, 26, 5, left_y - 26 + 6))
        pygame.draw.rect(s, look.bottom, (cx + 1, 26, 5, right_y - 26 + 6))
        pygame.draw.rect(s, SHOE, (cx - 6, left_y + 5, 5, 3))
        pygame.draw.rect(s, SHOE, (cx + 1, right_y + 5, 5, 3))
    else:
        pygame.draw.rect(s, look.bottom, (cx - 3 + step, 26, 5, 9))
        pygame.draw.rect(s, _shade(look.bottom, -20), (cx - 2 - step, 26, 5, 9))
        pygame.draw.rect(s, SHOE, (cx - 3 + step, 34, 6, 3))
        pygame.draw.rect(s, SHOE, (cx - 2 - step, 34, 6, 3))
    # Body and arms.
    body = pygame.Rect(cx - 8, 16, 16, 12)
    if facing in ("left", "right"):
        body = pygame.Rect(cx - 6, 16, 12, 12)
    pygame.draw.rect(s, look.top, body, border_radius=4)
    pygame.draw.rect(s, _shade(look.top, -35), body, 1, border_radius=4)
    if facing in ("down", "up"):
        for x, d in ((cx - 11, step), (cx + 8, -step)):
            pygame.draw.rect(s, look.top, (x, 17 + d // 2, 3, 8), border_radius=1)
            pygame.draw.rect(s, look.skin, (x, 24 + d // 2, 3, 3))
    else:
        pygame.draw.rect(s, look.skin, (cx - 1 + step, 22, 3, 6))
    # Head.
    hx, hy, r = cx, 10, 9
    _hair_back(s, look, hx, hy, r, facing)
    pygame.draw.circle(s, look.skin, (hx, hy), r)
    pygame.draw.circle(s, _shade(look.skin, -30), (hx, hy), r, 1)
    _hair_front(s, look, hx, hy, r, facing)
    _face_small(s, look, hx, hy, facing)
    return s


def walk_sheet(look: Look) -> pygame.Surface:
    sheet = pygame.Surface((FRAME_W * 3, FRAME_H * len(DIRECTIONS)), pygame.SRCALPHA)
    for row, facing in enumerate(DIRECTIONS):
        for col in range(3):
            sheet.blit(walk_frame(look, facing, col), (col * FRAME_W, row * FRAME_H))
    return sheet


def _brows(s, emotion: str, cx: int, ey: int, colour) -> None:
    shapes = {
        "neutral": ((-20, -9, -8, -9), (8, -9, 20, -9)),
        "happy": ((-20, -10, -8, -12), (8, -12, 20, -10)),
        "sad": ((-20, -8, -8, -13), (8, -13, 20, -8)),
        "angry": ((-20, -14, -7, -7), (7, -7, 20, -14)),
        "nervous": ((-20, -9, -8, -12), (8, -12, 20, -9)),
        "surprised": ((-20, -15, -8, -17), (8, -17, 20, -15)),
    }
    for x1, y1, x2, y2 in shapes[emotion]:
        pygame.draw.line(s, colour, (cx + x1, ey + y1), (cx + x2, ey + y2), 4)


def _mouth(s, emotion: str, cx: int, my: int) -> None:
    lip = (120, 60, 60)
    if emotion == "happy":
        pygame.draw.arc(s, lip, (cx - 14, my - 12, 28, 20), 3.5, 5.9, 4)
    elif emotion == "sad":
        pygame.draw.arc(s, lip, (cx - 11, my, 22, 14), 0.4, 2.7, 4)
    elif emotion == "angry":
        pygame.draw.line(s, lip, (cx - 11, my + 4), (cx + 11, my + 2), 4)
        pygame.draw.arc(s, lip, (cx - 11, my + 2, 22, 12), 0.5, 2.6, 3)
    elif emotion == "nervous":
        pts = [(cx - 12 + i * 4, my + (2 if i % 2 else -1)) for i in range(7)]
        pygame.draw.lines(s, lip, False, pts, 3)
    elif emotion == "surprised":
        pygame.draw.ellipse(s, lip, (cx - 6, my - 4, 12, 14))
    else:
        pygame.draw.line(s, lip, (cx - 9, my + 1), (cx + 9, my + 1), 4)


def portrait(look: Look, emotion: str) -> pygame.Surface:
    s = pygame.Surface((PORTRAIT, PORTRAIT), pygame.SRCALPHA)
    background = {
        "neutral": (220, 226, 236), "happy": (236, 230, 200), "sad": (208, 218, 234),
        "angry": (238, 206, 200), "nervous": (226, 222, 240), "surprised": (226, 236, 222),
    }[emotion]
    pygame.draw.rect(s, background, (0, 0, PORTRAIT, PORTRAIT), border_radius=18)
    cx, cy, r = 64, 58, 32
    # Shoulders.
    pygame.draw.ellipse(s, look.top, (18, 100, 92, 60))
    pygame.draw.rect(s, look.skin, (56, 86, 16, 18))
    # Hair behind.
    if look.style == "afro":
        pygame.draw.circle(s, look.hair, (cx, cy - 8), 44)
    elif look.style in ("long", "braids"):
        pygame.draw.rect(s, look.hair, (cx - r - 5, cy - 18, 2 * r + 10, 70), border_radius=20)
    elif look.style == "hijab":
        pygame.draw.circle(s, look.hair, (cx, cy), r + 9)
        pygame.draw.rect(s, look.hair, (cx - r - 9, cy, 2 * r + 18, 70), border_radius=20)
    elif look.style == "ponytail":
        pygame.draw.ellipse(s, look.hair, (cx + r - 10, cy - 8, 22, 50))
    # Face.
    pygame.draw.ellipse(s, look.skin, (cx - r, cy - r - 4, 2 * r, 2 * r + 10))
    if "earrings" in look.extras:
        for x in (cx - r + 1, cx + r - 1):
            pygame.draw.circle(s, (230, 200, 90), (x, cy + 12), 4)
    # Hair in front.
    h = look.hair
    if look.style == "short":
        pygame.draw.ellipse(s, h, (cx - r - 2, cy - r - 10, 2 * r + 4, 30))
    elif look.style == "spiky":
        for i in range(-3, 4):
            x = cx + i * 10
            pygame.draw.polygon(s, h, [(x - 9, cy - 18), (x, cy - r - 18), (x + 9, cy - 18)])
        pygame.draw.ellipse(s, h, (cx - r, cy - r - 8, 2 * r, 24))
    elif look.style == "curly":
        for i in range(-3, 4):
            pygame.draw.circle(s, h, (cx + i * 10, cy - r + 2 - abs(i)), 11)
    elif look.style in ("long", "braids", "ponytail"):
        pygame.draw.ellipse(s, h, (cx - r - 3, cy - r - 10, 2 * r + 6, 30))
        if look.style == "braids":
            for x in (cx - r - 4, cx + r - 4):
                for y in range(cy, cy + 50, 8):
                    pygame.draw.circle(s, _shade(h, 20), (x + 4, y), 4)
    elif look.style == "bun":
        pygame.draw.circle(s, h, (cx, cy - r - 12), 14)
        pygame.draw.ellipse(s, h, (cx - r - 2, cy - r - 8, 2 * r + 4, 26))
    elif look.style == "afro":
        pygame.draw.ellipse(s, h, (cx - r - 8, cy - r - 16, 2 * r + 16, 34))
    elif look.style == "hijab":
        pygame.draw.ellipse(s, h, (cx - r - 2, cy - r - 10, 2 * r + 4, 22))
    # Eyes.
    ey = cy + 2
    eye_h = {"surprised": 12, "nervous": 6, "angry": 6}.get(emotion, 9)
    for ex in (cx - 13, cx + 13):
        if emotion == "happy":
            pygame.draw.arc(s, DARK, (ex - 6, ey - 4, 12, 10), 0.3, 2.8, 3)
        else:
            pygame.draw.ellipse(s, (250, 250, 250), (ex - 6, ey - eye_h // 2, 12, eye_h + 2))
            pygame.draw.circle(s, DARK, (ex, ey + 1), 3 if emotion != "nervous" else 2)
    if "glasses" in look.extras:
        for ex in (cx - 13, cx + 13):
            pygame.draw.circle(s, (60, 60, 70), (ex, ey), 11, 2)
        pygame.draw.line(s, (60, 60, 70), (cx - 2, ey), (cx + 2, ey), 2)
    _brows(s, emotion, cx, ey, _shade(h, -10) if look.style != "hijab" else DARK)
    # Nose, cheeks, mouth.
    pygame.draw.line(s, _shade(look.skin, -40), (cx, ey + 6), (cx - 2, ey + 13), 2)
    if emotion in ("happy", "angry"):
        blush = (230, 130, 120, 90) if emotion == "happy" else (220, 90, 80, 110)
        cheek = pygame.Surface((16, 8), pygame.SRCALPHA)
        pygame.draw.ellipse(cheek, blush, (0, 0, 16, 8))
        s.blit(cheek, (cx - 28, ey + 12))
        s.blit(cheek, (cx + 12, ey + 12))
    if "beard" in look.extras:
        pygame.draw.ellipse(s, _shade(h, -10), (cx - r + 4, cy + 14, 2 * r - 8, 26))
        pygame.draw.ellipse(s, look.skin, (cx - 12, cy + 18, 24, 10))
    _mouth(s, emotion, cx, ey + 22)
    if emotion == "sad":
        pygame.draw.circle(s, (140, 190, 240), (cx - 16, ey + 14), 3)
    if emotion == "nervous":
        pygame.draw.polygon(s, (150, 200, 240), [(cx + r - 2, cy - 20), (cx + r - 6, cy - 10),
                                                 (cx + r + 2, cy - 10)])
    return s


def portrait_sheet(look: Look) -> pygame.Surface:
    sheet = pygame.Surface((PORTRAIT * len(EMOTIONS), PORTRAIT), pygame.SRCALPHA)
    for i, emotion in enumerate(EMOTIONS):
        sheet.blit(portrait(look, emotion), (i * PORTRAIT, 0))
    return sheet


def main() -> None:
    pygame.init()
    looks = yaml.safe_load((ROOT / "assets" / "characters" / "looks.yaml").read_text("utf-8"))
    (ROOT / "assets" / "portraits").mkdir(parents=True, exist_ok=True)
    for cid, spec in looks.items():
        look = Look(spec)
        pygame.image.save(walk_sheet(look), str(ROOT / "assets" / "characters" / f"{cid}.png"))
        pygame.image.save(portrait_sheet(look), str(ROOT / "assets" / "portraits" / f"{cid}.png"))
    print(f"wrote {len(looks)} walk sheets and portrait sheets")


if __name__ == "__main__":
    main()
