"""How the game was started: level, data folder, language, seed, log, class mode."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game import paths
from game.journal.journal import LOG_NAME
from game.saves import default_data_dir

SCREEN_SIZE = (1280, 720)


@dataclass
class Situation:
    """A writer's preview: the school day (from 1) and what the pupil has built up."""

    day: int = 1
    flags: list[str] = field(default_factory=list)
    moods: dict[str, str] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)


@dataclass
class Options:
    level: Path = paths.DEFAULT_LEVEL
    class_level: Path = paths.CLASS_LEVEL  # what "Klasmodus" on the title screen plays
    data_dir: Path = field(default_factory=default_data_dir)
    fast: bool = False  # tests and benchmarks: one fixed step per frame, no sleeping
    size: tuple[int, int] = SCREEN_SIZE
    language: str | None = None
    seed: int | None = None
    db: Path | None = None  # the choice log; default: journal.sqlite in data_dir
    class_code: str | None = None
    server: str | None = None  # class mode: the teacher's dashboard to send the log to
    mission: Path | None = None  # a mentor's mission file (else looked for: mentor_mission.py)
    preview: str | None = None  # a writer's preview: this dialogue at once (nothing logged)
    situation: Situation = field(default_factory=Situation)
    # an unexpected error shows the calm crash screen; tests turn it off to see the error
    crash_screen: bool = True

    @property
    def db_path(self) -> Path:
        return self.db if self.db is not None else self.data_dir / LOG_NAME
