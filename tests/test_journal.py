"""The choice log: schema, migrations, bad files, export and import, xAPI shape."""

from __future__ import annotations

import json
import re
import sqlite3
import time
import uuid

import pytest
from sqlite_utils import Database

from game.events import Event
from game.events.moving import RoomEntered
from game.events.talking import ChoiceMade, Option
from game.journal import schema
from game.journal.exports import export_pupil
from game.journal.journal import Journal
from game.journal.store import JournalError, open_for_reading, open_log
from game.journal.transfer import import_file
from game.journal.writer import SessionInfo
from game.journal.xapi import DEFAULT_BASE
from game.session import Player, PlaySession

INFO = SessionInfo(pupil="Agent Kiwi", level="proefweek", seed=7, language="nl",
                   settings={"text_speed": "normal"})


def choice_event(minute: float = 480, chosen: int = 0) -> Event:
    options = [Option(id="a", nl="ja", en="yes"), Option(id="b", nl="nee", en="no")]
    return Event(ChoiceMade.build(dialogue="kim", node="start", character="kim",
                                  said_before=[], options=options, chosen_index=chosen),
                 minute, "aula", "dag-1")


def room_event(minute: float = 480) -> Event:
    return Event(RoomEntered(room="aula", floor=0), minute, "aula", "dag-1")


def _play_a_little(content, db_path, pupil="Agent Kiwi"):
    """A real play session written through the log, with one choice."""
    journal = Journal.open(db_path)
    session = PlaySession(content, Player(pupil, "nl", {"text_speed": "normal"}),
                          journal=journal, seed=7)
    world = session.start()
    conversation = world.talk(world.npcs["kim"])
    assert conversation is not None
    while not conversation.at_choice:
        conversation.advance()
    conversation.choose(0)
    session.quit()
    journal.close()
    assert session.log is not None
    return session.log.id


def test_a_new_log_has_the_schema_in_wal_mode(tmp_path):
    opened = open_log(tmp_path / "log.sqlite")
    db = opened.db
    assert {"pupils", "sessions", "events"} <= set(db.table_names())
    assert "choices" in db.view_names()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema.version_of(db) == schema.SCHEMA_VERSION == 8
    assert set(db["sessions"].columns_dict) >= {
        "pupil_id", "level", "seed", "app_version", "language", "settings", "class_code",
        "started_at", "ended_at"}
    assert set(db["events"].columns_dict) >= {
        "session_id", "seq", "id", "kind", "wall_time", "game_time", "location", "payload"}


def test_a_choice_is_stored_with_its_context_and_readable_in_the_choices_view(content, tmp_path):
    path = tmp_path / "log.sqlite"
    session_id = _play_a_little(content, path)
    db = open_for_reading(path)
    kinds = [r[0] for r in db.execute(
        "select kind from events where session_id = ? order by seq", [session_id])]
    assert kinds[0] == "level_start" and "choice" in kinds and kinds[-1] == "quit"
    row = next(db.query("select * from choices"))
    assert row["pupil_id"] == "Agent Kiwi" and row["dialogue"] == "kim"
    said = json.loads(row["said_before"])
    assert said[0]["speaker"] == "kim" and said[0]["nl"]
    options = json.loads(row["options"])
    assert len(options) >= 2 and row["chosen"] == options[0]["id"]
    assert json.loads(row["chosen_text"])["nl"] == options[0]["nl"]
    assert row["response_ms"] >= 0 and row["game_time"] == "08:15"  # the day starts at 08:15
    session = next(db.query("select * from sessions"))
    assert session["ended_at"] and json.loads(session["settings"]) == {"text_speed": "normal"}


def test_an_old_log_is_migrated_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.sqlite"
    db = Database(path)
    schema.MIGRATIONS.apply(db, stop_before="m002_class_code")  # the first release's schema
    db["pupils"].insert({"id": "Vos", "created_at": "2026-09-01T08:00:00+00:00"})
    db["sessions"].insert({"id": "s1", "pupil_id": "Vos", "level": "eerste-week",
                           "started_at": "2026-09-01T08:00:00+00:00"})
    db["events"].insert({"id": str(uuid.uuid4()), "session_id": "s1", "seq": 1,
                         "kind": "choice", "wall_time": "2026-09-01T08:01:00+00:00",
                         "payload": json.dumps({"dialogue": "noor", "chosen": "hoi"})})
    db.close()
    assert schema.version_of(Database(path)) == 1
    opened = open_log(path)
    assert opened.notice is None and schema.version_of(opened.db) == schema.SCHEMA_VERSION
    assert "class_code" in opened.db["sessions"].columns_dict
    assert [r["chosen"] for r in opened.db.query("select chosen from choices")] == ["hoi"]


def test_a_corrupt_file_is_kept_aside_and_a_new_log_started(tmp_path):
    path = tmp_path / "journal.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 3000)
    opened = open_log(path)
    kept = [p for p in tmp_path.iterdir() if ".kapot-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"SQLite format 3")
    assert opened.notice and "kapot" in opened.notice and kept[0].name in opened.notice
    assert schema.version_of(opened.db) == schema.SCHEMA_VERSION


def test_a_text_file_and_a_foreign_database_are_kept_aside(tmp_path):
    text = tmp_path / "a.sqlite"
    text.write_text("dit is geen database\n")
    assert "geen SQLite" in open_log(text).notice
    foreign = tmp_path / "b.sqlite"
    Database(foreign)["recipes"].insert({"name": "pannenkoek"})
    notice = open_log(foreign).notice
    assert "andere database" in notice
    kept = next(p for p in tmp_path.iterdir() if p.name.startswith("b.onbekend-"))
    assert list(Database(kept)["recipes"].rows) == [{"name": "pannenkoek"}]


def test_a_log_from_a_newer_version_is_never_written(content, tmp_path):
    path = tmp_path / "journal.sqlite"
    _play_a_little(content, path)
    db = Database(path)
    db["_sqlite_migrations"].insert({"migration_set": schema.MIGRATION_SET,
                                     "name": "m999_from_the_future", "applied_at": "2027"})
    db.close()
    before = path.read_bytes()
    journal = Journal.open(path)
    assert journal.read_only and "nieuwere versie" in journal.notice
    session = journal.start_session(INFO)
    session.record(choice_event())
    journal.close()
    assert path.read_bytes() == before
    with pytest.raises(JournalError, match="nieuwere versie"):
        import_file(path, path)


def test_export_then_import_is_idempotent(content, tmp_path):
    home = tmp_path / "home.sqlite"
    _play_a_little(content, home, "Agent Kiwi")
    _play_a_little(content, home, "Uil")
    mentor = tmp_path / "mentor.sqlite"
    for fmt in ("sqlite", "jsonl"):
        out = tmp_path / f"kiwi.{fmt}"
        rows = export_pupil(home, "Agent Kiwi", out, fmt)
        assert len(rows.sessions) == 1 and len(rows.events) >= 3
        first = import_file(out, mentor)
        again = import_file(out, mentor)
        assert again.events == 0 and again.sessions == 0 and again.pupils == 0
        assert again.skipped_events == len(rows.events)
        if fmt == "sqlite":
            assert first.events == len(rows.events) and first.pupils == 1
        else:
            assert first.events == 0  # the sqlite export brought the same events already
    db = open_for_reading(mentor)
    assert [r[0] for r in db.execute("select id from pupils")] == ["Agent Kiwi"]
    assert db.execute("select count(*) from events").fetchone()[0] == len(rows.events)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_export_names_an_unknown_pupil_and_refuses_to_overwrite(content, tmp_path):
    home = tmp_path / "home.sqlite"
    _play_a_little(content, home)
    with pytest.raises(JournalError, match="onbekende leerling.*'Kiwi'.*Agent Kiwi"):
        export_pupil(home, "Kiwi", tmp_path / "x.sqlite")
    existing = tmp_path / "er-al.jsonl"
    existing.write_text("bewaren\n")
    with pytest.raises(JournalError, match="bestaat al"):
        export_pupil(home, "Agent Kiwi", existing, "jsonl")
    assert existing.read_text() == "bewaren\n"


def test_importing_a_broken_jsonl_file_names_the_line_and_changes_nothing(content, tmp_path):
    home = tmp_path / "home.sqlite"
    _play_a_little(content, home)
    out = tmp_path / "kiwi.jsonl"
    export_pupil(home, "Agent Kiwi", out, "jsonl")
    lines = out.read_text().splitlines()
    lines[3] = lines[3][:20]
    out.write_text("\n".join(lines) + "\n")
    mentor = tmp_path / "mentor.sqlite"
    with pytest.raises(JournalError, match=r"kiwi\.jsonl:4: "):
        import_file(out, mentor)
    assert not mentor.exists()


UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_xapi_statements_have_the_shape_a_learning_platform_expects(content, tmp_path):
    home = tmp_path / "home.sqlite"
    session_id = _play_a_little(content, home)
    out = tmp_path / "kiwi.json"
    export_pupil(home, "Agent Kiwi", out, "xapi", xapi_home="https://leerplatform.example")
    statements = json.loads(out.read_text())
    assert len({s["id"] for s in statements}) == len(statements)
    for s in statements:
        assert UUID.match(s["id"]) and s["version"] == "1.0.3"
        assert s["actor"] == {"objectType": "Agent", "account": {
            "homePage": "https://leerplatform.example", "name": "Agent Kiwi"}}
        assert "mbox" not in json.dumps(s["actor"])
        assert s["verb"]["id"].startswith(("http://adlnet.gov/expapi/verbs/",
                                           f"{DEFAULT_BASE}/verbs/"))
        assert set(s["verb"]["display"]) == {"nl-NL", "en-GB"}
        assert s["object"]["objectType"] == "Activity"
        assert s["object"]["id"].startswith(f"{DEFAULT_BASE}/levels/proefweek")
        assert s["context"]["registration"] == session_id
        assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$", s["timestamp"])
    choice = next(s for s in statements if s["verb"]["id"].endswith("/answered"))
    definition = choice["object"]["definition"]
    assert definition["interactionType"] == "choice"
    assert definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
    ids = [c["id"] for c in definition["choices"]]
    assert choice["result"]["response"] in ids and len(ids) >= 2
    assert all(set(c["description"]) == {"nl-NL", "en-GB"} for c in definition["choices"])
    assert re.match(r"^PT\d+(\.\d+)?S$", choice["result"]["duration"])
    assert f"{DEFAULT_BASE}/extensions/aspects" in choice["result"]["extensions"]
    said = choice["context"]["extensions"][f"{DEFAULT_BASE}/extensions/said-before"]
    assert said and said[0]["speaker"] == "kim"


def test_a_batch_waits_at_most_a_second_but_a_choice_is_committed_at_once(tmp_path):
    now = [0.0]
    journal = Journal.open(tmp_path / "log.sqlite")
    from game.journal.writer import SessionLog

    session = SessionLog(journal.db, INFO, clock=lambda: now[0])
    reader = sqlite3.connect(tmp_path / "log.sqlite")

    def stored() -> list[str]:
        return [r[0] for r in reader.execute("select kind from events order by seq")]

    session.record(room_event(480))
    now[0] = 0.9
    session.tick()
    assert stored() == []
    now[0] = 1.0
    session.tick()
    assert stored() == ["room_entered"]
    session.record(choice_event(481))
    assert stored() == ["room_entered", "choice"]


def test_killing_the_game_mid_play_keeps_every_committed_choice(tmp_path):
    """SIGKILL a real headless game while it talks; the log must be intact and complete."""
    import os
    import signal
    import subprocess
    import sys
    import threading
    from pathlib import Path

    db = tmp_path / "journal.sqlite"
    player = Path(__file__).with_name("play_until_killed.py")
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    for target in (3, 12):  # killed early, and later with more history behind it
        proc = subprocess.Popen([sys.executable, str(player), str(tmp_path / "data"), str(db)],
                                stdout=subprocess.PIPE, text=True, env=env)
        reported = 0
        watchdog = threading.Timer(60, proc.kill)  # a game that stops talking fails, not hangs
        watchdog.start()
        while reported < target:
            line = proc.stdout.readline()
            if not line:
                break
            if line.startswith("CHOICE "):
                reported = int(line.split()[1])
        watchdog.cancel()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert reported >= target, "the game stopped making choices"
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        session = conn.execute("select id from sessions order by started_at desc, rowid desc"
                               " limit 1").fetchone()[0]
        stored = conn.execute("select count(*) from events where kind = 'choice' and "
                              "session_id = ?", [session]).fetchone()[0]
        seqs = [r[0] for r in conn.execute("select seq from events where session_id = ? "
                                           "order by seq", [session])]
        conn.close()
        assert stored >= reported
        assert seqs == list(range(1, len(seqs) + 1))  # no gaps: batches land whole or not


def test_the_title_screen_says_when_a_broken_log_was_set_aside(make_app, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.sqlite").write_text("kapot bestand\n")
    app = make_app()
    assert app.journal_notice and "journal.kapot-" in app.journal_notice
    assert app.journal is not None and not app.journal.read_only
    kept = [p.name for p in data.iterdir() if p.name.startswith("journal.kapot-")]
    assert len(kept) == 1 and (data / kept[0]).read_text() == "kapot bestand\n"
    app.draw()  # the notice is drawn on the title screen without trouble


def test_a_write_does_not_fail_when_another_connection_commits_in_between(tmp_path):
    """The game and its class-mode uploader both write the pupil's log. A transaction that
    reads, then writes, must wait for the other writer rather than fail (sqlite-utils'
    deferred atomic() fails here with "database is locked")."""
    from game.journal.store import writing

    path = tmp_path / "journal.sqlite"
    game = open_log(path).db
    uploader = Database(sqlite3.connect(path, timeout=0.2))
    with writing(game):
        game.execute("select count(*) from uploads").fetchone()     # read first ...
        # ... the other writer waits for the lock (here it gives up after 0.2 s)
        with pytest.raises(sqlite3.OperationalError), writing(uploader):
            uploader["uploads"].insert({"session_id": "s", "server": "x", "sent_seq": 1})
        game["uploads"].insert({"session_id": "g", "server": "x", "sent_seq": 2})
    assert [r["session_id"] for r in game["uploads"].rows] == ["g"]
    game.close()
    uploader.close()


def test_the_log_file_catches_up_in_the_background_not_inside_a_choice(tmp_path):
    """SQLite's own checkpoint would run inside one commit in a hundred (4-8 ms);
    the game turns it off and a background thread copies the WAL back."""
    from game.journal.checkpoint import Checkpointer

    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path)
    assert journal.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    session = journal.start_session(INFO)
    for i in range(1500):
        session.record(room_event(480 + i))
        if i % 100 == 0:
            session.flush()
    session.flush()

    def events_in_the_file_itself() -> int:  # `immutable` reads the main file, not the WAL
        with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as con:
            tables = {r[0] for r in con.execute("select name from sqlite_master")}
            return con.execute("select count(*) from events").fetchone()[0] \
                if "events" in tables else 0

    assert events_in_the_file_itself() < 1500            # still only in the WAL
    checkpointer = Checkpointer(path, every=0.05, wal_bytes=1).start()
    for _ in range(100):
        if checkpointer.checkpoints:
            break
        time.sleep(0.05)
    checkpointer.stop()
    assert events_in_the_file_itself() == 1500
    journal.close()
