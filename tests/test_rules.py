"""The pure rules, without a window: conditions, effects, the timetable, the school day's
decisions, walking and finding the way."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from game.content.level import Day
from game.content.timetable import next_lesson, planned
from game.events import Payload
from game.rules.conditions import CHECKS, ConditionModel, Facts
from game.rules.effects import EFFECTS, EffectField
from game.rules.state import PupilState
from game.world import movement, pathfinding, school_day
from game.world.movement import Body


def condition(data: dict) -> ConditionModel:
    return ConditionModel.model_validate(data)


def facts(state: PupilState | None = None, *, now: float = 600, day: int = 1) -> Facts:
    return Facts(state or PupilState(), "kim", now, day)


@pytest.mark.parametrize(("written", "state", "expected"), [
    ({"flag": "a"}, PupilState(flags={"a"}), True),
    ({"flag": "a"}, PupilState(), False),
    ({"not_flag": "a"}, PupilState(), True),
    ({"relation": {"character": "kim", "min": 1}}, PupilState(relations={"kim": 1}), True),
    ({"relation": {"character": "kim", "max": 0}}, PupilState(relations={"kim": 1}), False),
    ({"mood": {"character": "kim", "is": "angry"}}, PupilState(moods={"kim": "angry"}), True),
    ({"mood": {"character": "kim", "is": "neutral"}}, PupilState(), True),
    ({"visited": "hallo"}, PupilState(visits={"kim:hallo": 1}), True),
    ({"visited": "hallo"}, PupilState(visits={"ander:hallo": 1}), False),  # other dialogue
    ({"not_visited": "hallo"}, PupilState(), True),
    ({"visits": {"node": "hallo", "min": 2}}, PupilState(visits={"kim:hallo": 1}), False),
    ({"clue": "c"}, PupilState(clues=["c"]), True),
    ({"no_clue": "c"}, PupilState(clues=["c"]), False),
    ({"homework": "h"}, PupilState(homework=["h"]), True),
    ({"counter": {"name": "hulp", "min": 2}}, PupilState(counters={"hulp": 2}), True),
    ({"counter": {"name": "hulp", "max": 0}}, PupilState(counters={"hulp": 2}), False),
    ({"any": [{"flag": "x"}, {"clue": "c"}]}, PupilState(clues=["c"]), True),
    ({"any": [{"flag": "x"}, {"clue": "c"}]}, PupilState(), False),
    ({"flag": "a", "clue": "c"}, PupilState(flags={"a"}), False),  # all must hold
])
def test_each_check_holds_when_it_should(written, state, expected):
    assert condition(written).holds(facts(state)) is expected


def test_time_and_day_checks_read_the_clock_and_the_day():
    at_break = condition({"time": {"after": "10:15", "before": "10:35"}})
    assert at_break.holds(facts(now=10 * 60 + 15))
    assert not at_break.holds(facts(now=10 * 60 + 35))  # `before` is not included
    assert not at_break.holds(facts(now=10 * 60))
    from_day_two = condition({"day": {"min": 2}})
    assert not from_day_two.holds(facts(day=1)) and from_day_two.holds(facts(day=5))


@pytest.mark.parametrize(("written", "message"), [
    ({}, "an empty condition"),
    ({"flg": "a"}, "Extra inputs"),
    ({"time": {}}, "give 'after', 'before' or both"),
    ({"time": {"after": "11:00", "before": "10:00"}}, "must be earlier"),
    ({"day": {}}, "give 'min', 'max' or both"),
    ({"relation": {"character": "kim", "min": 3, "max": 1}}, "min 3 is more than max 1"),
    ({"mood": {"character": "kim", "is": "grumpy"}}, "Input should be"),
    ({"flag": None}, "'flag' needs a value"),
    ({"any": []}, "at least 1 item"),
])
def test_a_wrong_check_is_refused_with_a_reason(written, message):
    with pytest.raises(ValidationError, match=message):
        condition(written)


class FakeWorld:
    """What an effect may touch: the state, emit, and hearing about a change."""

    def __init__(self) -> None:
        self.state = PupilState()
        self.emitted: list[Payload] = []
        self.changes: list[tuple[str, str]] = []

    def emit(self, payload: Payload) -> None:
        self.emitted.append(payload)

    def see_change(self, change_id: str, via: str) -> None:
        self.changes.append((change_id, via))


def effect(data: dict):
    from pydantic import TypeAdapter

    return TypeAdapter(EffectField).validate_python(data)


def test_effects_change_the_state_and_announce_it():
    world = FakeWorld()
    for written in ({"relation": {"character": "kim", "change": 3}},
                    {"relation": {"character": "kim", "change": 3}},
                    {"mood": {"character": "kim", "to": "happy"}},
                    {"mood": {"character": "kim", "to": "happy"}},
                    {"set_flag": "f"}, {"clear_flag": "f"}, {"add_counter": {"name": "n"}},
                    {"add_counter": {"name": "n", "add": -3}}, {"give_clue": "c"},
                    {"give_clue": "c"}, {"give_homework": "h"}, {"note_homework": "h"},
                    {"timetable_change": "wissel"}):
        effect(written).apply(world)
    state = world.state
    assert state.relation("kim") == 5  # kept within -5..5
    assert state.mood("kim") == "happy" and "f" not in state.flags
    assert state.counter("n") == -2 and state.clues == ["c"]
    assert state.homework == ["h"] and state.homework_noted == ["h"]
    assert world.changes == [("wissel", "talk")]
    assert [p.kind for p in world.emitted] == [
        "relation_change", "relation_change", "mood_change", "flag_set", "counter_changed",
        "counter_changed", "clue_found", "homework_given", "homework_noted"]


@pytest.mark.parametrize(("written", "message"), [
    ({"set_flag": "a", "clear_flag": "b"}, "exactly one thing"),
    ({"relation": {"character": "kim", "change": 9}}, "less than or equal to 3"),
    ({"add_counter": None}, "'add_counter' needs a value"),
    ({"give_clu": "c"}, "Extra inputs"),
])
def test_a_wrong_effect_is_refused_with_a_reason(written, message):
    with pytest.raises(ValidationError, match=message):
        effect(written)


def test_every_rule_has_a_key_an_example_that_parses_and_a_summary():
    for key, cls in CHECKS.items():
        assert cls.key == key and cls.summary(), key
        name, _, value = cls.example.partition(": ")
        assert name == key
        import yaml
        condition({key: yaml.safe_load(value)})
    for key, cls in EFFECTS.items():
        assert cls.key == key and cls.summary(), key
        name, _, value = cls.example.partition(": ")
        assert name == key
        import yaml
        effect({key: yaml.safe_load(value)})


# --- the timetable and the day's decisions ---------------------------------------

DAY = Day.model_validate({
    "id": "d", "title": {"nl": "Dag", "en": "Day"}, "start": "08:15", "end": "12:00",
    "lessons": [
        {"id": "a", "start": "08:30", "end": "09:20", "subject": {"nl": "A", "en": "A"},
         "room": "1.05", "teacher": "t"},
        {"id": "b", "start": "09:25", "end": "10:15", "subject": {"nl": "B", "en": "B"},
         "room": "2.14", "teacher": "t"},
        {"id": "c", "start": "10:35", "end": "11:25", "subject": {"nl": "C", "en": "C"},
         "room": "gym", "teacher": "t"}],
    "changes": [
        {"id": "naar-2.12", "lesson": "b", "kind": "room", "new_room": "2.12",
         "announce_at": "09:00", "message": {"nl": "x", "en": "x"}},
        {"id": "c-weg", "lesson": "c", "kind": "cancelled", "announce_at": "08:15",
         "message": {"nl": "x", "en": "x"}}]})


def test_the_timetable_applies_announced_changes_and_what_the_pupil_saw():
    before = {p.lesson.id: p.room for p in planned(DAY, 8 * 60 + 40)}
    assert before == {"a": "1.05", "b": "2.14", "c": "gym"}  # not announced yet
    after = {p.lesson.id: (p.room, p.cancelled) for p in planned(DAY, 9 * 60 + 5)}
    assert after["b"] == ("2.12", False) and after["c"] == ("gym", True)
    known = {p.lesson.id: p.room for p in planned(DAY, 9 * 60 + 5, seen=[])}
    assert known["b"] == "2.14"  # the pupil has not seen the change
    assert next_lesson(DAY, 9 * 60 + 21, decided={"a"}).lesson.id == "b"
    assert next_lesson(DAY, 10 * 60 + 30, decided={"a", "b"}) is None  # c is cancelled


def kinds_of(decisions) -> list[str]:
    return [type(d).__name__ for d in decisions]


def test_the_day_decides_bells_arrivals_misses_and_the_end():
    state = PupilState()
    assert kinds_of(school_day.decide(DAY, 8 * 60 + 26, None, state, None)) == ["Ring"]
    state.bells.append("warn:a")
    decided = school_day.decide(DAY, 8 * 60 + 32, "1.05", state, None)
    assert kinds_of(decided) == ["Ring", "Arrive"]
    arrive = decided[-1]
    assert isinstance(arrive, school_day.Arrive) and arrive.visit.status == "late"
    assert arrive.visit.minutes_late == 2
    on_time = school_day.decide(DAY, 8 * 60 + 30, "1.05", PupilState(bells=["warn:a"]), None)
    assert isinstance(on_time[-1], school_day.Arrive) and on_time[-1].visit.status == "on_time"
    missed = school_day.decide(DAY, 9 * 60 + 21, "kantine", PupilState(bells=["warn:a",
                                                                              "bell:a"]), None)
    assert [type(d).__name__ for d in missed][:1] == ["Settle"]
    everything = PupilState(lessons={"a": "on_time", "b": "on_time"})
    assert kinds_of(school_day.decide(DAY, 11 * 60 + 30, None, everything, None)) == ["Settle"]
    everything.lessons["c"] = "cancelled"
    assert school_day.lessons_over(DAY, 11 * 60 + 30, everything)  # free time until 12:00
    assert school_day.decide(DAY, 11 * 60 + 30, None, everything, None) == []
    assert kinds_of(school_day.decide(DAY, 12 * 60, None, everything, None)) == ["EndDay"]


def test_the_door_of_the_old_room_and_the_notice_board_tell_a_change():
    state = PupilState(lessons={"a": "on_time"})
    at_door = school_day.decide(DAY, 9 * 60 + 10, "2.14", state, None)
    assert any(isinstance(d, school_day.SeeChange) and d.via == "door" for d in at_door)
    at_board = school_day.decide(DAY, 9 * 60 + 10, "aula", state, "aula")
    seen = [d.change.id for d in at_board if isinstance(d, school_day.SeeChange)]
    assert seen == ["naar-2.12", "c-weg"]


# --- walking and finding the way ---------------------------------------------------

def test_walking_slides_along_a_wall_and_stops_at_it(content):
    smap = content.map
    start = smap.points["start"]
    body = Body(start.x, start.y)
    for _ in range(600):
        movement.step(body, -1, 0, 1 / 60, smap, lambda box: False)
    assert not movement.hits_map(smap, body.hitbox()) and body.facing == "left"
    x = body.x
    movement.step(body, -1, 0, 1 / 60, smap, lambda box: False)
    assert body.x == x and not body.moving  # against the wall: no further
    movement.step(body, -1, -1, 1 / 60, smap, lambda box: False)
    assert body.y < start.y  # a diagonal along the wall still moves along it


def test_the_way_to_another_floor_goes_over_the_stairs(content):
    smap = content.map
    start = smap.points["start"]
    here = pathfinding.tile_of(smap, start.x, start.y)
    path = pathfinding.find_path(smap, here, pathfinding.room_tiles(smap, "2.14"))
    assert path is not None and path[-1] in pathfinding.room_tiles(smap, "2.14")
    assert all(not smap.is_blocked_tile(*tile) for tile in path)
    floors = [smap.room_at(*pathfinding.centre(smap, t)) for t in path]
    assert [r.floor for r in floors if r is not None][-1] == 2
    assert pathfinding.find_path(smap, here, set()) is None
