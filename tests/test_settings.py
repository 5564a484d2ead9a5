"""Settings change what the pupil sees, and are kept on this machine."""

from __future__ import annotations

import pygame
from helpers import start_new_game

from game.scenes.dialogue import DialogueScene
from game.scenes.settings import ROWS
from game.scripted import Press, Wait, WalkTo, run_script


def _open_settings_from_title():
    # Title menu: 1 new game, 2 settings, 3 quit (no save yet).
    return [Wait(1), Press(pygame.K_2), Wait(1)]


def change(setting: str) -> list[Press]:
    """Arrows to a settings row, wherever a designer puts it, and Enter to change it."""
    row = [name for name, _ in ROWS].index(setting)
    return [Press(pygame.K_DOWN) for _ in range(row)] + [Press(pygame.K_RETURN)]


def first_line(content) -> object:
    return content.dialogues["kim"].nodes["kennismaken"].lines[0].text


def test_language_switch_changes_ui_and_dialogue_and_is_remembered(make_app, content):
    app = make_app()
    dutch = app.texts("menu_new")
    run_script(app, _open_settings_from_title() + change("language") + [Wait(1)])
    english = app.texts.catalogues["en"]
    assert app.texts.language == "en" and app.texts("menu_new") == english["menu_new"] != dutch
    row = [name for name, _ in ROWS].index("language")
    assert english["language_name"] in app.top.menu.items[row][0]
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1)])
    assert app.top.menu.items[0][0] == english["menu_new"]  # the title menu follows at once
    run_script(app, [*start_new_game(), WalkTo("kim"),
                     Press(pygame.K_e), Wait(120)])
    assert app.top._full_text() == first_line(content).en
    later = make_app()
    assert later.texts.language == "en"


def test_instant_text_shows_the_whole_line_at_once(make_app):
    app = make_app()
    # Text speed cycles normal -> fast -> instant.
    run_script(app, _open_settings_from_title() + change("text_speed")
               + [Press(pygame.K_RETURN), Wait(1)])
    assert app.settings["text_speed"] == "instant"
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1)] + start_new_game()
               + [WalkTo("kim"), Press(pygame.K_e), Wait(1)])
    scene = app.top
    assert isinstance(scene, DialogueScene)
    assert not scene._typing()


def test_normal_text_speed_types_the_line_gradually(make_app, content):
    app = make_app()
    run_script(app, start_new_game() + [WalkTo("kim"), Press(pygame.K_e), Wait(3)])
    scene = app.top
    assert isinstance(scene, DialogueScene) and scene._typing()
    run_script(app, [Press(pygame.K_RETURN)])  # Enter shows the rest at once
    assert not scene._typing()
    assert scene.conversation.line is not None
    assert scene.conversation.line.text == first_line(content)


def test_the_route_assist_setting_draws_the_way_on_the_floor_plan(make_app):
    from game.scenes.floor_plan import FloorPlanScene

    app = make_app()
    run_script(app, _open_settings_from_title() + change("route_assist") + [Wait(1)])
    assert app.settings["route_assist"] is True
    assert app.store.load_settings()["route_assist"] is True
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1), *start_new_game(), Press(pygame.K_p),
                     Wait(2)])
    plan = app.top
    assert isinstance(plan, FloorPlanScene) and sum(map(len, plan.route)) > 10


def test_settings_at_the_largest_text_scroll_instead_of_shrinking_the_words(make_app):
    """At the largest size in the wide dyslexia font, the rows keep the size the pupil chose
    and the list scrolls: every row can be reached with the arrows and is on screen then."""
    app = make_app()
    app.change_setting("text_size", "larger")
    app.change_setting("font", "dyslexic")
    run_script(app, _open_settings_from_title())
    menu = app.top.menu
    screen = pygame.Rect((0, 0), app.screen.get_size())
    assert menu.size >= 26  # the labels' own size, not squeezed to fit twelve rows
    assert menu.visible < len(menu.items)  # so it scrolls
    for row in range(len(menu.items)):
        assert menu.selected == row
        assert row in menu.rects and screen.contains(menu.rects[row])
        run_script(app, [Press(pygame.K_DOWN), Wait(1)])
    run_script(app, [Press(pygame.K_UP), Wait(1), Press(pygame.K_RETURN), Wait(1)])
    assert app.top.__class__.__name__ == "TitleScene"  # the last row, "back", closed settings


def test_in_english_a_teacher_is_named_in_english_in_the_game_and_the_dashboard(
        content, shipped_content):
    from teacher_dashboard.names import LevelNames

    teacher = content.level.character("taal")
    assert (teacher.named("nl"), teacher.named("en")) == ("Mevrouw Taal", "Ms Taal")
    pupil = content.level.character("kim")
    assert pupil.named("en") == pupil.name  # no English name: the same name
    mentor = shipped_content.level.character("devries")
    assert mentor.name_en and LevelNames("eerste-week", "en").character("devries") == \
        mentor.name_en
    assert LevelNames("eerste-week", "nl").character("devries") == mentor.name
