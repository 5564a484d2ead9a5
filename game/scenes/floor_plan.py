"""The floor plan (plattegrond): one floor at a time, rooms named, you are here, the next
lesson's room highlighted, and with the route setting on, the way there."""

from __future__ import annotations

import pygame

from game import input as keys
from game.scenes.base import Host
from game.scenes.card import CardScene
from game.ui import look
from game.world import pathfinding
from game.world.world import World

HIGHLIGHT = (250, 214, 120)
CORRIDOR = (236, 236, 232)
ROOM = (222, 232, 246)
ROUTE = (214, 96, 70)


class FloorPlanScene(CardScene):
    close_action = "floor_plan"

    def __init__(self, app: Host, world: World, via: str = "key") -> None:
        super().__init__(app, world)
        self.floors = sorted({r.floor for r in world.map.rooms.values()})
        self.floor = world.room.floor if world.room else self.floors[0]
        self.next = world.known_next_lesson()
        world.open_floor_plan(via)
        self.route = self._route() if app.settings.get("route_assist", False) else []

    def title(self) -> str:
        return f"{self.app.texts('floorplan_title')} · {self.app.texts.floor(self.floor)}"

    def hint(self) -> str:
        return self.app.texts("floorplan_hint")

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_action(event, "left"):
            self.floor = self.floors[(self.floors.index(self.floor) - 1) % len(self.floors)]
        elif keys.is_action(event, "right"):
            self.floor = self.floors[(self.floors.index(self.floor) + 1) % len(self.floors)]
        else:
            super().handle(event)

    def _route(self) -> list[tuple[float, float]]:
        if self.next is None:
            return []
        smap = self.world.map
        here = pathfinding.tile_of(smap, self.world.player.x, self.world.player.y)
        path = pathfinding.find_path(smap, here, pathfinding.room_tiles(smap, self.next.room))
        return [pathfinding.centre(smap, t) for t in path or []]

    def draw_body(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, lang = self.app.texts, self.app.texts.language
        smap, world = self.world.map, self.world
        rooms = [r for r in smap.rooms.values() if r.floor == self.floor]
        left = min(r.rect.x for r in rooms)
        top = min(r.rect.y for r in rooms)
        right = max(r.rect.x + r.rect.w for r in rooms)
        bottom = max(r.rect.y + r.rect.h for r in rooms)
        legend_w = 260
        plan = pygame.Rect(area.x, area.y + 60, area.w - legend_w - 30, area.h - 60)
        scale = min(plan.w / (right - left), plan.h / (bottom - top))
        plan.x += int((plan.w - (right - left) * scale) / 2)
        self._legend(surface, pygame.Rect(area.right - legend_w, area.y + 80, legend_w, 200))

        def to_screen(x: float, y: float) -> tuple[int, int]:
            return int(plan.x + (x - left) * scale), int(plan.y + (y - top) * scale)

        # The line above the plan: where the next lesson is.
        if self.next is not None:
            room = smap.rooms[self.next.room]
            line = t("floorplan_next", subject=self.next.lesson.subject.get(lang),
                     room=room.label.get(lang))
            if room.floor != self.floor:
                line += ". " + t("floorplan_next_floor", floor=t.floor(room.floor))
            surface.blit(look.text(line, 34, look.INK, bold=True), (area.x, area.y + 8))
        for room in sorted(rooms, key=lambda r: r.kind != "corridor"):
            x, y = to_screen(room.rect.x, room.rect.y)
            rect = pygame.Rect(x, y, int(room.rect.w * scale), int(room.rect.h * scale))
            target = self.next is not None and room.id == self.next.room
            fill = HIGHLIGHT if target else CORRIDOR if room.kind == "corridor" else ROOM
            pygame.draw.rect(surface, fill, rect, border_radius=6)
            pygame.draw.rect(surface, look.ACCENT if target else look.MUTED, rect,
                             4 if target else 2, border_radius=6)
            if room.kind != "corridor":
                size = 30 if rect.w > 90 else 24
                label = look.text(room.label.get(lang), size, look.INK, bold=target)
                if label.get_width() > rect.w - 6:
                    label = look.text(room.label.get(lang), 20, look.INK, bold=target)
                surface.blit(label, label.get_rect(center=rect.center))
        for stairs in smap.stairs:
            sx, sy = stairs.rect.x + stairs.rect.w / 2, stairs.rect.y + stairs.rect.h / 2
            if left <= sx <= right and top <= sy <= bottom:
                pos = to_screen(sx, sy)
                label = look.text(t("floorplan_stairs"), 22, look.MUTED, bold=True)
                surface.blit(label, label.get_rect(center=pos))
        if len(self.route) > 1:
            points = [to_screen(x, y) for x, y in self.route if left <= x <= right]
            if len(points) > 1:
                pygame.draw.lines(surface, ROUTE, False, points, 5)
        if world.room is not None and world.room.floor == self.floor:
            pos = to_screen(world.player.x, world.player.y - 8)
            pygame.draw.circle(surface, ROUTE, pos, 12)
            pygame.draw.circle(surface, look.PAPER, pos, 12, 3)

    def _legend(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """What the marks mean, beside the plan so no label hides a room's name."""
        t = self.app.texts
        pygame.draw.circle(surface, ROUTE, (area.x + 14, area.y + 14), 12)
        surface.blit(look.text(t("floorplan_here"), 30, look.INK), (area.x + 40, area.y + 4))
        pygame.draw.rect(surface, HIGHLIGHT, (area.x, area.y + 50, 28, 28), border_radius=5)
        pygame.draw.rect(surface, look.ACCENT, (area.x, area.y + 50, 28, 28), 3,
                         border_radius=5)
        surface.blit(look.text(t("floorplan_lesson_room"), 30, look.INK),
                     (area.x + 40, area.y + 54))
        if self.route:
            pygame.draw.line(surface, ROUTE, (area.x, area.y + 114), (area.x + 28, area.y + 114),
                             5)
            surface.blit(look.text(t("floorplan_route"), 30, look.INK),
                         (area.x + 40, area.y + 102))
