"""The pupil's own voice: "Mijn logboek" after the day's reflection shows the day's
moments as the mentor will see them; the pupil's marks and note reach the log and the
mentor's mission sheet, where "rather not" keeps its words to itself."""

from __future__ import annotations

import re
import sqlite3

import pygame
from helpers import start_new_game
from world_helpers import started

from game.events.coping import CalmMoment
from game.events.lessons import LessonLate, LessonOnTime
from game.events.talking import ChoiceMade, Option, SaidLine
from game.scenes.day_end import EveningScene, ReflectionScene
from game.scenes.logbook import LogbookScene
from game.scripted import Press, Type, Wait, run_script
from game.world.world import World
from tests.dashboard_helpers import dashboard, signed_in, ui

NOTE = "Ik wist de weg niet"
UNKIND = "Dat zoek je zelf maar uit."


def a_day_with_moments(world: World) -> None:
    """A late lesson, an unkind answer to a classmate, a calm moment and routine."""
    lesson = world.day.lessons[0]
    talker = next(c for c in world.level.characters if c.dialogue)
    world.emit(LessonOnTime(lesson=lesson.id, subject=lesson.subject.nl))   # routine
    world.emit(LessonLate(lesson=world.day.lessons[1].id, minutes_late=4))
    world.emit(ChoiceMade.build(
        dialogue="test", node="start", character=talker.id, said_before=[
            SaidLine(speaker=talker.id, nl="Help je mee zoeken?", en="Will you help look?")],
        options=[Option(id="ja", nl="Ja hoor.", en="Sure."),
                 Option(id="nee", nl=UNKIND, en="Find it yourself.")],
        chosen_index=1, aspects={"solidarity": -1}, skills=["relations"]))
    world.emit(CalmMoment(via="time_out", seconds=30))


def test_the_logbook_lists_the_moments_the_mentor_talks_about(content):
    world, _ = started(content)
    a_day_with_moments(world)
    assert [m.category for m in world.logbook.moments] == ["late", "choice", "calm"]
    assert UNKIND in world.logbook.moments[1].text.nl  # what the pupil said, in their words
    again = World.restore(content, world.snapshot())   # a day continued after a break
    assert [m.key for m in again.logbook.moments] == [m.key for m in world.logbook.moments]
    world.end_day()
    world.start_next_day()
    assert world.logbook.moments == []                 # each day its own page


def test_after_the_reflection_the_pupil_marks_moments_and_the_mentor_sees_them(make_app):
    app = make_app()
    run_script(app, start_new_game())
    assert app.session is not None
    world = app.session.world
    a_day_with_moments(world)
    world.clock.minutes = world.day.end
    run_script(app, [Wait(3)])
    assert isinstance(app.top, ReflectionScene)
    run_script(app, [Press(pygame.K_1), Wait(2)])
    logbook = app.top
    assert isinstance(logbook, LogbookScene)
    # ours first; the lessons the jump to the day's end made the pupil miss come after
    assert [m.category for m in logbook.moments][:3] == ["late", "choice", "calm"]
    assert {m.category for m in logbook.moments[3:]} <= {"missed"}
    run_script(app, [
        Press(pygame.K_RIGHT), Press(pygame.K_n), Wait(1), Type(NOTE),   # late: talk + note
        Press(pygame.K_RETURN), Wait(1),
        Press(pygame.K_DOWN), Press(pygame.K_RIGHT), Press(pygame.K_RIGHT),  # choice: rather not
        Press(pygame.K_ESCAPE), Wait(1)])                  # the rest: nothing; Esc: to Done
    assert logbook.on_done
    assert [m.mark for m in logbook.moments] == ["talk", "private"] + [None] * (
        len(logbook.moments) - 2)
    assert logbook.moments[0].note == NOTE
    run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    assert not any(isinstance(s, LogbookScene) for s in app.stack)    # then the evening
    assert any(isinstance(s, EveningScene) for s in app.stack)        # (after any mission)
    db = app.options.db_path
    app.quit()
    with sqlite3.connect(db) as con:
        marks = con.execute("select json_extract(payload, '$.mark'), "
                            "json_extract(payload, '$.note') from events "
                            "where kind = 'moment_marked' order by seq").fetchall()
        pupil = con.execute("select id from pupils").fetchone()[0]
    assert marks == [("talk", NOTE), ("private", "")]
    page = signed_in(dashboard(db)).get(f"/pupil/{pupil}/sheet").get_data(as_text=True)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)).replace("&#39;", "'")
    assert NOTE in text and ui("category_choice") in text
    assert UNKIND not in text
    assert text.index(ui("sheet_pupil_marks")) < text.index(ui("sheet_strengths"))


def test_nothing_marked_logs_nothing_and_esc_goes_to_done(make_app):
    app = make_app()
    run_script(app, start_new_game())
    assert app.session is not None
    world = app.session.world
    a_day_with_moments(world)
    gone_on = []
    scene = app.open("logbook", world=world, then=lambda: gone_on.append(True))
    run_script(app, [Press(pygame.K_ESCAPE), Wait(1)])
    assert isinstance(scene, LogbookScene) and scene.on_done and not gone_on
    run_script(app, [Press(pygame.K_RETURN), Wait(1)])
    assert gone_on == [True]
    db = app.options.db_path
    app.quit()
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from events where kind = 'moment_marked'"
                           ).fetchone()[0] == 0
