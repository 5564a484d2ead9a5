"""A mentor test in the browser (headless chromium): a simulated pupil with three days
gets one mission sheet with every day, "Mijn overstap" and the pupil's own marks first,
"rather not" without its words, strengths before moments to look at and never fewer;
the sheet prints on at most two A4 pages, and so do the guide; the lesson plans print
one scene a page.

Screenshots go to $SCREENSHOT_DIR when set (to look at them), else to a temp folder.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from game import paths
from game.content.bundle import load_content
from game.events import parse
from game.events.talking import ChoiceMade
from game.events.voice import moment_key
from tests.dashboard_helpers import PASSWORD, ui
from tests.voice_helpers import add_handover, add_mark, events_of

PUPIL = "1B-Vos-01"
NOTE = "Ik vind tekenen leuk"


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.fixture(scope="module")
def week_server(tmp_path_factory, shipped_content):
    """(url, the hidden choice's words) over one pupil's three days with marks and a
    handover, on the production server."""
    from game.sim.simulate import simulate
    from teacher_dashboard.serve import Server
    from tests.dashboard_helpers import dashboard

    db = tmp_path_factory.mktemp("browser-week") / "journal.sqlite"
    simulate(shipped_content, db, pupils=1, sessions=3, class_code="1B", seed=5)
    rows = [r for r in events_of(db, PUPIL)
            if moment_key(parse(r["kind"], json.loads(r["payload"])))]
    hidden = next(r for r in rows if r["kind"] == "choice")
    add_mark(db, hidden, "private")
    add_mark(db, next(r for r in rows if r is not hidden), "talk", note="Dat was lastig")
    add_handover(db, PUPIL, NOTE)
    choice = parse("choice", json.loads(hidden["payload"]))
    assert isinstance(choice, ChoiceMade)
    server = Server(dashboard(db)).start()
    yield server.url, choice.chosen_text.nl
    server.stop()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sign_in(page: Page, url: str) -> None:
    page.goto(url + "/login")
    page.get_by_label(ui("password")).fill(PASSWORD)
    page.get_by_role("button", name=ui("sign_in")).click()
    expect(page.get_by_role("heading", name=ui("pupils_title"))).to_be_visible()


def _top(page: Page, name: str) -> float:
    box = page.get_by_role("heading", name=name, exact=True).first.bounding_box()
    assert box is not None, name
    return box["y"]


def test_a_mentor_prepares_the_weeks_talk_on_one_sheet(page: Page, week_server, shots: Path):
    url, hidden_words = week_server
    page.set_viewport_size({"width": 1280, "height": 900})
    _sign_in(page, url)
    page.get_by_role("link", name=PUPIL).click()
    page.get_by_role("link", name=ui("open_mission_sheet")).click()
    expect(page.get_by_role("heading", name=ui("mission_sheet_title"))).to_be_visible()
    order = [ui("handover_heading"), ui("sheet_pupil_marks"), ui("mission_progress"),
             ui("sheet_strengths"), ui("sheet_questions")]
    tops = [_top(page, name) for name in order]
    assert tops == sorted(tops)
    expect(page.locator("table.progress tbody tr")).to_have_count(3)     # every day
    strengths = page.locator("ul.strengths li").count()
    assert page.locator("ul.look-at li").count() <= strengths
    assert strengths >= 1
    expect(page.locator(".pupil-voice.handover")).to_contain_text(NOTE)
    expect(page.locator("ul.marks.private")).to_contain_text(ui("category_choice"))
    assert hidden_words not in page.inner_text("main")
    page.screenshot(path=shots / "dashboard-mission-sheet.png", full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=shots / "dashboard-mission-sheet-print.png", full_page=True)
    assert pdf_pages(page.pdf(format="A4")) <= 2

    page.emulate_media(media="screen")
    page.get_by_role("link", name=ui("handover_parents_link")).click()
    expect(page.get_by_role("heading", name=ui("handover_parents_title"))).to_be_visible()
    expect(page.locator("main")).to_contain_text(NOTE)
    assert hidden_words not in page.inner_text("main")


def test_the_guide_and_the_lesson_plans_print(page: Page, week_server, shots: Path):
    url, _ = week_server
    _sign_in(page, url)
    page.get_by_role("link", name=ui("nav_guide")).click()
    expect(page.get_by_role("heading", name=ui("guide_title"))).to_be_visible()
    page.emulate_media(media="print")
    assert 1 <= pdf_pages(page.pdf(format="A4")) <= 2
    page.screenshot(path=shots / "dashboard-guide-print.png", full_page=True)
    page.emulate_media(media="screen")
    page.get_by_role("link", name=ui("guide_to_lessons")).click()
    scenes = len(load_content(paths.CLASS_LEVEL).level.scenes)
    expect(page.locator("section.plan")).to_have_count(scenes)
    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(format="A4")) >= scenes + 1   # a page per scene, and the intro
