"""Class mode: a pupil plays the cohesion scenes; the class's games send to the teacher."""

from __future__ import annotations

import sqlite3

import pygame
from class_helpers import LiveServer
from helpers import start_new_game

from game.journal import admin
from game.scenes.day_end import EndScene, NoticeScene
from game.scenes.dialogue import DialogueScene
from game.scenes.school import SchoolScene
from game.scripted import Press, Wait, WalkTo, run_script
from game.world.world import World
from tests.conftest import TEST_CLASS_LEVEL
from tests.dashboard_helpers import dashboard


def close_cards(app) -> list[str]:
    """Read and close the scene cards on screen; returns their titles."""
    titles = []
    while isinstance(app.top, NoticeScene):
        titles.append(app.top.title())
        run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    return titles


def talk_through(app, pick: int) -> int:
    """Enter through the lines, choosing option `pick` (1-based) at every choice."""
    choices = 0
    for _ in range(80):
        scene = app.top
        if not isinstance(scene, DialogueScene):
            return choices
        if scene.conversation.at_choice and not scene._typing():
            choices += 1
            # a pupil reads the options for a moment (answers in under a second in a row
            # would bring the game's offer of a calmer pace, see test_support)
            run_script(app, [Wait(70), Press(getattr(pygame, f"K_{pick}")), Wait(2)])
        else:
            run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    raise AssertionError("the conversation did not end")


def test_a_pupil_plays_every_scene_and_thinks_about_each(make_app, class_content):
    app = make_app(level=TEST_CLASS_LEVEL, class_code="1B")
    run_script(app, start_new_game("Agent Komeet"))
    assert app.session is not None
    world = app.session.world
    scenes = class_content.level.scenes
    first_title = app.texts("scene_title", number=1, of=len(scenes), title=scenes[0].title.nl)
    assert close_cards(app) == [first_title]
    for number, scene in enumerate(scenes, start=1):
        assert isinstance(app.top, SchoolScene)
        assert app.top._goal_text() == app.texts(
            "scene_goal", number=number, of=len(scenes),
            name=class_content.level.character(scene.talk_to).name)
        run_script(app, [WalkTo(scene.talk_to), Press(pygame.K_e), Wait(3)])
        assert isinstance(app.top, DialogueScene), scene.id
        assert talk_through(app, pick=1) >= 1
        titles = close_cards(app)
        assert titles[0] == app.texts("scene_think", number=number)
        assert scene.id in world.state.scenes_done
    assert world.level_over
    assert isinstance(app.top, EndScene)
    with sqlite3.connect(app.options.db_path) as con:
        kinds = [r[0] for r in con.execute(
            "select kind from events where kind like 'scene_%' order by seq")]
        codes = {r[0] for r in con.execute("select class_code from sessions")}
        aspects = {r[0] for r in con.execute(
            "select j.key from choice_facts c, json_each(c.aspects) j")}
    assert kinds == ["scene_start", "scene_end"] * len(scenes)
    assert codes == {"1B"}
    assert aspects == {"solidarity", "belonging", "rules", "trust"}  # option 1 each time


def test_characters_remember_an_earlier_scene(class_content):
    def second_scene_opens_with(first_choice: str) -> str | None:
        world = World(class_content, seed=1)
        world.begin()
        conversation = world.talk(world.npcs["ali"])
        assert conversation is not None
        while not conversation.finished:
            if conversation.at_choice:
                ids = [c.id for c in conversation.choices]
                conversation.choose(ids.index(first_choice) if first_choice in ids else 0)
            else:
                conversation.advance()
        assert world.state.scenes_done == ["een"]
        second = world.talk(world.npcs["bo"])
        assert second is not None
        return second.node_id

    assert second_scene_opens_with("een-helpen") == "dank"   # Bo knows you helped Ali
    assert second_scene_opens_with("een-lachen") == "begin"


def test_a_pupil_types_the_class_code_and_the_game_sends_to_the_teacher(tmp_path, make_app):
    from game.scripted import Type

    teacher_db = tmp_path / "leraar.sqlite"
    code = admin.open_class(teacher_db, "1B-KOMEET")
    server = LiveServer(dashboard(teacher_db))
    try:
        app = make_app(server=server.url, class_level=TEST_CLASS_LEVEL)
        # Title without a save: 1 new game, 2 settings, 3 class mode, 4 quit.
        run_script(app, [Wait(1), Press(pygame.K_3), Wait(1), Type("2c-dicht"),
                         Press(pygame.K_RETURN), Wait(1)])
        assert app.top.problem and "2C-DICHT" in app.top.problem  # unknown: said clearly
        for _ in range(8):
            run_script(app, [Press(pygame.K_BACKSPACE)])
        run_script(app, [Type("1b-komeet"), Press(pygame.K_RETURN), Wait(1),
                         Press(pygame.K_1), Wait(1),                 # the pupil's yes
                         Type("Agent Komeet"), Press(pygame.K_RETURN), Wait(1),
                         Press(pygame.K_RETURN), Wait(2)])
        assert app.options.class_code == code and app.content.level.scenes
        close_cards(app)
        run_script(app, [WalkTo("ali"), Press(pygame.K_e), Wait(3)])
        talk_through(app, pick=1)
        app.quit()  # sends what is left before closing
        with sqlite3.connect(teacher_db) as con:
            kinds = {r[0] for r in con.execute("select kind from events")}
            pupils = {r[0] for r in con.execute("select pupil_id from sessions")}
        assert {"level_start", "scene_start", "choice", "scene_end", "quit",
                "consent_given"} <= kinds
        assert pupils == {"Agent Komeet"}
    finally:
        server.down()


def test_no_network_when_the_code_is_typed_the_pupil_plays_and_it_is_sent_later(
        tmp_path, make_app):
    from game.scripted import Type

    teacher_db = tmp_path / "leraar.sqlite"
    code = admin.open_class(teacher_db, "1B-KOMEET")
    server = LiveServer(dashboard(teacher_db))
    server.down()                                    # the school network is out
    app = make_app(server=server.url, class_level=TEST_CLASS_LEVEL)
    run_script(app, [Wait(1), Press(pygame.K_3), Wait(1), Type("1b-komeet"),
                     Press(pygame.K_RETURN), Wait(1), Press(pygame.K_1), Wait(1)])  # yes
    assert app.options.class_code == code            # not blocked: play now, send later
    run_script(app, [Type("Agent Komeet"), Press(pygame.K_RETURN), Wait(1),
                     Press(pygame.K_RETURN), Wait(2)])
    close_cards(app)
    run_script(app, [WalkTo("ali"), Press(pygame.K_e), Wait(3)])
    talk_through(app, pick=1)
    server.up()                                      # ... and comes back
    try:
        app.quit()
        with sqlite3.connect(teacher_db) as con:
            choices = con.execute("select count(*) from events where kind = 'choice'")
            assert choices.fetchone()[0] >= 2
        with sqlite3.connect(app.options.db_path) as con:
            local = con.execute("select count(*) from events").fetchone()[0]
        with sqlite3.connect(teacher_db) as con:
            assert con.execute("select count(*) from events").fetchone()[0] == local
    finally:
        server.down()


def test_a_class_code_from_the_command_line_asks_before_anything_is_sent(make_app):
    from game.scenes.consent import ConsentScene

    app = make_app(level=TEST_CLASS_LEVEL, class_code="1B", server="http://127.0.0.1:9")
    assert isinstance(app.top, ConsentScene) and app.uploader is None  # nothing sent yet
    run_script(app, [Wait(1), Press(pygame.K_ESCAPE), Wait(1)])  # Esc is no
    assert app.uploader is None and app.options.server is None
    assert app.options.class_code == "1B"  # the class's scenes, played here
    again = make_app(level=TEST_CLASS_LEVEL, class_code="1B", server="http://127.0.0.1:9")
    run_script(again, [Wait(1), Press(pygame.K_1), Wait(1)])  # yes
    assert again.uploader is not None and "class" in again.consented
    again.uploader.stop(flush_seconds=0)
