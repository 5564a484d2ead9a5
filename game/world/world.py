"""The world of one play session: the pupil walking through school, people, time, state.

Scenes turn input into calls on this class and draw what it holds; tests and
bots drive it directly. Everything that happens is announced with emit().
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from typing import Any

from game.content.bundle import Content
from game.content.dialogue import Effect
from game.content.level import Day
from game.content.schema import LocalText
from game.content.school_map import Room
from game.world import class_scenes, homework, movement, school_day
from game.world.case import Case, fits, suspects_left
from game.world.clock import GameClock
from game.world.conversation import Conversation
from game.world.events import Event, choice_data
from game.world.movement import Body
from game.world.npc import NPC_SPEED, PAUSE_SECONDS, Npc
from game.world.pupil_state import PupilState
from game.world.reflection import DaySummary, summarise
from game.world.school_day import LessonVisit
from game.world.timetable import PlannedLesson, next_lesson

TALK_REACH = 44.0
MAX_RELATION = 5


class World:
    def __init__(self, content: Content, *, day_index: int = 0, seed: int = 0) -> None:
        self.content = content
        self.map = content.map
        self.level = content.level
        self.day_index = day_index
        self.seed = seed
        self.rng = random.Random(seed)
        start = self.map.points[self.level.start]
        self.player = Body(start.x, start.y, start.facing)
        self.clock = GameClock(self.day.start, self.level.clock.speed)
        self.state = PupilState(
            relations={c.id: c.relation for c in self.level.characters if c.relation})
        self.npcs = self._place_npcs()
        self.case = Case.draw(self.level, seed)
        self.real_time = 0.0
        # From the pupil's settings (see configure): calm corridors, and whether time runs on
        # while the pupil reads or looks things up.
        self.calm = False
        self.time_pressure = False
        self.events: list[Event] = []
        self.listeners: list[Callable[[Event], None]] = []  # e.g. the journal
        self.conversation: Conversation | None = None
        self.lesson: LessonVisit | None = None
        self.day_over = False
        self.level_over = False
        # Titled cards for the screen (class-mode scenes): (title key, text, scene number)
        self.cards: list[tuple[str, LocalText, int]] = []
        self.notices: list[LocalText] = []  # things the pupil just found out, for the screen
        self.room: Room | None = self.map.room_at(self.player.x, self.player.y - 1)
        self._on_stairs = self.map.stairs_at(self.player.x, self.player.y - 1) is not None
        self.emit("level_start", {"level": self.level.id, "day": self.day.id, "seed": seed,
                                  "candidates": self.level.alien.candidates
                                  if self.level.alien else []})
        if self.level.scenes:
            class_scenes.begin(self)

    # --- reading ---
    @property
    def day(self) -> Day:
        return self.level.days[self.day_index]

    def next_lesson(self) -> PlannedLesson | None:
        """The next lesson as it really is (every announced change applied)."""
        return next_lesson(self.day, self.clock.minutes, decided=self.state.lessons)

    def known_next_lesson(self) -> PlannedLesson | None:
        """The next lesson as the pupil knows it: only the changes they have seen."""
        if self.lesson is not None:
            return self.lesson.planned
        return next_lesson(self.day, self.clock.minutes, self.state.changes_seen,
                           self.state.lessons)

    def can_wait_for_bell(self) -> bool:
        nxt = self.next_lesson()
        return (nxt is not None and self.room is not None and self.room.id == nxt.room
                and self.clock.minutes < nxt.lesson.start and self.lesson is None)

    def npc_in_reach(self) -> Npc | None:
        """The person the pupil faces, close enough to talk to."""
        dx, dy = movement.DIRECTION_VECTORS[self.player.facing]
        fx, fy = self.player.x + dx * 18, self.player.y - 8 + dy * 18
        best, best_d = None, TALK_REACH
        for npc in self.npcs.values():
            d = ((npc.body.x - fx) ** 2 + (npc.body.y - 8 - fy) ** 2) ** 0.5
            if d < best_d:
                best, best_d = npc, d
        return best

    def configure(self, *, calm: bool, time_pressure: bool) -> None:
        """Low-stimulus mode keeps people in the corridors still; time pressure lets the
        clock run on during conversations and looking things up (off by default)."""
        self.calm = calm
        self.time_pressure = time_pressure

    # --- acting ---
    def update(self, dt: float, move: tuple[float, float] = (0.0, 0.0)) -> None:
        """One fixed step: time passes, people walk, the pupil moves unless talking."""
        self.real_time += dt
        if self.day_over:
            return
        free = self.conversation is None and self.lesson is None
        if free or (self.time_pressure and self.lesson is None):
            self.clock.advance(dt)  # without time pressure, time stands still while reading
        if free:
            movement.step(self.player, move[0], move[1], dt, self.map, self._player_blocked)
        else:
            self.player.moving = False
        self._update_npcs(dt)
        self._check_place()
        school_day.update(self)

    def talk(self, npc: Npc | None = None) -> Conversation | None:
        """Start a conversation with the person in reach (or the one given)."""
        npc = npc or self.npc_in_reach()
        if npc is None or self.conversation is not None:
            return None
        character = self.level.character(npc.id)
        npc.talking = True
        npc.body.facing = _facing_towards(npc.body, self.player)
        self.emit("conversation_started", {"character": npc.id})
        news = school_day.changes_to_tell(self, npc.id)
        if news:  # a classmate tells the news first
            for change in news:
                school_day.see_change(self, change, "classmate")
            self.notices.clear()
            self.conversation = Conversation(self, npc.id, None, news[0].message)
            return self.conversation
        dialogue = self.content.dialogues.get(character.dialogue) if character.dialogue else None
        self.conversation = Conversation(self, npc.id, dialogue, character.greeting)
        if self.conversation.finished:  # an empty conversation ends at once
            return None
        return self.conversation

    def end_conversation(self, conversation: Conversation) -> None:
        npc = self.npcs.get(conversation.character)
        if npc:
            npc.talking = False
        if self.conversation is conversation:
            self.conversation = None
        if conversation.is_lesson:
            self.finish_lesson()
        if self.level.scenes:
            class_scenes.after_conversation(self)

    # --- the school day ---
    def begin_lesson(self) -> Conversation | None:
        """The pupil is in a lesson: the teacher talks (see lesson_talk)."""
        if self.lesson is None or self.conversation is not None:
            return None
        from game.world.lesson_talk import begin_lesson

        return begin_lesson(self)

    def finish_lesson(self) -> None:
        if self.lesson is None:
            return
        lesson = self.lesson.planned.lesson
        self.lesson = None
        self.clock.minutes = max(self.clock.minutes, lesson.end)
        self.emit("lesson_end", {"lesson": lesson.id})

    def wait_for_bell(self) -> bool:
        return school_day.wait_for_bell(self)

    def end_day(self) -> None:
        if self.day_over:
            return
        self.day_over = True
        self.emit("day_end", self.day_summary().data())

    def day_summary(self) -> DaySummary:
        return summarise(self)

    @property
    def last_day(self) -> bool:
        return self.day_index + 1 >= len(self.level.days)

    def start_next_day(self) -> bool:
        """Morning of the next school day; False when this was the last day."""
        if self.last_day:
            return False
        self.day_index += 1
        self.clock = GameClock(self.day.start, self.level.clock.speed)
        start = self.map.points[self.level.start]
        self.player = Body(start.x, start.y, start.facing)
        self.npcs = self._place_npcs()
        self.day_over = False
        self.lesson = None
        self.conversation = None
        self.notices.clear()
        self.room = self.map.room_at(self.player.x, self.player.y - 1)
        self.emit("day_start", {"day": self.day.id})
        return True

    def finish_level(self) -> None:
        if not self.level_over:
            self.level_over = True
            self.emit("level_end", {"solved": self.state.solved, "clues": len(self.state.clues),
                                    "accusations": len(self.state.accusations),
                                    "day": self.day.id})

    def think(self, seconds: float) -> None:
        """Real time passes while the pupil reads or thinks; the school clock stands still."""
        self.real_time += seconds

    def reflect_feeling(self, feeling: str) -> None:
        """The pupil says how the day went: logged as a choice, for the mentor's talk."""
        from game.world.speech import both

        options = [(f, both(f"feel_{f}")) for f in ("good", "ok", "hard")]
        question = both("reflect_feel")
        self.emit("choice", choice_data(
            dialogue="reflectie", node=self.day.id, character="player",
            said_before=[{"speaker": "game", "nl": question.nl, "en": question.en,
                          "emotion": "neutral"}],
            options=[{"id": f, "nl": t.nl, "en": t.en} for f, t in options],
            chosen_index=[f for f, _ in options].index(feeling)))

    # --- homework and the case ---
    def plan_homework(self, homework_id: str, slot: str) -> None:
        homework.plan(self, homework_id, slot)

    def homework_task(self, homework_id: str, when: str = "school") -> homework.HomeworkTask:
        return homework.HomeworkTask(self, homework_id, when)

    def open_floor_plan(self, via: str = "key") -> None:
        nxt = self.known_next_lesson()
        self.emit("floor_plan_opened", {"via": via, "next_room": nxt.room if nxt else None})

    def accuse(self, suspect: str, evidence: str | None) -> dict[str, Any]:
        """Name the alien, with one clue as evidence. Wrong is a learning moment, not the end."""
        assert self.case is not None
        correct = suspect == self.case.alien
        misfit = next((c for c in self.state.clues if not fits(self.level, self.case, c,
                                                               suspect)), None)
        result = {
            "suspect": suspect, "evidence": evidence, "correct": correct,
            "attempt": len(self.state.accusations) + 1,
            "evidence_fits": evidence is not None and fits(self.level, self.case, evidence,
                                                            suspect),
            "misfit": misfit, "clues": len(self.state.clues),
            "left": suspects_left(self.level, self.case, self.state.clues),
        }
        self.state.accusations.append({k: result[k] for k in ("suspect", "evidence",
                                                              "correct", "attempt")})
        if correct:
            self.state.solved = True
        self.emit("accusation", result)
        return result

    def apply_effects(self, effects: Iterable[Effect]) -> None:
        for effect in effects:
            if effect.relation:
                cid, change = effect.relation.character, effect.relation.change
                before = self.state.relation(cid)
                after = max(-MAX_RELATION, min(MAX_RELATION, before + change))
                self.state.relations[cid] = after
                self.emit("relation_change", {"character": cid, "from": before, "to": after})
            elif effect.mood:
                cid, to = effect.mood.character, effect.mood.to
                before = self.state.mood(cid)
                self.state.moods[cid] = to
                if before != to:
                    self.emit("mood_change", {"character": cid, "from": before, "to": to})
            elif effect.set_flag:
                self.state.flags.add(effect.set_flag)
                self.emit("flag_set", {"flag": effect.set_flag})
            elif effect.clear_flag:
                self.state.flags.discard(effect.clear_flag)
            elif effect.give_clue and effect.give_clue not in self.state.clues:
                self.state.clues.append(effect.give_clue)
                self.emit("clue_found", {"clue": effect.give_clue})
            elif effect.give_homework and effect.give_homework not in self.state.homework:
                self.state.homework.append(effect.give_homework)
                self.emit("homework_given", {"homework": effect.give_homework})
            elif effect.note_homework and effect.note_homework not in self.state.homework_noted:
                self.state.homework_noted.append(effect.note_homework)
                self.emit("homework_noted", {"homework": effect.note_homework})
            elif effect.timetable_change and effect.timetable_change not in self.state.changes_seen:
                self.state.changes_seen.append(effect.timetable_change)
                self.emit("timetable_change_seen", {"change": effect.timetable_change})

    def emit(self, kind: str, data: dict[str, Any] | None = None) -> Event:
        event = Event(kind, self.clock.minutes, self.room.id if self.room else None,
                      data or {}, self.day.id)
        self.events.append(event)
        for listener in self.listeners:
            listener(event)
        return event

    def drain_events(self) -> list[Event]:
        events, self.events = self.events, []
        return events

    # --- saving ---
    def snapshot(self) -> dict[str, Any]:
        # Quitting inside a lesson saves the moment after it: a lesson is never half-done.
        clock = self.lesson.planned.lesson.end if self.lesson else self.clock.minutes
        return {
            "level": self.level.id, "day_index": self.day_index, "seed": self.seed,
            "clock": clock, "real_time": self.real_time, "day_over": self.day_over,
            "level_over": self.level_over,
            "player": {"x": self.player.x, "y": self.player.y, "facing": self.player.facing},
            "npcs": {nid: {"x": n.body.x, "y": n.body.y, "facing": n.body.facing,
                           "heading_out": n.heading_out, "pause": n.pause}
                     for nid, n in self.npcs.items()},
            "state": self.state.to_dict(),
        }

    @classmethod
    def restore(cls, content: Content, data: dict[str, Any]) -> World:
        world = cls(content, day_index=int(data["day_index"]), seed=int(data["seed"]))
        world.events.clear()
        world.clock.minutes = float(data["clock"])
        world.real_time = float(data.get("real_time", 0.0))
        p = data["player"]
        world.player.x, world.player.y, world.player.facing = p["x"], p["y"], p["facing"]
        for nid, n in data.get("npcs", {}).items():
            if nid in world.npcs:
                npc = world.npcs[nid]
                npc.body.x, npc.body.y, npc.body.facing = n["x"], n["y"], n["facing"]
                npc.heading_out, npc.pause = n["heading_out"], n["pause"]
        world.state = PupilState.from_dict(data["state"])
        world.day_over = bool(data.get("day_over", False))
        world.level_over = bool(data.get("level_over", False))
        world.room = world.map.room_at(world.player.x, world.player.y - 1)
        world._on_stairs = world.map.stairs_at(world.player.x, world.player.y - 1) is not None
        world.cards.clear()
        scene = class_scenes.current(world)
        if scene is not None:  # back in class mode: show where we were
            world.cards.append(("scene_title", scene.intro, class_scenes.number(world, scene)))
        return world

    # --- internals ---
    def _place_npcs(self) -> dict[str, Npc]:
        npcs = {}
        for character in self.level.characters:
            spot = self.map.characters.get(character.id)
            if character.schedule:
                first = character.schedule[0]
                at = self.map.place(first.at)
                x, y = at if at else (spot.x, spot.y)
                tile = self.map.tile  # on a tile's centre, so nobody stands half in a desk
                x = (int(x // tile) + first.offset[0] + 0.5) * tile
                y = (int(y // tile) + first.offset[1] + 0.5) * tile
            elif spot is not None:
                x, y = spot.x, spot.y
            else:
                continue
            route = None
            if spot is not None and spot.walk_to and not character.schedule:
                wp = self.map.points[spot.walk_to]
                route = (wp.x, wp.y)
            npcs[character.id] = Npc(character.id, character.name, character.role,
                                     character.sprite, Body(x, y), (x, y), route,
                                     pause=self.rng.uniform(0, PAUSE_SECONDS))
        return npcs

    def _player_blocked(self, box: tuple[float, ...]) -> bool:
        # Someone who already overlaps the pupil (after stairs, or a new morning) never
        # holds them: they can always step apart.
        here = self.player.hitbox()
        return any(movement.overlaps(box, other) and not movement.overlaps(here, other)
                   for other in (npc.body.hitbox() for npc in self.npcs.values()))

    def _update_npcs(self, dt: float) -> None:
        player_box = self.player.hitbox()
        for npc in self.npcs.values():
            target = npc.target()
            if npc.talking or target is None or self.calm:
                npc.body.moving = False
                continue
            if npc.pause > 0:
                npc.pause -= dt
                npc.body.moving = False
                continue
            dx, dy = target[0] - npc.body.x, target[1] - npc.body.y
            if abs(dx) < 2 and abs(dy) < 2:
                npc.heading_out = not npc.heading_out
                npc.pause = PAUSE_SECONDS
                continue
            mx = (dx > 0) - (dx < 0) if abs(dx) >= 2 else 0
            my = (dy > 0) - (dy < 0) if abs(dy) >= 2 else 0
            start_box = npc.body.hitbox()
            movement.step(npc.body, mx, my, dt, self.map,
                          lambda box, start=start_box: movement.overlaps(box, player_box)
                          and not movement.overlaps(start, player_box), NPC_SPEED)

    def _check_place(self) -> None:
        feet_y = self.player.y - 1
        stairs = self.map.stairs_at(self.player.x, feet_y)
        if stairs is not None and not self._on_stairs:
            target = self.map.points[stairs.target]
            self.emit("stairs_taken", {"stairs": stairs.name, "to": stairs.target})
            self.player.x, self.player.y, self.player.facing = target.x, target.y, target.facing
            stairs = None
        self._on_stairs = self.map.stairs_at(self.player.x, self.player.y - 1) is not None
        room = self.map.room_at(self.player.x, self.player.y - 1)
        if room is not None and (self.room is None or room.id != self.room.id):
            self.room = room
            self.emit("room_entered", {"room": room.id, "floor": room.floor})


def _facing_towards(body: Body, other: Body) -> str:
    dx, dy = other.x - body.x, other.y - body.y
    if abs(dx) > abs(dy):
        return "right" if dx > 0 else "left"
    return "down" if dy > 0 else "up"
