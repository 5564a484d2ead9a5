"""The mentor dashboard through Flask's test client: safety first, then what a mentor sees."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from markupsafe import escape

from game.content.tags import SKILLS
from game.events import Event
from game.events.talking import ChoiceMade, Option, SaidLine
from game.journal import admin
from game.journal.exports import EXPORTS
from game.journal.journal import Journal
from game.journal.writer import SessionInfo
from teacher_dashboard.passwords import load_secrets, save_password
from tests.dashboard_helpers import (
    a_talk_choice,
    add_unreadable_rows,
    csrf_token,
    dashboard,
    newest_session,
    shows,
    signed_in,
    ui,
    ui_pattern,
)

PUPIL = "1B-Vos-01"


def rows_of(db: Path, pupil: str) -> dict[str, int]:
    queries = {
        "pupils": "select count(*) from pupils where id = ?",
        "sessions": "select count(*) from sessions where pupil_id = ?",
        "events": "select count(*) from events e join sessions s on s.id = e.session_id "
                  "where s.pupil_id = ?",
    }
    with sqlite3.connect(db) as con:
        return {table: con.execute(sql, [pupil]).fetchone()[0] for table, sql in queries.items()}


def session_ids(db: Path, pupil: str) -> list[str]:
    with sqlite3.connect(db) as con:
        return [r[0] for r in con.execute("select id from sessions where pupil_id = ?", [pupil])]


# --- signing in ---------------------------------------------------------------

def test_every_page_asks_for_the_password_first(log_copy):
    app = dashboard(log_copy)
    client = app.test_client()
    session_id = session_ids(log_copy, PUPIL)[0]
    pages = ["/", f"/pupil/{PUPIL}", "/classes", "/class/1B", "/class/1B/live.json", "/data",
             f"/session/{session_id}/sheet", f"/pupil/{PUPIL}/sheet",
             f"/data/export?pupil={PUPIL}&format=csv", "/guide", "/guide/lessons",
             f"/pupil/{PUPIL}/overstap", f"/pupil/{PUPIL}/mission"]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 302, page
        assert response.location.startswith("/login"), page
    token = csrf_token(client)  # a real token, but nobody signed in
    forms = ["/data/delete", "/data/import", "/pupil-name", f"/session/{session_id}/sheet",
             f"/pupil/{PUPIL}/sheet", f"/pupil/{PUPIL}/mission",
             "/classes/open", "/classes/1B/close", "/logout", "/pupil-release", "/data/xapi"]
    for form in forms:
        response = client.post(form, data={"csrf_token": token, "pupil": PUPIL,
                                           "confirm": PUPIL, "name": "x", "code": "ZZ"})
        assert response.status_code == 302 and response.location.startswith("/login"), form
    assert rows_of(log_copy, PUPIL)["events"] > 0  # the delete did not happen
    with sqlite3.connect(log_copy) as con:
        assert con.execute("select count(*) from class_codes").fetchone()[0] == 0
    # the lists above are every route there is, except the class server (see api.py: open
    # by design, for pupils' games, and tested in test_class_mode.py)
    routes = {r.rule for r in app.url_map.iter_rules()} - {"/login", "/language/<lang>",
                                                             "/static/<path:filename>",
                                                             "/favicon.ico"}
    assert {r for r in routes if not r.startswith("/api/")} == {
        "/", "/pupil/<path:pupil_id>", "/pupil/<path:pupil_id>/sheet", "/classes", "/class/<code>",
        "/data",
        "/session/<session_id>/sheet", "/data/export", "/data/delete", "/data/import",
        "/pupil-name", "/classes/open", "/classes/<code>/close", "/logout",
        "/pupil-release", "/class/<code>/live.json", "/data/xapi", "/guide", "/guide/lessons",
        "/pupil/<path:pupil_id>/overstap", "/pupil/<path:pupil_id>/mission"}
    # every page belongs to the blueprint of its area
    endpoints = {r.endpoint.partition(".")[0] for r in app.url_map.iter_rules()}
    assert endpoints == {"auth", "pupils", "classes", "data", "api", "static", "guide",
                         "mentor_mission"}


def test_only_the_entry_points_import_the_app():
    """The blueprints get the log from db.py and their texts from i18n.py, never from
    app.py, so there is no app <-> page cycle (not even inside a function)."""
    import ast

    import teacher_dashboard

    importers = set()
    for path in Path(teacher_dashboard.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                names = {node.module or ""} | {f"{node.module}.{a.name}" for a in node.names}
            else:
                continue
            if "teacher_dashboard.app" in names:
                importers.add(path.name)
    assert importers == {"serve.py"}


def test_wrong_password_is_refused(log_copy):
    client = dashboard(log_copy).test_client()
    response = client.post("/login", data={"password": "raden", "csrf_token": csrf_token(client)})
    assert response.status_code == 401
    assert shows(response.get_data(as_text=True), "wrong_password")
    assert client.get("/").status_code == 302


def test_sign_in_then_out(log_copy):
    client = signed_in(dashboard(log_copy))
    assert client.get("/").status_code == 200
    token = csrf_token(client, "/")
    response = client.post("/logout", data={"csrf_token": token})
    assert response.location == "/login"
    assert client.get("/").status_code == 302


def test_password_is_stored_hashed_and_env_overrides(tmp_path):
    db = tmp_path / "journal.sqlite"
    save_password(db, "een-goed-wachtwoord")
    stored = (tmp_path / "journal.dashboard.json").read_text()
    assert "een-goed-wachtwoord" not in stored
    assert (tmp_path / "journal.dashboard.json").stat().st_mode & 0o077 == 0
    from_env = load_secrets(db, {"DASHBOARD_PASSWORD": "uit-de-omgeving"})
    from werkzeug.security import check_password_hash
    assert check_password_hash(from_env.password_hash, "uit-de-omgeving")
    assert load_secrets(tmp_path / "other.sqlite", {}) is None


def test_a_form_without_its_csrf_token_changes_nothing(log_copy):
    client = signed_in(dashboard(log_copy))
    before = rows_of(log_copy, PUPIL)
    response = client.post("/data/delete", data={"pupil": PUPIL, "confirm": PUPIL})
    assert response.status_code == 400
    assert shows(response.get_data(as_text=True), "csrf_failed")
    response = client.post("/data/delete", data={"pupil": PUPIL, "confirm": PUPIL,
                                                  "csrf_token": "forged"})
    assert response.status_code == 400
    assert rows_of(log_copy, PUPIL) == before


# --- escaping -----------------------------------------------------------------

def test_a_pupil_called_script_is_just_text(tmp_path):
    db = tmp_path / "journal.sqlite"
    evil = '<script>alert("x")</script>'
    journal = Journal.open(db)
    log = journal.start_session(SessionInfo(pupil=evil, level="eerste-week", seed=1,
                                            language="nl"))
    log.record(Event(ChoiceMade.build(
        dialogue="noor", node="start", character="<b>noor</b>",
        said_before=[SaidLine(speaker="noor", nl="<img src=x onerror=alert(1)>", en="hi")],
        options=[Option(id="a", nl="<i>ja</i>", en="yes"), Option(id="b", nl="nee", en="no")],
        chosen_index=0), 8 * 60, "aula", day="dag-1"))
    journal.end_session()
    journal.close()
    client = signed_in(dashboard(db))
    for page in ["/", f"/pupil/{evil}", "/data"]:
        html = client.get(page).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html and "<i>ja" not in html
        assert "&lt;script&gt;" in html, page
    story = client.get(f"/pupil/{evil}").get_data(as_text=True)
    assert "&lt;img src=x onerror=alert(1)&gt;" in story and "&lt;i&gt;ja&lt;/i&gt;" in story


# --- what a mentor sees -------------------------------------------------------

def test_pupil_page_tells_the_session_with_each_choice_in_context(simulated_log):
    client = signed_in(dashboard(simulated_log))
    pupils = client.get("/").get_data(as_text=True)
    assert PUPIL in pupils and "score" not in pupils.lower().replace("geen score", "")
    html = client.get(f"/pupil/{PUPIL}").get_data(as_text=True)
    assert shows(html, "ev_choice_talk") and shows(html, "ev_day_end")
    assert 'class="chosen"' in html and shows(html, "took_seconds")
    choice = a_talk_choice(simulated_log, PUPIL)   # as the log has it, whatever the writers wrote
    card = next(part for part in html.split('class="choice-card"')[1:]
                if str(escape(choice["chosen_text"]["nl"])) in part.split('class="chosen"')[1])
    assert shows(card, "options_seen")
    assert str(escape(choice["said_before"][-1]["nl"])) in card
    for option in choice["options"]:
        assert str(escape(option["nl"])) in card
    assert not shows(html, "ev_unreadable") and "unreadable" not in html


def test_filter_by_skill_shows_only_those_choices(simulated_log):
    client = signed_in(dashboard(simulated_log))
    everything = client.get(f"/pupil/{PUPIL}").get_data(as_text=True)
    planning = client.get(f"/pupil/{PUPIL}?skill=planning").get_data(as_text=True)
    assert shows(everything, "ev_day_end") and not shows(planning, "ev_day_end")
    assert planning.count('class="choice-card"') < everything.count('class="choice-card"')
    assert SKILLS["planning"][0] in planning


def test_conversation_sheet_starts_with_strengths_and_downloads_the_agreements(simulated_log):
    client = signed_in(dashboard(simulated_log))
    session_id = session_ids(simulated_log, PUPIL)[0]
    html = client.get(f"/session/{session_id}/sheet").get_data(as_text=True)
    assert html.index(ui("sheet_strengths")) < html.index(ui("sheet_questions"))
    questions = html.split('class="questions"')[1].split("</ol>")[0]
    assert 3 <= questions.count("<li>") <= 5
    token = csrf_token(client, f"/session/{session_id}/sheet")
    response = client.post(f"/session/{session_id}/sheet",
                           data={"csrf_token": token, "agreements": "Morgen eerst het rooster."})
    assert response.headers["Content-Disposition"].startswith("attachment")
    text = response.get_data(as_text=True)
    assert ui("sheet_strengths") in text and "Morgen eerst het rooster." in text


def test_class_profile_shows_seven_aspects_and_no_pupil(simulated_log):
    client = signed_in(dashboard(simulated_log))
    html = client.get("/class/1B").get_data(as_text=True)
    assert html.count('class="aspect-row"') == 7
    assert PUPIL not in html
    projector = client.get("/class/1B?projector=1").get_data(as_text=True)
    assert shows(projector, "discuss_respect")


def test_class_profile_counts_how_the_days_went_from_the_reflections(simulated_log):
    with sqlite3.connect(simulated_log) as con:
        said = dict(con.execute(
            "select c.chosen, count(*) from choice_facts c join sessions s on "
            "s.id = c.session_id where s.class_code = '1B' and c.context = 'reflection' "
            "group by c.chosen").fetchall())
    assert said, "the simulated class never said how a day went"
    html = signed_in(dashboard(simulated_log)).get("/class/1B").get_data(as_text=True)
    for feeling, n in said.items():
        assert f"{ui('feeling_' + feeling)}: {n}×" in html


def test_class_profile_waits_for_three_pupils(tmp_path, content):
    from game.sim.simulate import simulate
    db = tmp_path / "journal.sqlite"
    simulate(content, db, pupils=2, sessions=1, class_code="2C", seed=5)
    html = signed_in(dashboard(db)).get("/class/2C").get_data(as_text=True)
    assert shows(html, "class_too_small")
    assert 'class="aspect-row"' not in html


def test_english_on_request(simulated_log):
    client = signed_in(dashboard(simulated_log))
    client.get("/language/en?next=/")
    html = client.get(f"/pupil/{PUPIL}").get_data(as_text=True)
    assert shows(html, "options_seen", "en") and not shows(html, "options_seen", "nl")


# --- a log with rows nobody can read ------------------------------------------------------

def test_unreadable_rows_are_left_out_and_said_once(log_copy):
    session_id = newest_session(log_copy, PUPIL)
    added = add_unreadable_rows(log_copy, session_id)
    client = signed_in(dashboard(log_copy))
    page = client.get(f"/pupil/{PUPIL}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert len(ui_pattern("ev_unreadable", n=added).findall(html)) == 1
    assert shows(html, "ev_day_end") and 'class="choice-card"' in html  # the rest is told
    filtered = client.get(f"/pupil/{PUPIL}?skill=planning").get_data(as_text=True)
    assert shows(filtered, "ev_unreadable", n=added)
    sheet = client.get(f"/session/{session_id}/sheet")
    assert sheet.status_code == 200 and shows(sheet.get_data(as_text=True), "sheet_strengths")
    assert shows(sheet.get_data(as_text=True), "ev_unreadable", n=added)
    assert client.get("/").status_code == 200
    assert client.get("/class/1B").status_code == 200


def test_a_single_unreadable_row_is_said_in_the_singular(log_copy):
    session_id = newest_session(log_copy, PUPIL)
    with sqlite3.connect(log_copy) as con:
        seq = con.execute("select max(seq) from events where session_id = ?",
                          [session_id]).fetchone()[0]
        con.execute("insert into events (id, session_id, seq, kind, wall_time, payload) "
                    "values ('x-1', ?, ?, 'lesson_late', '2026-11-23T10:00:00+00:00', '{}')",
                    [session_id, seq + 1])
    html = signed_in(dashboard(log_copy)).get(f"/pupil/{PUPIL}").get_data(as_text=True)
    assert shows(html, "ev_unreadable", n=1) and not shows(html, "ev_unreadable", n=2)


@pytest.mark.parametrize("fmt", [f for f in EXPORTS if f != "xapi"])
def test_exports_survive_unreadable_rows(log_copy, fmt):
    add_unreadable_rows(log_copy, newest_session(log_copy, PUPIL))
    response = signed_in(dashboard(log_copy)).get(f"/data/export?pupil={PUPIL}&format={fmt}")
    assert response.status_code == 200 and response.data
    assert response.mimetype == EXPORTS[fmt].mimetype


def test_the_xapi_export_survives_unreadable_rows(log_copy):
    add_unreadable_rows(log_copy, newest_session(log_copy, PUPIL))
    admin.set_setting(log_copy, admin.XAPI_HOME, "https://leerplatform.school.nl")
    response = signed_in(dashboard(log_copy)).get(f"/data/export?pupil={PUPIL}&format=xapi")
    assert response.status_code == 200


# --- data: delete, import, export ---------------------------------------------

def test_delete_removes_every_row_of_that_pupil_and_nothing_else(log_copy):
    client = signed_in(dashboard(log_copy))
    other = "1B-Uil-02"
    other_before = rows_of(log_copy, other)
    token = csrf_token(client, "/data")
    wrong = client.post("/data/delete", data={"csrf_token": token, "pupil": PUPIL,
                                              "confirm": "oeps"}, follow_redirects=True)
    assert shows(wrong.get_data(as_text=True), "delete_confirm_mismatch", pupil=PUPIL)
    response = client.post("/data/delete", data={"csrf_token": token, "pupil": PUPIL,
                                                 "confirm": PUPIL}, follow_redirects=True)
    assert shows(response.get_data(as_text=True), "deleted", pupil=PUPIL)
    assert rows_of(log_copy, PUPIL) == {"pupils": 0, "sessions": 0, "events": 0}
    with sqlite3.connect(log_copy) as con:  # the dashboard's lookup follows the events
        orphans = con.execute("select count(*) from choice_facts where session_id not in "
                              "(select id from sessions)").fetchone()[0]
        facts, choices = (con.execute(f"select count(*) from {table}").fetchone()[0]
                          for table in ("choice_facts", "choices"))
    assert orphans == 0 and facts == choices > 0
    assert rows_of(log_copy, other) == other_before
    assert PUPIL.encode() not in log_copy.read_bytes()  # not even in freed pages


def test_import_then_export_round_trips(simulated_log, tmp_path):
    source = signed_in(dashboard(simulated_log))
    exported = source.get(f"/data/export?pupil={PUPIL}&format=sqlite")
    assert exported.status_code == 200
    upload = tmp_path / "vos.sqlite"
    upload.write_bytes(exported.data)
    target_db = tmp_path / "mentor" / "journal.sqlite"
    target_db.parent.mkdir()
    target = signed_in(dashboard(target_db))
    token = csrf_token(target, "/data")
    for _ in range(2):  # a second import adds nothing
        with upload.open("rb") as fh:
            response = target.post("/data/import", data={"csrf_token": token,
                                                          "file": (fh, "vos.sqlite")},
                                   content_type="multipart/form-data", follow_redirects=True)
        assert shows(response.get_data(as_text=True), "import_done", name="vos.sqlite")
    assert rows_of(target_db, PUPIL) == rows_of(simulated_log, PUPIL)
    again = target.get(f"/data/export?pupil={PUPIL}&format=jsonl").get_data(as_text=True)
    first = source.get(f"/data/export?pupil={PUPIL}&format=jsonl").get_data(as_text=True)
    assert again == first
    csv_text = target.get(f"/data/export?pupil={PUPIL}&format=csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff"))))
    with sqlite3.connect(simulated_log) as con:
        choices = con.execute("select count(*) from choices where pupil_id = ?",
                              [PUPIL]).fetchone()[0]
    assert len(rows) == choices and all(row["chosen"] and row["options"] for row in rows)
    assert {row["context"] for row in rows} <= {"talk", "lesson", "homework", "reflection"}
    admin.set_setting(target_db, admin.XAPI_HOME, "https://leerplatform.school.nl")
    xapi = json.loads(target.get(f"/data/export?pupil={PUPIL}&format=xapi").data)
    assert xapi and all(s["actor"]["account"]["name"] == PUPIL for s in xapi)


def test_a_broken_upload_says_why_and_changes_nothing(log_copy, tmp_path):
    client = signed_in(dashboard(log_copy))
    bad = tmp_path / "kapot.jsonl"
    bad.write_text('{"type": "pupil"}\nthis is not json\n')
    before = rows_of(log_copy, PUPIL)
    with bad.open("rb") as fh:
        response = client.post("/data/import", data={"csrf_token": csrf_token(client, "/data"),
                                                      "file": (fh, "kapot.jsonl")},
                               content_type="multipart/form-data", follow_redirects=True)
    html = response.get_data(as_text=True)
    assert shows(html, "import_failed") and "kapot.jsonl:" in html
    assert rows_of(log_copy, PUPIL) == before


def test_a_real_name_stays_here(log_copy):
    client = signed_in(dashboard(log_copy))
    token = csrf_token(client, f"/pupil/{PUPIL}")
    client.post("/pupil-name", data={"csrf_token": token, "pupil": PUPIL, "name": "Sanne"})
    assert "Sanne" in client.get(f"/pupil/{PUPIL}").get_data(as_text=True)
    assert "Sanne" not in client.get(f"/data/export?pupil={PUPIL}&format=jsonl").get_data(
        as_text=True)


def test_without_a_log_yet_klassen_works_and_a_code_can_be_opened(tmp_path):
    client = signed_in(dashboard(tmp_path / "nieuw.sqlite"))
    assert client.get("/").status_code == 200
    assert client.get("/classes").status_code == 200
    token = csrf_token(client, "/classes")
    client.post("/classes/open", data={"csrf_token": token, "code": "1B-KOMEET"})
    assert client.get("/api/v1/classes/1B-KOMEET").get_json()["open"] is True


def test_a_log_removed_while_the_dashboard_runs_gets_a_clear_page_and_no_new_file(tmp_path):
    db = tmp_path / "weg.sqlite"
    client = signed_in(dashboard(db))
    token = csrf_token(client, "/classes")
    for side in ("", "-wal", "-shm"):
        Path(f"{db}{side}").unlink(missing_ok=True)
    response = client.get("/")
    assert response.status_code == 503
    assert "weg.sqlite" in response.get_data(as_text=True)
    client.post("/classes/open", data={"csrf_token": token, "code": "1B"})
    client.post("/pupil-name", data={"csrf_token": token, "pupil": "Vos", "name": "x"})
    assert not db.exists()  # the mentor's change was refused, not written to a new file


@pytest.mark.parametrize(("page", "key", "values"), [
    ("/pupil/niemand", "unknown_pupil", {"pupil": "niemand"}),
    ("/class/9Z", "unknown_class", {"code": "9Z"}),
    ("/session/nope/sheet", "unknown_session", {}),
    (f"/data/export?pupil={PUPIL}&format=doc", "unknown_pupil", {"pupil": PUPIL}),
])
def test_unknown_things_are_named(simulated_log, page, key, values):
    response = signed_in(dashboard(simulated_log)).get(page)
    assert response.status_code == 404
    assert shows(response.get_data(as_text=True), key, **values)


def test_first_start_asks_for_a_password_twice_in_the_terminal(tmp_path, monkeypatch, capsys):
    from teacher_dashboard import serve
    answers = iter(["kort", "kort", "eerste-poging", "tweede-poging", "goed-gekozen",
                    "goed-gekozen"])
    monkeypatch.setattr(serve.getpass, "getpass", lambda prompt="": next(answers))
    stored = serve.choose_password(tmp_path / "journal.sqlite")
    said = capsys.readouterr().err
    assert "minstens 8 tekens" in said and "niet gelijk" in said
    from werkzeug.security import check_password_hash
    assert check_password_hash(stored.password_hash, "goed-gekozen")
    assert load_secrets(tmp_path / "journal.sqlite", {}) == stored
