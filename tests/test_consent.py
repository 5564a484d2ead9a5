"""Nothing leaves without the pupil's yes: the consent card says in plain words what goes
to whom; "no" sends and saves nothing; "yes" is logged (consent_given) and travels with
the log, so the mentor can see the pupil agreed."""

from __future__ import annotations

import socket
import sqlite3

import pygame
from helpers import start_new_game

from game.journal.for_mentor import mentor_folder
from game.scenes.consent import ConsentScene
from game.scenes.day_end import NoticeScene
from game.scenes.new_game import NewGameScene
from game.scenes.school import SchoolScene
from game.scripted import Press, Type, Wait, run_script


def _pause_item(app, key: str) -> None:
    """Esc, highlight the pause menu item with this text, Enter."""
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1)])
    pause = app.top
    labels = [label for label, _ in pause.menu.items]
    pause.menu.selected = labels.index(app.texts(key))
    run_script(app, [Press(pygame.K_RETURN), Wait(2)])


def test_a_file_for_the_mentor_only_after_yes_and_it_carries_the_yes(make_app):
    app = make_app()
    run_script(app, start_new_game())
    folder = mentor_folder(app.options.data_dir)
    _pause_item(app, "pause_for_mentor")
    consent = app.top
    assert isinstance(consent, ConsentScene)
    assert any(str(folder) in point for point in consent.points())   # says where it goes
    run_script(app, [Press(pygame.K_RETURN), Wait(1)])               # Enter alone: no answer
    assert app.top is consent
    run_script(app, [Press(pygame.K_2), Wait(2)])                    # no
    assert isinstance(app.top, SchoolScene)
    assert not folder.exists() or not any(folder.iterdir())
    _pause_item(app, "pause_for_mentor")
    run_script(app, [Press(pygame.K_1), Wait(2)])                    # yes
    assert isinstance(app.top, NoticeScene)
    files = list(folder.glob("*.sqlite"))
    assert len(files) == 1
    with sqlite3.connect(files[0]) as con:
        consents = con.execute("select json_extract(payload, '$.to') from events "
                               "where kind = 'consent_given'").fetchall()
        names = con.execute("select display_name from pupils").fetchall()
    assert consents == [("file",)]
    assert names == [(None,)]                                        # never a real name
    app.quit()


def _down_server() -> str:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_class_mode_sends_only_after_the_pupils_yes(make_app):
    app = make_app(server=_down_server())
    run_script(app, [Wait(1)])
    app.open("class_code")
    run_script(app, [Type("1B"), Press(pygame.K_RETURN), Wait(2)])
    consent = app.top
    assert isinstance(consent, ConsentScene)
    assert any("1B" in point for point in consent.points())
    run_script(app, [Press(pygame.K_ESCAPE), Wait(2)])               # Esc is no
    assert isinstance(app.top, NewGameScene)
    assert app.uploader is None and app.options.class_code is None

    app.pop()
    app.open("class_code")
    run_script(app, [Type("1B"), Press(pygame.K_RETURN), Wait(2), Press(pygame.K_1), Wait(2)])
    assert isinstance(app.top, NewGameScene)
    assert app.uploader is not None and app.options.class_code == "1B"
    run_script(app, [Type("Agent Komeet"), Press(pygame.K_RETURN), Wait(1),
                     Press(pygame.K_RETURN), Wait(3)])
    with sqlite3.connect(app.options.db_path) as con:
        rows = con.execute("select s.class_code, json_extract(e.payload, '$.to') from events e "
                           "join sessions s on s.id = e.session_id "
                           "where e.kind = 'consent_given'").fetchall()
    assert rows == [("1B", "class")]
    app.uploader.stop(flush_seconds=0)
    app.quit_now()
