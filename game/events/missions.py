"""Missions for the real school: offered in the evening, checked the next morning."""

from __future__ import annotations

from typing import ClassVar, Literal

from game.content.tags import Skill
from game.events.base import GOOD, INFO, OWN_VERBS, Payload, Ref, Teller, Told, Verb, Words


class MissionOffered(Payload):
    """The evening's mission for the real school, and what the pupil said to it."""

    kind: ClassVar[str] = "mission_offered"
    immediate = True
    story = "moment"
    verb = Verb(OWN_VERBS + "took-a-mission", "nam een missie aan", "took on a mission")
    mission: Ref
    skill: Skill
    nl: Words
    en: Words
    answer: Literal["accepted", "not_now"]

    def tell(self, teller: Teller) -> Told:
        text = self.en if teller.names.language == "en" else self.nl
        return Told(GOOD if self.answer == "accepted" else INFO,
                    teller(f"ev_mission_{self.answer}", mission=text))


class MissionChecked(Payload):
    """The next morning: did the mission work out, and how did it feel?"""

    kind: ClassVar[str] = "mission_checked"
    immediate = True
    story = "moment"
    verb = Verb(OWN_VERBS + "looked-back-on-a-mission", "keek terug op een missie",
                "looked back on a mission")
    mission: Ref
    nl: Words
    en: Words
    result: Literal["done", "partly", "not_yet"]
    feeling: Literal["good", "ok", "hard"] | None = None

    def tell(self, teller: Teller) -> Told:
        text = self.en if teller.names.language == "en" else self.nl
        feeling = teller(f"ev_mission_feeling_{self.feeling}") if self.feeling else ""
        return Told(GOOD if self.result != "not_yet" else INFO,
                    teller(f"ev_mission_{self.result}", mission=text, feeling=feeling))


class MentorMissionStarted(Payload):
    """A new game started with a mission the mentor prepared (focus, support, days)."""

    kind: ClassVar[str] = "mentor_mission_started"
    story = "moment"
    verb = Verb(OWN_VERBS + "started-a-mentor-mission", "begon een missie van de mentor",
                "started a mission from the mentor")
    focus: list[Skill] = []
    days: int | None = None
    route: bool = True
    hints: bool = True
    calm: bool = True
    time_pressure: bool = False

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_mentor_mission", n=len(self.focus)))
