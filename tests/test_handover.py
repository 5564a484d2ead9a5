""""Mijn overstap", the warm handover: the pupil writes what helps and what is hard, says
yes, and gets a file; the new school's mentor imports it into their own log and the
mission sheet opens with it, with a page to read along with parents."""

from __future__ import annotations

import io
import re

import pygame
from helpers import start_new_game

from game.journal.for_mentor import mentor_folder
from game.scenes.consent import ConsentScene
from game.scenes.day_end import NoticeScene
from game.scenes.handover import HARD, HELPS, LIKES, HandoverScene
from game.scripted import Press, Type, Wait, run_script
from tests.dashboard_helpers import csrf_token, dashboard, signed_in, ui

NOTE = "Ik hou van tekenen"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'")


def test_the_handover_travels_to_the_new_mentor_and_opens_the_sheet(make_app, log_copy):
    app = make_app()
    run_script(app, start_new_game("Agent Kiwi"))
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1)])
    pause = app.top
    pause.menu.selected = [label for label, _ in pause.menu.items].index(
        app.texts("pause_handover"))
    run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    handover = app.top
    assert isinstance(handover, HandoverScene)
    run_script(app, [Press(pygame.K_SPACE),                              # the first help
                     Press(pygame.K_RIGHT), Press(pygame.K_SPACE),       # the first hard thing
                     Press(pygame.K_RIGHT), Wait(1), Press(pygame.K_SPACE),  # the first like
                     *[Press(pygame.K_DOWN) for _ in LIKES],              # the note row
                     Press(pygame.K_RETURN), Type(NOTE), Press(pygame.K_RETURN),
                     Press(pygame.K_DOWN), Press(pygame.K_RETURN), Wait(2)])
    assert isinstance(app.top, ConsentScene), (handover.selected, handover.typing,
                                               handover.note, handover.ticked)
    run_script(app, [Press(pygame.K_1), Wait(2)])
    assert isinstance(app.top, NoticeScene)
    files = list(mentor_folder(app.options.data_dir).glob("overstap-*.sqlite"))
    assert len(files) == 1
    app.quit()

    client = signed_in(dashboard(log_copy))           # the new school's own log
    response = client.post("/data/import", data={
        "csrf_token": csrf_token(client, "/data"),
        "file": (io.BytesIO(files[0].read_bytes()), files[0].name)},
        content_type="multipart/form-data")
    assert response.status_code == 302
    sheet = _text(client.get("/pupil/Agent Kiwi/sheet").get_data(as_text=True))
    first_help, first_hard = ui(f"handover_helps_{HELPS[0]}"), ui(f"handover_hard_{HARD[0]}")
    first_like = ui(f"handover_likes_{LIKES[0]}")
    assert first_help in sheet and first_hard in sheet and first_like in sheet
    assert NOTE in sheet
    assert sheet.index(ui("handover_heading")) < sheet.index(ui("mission_progress"))
    parents = _text(client.get("/pupil/Agent Kiwi/overstap").get_data(as_text=True))
    assert first_help in parents and NOTE in parents
    assert ui("handover_went_well") in parents


def test_without_a_handover_the_parents_page_says_so(log_copy):
    client = signed_in(dashboard(log_copy))
    page = client.get("/pupil/1B-Vos-01/overstap").get_data(as_text=True)
    assert ui("handover_none") in _text(page)
