"""Content errors always say `file:line: message`, so authors can find and fix them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.paths import shown


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{shown(self.path)}:{self.line}: {self.message}"


class ContentError(Exception):
    """One or more problems in content files; str() lists them one per line."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, path: Path, line: int, message: str) -> ContentError:
        return cls(Problem(path, line, message))


def unique_problems(problems: list[Problem]) -> list[Problem]:
    """The same problem found twice is reported once, in first-found order."""
    seen: set[str] = set()
    out = []
    for p in problems:
        if str(p) not in seen:
            seen.add(str(p))
            out.append(p)
    return out
