"""Every event kind the log promises, written by real play through the real log."""
# The simulation plays the test school; the shipped levels are played in test_content.py.

from __future__ import annotations

import json
import sqlite3

import pygame
from helpers import start_new_game

from game.scripted import Press, Wait, run_script

REQUIRED = {"choice", "lesson_on_time", "lesson_late", "timetable_change_seen",
            "floor_plan_opened", "homework_noted", "homework_planned", "homework_done",
            "homework_late", "clue_found", "accusation", "mood_change", "level_start",
            "level_end", "quit"}


def test_simulated_pupils_write_every_event_kind(school_log):
    conn = sqlite3.connect(school_log)
    kinds = {r[0] for r in conn.execute("select distinct kind from events")}
    assert kinds >= REQUIRED, REQUIRED - kinds
    assert conn.execute(
        "select count(*) from sessions where class_code = '1B' and ended_at is not null"
    ).fetchone()[0] == 10
    # Every choice carries its context in the choices view.
    row = conn.execute("select said_before, options, chosen, response_ms from choices "
                       "where context = 'lesson' limit 1").fetchone()
    assert row[0] and row[1] and row[2] and row[3] > 0
    contexts = {r[0] for r in conn.execute("select distinct context from choices")}
    assert contexts == {"talk", "lesson", "homework", "reflection"}


def test_the_game_logs_the_floor_plan_and_quitting(make_app, tmp_path):
    app = make_app()
    run_script(app, [*start_new_game("Uil"), Press(pygame.K_p), Wait(2),
                     Press(pygame.K_ESCAPE), Wait(2), Press(pygame.K_r), Wait(2),
                     Press(pygame.K_ESCAPE), Wait(2)])
    db = app.options.db_path
    app.quit()
    conn = sqlite3.connect(db)
    kinds = [r[0] for r in conn.execute("select kind from events order by seq")]
    assert kinds[0] == "level_start" and kinds[-1] == "quit"
    assert "floor_plan_opened" in kinds and "agenda_opened" in kinds
    payload = conn.execute("select payload from events where kind = 'floor_plan_opened'"
                           ).fetchone()[0]
    assert '"next_room": "2.14"' in payload


def test_keys_alone_take_the_pupil_to_a_lesson_on_time_and_note_homework(make_app):
    """The real loop: walk with arrow keys, E waits for the bell, Enter reads, 1 notes."""
    from game.scenes.dialogue import DialogueScene
    from game.scripted import WalkTo

    app = make_app()
    run_script(app, [*start_new_game("Das"), WalkTo("2.14"), Press(pygame.K_e), Wait(3)])
    world = app.session.world
    assert world.state.lessons == {"taal-1": "on_time"}
    assert isinstance(app.top, DialogueScene) and app.top.conversation.is_lesson
    run_script(app, [step for _ in range(12) for step in (Press(pygame.K_RETURN), Wait(2))])
    assert world.lesson is None and world.clock.text() == "09:20"
    assert "op-tijd" in world.state.clues
    run_script(app, [WalkTo("1.05"), Press(pygame.K_e), Wait(3)])
    assert world.state.lessons["reken-1"] == "on_time"

    def read_to_choices() -> None:
        for _ in range(20):
            if isinstance(app.top, DialogueScene) and app.top.conversation.at_choice:
                return
            run_script(app, [Press(pygame.K_RETURN), Wait(2)])
        raise AssertionError("no choices came")

    read_to_choices()  # the lesson's moment (group work): 2, try it alone
    assert app.top.conversation.dialogue.id == "groepswerk"
    run_script(app, [Press(pygame.K_2), Wait(2)])
    read_to_choices()  # then the teacher's closing: 1, write the homework down
    run_script(app, [Press(pygame.K_1), Wait(2)]
               + [step for _ in range(4) for step in (Press(pygame.K_RETURN), Wait(2))])
    assert "reken-som" in world.state.homework_noted
    assert world.lesson is None  # the whole lesson is over
    db = app.options.db_path
    app.quit()
    conn = sqlite3.connect(db)
    row = conn.execute("select chosen, options from choices where context = 'lesson' "
                       "and dialogue = 'les-reken-1'").fetchone()
    assert row is not None and row[0] == json.loads(row[1])[0]["id"]  # key 1: the first
