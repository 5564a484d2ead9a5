"""The dashboard in a real headless chromium: a mentor signs in and walks through it.

Screenshots go to $SCREENSHOT_DIR when set (to look at them), else to a temp folder.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from game.journal.upload import check_class
from tests.dashboard_helpers import PASSWORD

PUPIL = "1B-Vos-01"


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def a_talk_choice(db: Path) -> dict:
    """A conversation choice from the pupil's newest session, as the log has it."""
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        row = con.execute(
            "select c.* from choices c where c.pupil_id = ? and c.dialogue in "
            "('amber', 'noor', 'daan', 'fadil', 'devries') and c.session_id = "
            "(select id from sessions where pupil_id = ? order by started_at desc limit 1) "
            "order by c.seq limit 1", [PUPIL, PUPIL]).fetchone()
    assert row is not None, "the simulated pupil talked to nobody"
    data = dict(row)
    return {k: json.loads(v) if k in ("said_before", "options", "chosen_text") else v
            for k, v in data.items()}


def test_a_mentor_signs_in_and_finds_a_choice_with_its_context(
        page: Page, live_dashboard: str, simulated_log: Path, shots: Path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_dashboard + "/")
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    page.screenshot(path=shots / "dashboard-login.png")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", name="Leerlingen")).to_be_visible()
    page.screenshot(path=shots / "dashboard-pupils.png", full_page=True)
    page.get_by_role("link", name=PUPIL).click()

    choice = a_talk_choice(simulated_log)
    card = page.locator(".choice-card").filter(has_text=choice["chosen_text"]["nl"]).first
    expect(card).to_be_visible()
    expect(card).to_contain_text(choice["said_before"][-1]["nl"])
    for option in choice["options"]:
        expect(card).to_contain_text(option["nl"])
    expect(card.locator("li.chosen")).to_contain_text(choice["chosen_text"]["nl"])
    expect(card).to_contain_text("Nagedacht:")
    card.scroll_into_view_if_needed()
    page.screenshot(path=shots / "dashboard-pupil.png")

    page.get_by_role("link", name="Gespreksblad openen").click()
    expect(page.get_by_role("heading", name="Dit ging goed")).to_be_visible()
    assert 3 <= page.locator("ol.questions li").count() <= 5
    page.get_by_label("Afspraken").fill("Morgen kijk ik eerst op het rooster.")
    page.screenshot(path=shots / "dashboard-sheet.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("button", name="Downloaden").click()
    saved = shots / "gespreksblad.txt"
    download.value.save_as(saved)
    assert "Morgen kijk ik eerst op het rooster." in saved.read_text(encoding="utf-8")
    page.emulate_media(media="print")
    page.screenshot(path=shots / "dashboard-sheet-print.png", full_page=True)
    page.emulate_media(media="screen")

    page.get_by_role("link", name="Klassen").click()
    page.get_by_role("link", name="1B").click()
    expect(page.get_by_role("heading", name="Klasprofiel 1B")).to_be_visible()
    expect(page.locator(".aspect-row")).to_have_count(7)
    expect(page.get_by_text(PUPIL)).to_have_count(0)
    page.screenshot(path=shots / "dashboard-class.png", full_page=True)
    page.get_by_role("link", name="Op het digibord tonen").click()
    expect(page.locator(".discuss").first).to_be_visible()
    page.screenshot(path=shots / "dashboard-class-projector.png", full_page=True)


@pytest.fixture(scope="module")
def class_mode_dashboard(tmp_path_factory):
    """A class that played the cohesion scenes with code 1B-KOMEET, served on loopback."""
    import threading

    from werkzeug.serving import make_server

    from game import paths
    from game.content.bundle import load_content
    from game.journal import admin
    from game.sim.simulate import simulate
    from tests.dashboard_helpers import dashboard

    db = tmp_path_factory.mktemp("klas") / "journal.sqlite"
    code = admin.open_class(db, "1B-KOMEET")
    content = load_content(paths.LEVELS / "samen-in-de-klas.yaml")
    simulate(content, db, pupils=8, sessions=1, class_code=code, seed=11)
    server = make_server("127.0.0.1", 0, dashboard(db), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_the_teacher_follows_the_class_live_and_projects_the_profile(
        page: Page, class_mode_dashboard: str, shots: Path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(class_mode_dashboard + "/classes")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Klascodes")).to_be_visible()
    expect(page.get_by_role("link", name="1B-KOMEET").first).to_be_visible()
    page.screenshot(path=shots / "dashboard-classes.png", full_page=True)

    page.locator("a.code", has_text="1B-KOMEET").click()  # the code list opens it live
    expect(page.get_by_role("heading", name="Wie is waar?")).to_be_visible()
    expect(page.locator(".progress tbody tr")).to_have_count(8)
    expect(page.locator(".progress .done")).to_have_count(32)   # 8 pupils x 4 scenes
    expect(page.locator(".aspect-row")).to_have_count(7)
    expect(page.get_by_role("heading", name="Scène 1: Een grap die te ver gaat")).to_be_visible()
    assert page.locator("meta[http-equiv=refresh]").count() == 1
    page.screenshot(path=shots / "dashboard-class-live.png", full_page=True)

    page.get_by_role("link", name="Op het digibord tonen").click()
    expect(page.locator(".progress")).to_have_count(0)          # no names on the projector
    expect(page.get_by_text("Wanneer is een grap leuk voor iedereen?")).to_be_visible()
    page.screenshot(path=shots / "dashboard-class-live-projector.png", full_page=True)

    # After the lesson: close the code (uploads are refused), and open it again.
    page.goto(class_mode_dashboard + "/classes")
    row = page.locator("tr", has=page.locator("a.code", has_text="1B-KOMEET"))
    row.get_by_role("button", name="sluiten").click()
    expect(page.get_by_text("Klascode 1B-KOMEET is gesloten. De gegevens blijven bewaard.")) \
        .to_be_visible()
    expect(row.get_by_text("gesloten")).to_be_visible()
    assert check_class(class_mode_dashboard, "1B-KOMEET")[0] is False
    row.get_by_role("button", name="weer openen").click()
    expect(row.get_by_text("open", exact=True)).to_be_visible()
    assert check_class(class_mode_dashboard, "1B-KOMEET")[0] is True
