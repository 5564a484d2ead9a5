"""The class server: pupils' games send their class sessions; every event arrives once."""

from __future__ import annotations

import json
import sqlite3
import threading
import time

import pytest

from game.events.case import ClueFound
from game.events.homework import HomeworkNoted
from game.events.lessons import LessonLate
from game.events.talking import ChoiceMade, Option
from game.journal import admin
from game.journal.upload import Progress, Uploader, check_class
from game.sim.simulate import simulate
from tests.class_helpers import LiveServer, Outage, batch, event_ids, join, local_logs
from tests.dashboard_helpers import dashboard


def test_thirty_pupils_send_at_once_through_an_outage_and_every_event_arrives_once(
        tmp_path, class_content):
    teacher_db = tmp_path / "leraar" / "journal.sqlite"
    teacher_db.parent.mkdir()
    admin.open_class(teacher_db, "1B")
    # The school network fails the first 30 batches, then loses the replies of the next 15
    # (stored, but the games never hear it, so they send those batches again).
    outage = Outage(dashboard(teacher_db), refused=30, replies_lost=15)
    server = LiveServer(outage)
    logs = local_logs(class_content, tmp_path, 30)
    sent_ids = [i for path in logs for i in event_ids(path)]
    uploaders = [Uploader(path, server.url, "1B", batch=10) for path in logs]
    results: dict[int, Progress] = {}

    def send(n: int) -> None:
        results[n] = uploaders[n].flush(seconds=40)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(30)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not any(thread.is_alive() for thread in threads), "an uploader did not stop"

        assert all(results[n].pending == 0 and results[n].problem is None for n in range(30))
        assert sum(results[n].failures for n in range(30)) == outage.failed == 45
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
        assert again.flush(seconds=10).pending == 0
        with sqlite3.connect(teacher_db) as con:
            assert con.execute("select count(*) from events").fetchone()[0] == len(sent_ids)
    finally:
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


def _post(client, body, code: str = "1B"):
    response = client.post(f"/api/v1/classes/{code}/events", json=body,
                           headers=join(client, body["pupil"]["id"] if isinstance(
                               body.get("pupil"), dict) else "Vos", code))
    return response.status_code, (response.get_json() or {}).get("error", "")


@pytest.fixture
def api_client(tmp_path):
    teacher_db = tmp_path / "leraar.sqlite"
    admin.open_class(teacher_db, "1B")
    return dashboard(teacher_db).test_client()


def moments():
    return (LessonLate(lesson="wiskunde", minutes_late=3),
            ClueFound(clue="groene-das"),
            HomeworkNoted(homework="sommen"))


def test_a_well_formed_batch_is_stored_once(api_client):
    assert _post(api_client, batch(*moments())) == (200, "")
    again = api_client.post("/api/v1/classes/1B/events", json=batch(*moments()),
                            headers=join(api_client))
    assert again.get_json() == {"stored": 0, "already_had": 3}


def test_a_malformed_batch_gets_a_clear_400(api_client):
    status, error = _post(api_client, {"pupil": "nobody"})
    assert status == 400 and error.startswith("pupil")
    response = api_client.post("/api/v1/classes/1B/events", data="not json",
                               content_type="application/json")
    assert response.status_code == 400
    hacked = batch(*moments())
    hacked["events"][0]["kind"] = "hacked"
    status, error = _post(api_client, hacked)
    assert status == 400 and error.startswith("events.0.kind:") and "hacked" in error
    other = batch(*moments(), code="2C")
    status, error = _post(api_client, other)
    assert status == 400 and error.startswith("session.class_code")
    stray = batch(*moments())
    stray["events"][2]["session_id"] = "t" * 36
    status, error = _post(api_client, stray)
    assert status == 400 and error.startswith("events.2.session_id")
    assert _post(api_client, batch(*moments()), code="9Z")[0] == 404


@pytest.mark.parametrize(("field", "value", "named"), [
    ("minutes_late", "veel", "events.0.payload.minutes_late"),       # not a number
    ("minutes_late", -5, "events.0.payload.minutes_late"),           # out of range
    ("teleported_to", "mars", "events.0.payload.teleported_to"),     # a forged field
    ("lesson", None, "events.0.payload.lesson"),                     # a missing id
])
def test_a_payload_that_is_not_valid_for_its_kind_is_refused_by_its_field(
        api_client, field, value, named):
    forged = batch(*moments())
    payload = json.loads(forged["events"][0]["payload"])
    payload[field] = value
    forged["events"][0]["payload"] = json.dumps(payload)
    status, error = _post(api_client, forged)
    assert status == 400 and error.startswith(f"{named}:"), error


def test_a_forged_choice_is_refused_by_its_field(api_client):
    choice = ChoiceMade.build(dialogue="kim", node="start", character="kim", said_before=[],
                              options=[Option(id="a", nl="ja", en="yes"),
                                       Option(id="b", nl="nee", en="no")], chosen_index=1)
    forged = batch(*moments(), choice)
    payload = json.loads(forged["events"][3]["payload"])
    payload["aspects"] = {"respect": 100}
    forged["events"][3]["payload"] = json.dumps(payload)
    status, error = _post(api_client, forged)
    assert status == 400 and error.startswith("events.3.payload.aspects.respect:"), error
    payload = {**json.loads(batch(choice)["events"][0]["payload"]), "chosen": "a"}
    forged["events"][3]["payload"] = json.dumps(payload)   # not the option at chosen_index
    status, error = _post(api_client, forged)
    assert status == 400 and error.startswith("events.3.payload:"), error
    forged["events"][3]["payload"] = "[1, 2]"
    status, error = _post(api_client, forged)
    assert status == 400 and error.startswith("events.3.payload:"), error


@pytest.mark.parametrize("stamp", ["x", "2026-11-23", "2026-11-23T10:00:00",
                                   "1999-12-31T23:00:00+00:00", "2150-01-01T00:00:00+00:00"])
@pytest.mark.parametrize("where", ["events.1.wall_time", "session.started_at",
                                   "session.ended_at", "pupil.created_at"])
def test_a_time_that_is_not_a_real_moment_is_refused_by_its_field(api_client, stamp, where):
    forged = batch(*moments())
    part, *rest = where.split(".")
    target = forged[part][int(rest[0])] if part == "events" else forged[part]
    target[rest[-1]] = stamp
    status, error = _post(api_client, forged)
    assert status == 400 and error.startswith(f"{where}:"), error


def test_times_in_other_zones_are_fine(api_client):
    body = batch(*moments())
    body["events"][0]["wall_time"] = "2026-11-23T11:00:00+01:00"
    body["session"]["ended_at"] = "2026-11-23T10:30:00Z"
    assert _post(api_client, body) == (200, "")


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

