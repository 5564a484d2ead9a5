"""The school: the map drawn by pyscroll, people as sprites, and a calm HUD."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pygame
import pyscroll

from game import input as keys
from game import paths
from game.content.schema import LocalText, format_time
from game.events import Event
from game.events.case import ClueFound
from game.events.class_mode import SceneEnded, SceneStarted
from game.events.lessons import Bell, BellWarning, TimetableChangeSeen
from game.events.moving import RoomEntered
from game.events.sitting import DayStarted, Resumed
from game.scenes.base import Host, Scene
from game.session import PlaySession
from game.ui import look
from game.world import class_scenes
from game.world.movement import Body

FRAME_W, FRAME_H = 32, 40
DIRECTION_ROWS = {"down": 0, "left": 1, "right": 2, "up": 3}
WALK_CYCLE = (0, 1, 0, 2)
BANNER_SECONDS = 2.5
SPRITE_LAYER = 3  # above the floor, walls and furniture layers


class SpriteSheet:
    """Walk frames cut once from a character sheet."""

    _cache: dict[str, SpriteSheet] = {}

    def __init__(self, sprite: str) -> None:
        sheet = pygame.image.load(str(paths.CHARACTER_SHEETS / f"{sprite}.png")).convert_alpha()
        self.frames = {
            (direction, col): sheet.subsurface((col * FRAME_W, row * FRAME_H, FRAME_W, FRAME_H))
            for direction, row in DIRECTION_ROWS.items() for col in range(3)
        }

    @classmethod
    def get(cls, sprite: str) -> SpriteSheet:
        if sprite not in cls._cache:
            cls._cache[sprite] = SpriteSheet(sprite)
        return cls._cache[sprite]

    def frame(self, body: Body) -> pygame.Surface:
        col = WALK_CYCLE[int(body.distance / 9) % 4] if body.moving else 0
        return self.frames[(body.facing, col)]


class MapView:
    """pyscroll's buffered renderer plus y-sorted people; the camera follows the pupil."""

    def __init__(self, tmx: Any, size: tuple[int, int]) -> None:
        data = pyscroll.TiledMapData(tmx)
        self.renderer = pyscroll.BufferedRenderer(data, size, clamp_camera=True)

    def draw(self, surface: pygame.Surface, centre: tuple[float, float],
             people: list[tuple[pygame.Surface, Body]]) -> None:
        self.renderer.center(centre)
        ox, oy = self.renderer.get_center_offset()
        view = self.renderer.view_rect
        surfaces = []
        for image, body in people:
            rect = image.get_rect(midbottom=(int(body.x), int(body.y) + 2))
            if rect.colliderect(view):
                # A fractional layer above the tile layers sorts people by their feet.
                surfaces.append((image, rect.move(ox, oy), SPRITE_LAYER + rect.bottom / 1e5))
        self.renderer.draw(surface, surface.get_rect(), surfaces)


@dataclass(frozen=True)
class Card:
    """Something to show over the school: a class scene's title or question, a change."""

    text: LocalText
    title: str | None = None
    colour: tuple[int, int, int] | None = None


class SchoolScene(Scene):
    def __init__(self, app: Host, session: PlaySession) -> None:
        super().__init__(app)
        self.session = session
        self.world = session.world
        self.view = MapView(self.world.map.tmx, app.screen.get_size())
        self.player_sheet = SpriteSheet.get("player")
        # Banners fade by the world's real time, which runs on under a dialogue too.
        self.banner_room = self.world.room
        self.banner_at = -BANNER_SECONDS
        self.bell_text: str | None = None
        self.bell_at = -BANNER_SECONDS
        self.reflecting = False
        self.cards: list[Card] = []  # built from the events this scene hears
        self.goal_bar, self.goal_width = pygame.Rect(0, 0, 0, 0), 0  # where the goal was drawn
        session.listen(self._on_event)

    def _on_event(self, event: Event) -> None:
        """Sounds, banners and cards follow what the world announces."""
        payload, t = event.payload, self.app.texts
        level = self.world.level
        match payload:
            case ClueFound():
                self.app.sound.play("clue")
            case Bell() | BellWarning():
                if isinstance(payload, Bell):
                    self.app.sound.play("bell")
                lesson = level.lesson(payload.lesson)[1]
                known = self.world.known_next_lesson()
                room = known.room if known and known.lesson.id == lesson.id else lesson.room
                label = self.world.map.rooms[room].label.get(t.language)
                key = "bell_ring" if isinstance(payload, Bell) else "bell_warning"
                self.bell_text = t(key, subject=lesson.subject.get(t.language), room=label)
                self.bell_at = self.world.real_time
            case RoomEntered():
                self.banner_room, self.banner_at = self.world.room, self.world.real_time
            case TimetableChangeSeen(via="notice_board" | "door"):
                self.cards.append(Card(level.change(payload.change).message))
            case SceneStarted() | Resumed() if level.scenes:
                scene = class_scenes.current(level, self.world.state)
                if scene is not None:
                    number = class_scenes.number(level, scene)
                    title = t("scene_title", number=number, of=len(level.scenes),
                              title=scene.title.get(t.language))
                    self.cards.append(Card(scene.intro, title, look.ACCENT))
            case SceneEnded():
                scene = level.scene(payload.scene)
                self.cards.append(Card(scene.think_about, t("scene_think", number=payload.number),
                                       look.ACCENT))
            case DayStarted():  # the next morning: the screen follows the world
                self.reflecting = False
                self.banner_room, self.banner_at = self.world.room, self.world.real_time

    # --- input and time ---
    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS):
            self.app.open("pause")
        elif keys.is_action(event, "floor_plan"):
            self.app.open("floor_plan", world=self.world)
        elif keys.is_action(event, "agenda"):
            self.app.open("agenda", world=self.world)
        elif keys.is_action(event, "help"):
            self.app.open("help", world=self.world)
        elif keys.is_action(event, "notebook") and self.world.case is not None:
            self.app.open("notebook", world=self.world)
        elif keys.is_action(event, "interact"):
            if self.world.npc_in_reach() is None and self.world.can_wait_for_bell():
                self.world.wait_for_bell()
            else:
                self.talk()
        elif keys.is_click(event):
            npc = self.world.npc_in_reach()
            if npc is not None:
                self.talk()

    def talk(self) -> None:
        conversation = self.world.talk()
        if conversation is not None:
            self.app.open("dialogue", world=self.world, conversation=conversation)

    def update(self, dt: float) -> None:
        self.world.update(dt, self.app.held.direction())
        self.after_update()

    def after_update(self) -> None:
        """When the school is on top, open what the world needs next."""
        if self.app.top is not self:
            return
        world = self.world
        if world.lesson is not None and world.conversation is None:
            conversation = world.begin_lesson()
            if conversation is not None:
                self.app.open("dialogue", world=world, conversation=conversation)
        elif self.cards:
            card = self.cards.pop(0)
            self.app.open("notice", world=world, message=card.text, title=card.title,
                          colour=card.colour)
        elif world.level_over and world.level.scenes and not self.reflecting:
            self.reflecting = True  # the end card shows once
            self.app.open("end", world=world)
        elif world.day_over and not self.reflecting and not world.level_over:
            self.reflecting = True
            self.app.open("reflection", world=world)

    # --- drawing ---
    def draw(self, surface: pygame.Surface) -> None:
        people = [(SpriteSheet.get(n.sprite).frame(n.body), n.body)
                  for n in self.world.npcs.values()]
        people.append((self.player_sheet.frame(self.world.player), self.world.player))
        self.view.draw(surface, (self.world.player.x, self.world.player.y - 16), people)
        if look.soft_colours():
            surface.blit(_soft_veil(surface.get_size()), (0, 0))
        self._draw_hud(surface)

    def _draw_hud(self, surface: pygame.Surface) -> None:
        t = self.app.texts
        lang = t.language
        w, h = surface.get_size()
        world = self.world
        # Top left: time and where you are.
        room = world.room
        where = ""
        if room is not None:
            where = room.label.get(lang)
            if room.kind != "corridor":  # a corridor's name already says its floor
                where += f" · {t.floor(room.floor)}"
        # Boxes grow with the text size setting: measured from the fonts, not fixed.
        clock_h, where_h = look.font(46, True).get_height(), look.font(30).get_height()
        box = pygame.Rect(16, 16, max(300, look.font(30).size(where)[0] + 44),
                          clock_h + where_h + 30)
        look.panel(surface, box, radius=12)
        clock = look.text(world.clock.text(), 46, look.INK, bold=True)
        surface.blit(clock, (box.x + 18, box.y + 12))
        surface.blit(look.text(where, 30, look.MUTED), (box.x + 18, box.y + 16 + clock_h))
        # Top right: the next lesson.
        nxt = world.known_next_lesson()
        scene = class_scenes.current(world.level, world.state) if world.level.scenes else None
        if scene is not None:
            line1 = world.day.title.get(lang)
            line2 = scene.title.get(lang)
        elif nxt is not None:
            label = t("hud_now") if nxt.lesson.start <= world.clock.minutes else t("hud_next")
            room_label = world.map.rooms[nxt.room].label.get(lang)
            line1 = f"{label}: {nxt.lesson.subject.get(lang)}"
            line2 = f"{format_time(nxt.lesson.start)} {t('hud_in_room', room=room_label)}"
        else:
            line1, line2 = t("hud_no_lessons"), ""
        width = max(look.font(34, True).size(line1)[0], look.font(30).size(line2)[0]) + 48
        line1_h = look.font(34, True).get_height()
        box = pygame.Rect(w - 16 - width, 16, width, line1_h + where_h + 34)
        look.panel(surface, box, radius=12)
        surface.blit(look.text(line1, 34, look.INK, bold=True), (box.x + 20, box.y + 14))
        surface.blit(look.text(line2, 30, look.ACCENT), (box.x + 20, box.y + 20 + line1_h))
        if world.conversation is not None:
            return  # the conversation box takes the bottom of the screen
        # Bottom: the goal, and what you can do right here.
        goal = self._goal_text()
        prompt = ""
        npc = world.npc_in_reach()
        if npc is not None and world.conversation is None:
            prompt = t("hud_talk", name=npc.name)
        elif world.can_wait_for_bell():
            prompt = t("hud_wait")
        left = look.text(f"{t('hud_goal')}: {goal}", 30, look.INK)
        # The goal always shows; the key reminder shortens (or moves to a second row)
        # when large text leaves no room beside it.
        room_left = w - 32 - 36 - left.get_width() - 30
        candidates = [prompt] if prompt else [t("hud_keys_more"), t("hud_keys_short")]
        right = None
        for candidate in candidates:
            right = look.text(candidate, 30, look.ACCENT if prompt else look.MUTED,
                              bold=bool(prompt))
            if right.get_width() <= room_left:
                break
        assert right is not None
        line_h = look.font(30).get_height()
        two_rows = right.get_width() > room_left
        bar_h = line_h * (2 if two_rows else 1) + 24 + (6 if two_rows else 0)
        bar = pygame.Rect(16, h - 16 - bar_h, w - 32, bar_h)
        look.panel(surface, bar, radius=12)
        surface.blit(left, (bar.x + 18, bar.y + 12))
        self.goal_bar, self.goal_width = bar, left.get_width()
        if two_rows:
            surface.blit(right, right.get_rect(bottomright=(bar.right - 18, bar.bottom - 10)))
        else:
            surface.blit(right, right.get_rect(midright=(bar.right - 18, bar.centery)))
        self._draw_room_banner(surface)
        bell_shown = self.world.real_time - self.bell_at
        if self.bell_text and bell_shown < BANNER_SECONDS * 1.5:
            self._draw_banner(surface, self.bell_text, bell_shown / (BANNER_SECONDS * 1.5),
                              y=250)

    def _draw_room_banner(self, surface: pygame.Surface) -> None:
        """The room's name when you walk in."""
        lang = self.app.texts.language
        shown = self.world.real_time - self.banner_at
        if self.banner_room is not None and shown < BANNER_SECONDS:
            self._draw_banner(surface, self.banner_room.label.get(lang), shown / BANNER_SECONDS)

    def _goal_text(self) -> str:
        t = self.app.texts
        if self.world.level.scenes:
            scene = class_scenes.current(self.world.level, self.world.state)
            if scene is None:
                return t("scene_all_done")
            name = self.world.level.character(scene.talk_to).name
            return t("scene_goal", number=class_scenes.number(self.world.level, scene),
                     of=len(self.world.level.scenes), name=name)
        nxt = self.world.known_next_lesson()
        if nxt is None:
            return t("hud_no_lessons")
        here = self.world.room.id if self.world.room else None
        if nxt.lesson.start <= self.world.clock.minutes and here != nxt.room:
            return t("hud_late", room=self.world.map.rooms[nxt.room].label.get(t.language))
        room = self.world.map.rooms[nxt.room]
        return f"{nxt.lesson.subject.get(t.language)} · {room.label.get(t.language)} " \
               f"({t.floor(room.floor)})"

    def _draw_banner(self, surface: pygame.Surface, label: str, progress: float,
                     y: int = 170) -> None:
        alpha = banner_alpha(progress, calm=self.world.calm)
        text = look.text(label, 64, look.INK, bold=True)
        box = text.get_rect(center=(surface.get_width() // 2, y)).inflate(60, 30)
        layer = pygame.Surface(box.size, pygame.SRCALPHA)
        look.panel(layer, layer.get_rect().inflate(-8, -8).move(-2, -2), radius=16)
        layer.blit(text, text.get_rect(center=(box.w // 2 - 2, box.h // 2 - 2)))
        layer.set_alpha(alpha)
        surface.blit(layer, box)


def banner_alpha(progress: float, *, calm: bool) -> int:
    """A gentle fade in and out, never a flash; in low-stimulus mode no motion at all."""
    if calm:
        return 255
    return int(255 * max(0.0, min(1.0, progress * 6, (1 - progress) * 4)))


@lru_cache(maxsize=2)
def _soft_veil(size: tuple[int, int]) -> pygame.Surface:
    """A light wash over the map: softer colours and less contrast in low-stimulus mode."""
    veil = pygame.Surface(size, pygame.SRCALPHA)
    veil.fill((236, 232, 222, 90))
    return veil
