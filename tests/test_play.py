"""Playing the real loop headless with scripted input, as a pupil would."""

from __future__ import annotations

import pygame
import pytest
from helpers import pause_menu, start_new_game
from world_helpers import Recorder

from game.scenes.dialogue import DialogueScene
from game.scenes.error import ErrorScene
from game.scenes.school import SchoolScene
from game.scenes.title import TitleScene
from game.scripted import Press, ScriptError, Wait, WalkTo, run_script
from game.world.movement import overlaps
from tests.conftest import TEST_LEVEL


def test_walk_from_entrance_to_room_2_14_on_another_floor(make_app):
    app = make_app()
    run_script(app, start_new_game())
    school = app.top
    assert isinstance(school, SchoolScene)
    assert school.world.room.id == "ingang"
    events = Recorder()
    school.world.listeners.append(events.append)
    run_script(app, [WalkTo("2.14")])
    world = school.world
    assert world.room.id == "2.14"
    assert world.room.floor == 2
    kinds = [(e.kind, e.data.get("room") or e.data.get("stairs")) for e in events]
    assert ("stairs_taken", "trap-omhoog-0") in kinds
    assert ("stairs_taken", "trap-omhoog-1") in kinds
    assert ("room_entered", "2.14") in kinds


def test_walls_block_the_pupil(make_app):
    app = make_app()
    run_script(app, start_new_game())
    world = app.session.world
    # The entrance hall's west wall: hold left for three seconds.
    run_script(app, [Press(pygame.K_LEFT), Wait(1)])
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_LEFT, mod=0,
                                         unicode="", scancode=0))
    run_script(app, [Wait(180)])
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_LEFT, mod=0,
                                         unicode="", scancode=0))
    run_script(app, [Wait(1)])
    hall = world.map.rooms["ingang"].rect
    assert world.room.id == "ingang"
    assert world.player.x - 9 >= hall.x  # the hitbox stays inside the hall
    assert world.player.x < hall.x + 20  # ... but it did walk all the way to the wall


def test_walking_into_a_person_does_not_pass_through(make_app, content):
    app = make_app()
    run_script(app, start_new_game())
    world = app.session.world
    kim = world.npcs["kim"]
    run_script(app, [WalkTo("kim")])
    before = (world.player.x, world.player.y)
    key = {"left": pygame.K_LEFT, "right": pygame.K_RIGHT, "up": pygame.K_UP,
           "down": pygame.K_DOWN}[world.player.facing]
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    run_script(app, [Wait(60)])
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
    assert not overlaps(world.player.hitbox(), kim.body.hitbox())
    # Still on the same side of Kim: pushed up against her, never through her.
    side_before = (before[0] - kim.body.x, before[1] - kim.body.y)
    side_after = (world.player.x - kim.body.x, world.player.y - kim.body.y)
    axis = 0 if world.player.facing in ("left", "right") else 1
    assert side_before[axis] * side_after[axis] > 0


def test_talking_to_a_character_shows_their_line(make_app, content):
    app = make_app()
    run_script(app, start_new_game() + [WalkTo("kim"), Press(pygame.K_e), Wait(90)])
    scene = app.top
    assert isinstance(scene, DialogueScene)
    first = content.dialogues["kim"].nodes["kennismaken"].lines[0].text
    assert scene.conversation.line.text == first
    assert scene._full_text() == first.nl


def test_a_greeting_only_character_says_their_greeting(make_app, content):
    app = make_app()
    run_script(app, start_new_game() + [WalkTo("conc"), Press(pygame.K_e), Wait(120)])
    scene = app.top
    assert isinstance(scene, DialogueScene)
    greeting = content.level.character("conc").greeting
    assert greeting is not None and scene._full_text() == greeting.nl
    run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    assert isinstance(app.top, SchoolScene)


def test_pause_menu_resumes_and_quitting_saves_then_restart_continues(make_app):
    app = make_app()
    run_script(app, start_new_game("Agent Kiwi") + [WalkTo("kluisjes"),
                                                    Press(pygame.K_ESCAPE), Wait(2)])
    assert app.top.__class__.__name__ == "PauseScene"
    clock_at_pause = app.session.world.clock.minutes
    run_script(app, [Wait(60)])
    assert app.session.world.clock.minutes == clock_at_pause  # paused means paused
    run_script(app, [Press(pygame.K_ESCAPE), Wait(2)])
    assert isinstance(app.top, SchoolScene)
    world = app.session.world
    where = (round(world.player.x), round(world.player.y), world.room.id)
    minutes = world.clock.minutes
    run_script(app, pause_menu("pause_quit"))  # "Opslaan en stoppen"
    assert not app.running

    again = make_app()
    run_script(again, [Wait(1)])
    assert isinstance(again.top, TitleScene)
    labels = [label for label, _ in again.top.menu.items]
    assert again.texts("menu_continue", name="Agent Kiwi") in labels
    # With a saved game, Enter continues it: a new game is never started by mistake.
    run_script(again, [Press(pygame.K_RETURN), Wait(2)])
    assert again.session is not None
    resumed = again.session.world
    assert (round(resumed.player.x), round(resumed.player.y), resumed.room.id) == where
    assert abs(resumed.clock.minutes - minutes) < 0.05  # at most a few frames apart


def test_closing_the_window_saves_too(make_app):
    app = make_app()
    run_script(app, start_new_game("Sterre") + [WalkTo("aula")])
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.run(max_frames=app.frame + 2)
    assert not app.running
    saved = app.store.load("Sterre")
    assert saved is not None and saved["player"]["y"] < 400


def test_a_broken_level_shows_file_and_line_on_screen_and_in_terminal(make_app, tmp_path,
                                                                      capsys):
    level = tmp_path / "kapot.yaml"
    level.write_text("id: kapot\ntitle: {nl: Kapot, en: Broken}\nmap: [oeps\n", encoding="utf-8")
    app = make_app(level=level)
    assert isinstance(app.top, ErrorScene)
    message = str(app.top.error)
    assert "kapot.yaml:4: YAML:" in message
    assert "kapot.yaml:4" in capsys.readouterr().err
    app.run(max_frames=2)  # it draws without crashing
    run_script(app, [Press(pygame.K_ESCAPE)]) if app.running else None
    assert not app.running


def test_a_missing_map_is_named(make_app, tmp_path):
    text = TEST_LEVEL.read_text(encoding="utf-8")
    line = text.splitlines().index("map: maps/school.tmx") + 1
    level = tmp_path / "geen-kaart.yaml"
    level.write_text(text.replace("map: maps/school.tmx", "map: maps/weg.tmx"), encoding="utf-8")
    app = make_app(level=level)
    assert isinstance(app.top, ErrorScene)
    assert f"geen-kaart.yaml:{line}: map file 'maps/weg.tmx' not found" in str(app.top.error)


def test_a_script_that_cannot_reach_its_goal_fails_clearly(make_app):
    app = make_app()
    run_script(app, start_new_game())
    with pytest.raises(ScriptError, match="no such room"):
        run_script(app, [WalkTo("9.99")])
