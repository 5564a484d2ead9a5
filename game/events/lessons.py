"""The timetable: the bell, arriving on time or late, lessons, and changes seen."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from game.events.base import (
    ADL,
    GOOD,
    INFO,
    NOTE,
    OWN_VERBS,
    Payload,
    Ref,
    Teller,
    Told,
    Verb,
    Words,
)


class _AboutLesson(Payload):
    """A moment about one lesson as it really is (every announced change applied)."""

    lesson: Ref
    subject: Words | None = None
    """The subject in Dutch, as the timetable showed it."""
    room: Ref | None = None
    teacher: Ref | None = None
    changed: Ref | None = None
    """The timetable change that applies to this lesson, if any."""

    def subject_name(self, teller: Teller) -> str:
        name = teller.names.lesson(self.lesson)
        return self.subject if name == self.lesson and self.subject else name


class BellWarning(_AboutLesson):
    """Five minutes before a lesson."""

    kind: ClassVar[str] = "bell_warning"


class Bell(_AboutLesson):
    """The bell for a lesson."""

    kind: ClassVar[str] = "bell"


class WaitedForBell(Payload):
    """In the right room early, the pupil skipped the wait."""

    kind: ClassVar[str] = "waited_for_bell"
    lesson: Ref


class LessonOnTime(_AboutLesson):
    """In the lesson's room when the bell went."""

    kind: ClassVar[str] = "lesson_on_time"
    story = "moment"
    verb = Verb(ADL + "attended", "was op tijd bij", "attended")
    minutes_late: int = Field(default=0, ge=0, le=0)

    def tell(self, teller: Teller) -> Told:
        return Told(GOOD, teller("ev_on_time", subject=self.subject_name(teller),
                                 room=teller.names.room(self.room)))


class LessonLate(_AboutLesson):
    """Arrived after the bell."""

    kind: ClassVar[str] = "lesson_late"
    story = "moment"
    verb = Verb(OWN_VERBS + "arrived-late", "kwam te laat bij", "arrived late at")
    minutes_late: int = Field(ge=0, le=24 * 60)

    def tell(self, teller: Teller) -> Told:
        return Told(NOTE, teller("ev_late", subject=self.subject_name(teller),
                                 room=teller.names.room(self.room), n=max(1, self.minutes_late)))


class LessonMissed(_AboutLesson):
    """The lesson ended before the pupil got there."""

    kind: ClassVar[str] = "lesson_missed"
    story = "moment"

    def tell(self, teller: Teller) -> Told:
        return Told(NOTE, teller("ev_missed", subject=self.subject_name(teller),
                                 room=teller.names.room(self.room)))


class LessonCancelled(_AboutLesson):
    """A lesson that was announced as cancelled did not take place."""

    kind: ClassVar[str] = "lesson_cancelled"
    story = "moment"

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_cancelled", subject=self.subject_name(teller)))


class LessonEnded(Payload):
    """The lesson is over; the clock jumps to its end."""

    kind: ClassVar[str] = "lesson_end"
    lesson: Ref


Via = Literal["notice_board", "classmate", "door", "lesson", "talk"]


class TimetableChangeSeen(Payload):
    """The pupil learned about a change: on the notice board, a door, from a classmate..."""

    kind: ClassVar[str] = "timetable_change_seen"
    story = "moment"
    change: Ref
    lesson: Ref | None = None
    change_kind: Literal["room", "cancelled", "substitute"] | None = Field(
        default=None, alias="kind")
    via: Via = "talk"

    def tell(self, teller: Teller) -> Told:
        return Told(GOOD, teller("ev_change_seen", change=teller.names.change(self.change),
                                 via=teller(f"via_{self.via}")))
