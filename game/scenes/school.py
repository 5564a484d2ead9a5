"""The school: the map drawn by pyscroll, people as sprites, and a calm HUD."""

from __future__ import annotations

from functools import lru_cache

import pygame
import pyscroll

from game import input as keys
from game import paths
from game.content.schema import format_time
from game.journal.writer import SessionInfo
from game.scenes.base import Scene
from game.ui import look
from game.world import class_scenes
from game.world.movement import Body
from game.world.world import World

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

    def __init__(self, tmx, size: tuple[int, int]) -> None:
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


class SchoolScene(Scene):
    def __init__(self, app, world: World, pupil: str) -> None:
        super().__init__(app)
        self.world = world
        self.pupil = pupil
        self.view = MapView(world.map.tmx, app.screen.get_size())
        self.player_sheet = SpriteSheet.get("player")
        self.banner_time = BANNER_SECONDS
        self.banner_room = world.room
        self.bell_text: str | None = None
        self.bell_time = BANNER_SECONDS
        self.reflecting = False
        self.goal_bar, self.goal_width = pygame.Rect(0, 0, 0, 0), 0  # where the goal was drawn
        world.listeners.append(self._on_event)

    def _on_event(self, event) -> None:
        """The bell and its warning show as a calm banner (no flash) with a soft chime."""
        if event.kind == "clue_found":
            self.app.sound.play("clue")
        if event.kind == "bell":
            self.app.sound.play("bell")
        if event.kind in ("bell", "bell_warning"):
            t, lang = self.app.texts, self.app.texts.language
            lesson = self.world.level.lesson(event.data["lesson"])[1]
            known = self.world.known_next_lesson()
            room = known.room if known and known.lesson.id == lesson.id else lesson.room
            label = self.world.map.rooms[room].label.get(lang)
            key = "bell_ring" if event.kind == "bell" else "bell_warning"
            self.bell_text = t(key, subject=lesson.subject.get(lang), room=label)
            self.bell_time = 0.0

    def new_day(self) -> None:
        """The next morning: the scene follows the world to the start of the day."""
        self.reflecting = False
        self.banner_room, self.banner_time = self.world.room, 0.0

    def leave(self) -> None:
        """The game is over: save the finished state and close the sitting in the log."""
        self.app.store.save(self.pupil, self.world.snapshot())
        if self.app.journal is not None:
            self.app.journal.end_session()

    # --- input and time ---
    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS):
            from game.scenes.pause import PauseScene

            self.app.push(PauseScene(self.app))
        elif keys.is_action(event, "floor_plan"):
            from game.scenes.floor_plan import FloorPlanScene

            self.app.push(FloorPlanScene(self.app, self.world))
        elif keys.is_action(event, "agenda"):
            from game.scenes.agenda import AgendaScene

            self.app.push(AgendaScene(self.app, self.world))
        elif keys.is_action(event, "help"):
            from game.scenes.help import HelpScene

            self.app.push(HelpScene(self.app, self.world))
        elif keys.is_action(event, "notebook") and self.world.case is not None:
            from game.scenes.notebook import NotebookScene

            self.app.push(NotebookScene(self.app, self.world))
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
            from game.scenes.dialogue import DialogueScene

            self.app.push(DialogueScene(self.app, self.world, conversation))

    def update(self, dt: float) -> None:
        before = self.world.room
        self.world.update(dt, self.app.held.direction())
        self.after_update(dt, before)

    def after_update(self, dt: float, before) -> None:
        if self.world.room is not before and self.world.room is not None:
            self.banner_room = self.world.room
            self.banner_time = 0.0
        self.banner_time += dt
        self.bell_time += dt
        if self.app.top is not self:
            return
        world = self.world
        if world.lesson is not None and world.conversation is None:
            conversation = world.begin_lesson()
            if conversation is not None:
                from game.scenes.dialogue import DialogueScene

                self.app.push(DialogueScene(self.app, world, conversation))
        elif world.cards:
            from game.scenes.day_end import NoticeScene

            key, text, number = world.cards.pop(0)
            scene = class_scenes.current(world) if key == "scene_title" else None
            title = self.app.texts(key, number=number, of=len(world.level.scenes),
                                   title=scene.title.get(self.app.texts.language) if scene
                                   else "")
            self.app.push(NoticeScene(self.app, world, text, title=title, colour=look.ACCENT))
        elif world.notices:
            from game.scenes.day_end import NoticeScene

            self.app.push(NoticeScene(self.app, world, world.notices.pop(0)))
        elif world.level_over and world.level.scenes and not self.reflecting:
            from game.scenes.day_end import EndScene

            self.reflecting = True  # the end card shows once
            self.app.push(EndScene(self.app, world))
        elif world.day_over and not self.reflecting and not world.level_over:
            from game.scenes.day_end import ReflectionScene

            self.reflecting = True
            self.app.push(ReflectionScene(self.app, world))

    def on_quit(self) -> None:
        self.world.emit("quit", {"clock": self.world.clock.text()})
        self.app.store.save(self.pupil, self.world.snapshot())
        if self.app.journal is not None:
            self.app.journal.end_session()

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
        scene = class_scenes.current(world) if world.level.scenes else None
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
        if self.bell_text and self.bell_time < BANNER_SECONDS * 1.5:
            self._draw_banner(surface, self.bell_text, self.bell_time / (BANNER_SECONDS * 1.5),
                              y=250)

    def _draw_room_banner(self, surface: pygame.Surface) -> None:
        """The room's name when you walk in."""
        lang = self.app.texts.language
        if self.banner_room is not None and self.banner_time < BANNER_SECONDS:
            self._draw_banner(surface, self.banner_room.label.get(lang),
                              self.banner_time / BANNER_SECONDS)

    def _goal_text(self) -> str:
        t = self.app.texts
        if self.world.level.scenes:
            scene = class_scenes.current(self.world)
            if scene is None:
                return t("scene_all_done")
            name = self.world.level.character(scene.talk_to).name
            return t("scene_goal", number=class_scenes.number(self.world, scene),
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


def start_school(app, pupil: str, *, resume: bool) -> SchoolScene:
    """Open the school for this pupil, continuing their saved game when asked."""
    app.use_settings_of(pupil)
    content = app.content
    saved = app.store.load(pupil) if resume else None
    resumed = saved is not None and saved.get("level") == content.level.id \
        and not saved.get("level_over")
    if resumed:
        world = World.restore(content, saved)
    else:
        seed = app.options.seed if app.options.seed is not None else _fresh_seed()
        world = World(content, seed=seed)
    _log_session(app, world, pupil, resumed)
    scene = SchoolScene(app, world, pupil)
    app.push(scene)
    app.apply_settings()  # the world follows the pupil's calm and time-pressure settings
    app.sound.want_music(True)
    return scene


def _log_session(app, world: World, pupil: str, resumed: bool) -> None:
    """Start this sitting in the choice log and let it hear everything the world says."""
    if app.journal is None:
        return
    session = app.journal.start_session(SessionInfo(
        pupil=pupil, level=world.level.id, seed=world.seed, language=app.texts.language,
        settings=dict(app.settings), class_code=app.options.class_code))
    for event in world.drain_events():  # level_start, emitted before anyone listened
        session.record(event)
    world.listeners.append(session.record)
    if resumed:
        world.emit("resume", {"day": world.day.id, "clock": world.clock.text()})


def _fresh_seed() -> int:
    import random

    return random.SystemRandom().randrange(1, 2**31)
