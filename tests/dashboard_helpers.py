"""Helpers for the dashboard tests: an app over a log, signing in like a browser, the
dashboard's own texts (looked up in its catalogue, not copied), and rows read from the
log itself, so writers can change every line of content without breaking a test."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from game import paths
from teacher_dashboard.app import create_app
from teacher_dashboard.i18n import catalogue, text_in
from teacher_dashboard.passwords import Secrets, save_password

PASSWORD = "juf-en-meester"


FIXTURE_LEVELS = Path(__file__).resolve().parent / "fixtures" / "levels"


LOOPBACK_LIMITS = {"upload_address": "100000 per minute", "join_address": "10000 per minute",
                   "status_address": "10000 per minute"}
"""In tests every game sends from 127.0.0.1: the per-address limits of a whole class
become one address's. The tests of the limits pass their own."""


def dashboard(db: Path, *, limits: dict[str, str] | None = None,
              listen_host: str = "127.0.0.1") -> Flask:
    """The dashboard over `db`, accepting the shipped levels and the test school's."""
    secrets: Secrets = save_password(db, PASSWORD)
    return create_app(db, secrets, testing=True,
                      limits_config=LOOPBACK_LIMITS if limits is None else limits,
                      level_folders=(paths.LEVELS, FIXTURE_LEVELS), listen_host=listen_host)


def csrf_token(client: FlaskClient, url: str = "/login") -> str:
    page = client.get(url).get_data(as_text=True)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, f"no CSRF token on {url}"
    return found.group(1)


def signed_in(app: Flask) -> FlaskClient:
    client = app.test_client()
    response = client.post("/login", data={"password": PASSWORD, "csrf_token": csrf_token(client)})
    assert response.status_code == 302
    return client


# --- the dashboard's own words ----------------------------------------------------------

def ui(key: str, lang: str = "nl", **values: Any) -> str:
    """A text from the dashboard's catalogue, filled in as the dashboard fills it."""
    assert key in catalogue(lang), f"the dashboard has no text '{key}'"
    return text_in(lang, key, **values)


def ui_pattern(key: str, lang: str = "nl", *, html: bool = True, **values: Any) -> re.Pattern:
    """A catalogue text as a pattern: the blanks given are filled in, the others match
    anything. As HTML-escaped text unless `html` is False."""
    shown = (lambda text: str(escape(text))) if html else str
    entry = catalogue(lang)[key]
    if isinstance(entry, dict):  # forms by count
        entry = entry["one"] if values.get("n") == 1 else entry["other"]
    parts = []
    for piece in re.split(r"(\{\w+\})", entry):
        blank = re.fullmatch(r"\{(\w+)\}", piece)
        if blank is None:
            parts.append(re.escape(shown(piece)))
        elif blank.group(1) in values:
            parts.append(re.escape(shown(str(values[blank.group(1)]))))
        else:
            parts.append(".+?")
    return re.compile("".join(parts))


def shows(page: str, key: str, lang: str = "nl", **values: Any) -> bool:
    """Does this page show the catalogue text (blanks not given match anything)?"""
    return ui_pattern(key, lang, **values).search(page) is not None


# --- the log itself ------------------------------------------------------------------------

JSON_COLUMNS = ("said_before", "options", "chosen_text", "reaction", "reflect", "aspects",
                "skills")


def newest_session(db: Path, pupil: str) -> str:
    with sqlite3.connect(db) as con:
        return con.execute("select id from sessions where pupil_id = ? "
                           "order by started_at desc limit 1", [pupil]).fetchone()[0]


def a_talk_choice(db: Path, pupil: str) -> dict[str, Any]:
    """A conversation choice from the pupil's newest session, as the log has it."""
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        row = con.execute(
            "select c.* from choices c where c.session_id = ? and c.context = 'talk' "
            "and json_array_length(c.said_before) > 0 order by c.seq limit 1",
            [newest_session(db, pupil)]).fetchone()
    assert row is not None, "the simulated pupil talked to nobody"
    return {k: json.loads(v) if k in JSON_COLUMNS and v is not None else v
            for k, v in dict(row).items()}


UNREADABLE = (  # (kind, payload) as a newer game, an old bug or a hand edit could leave them
    ("teleported", json.dumps({"to": "mars"})),                       # a kind nobody knows
    ("lesson_late", json.dumps({"lesson": "wiskunde", "minutes_late": "veel"})),
    ("clue_found", "{not json"),
    ("choice", json.dumps({"dialogue": "noor", "aspects": "heel veel"})),
    ("day_end", json.dumps(["a", "list"])),
)


def add_unreadable_rows(db: Path, session_id: str) -> int:
    """Put rows the event registry cannot read into a session; returns how many."""
    with sqlite3.connect(db) as con:
        seq = con.execute("select max(seq) from events where session_id = ?",
                          [session_id]).fetchone()[0]
        for n, (kind, payload) in enumerate(UNREADABLE, start=1):
            con.execute("insert into events (id, session_id, seq, kind, wall_time, game_day, "
                        "game_time, payload) values (?, ?, ?, ?, ?, ?, ?, ?)",
                        [f"onleesbaar-{n}", session_id, seq + n, kind,
                         "2026-11-23T10:00:00.000+00:00", None, None, payload])
    return len(UNREADABLE)
