"""Finding the way: rooms, stairs, and looking things up (floor plan, agenda, notebook)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from game.events.base import INFO, Payload, Ref, Teller, Told


class RoomEntered(Payload):
    """The pupil's feet crossed into another room or corridor."""

    kind: ClassVar[str] = "room_entered"
    room: Ref
    floor: int = Field(ge=-5, le=50)


class StairsTaken(Payload):
    """The pupil took the stairs to another floor."""

    kind: ClassVar[str] = "stairs_taken"
    stairs: Ref
    to: Ref


class FloorPlanOpened(Payload):
    """The pupil looked at the floor plan (with a key, or offered by the game)."""

    kind: ClassVar[str] = "floor_plan_opened"
    story = "moment"
    via: Literal["key", "help", "offer"] = "key"
    next_room: Ref | None = None

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_floor_plan"))


class AgendaOpened(Payload):
    """The pupil opened the timetable and agenda."""

    kind: ClassVar[str] = "agenda_opened"
    story = "moment"
    homework: list[Ref] = Field(default_factory=list, max_length=100)

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_agenda"))


class NotebookOpened(Payload):
    """The pupil opened the case notebook."""

    kind: ClassVar[str] = "notebook_opened"
    story = "moment"
    clues: list[Ref] = Field(default_factory=list, max_length=100)

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_notebook"))
