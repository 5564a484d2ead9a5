"""A mission the mentor prepares for one pupil: made on the dashboard as a small file,
read by the pupil's game, which then shows the welcome, turns on the chosen help, plays
the chosen days and picks the missions for real from the focus skills."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
from helpers import start_new_game

from game.mentor_mission import MentorMission, MissionFileError, load
from game.scenes.new_game import IntroScene, NewGameScene
from game.scripted import Press, Wait, run_script
from tests.dashboard_helpers import csrf_token, dashboard, signed_in

PUPIL = "1B-Vos-01"


def test_the_dashboard_makes_a_mission_file_with_only_the_choices(simulated_log):
    client = signed_in(dashboard(simulated_log))
    page = client.get(f"/pupil/{PUPIL}/mission")
    assert page.status_code == 200
    token = csrf_token(client, f"/pupil/{PUPIL}/mission")
    answer = client.post(f"/pupil/{PUPIL}/mission", data={
        "csrf_token": token, "focus": ["orientation", "planning"], "support": ["route", "calm"],
        "days": "3", "school": "Het Baken", "mentor": "Meneer Smit",
        "welcome": "Welkom, agent! Ik heb er zin in."})
    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"].startswith("attachment")
    data = json.loads(answer.get_data(as_text=True))
    mission = MentorMission.model_validate(data)
    assert mission.pupil == PUPIL and set(mission.focus) == {"orientation", "planning"}
    assert mission.support.route and mission.support.calm and not mission.support.hints
    assert mission.days == 3 and mission.school == "Het Baken"
    assert set(data) == {"format", "pupil", "focus", "support", "days", "school", "mentor",
                         "welcome"}  # nothing else about the pupil travels
    too_long = client.post(f"/pupil/{PUPIL}/mission", data={
        "csrf_token": token, "welcome": "x" * 400})
    assert too_long.status_code == 400
    forged = client.post(f"/pupil/{PUPIL}/mission", data={"welcome": "hoi"})
    assert forged.status_code == 400  # no form token: refused


def write_mission(folder: Path, **fields) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "alien-missie.json"
    path.write_text(json.dumps(MentorMission(**fields).model_dump()), encoding="utf-8")
    return path


def test_the_game_welcomes_the_pupil_and_turns_on_the_chosen_help(make_app, tmp_path):
    app = make_app()
    write_mission(app.options.data_dir, pupil="Agent Kiwi", focus=["relations"],
                  support={"route": True, "hints": True, "calm": True,
                           "time_pressure": False},
                  days=2, school="Het Baken", mentor="Meneer Smit", welcome="Welkom!")
    app = make_app()  # started again: it finds the file in its folder
    assert app.mentor_mission is not None and app.mentor_mission.mentor == "Meneer Smit"
    run_script(app, [Wait(1), Press(pygame.K_1), Wait(1)])
    assert isinstance(app.top, NewGameScene) and app.top.name == "Agent Kiwi"
    run_script(app, [Press(pygame.K_RETURN), Wait(1)])
    assert isinstance(app.top, IntroScene)
    assert app.mission_for("Agent Kiwi") is app.mentor_mission
    run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    world = app.session.world
    assert app.settings["route_assist"] and app.settings["low_stimulus"]
    assert world.state.mentor_mission["days"] == 2
    assert not world.last_day
    world.end_day()
    world.start_next_day()
    assert world.last_day  # the mentor chose two days
    assert world.mission_tonight().skill == "relations"


def test_another_pupil_or_class_mode_does_not_get_the_mission(make_app):
    app = make_app()
    write_mission(app.options.data_dir, pupil="Agent Kiwi", welcome="Welkom!")
    app = make_app()
    assert app.mission_for("Agent Uil") is None
    run_script(app, [*start_new_game("Agent Uil")])
    assert app.session.world.state.mentor_mission == {}


def test_a_broken_mission_file_is_named_and_the_game_goes_on(make_app):
    app = make_app()
    (app.options.data_dir / "alien-missie.json").write_text('{"days": 99}', encoding="utf-8")
    app = make_app()
    assert app.mentor_mission is None and "days" in (app.mission_problem or "")
    run_script(app, start_new_game())
    assert app.session is not None


def test_only_a_real_mission_file_is_read(tmp_path):
    for text in ("not json", '{"format": "iets anders"}', '{"pupil": "x", "extra": 1}',
                 "{" + " " * 20_000 + "}"):
        path = tmp_path / "alien-missie.json"
        path.write_text(text, encoding="utf-8")
        try:
            load(path)
        except MissionFileError as exc:
            assert "alien-missie.json" in str(exc)
        else:
            raise AssertionError(f"read as a mission: {text[:30]}")


def test_a_file_made_on_the_dashboard_changes_the_game_as_promised(simulated_log, make_app):
    """Through both: the mentor's download, put in the pupil's Downloads, starts a game with
    the chosen help and days, and the log (and so the mentor) sees that it did."""
    client = signed_in(dashboard(simulated_log))
    token = csrf_token(client, f"/pupil/{PUPIL}/mission")
    made = client.post(f"/pupil/{PUPIL}/mission", data={
        "csrf_token": token, "focus": ["flexibility"], "support": ["route", "hints"],
        "days": "2", "school": "Het Baken", "mentor": "Meneer Smit", "welcome": "Hoi!"})
    app = make_app()
    (app.options.data_dir / "alien-missie.json").write_bytes(made.get_data())
    app = make_app()
    run_script(app, [Wait(1), Press(pygame.K_1), Wait(1), Press(pygame.K_RETURN), Wait(1),
                     Press(pygame.K_RETURN), Wait(2)])
    world = app.session.world
    assert app.session.player.pupil == PUPIL  # the name was filled in
    assert app.settings["route_assist"] and not app.settings["low_stimulus"]
    assert world.state.mentor_mission["focus"] == ["flexibility"]
    world.end_day()
    world.start_next_day()
    assert world.last_day
    app.quit()
    import sqlite3

    with sqlite3.connect(app.options.db_path) as con:
        logged = con.execute("select payload from events where kind = "
                             "'mentor_mission_started'").fetchall()
    assert len(logged) == 1 and json.loads(logged[0][0])["days"] == 2
