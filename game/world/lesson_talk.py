"""A lesson as a short conversation with its teacher, built from the level's data.

How the pupil arrived (on time or late), a substitute, homework handed in or
missing, a clue for being on time, new homework with the choice to write it in
the agenda: each becomes a line or a choice. The choice is logged like any other.
What the lesson changes (homework handed in, clues, new homework) goes through
`LessonWorld`, the part of the World a lesson may use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from game.content.dialogue import Dialogue
from game.content.level import Level
from game.content.schema import LocalText
from game.content.school_map import SchoolMap
from game.events.talking import LESSON_DIALOGUE
from game.rules.effects import ChangeRelation, Effect, GiveClue, GiveHomework
from game.rules.state import PupilState
from game.world.case import Case
from game.world.school_day import LessonVisit
from game.world.speech import both

GYM = "gym"  # the map's kind for the gym


class LessonWorld(Protocol):
    @property
    def level(self) -> Level: ...

    @property
    def map(self) -> SchoolMap: ...

    @property
    def case(self) -> Case | None: ...

    @property
    def state(self) -> PupilState: ...

    def see_change(self, change_id: str, via: str) -> None: ...

    def apply_effects(self, effects: Sequence[Effect]) -> None: ...

    def hand_in(self, homework_id: str) -> bool: ...


def lesson_dialogue(world: LessonWorld, visit: LessonVisit, *, opening: bool = True,
                    closing: bool = True) -> Dialogue:
    """The teacher's part of this lesson, as a dialogue (applying what happens as it goes).

    A lesson with a `moment` is told in two parts around it: the opening (arrival,
    homework handed in, "let's start") and the closing (new homework, goodbye)."""
    item, lesson, state = visit.planned, visit.planned.lesson, world.state
    teacher = item.teacher
    level = world.level
    lines: list[dict[str, Any]] = []

    def say(text: LocalText, emotion: str = "neutral") -> None:
        lines.append({"speaker": teacher, "text": text.model_dump(), "emotion": emotion})

    def reward(effects: list[Effect]) -> None:
        before = set(state.clues)
        world.apply_effects(effects)
        if any(c not in before for c in state.clues):
            # in the teacher's own words; the clue's card follows after the lesson
            say(both("say_clue"), "surprised")

    if opening:
        _open(world, visit, say, reward)
    given = [hw for hw in level.homework if hw.given_in == lesson.id] if closing else []
    goodbye = [{"speaker": teacher, "text": both("say_lesson_end").model_dump(),
                "emotion": "happy"}] if closing else []
    if not lines and not given:  # a closing with nothing but the goodbye
        lines, goodbye = goodbye, []
    nodes: dict[str, Any] = {"einde": {"lines": goodbye, "end": True}} if goodbye else {}
    today = level.lesson(lesson.id)[0]
    for hw in given:
        world.apply_effects([GiveHomework(homework=hw.id)])
        due_day = level.lesson(hw.due)[0]
        when = "say_when_today" if due_day == today else \
            "say_when_tomorrow" if due_day == today + 1 else "say_when_later"
        say(both("say_homework_given", title=hw.title, when=both(when)))
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
    elif goodbye:
        start["goto"] = "einde"
    else:
        start["end"] = True
    return Dialogue.model_validate({
        "id": LESSON_DIALOGUE.format(lesson=lesson.id), "character": teacher,
        "start": [{"goto": "les"}], "nodes": {"les": start, **nodes}})


def _open(world: LessonWorld, visit: LessonVisit, say: Callable[..., None],
          reward: Callable[[list[Effect]], None]) -> None:
    """The lesson's first words: how the pupil arrived, a substitute, homework handed in."""
    item, lesson, level = visit.planned, visit.planned.lesson, world.level
    room = world.map.rooms.get(item.room)
    gym = "_gym" if room is not None and room.kind == GYM else ""  # PE starts by changing
    if visit.status == "on_time":
        say(both(f"say_on_time{gym}"), "happy")
    else:
        say(both("say_late", n=max(1, visit.minutes_late)))
    if item.change and item.change.kind == "substitute":
        absent = level.character(lesson.teacher).name
        world.see_change(item.change.id, "lesson")
        say(both("say_substitute", absent=absent))
    if visit.status == "on_time":
        reward(list(lesson.on_time))
    for hw in level.homework:
        if hw.due != lesson.id or hw.id not in world.state.homework:
            continue
        if world.hand_in(hw.id):
            say(both("say_homework_good"), "happy")
            effects: list[Effect] = [ChangeRelation(character=item.teacher, change=1)]
            if hw.clue:
                effects.append(GiveClue(clue=hw.clue))
            reward(effects)
        else:
            say(both("say_homework_missing"))
    say(both(f"say_lesson_work{gym}"))
