"""xAPI a school's learning record store accepts: https ids under the school's base, one
definition per activity id, the content's Dutch and English names, the level and the day
as grouping, the pupil under the home page the teacher set once in the dashboard."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

import pytest
from dashboard_helpers import csrf_token, dashboard, shows, signed_in

from game.journal import admin
from game.journal.exports import export_pupil
from game.journal.xapi import DEFAULT_BASE, Where, statements
from teacher_dashboard.names import ContentNames
from tests.conftest import FIXTURES

HOME = "https://leerplatform.school.nl"
BASE = "https://xapi.school.nl/alien-op-school"


def fixture_names(level: str) -> ContentNames:
    return ContentNames(level, FIXTURES / "levels")


def pupils_of(log) -> list[str]:
    with sqlite3.connect(log) as con:
        return [row[0] for row in con.execute("select id from pupils order by id")]


@pytest.fixture(scope="module")
def exported(school_log, tmp_path_factory) -> list[dict]:
    """Every pupil of the test school's class, exported the way a school sends them."""
    folder = tmp_path_factory.mktemp("xapi")
    out = []
    for n, pupil in enumerate(pupils_of(school_log)):
        path = folder / f"{n}.xapi.json"
        export_pupil(school_log, pupil, path, "xapi", xapi_home=HOME, xapi_base=BASE,
                     names=fixture_names)
        out += json.loads(path.read_text(encoding="utf-8"))
    return out


def activities(statement: dict) -> list[dict]:
    return [statement["object"], *statement["context"]["contextActivities"]["grouping"]]


def test_every_statement_passes_ralphs_xapi_validator(exported):
    ralph = pytest.importorskip("ralph.models.xapi.base.statements",
                                reason="ralph-malph validates xAPI (pip install -e .[test])")
    assert len(exported) > 100
    for s in exported:
        ralph.BaseXapiStatement(**s)


def test_every_id_we_mint_is_https_under_the_schools_base(exported):
    assert "urn:" not in json.dumps(exported)
    for s in exported:
        assert s["actor"]["account"]["homePage"] == HOME
        for activity in activities(s):
            assert activity["id"].startswith(f"{BASE}/levels/proefweek")
            assert activity["definition"]["type"].startswith(("https://", "http://adlnet"))
        assert s["verb"]["id"].startswith(("http://adlnet.gov/expapi/verbs/", f"{BASE}/verbs/"))
        keys = [*s["context"]["extensions"], *s.get("result", {}).get("extensions", {})]
        assert keys and all(k.startswith(f"{BASE}/extensions/") for k in keys)


def test_one_definition_per_activity_id_across_pupils_and_days(exported):
    definitions = defaultdict(set)
    for s in exported:
        for activity in activities(s):
            definitions[activity["id"]].add(json.dumps(activity["definition"], sort_keys=True))
    assert len(definitions) > 20
    assert {i: d for i, d in definitions.items() if len(d) > 1} == {}


def test_level_and_day_group_each_statement_with_the_contents_names(exported):
    for s in exported:
        level, *day = s["context"]["contextActivities"]["grouping"]
        assert level["id"] == f"{BASE}/levels/proefweek"
        assert level["definition"]["name"] == {"nl-NL": "Proefweek", "en-GB": "Test week"}
        if s["context"]["extensions"][f"{BASE}/extensions/kind"] != "level_start":
            assert day, s["verb"]
    day_names = {json.dumps(g["definition"]["name"], sort_keys=True)
                 for s in exported for g in s["context"]["contextActivities"]["grouping"][1:]}
    assert json.dumps({"en-GB": "Test day one", "nl-NL": "Proefdag een"},
                      sort_keys=True) in day_names


def test_lessons_are_named_in_dutch_and_in_english(exported):
    lessons = {a["id"].rsplit("/", 1)[1]: a["definition"]["name"] for s in exported
               for a in activities(s) if "/lessons/" in a["id"]}
    assert lessons and all(name["nl-NL"] != name["en-GB"] for name in lessons.values())
    assert {"nl-NL": "Rekenen", "en-GB": "Maths"} in lessons.values()


def test_a_question_is_defined_by_its_file_else_its_id_names_what_was_seen(school_log):
    """One pupil saw two options, another three: the file's question lists all of them
    for both. A generated question (a lesson's talk) that no file describes has an id per
    definition seen, never one id with two definitions."""
    with sqlite3.connect(school_log) as con:
        con.row_factory = sqlite3.Row
        row = dict(con.execute("select * from events where kind = 'choice' and "
                               "json_extract(payload, '$.dialogue') = 'kim' limit 1").fetchone())
        session = dict(con.execute("select * from sessions where id = ?",
                                   [row["session_id"]]).fetchone())
    payload = json.loads(row["payload"])
    node = ContentNames("proefweek", FIXTURES / "levels").question(payload["dialogue"],
                                                                   payload["node"])
    assert node is not None and len(node[1]) >= 2

    def seen(n: int, dialogue: str, options: list[dict]) -> dict:
        changed = {**payload, "dialogue": dialogue, "options": options,
                   "chosen": options[0]["id"]}
        return {**row, "id": f"{row['id'][:-1]}{n}", "seq": n, "payload": json.dumps(changed)}

    one, two = payload["options"][:1], payload["options"][:2]
    made = statements("Uil", [session], [seen(1, "kim", one), seen(2, "kim", two),
                                         seen(3, "les", one), seen(4, "les", two)],
                      where=Where(home=HOME, base=BASE, names=fixture_names))
    kim1, kim2, les1, les2 = (s["object"] for s in made)
    assert kim1 == kim2 and kim1["id"].endswith(f"/dialogues/kim/nodes/{payload['node']}")
    assert [c["id"] for c in kim1["definition"]["choices"]] == [i for i, _ in node[1]]
    assert les1["id"] != les2["id"] and "/dialogues/les/nodes/" in les1["id"]
    assert len(les2["definition"]["choices"]) == 2


def test_the_teacher_sets_the_schools_platform_once_and_every_export_uses_it(log_copy):
    client = signed_in(dashboard(log_copy))
    pupil = pupils_of(log_copy)[0]
    refused = client.get(f"/data/export?pupil={pupil}&format=xapi")
    assert refused.status_code == 409
    assert shows(refused.get_data(as_text=True), "xapi_home_first")

    token = csrf_token(client, "/data")
    page = client.post("/data/xapi", data={"csrf_token": token, "home": "leerplatform"},
                       follow_redirects=True).get_data(as_text=True)
    assert shows(page, "xapi_bad_address")
    page = client.post("/data/xapi", data={"csrf_token": token, "home": HOME, "base": BASE},
                       follow_redirects=True).get_data(as_text=True)
    assert shows(page, "xapi_saved", home=HOME)
    with sqlite3.connect(log_copy) as con:  # kept in the log itself
        assert dict(con.execute("select key, value from settings")) == {
            "xapi_home": HOME, "xapi_base": BASE}

    again = signed_in(dashboard(log_copy))  # another day, the dashboard started anew
    made = json.loads(again.get(f"/data/export?pupil={pupil}&format=xapi").data)
    assert made and {s["actor"]["account"]["homePage"] for s in made} == {HOME}
    assert all(s["object"]["id"].startswith(f"{BASE}/levels/") for s in made)
    names = {json.dumps(s["context"]["contextActivities"]["grouping"][0]["definition"]["name"])
             for s in made}
    assert names == {json.dumps({"nl-NL": "De eerste week", "en-GB": "The first week"})}


def test_the_command_line_export_uses_the_stored_platform(log_copy, tmp_path):
    from game.cli import main

    admin.set_setting(log_copy, admin.XAPI_HOME, HOME)
    pupil = pupils_of(log_copy)[0]
    out = tmp_path / "uit.xapi.json"
    assert main(["export", "--pupil", pupil, "--out", str(out), "--format", "xapi",
                 "--db", str(log_copy)]) == 0
    made = json.loads(out.read_text(encoding="utf-8"))
    assert {s["actor"]["account"]["homePage"] for s in made} == {HOME}
    assert all(s["object"]["id"].startswith(f"{DEFAULT_BASE}/levels/") for s in made)

