"""Homework in the agenda: write it down, plan when, and do the short task.

Each answer in a task is logged as a choice (with the question and options),
so a mentor sees how planning went, not a grade: a wrong answer just asks to
try again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.content.level import Homework, Question
from game.world.events import choice_data

if TYPE_CHECKING:
    from game.world.world import World

SLOTS = ("pauze", "tussenuur", "vanavond")


def plan(world: World, homework_id: str, slot: str) -> None:
    if slot not in SLOTS:
        raise ValueError(f"unknown slot {slot!r}; choose from {SLOTS}")
    world.state.homework_plan[homework_id] = slot
    world.emit("homework_planned", {"homework": homework_id, "slot": slot})


def open_homework(world: World) -> list[Homework]:
    """Noted in the agenda and not done yet: what the agenda offers to do now."""
    state = world.state
    return [world.level.homework_item(h) for h in state.homework_noted
            if h not in state.homework_done]


class HomeworkTask:
    def __init__(self, world: World, homework_id: str, when: str) -> None:
        self.world = world
        self.homework = world.level.homework_item(homework_id)
        self.when = when  # "school" or "vanavond"
        self.index = 0
        self.tries = 0
        self._shown_at = world.real_time

    @property
    def question(self) -> Question | None:
        task = self.homework.task
        return task[self.index] if self.index < len(task) else None

    @property
    def done(self) -> bool:
        return self.question is None

    def answer(self, option: int) -> bool:
        question = self.question
        assert question is not None
        correct = option == question.answer
        self.tries += 1
        self.world.emit("choice", choice_data(
            dialogue=f"huiswerk-{self.homework.id}", node=f"vraag-{self.index + 1}",
            character="player",
            said_before=[{"speaker": "task", "nl": question.text.nl, "en": question.text.en,
                          "emotion": "neutral"}],
            options=[{"id": f"optie-{i + 1}", "nl": o.nl, "en": o.en}
                     for i, o in enumerate(question.options)],
            chosen_index=option, skills=["planning"], correct=correct,
            response_ms=int(round((self.world.real_time - self._shown_at) * 1000))))
        self._shown_at = self.world.real_time
        if correct:
            self.index += 1
            if self.done:
                self._finish()
        return correct

    def _finish(self) -> None:
        state = self.world.state
        if self.homework.id not in state.homework_done:
            state.homework_done.append(self.homework.id)
            on_time = self.homework.id not in state.homework_handed_in
            self.world.emit("homework_done", {
                "homework": self.homework.id, "when": self.when, "on_time": on_time,
                "planned": state.homework_plan.get(self.homework.id),
                "answers": self.tries, "questions": len(self.homework.task)})
