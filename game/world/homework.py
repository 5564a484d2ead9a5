"""Homework in the agenda: write it down, plan when, and do the short task.

Each answer in a task is logged as a choice (with the question and options),
so a mentor sees how planning went, not a grade: a wrong answer just asks to
try again. Finishing goes through the World (`HomeworkWorld.finish_homework`).
"""

from __future__ import annotations

from typing import Literal, Protocol

from game.content.level import Homework, Level, Question
from game.events import Payload
from game.events.coping import SupportOffered
from game.events.talking import HOMEWORK_DIALOGUE, ChoiceMade, Option, SaidLine
from game.rules.state import PupilState

SLOTS = ("pauze", "tussenuur", "vanavond")
When = Literal["school", "vanavond"]


class HomeworkWorld(Protocol):
    @property
    def level(self) -> Level: ...

    @property
    def state(self) -> PupilState: ...

    @property
    def real_time(self) -> float: ...

    def emit(self, payload: Payload) -> object: ...

    def finish_homework(self, homework_id: str, when: When, answers: int) -> None: ...

    @property
    def helps_when_stuck(self) -> bool: ...


def open_homework(level: Level, state: PupilState) -> list[Homework]:
    """Given and not done yet (written in the agenda or not: it can still be)."""
    return [level.homework_item(h) for h in state.homework if h not in state.homework_done]


class HomeworkTask:
    def __init__(self, world: HomeworkWorld, homework_id: str, when: When) -> None:
        self.world = world
        self.homework = world.level.homework_item(homework_id)
        self.when: When = when
        self.index = 0
        self.tries = 0
        self.wrong_here = 0  # wrong answers to the question on screen
        self.taken_away: set[int] = set()  # wrong options removed to make it easier
        self.hinted = False  # the question's hint is on screen
        self._shown_at = world.real_time

    @property
    def question(self) -> Question | None:
        task = self.homework.task
        return task[self.index] if self.index < len(task) else None

    @property
    def done(self) -> bool:
        return self.question is None

    @property
    def shown(self) -> list[int]:
        """The options on screen (their numbers in the question), in order."""
        question = self.question
        assert question is not None
        return [i for i in range(len(question.options)) if i not in self.taken_away]

    @property
    def easier(self) -> bool:
        """Two wrong answers to this question: a hint shows (and a wrong option is gone)."""
        return self.hinted

    def answer(self, option: int) -> bool:
        question = self.question
        assert question is not None
        correct = option == question.answer
        self.tries += 1
        self.world.emit(ChoiceMade.build(
            dialogue=HOMEWORK_DIALOGUE.format(homework=self.homework.id),
            node=f"vraag-{self.index + 1}", character="player", context="homework",
            about=self.homework.id,
            said_before=[SaidLine(speaker="task", nl=question.text.nl, en=question.text.en)],
            options=[Option(id=f"optie-{i + 1}", nl=o.nl, en=o.en)
                     for i, o in enumerate(question.options)],
            chosen_index=option, skills=["planning"], correct=correct,
            response_ms=max(0, int(round((self.world.real_time - self._shown_at) * 1000)))))
        self._shown_at = self.world.real_time
        if correct:
            self.index += 1
            self.wrong_here, self.taken_away, self.hinted = 0, set(), False
            if self.done:
                self.world.finish_homework(self.homework.id, self.when, self.tries)
        else:
            self.wrong_here += 1
            if self.wrong_here == 2 and self.world.helps_when_stuck:
                self._make_easier(question, option)
        return correct

    def _make_easier(self, question: Question, chosen: int) -> None:
        """Show the hint and take away the wrong option just chosen, unless only the
        right one would be left (that would give the answer away)."""
        wrong = [i for i in range(len(question.options)) if i != question.answer]
        if len(wrong) >= 2:
            self.taken_away.add(chosen)
        self.hinted = True
        self.world.emit(SupportOffered(rule="homework_hint", about=self.homework.id))
