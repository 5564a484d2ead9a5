"""Settings change what the pupil sees, and are kept on this machine."""

from __future__ import annotations

import pygame
from helpers import start_new_game

from game.scenes.dialogue import DialogueScene
from game.scripted import Press, Wait, WalkTo, run_script


def _open_settings_from_title():
    # Title menu: 1 new game, 2 settings, 3 quit (no save yet).
    return [Wait(1), Press(pygame.K_2), Wait(1)]


def test_language_switch_changes_ui_and_dialogue_and_is_remembered(make_app):
    app = make_app()
    run_script(app, _open_settings_from_title() + [Press(pygame.K_1), Wait(1)])
    assert app.texts("menu_new") == "New game"
    assert app.top.menu.items[0][0] == "Language: English"
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1)])
    assert app.top.menu.items[0][0] == "New game"  # the title menu follows at once
    run_script(app, [*start_new_game(), WalkTo("noor"),
                     Press(pygame.K_e), Wait(120)])
    assert app.top._full_text() == "Hi! You're new, right? I'm Noor."
    later = make_app()
    assert later.texts("menu_new") == "New game"


def test_instant_text_shows_the_whole_line_at_once(make_app):
    app = make_app()
    # Text speed cycles normal -> fast -> instant.
    run_script(app, _open_settings_from_title() + [Press(pygame.K_2), Press(pygame.K_2),
                                                   Wait(1)])
    assert app.top.menu.items[1][0] == "Tekstsnelheid: meteen"
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1)] + start_new_game()
               + [WalkTo("noor"), Press(pygame.K_e), Wait(1)])
    scene = app.top
    assert isinstance(scene, DialogueScene)
    assert not scene._typing()


def test_normal_text_speed_types_the_line_gradually(make_app):
    app = make_app()
    run_script(app, start_new_game() + [WalkTo("noor"), Press(pygame.K_e), Wait(10)])
    scene = app.top
    assert scene._typing()
    run_script(app, [Press(pygame.K_RETURN)])  # Enter shows the rest at once
    assert not scene._typing()
    assert scene.conversation.line.text.nl == "Hoi! Jij bent nieuw, toch? Ik ben Noor."


def test_the_route_assist_setting_draws_the_way_on_the_floor_plan(make_app):
    from helpers import start_new_game

    from game.scenes.floor_plan import FloorPlanScene

    app = make_app()
    # The route row is the 10th: from the first row, up wraps to "back", then keys, route.
    run_script(app, _open_settings_from_title() + [Press(pygame.K_UP) for _ in range(3)]
               + [Press(pygame.K_RETURN), Wait(1)])
    assert app.settings["route_assist"] is True
    assert app.store.load_settings()["route_assist"] is True
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1), *start_new_game(), Press(pygame.K_p),
                     Wait(2)])
    plan = app.top
    assert isinstance(plan, FloorPlanScene) and len(plan.route) > 10
