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
