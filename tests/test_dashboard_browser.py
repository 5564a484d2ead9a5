"""The dashboard in a real headless chromium: a mentor signs in and walks through it.

Screenshots go to $SCREENSHOT_DIR when set (to look at them), else to a temp folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from game.journal.upload import check_class
from game.sim.simulate import simulate
from tests.dashboard_helpers import PASSWORD, a_talk_choice, ui, ui_pattern

PUPIL = "1B-Vos-01"


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_mentor_signs_in_and_finds_a_choice_with_its_context(
        page: Page, live_dashboard: str, simulated_log: Path, shots: Path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_dashboard + "/")
    expect(page.get_by_role("heading", name=ui("sign_in"))).to_be_visible()
    page.screenshot(path=shots / "dashboard-login.png")
    page.get_by_label(ui("password")).fill(PASSWORD)
    page.get_by_role("button", name=ui("sign_in")).click()

    expect(page.get_by_role("heading", name=ui("pupils_title"))).to_be_visible()
    page.screenshot(path=shots / "dashboard-pupils.png", full_page=True)
    page.get_by_role("link", name=PUPIL).click()

    choice = a_talk_choice(simulated_log, PUPIL)  # read from the log, not from the writers
    card = page.locator(".choice-card").filter(has_text=choice["chosen_text"]["nl"]).first
    expect(card).to_be_visible()
    expect(card).to_contain_text(choice["said_before"][-1]["nl"])
    for option in choice["options"]:
        expect(card).to_contain_text(option["nl"])
    expect(card.locator("li.chosen")).to_contain_text(choice["chosen_text"]["nl"])
    expect(card).to_contain_text(ui("took_seconds",
                                    n=round(choice["response_ms"] / 1000, 1)))
    card.scroll_into_view_if_needed()
    page.screenshot(path=shots / "dashboard-pupil.png")

    page.get_by_role("link", name=ui("open_sheet")).click()
    expect(page.get_by_role("heading", name=ui("sheet_strengths"))).to_be_visible()
    assert 3 <= page.locator("ol.questions li").count() <= 5
    page.get_by_label(ui("sheet_agreements")).fill("Morgen kijk ik eerst op het rooster.")
    page.screenshot(path=shots / "dashboard-sheet.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("button", name=ui("download")).click()
    saved = shots / "gespreksblad.txt"
    download.value.save_as(saved)
    assert "Morgen kijk ik eerst op het rooster." in saved.read_text(encoding="utf-8")
    page.emulate_media(media="print")
    page.screenshot(path=shots / "dashboard-sheet-print.png", full_page=True)
    page.emulate_media(media="screen")

    page.get_by_role("link", name=ui("nav_classes")).click()
    page.get_by_role("link", name="1B").click()
    expect(page.get_by_role("heading", name=ui("class_profile_of", code="1B"))).to_be_visible()
    expect(page.locator(".aspect-row")).to_have_count(7)
    expect(page.get_by_text(PUPIL)).to_have_count(0)
    page.screenshot(path=shots / "dashboard-class.png", full_page=True)
    page.get_by_role("link", name=ui("projector_on")).click()
    expect(page.locator(".discuss").first).to_be_visible()
    page.screenshot(path=shots / "dashboard-class-projector.png", full_page=True)


@pytest.fixture(scope="module")
def class_level():
    """The shipped class-mode level: the dashboard names its scenes from this file."""
    from game import paths
    from game.content.bundle import load_content

    return load_content(paths.CLASS_LEVEL)


@pytest.fixture(scope="module")
def class_mode_dashboard(tmp_path_factory, class_level):
    """A class that played the cohesion scenes with code 1B-KOMEET, served on loopback by
    the production server; the live view looks every half second. (url, log)"""
    from game.journal import admin
    from teacher_dashboard.serve import Server
    from tests.dashboard_helpers import dashboard

    db = tmp_path_factory.mktemp("klas") / "journal.sqlite"
    code = admin.open_class(db, "1B-KOMEET")
    simulate(class_level, db, pupils=8, sessions=1, class_code=code, seed=11)
    app = dashboard(db)
    app.config["LIVE_REFRESH_MS"] = 500
    server = Server(app).start()
    yield server.url, db
    server.stop()


def test_the_teacher_follows_the_class_live_and_projects_the_profile(
        page: Page, class_mode_dashboard: tuple[str, Path], class_level, shots: Path):
    class_mode_dashboard, db = class_mode_dashboard
    scenes = class_level.level.scenes   # titles and questions as the writers wrote them
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(class_mode_dashboard + "/classes")
    page.get_by_label(ui("password")).fill(PASSWORD)
    page.get_by_role("button", name=ui("sign_in")).click()
    expect(page.get_by_role("heading", name=ui("codes_title"))).to_be_visible()
    expect(page.get_by_role("link", name="1B-KOMEET").first).to_be_visible()
    page.screenshot(path=shots / "dashboard-classes.png", full_page=True)

    page.locator("a.code", has_text="1B-KOMEET").click()  # the code list opens it live
    expect(page.get_by_role("heading", name=ui("progress_title"))).to_be_visible()
    expect(page.locator(".progress tbody tr")).to_have_count(8)
    expect(page.locator(".progress .done:not([hidden])")).to_have_count(8 * len(scenes))
    expect(page.locator(".aspect-row")).to_have_count(7)
    for number, scene in enumerate(scenes, start=1):
        expect(page.get_by_role("heading", name=ui("scene_heading", number=number,
                                                   title=scene.title.nl))).to_be_visible()
    assert page.locator("meta[http-equiv=refresh]").count() == 0  # a script, not a reload
    expect(page.locator("#live-status")).to_contain_text(
        ui_pattern("live_updated", html=False), timeout=5000)   # it fetched live.json
    simulate(class_level, db, pupils=1, sessions=1, class_code="1B-KOMEET", seed=12,
             first=8)                                          # a ninth pupil sends
    expect(page.locator(".progress tbody tr")).to_have_count(9, timeout=10000)
    page.screenshot(path=shots / "dashboard-class-live.png", full_page=True)

    page.get_by_role("link", name=ui("projector_on")).click()
    expect(page.locator(".progress")).to_have_count(0)          # no names on the projector
    expect(page.get_by_text(scenes[0].think_about.nl)).to_be_visible()
    page.screenshot(path=shots / "dashboard-class-live-projector.png", full_page=True)

    # After the lesson: close the code (uploads are refused), and open it again.
    page.goto(class_mode_dashboard + "/classes")
    row = page.locator("tr", has=page.locator("a.code", has_text="1B-KOMEET"))
    row.get_by_role("button", name=ui("codes_close")).click()
    expect(page.get_by_text(ui("class_closed", code="1B-KOMEET"))).to_be_visible()
    expect(row.get_by_text(ui("codes_closed"))).to_be_visible()
    assert check_class(class_mode_dashboard, "1B-KOMEET")[0] is False
    row.get_by_role("button", name=ui("codes_reopen")).click()
    expect(row.get_by_text(ui("codes_open"), exact=True)).to_be_visible()
    assert check_class(class_mode_dashboard, "1B-KOMEET")[0] is True
