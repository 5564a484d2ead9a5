"""A simulated pupil with a style (kind, rude, hesitant, late, forgetful).

It plays the real World: walks with the Navigator at the game's own 1/60 s
step, talks, chooses, goes to lessons, writes homework down (or not), plans and
does it, and accuses the alien. Nothing is made up: every logged event comes
from the world it plays in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from game.rules.effects import NoteHomework
from game.world import class_scenes
from game.world.case import suspects_left
from game.world.conversation import Conversation
from game.world.homework import When
from game.world.movement import WALK_SPEED
from game.world.navigator import Navigator, NoWay
from game.world.school_day import ENTRANCE
from game.world.world import World

STYLES = ("kind", "rude", "hesitant", "late", "forgetful")
DT = 1.0 / 60.0
WALK_LIMIT = 60 * 60  # frames before a walk is given up (someone in the way)
# A bot walks a straight stretch, or waits, in steps of up to this many frames: the same
# rules and the same log, about three times fewer world updates (a class's week in seconds).
COARSE = 4
FEELINGS = ("good", "ok", "hard")


@dataclass
class Style:
    name: str
    think: tuple[float, float]  # seconds to choose
    dawdle: tuple[int, int]  # minutes after the bell before walking to class
    late_chance: float  # how often they dawdle before a lesson
    notes_homework: float  # chance to write homework down
    chats: int  # conversations per break


STYLE = {
    "kind": Style("kind", (2, 6), (1, 3), 0.05, 0.95, 2),
    "rude": Style("rude", (1, 3), (1, 6), 0.3, 0.6, 2),
    "hesitant": Style("hesitant", (8, 25), (1, 4), 0.15, 0.8, 1),
    "late": Style("late", (2, 8), (1, 8), 0.8, 0.7, 2),
    "forgetful": Style("forgetful", (2, 8), (1, 5), 0.3, 0.15, 1),
    # Not in a mixed class by default (STYLES), but asked for by name: pupils the game's
    # help is meant for (see game/world/support.py).
    "silent": Style("silent", (3, 10), (1, 3), 0.1, 0.8, 0),
    "lost": Style("lost", (3, 10), (1, 3), 0.0, 0.8, 1),
    "quick": Style("quick", (0.1, 0.6), (1, 3), 0.1, 0.8, 2),
}


class Bot:
    def __init__(self, world: World, style: str, rng: random.Random) -> None:
        self.world = world
        self.style = STYLE[style]
        self.rng = rng
        self.talked: set[str] = set()

    # --- class mode ---
    def play_scenes(self) -> None:
        """Walk to each scene's person and talk until the scene is done (class mode)."""
        world = self.world
        for _ in range(len(world.level.scenes) * 3):
            scene = class_scenes.current(world.level, world.state)
            if scene is None:
                break
            self.walk_to(scene.talk_to)
            conversation = world.talk(world.npcs[scene.talk_to])
            if conversation is not None:
                self.converse(conversation)

    # --- a whole day ---
    def play_day(self, max_steps: int = 60 * 60 * 40) -> None:
        world = self.world
        self.morning()
        steps = 0
        while not world.day_over and steps < max_steps:
            steps += 1
            if world.lesson is not None:
                conversation = world.begin_lesson()
                if conversation is not None:
                    self.converse(conversation)
                continue
            self.free_time()
        if not world.day_over:
            world.end_day()

    def free_time(self) -> None:
        world = self.world
        if world.pending_offer is not None:  # someone comes up with help: hear them out
            conversation = world.take_offer()
            if conversation is not None:
                self.converse(conversation)
            return
        nxt = world.known_next_lesson()
        now = world.clock.minutes
        if world.free_time:
            self.go_home()
            return
        if nxt is None:
            self._idle(60)
            return
        spare = nxt.lesson.start - now
        for hw in world.state.homework_noted:
            if hw not in world.state.homework_done and \
                    world.state.homework_plan.get(hw) == "pauze" and spare > 10:
                self.do_homework(hw, "school")
                return
        if self.style.name == "lost" and world.room is not None and world.room.id != nxt.room \
                and spare > 0 and not world.route_today:
            self._wander()  # walks the wrong corridors until someone helps
            return
        if self.style.chats == 0:
            people: list[str] = []
        else:
            people = [n for n in world.npcs if n not in self.talked]
        talkers = [n for n in people if world.level.character(n).dialogue]
        if talkers and self.rng.random() < 0.7:
            people = talkers
        if spare > 8 and people and len(self.talked) < self.style.chats * (world.day_index + 1) \
                + 1 + 2 * len(world.state.lessons):
            who = self.rng.choice(people)
            self.talked.add(who)
            if self.walk_to(who, until=nxt.lesson.start - 4):
                conversation = world.talk(world.npcs[who])
                if conversation is not None:
                    self.converse(conversation)
            return
        dawdles = False
        if now < nxt.lesson.start and self.rng.random() < self.style.late_chance:
            dawdles = True
            self._idle_until(nxt.lesson.start + self.rng.randint(*self.style.dawdle))
        if world.room is None or world.room.id != nxt.room:
            if self.rng.random() < (0.6 if self.style.name == "hesitant" else 0.25):
                world.open_floor_plan()  # looks up the way first
            self.walk_to(nxt.room)
        if world.room and world.room.id == nxt.room and not dawdles:
            world.wait_for_bell()
        self._idle(10)

    def _wander(self) -> None:
        """Walk to a room far from where the lesson is (a pupil who is lost)."""
        world = self.world
        nxt = world.known_next_lesson()
        far = [r.id for r in world.map.rooms.values() if r.kind in ("corridor", "toilets")
               and nxt is not None and r.floor != world.map.rooms[nxt.room].floor]
        if far:
            self.walk_to(self.rng.choice(far), until=world.clock.minutes + 3)
        else:
            self._idle(60)

    def go_home(self) -> None:
        """After the last lesson: walk to the entrance and go home (or wait for the end)."""
        world = self.world
        entrance = next((r.id for r in world.map.rooms.values() if r.kind == ENTRANCE), None)
        if entrance is not None and self.walk_to(entrance) and world.go_home():
            return
        self._idle(60)

    # --- acting ---
    def walk_to(self, target: str, until: float | None = None) -> bool:
        world = self.world
        nav = Navigator(target)
        for _ in range(WALK_LIMIT):
            if world.lesson is not None or world.day_over or world.pending_offer is not None:
                return False
            if until is not None and world.clock.minutes >= until:
                return False
            try:
                step = nav.step(world)
            except NoWay:
                return False
            if step is None:
                return True
            frames = max(1, min(COARSE, int((nav.reach - 2) / (WALK_SPEED * DT))))
            world.update(DT * frames, (float(step[0]), float(step[1])))
        return False

    def converse(self, conversation: Conversation) -> None:
        world = self.world
        for _ in range(200):
            if conversation.finished:
                break
            if conversation.at_choice:
                world.think(self.rng.uniform(*self.style.think))
                conversation.choose(self.pick(conversation))
                if world.wants_calmer:  # the game offers a calmer pace: say whether it helps
                    world.wants_calmer = False
                    world.think(self.rng.uniform(2, 6))
                    world.answer_calmer(self.rng.random() < 0.7, 3000)
            else:
                world.think(self.rng.uniform(0.8, 2.5))  # reading a line
                conversation.advance()
        if not conversation.finished:
            world.end_conversation(conversation)

    def pick(self, conversation: Conversation) -> int:
        choices = conversation.choices
        score = [sum(c.tags.aspects.values()) for c in choices]
        name = self.style.name
        notes = [any(isinstance(e, NoteHomework) for e in c.effects) for c in choices]
        if any(notes):  # write the homework down, or trust one's memory
            note, remember = notes.index(True), notes.index(False)
            return note if self.rng.random() < self.style.notes_homework else remember
        if name == "rude" and self.rng.random() < 0.7:
            return score.index(min(score))
        if name == "hesitant" and self.rng.random() < 0.6:
            neutral = [i for i, s in enumerate(score) if s == 0]
            return self.rng.choice(neutral) if neutral else len(choices) - 1
        if name == "kind" or self.rng.random() < 0.6:
            return score.index(max(score))
        return self.rng.randrange(len(choices))

    def plan_homework(self) -> None:
        state = self.world.state
        for hw in state.homework_noted:
            if hw not in state.homework_plan and hw not in state.homework_done:
                slot = "vanavond" if self.style.name != "kind" else self.rng.choice(
                    ("pauze", "vanavond"))
                self.world.plan_homework(hw, slot)

    def do_homework(self, homework_id: str, when: When) -> None:
        task = self.world.homework_task(homework_id, when)
        while not task.done:
            self.world.think(self.rng.uniform(3, 12))
            question = task.question
            assert question is not None
            right = self.rng.random() < (0.85 if self.style.name != "forgetful" else 0.6)
            task.answer(question.answer if right else
                        self.rng.choice([i for i in range(len(question.options))
                                         if i != question.answer]))

    def evening(self) -> None:
        """At home: planned homework gets done (the forgetful sometimes skip it)."""
        for hw in list(self.world.state.homework_noted):
            if hw in self.world.state.homework_done:
                continue
            if self.world.state.homework_plan.get(hw) == "vanavond" or self.rng.random() < 0.5:
                if self.style.name == "forgetful" and self.rng.random() < 0.5:
                    continue
                self.do_homework(hw, "vanavond")

    def evening_mission(self) -> None:
        """The mission for the real school: most bots say yes."""
        mission = self.world.mission_tonight()
        if mission is not None:
            self.world.think(self.rng.uniform(2, 6))
            self.world.answer_mission(mission, accepted=self.rng.random() < 0.7)

    def morning(self) -> None:
        """Yesterday's mission, looked back on: mostly done, sometimes not yet."""
        mission = self.world.mission_to_check()
        if mission is None:
            return
        result = self.rng.choices(("done", "partly", "not_yet"), (5, 3, 2))[0]
        feeling = None if result == "not_yet" else self.rng.choice(("good", "ok", "hard"))
        self.world.check_mission(mission, result, feeling)  # type: ignore[arg-type]

    def reflect(self) -> None:
        weights = {"kind": (6, 3, 1), "rude": (3, 4, 3), "hesitant": (2, 4, 4),
                   "late": (3, 4, 3), "forgetful": (3, 5, 2), "silent": (2, 5, 3),
                   "lost": (2, 4, 4), "quick": (4, 4, 2)}[self.style.name]
        self.world.think(self.rng.uniform(2, 8))
        self.world.reflect_feeling(self.rng.choices(FEELINGS, weights)[0])

    def maybe_accuse(self, must: bool) -> None:
        world = self.world
        if world.case is None or world.state.solved or world.level.alien is None:
            return
        left = suspects_left(world.level, world.case, world.state.clues)
        if len(left) == 1 or must:
            for _ in range(len(world.level.alien.candidates)):
                suspect = self.rng.choice(left)
                evidence = next((c for c in world.state.clues), None)
                if world.accuse(suspect, evidence).correct:
                    return
                left = [s for s in left if s != suspect] or left

    def _idle(self, frames: int) -> None:
        for _ in range(0, frames, COARSE):
            if self.world.lesson is not None or self.world.day_over \
                    or self.world.pending_offer is not None:
                return
            self.world.update(DT * COARSE)

    def _idle_until(self, minute: float) -> None:
        while self.world.clock.minutes < minute and self.world.lesson is None \
                and not self.world.day_over and self.world.pending_offer is None:
            self.world.update(DT * COARSE)
