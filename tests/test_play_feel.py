"""Play that feels right, each point through the real loop with real key presses:
stairs, doors, people, deliberate choices, the case, free time and the agenda."""

from __future__ import annotations

import sqlite3

import pygame
from helpers import start_new_game
from world_helpers import Recorder

from game.scenes.accusation import AccusationScene
from game.scenes.agenda import AgendaScene
from game.scenes.day_end import NoticeScene, ReflectionScene
from game.scenes.dialogue import DialogueScene
from game.scenes.school import SchoolScene
from game.scripted import Press, Wait, WalkTo, run_script
from game.world import movement


def key(code: int, down: bool = True) -> None:
    kind = pygame.KEYDOWN if down else pygame.KEYUP
    pygame.event.post(pygame.event.Event(kind, key=code, mod=0, unicode="", scancode=0))


def hold(app, code: int, frames: int) -> None:
    key(code)
    run_script(app, [Wait(frames)])
    key(code, down=False)
    run_script(app, [Wait(2)])


def school(app) -> SchoolScene:
    run_script(app, start_new_game())
    assert isinstance(app.top, SchoolScene)
    return app.top


def test_holding_an_arrow_into_the_stairs_changes_floor_once(make_app):
    app = make_app()
    scene = school(app)
    world = scene.world
    events = Recorder()
    world.listeners.append(events.append)
    stairs = next(s for s in world.map.stairs if s.name == "trap-omhoog-0")
    world.player.x, world.player.y = stairs.rect.x - 30, stairs.rect.y + 40
    hold(app, pygame.K_RIGHT, 180)  # three seconds on the key: up, and no bouncing back
    assert [e.data["stairs"] for e in events.of("stairs_taken")] == ["trap-omhoog-0"]
    assert world.room is not None and world.room.floor == 1
    hold(app, pygame.K_RIGHT, 120)  # a fresh step onto the stairs down does take them
    assert [e.data["stairs"] for e in events.of("stairs_taken")][-1] == "trap-omlaag-1"
    assert world.room is not None and world.room.floor == 0


def test_a_pupil_a_little_beside_a_door_slides_in(make_app):
    app = make_app()
    scene = school(app)
    world = scene.world
    door = world.map.doors["deur-1.05"]
    world.player.x = door.rect.x + door.rect.w + 2  # not lined up: half a body to the right
    world.player.y = door.rect.y + door.rect.h + 40
    world.update(1 / 60)
    hold(app, pygame.K_UP, 90)
    assert world.room is not None and world.room.id == "1.05"


def test_a_click_on_a_person_walks_there_and_starts_the_talk(make_app):
    app = make_app()
    scene = school(app)
    kim = scene.world.npcs["kim"]
    pos = scene.view.to_screen(kim.body.x, kim.body.y - 20)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    run_script(app, [Wait(240)])
    assert isinstance(app.top, DialogueScene) and app.top.conversation.character == "kim"


def test_people_near_the_pupil_stop_and_look_at_them(make_app):
    app = make_app()
    scene = school(app)
    world = scene.world
    wim = world.npcs["wim"]
    world.player.x, world.player.y = wim.body.x + 30, wim.body.y
    run_script(app, [Wait(120)])
    assert abs(wim.body.x - (world.player.x - 30)) < 1 and not wim.body.moving
    assert wim.body.facing == "right"


def test_a_held_enter_never_answers_and_one_press_accuses_once(make_app):
    app = make_app()
    scene = school(app)
    world = scene.world
    run_script(app, [Press(pygame.K_n), Wait(2), Press(pygame.K_a), Wait(2)])
    accusation = app.top
    assert isinstance(accusation, AccusationScene)
    for _ in range(20):  # Enter held down: the system repeats it
        key(pygame.K_RETURN)
        run_script(app, [Wait(1)])
    assert accusation.stage == "suspect" and accusation.selected is None
    key(pygame.K_RETURN, down=False)
    run_script(app, [Press(pygame.K_1), Wait(2)])
    assert accusation.stage == "unsure"  # no clues yet: are you sure?
    run_script(app, [Press(pygame.K_1), Wait(2)])
    for _ in range(20):
        key(pygame.K_RETURN)
        run_script(app, [Wait(1)])
    key(pygame.K_RETURN, down=False)
    assert len(world.state.accusations) == 1


def test_the_days_question_waits_for_a_choice_and_counts_the_thinking_time(make_app):
    app = make_app()
    scene = school(app)
    world = scene.world
    world.clock.minutes = world.day.end
    run_script(app, [Wait(3)])
    assert isinstance(app.top, ReflectionScene)
    run_script(app, [Press(pygame.K_RETURN), Wait(2)])  # reading on answers nothing
    assert isinstance(app.top, ReflectionScene)
    run_script(app, [Wait(120), Press(pygame.K_2), Wait(2)])
    db = app.options.db_path
    app.quit()
    with sqlite3.connect(db) as con:
        chosen, ms = con.execute("select chosen, response_ms from choices "
                                 "where context = 'reflection'").fetchone()
    assert chosen == "ok" and ms >= 2000


def test_free_time_after_the_last_lesson_and_going_home_at_the_entrance(make_app):
    app = make_app()
    scene = school(app)
    world = scene.world
    for lesson in world.day.lessons:
        world.state.lessons[lesson.id] = "on_time"
    world.clock.minutes = max(lesson.end for lesson in world.day.lessons)
    run_script(app, [Wait(2)])
    assert world.free_time and not world.day_over
    run_script(app, [WalkTo("ingang"), Press(pygame.K_e), Wait(3)])
    assert world.day_over and isinstance(app.top, ReflectionScene)


def test_the_notice_board_reads_on_e(make_app):
    app = make_app()
    scene = school(app)
    run_script(app, [WalkTo("aula"), Wait(2)])
    while isinstance(app.top, NoticeScene):  # walking in shows what is new
        run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    run_script(app, [Press(pygame.K_e), Wait(2)])
    assert isinstance(app.top, NoticeScene)
    assert app.top.title() == app.texts("board_title")
    assert scene.world.conversation is None


def test_homework_not_written_down_can_be_noted_and_planned_in_words(make_app):
    app = make_app()
    scene = school(app)
    world = scene.world
    world.state.homework.append("reken-som")  # given in a lesson, not written down
    run_script(app, [Press(pygame.K_r), Wait(2)])
    agenda = app.top
    assert isinstance(agenda, AgendaScene)
    assert agenda._rows() == [("reken-som", "note")]
    run_script(app, [Press(pygame.K_1), Wait(2)])
    assert "reken-som" in world.state.homework_noted
    assert agenda._rows() == [("reken-som", "plan"), ("reken-som", "do")]
    run_script(app, [Press(pygame.K_1), Wait(2)])  # plan: three choices in words
    assert agenda.planning == "reken-som"
    run_script(app, [Press(pygame.K_3), Wait(2)])
    assert world.state.homework_plan["reken-som"] == "vanavond" and agenda.planning is None


def test_a_clue_is_announced_with_where_it_came_from(make_app):
    app = make_app()
    scene = school(app)
    world = scene.world
    world.state.relations["kim"] = 1
    world.state.visits["kim:kennismaken"] = 1
    run_script(app, [WalkTo("kim"), Press(pygame.K_e), Wait(60)])
    for _ in range(20):
        top = app.top
        if isinstance(top, DialogueScene) and top.conversation.at_choice:
            ids = [c.id for c in top.conversation.choices]
            run_script(app, [Press(getattr(pygame, f"K_{ids.index('tip-vragen') + 1}")),
                             Wait(60)])
        elif isinstance(top, DialogueScene):
            run_script(app, [Press(pygame.K_RETURN), Wait(30)])
    assert isinstance(app.top, NoticeScene) and app.top.title() == app.texts("clue_title")
    source = world.level.clue("kim-clue").text.nl
    assert app.top.message.nl.startswith(source)


def _type_name_again(app, pupil: str = "Agent Kiwi") -> None:
    from game.scripted import Type

    run_script(app, [Wait(1), Press(pygame.K_1), Type(pupil), Press(pygame.K_RETURN), Wait(1)])


def test_a_new_game_under_a_name_that_has_a_game_asks_first_and_enter_continues(make_app):
    from game.scenes.new_game import NameTakenScene

    first = make_app()
    school(first)
    first.to_title()
    again = make_app()
    _type_name_again(again)
    assert isinstance(again.top, NameTakenScene)
    run_script(again, [Press(pygame.K_RETURN), Wait(2)])
    assert isinstance(again.top, SchoolScene)
    assert again.session is not None and again.session.player.pupil == "Agent Kiwi"


def test_starting_again_under_a_taken_name_keeps_the_old_game_aside(make_app):
    from game.scenes.new_game import IntroScene, NameTakenScene

    first = make_app()
    school(first)
    first.to_title()
    saves = first.options.data_dir / "saves"
    again = make_app()
    _type_name_again(again)
    assert isinstance(again.top, NameTakenScene)
    run_script(again, [Press(pygame.K_DOWN), Press(pygame.K_RETURN), Wait(1)])
    assert isinstance(again.top, IntroScene)
    assert again.store.load("Agent Kiwi") is None  # the new game starts fresh
    assert list((saves / "bewaard").glob("*.json")), "the old game was not kept"


def test_tapping_enter_after_a_talk_does_not_start_a_talk_with_someone_else(make_app):
    app = make_app()
    run_script(app, [*start_new_game(), WalkTo("kim"), Press(pygame.K_e), Wait(3)])
    world = app.session.world
    for _ in range(40):  # read to the end, choosing the first answer
        if not isinstance(app.top, DialogueScene):
            break
        key = pygame.K_1 if app.top.conversation.at_choice else pygame.K_RETURN
        run_script(app, [Press(key), Wait(3)])
    assert isinstance(app.top, SchoolScene)
    other = world.npcs["wim"]  # someone else right in front of the pupil
    dx, dy = movement.DIRECTION_VECTORS[world.player.facing]
    other.body.x, other.body.y = world.player.x + dx * 28, world.player.y + dy * 28
    run_script(app, [Press(pygame.K_RETURN), Wait(10), Press(pygame.K_RETURN), Wait(10)])
    assert isinstance(app.top, SchoolScene)  # the taps were for the talk that ended
    run_script(app, [Wait(5 * 60), Press(pygame.K_e), Wait(3)])
    assert isinstance(app.top, DialogueScene)  # a moment later, E talks again


def test_esc_in_the_evening_pauses_and_continue_comes_back(make_app):
    from game.scenes.day_end import EveningScene
    from game.scenes.pause import PauseScene

    app = make_app()
    run_script(app, start_new_game())
    app.open("evening", world=app.session.world)
    run_script(app, [Press(pygame.K_ESCAPE), Wait(2)])
    assert isinstance(app.top, PauseScene)
    run_script(app, [Press(pygame.K_ESCAPE), Wait(2)])
    assert isinstance(app.top, EveningScene)


def test_enter_twice_on_the_title_opens_the_name_screen_without_an_error(make_app):
    from game.scenes.new_game import NewGameScene

    app = make_app()
    run_script(app, [Wait(1), Press(pygame.K_RETURN), Wait(1), Press(pygame.K_RETURN), Wait(1)])
    assert isinstance(app.top, NewGameScene) and not app.top.invalid
    run_script(app, [Press(pygame.K_BACKSPACE), Wait(1)])
    app.top.name = "!"  # a name that breaks the rule still gets the explanation
    run_script(app, [Press(pygame.K_RETURN), Wait(1)])
    assert app.top.invalid
