"""What the pupil has built up: relations, moods, flags, counters, visits, clues, homework.

Everything here is plain data, so a save is `to_dict()` and nothing is lost.
Only the World (and the rules it applies) changes it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class PupilState:
    relations: dict[str, int] = field(default_factory=dict)
    moods: dict[str, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    counters: dict[str, int] = field(default_factory=dict)
    visits: dict[str, int] = field(default_factory=dict)  # "dialogue:node" -> count
    used_once: set[str] = field(default_factory=set)  # "dialogue:choice" ids taken
    clues: list[str] = field(default_factory=list)
    homework: list[str] = field(default_factory=list)  # given by a teacher
    homework_noted: list[str] = field(default_factory=list)  # written in the agenda
    homework_plan: dict[str, str] = field(default_factory=dict)  # id -> slot
    scenes_done: list[str] = field(default_factory=list)  # class mode
    homework_done: list[str] = field(default_factory=list)
    homework_handed_in: dict[str, str] = field(default_factory=dict)  # id -> on_time|late
    changes_seen: list[str] = field(default_factory=list)
    lessons: dict[str, str] = field(default_factory=dict)  # id -> on_time|late|missed|cancelled
    minutes_late: dict[str, int] = field(default_factory=dict)
    bells: list[str] = field(default_factory=list)  # "warn:<lesson>" and "bell:<lesson>" rung
    accusations: list[dict[str, Any]] = field(default_factory=list)
    solved: bool = False
    kind_acts: dict[str, int] = field(default_factory=dict)  # day -> kind choices that day
    calm_days: list[str] = field(default_factory=list)  # days the pupil took a quiet moment
    help_asked: dict[str, int] = field(default_factory=dict)  # day -> times asked for help
    talked_on: list[str] = field(default_factory=list)  # days the pupil talked to someone
    missions: dict[str, str] = field(default_factory=dict)  # day -> mission offered that evening
    missions_taken: list[str] = field(default_factory=list)  # missions the pupil said yes to
    missions_checked: list[str] = field(default_factory=list)  # looked back on
    missions_sitting: dict[str, int] = field(default_factory=dict)  # mission -> sitting taken
    sittings: int = 0  # sittings of this game before the current one (resumes counted)
    mentor_mission: dict[str, Any] = field(default_factory=dict)  # a mentor's mission, if any

    def relation(self, character: str) -> int:
        return self.relations.get(character, 0)

    def mood(self, character: str) -> str:
        return self.moods.get(character, "neutral")

    def visit_count(self, dialogue: str, node: str) -> int:
        return self.visits.get(f"{dialogue}:{node}", 0)

    def counter(self, name: str) -> int:
        return self.counters.get(name, 0)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["flags"] = sorted(self.flags)
        data["used_once"] = sorted(self.used_once)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PupilState:
        state = cls()
        for f in fields(cls):
            if f.name in data:
                value = data[f.name]
                current = getattr(state, f.name)
                setattr(state, f.name, type(current)(value) if isinstance(
                    current, (set, list, dict)) else value)
        return state
