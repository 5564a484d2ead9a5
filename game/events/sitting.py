"""A sitting and its school days: start, resume, the days, the end, quitting; and the log's
own check at start, which the mentor reads in the same story."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from game.events.base import (
    ADL,
    GOOD,
    INFO,
    NOTE,
    ClockText,
    Count,
    Payload,
    Ref,
    Teller,
    Told,
    Verb,
    Words,
)


class LevelStarted(Payload):
    """A new game of a level begins (its seed draws the alien)."""

    kind: ClassVar[str] = "level_start"
    story = "moment"
    verb = Verb(ADL + "initialized", "begon", "initialized")
    level: Ref
    day: Ref
    seed: int
    candidates: list[Ref] = Field(default_factory=list, max_length=50)

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_level_start", level=teller.names.title(self.level)))


class Resumed(Payload):
    """A saved game is continued."""

    kind: ClassVar[str] = "resume"
    story = "moment"
    verb = Verb(ADL + "resumed", "ging verder", "resumed")
    day: Ref
    clock: ClockText

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_resume", day=teller.names.day(self.day)))


class DayStarted(Payload):
    """The morning of a school day."""

    kind: ClassVar[str] = "day_start"
    story = "moment"
    day: Ref

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_day_start", day=teller.names.day(self.day)))


class DayEnded(Payload):
    """The school day is over: what the reflection counted (never a mark)."""

    kind: ClassVar[str] = "day_end"
    story = "moment"
    day: Ref
    lessons: Count
    on_time: Count
    late: list[Ref] = Field(default_factory=list, max_length=50)
    missed: list[Ref] = Field(default_factory=list, max_length=50)
    trusted_by: list[Words] = Field(default_factory=list, max_length=100)
    homework_noted: Count = 0
    homework_given: Count = 0
    changes_seen: Count = 0
    clues: Count = 0
    tip: Words | None = None
    """The catalogue key of the tip the pupil was given."""

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_day_end", on_time=self.on_time, lessons=self.lessons,
                                 clues=self.clues))


class LevelEnded(Payload):
    """The level is over (after the last day, or the last class scene)."""

    kind: ClassVar[str] = "level_end"
    immediate = True
    story = "moment"
    verb = Verb(ADL + "completed", "maakte af", "completed")
    solved: bool
    clues: Count
    accusations: Count
    day: Ref

    def tell(self, teller: Teller) -> Told:
        if self.solved:
            return Told(GOOD, teller("ev_level_solved"))
        return Told(INFO, teller("ev_level_unsolved"))


class Quit(Payload):
    """The pupil stopped playing (the game was saved)."""

    kind: ClassVar[str] = "quit"
    immediate = True
    story = "moment"
    verb = Verb(ADL + "suspended", "pauzeerde", "suspended")
    clock: ClockText

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_quit"))


class LogDamaged(Payload):
    """At start the game found the log damaged: events missing from a session (a gap in
    its numbers), or a file that failed SQLite's check and was set aside (kept, never
    deleted). Not the pupil's doing: the mentor reads it where it happened."""

    kind: ClassVar[str] = "log_damaged"
    story = "moment"
    problem: Literal["gap", "check_failed"]
    missing: Count = 0
    """How many events are missing (a gap)."""
    first: Count | None = None
    last: Count | None = None
    """The first and last missing sequence numbers (a gap)."""
    kept_as: Words | None = None
    """The damaged file's new name (a failed check)."""

    @property
    def detail(self) -> str:
        """Numbers and names only, so the one catalogue line reads in every language."""
        if self.problem == "check_failed":
            return self.kept_as or "?"
        span = f"#{self.first}" if self.first == self.last else f"#{self.first}–#{self.last}"
        return f"{self.missing}: {span}"

    def tell(self, teller: Teller) -> Told:
        return Told(NOTE, teller("ev_log_damaged", detail=self.detail))
