"""Every dashboard page in headless chromium: axe-core finds no critical or serious
accessibility problem, the Content-Security-Policy blocks nothing of ours, at 390 px
nothing scrolls sideways and the profile bars stay, and a printed sheet keeps every
agreement.

axe-core is vendored (tests/vendor/axe.min.js, MPL-2.0), so CI needs no network. The
page under axe is opened with the CSP bypassed (axe is injected as a script); the same
page is also opened with the CSP in force to catch any violation of our own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.dashboard_helpers import PASSWORD, newest_session, ui

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    """A class that played the class scenes (code 1B-KOMEET) and a school-day class 1B,
    on the production server. (url, log)"""
    from game import paths
    from game.content.bundle import load_content
    from game.journal import admin
    from game.sim.simulate import simulate
    from teacher_dashboard.serve import Server
    from tests.dashboard_helpers import dashboard

    db = tmp_path_factory.mktemp("a11y") / "journal.sqlite"
    code = admin.open_class(db, "1B-KOMEET")
    simulate(load_content(paths.CLASS_LEVEL), db, pupils=4, sessions=1, class_code=code,
             seed=21)
    simulate(load_content(paths.DEFAULT_LEVEL), db, pupils=3, sessions=1, class_code="1B",
             seed=22)
    server = Server(dashboard(db)).start()
    yield server.url, db
    server.stop()


def _pages(db: Path) -> list[str]:
    pupil = "1B-Vos-01"
    session = newest_session(db, pupil)
    return ["/", "/?class=1B", f"/pupil/{pupil}", f"/session/{session}/sheet",
            f"/pupil/{pupil}/sheet", f"/pupil/{pupil}/overstap", f"/pupil/{pupil}/mission",
            "/guide", "/guide/lessons",
            "/classes",
            "/class/1B", "/class/1B-KOMEET?live=1", "/class/1B-KOMEET?live=1&projector=1",
            "/data", "/pupil/niemand"]


def _sign_in(page: Page, url: str) -> None:
    page.goto(url + "/login")
    page.get_by_label(ui("password")).fill(PASSWORD)
    page.get_by_role("button", name=ui("sign_in")).click()
    expect(page.get_by_role("heading", name=ui("pupils_title"))).to_be_visible()


def _serious(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    assert page.evaluate("axe.version") == "4.10.3"     # axe itself runs on this page
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
    }""")
    return list(result)


def test_axe_finds_nothing_serious_on_any_page_and_the_csp_blocks_nothing(
        browser: Browser, school):
    url, db = school
    strict = browser.new_context()                      # the CSP as served
    blocked: list[str] = []
    plain = strict.new_page()
    plain.on("console", lambda message: blocked.append(message.text)
             if "Content Security Policy" in message.text else None)
    lenient = browser.new_context(bypass_csp=True)      # axe is injected as a script
    checked = lenient.new_page()
    found: dict[str, list[str]] = {}
    for page in (plain, checked):
        page.goto(url + "/login")
        if page is checked:
            found["/login"] = _serious(page)
        _sign_in(page, url)
    for path in _pages(db):
        plain.goto(url + path)
        checked.goto(url + path)
        found[path] = _serious(checked)
    strict.close()
    lenient.close()
    assert {path: problems for path, problems in found.items() if problems} == {}
    assert blocked == []


def test_at_390_px_nothing_scrolls_sideways_and_the_bars_stay(browser: Browser, school):
    url, db = school
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    _sign_in(page, url)
    wide = {}
    for path in [*_pages(db), "/login"]:
        page.goto(url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[path] = width
    assert wide == {}
    page.goto(url + "/class/1B-KOMEET")
    bars = page.locator(".aspect-row svg.bar")
    expect(bars).to_have_count(7)
    for n in range(7):
        box = bars.nth(n).bounding_box()
        assert box is not None and box["width"] > 200       # a bar, not a sliver
    context.close()


def test_a_printed_sheet_keeps_every_agreement(browser: Browser, school):
    url, db = school
    context = browser.new_context()
    page = context.new_page()
    _sign_in(page, url)
    page.goto(url + f"/session/{newest_session(db, '1B-Vos-01')}/sheet")
    agreements = "\n".join(f"Afspraak {n}: ik kijk eerst op het rooster." for n in range(1, 16))
    page.get_by_label(ui("sheet_agreements")).fill(agreements)
    page.emulate_media(media="print")
    printed = page.locator(".print-copy")
    expect(printed).to_be_visible()
    assert printed.inner_text().strip() == agreements
    expect(page.get_by_label(ui("sheet_agreements"))).to_be_hidden()
    expect(page.get_by_role("button", name=ui("print"))).to_be_hidden()
    context.close()
