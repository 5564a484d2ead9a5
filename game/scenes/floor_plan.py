"""The floor plan (plattegrond): one floor at a time, rooms named, you are here, the next
lesson's room highlighted, and with the route setting on, the way there."""

from __future__ import annotations

import pygame

from game import input as keys
from game.content.school_map import CLASSROOM_KINDS, SchoolMap, Stairs
from game.scenes.base import Host
from game.scenes.card import CardScene
from game.ui import look
from game.world import pathfinding
from game.world.world import World

HIGHLIGHT = (250, 214, 120)
CORRIDOR = (236, 236, 232)
ROOM = (222, 232, 246)
ROUTE = (214, 96, 70)
STAIRS = (232, 224, 204)


class FloorPlanScene(CardScene):
    close_action = "floor_plan"

    def __init__(self, app: Host, world: World, via: str = "key") -> None:
        super().__init__(app, world)
        self.floors = sorted({r.floor for r in world.map.rooms.values()})
        self.floor = world.room.floor if world.room else self.floors[0]
        self.next = world.known_next_lesson()
        world.open_floor_plan(via)
        self.route = self._route() if app.settings.get("route_assist", False) \
            or world.route_today else []

    def title(self) -> str:
        return f"{self.app.texts('floorplan_title')} · {self.app.texts.floor(self.floor)}"

    def hint(self) -> str:
        # A school on one floor has no other floor to go to.
        return self.app.texts("floorplan_hint" if len(self.floors) > 1 else
                              "floorplan_hint_one_floor")

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_action(event, "left"):
            self.floor = self.floors[(self.floors.index(self.floor) - 1) % len(self.floors)]
        elif keys.is_action(event, "right"):
            self.floor = self.floors[(self.floors.index(self.floor) + 1) % len(self.floors)]
        else:
            super().handle(event)

    def _route(self) -> list[list[tuple[float, float]]]:
        """The way to the next lesson as walks on one floor each (stairs end a walk)."""
        if self.next is None:
            return []
        smap = self.world.map
        here = pathfinding.tile_of(smap, self.world.player.x, self.world.player.y)
        path = pathfinding.find_path(smap, here, pathfinding.room_tiles(smap, self.next.room))
        walks: list[list[tuple[float, float]]] = []
        for a, b in zip([None, *(path or [])], path or [], strict=False):
            if a is None or abs(a[0] - b[0]) + abs(a[1] - b[1]) > 1:
                walks.append([])
            walks[-1].append(pathfinding.centre(smap, b))
        return walks

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang = self.app.texts, self.app.texts.language
        smap, world = self.world.map, self.world
        rooms = [r for r in smap.rooms.values() if r.floor == self.floor]
        left = min(r.rect.x for r in rooms)
        top = min(r.rect.y for r in rooms)
        right = max(r.rect.x + r.rect.w for r in rooms)
        bottom = max(r.rect.y + r.rect.h for r in rooms)
        legend_w = max(260, *(look.font(26).size(t(k))[0] + 50 for k in self._legend_keys()))
        # The line above the plan: where the next lesson is (it wraps with large text).
        header: list[str] = []
        if self.next is not None:
            room = smap.rooms[self.next.room]
            line = t("floorplan_next", subject=self.next.lesson.subject_named(lang),
                     room=room.named(lang))
            if room.floor != self.floor:
                line += " " + t("floorplan_next_floor", floor=t.floor(room.floor))
            header = look.wrap(line, 30, area.w)
        plan_top = look.blit_lines(surface, header, 30, area.x, area.y) + 16 if header \
            else area.y
        width, height = right - left, bottom - top
        plan = pygame.Rect(area.x, plan_top, area.w - legend_w - 30, area.bottom - plan_top)
        scale = min(plan.w / width, plan.h / height)
        # A long floor (a big school's wing after wing) gets the whole width, with the
        # legend in one line under it, when that draws the rooms larger.
        under = pygame.Rect(area.x, plan_top, area.w,
                            area.bottom - plan_top - self._legend_row() - 16)
        across = self._legend_across_width() <= area.w and \
            min(under.w / width, under.h / height) > scale * 1.1
        if across:
            plan, scale = under, min(under.w / width, under.h / height)
            self._legend(surface, pygame.Rect(area.x, plan.y + int(height * scale) + 16,
                                              area.w, self._legend_row()), across=True)
        else:
            self._legend(surface, pygame.Rect(area.right - legend_w, plan_top + 20, legend_w,
                                              200))
        plan.x += int((plan.w - width * scale) / 2)

        def to_screen(x: float, y: float) -> tuple[int, int]:
            return int(plan.x + (x - left) * scale), int(plan.y + (y - top) * scale)

        for room in sorted(rooms, key=lambda r: r.kind != "corridor"):
            x, y = to_screen(room.rect.x, room.rect.y)
            rect = pygame.Rect(x, y, int(room.rect.w * scale), int(room.rect.h * scale))
            target = self.next is not None and room.id == self.next.room
            fill = HIGHLIGHT if target else CORRIDOR if room.kind == "corridor" else ROOM
            pygame.draw.rect(surface, fill, rect, border_radius=6)
            pygame.draw.rect(surface, look.ACCENT if target else look.MUTED, rect,
                             4 if target else 2, border_radius=6)
            if room.kind != "corridor":
                # A classroom is its number on the plan ("2.14"); other rooms their name.
                name = room.id if room.kind in CLASSROOM_KINDS else room.label.get(lang)
                fitted_label(surface, name, rect, bold=target)
        for stairs in smap.stairs:
            if left <= stairs.rect.center[0] <= right and top <= stairs.rect.center[1] <= bottom:
                x, y = to_screen(stairs.rect.x, stairs.rect.y)
                box = pygame.Rect(x, y, int(stairs.rect.w * scale), int(stairs.rect.h * scale))
                pygame.draw.rect(surface, STAIRS, box, border_radius=4)
                stairs_arrow(surface, box, going_up(smap, stairs))
        for walk in self.route:  # only the walks on this floor
            points = [to_screen(x, y) for x, y in walk
                      if left <= x <= right and top <= y <= bottom]
            if len(points) > 1 and len(points) == len(walk):
                pygame.draw.lines(surface, ROUTE, False, points, 5)
        if world.room is not None and world.room.floor == self.floor:
            pos = to_screen(world.player.x, world.player.y - 8)
            pygame.draw.circle(surface, ROUTE, pos, 12)
            pygame.draw.circle(surface, look.PAPER, pos, 12, 3)

    def _legend_keys(self) -> list[str]:
        """What the legend explains: stairs only in a school that has them."""
        keys = ["floorplan_here", "floorplan_lesson_room"]
        if self.world.map.stairs:
            keys += ["floorplan_stairs_up", "floorplan_stairs_down"]
        return keys + (["floorplan_route"] if self.route else [])

    def _legend(self, surface: pygame.Surface, area: pygame.Rect, *,
                across: bool = False) -> None:
        """What the marks mean, beside the plan (or in one line under a wide floor's plan)
        so no label hides a room's name."""
        t = self.app.texts
        row = self._legend_row()
        x, y = area.x, area.y
        for key in self._legend_keys():
            mark = pygame.Rect(x, y + row // 2 - 14, 28, 28)
            if key == "floorplan_here":
                pygame.draw.circle(surface, ROUTE, mark.center, 12)
            elif key == "floorplan_lesson_room":
                pygame.draw.rect(surface, HIGHLIGHT, mark, border_radius=5)
                pygame.draw.rect(surface, look.ACCENT, mark, 3, border_radius=5)
            elif key == "floorplan_route":
                pygame.draw.line(surface, ROUTE, mark.midleft, mark.midright, 5)
            else:
                pygame.draw.rect(surface, STAIRS, mark, border_radius=4)
                stairs_arrow(surface, mark, key == "floorplan_stairs_up")
            label = look.text(t(key), 26, look.INK)
            surface.blit(label, label.get_rect(midleft=(x + 40, y + row // 2)))
            if across:
                x += 40 + label.get_width() + 36
            else:
                y += row

    def _legend_row(self) -> int:
        return max(44, look.font(26).get_height() + 14)

    def _legend_across_width(self) -> int:
        return sum(40 + look.font(26).size(self.app.texts(k))[0] + 36
                   for k in self._legend_keys())


def going_up(smap: SchoolMap, stairs: Stairs) -> bool:
    """Stairs lead up when the floor they arrive on is higher than the one they are on."""
    target = smap.points[stairs.target]
    here = smap.room_at(*stairs.rect.center)
    there = smap.room_at(target.x, target.y - 1)
    return bool(here and there and there.floor > here.floor)


def stairs_arrow(surface: pygame.Surface, box: pygame.Rect, up: bool) -> None:
    """A drawn arrow (no font needed): up or down the stairs."""
    half = max(4, min(box.w, box.h) // 3)
    cx, cy = box.center
    tip, base = (cy - half, cy + half) if up else (cy + half, cy - half)
    pygame.draw.polygon(surface, look.INK, [(cx, tip), (cx - half, base), (cx + half, base)])


def fitted_label(surface: pygame.Surface, name: str, rect: pygame.Rect, *,
                 bold: bool = False) -> None:
    """A name centred in its box, as large as fits: one line, else two, never tiny."""
    for size in (28, 24, 20, 17, 15):  # a big school's plan has narrow rooms
        if look.font(size, bold).size(name)[0] <= rect.w - 8:
            label = look.text(name, size, look.INK, bold=bold)
            surface.blit(label, label.get_rect(center=rect.center))
            return
    lines = look.wrap(name, 17, rect.w - 8)[:2]
    if " " not in name:  # one long word: split it with a hyphen where it fits
        font = look.font(15, bold)
        fits = [k for k in range(2, len(name) - 1) if font.size(name[:k] + "-")[0] <= rect.w - 8
                and font.size(name[k:])[0] <= rect.w - 8]
        cut = min(fits, key=lambda k: abs(2 * k - len(name)), default=len(name) // 2)
        lines, size = [name[:cut] + "-", name[cut:]], 15
    else:
        size = 17
    height = look.line_height(size) * len(lines)
    y = rect.centery - height // 2
    for line in lines:
        label = look.text(line, size, look.INK, bold=bold)
        surface.blit(label, label.get_rect(midtop=(rect.centerx, y)))
        y += look.line_height(size)
