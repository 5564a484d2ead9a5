"""The pupil's own voice: marks on the day's moments in "Mijn logboek", and the pupil's
yes before their log leaves the machine.

A mark says what the pupil wants done with a moment in the talk with the mentor: talk
about it, or rather not. A "rather not" moment reaches the mentor only as its kind and
its aspects, never its words (the sheet reads `private` and leaves the words out).
Moments are named by `moment_key`, which the game and the dashboard both compute from
the event itself, so no id has to travel between them.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints

from game.content.tags import Aspect
from game.events.base import GOOD, INFO, OWN_VERBS, Payload, Ref, Teller, Told, Verb
from game.events.coping import AskedForHelp, CalmMoment
from game.events.homework import HomeworkLate
from game.events.lessons import LessonLate, LessonMissed
from game.events.talking import ChoiceMade

Category = Literal["choice", "late", "missed", "homework_late", "help", "calm"]
"""What kind of moment a mark is about: all a "rather not" moment shows of itself."""
Mark = Literal["talk", "private"]
NOTE_LENGTH = 140
Note = Annotated[str, StringConstraints(max_length=NOTE_LENGTH)]
MomentKey = Annotated[str, StringConstraints(min_length=1, max_length=260)]


def moment_key(payload: Payload) -> tuple[str, Category] | None:
    """The name and category of a moment the pupil can mark, or None for other events.

    Only moments the mentor's sheet talks about: choices said to someone with tags,
    lateness, a missed lesson, late homework, asking for help and a calm moment."""
    match payload:
        case ChoiceMade(context="talk" | "lesson") if payload.aspects:
            return f"choice:{payload.dialogue}:{payload.node}:{payload.chosen}", "choice"
        case LessonLate():
            return f"late:{payload.lesson}", "late"
        case LessonMissed():
            return f"missed:{payload.lesson}", "missed"
        case HomeworkLate():
            return f"homework_late:{payload.homework}", "homework_late"
        case AskedForHelp():
            return f"help:{payload.about}:{payload.character or ''}", "help"
        case CalmMoment():
            return f"calm:{payload.via}", "calm"
    return None


class MomentMarked(Payload):
    """In "Mijn logboek" the pupil marked a moment of the day: talk about it, or rather not,
    perhaps with a short note of their own."""

    kind: ClassVar[str] = "moment_marked"
    immediate = True
    story = "moment"
    verb = Verb(OWN_VERBS + "marked-a-moment", "markeerde een moment", "marked a moment")
    day: Ref
    moment: MomentKey
    category: Category
    aspects: list[Aspect] = Field(default_factory=list, max_length=7)
    mark: Mark
    note: Note = ""

    def tell(self, teller: Teller) -> Told:
        return Told(GOOD if self.mark == "talk" else INFO,
                    teller(f"ev_marked_{self.mark}", what=teller(f"category_{self.category}")))


Destination = Literal["file", "class", "handover"]


class ConsentGiven(Payload):
    """The pupil said yes to sending their log on: to a file (for the mentor) or to the
    class's dashboard, after the game told them in plain words what goes to whom."""

    kind: ClassVar[str] = "consent_given"
    immediate = True
    story = "moment"
    verb = Verb(OWN_VERBS + "gave-consent", "gaf toestemming", "gave consent")
    to: Destination
    what: Literal["log"] = "log"

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller(f"ev_consent_{self.to}"))


Helps = Literal["floor_plan", "timetable_early", "fixed_seat", "quiet_place", "changes_told",
                "someone_to_ask", "homework_together"]
"""What helps the pupil, in the words of "Mijn overstap" (catalogue `handover_helps_*`)."""
Hard = Literal["crowds", "changes", "finding_way", "new_people", "planning", "being_late"]
"""What the pupil finds hard (catalogue `handover_hard_*`)."""
Likes = Literal["drawing", "sport", "music", "games", "reading", "space", "animals", "making"]
"""What the pupil likes (catalogue `handover_likes_*`): something to start a talk with."""


class HandoverWritten(Payload):
    """"Mijn overstap": what the pupil wants their new mentor to know: what helps, what is
    hard, what they like, and a note of their own. The new school's mentor reads it first
    on the sheet."""

    kind: ClassVar[str] = "handover_written"
    immediate = True
    story = "moment"
    verb = Verb(OWN_VERBS + "wrote-a-handover", "schreef een overstap", "wrote a handover")
    helps: list[Helps] = Field(default_factory=list, max_length=7)
    hard: list[Hard] = Field(default_factory=list, max_length=6)
    likes: list[Likes] = Field(default_factory=list, max_length=8)
    note: Annotated[str, StringConstraints(max_length=NOTE_LENGTH * 2)] = ""

    def tell(self, teller: Teller) -> Told:
        return Told(GOOD, teller("ev_handover"))
