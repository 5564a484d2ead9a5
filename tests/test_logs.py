"""The log file and the crash screen: an error nobody expected leaves a report for the
mentor or IT, a calm screen for the pupil, and every choice in the choice log."""

from __future__ import annotations

import logging
import sqlite3

import pygame
import pytest
from helpers import start_new_game
from world_helpers import choose, read_to_choices, talk

from game import logs
from game.scenes.crash import CrashScene
from game.scenes.school import SchoolScene
from game.scripted import Press, Wait, run_script
from game.text.catalogue import Texts
from game.ui import look


@pytest.fixture
def log_file(tmp_path):
    path = logs.setup("game", "info", folder=tmp_path / "logs")
    yield path
    logs.shutdown()


def drawn_texts(app, monkeypatch) -> list[str]:
    """Every text the next frame draws."""
    seen: list[str] = []
    real = look.text

    def noting(content, *args, **kwargs):
        seen.append(content)
        return real(content, *args, **kwargs)

    monkeypatch.setattr(look, "text", noting)
    app.run(max_frames=app.frame + 1)
    monkeypatch.setattr(look, "text", real)
    return seen


def test_a_crash_shows_the_calm_screen_writes_the_report_and_keeps_the_choices(
        make_app, monkeypatch, log_file):
    app = make_app(crash_screen=True)
    run_script(app, start_new_game("Agent Uil"))
    conversation = talk(app.session.world, "kim")
    choose(conversation, read_to_choices(conversation)[0])
    db = app.options.db_path

    def broken(self, surface):
        raise RuntimeError("the school screen broke")

    monkeypatch.setattr(SchoolScene, "draw", broken)
    run_script(app, [Wait(2)])

    assert isinstance(app.top, CrashScene)
    drawn = drawn_texts(app, monkeypatch)
    shown = " ".join(drawn)
    for language in ("nl", "en"):
        t = Texts(language)
        assert t("crash_title") in shown
        assert t("crash_saved") in shown
    assert shown.index("Je keuzes zijn bewaard") < shown.index("Your choices are saved")
    assert str(log_file) in "".join(drawn).replace(" ", "")  # where the report is

    report = log_file.read_text(encoding="utf-8")
    assert "Traceback" in report and "RuntimeError: the school screen broke" in report
    assert "Agent Uil" not in report  # the log file never names the pupil

    with sqlite3.connect(db) as con:  # on disk now, not only in the game's memory
        kinds = [row[0] for row in con.execute("select kind from events order by seq")]
    assert "choice" in kinds and kinds[0] == "level_start"

    run_script(app, [Press(pygame.K_RETURN), Wait(1)])
    assert not app.running  # Enter closes the game


def test_without_a_log_file_the_crash_screen_says_to_tell_the_mentor(make_app, monkeypatch):
    app = make_app(crash_screen=True)
    logs.shutdown()
    run_script(app, [Wait(1)])

    def broken(self, surface):
        raise ValueError("title screen broke")

    monkeypatch.setattr(type(app.top), "draw", broken)
    run_script(app, [Wait(2)])
    assert isinstance(app.top, CrashScene)
    shown = " ".join(drawn_texts(app, monkeypatch))
    assert Texts("nl")("crash_no_report") in shown


def test_the_command_line_writes_its_log_file_at_the_chosen_level(tmp_path, monkeypatch):
    from game.cli import main

    monkeypatch.setenv(logs.ENV_FOLDER, str(tmp_path / "logs"))
    try:
        assert main(["validate", "--log-level", "debug"]) == 0
        assert logging.getLogger().level == logging.DEBUG
    finally:
        logs.shutdown()
    text = (tmp_path / "logs" / "tools.log").read_text(encoding="utf-8")
    assert "command: validate" in text and "Alien op school" in text


def test_an_uncaught_error_is_logged_by_the_hook(tmp_path):
    path = logs.setup("tools", folder=tmp_path)
    try:
        try:
            raise KeyError("nowhere")
        except KeyError as exc:
            import sys

            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        logs.shutdown()
    assert path is not None and "KeyError: 'nowhere'" in path.read_text(encoding="utf-8")


def test_the_dashboard_logs_requests_refused_sign_ins_and_uploads_never_pupils(
        log_copy, tmp_path):
    from dashboard_helpers import csrf_token, dashboard, signed_in

    from game.journal import admin

    with sqlite3.connect(log_copy) as con:
        pupil = con.execute("select id from pupils order by id").fetchone()[0]
    path = logs.setup("dashboard", folder=tmp_path / "logs")
    try:
        app = dashboard(log_copy)
        stranger = app.test_client()
        stranger.post("/login", data={"password": "raden", "csrf_token": csrf_token(stranger)})
        client = signed_in(app)
        assert pupil in client.get("/").get_data(as_text=True)
        assert client.get(f"/pupil/{pupil}").status_code == 200
        admin.open_class(log_copy, "1B-KOMEET")
        bad = {"pupil": {"id": "Agent Geheim"}, "events": [{"said": "mijn eigen woorden"}]}
        refused = app.test_client().post("/api/v1/classes/1B-KOMEET/events", json=bad)
    finally:
        logs.shutdown()
    assert refused.status_code == 400
    text = path.read_text(encoding="utf-8")
    assert "POST /login 401" in text and "sign-in refused (wrong password)" in text
    assert "GET / 200" in text
    assert "class upload refused: POST /api/v1/classes/<code>/events, class 1B-KOMEET, 400" \
        in text
    for words in (pupil, "Agent Geheim", "mijn eigen woorden"):
        assert words not in text
