"""A fairer reflection: from the second day on it starts with what grew since yesterday
(only good news, at most two lines), kindness counts from the first kind act, and the
last day's tip is about the real school."""

from __future__ import annotations

from world_helpers import started

from game.world.reflection import summarise


def _keys(world) -> list[str]:
    return [said.key for said in world.day_summary().strengths]


def _attend(world, on_time: int) -> None:
    for n, lesson in enumerate(world.day.lessons):
        world.state.lessons[lesson.id] = "on_time" if n < on_time else "late"


def test_the_second_day_starts_with_what_grew_since_yesterday(content):
    world, _ = started(content)
    _attend(world, 0)
    assert not any(k.startswith("reflect_grew") for k in _keys(world))  # no yesterday yet
    world.end_day()
    world.start_next_day()
    _attend(world, len(world.day.lessons))
    world.state.kind_acts[world.day.id] = 1  # one kind act: counted at once
    keys = _keys(world)
    assert keys[:2] == ["reflect_grew_on_time", "reflect_grew_kind"]
    assert "reflect_kind" in keys


def test_a_worse_day_is_never_told_as_shrinking(content):
    world, _ = started(content)
    _attend(world, len(world.day.lessons))
    world.state.kind_acts[world.day.id] = 3
    world.end_day()
    world.start_next_day()
    _attend(world, 0)
    assert not any(k.startswith("reflect_grew") for k in _keys(world))
    assert _keys(world)  # still something that went well, never an empty card


def test_the_last_days_tip_is_about_the_real_school(content):
    world, _ = started(content)
    level = world.level
    last = summarise(level, level.days[-1], world.state, last_day=True)
    assert last.tip is not None and last.tip.key.startswith("reflect_tip_real_")
