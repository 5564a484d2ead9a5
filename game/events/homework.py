"""Homework: given, written in the agenda, planned, done, handed in (or not yet)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from game.events.base import GOOD, INFO, NOTE, Count, Payload, Ref, Teller, Told

Slot = Literal["pauze", "tussenuur", "vanavond"]


class HomeworkGiven(Payload):
    """A teacher gave homework."""

    kind: ClassVar[str] = "homework_given"
    story = "moment"
    homework: Ref

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_homework_given",
                                 title=teller.names.homework(self.homework)))


class HomeworkNoted(Payload):
    """The pupil wrote the homework in the agenda."""

    kind: ClassVar[str] = "homework_noted"
    story = "moment"
    homework: Ref

    def tell(self, teller: Teller) -> Told:
        return Told(GOOD, teller("ev_homework_noted",
                                 title=teller.names.homework(self.homework)))


class HomeworkPlanned(Payload):
    """The pupil chose when to do it."""

    kind: ClassVar[str] = "homework_planned"
    story = "moment"
    homework: Ref
    slot: Slot

    def tell(self, teller: Teller) -> Told:
        return Told(GOOD, teller("ev_homework_planned",
                                 title=teller.names.homework(self.homework),
                                 slot=teller(f"slot_{self.slot}")))


class HomeworkDone(Payload):
    """The pupil finished the task (at school or in the evening)."""

    kind: ClassVar[str] = "homework_done"
    story = "moment"
    homework: Ref
    when: Literal["school", "vanavond"]
    on_time: bool
    planned: Slot | None = None
    answers: Count
    questions: Count

    def tell(self, teller: Teller) -> Told:
        return Told(GOOD, teller("ev_homework_done",
                                 title=teller.names.homework(self.homework)))


class HomeworkHandedIn(Payload):
    """Handed in at the lesson it was due."""

    kind: ClassVar[str] = "homework_handed_in"
    story = "moment"
    homework: Ref
    on_time: bool = True

    def tell(self, teller: Teller) -> Told:
        return Told(GOOD, teller("ev_homework_handed_in",
                                 title=teller.names.homework(self.homework)))


class HomeworkLate(Payload):
    """Not done yet at the lesson it was due."""

    kind: ClassVar[str] = "homework_late"
    story = "moment"
    homework: Ref
    noted: bool = Field(default=False)
    """Was it written in the agenda."""

    def tell(self, teller: Teller) -> Told:
        return Told(NOTE, teller("ev_homework_late",
                                 title=teller.names.homework(self.homework)))
