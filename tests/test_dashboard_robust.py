"""Any row already in a log (from an older version, an import, a hand edit) is shown as
unreadable and skipped: never a 500, never a bar off its scale. And the smaller rules of
issue 17: the 3-pupil rule per aspect and for the live spread, CSV cells that are not
formulas, download names in any script, the pupil command with the LAN address."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest

from game.journal import admin
from game.journal.exports import EXPORTS
from tests.dashboard_helpers import dashboard, newest_session, shows, signed_in

PUPIL = "1B-Vos-01"
ABSURD = "9999-12-31T23:59:00-12:00"


def _bad_rows(db: Path) -> None:
    """What issue 17 found breaking pages, put straight into the log."""
    session = newest_session(db, PUPIL)
    with sqlite3.connect(db) as con:
        con.execute("update sessions set started_at = ? where id = ?", [ABSURD, session])
        con.execute("update pupils set created_at = 'gisteren' where id = ?", [PUPIL])
        con.execute("update sessions set level = '../../etc/passwd' where pupil_id = ? "
                    "and id != ?", ["1B-Uil-02", session])
        seq = con.execute("select max(seq) from events where session_id = ?",
                          [session]).fetchone()[0]
        choice = json.loads(con.execute(
            "select payload from events where kind = 'choice' and session_id = ? limit 1",
            [session]).fetchone()[0])
        rows = [
            ("choice", {**choice, "aspects": "abc"}),
            ("choice", {**choice, "aspects": {"respect": -1000}}),
            ("choice", {**choice, "aspects": {"respect": 1.5, "tolerance": "veel"}}),
            ("day_end", {"day": "dag-1", "lessons": "veel", "on_time": 1}),
            ("lesson_late", {"lesson": "wiskunde", "minutes_late": 10**12}),
            ("scene_end", "not json"),
            ("clue_found", "[" * 100_000 + "]" * 100_000),     # JSON too deep to read
        ]
        for n, (kind, payload) in enumerate(rows, start=1):
            text = payload if isinstance(payload, str) else json.dumps(payload)
            con.execute("insert into events (id, session_id, seq, kind, wall_time, "
                        "game_day, game_time, payload) values (?, ?, ?, ?, ?, ?, ?, ?)",
                        [f"slecht-{n}", session, seq + n, kind, ABSURD, 42, None, text])


def _bars(page: str) -> list[tuple[float, float]]:
    return [(float(x), float(w)) for x, w in re.findall(
        r'<rect class="fill [a-z]+" x="([-\d.]+)" y="0" width="([-\d.]+)"', page)]


def test_no_bad_row_breaks_a_page_or_an_export(log_copy):
    _bad_rows(log_copy)
    admin.set_setting(log_copy, admin.XAPI_HOME, "https://leerplatform.school.nl")
    client = signed_in(dashboard(log_copy))
    session = newest_session(log_copy, PUPIL)
    pages = ["/", "/?class=1B", f"/pupil/{PUPIL}", f"/pupil/{PUPIL}?session={session}",
             "/pupil/1B-Uil-02", f"/session/{session}/sheet", "/classes", "/class/1B",
             "/class/1B?live=1&projector=1", "/class/1B/live.json", "/data"]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
    story = client.get(f"/pupil/{PUPIL}?session={session}").get_data(as_text=True)
    assert shows(story, "ev_unreadable", n=7)
    assert ABSURD[:10] in client.get("/").get_data(as_text=True)   # shown as it is
    for fmt in EXPORTS:
        response = client.get(f"/data/export?pupil={PUPIL}&format={fmt}")
        assert response.status_code == 200, fmt
    profile = client.get("/class/1B").get_data(as_text=True)
    assert shows(profile, "class_unreadable", n=3)
    for x, width in _bars(profile):
        assert x >= 0 and width >= 0 and x + width <= 200      # never off the bar
    live = client.get("/class/1B/live.json").get_json()
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= 200 for b in live["bars"].values())


def test_a_tag_value_out_of_range_does_not_move_the_profile(log_copy):
    client = signed_in(dashboard(log_copy))
    before = client.get("/class/1B/live.json").get_json()["bars"]
    _bad_rows(log_copy)
    after = client.get("/class/1B/live.json").get_json()["bars"]
    assert {k: v for k, v in after.items() if k.startswith("aspect-")} == \
        {k: v for k, v in before.items() if k.startswith("aspect-")}


def _class_of(db: Path, pupils: dict[str, dict[str, int]]) -> None:
    """A class 2A whose pupils each made one choice with these tags."""
    admin.open_class(db, "2A")
    with sqlite3.connect(db) as con:
        for n, (pupil, aspects) in enumerate(pupils.items()):
            con.execute("insert into pupils values (?, null, '2026-11-23T10:00:00+00:00')",
                        [pupil])
            con.execute("insert into sessions (id, pupil_id, level, started_at, class_code) "
                        "values (?, ?, 'eerste-week', '2026-11-23T10:00:00+00:00', '2A')",
                        [f"sessie-{n}", pupil])
            payload = {"dialogue": "kim", "node": "start", "character": "kim",
                       "options": [{"id": "a", "nl": "ja", "en": "yes"}], "chosen": "a",
                       "chosen_index": 0, "chosen_text": {"nl": "ja", "en": "yes"},
                       "aspects": aspects}
            con.execute("insert into events (id, session_id, seq, kind, wall_time, payload) "
                        "values (?, ?, 1, 'choice', '2026-11-23T10:00:00+00:00', ?)",
                        [f"keuze-{n}", f"sessie-{n}", json.dumps(payload)])


def test_the_three_pupil_rule_holds_per_aspect(tmp_path):
    db = tmp_path / "klas.sqlite"
    _class_of(db, {"Vos": {"respect": 1, "trust": -2}, "Uil": {"respect": 2},
                   "Das": {"respect": 1}})
    client = signed_in(dashboard(db))
    page = client.get("/class/2A").get_data(as_text=True)
    bars = client.get("/class/2A/live.json").get_json()["bars"]
    assert bars["aspect-respect"]["width"] > 0                    # three pupils: shown
    assert bars["aspect-trust"]["width"] == 0                     # one pupil: not shown
    assert bars["aspect-trust"]["tone"] == "none"
    assert shows(page, "aspect_too_few", n=3)
    assert "-2.0" not in page and "-2,0" not in page


def test_the_live_spread_waits_for_three_answers(tmp_path):
    from game import paths
    from game.content.bundle import load_content
    from game.sim.simulate import simulate

    shipped_class = load_content(paths.CLASS_LEVEL)  # the dashboard names its scenes
    db = tmp_path / "klas.sqlite"
    admin.open_class(db, "1B")
    simulate(shipped_class, db, pupils=2, sessions=1, class_code="1B", seed=5)
    client = signed_in(dashboard(db))

    def spread() -> dict:
        bars = client.get("/class/1B/live.json").get_json()["bars"]
        return {k: v for k, v in bars.items() if k.startswith("spread-")}

    assert shows(client.get("/class/1B?live=1").get_data(as_text=True), "spread_waiting", n=3)
    assert spread() and all(b["width"] == 0 for b in spread().values())
    simulate(shipped_class, db, pupils=1, sessions=1, class_code="1B", seed=6, first=2)
    assert any(b["width"] > 0 for b in spread().values())


def test_csv_cells_are_never_formulas_and_names_in_any_script_download(log_copy):
    pupil = "Agent-Yıldız"
    with sqlite3.connect(log_copy) as con:
        con.execute("update pupils set id = ? where id = ?", [pupil, PUPIL])
        con.execute("update sessions set pupil_id = ? where pupil_id = ?", [pupil, PUPIL])
        row = con.execute("select e.id, e.payload from events e join sessions s on "
                          "s.id = e.session_id where s.pupil_id = ? and e.kind = 'choice' "
                          "limit 1", [pupil]).fetchone()
        payload = json.loads(row[1])
        evil = '=HYPERLINK("http://evil.example","klik")'
        payload["node"] = evil
        con.execute("update events set payload = ? where id = ?", [json.dumps(payload), row[0]])
    client = signed_in(dashboard(log_copy))
    response = client.get(f"/data/export?pupil={pupil}&format=csv")
    assert response.status_code == 200
    assert "filename*=UTF-8''Agent-Y%C4%B1ld%C4%B1z.csv" in response.headers[
        "Content-Disposition"]
    cells = [cell for line in csv.reader(io.StringIO(response.get_data(as_text=True)))
             for cell in line]
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert any(cell == "'" + evil for cell in cells)


@pytest.mark.parametrize(("host", "local"), [("0.0.0.0", False), ("127.0.0.1", True)])
def test_klassen_tells_pupils_the_lan_address(log_copy, monkeypatch, host, local):
    import teacher_dashboard.network as network

    monkeypatch.setattr(network, "lan_addresses", lambda: ["192.168.1.20"])
    client = signed_in(dashboard(log_copy, listen_host=host))
    admin.open_class(log_copy, "1B-KOMEET")
    page = client.get("/classes", environ_overrides={"SERVER_PORT": "8765"}
                      ).get_data(as_text=True)
    assert shows(page, "codes_local_only") is local
    assert shows(page, "codes_how", server="http://192.168.1.20:8765") is not local


def test_the_favicon_is_there_without_signing_in(log_copy):
    response = dashboard(log_copy).test_client().get("/favicon.ico")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
