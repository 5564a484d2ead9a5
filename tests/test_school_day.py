"""A whole school day, played headless with scripted walks and choices."""

from __future__ import annotations

from game.world.case import Case, suspects_left
from game.world.navigator import Navigator
from game.world.world import World


def walk(world: World, target: str, limit: int = 60 * 120) -> None:
    nav = Navigator(target)
    for _ in range(limit):
        step = nav.step(world)
        if step is None:
            return
        world.update(1 / 60, (float(step[0]), float(step[1])))
        if world.lesson is not None:
            return
    raise AssertionError(f"did not reach {target}")


def wait_until(world: World, minute: float) -> None:
    while world.clock.minutes < minute and world.lesson is None and not world.day_over:
        world.update(1 / 60)


def sit_lesson(world: World, note_homework: bool = True) -> list[str]:
    conversation = world.begin_lesson()
    assert conversation is not None
    said = []
    while not conversation.finished:
        if conversation.at_choice:
            ids = [c.id for c in conversation.choices]
            want = "-noteren" if note_homework else "-onthouden"
            conversation.choose(next(i for i, c in enumerate(ids) if c.endswith(want)))
        else:
            said.append(conversation.line.text.nl)
            conversation.advance()
    return said


def talk_through(world: World, who: str, prefer: list[str]) -> None:
    conversation = world.talk(world.npcs[who])
    while conversation is not None and not conversation.finished:
        if conversation.at_choice:
            ids = [c.id for c in conversation.choices]
            pick = next((ids.index(p) for p in prefer if p in ids), 0)
            conversation.choose(pick)
        else:
            conversation.advance()


def kinds(world: World) -> list[str]:
    return [e.kind for e in world.events]


def test_a_full_first_day_on_time_late_homework_and_a_relation_clue(content):
    world = World(content, seed=3)
    # Fadil opens up after two kind approaches: a clue earned through a relation.
    for _ in range(3):
        talk_through(world, "fadil", ["fadil-boek", "fadil-mars"])
    assert "fadil-ziet-iets" in world.state.clues and world.state.relation("fadil") >= 2
    walk(world, "2.14")
    assert world.wait_for_bell()
    world.update(1 / 60)
    assert world.state.lessons["mentorles"] == "on_time"
    said = sit_lesson(world)
    assert "mentor-observatie" in world.state.clues  # a punctuality clue
    assert any("op tijd" in line for line in said)
    assert world.clock.text() == "09:20" and world.lesson is None
    # Maths: dawdle first, so the pupil arrives late, and the teacher says so kindly.
    wait_until(world, 9 * 60 + 31)
    walk(world, "1.05")
    world.update(1 / 60)
    assert world.state.lessons["wiskunde-1"] == "late"
    late_line = sit_lesson(world, note_homework=True)[0]
    assert "te laat" in late_line and "Dat kan gebeuren" in late_line
    assert "wiskunde-som" in world.state.homework_noted
    world.plan_homework("wiskunde-som", "pauze")
    task = world.homework_task("wiskunde-som")
    while not task.done:
        question = task.question
        wrong = (question.answer + 1) % len(question.options)
        assert task.answer(wrong) is False  # a wrong answer just asks again
        assert task.answer(question.answer) is True
    assert "wiskunde-som" in world.state.homework_done
    late = next(e for e in world.events if e.kind == "lesson_late")
    assert late.data["minutes_late"] >= 1 and late.room == "1.05"
    assert {"bell", "bell_warning", "lesson_on_time", "lesson_late", "homework_given",
            "homework_noted", "homework_planned", "homework_done",
            "clue_found"} <= set(kinds(world))


def test_day_two_room_change_homework_handed_in_and_a_second_chance_accusation(content):
    world = World(content, seed=3)
    world.state.homework = ["wiskunde-som"]
    world.state.homework_noted = ["wiskunde-som"]
    world.state.homework_done = ["wiskunde-som"]
    world.end_day()
    assert world.day_over and kinds(world)[-1] == "day_end"
    assert world.start_next_day() and world.day.id == "dag-2"
    # The pupil goes to the usual maths room; a note on the door tells the change.
    assert world.known_next_lesson().room == "1.05"
    walk(world, "1.05")
    assert "wiskunde-ander-lokaal" in world.state.changes_seen
    assert world.known_next_lesson().room == "2.12"
    seen = next(e for e in world.events if e.kind == "timetable_change_seen")
    assert seen.data["via"] == "door"
    walk(world, "2.12")
    world.wait_for_bell()
    world.update(1 / 60)
    assert world.state.lessons["wiskunde-2"] == "on_time"
    said = sit_lesson(world)
    assert world.state.homework_handed_in["wiskunde-som"] == "on_time"
    assert "bakker-huiswerk" in world.state.clues
    assert any("huiswerk af" in line for line in said)
    # Accuse someone the clues rule out, then the alien.
    case = world.case
    wrong = next(c for c in content.level.alien.candidates
                 if c != case.alien and c not in suspects_left(content.level, case,
                                                               world.state.clues))
    first = world.accuse(wrong, world.state.clues[0])
    assert not first["correct"] and first["misfit"] is not None and not world.state.solved
    second = world.accuse(case.alien, world.state.clues[0])
    assert second["correct"] and second["attempt"] == 2 and world.state.solved
    assert [e.data["correct"] for e in world.events if e.kind == "accusation"] == [False, True]


def test_homework_forgotten_is_late_with_a_mild_consequence(content):
    world = World(content, seed=3)
    world.state.homework = ["wiskunde-som"]  # given but never written down
    world.end_day()
    world.start_next_day()
    walk(world, "2.12")
    world.wait_for_bell()
    world.update(1 / 60)
    said = sit_lesson(world)
    assert world.state.homework_handed_in["wiskunde-som"] == "late"
    assert "bakker-huiswerk" not in world.state.clues
    assert any("niet erg" in line for line in said)
    late = next(e for e in world.events if e.kind == "homework_late")
    assert late.data == {"homework": "wiskunde-som", "noted": False}


def test_two_seeds_draw_different_aliens_and_one_seed_the_same(content):
    aliens = {Case.draw(content.level, seed).alien for seed in range(1, 30)}
    assert len(aliens) >= 3
    assert Case.draw(content.level, 11) == Case.draw(content.level, 11)
    a, b = World(content, seed=1), World(content, seed=2)
    assert (a.case.alien, a.case.clue_traits) != (b.case.alien, b.case.clue_traits)


def test_save_and_load_round_trip_the_whole_world(content):
    world = World(content, seed=5)
    talk_through(world, "daan", ["daan-uitlachen", "daan-weglopen"])
    walk(world, "2.14")
    world.wait_for_bell()
    world.update(1 / 60)
    sit_lesson(world)
    world.accuse("sem", None)
    snapshot = world.snapshot()
    again = World.restore(content, snapshot)
    assert again.snapshot() == snapshot
    assert again.case == world.case and again.state.lessons == {"mentorles": "on_time"}
    assert again.state.mood("daan") == "angry" and again.state.accusations
    assert again.clock.text() == world.clock.text() and again.room.id == "2.14"


def test_a_classmate_tells_the_news_and_the_notice_board_shows_it(content):
    world = World(content, seed=3)
    world.end_day()
    world.start_next_day()
    talk_through(world, "mila", [])
    assert "wiskunde-ander-lokaal" in world.state.changes_seen
    via = [e.data["via"] for e in world.events if e.kind == "timetable_change_seen"]
    assert via == ["classmate"]
    wait_until(world, 9 * 60 + 21)  # the cancelled PE lesson is announced at 09:20
    walk(world, "aula")
    assert "gym-vervalt" in world.state.changes_seen
    assert world.notices and "Gym vervalt" in world.notices[-1].nl
