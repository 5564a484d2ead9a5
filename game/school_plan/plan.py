"""The school plan format (levels/plans/*.yaml): floors, corridors, rooms on either side,
stairs and lifts, and the people the map places. Checked with `file:line` messages like
every other content file, so a teacher can fix a plan without reading Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from game.content.checks import Report
from game.content.errors import ContentError
from game.content.schema import Id, LocalText, Strict, parse_model
from game.content.yaml_source import load_yaml

Kind = Literal["classroom", "lab", "art", "music", "computer", "gym", "kantine", "aula",
               "library", "quiet", "toilets", "lockers", "concierge", "teachers", "entrance",
               "office", "room"]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
SizeWord = Literal["small", "medium", "large"]
WIDTHS = {"small": 8, "medium": 10, "large": 14}
"""Tiles along the corridor, walls included (neighbours share a wall)."""

LARGE_KINDS = ("gym", "aula", "kantine", "library")
SMALL_KINDS = ("toilets", "lockers", "concierge", "quiet", "office")
TWO_DOORS = ("aula", "entrance", "kantine")

LABELS: dict[str, tuple[str, str]] = {
    "classroom": ("Lokaal {id}", "Room {id}"),
    "lab": ("Practicumlokaal {id}", "Lab {id}"),
    "art": ("Tekenlokaal {id}", "Art room {id}"),
    "music": ("Muzieklokaal {id}", "Music room {id}"),
    "computer": ("Computerlokaal {id}", "Computer room {id}"),
    "gym": ("Gymzaal", "Gym"),
    "kantine": ("Kantine", "Canteen"),
    "aula": ("Aula", "Main hall"),
    "library": ("Mediatheek", "Library"),
    "quiet": ("Stilteruimte", "Quiet room"),
    "toilets": ("Toiletten", "Toilets"),
    "lockers": ("Kluisjes", "Lockers"),
    "concierge": ("Conciërgeloge", "Caretaker's desk"),
    "teachers": ("Docentenkamer", "Teachers' room"),
    "entrance": ("Ingang", "Entrance"),
    "office": ("Kantoor {id}", "Office {id}"),
    "room": ("{id}", "{id}"),
}


def _size(value: Any) -> Any:
    """One clear message for a size: a word, or a width in tiles."""
    if value is None or value in WIDTHS:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 5 <= value <= 40:
        return value
    raise ValueError(f"size {value!r}: write small, medium, large or a width in tiles "
                     "(5 to 40, walls included)")


class PlanRoom(Strict):
    """A room along a corridor: its number or name, what it is for, how wide."""

    id: Id
    kind: Kind = "classroom"
    name: LocalText | None = None
    size: Annotated[SizeWord | int | None, BeforeValidator(_size)] = None
    doors: Annotated[int, Field(ge=1, le=2)] | None = None

    @property
    def width(self) -> int:
        if isinstance(self.size, int):
            return self.size
        if self.size is not None:
            return WIDTHS[self.size]
        return WIDTHS["large" if self.kind in LARGE_KINDS else
                      "small" if self.kind in SMALL_KINDS else "medium"]

    @property
    def door_count(self) -> int:
        return self.doors or (2 if self.kind in TWO_DOORS else 1)

    def label(self) -> LocalText:
        if self.name is not None:
            return self.name
        nl, en = LABELS[self.kind]
        return LocalText(nl=nl.format(id=self.id), en=en.format(id=self.id))


class Corridor(Strict):
    """A corridor and the rooms on its two sides: north is above it on the plan."""

    id: Id | None = None
    name: LocalText | None = None
    north: list[PlanRoom] = Field(default_factory=list)
    south: list[PlanRoom] = Field(default_factory=list)


class Floor(Strict):
    number: Annotated[int, Field(ge=-3, le=20)]
    """0 is the ground floor; rooms are usually numbered after it (2.14 is on floor 2)."""
    corridors: Annotated[list[Corridor], Field(min_length=1)]
    """West to east: each corridor opens into the next."""


class StairsPlan(Strict):
    """Stairs (or a lift) at one end of the corridors, joining the floors listed."""

    id: Id = "trap"
    kind: Literal["stairs", "lift"] = "stairs"
    end: Literal["east", "west"] = "east"
    floors: list[int] | None = None
    """Default: every floor."""


class Person(Strict):
    """Someone the map places (a level's character id): tiles from the room's corner."""

    id: Id
    room: Id
    at: tuple[int, int] = (1, 1)
    walks_to: tuple[int, int] | None = None
    """A second spot in the same room: they walk there and back."""


class SchoolPlan(Strict):
    id: Id
    name: LocalText
    floors: Annotated[list[Floor], Field(min_length=1)]
    stairs: list[StairsPlan] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)

    def corridor_id(self, floor: Floor, index: int) -> str:
        corridor = floor.corridors[index]
        if corridor.id:
            return corridor.id
        return f"gang-{floor.number}" if len(floor.corridors) == 1 \
            else f"gang-{floor.number}-{index + 1}"

    def rooms(self) -> list[tuple[Floor, PlanRoom]]:
        return [(floor, room) for floor in self.floors for corridor in floor.corridors
                for room in (*corridor.north, *corridor.south)]

    def staircase_floors(self, stairs: StairsPlan) -> list[int]:
        numbers = sorted(f.number for f in self.floors)
        return sorted(set(stairs.floors)) if stairs.floors is not None else numbers


@dataclass
class PlanFile:
    """A checked plan with where it came from: later steps report at its lines too."""

    plan: SchoolPlan
    raw: Any
    path: Path

    def report(self) -> Report:
        return Report(self.path, self.raw)


def load_plan(path: Path) -> PlanFile:
    """Read and check a plan; every problem is a `file:line` ContentError."""
    raw = load_yaml(path)
    plan = parse_model(SchoolPlan, raw, path)
    found = PlanFile(plan, raw, path)
    problems = check_plan(found)
    if problems.problems:
        raise ContentError(problems.result())
    return found


def check_plan(found: PlanFile) -> Report:
    """What the schema cannot see: unique names, one entrance, every floor reachable."""
    plan, report = found.plan, found.report()
    seen: dict[str, str] = {}
    numbers = [f.number for f in plan.floors]
    entrances: list[tuple[Any, ...]] = []
    for fi, floor in enumerate(plan.floors):
        if numbers.count(floor.number) > 1 and numbers.index(floor.number) != fi:
            report(("floors", fi, "number"), f"floor {floor.number} is listed twice")
        for ci, corridor in enumerate(floor.corridors):
            cid = plan.corridor_id(floor, ci)
            if cid in seen:
                report(("floors", fi, "corridors", ci), f"'{cid}' is used twice ({seen[cid]})")
            seen[cid] = f"a corridor on floor {floor.number}"
            for side in ("north", "south"):
                for ri, room in enumerate(getattr(corridor, side)):
                    loc = ("floors", fi, "corridors", ci, side, ri)
                    if room.id in seen:
                        report((*loc, "id"), f"room '{room.id}' is used twice (also "
                                             f"{seen[room.id]}): give each room its own name")
                    seen[room.id] = f"on floor {floor.number}"
                    if room.kind == "entrance":
                        entrances.append(loc)
    if not entrances:
        report(("floors",), "the plan has no entrance: give one room `kind: entrance` (the "
                            "pupil starts there and goes home from there)")
    for loc in entrances[1:]:
        report(loc, "only one room can be the entrance (kind: entrance)")
    if not any(r.kind in ("classroom", "lab", "art", "music", "computer")
               for _, r in plan.rooms()):
        report(("floors",), "the plan has no classroom: lessons need one (kind: classroom)")
    _check_stairs(plan, report)
    rooms = {room.id for _, room in plan.rooms()} | {
        plan.corridor_id(f, i) for f in plan.floors for i in range(len(f.corridors))}
    for pi, person in enumerate(plan.people):
        if person.room not in rooms:
            report(("people", pi, "room"), f"unknown room '{person.room}'")
    return report


def _check_stairs(plan: SchoolPlan, report: Report) -> None:
    numbers = {f.number for f in plan.floors}
    groups = {n: {n} for n in numbers}
    ends: dict[tuple[int, str], str] = {}
    for si, stairs in enumerate(plan.stairs):
        floors = plan.staircase_floors(stairs)
        listed = ", ".join(map(str, sorted(numbers)))
        for n in floors:
            if n not in numbers:
                report(("stairs", si, "floors"), f"floor {n} is not in the plan "
                                                 f"(floors: {listed})")
        floors = [n for n in floors if n in numbers]
        if len(floors) < 2:
            report(("stairs", si), f"stairs '{stairs.id}' must join at least two floors")
        for n in floors:
            if (n, stairs.end) in ends:
                report(("stairs", si, "end"), f"floor {n} already has stairs "
                                              f"'{ends[(n, stairs.end)]}' at its {stairs.end} "
                                              "end: use the other end")
            ends[(n, stairs.end)] = stairs.id
        for a, b in zip(floors, floors[1:], strict=False):
            merged = groups[a] | groups[b]
            for n in merged:
                groups[n] = merged
    lowest = min(numbers)
    for fi, floor in enumerate(plan.floors):
        if floor.number not in groups[lowest]:
            report(("floors", fi, "number"), f"floor {floor.number} cannot be reached: add "
                                              "stairs that join it (stairs: - floors: [...])")
    ids = [s.id for s in plan.stairs]
    for si, sid in enumerate(ids):
        if ids.index(sid) != si:
            report(("stairs", si, "id"), f"stairs id '{sid}' is used twice")
