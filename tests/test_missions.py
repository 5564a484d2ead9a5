"""Missions for the real school: offered in the evening for the skill the day's tip was
about, looked back on the next morning; "not now" and "not yet" are fine answers."""

from __future__ import annotations

import shutil

import pygame
import pytest
from conftest import FIXTURES
from helpers import start_new_game
from world_helpers import STEP, started

from game.content.bundle import load_content
from game.content.errors import ContentError
from game.scenes.day_end import EveningScene
from game.scenes.mission import MissionCheckScene, MissionScene
from game.scripted import Press, Wait, run_script


def test_a_late_day_brings_a_way_finding_mission_and_the_next_sitting_asks(content):
    world, events = started(content)
    while not world.day_over:  # the pupil never reaches a lesson: the tip is about lateness
        world.update(STEP * 4)
    mission = world.mission_tonight()
    assert mission is not None and mission.skill == "orientation"
    assert world.mission_tonight() is mission  # the same all evening
    world.answer_mission(mission, accepted=True)
    assert world.mission_to_check() is None  # not before tomorrow
    world.start_next_day()
    assert world.mission_to_check() is None  # the next school day in the same sitting:
    world.resume()  # no real day to try it yet; the next time the game is opened, it asks
    assert world.mission_to_check() is mission
    world.check_mission(mission, "partly", "hard")
    assert world.mission_to_check() is None
    offered, checked = events.of("mission_offered"), events.of("mission_checked")
    assert [(e.data["mission"], e.data["answer"]) for e in offered] == [(mission.id, "accepted")]
    assert [(e.data["result"], e.data["feeling"]) for e in checked] == [("partly", "hard")]


def test_a_mission_said_no_to_is_not_asked_about_and_the_next_evening_brings_another(content):
    world, _ = started(content)
    first = world.mission_tonight()
    assert first is not None
    world.answer_mission(first, accepted=False)
    world.start_next_day()
    assert world.mission_to_check() is None
    second = world.mission_tonight()
    assert second is not None and second.id != first.id


def test_class_mode_has_no_missions(class_content):
    assert class_content.missions == []


def test_in_the_game_the_mission_comes_before_the_evening_and_the_next_sitting_asks(
        make_app):
    app = make_app()
    run_script(app, start_new_game())
    world = app.session.world
    world.end_day()
    run_script(app, [Wait(3)])
    assert app.top.__class__.__name__ == "ReflectionScene"
    run_script(app, [Press(pygame.K_1), Wait(3)])  # how the day went: good
    assert app.top.__class__.__name__ == "LogbookScene"  # Mijn logboek: nothing marked, done
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1), Press(pygame.K_RETURN), Wait(3)])
    assert isinstance(app.top, MissionScene)
    run_script(app, [Press(pygame.K_RETURN), Wait(2)])  # Enter alone never takes it on
    assert isinstance(app.top, MissionScene)
    run_script(app, [Press(pygame.K_1), Wait(2)])  # "Doe ik!"
    assert isinstance(app.top, EveningScene)
    mission = world.mission_tonight()
    assert mission is not None and mission.id in world.state.missions_taken
    run_script(app, [Press(pygame.K_DOWN)] * 5 + [Press(pygame.K_RETURN), Wait(5)])
    seen = []
    for _ in range(10):  # the same sitting's next morning never asks about it
        seen.append(type(app.top).__name__)
        run_script(app, [Press(pygame.K_RETURN), Wait(3)])
    assert "MissionCheckScene" not in seen
    app.quit()
    again = make_app()
    run_script(again, [Wait(1), Press(pygame.K_RETURN), Wait(5)])  # "Verder spelen als ..."
    for _ in range(10):
        if isinstance(again.top, MissionCheckScene):
            break
        run_script(again, [Press(pygame.K_RETURN), Wait(3)])
    assert isinstance(again.top, MissionCheckScene)
    run_script(again, [Press(pygame.K_1), Wait(2), Press(pygame.K_1), Wait(2)])  # yes; good
    assert not isinstance(again.top, MissionCheckScene)
    assert again.session.world.state.missions_checked == [mission.id]


def test_a_broken_missions_file_is_named_with_its_line(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    missions = tmp_path / "fixtures" / "levels" / "missions.yaml"
    missions.write_text(missions.read_text().replace("skill: planning", "skill: planing"))
    with pytest.raises(ContentError) as caught:
        load_content(tmp_path / "fixtures" / "levels" / "proefweek.yaml")
    assert "missions.yaml:7:" in str(caught.value) and "'skill'" in str(caught.value)
