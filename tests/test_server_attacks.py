"""The class server and the dashboard attacked as on a school network: each attack of
issue 17 (forged pupil, bad values per field, big bodies, rate limits, redirects, a
replayed cookie, deletion that must leave nothing, a replaced log, bad imports)."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from game.events.case import ClueFound
from game.events.lessons import LessonLate
from game.events.sitting import DayEnded
from game.events.talking import ChoiceMade, Option, SaidLine
from game.journal import admin
from tests.class_helpers import SECRET, SESSION, STAMP, batch, join
from tests.dashboard_helpers import csrf_token, dashboard, shows, signed_in

EVENTS = "/api/v1/classes/1B/events"


@pytest.fixture
def teacher_db(tmp_path) -> Path:
    db = tmp_path / "leraar.sqlite"
    admin.open_class(db, "1B")
    return db


def count(db: Path, table: str = "events") -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute(f"select count(*) from {table}").fetchone()[0])


def post(client, body, headers=None, code="1B"):
    response = client.post(f"/api/v1/classes/{code}/events", json=body, headers=headers or {})
    return response.status_code, response.get_json() or {}


def moments():
    return (LessonLate(lesson="wiskunde", minutes_late=3), ClueFound(clue="groene-das"))


# --- 1. a forged pupil ---------------------------------------------------------------

def test_only_the_game_that_claimed_a_name_writes_under_it(teacher_db):
    client = dashboard(teacher_db).test_client()
    vos = join(client, "Vos")
    assert post(client, batch(*moments()), vos)[0] == 200
    before = count(teacher_db)

    forged = batch(LessonLate(lesson="wiskunde", minutes_late=99))
    forged["events"][0]["id"] = "forged-event-1"
    assert post(client, forged)[0] == 401                                   # no secret
    wrong = {"Authorization": "Bearer " + "y" * 43}
    status, answer = post(client, forged, wrong)
    assert status == 403 and answer["reason"] == "credentials"              # another secret
    taken = client.post("/api/v1/classes/1B/pupils", json={"pupil": "Vos", "secret": "z" * 43})
    assert taken.status_code == 409                                         # name is taken
    das = join(client, "Das", secret="d" * 43)                              # a real classmate
    stolen = batch(*moments(), pupil="Das")                                 # ... but Vos's
    stolen["events"][0]["id"] = "stolen-event-1"                            # session id
    status, answer = post(client, stolen, das)
    assert status == 403 and answer["error"].startswith("session.id")
    assert count(teacher_db) == before                                      # nothing changed


def test_a_name_with_data_but_no_claim_waits_for_the_mentor_to_release_it(teacher_db):
    app = dashboard(teacher_db)
    client = app.test_client()
    join(client, "Vos")
    assert post(client, batch(*moments()), join(client, "Vos"))[0] == 200
    with sqlite3.connect(teacher_db) as con:               # as after an import: data, no claim
        con.execute("delete from class_pupils")
    new_laptop = {"pupil": "Vos", "secret": "n" * 43}
    assert client.post("/api/v1/classes/1B/pupils", json=new_laptop).status_code == 409
    mentor = signed_in(app)
    page = mentor.get("/pupil/Vos").get_data(as_text=True)
    assert shows(page, "claim_none")
    mentor.post("/pupil-release", data={"csrf_token": csrf_token(mentor, "/pupil/Vos"),
                                        "pupil": "Vos"})
    assert client.post("/api/v1/classes/1B/pupils", json=new_laptop).status_code == 201
    again = batch(*moments())
    again["events"][0]["id"] = "from-the-new-laptop"
    assert post(client, again, {"Authorization": "Bearer " + "n" * 43})[0] == 200
    old = batch(LessonLate(lesson="wiskunde", minutes_late=1))
    old["events"][0]["id"] = "from-the-old-laptop"
    assert post(client, old, {"Authorization": f"Bearer {SECRET}"})[0] == 403


def test_the_api_tells_nothing_but_whether_a_code_is_open(teacher_db):
    client = dashboard(teacher_db).test_client()
    join(client, "Vos")
    assert client.get("/api/v1/classes/1B").get_json() == {"code": "1B", "open": True,
                                                           "message": ""}
    for path in ("/api/v1/classes/1B/pupils", "/api/v1/classes/1B/events",
                 "/api/v1/classes", "/api/v1/pupils/Vos", "/api/v2/anything"):
        response = client.get(path)
        assert response.status_code in (404, 405), path
        assert set(response.get_json()) == {"error", "reason"}, path   # JSON, no data


# --- 2. bad values, field by field ---------------------------------------------------

def _set(body: dict, where: str, value) -> dict:
    part, *rest = where.split(".")
    target = body[part][int(rest[0])] if part == "events" else body[part]
    key = rest[-1]
    if part == "events" and len(rest) == 3:            # events.0.payload.<field>
        payload = json.loads(target["payload"])
        payload[key] = value
        target["payload"] = json.dumps(payload)
    else:
        target[key] = value
    return body


def _day_end() -> DayEnded:
    return DayEnded(day="dag-1", lessons=4, on_time=3)


def _choice() -> ChoiceMade:
    return ChoiceMade.build(dialogue="kim", node="start", character="kim",
                            said_before=[SaidLine(speaker="kim", nl="Hoi", en="Hi")],
                            options=[Option(id="a", nl="ja", en="yes"),
                                     Option(id="b", nl="nee", en="no")], chosen_index=0,
                            aspects={"respect": 1})


@pytest.mark.parametrize(("payload", "where", "value"), [
    (_day_end, "events.0.payload.lessons", "veel"),
    (_day_end, "events.0.payload.lessons", -1),
    (_day_end, "events.0.payload.clues", 10**9),
    (_choice, "events.0.payload.aspects", "abc"),
    (_choice, "events.0.payload.aspects", {"respect": -1000}),
    (_choice, "events.0.payload.aspects", {"respect": 2.5}),
    (_choice, "events.0.payload.aspects", {"bravery": 1}),
    (_choice, "events.0.payload.response_ms", -1),
    (_choice, "session.level", "../../etc/passwd"),
    (_choice, "session.level", "/etc/passwd"),
    (_choice, "session.level", "een-onbekend-level"),
    (_choice, "session.seed", -1),
    (_choice, "session.seed", 2**70),
    (_choice, "session.language", "xx"),
    (_choice, "session.settings", "not json"),
    (_choice, "session.started_at", "9999-12-31T23:59:00-12:00"),
    (_choice, "events.0.wall_time", "2026-11-23T10:00:00"),
    (_choice, "events.0.game_time", "08:30; drop table events"),
    (_choice, "events.0.seq", 0),
    (_choice, "events.0.location", "1.05\x00"),
    (_choice, "pupil.id", "Vos\nAdmin"),
])
def test_a_value_outside_its_range_is_refused_by_its_field(teacher_db, payload, where, value):
    client = dashboard(teacher_db).test_client()
    body = _set(batch(payload()), where, value)
    pupil = body["pupil"]["id"] if isinstance(body["pupil"]["id"], str) else "Vos"
    status, answer = post(client, body, join(client, pupil if "\n" not in pupil else "Vos"))
    assert status == 400, answer
    assert answer["error"].startswith(f"{where}"), answer
    assert count(teacher_db) == 0


# --- 3. big bodies and limits -----------------------------------------------------------

def test_a_body_too_big_is_413_and_a_batch_too_long_is_400(teacher_db, tmp_path):
    app = dashboard(teacher_db)
    client = app.test_client()
    vos = join(client, "Vos")
    huge = json.dumps({"padding": "x" * (3 * 1024 * 1024)})
    response = client.post(EVENTS, data=huge, content_type="application/json", headers=vos)
    assert response.status_code == 413 and response.get_json()["reason"] == "too_large"
    long = batch(*([ClueFound(clue="c")] * 501))
    assert post(client, long, vos)[0] == 400
    mentor = signed_in(app)
    upload = (io.BytesIO(b"x" * (33 * 1024 * 1024)), "groot.jsonl")
    response = mentor.post("/data/import", data={"csrf_token": csrf_token(mentor, "/data"),
                                                 "file": upload},
                           content_type="multipart/form-data")
    assert response.status_code == 413
    assert count(teacher_db) == 0


def test_uploads_and_code_probing_are_limited_with_retry_after(teacher_db):
    client = dashboard(teacher_db, limits={"upload_address": "3 per minute",
                                           "unknown_code_address": "2 per minute",
                                           "pupil_quota": "5 per hour"}).test_client()
    vos = join(client, "Vos")
    assert post(client, batch(*moments()), vos)[0] == 200
    more = batch(*moments(), ClueFound(clue="c"), ClueFound(clue="d"))
    for n, event in enumerate(more["events"]):
        event["id"] = f"more-{n:04d}"
        event["seq"] = n + 10
    status, answer = post(client, more, vos)                 # 2 + 4 events > 5 an hour
    assert status == 429 and answer["reason"] == "quota"
    assert post(client, more, vos)[0] == 429                 # still too many: not counted
    response = client.post(EVENTS, json=batch(*moments()), headers=vos)
    assert response.status_code == 429                       # the 4th batch this minute
    assert int(response.headers["Retry-After"]) > 0
    assert response.get_json()["reason"] == "rate_limited"
    assert [client.get(f"/api/v1/classes/ZZ{n}").status_code for n in range(3)] == \
        [404, 404, 429]
    assert client.get("/api/v1/classes/1B").status_code == 429   # the prober waits a minute
    assert client.get("/api/v1/classes/1B", environ_base={"REMOTE_ADDR": "10.0.0.7"}
                      ).status_code == 200                      # a game elsewhere does not


def test_sign_in_is_limited_before_the_password_is_checked_and_nobody_sleeps(log_copy):
    app = dashboard(log_copy, limits={"sign_in_address": "3 per minute",
                                      "sign_in_total": "5 per minute"})
    client = app.test_client()
    token = csrf_token(client)
    start = time.perf_counter()
    answers = [client.post("/login", data={"password": f"gok-{n}", "csrf_token": token}
                           ).status_code for n in range(4)]
    assert answers == [401, 401, 401, 429]
    assert time.perf_counter() - start < 2                    # refused at once, no sleeping
    right = client.post("/login", data={"password": "juf-en-meester", "csrf_token": token})
    assert right.status_code == 429                           # the right one waits too
    assert int(right.headers["Retry-After"]) > 0
    assert shows(right.get_data(as_text=True), "sign_in_wait")    # how long, in words
    other = app.test_client()                                 # in total: other addresses too
    for n in range(3):
        other.post("/login", data={"password": "x", "csrf_token": csrf_token(other)},
                   environ_base={"REMOTE_ADDR": f"10.0.0.{n}"})
    response = other.post("/login", data={"password": "juf-en-meester",
                                          "csrf_token": csrf_token(other)},
                          environ_base={"REMOTE_ADDR": "10.0.0.99"})
    assert response.status_code == 429


# --- 4. redirects and cookies -----------------------------------------------------------

@pytest.mark.parametrize("target", ["/%09/evil.example/x", "//evil.example/x",
                                    "/\\evil.example", "https://evil.example/",
                                    "/%0d%0a/evil.example", "javascript:alert(1)"])
def test_next_never_leaves_the_dashboard(log_copy, target):
    app = dashboard(log_copy)
    client = app.test_client()
    response = client.get(f"/language/nl?next={target}")
    assert response.status_code == 302 and response.location == "/"
    response = client.post("/login", data={"password": "juf-en-meester",
                                            "next": urllib.parse.unquote(target),
                                            "csrf_token": csrf_token(client)})
    assert response.status_code == 302 and response.location == "/"


def test_a_local_next_is_kept(log_copy):
    client = dashboard(log_copy).test_client()
    response = client.post("/login", data={"password": "juf-en-meester",
                                           "next": "/class/1B?live=1",
                                           "csrf_token": csrf_token(client)})
    assert response.location == "/class/1B?live=1"


def test_a_cookie_replayed_after_sign_out_is_worthless(log_copy):
    app = dashboard(log_copy)
    client = signed_in(app)
    cookie = client.get_cookie("session").value
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    assert thief.get("/").status_code == 302
    again = dashboard(log_copy)     # also after a restart: the version is kept with the hash
    thief = again.test_client()
    thief.set_cookie("session", cookie)
    assert thief.get("/").status_code == 302


# --- 5. headers and error answers -------------------------------------------------------

def test_every_answer_has_the_security_headers_and_the_api_answers_json(teacher_db):
    app = dashboard(teacher_db)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    client = signed_in(app)
    for path in ("/", "/classes", "/login", "/static/style.css", "/favicon.ico",
                 "/api/v1/classes/1B", "/nergens"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, path
        assert "unsafe-inline" not in csp, path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "no-referrer", path
    from teacher_dashboard import queries

    def broken(*_args):
        raise RuntimeError("a bug")

    original = queries.class_code
    queries.class_code = broken
    try:
        response = client.get("/api/v1/classes/1B")
    finally:
        queries.class_code = original
    assert response.status_code == 500 and response.get_json()["reason"] == "server"


def test_no_page_has_inline_script_or_style(log_copy):
    client = signed_in(dashboard(log_copy))
    session = sqlite3.connect(log_copy).execute("select id from sessions limit 1").fetchone()[0]
    for path in ("/", "/pupil/1B-Vos-01", f"/session/{session}/sheet", "/classes",
                 "/class/1B?live=1", "/data"):
        page = client.get(path).get_data(as_text=True)
        assert " onclick=" not in page and " onchange=" not in page, path
        assert "<script>" not in page and " style=" not in page, path


# --- 6. the write path heals -------------------------------------------------------------

def test_a_locked_log_is_busy_not_damaged_and_the_next_write_works(teacher_db):
    app = dashboard(teacher_db)
    client = app.test_client()
    vos = join(client, "Vos")
    mentor = signed_in(app)
    token = csrf_token(mentor, "/classes")
    holder = sqlite3.connect(teacher_db, timeout=0.1)
    holder.execute("BEGIN IMMEDIATE")                 # another program writes, for long
    try:
        status, answer = post(client, batch(*moments()), vos)
        assert status == 503 and answer["reason"] == "log_busy"
        page = mentor.post("/classes/1B/close", data={"csrf_token": token})
        assert page.status_code == 503
        assert shows(page.get_data(as_text=True), "log_busy")
        assert not shows(page.get_data(as_text=True), "log_damaged")
    finally:
        holder.rollback()
        holder.close()
    assert post(client, batch(*moments()), vos) == (200, {"stored": 2, "already_had": 0})
    assert mentor.post("/classes/1B/close", data={"csrf_token": token}).status_code == 302


def test_a_replaced_log_is_written_not_the_deleted_one_and_a_gone_log_refuses(teacher_db):
    client = dashboard(teacher_db).test_client()
    vos = join(client, "Vos")
    assert post(client, batch(ClueFound(clue="a")), vos)[0] == 200
    copy = teacher_db.with_name("kopie.sqlite")
    with sqlite3.connect(teacher_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    os.replace(copy, teacher_db)                       # a backup put back while it runs
    second = batch(ClueFound(clue="b"))
    second["events"][0]["id"] = "after-the-restore"
    second["events"][0]["seq"] = 2
    assert post(client, second, vos)[0] == 200
    assert count(teacher_db) == 2                      # in the file that is there now
    for side in ("", "-wal", "-shm"):
        Path(f"{teacher_db}{side}").unlink(missing_ok=True)
    third = batch(ClueFound(clue="c"))
    third["events"][0]["id"] = "into-the-void"
    status, answer = post(client, third, vos)
    assert status == 503 and answer["reason"] == "unavailable"
    assert not teacher_db.exists()


# --- 7. deletion you can prove -------------------------------------------------------------

MARKER = "ZEBRAPAD-7f3a"


def _send_marked_pupil(client) -> None:
    choice = ChoiceMade.build(
        dialogue="kim", node="start", character="kim",
        said_before=[SaidLine(speaker="kim", nl=f"Wat vind jij? {MARKER}", en="So?")],
        options=[Option(id="a", nl=f"Ik zeg {MARKER} tegen iedereen", en="a"),
                 Option(id="b", nl="nee", en="no")], chosen_index=0)
    pupil = f"Agent-{MARKER}"
    body = batch(choice, *moments(), pupil=pupil)
    assert post(client, body, join(client, pupil))[0] == 200


def _grep(db: Path) -> bool:
    found = False
    for side in ("", "-wal"):
        path = Path(f"{db}{side}")
        if path.exists():
            found = found or MARKER.encode() in path.read_bytes()
    return found


def test_a_deleted_pupil_is_gone_from_the_file_and_the_wal_even_with_a_reader(teacher_db):
    app = dashboard(teacher_db)
    client = app.test_client()
    _send_marked_pupil(client)
    stays = batch(*moments(), session="v" * 36)
    assert post(client, stays, join(client, "Vos"))[0] == 200    # someone who stays
    assert _grep(teacher_db)
    mentor = signed_in(app)
    token = csrf_token(mentor, "/data")
    reader = sqlite3.connect(teacher_db)
    reader.execute("BEGIN")
    reader.execute("select count(*) from events").fetchone()  # holds an old snapshot
    answers = []
    deleting = threading.Thread(target=lambda: answers.append(mentor.post(
        "/data/delete", data={"csrf_token": token, "pupil": f"Agent-{MARKER}",
                              "confirm": f"Agent-{MARKER}"}, follow_redirects=True)))
    deleting.start()
    time.sleep(0.5)
    assert deleting.is_alive()                                # it waits for the reader
    reader.rollback()
    reader.close()
    deleting.join(timeout=10)
    page = answers[0].get_data(as_text=True)
    assert shows(page, "deleted", pupil=f"Agent-{MARKER}")
    assert not shows(page, "delete_not_purged")
    assert not _grep(teacher_db)
    assert count(teacher_db) == 2                             # Vos's events stay


def test_a_deletion_a_reader_keeps_from_finishing_says_so_and_finishes_at_the_next_start(
        teacher_db, monkeypatch):
    monkeypatch.setattr(admin, "PURGE_SECONDS", 0.2)
    monkeypatch.setattr(admin.delete_pupil, "__kwdefaults__", {"wait_seconds": 0.2})
    app = dashboard(teacher_db)
    _send_marked_pupil(app.test_client())
    mentor = signed_in(app)
    reader = sqlite3.connect(teacher_db)
    reader.execute("BEGIN")
    reader.execute("select count(*) from events").fetchone()
    page = mentor.post("/data/delete", data={
        "csrf_token": csrf_token(mentor, "/data"), "pupil": f"Agent-{MARKER}",
        "confirm": f"Agent-{MARKER}"}, follow_redirects=True).get_data(as_text=True)
    assert shows(page, "delete_not_purged")
    reader.rollback()
    reader.close()
    assert admin.finish_deletions(teacher_db)                  # what the next start does
    assert not _grep(teacher_db)


# --- 8. imports --------------------------------------------------------------------------

def _export_with(tmp_path: Path, sql: str) -> Path:
    """A real export of one pupil, then changed by `sql`."""
    from game.journal.exports import export_pupil

    db = tmp_path / "bron.sqlite"
    admin.open_class(db, "1B")
    client = dashboard(db).test_client()
    post(client, batch(*moments()), join(client, "Vos"))
    out = tmp_path / "vos.sqlite"
    export_pupil(db, "Vos", out)
    with sqlite3.connect(out) as con:
        con.executescript(sql)
    return out


EXPENSIVE = """with recursive n(i) as (select 1 union all select i + 1 from n)
               select i as id, 'x' as display_name, 'y' as created_at from n"""


@pytest.mark.parametrize(("name", "make"), [
    ("rommel.sqlite", lambda tmp: tmp.joinpath("r").write_bytes(b"SQLite format 3\x00" +
                                                                 os.urandom(5000)) and
     tmp / "r"),
    ("vreemd.sqlite", lambda tmp: _foreign(tmp)),
    ("views.sqlite", lambda tmp: _export_with(
        tmp, f"drop table pupils; create view pupils as {EXPENSIVE};")),
    ("migraties.sqlite", lambda tmp: _export_with(
        tmp, "alter table _sqlite_migrations rename to m; create view _sqlite_migrations "
             f"as select * from m, ({EXPENSIVE});")),
    ("zwerver.sqlite", lambda tmp: _export_with(
        tmp, "update events set session_id = 'weg';")),
    ("typen.sqlite", lambda tmp: _export_with(
        tmp, "update events set seq = 'veel' where seq = 1;")),
    ("zonder-id.jsonl", lambda tmp: _jsonl(tmp, {"type": "pupil", "created_at": STAMP})),
    ("diep.jsonl", lambda tmp: _jsonl_text(tmp, '{"type": "pupil", "id": ' +
                                           "[" * 100_000 + "]" * 100_000 + "}")),
    ("seq.jsonl", lambda tmp: _jsonl(tmp, {"type": "pupil", "id": "Vos", "created_at": STAMP},
                                     {"type": "session", "id": SESSION, "pupil_id": "Vos",
                                      "level": "x", "started_at": STAMP},
                                     {"type": "event", "id": "e" * 10, "session_id": SESSION,
                                      "seq": {"a": 1}, "kind": "quit", "wall_time": STAMP,
                                      "payload": "{}"})),
    ("binair.jsonl", lambda tmp: tmp.joinpath("b").write_bytes(b"\xff\xfe\x00" * 100) and
     tmp / "b"),
])
def test_a_bad_import_is_a_clear_message_never_a_500(teacher_db, tmp_path, name, make):
    made: Path = make(tmp_path)
    app = dashboard(teacher_db)
    mentor = signed_in(app)
    before = count(teacher_db)
    start = time.perf_counter()
    response = mentor.post("/data/import", data={
        "csrf_token": csrf_token(mentor, "/data"), "file": (made.open("rb"), name)},
        content_type="multipart/form-data", follow_redirects=True)
    assert response.status_code == 200
    assert shows(response.get_data(as_text=True), "import_failed")
    assert time.perf_counter() - start < 10
    assert count(teacher_db) == before


def _foreign(tmp: Path) -> Path:
    path = tmp / "vreemd.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("create table leerlingen (naam text)")
    return path


def _jsonl(tmp: Path, *lines: dict) -> Path:
    head = {"type": "meta", "format": "alien-op-school-log", "schema": 1}
    return _jsonl_text(tmp, "\n".join(json.dumps(line) for line in (head, *lines)))


def _jsonl_text(tmp: Path, text: str) -> Path:
    path = tmp / "export.jsonl"
    if not text.startswith('{"type": "meta"'):
        text = json.dumps({"type": "meta", "format": "alien-op-school-log",
                           "schema": 1}) + "\n" + text
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_export_still_imports(teacher_db, tmp_path):
    out = _export_with(tmp_path, "")
    mentor = signed_in(dashboard(teacher_db))
    response = mentor.post("/data/import", data={
        "csrf_token": csrf_token(mentor, "/data"), "file": (out.open("rb"), "vos.sqlite")},
        content_type="multipart/form-data", follow_redirects=True)
    assert shows(response.get_data(as_text=True), "import_done")
    assert count(teacher_db) == 2


def test_the_shipped_level_folder_is_what_a_session_may_name(tmp_path):
    from teacher_dashboard.names import LevelNames

    assert LevelNames("eerste-week", "nl").level is not None
    for sneaky in ("../levels/eerste-week", str(Path.cwd() / "levels" / "eerste-week"),
                   "maps/../eerste-week"):
        assert LevelNames(sneaky, "nl").level is None


def test_simulate_sends_the_bots_events_through_the_uploader(teacher_db, tmp_path):
    import main
    from tests.class_helpers import LiveServer
    from tests.conftest import TEST_CLASS_LEVEL

    server = LiveServer(dashboard(teacher_db))
    bots = tmp_path / "bots.sqlite"
    try:
        code = main.main(["simulate", "--pupils", "2", "--sessions", "1", "--db", str(bots),
                          "--class", "1b", "--server", server.url,
                          "--level", str(TEST_CLASS_LEVEL)])
    finally:
        server.down()
    assert code == 0
    with sqlite3.connect(bots) as con:
        sent = sorted(r[0] for r in con.execute("select id from events"))
    with sqlite3.connect(teacher_db) as con:
        arrived = sorted(r[0] for r in con.execute("select id from events"))
        claimed = con.execute("select count(*) from class_pupils "
                              "where secret_hash is not null").fetchone()[0]
    assert arrived == sent and claimed == 2
    shutil.rmtree(tmp_path / "nothing", ignore_errors=True)


def test_an_import_that_keeps_sqlite_busy_is_stopped_by_the_time_limit(tmp_path, monkeypatch):
    from game.journal import transfer

    monkeypatch.setattr(transfer, "IMPORT_SECONDS", 0.2)
    path = _foreign(tmp_path)
    conn = transfer._untrusted(path)
    start = time.perf_counter()
    with pytest.raises(sqlite3.OperationalError, match="interrupt"):
        conn.execute("with recursive n(i) as (select 1 union all select i + 1 from n) "
                     "select count(*) from n").fetchone()
    assert time.perf_counter() - start < 2
    conn.close()


def test_a_game_whose_name_is_taken_waits_and_sends_once_the_mentor_releases_it(
        teacher_db, tmp_path, class_content):
    from game.journal.upload import Uploader
    from tests.class_helpers import LiveServer, event_ids, local_logs

    (log,) = local_logs(class_content, tmp_path, 1)
    with sqlite3.connect(log) as con:
        pupil = con.execute("select id from pupils").fetchone()[0]
    app = dashboard(teacher_db)
    old_laptop = join(app.test_client(), pupil, secret="o" * 43)
    assert post(app.test_client(), batch(*moments(), pupil=pupil, session="o" * 36),
                old_laptop)[0] == 200
    server = LiveServer(app)
    try:
        uploader = Uploader(log, server.url, "1B")
        progress = uploader.flush(seconds=2)
        assert progress.problem and progress.pending > 0           # told, and kept here
        with sqlite3.connect(log) as con:                          # not a final refusal
            assert con.execute("select count(*) from uploads where problem is not null"
                               ).fetchone()[0] == 0
        mentor = signed_in(app)
        mentor.post("/pupil-release", data={"csrf_token": csrf_token(mentor, "/data"),
                                            "pupil": pupil})
        uploader._not_before = 0.0                                 # no need to wait 5 s here
        progress = uploader.flush(seconds=10)
        assert progress.pending == 0 and progress.problem is None
        assert set(event_ids(log)) <= set(event_ids(teacher_db))
    finally:
        server.down()
