"""A lesson as a short conversation with its teacher, built from the level's data.

How the pupil arrived (on time or late), a substitute, homework handed in or
missing, a clue for being on time, new homework with the choice to write it in
the agenda: each becomes a line or a choice. The choice is logged like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.content.dialogue import Dialogue, Effect
from game.content.schema import LocalText
from game.world.case import clue_statement
from game.world.conversation import Conversation
from game.world.school_day import see_change
from game.world.speech import both, joined

if TYPE_CHECKING:
    from game.world.world import World


def begin_lesson(world: World) -> Conversation:
    visit = world.lesson
    assert visit is not None
    item, lesson, state = visit.planned, visit.planned.lesson, world.state
    teacher = item.teacher
    level = world.level
    lines: list[dict[str, Any]] = []

    def say(text: LocalText, emotion: str = "neutral") -> None:
        lines.append({"speaker": teacher, "text": text.model_dump(), "emotion": emotion})

    if visit.status == "on_time":
        say(both("say_on_time", subject=lesson.subject), "happy")
    else:
        say(both("say_late", minutes=visit.minutes_late))
    if item.change and item.change.kind == "substitute":
        absent = level.character(lesson.teacher).name
        if item.change.id not in state.changes_seen:
            see_change(world, item.change, "lesson")
        say(both("say_substitute", absent=absent))
    if visit.status == "on_time":
        for clue in _new_clues(world, lesson.on_time):
            say(joined(level.clue(clue).text, clue_statement(level, world.case, clue)),
                "surprised")
    for hw in level.homework:
        if hw.due != lesson.id or hw.id not in state.homework:
            continue
        if hw.id in state.homework_done:
            state.homework_handed_in[hw.id] = "on_time"
            world.emit("homework_handed_in", {"homework": hw.id, "on_time": True})
            say(both("say_homework_good", title=hw.title), "happy")
            effects = [Effect(relation={"character": teacher, "change": 1})]
            if hw.clue:
                effects.append(Effect(give_clue=hw.clue))
            for clue in _new_clues(world, effects):
                say(joined(level.clue(clue).text, clue_statement(level, world.case, clue)),
                    "surprised")
        else:
            state.homework_handed_in[hw.id] = "late"
            world.emit("homework_late", {"homework": hw.id,
                                         "noted": hw.id in state.homework_noted})
            say(both("say_homework_missing"))
    say(both("say_lesson_work", subject=lesson.subject))
    given = [hw for hw in level.homework if hw.given_in == lesson.id]
    nodes: dict[str, Any] = {"einde": {"lines": [
        {"speaker": teacher, "text": both("say_lesson_end").model_dump(), "emotion": "happy"}],
        "end": True}}
    for hw in given:
        world.apply_effects([Effect(give_homework=hw.id)])
        due_day, due = level.lesson(hw.due)
        say(both("say_homework_given", title=hw.title, day=level.days[due_day].title,
                 subject=due.subject))
    start: dict[str, Any] = {"lines": lines}
    if given:
        hw = given[0]
        start["choices"] = [
            {"id": f"{hw.id}-noteren", "text": both("say_choice_note").model_dump(),
             "goto": "einde", "effects": [{"note_homework": h.id} for h in given],
             "tags": {"skills": ["planning"]},
             "reflect": both("reflect_q_note").model_dump()},
            {"id": f"{hw.id}-onthouden", "text": both("say_choice_remember").model_dump(),
             "goto": "einde", "tags": {"skills": ["planning"]},
             "reflect": both("reflect_q_note").model_dump()},
        ]
    else:
        start["goto"] = "einde"
    dialogue = Dialogue.model_validate({
        "id": f"les-{lesson.id}", "character": teacher,
        "start": [{"goto": "les"}], "nodes": {"les": start, **nodes}})
    conversation = Conversation(world, teacher, dialogue)
    conversation.is_lesson = True
    world.conversation = conversation
    return conversation


def _new_clues(world: World, effects: list[Effect]) -> list[str]:
    before = set(world.state.clues)
    world.apply_effects(effects)
    return [c for c in world.state.clues if c not in before]
