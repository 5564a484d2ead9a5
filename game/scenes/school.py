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
from game.content.school_map import SchoolMap
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
from game.world.case import clue_statement
from game.world.movement import Body
from game.world.navigator import Navigator, NoWay
from game.world.npc import Npc
from game.world.speech import both, joined

FRAME_W, FRAME_H = 32, 40
DIRECTION_ROWS = {"down": 0, "left": 1, "right": 2, "up": 3}
WALK_CYCLE = (0, 1, 0, 2)
BANNER_SECONDS = 2.5
TALK_AGAIN_SECONDS = 4.0  # after a talk ends, a key does not start another one ...
TALK_AGAIN_STEPS = 24.0   # ... unless the pupil walked away and back (pixels)
SIGN_SIZE = 20
CLUE = (60, 140, 90)
YOU = (250, 214, 120)
OUTSIDE = (58, 66, 86)  # beyond the pupil's floor
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

        self.offset = (0, 0)  # world + offset = screen, as last drawn

    def to_world(self, pos: tuple[int, int]) -> tuple[float, float]:
        """A point on the screen (a click) as a point on the map."""
        return pos[0] - self.offset[0], pos[1] - self.offset[1]

    def to_screen(self, x: float, y: float) -> tuple[int, int]:
        return int(x + self.offset[0]), int(y + self.offset[1])

    def draw(self, surface: pygame.Surface, centre: tuple[float, float],
             people: list[tuple[pygame.Surface, Body]]) -> None:
        self.renderer.center(centre)
        ox, oy = self.renderer.get_center_offset()
        self.offset = (ox, oy)
        view = self.renderer.view_rect
        surfaces = []
        for image, body in people:
            rect = image.get_rect(midbottom=(int(body.x), int(body.y) + 2))
            if rect.colliderect(view):
                # A fractional layer above the tile layers sorts people by their feet.
                surfaces.append((image, rect.move(ox, oy), SPRITE_LAYER + rect.bottom / 1e5))
        self.renderer.draw(surface, surface.get_rect(), surfaces)


@dataclass(frozen=True)
class Sign:
    """A small sign on the map: the room beside a door, or where the stairs go."""

    text: LocalText
    x: float
    y: float


def signs_of(smap: SchoolMap) -> list[Sign]:
    """One sign per room at the middle of its doors, on the corridor side; one per stairs."""
    signs = []
    by_room: dict[str, list[tuple[float, float]]] = {}
    for door in smap.doors.values():
        by_room.setdefault(door.room, []).append(door.rect.center)
    for room_id, centres in by_room.items():
        room = smap.rooms[room_id]
        x = sum(c[0] for c in centres) / len(centres)
        y = sum(c[1] for c in centres) / len(centres)
        above = y < room.rect.y + room.rect.h / 2  # the room lies below: the corridor above
        signs.append(Sign(room.label, x, y - smap.tile * 0.9 if above else y + smap.tile * 0.9))
    for stairs in smap.stairs:
        signs.append(Sign(stairs.label, stairs.rect.center[0], stairs.rect.y - smap.tile * 0.3))
    return signs


@lru_cache(maxsize=256)
def sign_surface(text: str, scale_key: tuple[str, float]) -> pygame.Surface:
    """A sign's plate, drawn once per text and text size."""
    label = look.text(text, SIGN_SIZE, look.INK, bold=True)
    plate = pygame.Surface((label.get_width() + 12, label.get_height() + 4), pygame.SRCALPHA)
    pygame.draw.rect(plate, (250, 248, 242, 230), plate.get_rect(), border_radius=6)
    pygame.draw.rect(plate, look.MUTED, plate.get_rect(), 1, border_radius=6)
    plate.blit(label, (6, 2))
    return plate


@dataclass(frozen=True)
class Card:
    """Something to show over the school: a class scene's title or question, a change."""

    text: LocalText
    title: str | None = None
    colour: tuple[int, int, int] | None = None
    footer: str | None = None


class SchoolScene(Scene):
    """The school on screen. The pupil walks with the keys, or clicks a person to walk
    there and talk; signs name the room beside each door and say where stairs go."""

    def __init__(self, app: Host, session: PlaySession) -> None:
        super().__init__(app)
        self.session = session
        self.world = session.world
        self.view = MapView(self.world.map.tmx, app.screen.get_size())
        self.player_sheet = SpriteSheet.get("player")
        self._floor_rects: dict[int, pygame.Rect] = {}
        # Banners fade by the world's real time, which runs on under a dialogue too.
        self.banner_room = self.world.room
        self.banner_at = -BANNER_SECONDS
        self.bell_text: str | None = None
        self.bell_at = -BANNER_SECONDS
        self.reflecting = False
        self.mission_asked: str | None = None  # the morning whose mission look-back was shown
        self.cards: list[Card] = []  # built from the events this scene hears
        self.goal_bar, self.goal_width = pygame.Rect(0, 0, 0, 0), 0  # where the goal was drawn
        self.banners: list[pygame.Rect] = []  # where the banners were drawn (room, bell)
        self.walking_to: Navigator | None = None  # clicked on a person: walk, then talk
        self.talking_to: str | None = None
        # Who the pupil just stopped talking to, when, and where the pupil stood: the same
        # key once more does not start that talk again (an opt-out stays an opt-out).
        self.ended_talk: tuple[str, float, tuple[float, float]] | None = None
        self.signs = signs_of(self.world.map)
        session.listen(self._on_event)

    def _on_event(self, event: Event) -> None:
        """Sounds, banners and cards follow what the world announces."""
        payload, t = event.payload, self.app.texts
        level = self.world.level
        match payload:
            case ClueFound(clue=clue_id):
                self.app.sound.play("clue")
                if self.world.case is not None:  # where it came from, and what it says
                    said = joined(level.clue(clue_id).text,
                                  clue_statement(level, self.world.case, clue_id))
                    self.cards.append(Card(said, t("clue_title"), CLUE, t("clue_where")))
            case Bell() | BellWarning():
                if isinstance(payload, Bell):
                    self.app.sound.play("bell")
                lesson = level.lesson(payload.lesson)[1]
                known = self.world.known_next_lesson()
                room = known.room if known and known.lesson.id == lesson.id else lesson.room
                named = self.world.map.rooms[room].named(t.language)
                key = "bell_ring" if isinstance(payload, Bell) else "bell_warning"
                self.bell_text = t(key, subject=lesson.subject_named(t.language), room=named)
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
            self.walking_to = None
            npc = self.world.npc_in_reach()
            if self.waits_for_bell():
                self.world.wait_for_bell()
            elif npc is not None:
                self.talk(npc)
            elif self.world.can_go_home():
                self.world.go_home()
            elif self.at_notice_board():
                self.read_notice_board()
        elif keys.is_click(event):
            clicked = self.person_at(self.view.to_world(event.pos))
            if clicked is not None:
                self.walking_to = Navigator(clicked.id)

    def waits_for_bell(self) -> bool:
        """In the right room early, E starts the lesson, also with its teacher in reach."""
        world = self.world
        if not world.can_wait_for_bell():
            return False
        npc, nxt = world.npc_in_reach(), world.next_lesson()
        return npc is None or (nxt is not None and npc.id == nxt.teacher)

    def at_notice_board(self) -> bool:
        room = self.world.room
        return room is not None and room.id == self.world.level.notice_board

    def read_notice_board(self) -> None:
        """The changes announced so far (walking in showed the new ones already)."""
        world = self.world
        for change in world.day.changes:
            if change.announce_at <= world.clock.minutes:
                world.see_change(change.id, "notice_board")
        shown = [c.message for c in world.day.changes if c.announce_at <= world.clock.minutes]
        message = joined(*shown) if shown else both("board_empty")
        self.app.open("notice", world=world, message=message,
                      title=self.app.texts("board_title"), colour=look.ACCENT)

    def person_at(self, point: tuple[float, float]) -> Npc | None:
        """The person drawn at this point of the map (a click), if any."""
        x, y = point
        for npc in self.world.npcs.values():
            if abs(npc.body.x - x) <= FRAME_W / 2 and npc.body.y - FRAME_H <= y <= npc.body.y + 4:
                return npc
        return None

    def talk(self, npc: Npc | None) -> None:
        if npc is None or self._just_said_goodbye(npc.id):
            return
        conversation = self.world.talk(npc)
        if conversation is not None:
            self.talking_to = npc.id
            self.app.open("dialogue", world=self.world, conversation=conversation)

    def _just_said_goodbye(self, npc_id: str) -> bool:
        """A pupil tapping Enter through the last lines must not start a new talk with
        whoever stands near (nor the same one again): only after a few steps or seconds."""
        if self.ended_talk is None:
            return False
        _, when, (x, y) = self.ended_talk
        player = self.world.player
        moved = abs(player.x - x) + abs(player.y - y) > TALK_AGAIN_STEPS
        return not moved and self.world.real_time - when < TALK_AGAIN_SECONDS

    def on_resume(self) -> None:
        if self.talking_to is not None:
            player = self.world.player
            self.ended_talk = (self.talking_to, self.world.real_time, (player.x, player.y))
            self.talking_to = None

    def update(self, dt: float) -> None:
        move = self.app.held.direction()
        if self.walking_to is not None:
            move = self._walk_to_clicked(move)
        self.world.update(dt, move)
        self.after_update()

    def _walk_to_clicked(self, move: tuple[float, float]) -> tuple[float, float]:
        """Walk towards the clicked person; a key press takes over; arrived: talk."""
        walk = self.walking_to
        assert walk is not None
        if move != (0.0, 0.0):
            self.walking_to = None
            return move
        try:
            step = walk.step(self.world)
        except NoWay:
            self.walking_to = None
            return (0.0, 0.0)
        if step is None:
            self.walking_to = None
            self.talk(self.world.npcs.get(walk.target))
            return (0.0, 0.0)
        return float(step[0]), float(step[1])

    def after_update(self) -> None:
        """When the school is on top, open what the world needs next."""
        if self.app.top is not self:
            return
        world = self.world
        if world.lesson is not None and world.conversation is None:
            conversation = world.begin_lesson()
            if conversation is not None:
                self.talking_to = conversation.character
                self.app.open("dialogue", world=world, conversation=conversation)
        elif world.wants_floor_plan and world.conversation is None:
            world.wants_floor_plan = False  # the helper showed the way: here it is
            self.app.open("floor_plan", world=world, via="offer")
        elif self.cards:  # the morning's card and the news come first
            card = self.cards.pop(0)
            self.app.open("notice", world=world, message=card.text, title=card.title,
                          colour=card.colour, footer=card.footer)
        elif self.mission_asked != world.day.id and world.mission_to_check() is not None:
            self.mission_asked = world.day.id  # asked once a morning; Esc skips it
            self.app.open("mission_check", world=world, mission=world.mission_to_check())
        elif world.pending_offer is not None and world.conversation is None:
            conversation = world.take_offer()
            if conversation is not None:
                self.talking_to = conversation.character
                self.app.open("dialogue", world=world, conversation=conversation)
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
        self._hide_other_floors(surface)
        self._draw_signs(surface)
        self._draw_you(surface)
        if look.soft_colours():
            surface.blit(_soft_veil(surface.get_size()), (0, 0))
        self._draw_hud(surface)

    def _floor_rect(self) -> pygame.Rect | None:
        """The pupil's floor on the map (its rooms and corridors, with their walls)."""
        room = self.world.room
        if room is None:
            return None
        if room.floor not in self._floor_rects:
            rects = [pygame.Rect(int(r.rect.x), int(r.rect.y), int(r.rect.w), int(r.rect.h))
                     for r in self.world.map.rooms.values()
                     if r.floor == room.floor]
            tile = self.world.map.tile
            self._floor_rects[room.floor] = rects[0].unionall(rects[1:]).inflate(tile, tile)
        return self._floor_rects[room.floor]

    def _hide_other_floors(self, surface: pygame.Surface) -> None:
        """Floors lie side by side on the map: only the pupil's own floor is shown, so
        a room upstairs never seems to be next door."""
        floor = self._floor_rect()
        if floor is None:
            return
        shown = floor.move(self.view.offset)
        screen = surface.get_rect()
        for part in (pygame.Rect(0, 0, max(0, shown.left), screen.h),
                     pygame.Rect(shown.right, 0, max(0, screen.right - shown.right), screen.h),
                     pygame.Rect(0, 0, screen.w, max(0, shown.top)),
                     pygame.Rect(0, shown.bottom, screen.w, max(0, screen.bottom - shown.bottom))):
            if part.w and part.h:
                surface.fill(OUTSIDE, part)

    def _draw_signs(self, surface: pygame.Surface) -> None:
        lang = self.app.texts.language
        area = surface.get_rect()
        style = look.style_key()
        floor = self._floor_rect()
        for sign in self.signs:
            if floor is not None and not floor.collidepoint(sign.x, sign.y):
                continue  # a sign on another floor
            sx, sy = self.view.to_screen(sign.x, sign.y)
            if -200 < sx < area.w + 200 and -40 < sy < area.h + 40:
                plate = sign_surface(sign.text.get(lang), style)
                surface.blit(plate, plate.get_rect(center=(sx, sy)))

    def _draw_you(self, surface: pygame.Surface) -> None:
        """A small marker above the pupil's own figure: this one is you."""
        player = self.world.player
        x, y = self.view.to_screen(player.x, player.y - FRAME_H - 6)
        points = [(x - 7, y - 9), (x + 7, y - 9), (x, y)]
        pygame.draw.polygon(surface, YOU, points)
        pygame.draw.polygon(surface, look.INK, points, 2)

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
            room_label = world.map.rooms[nxt.room].named(lang)
            line1 = f"{label}: {nxt.lesson.subject.get(lang)}"
            line2 = f"{format_time(nxt.lesson.start)} {t('hud_in_room', room=room_label)}"
        else:
            line1 = t("hud_no_lessons")
            line2 = t("hud_free", time=format_time(world.day.end)) if world.free_time else ""
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
        if self.waits_for_bell():
            prompt = t("hud_wait")
        elif npc is not None and world.conversation is None:
            prompt = t("hud_talk", name=self.world.level.character(npc.id).named(t.language))
        elif world.can_go_home():
            prompt = t("hud_home")
        elif self.at_notice_board():
            prompt = t("hud_board")
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
        self.banners = []
        shown = self.world.real_time - self.banner_at
        top = 120
        if self.banner_room is not None and shown < BANNER_SECONDS:  # the room walked into
            placed = self._draw_banner(surface, self.banner_room.label.get(t.language),
                                       shown / BANNER_SECONDS, top)
            self.banners.append(placed)
            top = placed.bottom + 12
        bell_shown = self.world.real_time - self.bell_at
        if self.bell_text and bell_shown < BANNER_SECONDS * 1.5:  # below it, never over it
            self.banners.append(self._draw_banner(surface, self.bell_text,
                                                  bell_shown / (BANNER_SECONDS * 1.5), top))

    def _goal_text(self) -> str:
        t = self.app.texts
        if self.world.level.scenes:
            scene = class_scenes.current(self.world.level, self.world.state)
            if scene is None:
                return t("scene_all_done")
            name = self.world.level.character(scene.talk_to).named(t.language)
            return t("scene_goal", number=class_scenes.number(self.world.level, scene),
                     of=len(self.world.level.scenes), name=name)
        nxt = self.world.known_next_lesson()
        if self.world.free_time:
            return t("hud_free_goal")
        if nxt is None:
            return t("hud_no_lessons")
        here = self.world.room.id if self.world.room else None
        if nxt.lesson.start <= self.world.clock.minutes and here != nxt.room:
            return t("hud_late", room=self.world.map.rooms[nxt.room].named(t.language))
        room = self.world.map.rooms[nxt.room]
        return f"{nxt.lesson.subject.get(t.language)} · {room.label.get(t.language)} " \
               f"({t.floor(room.floor)})"

    def _draw_banner(self, surface: pygame.Surface, label: str, progress: float,
                     top: int) -> pygame.Rect:
        """A calm banner under `top` (wrapped to the screen); returns where it was drawn."""
        alpha = banner_alpha(progress, calm=self.world.calm)
        lines = look.wrap(label, 56, surface.get_width() - 160, bold=True)
        texts = [look.text(line, 56, look.INK, bold=True) for line in lines]
        width = max(t.get_width() for t in texts) + 60
        height = sum(t.get_height() for t in texts) + 30
        box = pygame.Rect(0, top, width, height)
        box.centerx = surface.get_width() // 2
        layer = pygame.Surface(box.size, pygame.SRCALPHA)
        look.panel(layer, layer.get_rect().inflate(-8, -8).move(-2, -2), radius=16)
        y = 13
        for text in texts:
            layer.blit(text, text.get_rect(midtop=(box.w // 2 - 2, y)))
            y += text.get_height()
        layer.set_alpha(alpha)
        surface.blit(layer, box)
        return box


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
