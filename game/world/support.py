"""The game notices when a pupil is stuck and offers help, gently.

Three rules, each at most once a day, each a short conversation the pupil may turn
down (never a scolding, never a block):
- `late_twice`: late for (or missed) two lessons: a classmate offers the route, which
  the floor plan then shows for the rest of the day;
- `lost`: walking for a while without getting closer to the next lesson's room: the
  conciërge comes by and offers the way;
- `silent_day`: a whole day without talking to anyone: the next morning a classmate
  comes to the pupil first, with an easy opener;
- `quick_answers`: three of the last four answers given in under a second: the text
  slows down a step, the answers wait a second before they can be picked, and the
  pupil is asked whether that is better (the scene "calmer"; "no" puts it back);
- `homework_hint` (game/world/homework.py): two wrong answers to a homework question:
  a tip shows and one wrong option is taken away.
Every offer is logged (`support_offered`) and the pupil's answer is a logged choice, so
the mentor sees both. The pupil's setting "Hulp als je vastloopt" turns all of it off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.content.dialogue import Dialogue
from game.content.level import Level, SupportRule
from game.world import pathfinding
from game.world.speech import both

Rule = SupportRule
RULES: tuple[Rule, ...] = ("late_twice", "lost", "silent_day")
LOST_WINDOW = 10  # watched from this many minutes before the lesson (a break is free time)
LOST_MINUTES = 8  # school-clock minutes of walking with the next room no closer
LOST_WALKED = 320  # pixels walked in that time (about ten tiles): not standing and chatting
SUPPORT_DIALOGUE = "hulp-{rule}"
QUICK_MS = 1000  # an answer faster than this was hardly read
QUICK_OF_LAST = (3, 4)  # three of the last four answers that quick: offer a calmer pace


@dataclass
class Offer:
    rule: Rule
    helper: str
    dialogue: Dialogue
    shows_route: bool


@dataclass
class Lost:
    """How the walk towards the next lesson goes: the best distance and when it was."""

    lesson: str = ""
    best: int = 1 << 30
    since: float = 0.0
    walked_at_best: float = 0.0


@dataclass
class Support:
    enabled: bool = True
    given: set[str] = field(default_factory=set)  # "rule:day" offered already
    lost: Lost = field(default_factory=Lost)
    answers_ms: list[int] = field(default_factory=list)  # the last few response times

    def too_quick(self, response_ms: int) -> bool:
        """Note an answer's time; True when most recent answers came before reading."""
        quick, last = QUICK_OF_LAST
        self.answers_ms = [*self.answers_ms, response_ms][-last:]
        return sum(ms < QUICK_MS for ms in self.answers_ms) >= quick

    def once(self, rule: Rule, day: str) -> bool:
        """True the first time this rule fires today."""
        key = f"{rule}:{day}"
        if not self.enabled or key in self.given:
            return False
        self.given.add(key)
        return True


def helper_for(level: Level, rule: Rule, present: set[str]) -> str | None:
    """Who offers the help: the level's choice (`helpers:`), else the first classmate
    (the conciërge or another staff member for `lost`) who is at school today."""
    chosen = level.helpers.get(rule)
    if chosen in present:
        return chosen
    roles = ("staff", "teacher") if rule == "lost" else ("classmate",)
    for role in roles:
        for c in level.characters:
            if c.role == role and c.id in present:
                return c.id
    return None


def is_lost(support: Support, lesson: str, distance: int | None, minute: float,
            walked: float) -> bool:
    """Walking, but the next lesson's room has come no closer for LOST_MINUTES."""
    state = support.lost
    if distance is None:
        return False
    if state.lesson != lesson or distance < state.best:
        support.lost = Lost(lesson, distance, minute, walked)
        return False
    return minute - state.since >= LOST_MINUTES and walked - state.walked_at_best >= LOST_WALKED


def distance(smap: Any, here: tuple[float, float], room: str) -> int | None:
    """Steps from here to the room (stairs included), or None when there is no way."""
    start = pathfinding.tile_of(smap, *here)
    path = pathfinding.find_path(smap, start, pathfinding.room_tiles(smap, room))
    return None if path is None else len(path) - 1


def offer_dialogue(rule: Rule, helper: str, values: dict[str, Any]) -> Dialogue:
    """The helper's words and the pupil's answers, from the game's own texts."""
    def line(key: str, emotion: str = "happy") -> dict[str, Any]:
        return {"speaker": helper, "text": both(key, **values).model_dump(), "emotion": emotion}

    if rule == "silent_day":
        nodes: dict[str, Any] = {
            "hoi": {"lines": [line("support_silent_hello")], "choices": [
                {"id": "hoi-terug", "text": both("support_silent_yes").model_dump(),
                 "goto": "fijn", "effects": [{"relation": {"character": helper, "change": 1}}],
                 "tags": {"aspects": {"positive_relations": 1}, "skills": ["relations"]},
                 "reflect": both("support_silent_reflect").model_dump()},
                {"id": "spannend", "text": both("support_silent_nervous").model_dump(),
                 "goto": "steun", "effects": [{"ask_help": "feelings"}],
                 "tags": {"aspects": {"trust": 1}, "skills": ["relations"]},
                 "reflect": both("support_silent_reflect").model_dump()},
                {"id": "even-niet", "text": both("support_not_now").model_dump(),
                 "goto": "prima"}]},
            "fijn": {"lines": [line("support_silent_glad")], "end": True},
            "steun": {"lines": [line("support_silent_support")], "end": True},
            "prima": {"lines": [line("support_fine_later")], "end": True},
        }
    else:
        nodes = {
            "hoi": {"lines": [line(f"support_{rule}_offer")], "choices": [
                {"id": "ja-graag", "text": both("support_yes_please").model_dump(),
                 "goto": "route", "effects": [{"ask_help": "way"}],
                 "tags": {"skills": ["orientation"]},
                 "reflect": both("support_way_reflect").model_dump()},
                {"id": "zelf", "text": both("support_myself").model_dump(),
                 "goto": "zelf-oke", "tags": {"skills": ["orientation"]},
                 "reflect": both("support_way_reflect").model_dump()}]},
            "route": {"lines": [line(f"support_{rule}_route")], "end": True},
            "zelf-oke": {"lines": [line(f"support_{rule}_myself")], "end": True},
        }
    return Dialogue.model_validate({"id": SUPPORT_DIALOGUE.format(rule=rule),
                                    "character": helper, "start": [{"goto": "hoi"}],
                                    "nodes": nodes})
