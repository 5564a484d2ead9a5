"""A lesson's moment between the teacher's words, conversations that turn on what happened
before, and coping well: asking for help and taking a calm moment count as strengths."""

from __future__ import annotations

import shutil
import sqlite3

import pygame
import pytest
from conftest import FIXTURES
from helpers import pause_menu, start_new_game
from world_helpers import choose, read_to_choices, started, talk_through, walk

from game.content.bundle import load_content
from game.content.errors import ContentError
from game.scenes.school import SchoolScene
from game.scenes.time_out import TimeOutScene
from game.scripted import Press, Wait, run_script
from game.world.conversation import Conversation
from game.world.reflection import summarise
from game.world.world import World


def to_maths(world: World) -> None:
    """Through the first lesson to maths (room 1.05), in time."""
    walk(world, "2.14")
    world.wait_for_bell()
    world.update(1 / 60)
    while world.lesson is not None:
        conversation = world.begin_lesson()
        assert conversation is not None
        while not conversation.finished:
            if conversation.at_choice:
                conversation.choose(0)
            else:
                conversation.advance()
    walk(world, "1.05")
    world.wait_for_bell()
    world.update(1 / 60)
    assert world.lesson is not None and world.lesson.planned.lesson.id == "reken-1"


def test_a_lesson_moment_comes_between_the_opening_and_the_homework(content):
    world, events = started(content)
    to_maths(world)
    opening = world.begin_lesson()
    assert opening is not None and opening.dialogue is not None
    assert read_to_choices(opening) == []  # the opening only talks
    assert "reken-som" not in world.state.homework  # homework comes at the end
    moment = world.begin_lesson()
    assert moment is not None and moment.dialogue is not None
    assert moment.dialogue.id == "groepswerk" and moment.is_lesson
    choose(moment, "zelf-doen")
    assert moment.finished and world.lesson is not None  # the lesson goes on
    closing = world.begin_lesson()
    assert closing is not None
    assert "reken-som" in world.state.homework  # now the teacher gives the homework
    choose(closing, "reken-som-noteren")
    assert world.lesson is None
    chosen = [e.data for e in events.of("choice") if e.data["about"] == "reken-1"]
    assert [c["dialogue"] for c in chosen] == ["groepswerk", "les-reken-1"]
    assert all(c["context"] == "lesson" for c in chosen)


def test_a_node_branch_turns_on_what_happened_earlier_without_asking(content):
    kind, _ = started(content)
    talk_through(kind, "kim", ["aardig"])  # counts one kind act: vriendelijk = 1
    stranger, _ = started(content)
    for world in (kind, stranger):
        to_maths(world)
        read_to_choices(opened(world))  # the opening
        read_to_choices(opened(world))  # the moment, up to its question
    assert kind.state.visit_count("groepswerk", "met-kim") == 1  # Kim asks to work together
    assert kind.state.visit_count("groepswerk", "alleen") == 0
    assert stranger.state.visit_count("groepswerk", "met-kim") == 0
    assert stranger.state.visit_count("groepswerk", "alleen") == 1


def opened(world: World) -> Conversation:
    conversation = world.begin_lesson()
    assert conversation is not None
    return conversation


def test_asking_for_help_is_logged_and_is_a_strength_in_the_reflection(content):
    world, events = started(content)
    to_maths(world)
    read_to_choices(opened(world))
    choose(opened(world), "hulp-vragen")
    asked = events.of("asked_for_help")
    assert [(e.data["character"], e.data["about"]) for e in asked] == [("reken", "homework")]
    said = [s.key for s in summarise(world.level, world.day, world.state).strengths]
    assert "reflect_help" in said
    other, _ = started(content)
    assert "reflect_help" not in [s.key for s in
                                  summarise(other.level, other.day, other.state).strengths]


def test_the_quiet_room_is_a_calm_moment_once_a_day(content):
    world, events = started(content)
    walk(world, "stilteruimte")
    walk(world, "aula")
    walk(world, "stilteruimte")
    calm = events.of("calm_moment")
    assert [e.data["via"] for e in calm] == ["quiet_room"]
    assert "reflect_calm" in [s.key for s in
                              summarise(world.level, world.day, world.state).strengths]


def test_the_time_out_card_stops_the_school_clock_even_with_time_pressure(make_app):
    app = make_app()
    app.change_setting("time_pressure", True)
    run_script(app, [*start_new_game(), Wait(10)])
    world = app.session.world
    run_script(app, pause_menu("pause_time_out"))
    assert isinstance(app.top, TimeOutScene)
    minutes = world.clock.minutes
    run_script(app, [Wait(60 * 5)])  # five real seconds of breathing
    assert world.clock.minutes == minutes  # a break never makes anyone late
    run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    assert isinstance(app.top, SchoolScene)
    assert world.day.id in world.state.calm_days  # the reflection will name it
    db = app.options.db_path
    app.quit()
    with sqlite3.connect(db) as con:
        rows = con.execute("select json_extract(payload, '$.via'), json_extract(payload, "
                           "'$.seconds') from events where kind = 'calm_moment'").fetchall()
    assert len(rows) == 1 and rows[0][0] == "time_out" and rows[0][1] >= 4


@pytest.fixture
def level_copy(tmp_path):
    """The test school copied, so a test can break it on purpose."""
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    return tmp_path / "fixtures" / "levels" / "proefweek.yaml"


def test_validate_names_a_branch_to_nowhere_and_a_missing_moment(level_copy):
    moment = level_copy.parent.parent / "dialogues" / "groepswerk.yaml"
    moment.write_text(moment.read_text().replace("goto: met-kim", "goto: met-kimm"))
    with pytest.raises(ContentError) as caught:
        load_content(level_copy)
    assert "branch to unknown node 'met-kimm'" in str(caught.value)
    assert "groepswerk.yaml:" in str(caught.value)
    level_copy.write_text(level_copy.read_text().replace("moment: groepswerk",
                                                         "moment: groepwerk"))
    with pytest.raises(ContentError) as caught:
        load_content(level_copy)
    assert "dialogues/groepwerk.yaml not found" in str(caught.value)
    assert "proefweek.yaml:" in str(caught.value)
