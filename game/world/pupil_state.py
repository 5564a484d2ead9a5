"""What the pupil has built up: relations, moods, flags, visits, clues, homework."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class PupilState:
    relations: dict[str, int] = field(default_factory=dict)
    moods: dict[str, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    visits: dict[str, int] = field(default_factory=dict)  # "dialogue:node" -> count
    used_once: set[str] = field(default_factory=set)  # "dialogue:choice" ids taken
    clues: list[str] = field(default_factory=list)
    homework: list[str] = field(default_factory=list)
    changes_seen: list[str] = field(default_factory=list)

    def relation(self, character: str) -> int:
        return self.relations.get(character, 0)

    def mood(self, character: str) -> str:
        return self.moods.get(character, "neutral")

    def visit_count(self, dialogue: str, node: str) -> int:
        return self.visits.get(f"{dialogue}:{node}", 0)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["flags"] = sorted(self.flags)
        data["used_once"] = sorted(self.used_once)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PupilState:
        return cls(
            relations=dict(data.get("relations", {})), moods=dict(data.get("moods", {})),
            flags=set(data.get("flags", [])), visits=dict(data.get("visits", {})),
            used_once=set(data.get("used_once", [])), clues=list(data.get("clues", [])),
            homework=list(data.get("homework", [])),
            changes_seen=list(data.get("changes_seen", [])),
        )
