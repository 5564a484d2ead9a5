"""Each setting changes what a pupil notices; settings stay with the pupil who chose them."""

from __future__ import annotations

import json
import re

import pygame
from helpers import change_setting, choose_key, pause_menu, start_new_game

from game.scenes.dialogue import DialogueScene
from game.scenes.floor_plan import FloorPlanScene
from game.scenes.help import HelpScene
from game.scenes.school import banner_alpha
from game.scenes.settings import KeysScene, SettingsScene
from game.scripted import Call, Press, Wait, WalkTo, run_script
from game.settings import DEFAULTS, clean
from game.ui import look


def open_settings():
    """From the school: Esc opens the pause menu, and its settings item."""
    return pause_menu("pause_settings")


def close_settings():
    return [Press(pygame.K_ESCAPE), Wait(1), Press(pygame.K_ESCAPE), Wait(1)]


def pacing_people(world) -> dict[str, tuple[float, float]]:
    return {npc.id: (npc.body.x, npc.body.y) for npc in world.npcs.values()
            if npc.route_to is not None}


def test_low_stimulus_mode_turns_the_effects_off(make_app):
    app = make_app()
    run_script(app, start_new_game())
    world = app.session.world
    before = pacing_people(world)
    assert before, "the level has people walking to and fro"
    run_script(app, [Wait(240)])
    assert pacing_people(world) != before  # normally people pace in the corridors
    colour_before = app.screen.get_at((640, 400))
    assert app.sound.music_on

    run_script(app, open_settings() + change_setting("low_stimulus") + [Wait(1)])
    assert isinstance(app.top, SettingsScene) and app.settings["low_stimulus"] is True
    run_script(app, close_settings())
    still = pacing_people(world)
    run_script(app, [Wait(240)])
    assert pacing_people(world) == still          # fewer moving characters: none pace
    assert not app.sound.music_on                 # no background music
    assert banner_alpha(0.02, calm=True) == 255   # banners appear without a fade
    assert banner_alpha(0.02, calm=False) < 255
    assert app.screen.get_at((640, 400)) != colour_before  # softer colours over the map
    assert app.store.load_settings("Agent Kiwi")["low_stimulus"] is True


def test_without_time_pressure_the_clock_stops_in_a_dialogue(make_app):
    app = make_app()
    run_script(app, start_new_game() + [WalkTo("kim"), Press(pygame.K_e), Wait(5)])
    world = app.session.world
    assert isinstance(app.top, DialogueScene)
    minutes = world.clock.minutes
    run_script(app, [Wait(600)])  # ten seconds of reading
    assert world.clock.minutes == minutes

    hurried = make_app()
    hurried.change_setting("time_pressure", True)
    run_script(hurried, start_new_game("Agent Uil") + [WalkTo("kim"), Press(pygame.K_e),
                                                        Wait(5)])
    world = hurried.session.world
    assert isinstance(hurried.top, DialogueScene) and world.time_pressure
    minutes = world.clock.minutes
    run_script(hurried, [Wait(600)])
    assert world.clock.minutes > minutes


def test_text_size_and_the_dyslexia_font_change_the_rendered_text(make_app):
    app = make_app()
    normal = look.text("Wiskunde in lokaal 2.14", 30).get_size()
    run_script(app, open_settings_from_title() + change_setting("text_size", 2) + [Wait(1)])
    assert app.settings["text_size"] == "larger"
    larger = look.text("Wiskunde in lokaal 2.14", 30).get_size()
    assert larger[1] > normal[1] and larger[0] > normal[0]
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1)] + open_settings_from_title()
               + change_setting("font") + [Wait(1)])
    assert app.settings["font"] == "dyslexic"
    dyslexic = look.text("Wiskunde in lokaal 2.14", 30).get_size()
    assert dyslexic != larger
    assert look.font(30).get_height() > 30  # a real font file, not the default font


def open_settings_from_title():
    return [Wait(1), Press(pygame.K_2), Wait(1)]


def test_a_changed_key_opens_the_floor_plan_and_a_clash_swaps(make_app):
    app = make_app()
    run_script(app, start_new_game() + open_settings()
               + [Call(lambda a: a.push(KeysScene(a))), Wait(1)]
               + choose_key("floor_plan", pygame.K_k) + [Wait(1)])
    assert app.settings["keys"]["floor_plan"] == "k"
    assert any(label.endswith(": K") for label, _ in app.top.menu.items)
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1), Call(lambda a: a.push(KeysScene(a))),
                     Wait(1)] + choose_key("floor_plan", pygame.K_r) + [Wait(1)])
    assert app.settings["keys"]["floor_plan"] == "r"  # R was the agenda's: they swap
    assert app.settings["keys"]["agenda"] == "k"
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1), Call(lambda a: a.push(KeysScene(a))),
                     Wait(1)] + choose_key("floor_plan", pygame.K_UP) + [Wait(1)])
    assert app.settings["keys"]["floor_plan"] == "r"
    assert "letter" in app.top.message
    run_script(app, [Press(pygame.K_ESCAPE)] + close_settings() + [Press(pygame.K_r), Wait(2)])
    assert isinstance(app.top, FloorPlanScene)
    assert app.top.hint() == app.texts("floorplan_hint") and ": R" not in app.top.hint() \
        and " R" in app.top.hint()


def test_zqsd_walks_and_the_arrows_still_do(make_app):
    app = make_app()
    keys = dict(DEFAULTS["keys"], up="z", left="q")
    app.change_setting("keys", keys)
    run_script(app, start_new_game())
    player = app.session.world.player
    start = (player.x, player.y)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q))
    run_script(app, [Wait(30)])
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_q))
    run_script(app, [Wait(2)])
    assert player.x < start[0]
    x = player.x
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT))
    run_script(app, [Wait(30)])
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_RIGHT))
    run_script(app, [Wait(2)])
    assert player.x > x


def test_settings_stay_with_each_pupil(make_app):
    app = make_app()
    app.change_setting("text_size", "large")
    run_script(app, start_new_game("Sanne"))
    assert app.settings["text_size"] == "large"  # a first game keeps what was chosen
    app.change_setting("low_stimulus", True)
    sibling = make_app()
    run_script(sibling, start_new_game("Daan"))
    sibling.change_setting("text_size", "normal")
    sibling.change_setting("low_stimulus", False)
    again = make_app()
    run_script(again, [Wait(1)])
    run_script(again, [Call(lambda a: a.play("Sanne", resume=True)), Wait(2)])
    assert again.settings["text_size"] == "large" and again.settings["low_stimulus"] is True


def test_a_broken_or_old_settings_file_never_breaks_the_game(make_app, tmp_path):
    settings = tmp_path / "data" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"language": "en", "text_size": "reuze", "keys": {"up": 5},
                                    "sound_volume": True}))
    app = make_app()
    assert app.settings["language"] == "en"          # the old flat file is still read
    assert app.settings["text_size"] == "normal"     # an unknown value falls back
    assert app.settings["sound_volume"] == DEFAULTS["sound_volume"]
    assert clean({"keys": {"up": "p"}})["keys"]["up"] == "w"  # a clash is refused
    settings.write_text("{ kapot")
    assert make_app().settings == clean({})


def test_sound_volume_and_full_screen_take_effect(make_app):
    app = make_app()
    run_script(app, start_new_game())
    app.change_setting("sound_volume", 10)
    assert all(abs(s.get_volume() - 1.0) < 0.02 for s in app.sound.effects.values())
    app.change_setting("sound_volume", 0)
    assert all(s.get_volume() == 0 for s in app.sound.effects.values())
    assert set(app.sound.effects) == {"bell", "clue"}
    app.change_setting("fullscreen", True)
    assert app.display_flags & pygame.FULLSCREEN
    assert app.screen.get_size() == (1280, 720)  # same layout, scaled to the screen
    app.change_setting("fullscreen", False)
    assert not app.display_flags & pygame.FULLSCREEN


def test_help_says_what_to_do_next(make_app):
    app = make_app()
    run_script(app, start_new_game() + [Press(pygame.K_h), Wait(2)])
    assert isinstance(app.top, HelpScene)
    from game.scenes.help import next_steps

    world = app.session.world
    room = world.map.rooms["2.14"]
    values = {"subject": "Taal", "time": "08:30", "room": room.named("nl"),
              "floor": app.texts.floor(room.floor)}
    first = next_steps(app, world)[0]
    assert first == app.texts("help_go_to", **values)
    assert "2.14" in first and "(P)" in first  # the room, and the pupil's key for the plan
    run_script(app, [Press(pygame.K_RETURN), Wait(1), WalkTo("2.14"), Press(pygame.K_F1),
                     Wait(2)])
    assert isinstance(app.top, HelpScene)
    assert next_steps(app, world)[0] == app.texts("help_in_room", **values)


def test_goal_and_keys_stay_on_screen_with_the_largest_text(make_app):
    app = make_app()
    app.change_setting("text_size", "larger")
    app.change_setting("font", "dyslexic")
    run_script(app, start_new_game() + [Wait(2)])
    school = app.top
    screen = app.screen.get_rect()
    assert screen.contains(school.goal_bar) and school.goal_bar.h > 46  # it grew with the text
    assert school.goal_width <= school.goal_bar.w - 36


def _placeholders(entry: str | dict[str, str]) -> set[str]:
    forms = entry.values() if isinstance(entry, dict) else [entry]
    return {name for form in forms for name in re.findall(r"{(\w+)}", form)}


def test_every_text_has_the_same_blanks_in_both_languages():
    from game import paths
    from game.text.catalogue import load_catalogue

    for folder in (None, paths.ROOT / "teacher_dashboard" / "text"):
        nl = load_catalogue("nl", folder) if folder else load_catalogue("nl")
        en = load_catalogue("en", folder) if folder else load_catalogue("en")
        assert set(nl) == set(en)
        for key in nl:
            assert _placeholders(nl[key]) == _placeholders(en[key]), key
            assert isinstance(nl[key], dict) == isinstance(en[key], dict), key


def test_help_says_to_look_at_the_notice_board_when_a_change_is_not_seen_yet(make_app):
    from game.scenes.help import next_steps

    app = make_app()
    run_script(app, start_new_game())
    world = app.session.world
    world.end_day()
    world.start_next_day()  # day two: maths moves to another room, announced at 08:15
    world.update(1 / 60)
    board = world.map.rooms[world.level.notice_board].named("nl")
    assert next_steps(app, world)[0] == app.texts("help_changes_unseen", room=board)
    for change in world.day.changes:
        world.see_change(change.id, "notice_board")
    assert app.texts("help_changes_unseen", room=board) not in next_steps(app, world)
