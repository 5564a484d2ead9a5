"""The game notices a pupil who is stuck and offers help gently: late twice, lost, a day
without talking. Each offer is logged, can be turned down, and the setting turns it off."""

from __future__ import annotations

import pygame
from helpers import start_new_game
from world_helpers import STEP, choose, started, walk

from game.scenes.dialogue import DialogueScene
from game.scenes.floor_plan import FloorPlanScene
from game.scripted import Press, Wait, run_script
from game.world.world import World


def idle_until(world: World, minute: float) -> None:
    """Stand still (no lesson entered) until the school clock says `minute`."""
    while world.clock.minutes < minute and not world.day_over:
        world.update(STEP * 4)


def test_after_two_missed_lessons_a_classmate_offers_the_route(content):
    world, events = started(content)
    idle_until(world, 10 * 60 + 16)  # taal-1 and reken-1 pass without the pupil
    assert [world.state.lessons[x] for x in ("taal-1", "reken-1")] == ["missed", "missed"]
    offer = world.pending_offer
    assert offer is not None and offer.rule == "late_twice"
    assert world.level.character(offer.helper).role == "classmate"
    conversation = world.take_offer()
    assert conversation is not None
    choose(conversation, "ja-graag")
    assert world.route_today and world.wants_floor_plan  # the floor plan opens with the route
    assert [e.data["rule"] for e in events.of("support_offered")] == ["late_twice"]
    assert [e.data["about"] for e in events.of("asked_for_help")] == ["way"]
    idle_until(world, 11 * 60 + 40)
    assert world.pending_offer is None  # once a day, however late it gets


def test_walking_away_from_the_next_lesson_brings_the_concierge(content):
    world, events = started(content)
    walk(world, "2.14")  # near the first lesson's room ...
    idle_until(world, 8 * 60 + 21)
    for _ in range(12):  # ... then to and fro downstairs while the bell comes closer
        walk(world, "gymzaal")
        walk(world, "aula")
        if world.pending_offer is not None:
            break
    offer = world.pending_offer
    assert offer is not None and offer.rule == "lost"
    assert world.level.character(offer.helper).role == "staff"
    conversation = world.take_offer()
    assert conversation is not None
    choose(conversation, "zelf")  # "I'll find it myself" is fine too
    assert not world.route_today
    assert [e.data["rule"] for e in events.of("support_offered")] == ["lost"]


def test_a_silent_day_brings_a_classmate_the_next_morning(content):
    world, events = started(content)
    world.end_day()
    world.start_next_day()
    world.update(STEP)
    world.update(60 * STEP)
    offer = world.pending_offer
    assert offer is not None and offer.rule == "silent_day"
    conversation = world.take_offer()
    assert conversation is not None
    choose(conversation, "even-niet")  # not now: allowed, nothing negative logged
    choice = events.of("choice")[-1].data
    assert choice["chosen"] == "even-niet" and choice["aspects"] == {}
    talker, _ = started(content)
    talker.state.talked_on.append(talker.day.id)  # someone who talked on day one
    talker.end_day()
    talker.start_next_day()
    talker.update(60 * STEP)
    assert talker.pending_offer is None


def test_the_setting_turns_the_help_off(content):
    world, events = started(content)
    world.configure(calm=False, time_pressure=False, help_when_stuck=False)
    idle_until(world, 10 * 60 + 16)
    assert world.pending_offer is None and not events.of("support_offered")


def test_in_the_game_the_helper_talks_first_and_the_floor_plan_shows_the_route(make_app):
    app = make_app()
    run_script(app, start_new_game())
    world = app.session.world
    world.state.lessons.update({"taal-1": "late", "reken-1": "late"})  # two late arrivals
    run_script(app, [Wait(2 * 60)])
    assert isinstance(app.top, DialogueScene)
    assert app.top.conversation.dialogue.id == "hulp-late_twice"
    for _ in range(10):
        if app.top.conversation.at_choice:
            break
        run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    run_script(app, [Press(pygame.K_1), Wait(2)])  # "Ja, graag."
    for _ in range(5):  # read the helper's last line
        if not isinstance(app.top, DialogueScene):
            break
        run_script(app, [Press(pygame.K_RETURN), Wait(3)])
    assert isinstance(app.top, FloorPlanScene) and sum(map(len, app.top.route)) > 3  # the way


def test_two_wrong_answers_bring_a_tip_and_one_wrong_option_less(content):
    world, events = started(content)
    homework = world.level.homework[0]
    question = homework.task[0]
    assert len(question.options) >= 3
    task = world.homework_task(homework.id)
    wrong = [i for i in task.shown if i != question.answer]
    task.answer(wrong[0])
    assert not task.easier and len(task.shown) == len(question.options)
    task.answer(wrong[0])
    assert task.easier and wrong[0] not in task.shown and question.answer in task.shown
    assert [e.data["rule"] for e in events.of("support_offered")] == ["homework_hint"]
    task.answer(question.answer)
    assert not task.easier and len(task.shown) == len(homework.task[1].options)


def test_in_the_game_the_tip_shows_and_the_numbers_follow_the_options_left(make_app):
    from game.scenes.homework import HomeworkScene

    app = make_app()
    run_script(app, start_new_game())
    world = app.session.world
    homework = world.level.homework[0]
    question = homework.task[0]
    app.open("homework", world=world, homework_id=homework.id, when="school")
    scene = app.top
    assert isinstance(scene, HomeworkScene)
    wrong = next(i for i in range(len(question.options)) if i != question.answer)
    run_script(app, [Press(pygame.K_1 + wrong), Wait(2), Press(pygame.K_RETURN), Wait(2)])
    assert scene.task.wrong_here == 1  # Enter after a wrong answer does not answer again
    run_script(app, [Press(pygame.K_1 + wrong), Wait(2)])
    assert scene.task.easier and len(scene.rects) == len(question.options) - 1
    right = scene.task.shown.index(question.answer)
    run_script(app, [Press(pygame.K_1 + right), Wait(2)])
    assert scene.task.index == 1  # the right answer, by its new number


def test_three_answers_in_under_a_second_bring_a_calmer_pace_once_a_day(content):
    world, events = started(content)
    for ms in (300, 2500, 400, 200):
        world.answered(ms)
    assert world.wants_calmer
    assert [e.data["rule"] for e in events.of("support_offered")] == ["quick_answers"]
    world.wants_calmer = False
    for ms in (100, 100, 100, 100):
        world.answered(ms)
    assert not world.wants_calmer  # once a day


def kim_at_her_first_question(app):
    """Talk to Kim in the real loop and read on (Enter) until her answers are on screen."""
    world = app.session.world
    conversation = world.talk(world.npcs["kim"])
    assert conversation is not None
    app.open("dialogue", world=world, conversation=conversation)
    for _ in range(20):
        if conversation.at_choice and app.top._choices_seen:
            break
        run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    return conversation


def test_in_the_game_quick_answers_slow_the_text_and_no_puts_it_back(make_app):
    from game.scenes.calmer import CalmerScene

    app = make_app()
    run_script(app, start_new_game())
    world = app.session.world
    world.support.answers_ms = [150, 200]  # two quick answers before this conversation
    speed = app.settings["text_speed"]
    kim_at_her_first_question(app)
    run_script(app, [Press(pygame.K_1), Wait(2)])  # the third answer, at once
    assert isinstance(app.top, CalmerScene)
    assert app.settings["text_speed"] != speed and app.settings["choice_pause"] == 1
    run_script(app, [Press(pygame.K_2), Wait(2)])  # "Nee, zet het terug."
    assert app.settings["text_speed"] == speed and app.settings["choice_pause"] == 0
    assert not isinstance(app.top, CalmerScene)


def test_with_a_choice_pause_an_answer_waits_until_it_can_be_read(make_app):
    from game.scenes.dialogue import DialogueScene

    app = make_app()
    app.change_setting("choice_pause", 1)
    run_script(app, start_new_game())
    conversation = kim_at_her_first_question(app)
    run_script(app, [Press(pygame.K_1), Wait(2)])
    assert conversation.at_choice and isinstance(app.top, DialogueScene)  # not yet
    run_script(app, [Wait(60), Press(pygame.K_1), Wait(2)])
    assert not conversation.at_choice or conversation.node_id != "kennismaken"


def test_the_calmer_pace_question_has_no_answer_chosen_in_advance(make_app):
    from game.scenes.calmer import CalmerScene

    app = make_app()
    run_script(app, start_new_game())
    world = app.session.world
    app.open("calmer", world=world)
    run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    assert isinstance(app.top, CalmerScene)  # Enter alone does not answer
    run_script(app, [Press(pygame.K_DOWN), Press(pygame.K_RETURN), Wait(2)])
    assert not isinstance(app.top, CalmerScene)  # the first answer, "yes", chosen on purpose
    assert app.settings["choice_pause"] == 1


def test_a_hard_day_gets_a_kind_word_before_anything_else(make_app):
    from game.scenes.day_end import NoticeScene

    app = make_app()
    run_script(app, start_new_game())
    world = app.session.world
    app.open("reflection", world=world)
    run_script(app, [Wait(2), Press(pygame.K_3), Wait(2)])  # "Lastig"
    assert isinstance(app.top, NoticeScene)
    assert app.top.title() == app.texts("reflect_hard_title")
    run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    assert not isinstance(app.top, NoticeScene)  # then the day goes on (the logbook)


def test_bots_that_are_silent_late_lost_or_quick_each_meet_the_help_meant_for_them(
        tmp_path, shipped_content):
    import sqlite3

    from game.sim.simulate import simulate

    db = tmp_path / "hulp.sqlite"
    simulate(shipped_content, db, 4, 2, class_code="1H", seed=21,
             styles=["silent", "late", "lost", "quick"])
    with sqlite3.connect(db) as con:
        met = set(con.execute(
            "select s.pupil_id, json_extract(e.payload, '$.rule') from events e join sessions s "
            "on s.id = e.session_id where e.kind = 'support_offered'").fetchall())
    by_number = {int(pupil.rsplit("-", 1)[1]): {r for p, r in met if p == pupil}
                 for pupil in {p for p, _ in met}}  # pupils 1-4 play the styles in turn
    assert "silent_day" in by_number.get(1, set())
    assert by_number.get(2, set()) & {"late_twice", "lost"}  # late, and so off the way
    assert "lost" in by_number.get(3, set())
    assert "quick_answers" in by_number.get(4, set())
