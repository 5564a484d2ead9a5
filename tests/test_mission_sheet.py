"""The mission sheet: every day of one game of a level on one sheet, the pupil's own marks
first ("rather not" moments without their words), strengths before moments to look at,
never more of those than strengths, and the agreements in the download."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from game.events import parse
from game.events.talking import ChoiceMade, Option
from game.events.voice import moment_key
from teacher_dashboard.mission import build_mission_sheet, missions
from teacher_dashboard.names import LevelNames
from teacher_dashboard.reading import read
from tests.dashboard_helpers import csrf_token, dashboard, shows, signed_in, ui
from tests.voice_helpers import add_mark, events_of

PUPIL = "1B-Vos-01"


@pytest.fixture(scope="module")
def week(tmp_path_factory, shipped_content) -> tuple[Path, dict, dict]:
    """One pupil, three school days in three sittings of one game; a tagged choice marked
    "rather not" and another moment marked "talk about it" with a note."""
    from game.sim.simulate import simulate

    db = tmp_path_factory.mktemp("week") / "journal.sqlite"
    simulate(shipped_content, db, pupils=1, sessions=3, class_code="1B", seed=5)
    rows = events_of(db, PUPIL)
    markable = [r for r in rows if r["kind"] in ("choice", "lesson_late", "lesson_missed")
                and moment_key(parse(r["kind"], json.loads(r["payload"])))]
    choices = [r for r in markable if r["kind"] == "choice"]
    assert choices and len(markable) >= 2, "the simulated pupil made no tagged choice"
    private = choices[0]
    talk = next(r for r in markable if r is not private)
    add_mark(db, private, "private")
    add_mark(db, talk, "talk", note="Ik wist niet waar het lokaal was")
    return db, private, talk


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_one_sheet_tells_every_day_of_the_mission_strengths_first(week):
    db, _, _ = week
    client = signed_in(dashboard(db))
    page = client.get(f"/pupil/{PUPIL}/sheet").get_data(as_text=True)
    with sqlite3.connect(db) as con:
        days = [r[0] for r in con.execute(
            "select distinct json_extract(payload, '$.day') from events e join sessions s "
            "on s.id = e.session_id where s.pupil_id = ? and e.kind = 'day_end'", [PUPIL])]
    assert len(days) == 3
    names = LevelNames("eerste-week", "nl")
    for day in days:
        assert f"<th scope=\"row\">{names.day(day)}</th>" in page
    assert shows(page, "mission_span", n=3)
    assert page.index(ui("sheet_strengths")) < page.index(ui("sheet_questions"))
    if ui("sheet_look_at") in page:
        assert page.index(ui("sheet_strengths")) < page.index(ui("sheet_look_at"))
    strengths = re.search(r'<ul class="strengths">(.*?)</ul>', page, re.S)
    look_at = re.search(r'<ul class="look-at">(.*?)</ul>', page, re.S)
    assert strengths is not None
    n_strengths = strengths.group(1).count("<li>")
    assert n_strengths >= 1
    assert (look_at.group(1).count("<li>") if look_at else 0) <= n_strengths
    assert 3 <= page.count("</li>", page.index('<ol class="questions">'),
                           page.index("</ol>", page.index('<ol class="questions">'))) <= 5
    assert ui("sheet_scale") in _text(page).replace("&#39;", "'")


def test_the_pupils_marks_come_first_and_rather_not_hides_the_words(week):
    db, private, talk = week
    page = signed_in(dashboard(db)).get(f"/pupil/{PUPIL}/sheet").get_data(as_text=True)
    voice = page.index(ui("sheet_pupil_marks"))
    assert voice < page.index(ui("mission_progress")) < page.index(ui("sheet_strengths"))
    assert "Ik wist niet waar het lokaal was" in page
    hidden = parse("choice", json.loads(private["payload"]))
    assert isinstance(hidden, ChoiceMade)
    text = _text(page).replace("&#39;", "'")
    assert hidden.chosen_text.nl not in text          # not in the marks, strengths or look-at
    assert ui("category_choice") in text               # only its kind is told
    assert page.index(ui("sheet_marks_talk")) < page.index(ui("sheet_marks_private"))


def test_the_mission_sheet_downloads_with_the_agreements(week):
    db, _, _ = week
    client = signed_in(dashboard(db))
    url = f"/pupil/{PUPIL}/sheet"
    response = client.post(url, data={"csrf_token": csrf_token(client, url),
                                      "agreements": "Morgen eerst het rooster bekijken."})
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert "Morgen eerst het rooster bekijken." in text
    assert ui("sheet_scale") in text and ui("sheet_marks_talk") in text
    assert text.index(ui("sheet_marks_talk")) < text.index(ui("sheet_strengths"))


def test_a_hard_day_never_gives_more_to_look_at_than_went_well(week):
    """Only lateness and unkind choices: still no more moments to look at than strengths."""
    db, _, _ = week
    rows = [r for r in events_of(db, PUPIL)
            if r["kind"] in ("lesson_late", "lesson_missed", "day_end", "day_start")]
    hard = ChoiceMade.build(
        dialogue="noor", node="start", character="noor", said_before=[],
        options=[Option(id="a", nl="Laat me met rust.", en="Leave me alone.")],
        chosen_index=0, aspects={"respect": -2, "positive_relations": -1})
    rows += [{**rows[0], "kind": "choice", "payload": json.dumps(hard.data())}] * 4
    sheet = build_mission_sheet(read(rows), LevelNames("eerste-week", "nl"), lambda k, **v: k)
    assert len(sheet.to_look_at) <= len(sheet.strengths)


def test_sessions_of_one_game_are_one_mission(week):
    db, _, _ = week
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        sessions = [dict(r) for r in con.execute("select * from sessions where pupil_id = ?",
                                                 [PUPIL])]
    found = missions(sessions)
    assert [len(m.sessions) for m in found] == [3]
    other = {**sessions[0], "id": "x", "seed": 1, "started_at": "2027-01-01T00:00:00"}
    assert [len(m.sessions) for m in missions([*sessions, other])] == [1, 3]


# --- the pupil page, readable in a minute ---------------------------------------------------

def _folded_and_open(page: str) -> tuple[str, str]:
    """The page's open story text and its folded-away text (each day's folded part runs
    to the end of its day)."""
    shown, folded = [], []
    for n, day in enumerate(page.split('<details class="story-day"')):
        head, _, rest = day.partition('<details class="folded">')
        shown.append(head)
        folded.append(rest if n else "")
    return _text("".join(shown)), _text("".join(folded))


def test_the_pupil_page_names_sessions_by_day_and_folds_the_routine(week):
    db, _, _ = week
    client = signed_in(dashboard(db))
    page = client.get(f"/pupil/{PUPIL}").get_data(as_text=True)
    names = LevelNames("eerste-week", "nl")
    rows = events_of(db, PUPIL)
    first_day = next(r["game_day"] for r in rows if r["kind"] == "level_start")
    assert re.search(rf'<a href="[^"]*session=[^"]*"[^>]*>{re.escape(names.day(first_day))}'
                     r"(?: · [^<]*)?</a>", page)
    # every session's story: lateness and tagged choices open, homework answers folded
    for session in {r["session_id"] for r in rows}:
        story = client.get(f"/pupil/{PUPIL}?session={session}").get_data(as_text=True)
        assert '<details class="story-day" open>' in story
        shown, folded = _folded_and_open(story)
        for r in rows:
            if r["session_id"] != session:
                continue
            payload = parse(r["kind"], json.loads(r["payload"]))
            if isinstance(payload, ChoiceMade) and payload.context == "homework":
                assert payload.chosen_text.nl in folded
            if r["kind"] == "floor_plan_opened":
                assert ui("ev_floor_plan") in folded and ui("ev_floor_plan") not in shown


def test_the_legend_says_what_a_tag_value_means_in_words_and_numbers(week):
    db, _, _ = week
    page = signed_in(dashboard(db)).get(f"/pupil/{PUPIL}").get_data(as_text=True)
    for value in (2, 1, -1, -2):
        assert f"{value:+d}: {ui(f'tag_value_{value}')}" in _text(page)
    tags = re.findall(r'<span class="tag aspect[^"]*">([^<]*)</span>', page)
    assert tags and all(re.search(r" [+-]?\d$", tag) for tag in tags)  # a number, not colour


def test_rather_not_hides_the_words_on_the_story_and_the_session_sheet(week):
    db, private, _ = week
    client = signed_in(dashboard(db))
    hidden = parse("choice", json.loads(private["payload"]))
    assert isinstance(hidden, ChoiceMade)
    story = _text(client.get(f"/pupil/{PUPIL}?session={private['session_id']}")
                  .get_data(as_text=True)).replace("&#39;", "'")
    sheet = _text(client.get(f"/session/{private['session_id']}/sheet")
                  .get_data(as_text=True)).replace("&#39;", "'")
    others = set()  # words the session's other choices share are no proof either way
    for r in events_of(db, PUPIL):
        other = parse(r["kind"], json.loads(r["payload"]))
        if isinstance(other, ChoiceMade) and r["id"] != private["id"]:
            others |= {o.nl for o in other.options} | {line.nl for line in other.said_before}
    own = {o.nl for o in hidden.options} | {line.nl for line in hidden.said_before}
    assert own - others, "the hidden choice has no words of its own to look for"
    assert ui("category_choice") in story
    for words in own - others:
        assert words not in story and words not in sheet


def test_every_session_sheet_has_no_more_to_look_at_than_went_well(simulated_log):
    client = signed_in(dashboard(simulated_log))
    with sqlite3.connect(simulated_log) as con:
        sessions = [r[0] for r in con.execute("select id from sessions")]
    for session in sessions:
        page = client.get(f"/session/{session}/sheet").get_data(as_text=True)
        strengths = re.search(r'<ul class="strengths">(.*?)</ul>', page, re.S)
        look_at = re.search(r'<ul class="look-at">(.*?)</ul>', page, re.S)
        assert strengths is not None
        assert (look_at.group(1).count("<li>") if look_at else 0) \
            <= strengths.group(1).count("<li>")


def test_the_sheet_tells_the_missions_for_real_and_how_they_went(week):
    db, _, _ = week
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "select e.kind, e.payload from events e join sessions s on s.id = e.session_id "
            "where s.pupil_id = ? and e.kind in ('mission_offered', 'mission_checked') "
            "order by s.started_at, e.seq", [PUPIL]).fetchall()
    offered = [json.loads(p) for k, p in rows if k == "mission_offered"]
    assert len(offered) == 3  # one each evening of the three school days
    page = _text(signed_in(dashboard(db)).get(f"/pupil/{PUPIL}/sheet").get_data(as_text=True))
    assert ui("sheet_real_missions") in page
    for mission in offered:
        assert mission["nl"] in page.replace("&#39;", "'")
    checked = [json.loads(p) for k, p in rows if k == "mission_checked"]
    for check in checked:
        assert ui(f"sheet_mission_check_{check['result']}", feeling="").strip() in page
