"""The world of one play session: the pupil walking through school, people, time, state.

The World is the only writer of its own state. Helpers decide (school_day,
class_scenes, reflection) or act through the narrow interfaces they declare
(Talk, LessonWorld, HomeworkWorld, EffectTarget); the World carries it out and
announces everything with emit(). Scenes turn input into calls on this class and
draw what it holds; tests and bots drive it directly; nothing here draws.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any, Literal

from game.content.bundle import Content
from game.content.level import Day
from game.content.missions import Mission
from game.content.schema import LocalText
from game.content.school_map import Room
from game.content.timetable import PlannedLesson, next_lesson
from game.events import KINDS, Event, Payload
from game.events.case import Accused
from game.events.class_mode import SceneEnded, SceneStarted
from game.events.coping import AskedForHelp, CalmMoment, HelpAbout, SupportOffered
from game.events.homework import HomeworkDone, HomeworkHandedIn, HomeworkLate, HomeworkPlanned
from game.events.lessons import (
    Bell,
    BellWarning,
    LessonCancelled,
    LessonEnded,
    LessonLate,
    LessonMissed,
    LessonOnTime,
    TimetableChangeSeen,
    WaitedForBell,
)
from game.events.missions import MentorMissionStarted, MissionChecked, MissionOffered
from game.events.moving import (
    AgendaOpened,
    FloorPlanOpened,
    NotebookOpened,
    RoomEntered,
    StairsTaken,
)
from game.events.sitting import DayEnded, DayStarted, LevelEnded, LevelStarted, Resumed
from game.events.talking import (
    REFLECTION_DIALOGUE,
    ChoiceMade,
    ConversationStarted,
    Option,
    SaidLine,
)
from game.events.voice import (
    NOTE_LENGTH,
    ConsentGiven,
    Destination,
    HandoverWritten,
    MomentMarked,
)
from game.mentor_mission import MentorMission
from game.rules.conditions import Facts
from game.rules.effects import Effect, NoteHomework
from game.rules.state import PupilState
from game.world import class_scenes, movement, school_day, seating, support
from game.world.case import Case, fits, suspects_left
from game.world.clock import GameClock
from game.world.conversation import Conversation
from game.world.homework import SLOTS, HomeworkTask, When
from game.world.lesson_talk import lesson_dialogue
from game.world.logbook import Logbook
from game.world.movement import Body
from game.world.npc import NPC_SPEED, PAUSE_SECONDS, Npc
from game.world.reflection import DaySummary, summarise
from game.world.school_day import LessonVisit
from game.world.speech import both

TALK_REACH = 44.0
STOP_NEAR = 56.0  # people stop walking and turn to a pupil this close
# The skill a mission practises, after the day's tip (reflect_tip_<x>): being late asks
# for finding the way, homework for planning, a quiet day for talking.
TIP_SKILLS = {"late": "orientation", "homework": "planning", "talk": "relations",
              "keep": "flexibility"}
QUIET_ROOM = "quiet"  # the map's kind for the quiet room (stilteruimte)
FEELINGS = ("good", "ok", "hard")


class World:
    def __init__(self, content: Content, *, day_index: int = 0, seed: int = 0) -> None:
        self.content = content
        self.map = content.map
        self.level = content.level
        self.day_index = day_index
        self.seed = seed
        self.rng = random.Random(seed)
        self.player = self._start_body()
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
        self.listeners: list[Callable[[Event], None]] = []  # the log, the scenes, tests
        self.conversation: Conversation | None = None
        self.lesson: LessonVisit | None = None
        self._lesson_part = 0  # which of lesson_parts() is next
        self.day_over = False
        self.level_over = False
        self.room: Room | None = self.map.room_at(self.player.x, self.player.y - 1)
        self._on_stairs = self.map.stairs_at(self.player.x, self.player.y - 1) is not None
        # Stairs act on a fresh step: after arriving, the key still held from the walk up
        # does not take the pupil down again; releasing or turning does.
        self.stairs_ready = True
        self._arrived_with: tuple[float, float] = (0.0, 0.0)
        self._move: tuple[float, float] = (0.0, 0.0)
        self._fresh_step = False
        self._frames = 0
        self._last_moment: tuple[int, int, str | None, int, int] | None = None
        self.support = support.Support()  # the game's own help when stuck (configure)
        self.pending_offer: support.Offer | None = None
        self._offer: support.Offer | None = None  # the offer being talked through
        self.route_today = False  # the floor plan shows the route (help was accepted)
        self.wants_floor_plan = False  # open it now (after the helper explained)
        self.logbook = Logbook()  # the day's moments for "Mijn logboek" (logbook.py)
        self.wants_calmer = False  # answers came too quickly: offer a calmer pace

    def begin(self) -> None:
        """A new game starts (called once whoever listens is listening)."""
        self.emit(LevelStarted(level=self.level.id, day=self.day.id, seed=self.seed,
                               candidates=self.level.alien.candidates if self.level.alien
                               else []))
        self._next_scene()

    def resume(self) -> None:
        """A saved game goes on (called once whoever listens is listening)."""
        self.state.sittings += 1
        self.emit(Resumed(day=self.day.id, clock=self.clock.text()))

    # --- reading ---
    @property
    def day(self) -> Day:
        return self.level.days[self.day_index]

    @property
    def day_number(self) -> int:
        return self.day_index + 1

    def facts(self, dialogue: str) -> Facts:
        return Facts(self.state, dialogue, self.clock.minutes, self.day_number)

    def next_lesson(self) -> PlannedLesson | None:
        """The next lesson as it really is (every announced change applied)."""
        return next_lesson(self.day, self.clock.minutes, decided=self.state.lessons)

    def known_next_lesson(self) -> PlannedLesson | None:
        """The next lesson as the pupil knows it: only the changes they have seen."""
        if self.lesson is not None:
            return self.lesson.planned
        return next_lesson(self.day, self.clock.minutes, self.state.changes_seen,
                           self.state.lessons)

    @property
    def free_time(self) -> bool:
        """All lessons are over: the pupil may talk, look around, or go home."""
        return not self.day_over and school_day.lessons_over(self.day, self.clock.minutes,
                                                             self.state)

    def can_go_home(self) -> bool:
        return self.free_time and self.room is not None and self.room.kind == school_day.ENTRANCE

    def go_home(self) -> bool:
        """At the entrance after the last lesson: the school day ends now."""
        if not self.can_go_home():
            return False
        self.end_day()
        return True

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

    def day_summary(self) -> DaySummary:
        return summarise(self.level, self.day, self.state, last_day=self.last_day,
                         previous=self.level.days[self.day_index - 1] if self.day_index else None)

    @property
    def last_day(self) -> bool:
        days = len(self.level.days)
        chosen = self.state.mentor_mission.get("days")
        if isinstance(chosen, int) and chosen > 0:  # the mentor chose fewer days
            days = min(days, chosen)
        return self.day_index + 1 >= days

    def take_mentor_mission(self, mission: MentorMission) -> None:
        """A new game with the mentor's mission: kept in the save for the whole game."""
        self.state.mentor_mission = mission.model_dump(exclude={"format"})
        support = mission.support
        self.emit(MentorMissionStarted(focus=list(mission.focus), days=mission.days,
                                       route=support.route, hints=support.hints,
                                       calm=support.calm, time_pressure=support.time_pressure))

    def configure(self, *, calm: bool, time_pressure: bool, help_when_stuck: bool = True) -> None:
        """Low-stimulus mode keeps people in the corridors still; time pressure lets the
        clock run on during conversations and looking things up (off by default); the
        game's own help when stuck (support.py) is on unless the pupil turned it off."""
        self.calm = calm
        self.time_pressure = time_pressure
        self.support.enabled = help_when_stuck

    # --- time and walking ---
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
            move = (0.0, 0.0)
        self._fresh_step = move != self._move and move != (0.0, 0.0)
        self._move = move
        if not self.stairs_ready and move != self._arrived_with:
            self.stairs_ready = True
        self._follow_schedules()
        self._update_npcs(dt)
        self._check_place()
        if self.lesson is None:
            room = self.room.id if self.room else None
            # The day's rules change only with the minute, the room or a lesson decided.
            moment = (self.day_index, int(self.clock.minutes), room, len(self.state.lessons),
                      len(self.state.changes_seen))
            if moment != self._last_moment:
                self._last_moment = moment
                for decision in school_day.decide(self.day, self.clock.minutes, room,
                                                  self.state, self.level.notice_board):
                    self._carry_out(decision)
                if self.conversation is None and self.lesson is None and not self.day_over:
                    self._notice_when_stuck()

    def think(self, seconds: float) -> None:
        """Real time passes while the pupil reads or thinks; the school clock stands still."""
        self.real_time += seconds

    # --- talking ---
    def talk(self, npc: Npc | None = None) -> Conversation | None:
        """Start a conversation with the person in reach (or the one given)."""
        npc = npc or self.npc_in_reach()
        if npc is None or self.conversation is not None:
            return None
        character = self.level.character(npc.id)
        self._begin_talk(npc)
        news = school_day.changes_to_tell(self.day, self.clock.minutes, self.state, npc.id)
        if news:  # a classmate tells the news first
            for change in news:
                self.see_change(change.id, "classmate")
            self.conversation = Conversation(self, npc.id, None, news[0].message)
            return self.conversation
        dialogue = self.content.dialogues.get(character.dialogue) if character.dialogue else None
        self.conversation = Conversation(self, npc.id, dialogue, character.greeting)
        if self.conversation.finished:  # an empty conversation ends at once
            return None
        return self.conversation

    def _begin_talk(self, npc: Npc) -> None:
        """Someone and the pupil start talking: they stop and turn, the log hears it, and
        the day counts as one with a talk (see support.py, a silent day)."""
        npc.talking = True
        npc.body.facing = _facing_towards(npc.body, self.player)
        self.emit(ConversationStarted(character=npc.id))
        if self.day.id not in self.state.talked_on:
            self.state.talked_on.append(self.day.id)

    def end_conversation(self, conversation: Conversation) -> None:
        if self._offer is not None and conversation.dialogue is self._offer.dialogue:
            self._offer = None
        npc = self.npcs.get(conversation.character)
        if npc:
            npc.talking = False
        if self.conversation is conversation:
            self.conversation = None
        if conversation.is_lesson:
            self._lesson_part += 1
            if self._lesson_part >= len(self.lesson_parts()):
                self.finish_lesson()
        if self.level.scenes:
            self._next_scene()

    def note_visit(self, dialogue: str, node: str) -> None:
        key = f"{dialogue}:{node}"
        self.state.visits[key] = self.state.visits.get(key, 0) + 1

    def use_once(self, dialogue: str, choice: str) -> None:
        self.state.used_once.add(f"{dialogue}:{choice}")

    def apply_effects(self, effects: Sequence[Effect]) -> None:
        for effect in effects:
            effect.apply(self)

    # --- the school day ---
    def lesson_parts(self) -> list[str]:
        """What this lesson is told as: the teacher's talk, or opening, moment and closing."""
        if self.lesson is None:
            return []
        moment = self.lesson.planned.lesson.moment
        return ["opening", "moment", "closing"] if moment in self.content.dialogues \
            else ["whole"]

    def begin_lesson(self) -> Conversation | None:
        """The pupil is in a lesson: its next part starts (see lesson_talk for the teacher's
        parts; a lesson's `moment` is a written dialogue between them)."""
        if self.lesson is None or self.conversation is not None:
            return None
        parts = self.lesson_parts()
        part = parts[min(self._lesson_part, len(parts) - 1)]
        lesson = self.lesson.planned.lesson
        if part == "moment":
            dialogue = self.content.dialogues[lesson.moment or ""]
            who = dialogue.character
        else:
            dialogue = lesson_dialogue(self, self.lesson, opening=part in ("whole", "opening"),
                                       closing=part in ("whole", "closing"))
            who = self.lesson.planned.teacher
        self.conversation = Conversation(self, who, dialogue, context="lesson", about=lesson.id)
        if self.conversation.finished:  # it ended at once (and moved on to the next part)
            self.conversation = None
        return self.conversation

    def finish_lesson(self) -> None:
        if self.lesson is None:
            return
        lesson = self.lesson.planned.lesson
        self.lesson = None
        self.clock.minutes = max(self.clock.minutes, lesson.end)
        self.emit(LessonEnded(lesson=lesson.id))

    def wait_for_bell(self) -> bool:
        """In the right room early: skip the wait until the bell (nobody likes waiting)."""
        nxt = self.next_lesson()
        if nxt is None or self.room is None or self.room.id != nxt.room:
            return False
        if self.clock.minutes < nxt.lesson.start:
            self.clock.minutes = nxt.lesson.start
            self.emit(WaitedForBell(lesson=nxt.lesson.id))
        return True

    def ask_for_help(self, about: HelpAbout) -> None:
        """The pupil asked the person they are talking to for help: a strength."""
        day = self.day.id
        self.state.help_asked[day] = self.state.help_asked.get(day, 0) + 1
        who = self.conversation.character if self.conversation is not None else None
        self.emit(AskedForHelp(character=who, about=about))
        if self._offer is not None and self._offer.shows_route and about == "way":
            self.route_today = self.wants_floor_plan = True

    # --- the game's own help when stuck (support.py) ---
    @property
    def helps_when_stuck(self) -> bool:
        return self.support.enabled

    def answered(self, response_ms: int) -> None:
        """A choice in a conversation took this long: very quick ones in a row get help."""
        if self.support.enabled and self.support.too_quick(response_ms) \
                and self.support.once("quick_answers", self.day.id):
            self.emit(SupportOffered(rule="quick_answers"))
            self.wants_calmer = True

    def answer_calmer(self, keep: bool, response_ms: int) -> None:
        """The pupil says whether the calmer pace is better (a choice the mentor sees)."""
        question = both("calmer_question")
        options = [Option(id=k, nl=t.nl, en=t.en)
                   for k, t in (("houden", both("calmer_keep")), ("terug", both("calmer_undo")))]
        self.emit(ChoiceMade.build(
            dialogue=support.SUPPORT_DIALOGUE.format(rule="quick_answers"), node="vraag",
            character="player", context="reflection", about=self.day.id,
            said_before=[SaidLine(speaker="game", nl=question.nl, en=question.en)],
            options=options, chosen_index=0 if keep else 1, response_ms=response_ms))

    def _notice_when_stuck(self) -> None:
        if not self.support.enabled or self.pending_offer is not None:
            return
        day, state = self.day.id, self.state
        if self.day_index > 0 and self.clock.minutes <= self.day.start + 1:
            yesterday = self.level.days[self.day_index - 1].id
            if yesterday not in state.talked_on and self.support.once("silent_day", day):
                self._prepare_offer("silent_day")
                return
        nxt = self.known_next_lesson()
        if nxt is None or (self.room is not None and self.room.id == nxt.room):
            return
        today = {lesson.id for lesson in self.day.lessons}
        troubles = [lid for lid, how in state.lessons.items()
                    if lid in today and how in ("late", "missed")]
        if len(troubles) >= 2 and not self.route_today and self.support.once("late_twice", day):
            self._prepare_offer("late_twice", nxt)
            return
        if nxt.lesson.start - self.clock.minutes <= support.LOST_WINDOW:
            steps = support.distance(self.map, (self.player.x, self.player.y), nxt.room)
            if support.is_lost(self.support, nxt.lesson.id, steps, self.clock.minutes,
                               self.player.distance) and not self.route_today \
                    and self.support.once("lost", day):
                self._prepare_offer("lost", nxt)

    def _prepare_offer(self, rule: support.Rule, nxt: PlannedLesson | None = None) -> None:
        helper = support.helper_for(self.level, rule, set(self.npcs))
        if helper is None:
            return
        values: dict[str, Any] = {"name": self.level.character(helper).name}
        if nxt is not None:
            room = self.map.rooms[nxt.room]
            values.update(subject=nxt.lesson.subject_in_text or nxt.lesson.subject,
                          room=LocalText(nl=room.named("nl"), en=room.named("en")))
        self.pending_offer = support.Offer(rule, helper,
                                           support.offer_dialogue(rule, helper, values),
                                           shows_route=rule != "silent_day")

    def take_offer(self) -> Conversation | None:
        """The helper comes up to the pupil and talks first (the scene or a bot calls this)."""
        offer, self.pending_offer = self.pending_offer, None
        if offer is None or self.conversation is not None or offer.helper not in self.npcs:
            return None
        npc = self.npcs[offer.helper]
        spot = movement.free_spot_beside(self.player, self.map)
        if spot is not None:
            npc.body.x, npc.body.y = spot
        self.player.facing = _facing_towards(self.player, npc.body)
        self.emit(SupportOffered(rule=offer.rule, character=offer.helper))
        self._begin_talk(npc)
        self._offer = offer
        self.conversation = Conversation(self, offer.helper, offer.dialogue)
        return self.conversation

    def take_time_out(self, seconds: float) -> None:
        """The pupil used the time-out card (the pause menu): a calm moment, a strength."""
        self._calm("time_out", seconds)

    def _calm(self, via: Literal["time_out", "quiet_room"], seconds: float = 0) -> None:
        if via == "quiet_room" and self.day.id in self.state.calm_days:
            return  # the quiet room counts once a day; every time-out card is told
        if self.day.id not in self.state.calm_days:
            self.state.calm_days.append(self.day.id)
        self.emit(CalmMoment(via=via, seconds=int(seconds)))

    def see_change(self, change_id: str, via: str) -> None:
        """The pupil learns about a change: on the notice board, a door, a classmate, a teacher."""
        if change_id in self.state.changes_seen:
            return
        change = self.level.change(change_id)
        self.state.changes_seen.append(change.id)
        self.emit(TimetableChangeSeen.model_validate(
            {"change": change.id, "lesson": change.lesson, "kind": change.kind, "via": via}))

    def hand_in(self, homework_id: str) -> bool:
        """The homework's lesson: handed in when done (True), else noted as not done yet."""
        done = homework_id in self.state.homework_done
        self.state.homework_handed_in[homework_id] = "on_time" if done else "late"
        if done:
            self.emit(HomeworkHandedIn(homework=homework_id, on_time=True))
        else:
            self.emit(HomeworkLate(homework=homework_id,
                                   noted=homework_id in self.state.homework_noted))
        return done

    def end_day(self) -> None:
        if self.day_over:
            return
        self.day_over = True
        s = self.day_summary()
        self.emit(DayEnded(day=s.day, lessons=s.lessons, on_time=s.on_time, late=s.late,
                           missed=s.missed, trusted_by=s.trusted_by,
                           homework_noted=s.homework_noted, homework_given=s.homework_given,
                           changes_seen=s.changes_seen, clues=s.clues,
                           tip=s.tip.key if s.tip else None))

    def start_next_day(self) -> bool:
        """Morning of the next school day; False when this was the last day."""
        if self.last_day:
            return False
        self.day_index += 1
        # Overnight everyone calms down: moods start neutral; trust (the relation), flags
        # and counters remember what happened.
        self.state.moods.clear()
        self.clock = GameClock(self.day.start, self.level.clock.speed)
        self.player = self._start_body()
        self.npcs = self._place_npcs()
        self.day_over = False
        self.lesson = None
        self.conversation = None
        self.stairs_ready = True
        self.room = self.map.room_at(self.player.x, self.player.y - 1)
        self.route_today = self.wants_floor_plan = False
        self.pending_offer = None
        self.emit(DayStarted(day=self.day.id))
        return True

    def finish_level(self) -> None:
        if not self.level_over:
            self.level_over = True
            self.emit(LevelEnded(solved=self.state.solved, clues=len(self.state.clues),
                                 accusations=len(self.state.accusations), day=self.day.id))

    def reflect_feeling(self, feeling: str, response_ms: int = 0) -> None:
        """The pupil says how the day went: logged as a choice, for the mentor's talk."""
        question = both("reflect_feel")
        options = [Option(id=f, nl=t.nl, en=t.en)
                   for f, t in ((f, both(f"feel_{f}")) for f in FEELINGS)]
        self.emit(ChoiceMade.build(
            dialogue=REFLECTION_DIALOGUE, node=self.day.id, character="player",
            context="reflection", about=self.day.id,
            said_before=[SaidLine(speaker="game", nl=question.nl, en=question.en)],
            options=options, chosen_index=FEELINGS.index(feeling), response_ms=response_ms))

    # --- the pupil's own voice ---
    def keep_logbook(self) -> None:
        """The pupil closed "Mijn logboek": each marked moment goes to the log, for the
        mentor's sheet ("rather not" ones are shown there without their words)."""
        day = self.logbook.day or self.day.id
        for moment in self.logbook.moments:
            if moment.mark is not None:
                self.emit(MomentMarked.model_validate({
                    "day": day, "moment": moment.key, "category": moment.category,
                    "aspects": moment.aspects, "mark": moment.mark,
                    "note": moment.note.strip()[:NOTE_LENGTH]}))

    def write_handover(self, helps: Sequence[str], hard: Sequence[str], note: str,
                       likes: Sequence[str] = ()) -> None:
        """"Mijn overstap": what the pupil wants the new school's mentor to know."""
        self.emit(HandoverWritten.model_validate(
            {"helps": list(helps), "hard": list(hard), "likes": list(likes),
             "note": note.strip()[:2 * NOTE_LENGTH]}))

    def consent(self, to: Destination) -> None:
        """The pupil said yes to their log going to a file or to the teacher's dashboard."""
        self.emit(ConsentGiven(to=to))

    # --- missions for the real school (levels/missions.yaml) ---
    def mission_tonight(self) -> Mission | None:
        """This evening's mission: for the skill of the day's tip, one not offered before."""
        missions = self.content.missions
        if not missions or self.level.scenes:
            return None
        state = self.state
        if self.day.id in state.missions:
            return next((m for m in missions if m.id == state.missions[self.day.id]), None)
        tip = self.day_summary().tip
        skill = TIP_SKILLS.get(tip.key.rsplit("_", 1)[-1] if tip else "", "flexibility")
        focus = self.state.mentor_mission.get("focus") or []
        if focus:  # the mentor's focus skills, in turn
            skill = focus[self.day_index % len(focus)]
        offered = set(state.missions.values())
        fresh = [m for m in missions if m.id not in offered]
        pick = next((m for m in fresh if m.skill == skill), fresh[0] if fresh else None)
        if pick is not None:
            state.missions[self.day.id] = pick.id
        return pick

    def answer_mission(self, mission: Mission, accepted: bool) -> None:
        if accepted and mission.id not in self.state.missions_taken:
            self.state.missions_taken.append(mission.id)
            self.state.missions_sitting[mission.id] = self.state.sittings
        self.emit(MissionOffered(mission=mission.id, skill=mission.skill, nl=mission.text.nl,
                                 en=mission.text.en,
                                 answer="accepted" if accepted else "not_now"))

    def mission_to_check(self) -> Mission | None:
        """The last mission said yes to and not looked back on yet, from an earlier sitting
        (the pupil needs a real day in between to try it)."""
        state = self.state
        for mission_id in reversed(state.missions_taken):
            if mission_id in state.missions_checked:
                continue
            if state.missions_sitting.get(mission_id, state.sittings) >= state.sittings:
                return None
            return next((m for m in self.content.missions if m.id == mission_id), None)
        return None

    def check_mission(self, mission: Mission, result: Literal["done", "partly", "not_yet"],
                      feeling: Literal["good", "ok", "hard"] | None) -> None:
        self.state.missions_checked.append(mission.id)
        self.emit(MissionChecked(mission=mission.id, nl=mission.text.nl, en=mission.text.en,
                                 result=result, feeling=feeling))

    # --- homework and the case ---
    def plan_homework(self, homework_id: str, slot: str) -> None:
        if slot not in SLOTS:
            raise ValueError(f"unknown slot {slot!r}; choose from {SLOTS}")
        self.state.homework_plan[homework_id] = slot
        self.emit(HomeworkPlanned.model_validate({"homework": homework_id, "slot": slot}))

    def note_homework(self, homework_id: str) -> None:
        """Written in the agenda (later than in the lesson, but written all the same)."""
        NoteHomework(homework=homework_id).apply(self)

    def homework_task(self, homework_id: str, when: When = "school") -> HomeworkTask:
        return HomeworkTask(self, homework_id, when)

    def finish_homework(self, homework_id: str, when: When, answers: int) -> None:
        state = self.state
        if homework_id in state.homework_done:
            return
        state.homework_done.append(homework_id)
        self.emit(HomeworkDone.model_validate({
            "homework": homework_id, "when": when,
            "on_time": homework_id not in state.homework_handed_in,
            "planned": state.homework_plan.get(homework_id), "answers": answers,
            "questions": len(self.level.homework_item(homework_id).task)}))

    def open_floor_plan(self, via: str = "key") -> None:
        nxt = self.known_next_lesson()
        self.emit(FloorPlanOpened.model_validate(
            {"via": via, "next_room": nxt.room if nxt else None}))

    def open_agenda(self) -> None:
        self.emit(AgendaOpened(homework=list(self.state.homework_noted)))

    def open_notebook(self) -> None:
        self.emit(NotebookOpened(clues=list(self.state.clues)))

    def accuse(self, suspect: str, evidence: str | None) -> Accused:
        """Name the alien, with one clue as evidence. Wrong is a learning moment, not the end."""
        assert self.case is not None
        level, case, clues = self.level, self.case, self.state.clues
        result = Accused(
            suspect=suspect, evidence=evidence, correct=suspect == case.alien,
            attempt=len(self.state.accusations) + 1,
            evidence_fits=evidence is not None and fits(level, case, evidence, suspect),
            misfit=next((c for c in clues if not fits(level, case, c, suspect)), None),
            clues=len(clues), left=suspects_left(level, case, clues))
        self.state.accusations.append({"suspect": suspect, "evidence": evidence,
                                       "correct": result.correct, "attempt": result.attempt})
        if result.correct:
            self.state.solved = True
        self.emit(result)
        return result

    # --- announcing ---
    def emit(self, payload: Payload) -> Event:
        if KINDS.get(getattr(payload, "kind", "")) is not type(payload):
            raise TypeError(f"{type(payload).__name__} is not a registered event kind: give "
                            "it a `kind` (see game/events/base.py)")
        if isinstance(payload, ChoiceMade) and payload.context == "talk" \
                and sum(payload.aspects.values()) > 0:
            acts = self.state.kind_acts
            acts[self.day.id] = acts.get(self.day.id, 0) + 1
        event = Event(payload, self.clock.minutes, self.room.id if self.room else None,
                      self.day.id)
        self.logbook.note(event, self.level)
        for listener in self.listeners:
            listener(event)
        return event

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
            "logbook": self.logbook.to_data(),
        }

    @classmethod
    def restore(cls, content: Content, data: dict[str, Any]) -> World:
        world = cls(content, day_index=int(data["day_index"]), seed=int(data["seed"]))
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
        world.logbook = Logbook.from_data(data.get("logbook"))
        world.room = world.map.room_at(world.player.x, world.player.y - 1)
        world._on_stairs = world.map.stairs_at(world.player.x, world.player.y - 1) is not None
        return world

    # --- carrying out the day's decisions ---
    def _carry_out(self, decision: school_day.Decision) -> None:
        match decision:
            case school_day.SeeChange(change=change, via=via):
                self.see_change(change.id, via)
            case school_day.Ring(item=item, warning=warning):
                self.state.bells.append(decision.key)
                self.emit((BellWarning if warning else Bell)(**_lesson_data(item)))
            case school_day.Settle(item=item, status="cancelled"):
                self.state.lessons[item.lesson.id] = "cancelled"
                self.emit(LessonCancelled(lesson=item.lesson.id, room=item.room))
            case school_day.Settle(item=item):
                self.state.lessons[item.lesson.id] = "missed"
                self.emit(LessonMissed(**_lesson_data(item)))
            case school_day.Arrive(visit=visit):
                lesson_id = visit.planned.lesson.id
                self.state.lessons[lesson_id] = visit.status
                self.state.minutes_late[lesson_id] = visit.minutes_late
                self.lesson = visit
                self._lesson_part = 0
                kind = LessonOnTime if visit.status == "on_time" else LessonLate
                self.emit(kind(**_lesson_data(visit.planned), minutes_late=visit.minutes_late))
            case school_day.EndDay():
                self.end_day()

    def _next_scene(self) -> None:
        """Class mode: end the scene whose dialogue just finished it; start the next one."""
        level, state = self.level, self.state
        done = class_scenes.finished(level, state)
        if done is not None:
            state.scenes_done.append(done.id)
            state.flags.discard(done.start_flag)
            self.emit(SceneEnded(scene=done.id, number=class_scenes.number(level, done),
                                 think_about=done.think_about.model_dump()))
            if class_scenes.current(level, state) is None:
                self.finish_level()
        scene = class_scenes.to_begin(level, state)
        if scene is not None:
            state.flags.add(scene.start_flag)
            self.emit(SceneStarted(scene=scene.id, number=class_scenes.number(level, scene),
                                   of=len(level.scenes)))

    # --- internals ---
    def _start_body(self) -> Body:
        start = self.map.points[self.level.start]
        return Body(start.x, start.y, start.facing)

    def _place_npcs(self) -> dict[str, Npc]:
        """Everyone at school today, where they are at this time (their schedule's place,
        else their spot on the map); people the day marks absent are not in the building."""
        npcs = {}
        away = set(self.day.absent)
        for character in self.level.characters:
            if character.id in away:
                continue
            spot = self.map.characters.get(character.id)
            where = self._scheduled_place(character.id)
            if where is not None:
                x, y = where
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
                                     pause=self.rng.uniform(0, PAUSE_SECONDS), origin=(x, y))
        self._schedule_minute = int(self.clock.minutes)
        return npcs

    def _scheduled_place(self, character_id: str) -> tuple[float, float] | None:
        """Where the character's schedule puts them now: the last entry that has begun (the
        first one before that), on a tile's centre so nobody stands half in a desk."""
        schedule = self.level.character(character_id).schedule
        if not schedule:
            return None
        now = self.clock.minutes
        current = schedule[0]
        for placement in schedule:
            if placement.from_ <= now:
                current = placement
        at = self.map.place(current.at)
        if at is None:
            return None
        tile = self.map.tile
        return ((int(at[0] // tile) + current.offset[0] + 0.5) * tile,
                (int(at[1] // tile) + current.offset[1] + 0.5) * tile)

    def _follow_schedules(self) -> None:
        """Each new minute: people whose schedule moved on are in their next place (in
        class for the lesson, in the canteen at break), unless the pupil talks to them."""
        minute = int(self.clock.minutes)
        if minute == self._schedule_minute:
            return
        self._schedule_minute = minute
        in_class = seating.seats(self.level, self.map, self.day, self.clock.minutes,
                                 set(self.npcs))
        for npc in self.npcs.values():
            seat = in_class.get(npc.id)
            where = seat or self._scheduled_place(npc.id)
            if where is None and npc.seated:  # the lesson is over: back to their spot
                where = npc.origin
            npc.seated = seat is not None
            if where is None or npc.talking or where == npc.home:
                continue
            npc.body.x, npc.body.y = where
            npc.home = where

    def _player_blocked(self, box: tuple[float, ...]) -> bool:
        # Someone who already overlaps the pupil (after stairs, or a new morning) never
        # holds them: they can always step apart. Only people near the box can block it.
        here = self.player.hitbox()
        x, y = box[0], box[1]
        for npc in self.npcs.values():
            body = npc.body
            if abs(body.x - x) > 40 or abs(body.y - y) > 40:
                continue
            other = body.hitbox()
            if movement.overlaps(box, other) and not movement.overlaps(here, other):
                return True
        return False

    def _update_npcs(self, dt: float) -> None:
        player_box = self.player.hitbox()
        px, py = self.player.x, self.player.y
        self._frames += 1
        glance = self._frames % 6 == 0  # standing people turn to the pupil ten times a second
        for npc in self.npcs.values():
            body = npc.body
            if (npc.route_to is None or npc.seated) and not glance:
                continue
            near = abs(body.x - px) + abs(body.y - py) < STOP_NEAR
            if near and not npc.talking:  # someone close by stops and looks at the pupil
                body.facing = _facing_towards(body, self.player)
            target = npc.target() if npc.route_to is not None and not npc.seated else None
            if npc.talking or near or target is None or self.calm:
                body.moving = False
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

            def blocked(box: tuple[float, ...], start: tuple[float, ...] = start_box) -> bool:
                return movement.overlaps(box, player_box) and \
                    not movement.overlaps(start, player_box)

            # never past the turning point, however long the step (simulated pupils)
            reach = min(dt, max(abs(dx), abs(dy)) / NPC_SPEED)
            movement.step(npc.body, mx, my, reach, self.map, blocked, NPC_SPEED)

    def _check_place(self) -> None:
        feet_y = self.player.y - 1
        stairs = self.map.stairs_at(self.player.x, feet_y)
        stepped_on = stairs is not None and (not self._on_stairs or self._fresh_step)
        if stairs is not None and stepped_on and self.stairs_ready:
            target = self.map.points[stairs.target]
            self.emit(StairsTaken(stairs=stairs.name, to=stairs.target))
            self.player.x, self.player.y, self.player.facing = target.x, target.y, target.facing
            self.stairs_ready, self._arrived_with = False, self._move
        self._on_stairs = self.map.stairs_at(self.player.x, self.player.y - 1) is not None
        room = self.map.room_at(self.player.x, self.player.y - 1)
        if room is not None and (self.room is None or room.id != self.room.id):
            self.room = room
            self.emit(RoomEntered(room=room.id, floor=room.floor))
            if room.kind == QUIET_ROOM:
                self._calm("quiet_room")


def _lesson_data(item: PlannedLesson) -> dict[str, Any]:
    return {"lesson": item.lesson.id, "subject": item.lesson.subject.nl, "room": item.room,
            "teacher": item.teacher, "changed": item.change.id if item.change else None}


def _facing_towards(body: Body, other: Body) -> str:
    dx, dy = other.x - body.x, other.y - body.y
    if abs(dx) > abs(dy):
        return "right" if dx > 0 else "left"
    return "down" if dy > 0 else "up"
