"""Coping well when school is a lot: asking someone for help, taking a calm moment.

Both are strengths the mentor should see (the day's reflection counts them too): a
pupil who is lost or overwhelmed and asks or takes a break did exactly the right thing.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from game.events.base import GOOD, INFO, OWN_VERBS, Payload, Ref, Teller, Told, Verb

HelpAbout = Literal["way", "homework", "change", "feelings", "other"]
"""What the pupil asked help with (the effect `ask_help` names it)."""


class AskedForHelp(Payload):
    """The pupil asked someone for help (a choice with the effect `ask_help`)."""

    kind: ClassVar[str] = "asked_for_help"
    story = "afterwards"
    verb = Verb(OWN_VERBS + "asked-for-help", "vroeg om hulp", "asked for help")
    character: Ref | None = None
    about: HelpAbout

    def tell(self, teller: Teller) -> Told:
        return Told(GOOD, teller(f"ev_asked_for_help_{self.about}",
                                 name=teller.names.character(self.character)))


class CalmMoment(Payload):
    """The pupil took a calm moment: the time-out card, or the quiet room."""

    kind: ClassVar[str] = "calm_moment"
    story = "moment"
    verb = Verb(OWN_VERBS + "took-a-calm-moment", "nam een rustig moment", "took a calm moment")
    via: Literal["time_out", "quiet_room"]
    seconds: int = 0

    def tell(self, teller: Teller) -> Told:
        return Told(GOOD, teller(f"ev_calm_{self.via}"))


class SupportOffered(Payload):
    """The game noticed the pupil was stuck and a character offered help (support.py)."""

    kind: ClassVar[str] = "support_offered"
    story = "moment"
    verb = Verb(OWN_VERBS + "was-offered-help", "kreeg hulp aangeboden", "was offered help")
    rule: Literal["late_twice", "lost", "silent_day", "homework_hint", "quick_answers"]
    character: Ref | None = None  # who offered it (none: the game itself)
    about: Ref | None = None  # the homework, for a hint

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller(f"ev_support_{self.rule}",
                                 name=teller.names.character(self.character),
                                 homework=teller.names.homework(self.about)))
