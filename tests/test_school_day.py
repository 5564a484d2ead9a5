"""A school day, played headless with scripted walks and choices (the test school)."""

from __future__ import annotations

from world_helpers import sit_lesson, started, talk_through, wait_until, walk

from game.world.case import Case, suspects_left
from game.world.world import World


def test_a_first_day_on_time_late_homework_and_a_relation_clue(content):
    world, events = started(content)
    # Kim trusts a kind pupil and then tells a clue (a clue earned through a relation).
    talk_through(world, "kim", ["aardig"])
    talk_through(world, "kim", ["tip-vragen"])
    assert "kim-clue" in world.state.clues and world.state.relation("kim") == 1
    walk(world, "2.14")
    assert world.wait_for_bell()
    world.update(1 / 60)
    assert world.state.lessons["taal-1"] == "on_time"
    sit_lesson(world)
    assert "op-tijd" in world.state.clues  # a punctuality clue
    assert world.clock.text() == "09:20" and world.lesson is None
    # Maths: dawdle first, so the pupil arrives late.
    wait_until(world, 9 * 60 + 31)
    walk(world, "1.05")
    world.update(1 / 60)
    assert world.state.lessons["reken-1"] == "late"
    sit_lesson(world, note_homework=True)
    assert "reken-som" in world.state.homework_noted
    world.plan_homework("reken-som", "pauze")
    task = world.homework_task("reken-som")
    while not task.done:
        question = task.question
        assert question is not None
        wrong = (question.answer + 1) % len(question.options)
        assert task.answer(wrong) is False  # a wrong answer just asks again
        assert task.answer(question.answer) is True
    assert "reken-som" in world.state.homework_done
    late = events.of("lesson_late")[0]
    assert late.data["minutes_late"] >= 1 and late.room == "1.05"
    assert {"level_start", "bell", "bell_warning", "lesson_on_time", "lesson_late",
            "homework_given", "homework_noted", "homework_planned", "homework_done",
            "clue_found"} <= set(events.kinds())
    answers = [e.data for e in events.of("choice") if e.data["context"] == "homework"]
    assert [a["correct"] for a in answers] == [False, True, False, True]
    assert all(a["about"] == "reken-som" for a in answers)


def test_the_day_ends_after_the_last_lesson_and_a_missed_lesson_counts(content):
    world, events = started(content)
    wait_until(world, 12 * 60 + 30)
    assert world.day_over
    assert [e.data["lesson"] for e in events.of("lesson_missed")] == ["taal-1", "reken-1",
                                                                       "gym-1"]
    summary = events.of("day_end")[0].data
    assert summary["lessons"] == 3 and summary["on_time"] == 0
    assert summary["tip"] == "reflect_tip_late"  # a kind tip, not a mark


def test_day_two_room_change_homework_handed_in_and_a_second_chance_accusation(content):
    world, events = started(content)
    world.state.homework = ["reken-som"]
    world.state.homework_noted = ["reken-som"]
    world.state.homework_done = ["reken-som"]
    world.end_day()
    assert world.day_over and events.kinds()[-1] == "day_end"
    assert world.start_next_day() and world.day.id == "dag-2"
    assert events.kinds()[-1] == "day_start"
    # The pupil goes to the usual maths room; a note on the door tells the change.
    assert world.known_next_lesson().room == "1.05"
    walk(world, "1.05")
    assert "reken-ander-lokaal" in world.state.changes_seen
    assert world.known_next_lesson().room == "2.12"
    seen = events.of("timetable_change_seen")[0]
    assert seen.data == {"change": "reken-ander-lokaal", "lesson": "reken-2", "kind": "room",
                         "via": "door"}
    walk(world, "2.12")
    world.wait_for_bell()
    world.update(1 / 60)
    assert world.state.lessons["reken-2"] == "on_time"
    sit_lesson(world)
    assert world.state.homework_handed_in["reken-som"] == "on_time"
    assert "huiswerk-clue" in world.state.clues
    assert events.of("homework_handed_in")[0].data["homework"] == "reken-som"
    # Accuse someone the clues rule out, then the alien.
    case = world.case
    assert case is not None and content.level.alien is not None
    wrong = next(c for c in content.level.alien.candidates
                 if c != case.alien and c not in suspects_left(content.level, case,
                                                               world.state.clues))
    first = world.accuse(wrong, world.state.clues[0])
    assert not first.correct and first.misfit is not None and not world.state.solved
    second = world.accuse(case.alien, world.state.clues[0])
    assert second.correct and second.attempt == 2 and world.state.solved
    assert [e.data["correct"] for e in events.of("accusation")] == [False, True]


def test_homework_forgotten_is_late_with_a_mild_consequence(content):
    world, events = started(content)
    world.state.homework = ["reken-som"]  # given but never written down
    world.end_day()
    world.start_next_day()
    walk(world, "2.12")
    world.wait_for_bell()
    world.update(1 / 60)
    sit_lesson(world)
    assert world.state.homework_handed_in["reken-som"] == "late"
    assert "huiswerk-clue" not in world.state.clues
    assert events.of("homework_late")[0].data == {"homework": "reken-som", "noted": False}


def test_a_substitute_is_seen_in_the_lesson_and_a_cancelled_lesson_is_skipped(content):
    world, events = started(content)
    world.end_day()
    world.start_next_day()
    wait_until(world, 9 * 60 + 24)
    walk(world, "2.14")
    world.wait_for_bell()
    world.update(1 / 60)
    assert world.lesson is not None and world.lesson.planned.teacher == "gym"
    sit_lesson(world)
    assert "taal-invaller" in world.state.changes_seen
    assert events.of("timetable_change_seen")[-1].data["via"] == "lesson"
    wait_until(world, 10 * 60 + 36)
    assert world.state.lessons["gym-2"] == "cancelled"
    assert events.of("lesson_cancelled")[0].data["lesson"] == "gym-2"


def test_two_seeds_draw_different_aliens_and_one_seed_the_same(content):
    aliens = {Case.draw(content.level, seed).alien for seed in range(1, 30)}
    assert len(aliens) >= 3
    assert Case.draw(content.level, 11) == Case.draw(content.level, 11)
    a, b = World(content, seed=1), World(content, seed=2)
    assert a.case is not None and b.case is not None
    assert (a.case.alien, a.case.clue_traits) != (b.case.alien, b.case.clue_traits)


def test_save_and_load_round_trip_the_whole_world(content):
    world, _ = started(content, seed=5)
    talk_through(world, "kim", ["plagen", "weg"])
    walk(world, "2.14")
    world.wait_for_bell()
    world.update(1 / 60)
    sit_lesson(world)
    world.accuse("wim", None)
    snapshot = world.snapshot()
    again = World.restore(content, snapshot)
    assert again.snapshot() == snapshot
    assert again.case == world.case and again.state.lessons == {"taal-1": "on_time"}
    assert again.state.mood("kim") == "angry" and again.state.accusations
    assert again.clock.text() == world.clock.text() and again.room is not None
    assert again.room.id == "2.14"


def test_a_classmate_tells_the_news_and_the_notice_board_shows_it(content):
    world, events = started(content)
    world.end_day()
    world.start_next_day()
    talk_through(world, "lotte", [])
    assert "reken-ander-lokaal" in world.state.changes_seen
    assert [e.data["via"] for e in events.of("timetable_change_seen")] == ["classmate"]
    wait_until(world, 9 * 60 + 21)  # the cancelled PE lesson is announced at 09:20
    walk(world, "aula")
    seen = {e.data["change"]: e.data["via"] for e in events.of("timetable_change_seen")}
    assert seen["gym-vervalt"] == "notice_board"


def test_a_cancelled_last_lesson_does_not_keep_the_pupil_at_school(content):
    world, _ = started(content)
    world.end_day()
    world.start_next_day()  # day two: PE, the last lesson, is cancelled (told at 09:20)
    for lesson in ("reken-2", "taal-2"):
        world.state.lessons[lesson] = "on_time"
    world.clock.minutes = 10 * 60 + 16  # after the last lesson that is held
    world.update(1 / 60)
    assert world.free_time  # no waiting until the cancelled lesson's bell at 10:35
    walk(world, "ingang")
    assert world.go_home()


def test_in_a_lesson_the_class_sits_in_its_room_and_the_teacher_is_where_it_is_held(content):
    from game.world.seating import IN_CLASS_BEFORE

    world, _ = started(content)
    world.end_day()
    world.start_next_day()  # day two: maths (reken-2) moved from 1.05 to 2.12
    world.clock.minutes = 8 * 60 + 30 - IN_CLASS_BEFORE + 0.5
    world.update(1 / 60)
    smap = world.map

    def room_of(who: str) -> str | None:
        body = world.npcs[who].body
        room = smap.room_at(body.x, body.y - 1)
        return room.id if room else None

    classmates = [c.id for c in world.level.characters
                  if c.role == "classmate" and c.id in world.npcs]
    assert classmates and all(room_of(c) == "2.12" for c in classmates)
    assert room_of("reken") == "2.12"  # not waiting in the old room 1.05
    spots = {(round(world.npcs[c].body.x), round(world.npcs[c].body.y)) for c in classmates}
    assert len(spots) == len(classmates)  # one seat each
    world.clock.minutes = 9 * 60 + 21  # the lesson is over (the pupil never came)
    world.update(1 / 60)
    assert not any(world.npcs[c].seated for c in classmates)


def test_pe_starts_with_changing_not_with_sitting_down(content):
    from game.world.speech import both

    world, _ = started(content)
    world.clock.minutes = 10 * 60 + 30
    walk(world, "gymzaal")
    world.wait_for_bell()
    world.update(1 / 60)
    assert world.lesson is not None and world.lesson.planned.lesson.id == "gym-1"
    said = sit_lesson(world)
    assert said[0] == both("say_on_time_gym").nl
    assert both("say_on_time").nl not in said
