"""Class mode: a pupil plays the cohesion scenes; the class's games send to the teacher."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pygame
import pytest
from helpers import start_new_game
from werkzeug.serving import make_server

from game import paths
from game.content.bundle import load_content
from game.journal import admin
from game.journal.upload import Uploader, check_class
from game.scenes.day_end import EndScene, NoticeScene
from game.scenes.dialogue import DialogueScene
from game.scripted import Press, Wait, WalkTo, run_script
from game.sim.simulate import simulate
from tests.dashboard_helpers import dashboard

CLASS_LEVEL = paths.LEVELS / "samen-in-de-klas.yaml"


@pytest.fixture(scope="module")
def class_content():
    return load_content(CLASS_LEVEL)


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
            run_script(app, [Press(getattr(pygame, f"K_{pick}")), Wait(2)])
        else:
            run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    raise AssertionError("the conversation did not end")


def test_a_pupil_plays_every_scene_and_thinks_about_each(make_app, class_content):
    app = make_app(level=CLASS_LEVEL, class_code="1B")
    run_script(app, start_new_game("Agent Komeet"))
    world = app.find_school().world
    assert close_cards(app) == ["Scène 1 van 4: Een grap die te ver gaat"]
    for number, scene in enumerate(class_content.level.scenes, start=1):
        assert f"Scène {number} van 4" in app.find_school()._goal_text()
        run_script(app, [WalkTo(scene.talk_to), Press(pygame.K_e), Wait(3)])
        assert isinstance(app.top, DialogueScene), scene.id
        assert talk_through(app, pick=2) >= 2  # each scene asks at least two choices
        titles = close_cards(app)
        assert titles[0] == "Om over na te denken"
        assert scene.id in world.state.scenes_done
    assert world.level_over
    assert isinstance(app.top, EndScene)
    with sqlite3.connect(app.options.db_path) as con:
        kinds = [r[0] for r in con.execute(
            "select kind from events where kind like 'scene_%' order by seq")]
        codes = {r[0] for r in con.execute("select class_code from sessions")}
        aspects = {r[0] for r in con.execute(
            "select j.key from choice_facts c, json_each(c.aspects) j")}
    assert kinds == ["scene_start", "scene_end"] * 4
    assert codes == {"1B"}
    assert aspects == {"respect", "positive_relations", "belonging", "tolerance", "trust",
                       "rules", "solidarity"}


def test_characters_remember_an_earlier_scene(class_content):
    from game.world.world import World

    def fadil_opens_with(first_pick: int) -> str:
        world = World(class_content, seed=1)
        for _ in range(2):
            scene = world.level.scenes[len(world.state.scenes_done)]
            conversation = world.talk(world.npcs[scene.talk_to])
            if scene.id == "nieuw":
                return conversation.line.text.nl
            while not conversation.finished:
                if conversation.at_choice:
                    conversation.choose(first_pick if not conversation.choices[0].id
                                        .startswith("verdelen") else 1)
                else:
                    conversation.advance()
        raise AssertionError

    assert "aardig was tegen Priya" in fadil_opens_with(1)      # stood up for Priya
    assert "aardig was tegen Priya" not in fadil_opens_with(0)  # laughed along


# --- the class server -----------------------------------------------------------

class LiveServer:
    """The dashboard on a fixed loopback port, which can go down and come back."""

    def __init__(self, app) -> None:
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.port = self.server.server_port
        self._serve()

    def _serve(self) -> None:
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def down(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def up(self) -> None:
        self.server = make_server("127.0.0.1", self.port, self.app, threaded=True)
        self._serve()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def local_logs(content, folder: Path, pupils: int) -> list[Path]:
    logs = []
    for i in range(pupils):
        path = folder / f"leerling-{i:02d}.sqlite"
        simulate(content, path, pupils=1, sessions=1, class_code="1B", seed=100 + i, first=i)
        logs.append(path)
    return logs


def event_ids(path: Path) -> list[str]:
    with sqlite3.connect(path) as con:
        return [r[0] for r in con.execute("select id from events")]


def test_thirty_pupils_send_at_once_through_an_outage_and_every_event_arrives_once(
        tmp_path, class_content):
    teacher_db = tmp_path / "leraar" / "journal.sqlite"
    teacher_db.parent.mkdir()
    admin.open_class(teacher_db, "1B")
    server = LiveServer(dashboard(teacher_db))
    logs = local_logs(class_content, tmp_path, 30)
    sent_ids = [i for path in logs for i in event_ids(path)]
    uploaders = [Uploader(path, server.url, "1B", batch=10) for path in logs]
    results: dict[int, object] = {}

    def send(n: int) -> None:
        results[n] = uploaders[n].flush(seconds=40)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    server.down()                 # the school network drops ...
    time.sleep(1.5)
    server.up()                   # ... and comes back
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "an uploader did not stop"
    server.down()

    assert all(results[n].pending == 0 and results[n].problem is None for n in range(30))
    assert sum(results[n].failures for n in range(30)) > 0, "the outage was not felt"
    with sqlite3.connect(teacher_db) as con:
        arrived = [r[0] for r in con.execute("select id from events")]
        gaps = con.execute("select count(*) from sessions s where (select count(*) from "
                           "events e where e.session_id = s.id) != (select max(seq) from "
                           "events e where e.session_id = s.id)").fetchone()[0]
    assert sorted(arrived) == sorted(sent_ids)          # all of them, each exactly once
    assert gaps == 0
    # sending everything again changes nothing
    again = Uploader(logs[0], server.url, "1B")
    with sqlite3.connect(logs[0]) as con:
        con.execute("delete from uploads")
    server.up()
    assert again.flush(seconds=10).pending == 0
    with sqlite3.connect(teacher_db) as con:
        assert con.execute("select count(*) from events").fetchone()[0] == len(sent_ids)
    server.down()


def test_a_closed_or_unknown_class_is_refused_and_nothing_is_lost(tmp_path, class_content):
    teacher_db = tmp_path / "leraar.sqlite"
    admin.open_class(teacher_db, "1B")
    admin.close_class(teacher_db, "1B")
    server = LiveServer(dashboard(teacher_db))
    try:
        assert check_class(server.url, "1B") == (False, "klascode 1B is gesloten / closed", True)
        unknown = check_class(server.url, "9Z")
        assert not unknown.open and unknown.reachable
        assert unknown.message == "klascode 9Z bestaat niet / unknown class code"
        (log,) = local_logs(class_content, tmp_path, 1)
        progress = Uploader(log, server.url, "1B").flush(seconds=5)
        assert "gesloten" in progress.problem
        assert len(event_ids(log)) > 0  # still here, for export
        with sqlite3.connect(teacher_db) as con:
            assert con.execute("select count(*) from events").fetchone()[0] == 0
    finally:
        server.down()


def test_a_malformed_batch_gets_a_clear_400(tmp_path):
    teacher_db = tmp_path / "leraar.sqlite"
    admin.open_class(teacher_db, "1B")
    client = dashboard(teacher_db).test_client()
    good_session = {"id": "s" * 36, "pupil_id": "Vos", "level": "samen-in-de-klas",
                    "started_at": "2026-11-23T10:00:00.000+00:00", "class_code": "1B"}
    base = {"pupil": {"id": "Vos", "created_at": "2026-11-23"}, "session": good_session,
            "events": [{"id": "e" * 36, "session_id": "s" * 36, "seq": 1, "kind": "hacked",
                        "wall_time": "x", "payload": "{}"}]}
    response = client.post("/api/v1/classes/1B/events", json=base)
    assert response.status_code == 400
    assert "events.0.kind" in response.get_json()["error"]
    response = client.post("/api/v1/classes/1B/events", data="not json",
                           content_type="application/json")
    assert response.status_code == 400
    other = {**base, "session": {**good_session, "class_code": "2C"}}
    other["events"][0]["kind"] = "choice"
    response = client.post("/api/v1/classes/1B/events", json=other)
    assert response.status_code == 400 and "class_code" in response.get_json()["error"]
    assert client.post("/api/v1/classes/9Z/events", json=base).status_code == 404


def test_a_pupil_types_the_class_code_and_the_game_sends_to_the_teacher(tmp_path, make_app):
    from game.scripted import Type

    teacher_db = tmp_path / "leraar.sqlite"
    code = admin.open_class(teacher_db, "1B-KOMEET")
    server = LiveServer(dashboard(teacher_db))
    try:
        app = make_app(server=server.url)
        # Title without a save: 1 new game, 2 settings, 3 class mode, 4 quit.
        run_script(app, [Wait(1), Press(pygame.K_3), Wait(1), Type("2c-dicht"),
                         Press(pygame.K_RETURN), Wait(1)])
        assert "werkt nu niet" in app.top.problem          # unknown code: a clear message
        for _ in range(8):
            run_script(app, [Press(pygame.K_BACKSPACE)])
        run_script(app, [Type("1b-komeet"), Press(pygame.K_RETURN), Wait(1),
                         Type("Agent Komeet"), Press(pygame.K_RETURN), Wait(1),
                         Press(pygame.K_RETURN), Wait(2)])
        assert app.options.class_code == code and app.content.level.scenes
        close_cards(app)
        run_script(app, [WalkTo("amber"), Press(pygame.K_e), Wait(3)])
        talk_through(app, pick=1)
        app.quit()  # sends what is left before closing
        with sqlite3.connect(teacher_db) as con:
            kinds = {r[0] for r in con.execute("select kind from events")}
            pupils = {r[0] for r in con.execute("select pupil_id from sessions")}
        assert {"level_start", "scene_start", "choice", "scene_end", "quit"} <= kinds
        assert pupils == {"Agent Komeet"}
    finally:
        server.down()


def test_the_end_card_tells_the_pupil_whether_the_choices_arrived(tmp_path, class_content):
    from game.scenes.day_end import upload_status

    teacher_db = tmp_path / "leraar.sqlite"
    admin.open_class(teacher_db, "1B")
    server = LiveServer(dashboard(teacher_db))
    log = local_logs(class_content, tmp_path, 1)[0]
    uploader = Uploader(log, server.url, "1B", batch=1000)
    try:
        assert upload_status(uploader, since_round=0) == "upload_waiting"  # not looked yet
        uploader.run_once()
        assert upload_status(uploader, since_round=0) == "upload_done"
        server.down()                                  # the network drops, the pupil plays on
        simulate(class_content, log, pupils=1, sessions=1, class_code="1B", seed=7, first=5)
        uploader.run_once()
        assert upload_status(uploader, since_round=1) == "upload_kept"
        server.up()
        uploader.run_once()
        assert upload_status(uploader, since_round=1) == "upload_done"
        with sqlite3.connect(teacher_db) as con:
            arrived = sorted(r[0] for r in con.execute("select id from events"))
        assert arrived == sorted(event_ids(log))
    finally:
        server.down()


def test_no_network_when_the_code_is_typed_the_pupil_plays_and_it_is_sent_later(
        tmp_path, make_app):
    from game.scripted import Type

    teacher_db = tmp_path / "leraar.sqlite"
    code = admin.open_class(teacher_db, "1B-KOMEET")
    server = LiveServer(dashboard(teacher_db))
    server.down()                                    # the school network is out
    app = make_app(server=server.url)
    run_script(app, [Wait(1), Press(pygame.K_3), Wait(1), Type("1b-komeet"),
                     Press(pygame.K_RETURN), Wait(1)])
    assert app.options.class_code == code            # not blocked: play now, send later
    run_script(app, [Type("Agent Komeet"), Press(pygame.K_RETURN), Wait(1),
                     Press(pygame.K_RETURN), Wait(2)])
    close_cards(app)
    run_script(app, [WalkTo("amber"), Press(pygame.K_e), Wait(3)])
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


def test_the_game_writing_while_a_batch_is_on_its_way_does_not_stop_the_sending(
        tmp_path, class_content):
    teacher_db = tmp_path / "leraar.sqlite"
    admin.open_class(teacher_db, "1B")
    log = local_logs(class_content, tmp_path, 1)[0]
    teacher = dashboard(teacher_db)

    def game_commits_meanwhile(environ, start_response):
        if environ["REQUEST_METHOD"] == "POST":  # the game logs its next moment right now
            with sqlite3.connect(log) as con:
                con.execute("update pupils set display_name = null")
        return teacher(environ, start_response)

    server = LiveServer(game_commits_meanwhile)
    uploader = Uploader(log, server.url, "1B", batch=10, interval=0.05)
    uploader.start()
    try:
        deadline = time.monotonic() + 20
        while len(event_ids(teacher_db)) < len(event_ids(log)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert uploader._thread.is_alive(), "the sending stopped"
        assert sorted(event_ids(teacher_db)) == sorted(event_ids(log))
    finally:
        uploader.stop(flush_seconds=0)
        server.down()


def test_a_log_the_uploader_cannot_read_now_is_a_failed_try_not_the_end(tmp_path):
    log = tmp_path / "journal.sqlite"
    log.write_bytes(b"not a database, for now" * 100)
    uploader = Uploader(log, "http://127.0.0.1:9", "1B", interval=0.01)
    assert uploader.run_once() == 0
    assert uploader.progress.failures == 1
    uploader.start()
    time.sleep(0.5)
    try:
        assert uploader._thread.is_alive(), "the sending stopped"
        assert uploader.progress.failures >= 2
    finally:
        progress = uploader.stop(flush_seconds=0.3)
    assert progress.failures >= 3
