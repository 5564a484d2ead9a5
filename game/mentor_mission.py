"""A mission a mentor prepares for one pupil (made on the dashboard, a small JSON file).

The file says which skills to focus on, how much support the game gives (route help,
help when stuck, calm mode, time pressure), how many days to play, the pupil's real new
school and mentor, and a short welcome. Nothing else about the pupil travels in it: the
agent name is a pseudonym the pupil already uses. The game finds it when started with
`--mission FILE`, or as `alien-missie*.json` in the game's data folder or the Downloads
folder (the newest), so a parent only has to download it. A file that is not a mission,
is damaged or too big is ignored with a clear message; it never stops the game.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from game.content.tags import Skill

FORMAT: Literal["alien-op-school/mentor-mission/1"] = "alien-op-school/mentor-mission/1"
PATTERN = "alien-missie*.json"
MAX_BYTES = 16_000
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=60)]


class Support(BaseModel):
    model_config = ConfigDict(extra="forbid")

    route: bool = True  # the route on the floor plan
    hints: bool = True  # the game's help when stuck (support.py) and homework tips
    calm: bool = True  # calm mode: no motion, softer colours, no music
    time_pressure: bool = False


class MentorMission(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["alien-op-school/mentor-mission/1"] = FORMAT
    pupil: Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)] = ""
    focus: Annotated[list[Skill], Field(max_length=2)] = Field(default_factory=list)
    support: Support = Field(default_factory=Support)
    days: Annotated[int, Field(ge=1, le=10)] | None = None
    school: Short = ""
    mentor: Short = ""
    welcome: Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)] = ""

    def settings(self) -> dict[str, Any]:
        """The pupil's settings this mission asks for (the pupil can still change them)."""
        return {"route_assist": self.support.route, "help_when_stuck": self.support.hints,
                "low_stimulus": self.support.calm, "time_pressure": self.support.time_pressure}

    def for_pupil(self, pupil: str) -> bool:
        """Meant for this agent name (or for whoever starts a new game with it)."""
        return not self.pupil or self.pupil.casefold() == pupil.strip().casefold()


class MissionFileError(ValueError):
    """A mission file the game cannot use; the message says why, in plain words."""


def load(path: Path) -> MentorMission:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MissionFileError(f"{path.name}: cannot be read ({exc.strerror})") from exc
    if len(data) > MAX_BYTES:
        raise MissionFileError(f"{path.name}: too big for a mission file")
    try:
        return MentorMission.model_validate(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MissionFileError(f"{path.name}: not a mission file from the dashboard") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the file"
        raise MissionFileError(f"{path.name}: {where}: {first['msg']}") from exc


def find(data_dir: Path, given: Path | None = None) -> Path | None:
    """The mission file to use: the one given, else the newest in the data folder or in
    Downloads."""
    if given is not None:
        return given
    found: list[Path] = []
    for folder in (data_dir, _downloads()):
        if folder is not None and folder.is_dir():
            found += [p for p in folder.glob(PATTERN) if p.is_file()]
    return max(found, key=lambda p: p.stat().st_mtime, default=None)


def _downloads() -> Path | None:
    import os

    override = os.environ.get("ALIEN_OP_SCHOOL_DOWNLOADS")
    if override is not None:  # tests (and schools) can point elsewhere; empty: do not look
        return Path(override) if override else None
    try:
        import platformdirs

        return Path(platformdirs.user_downloads_dir())
    except Exception:  # noqa: BLE001 - no Downloads folder is fine
        return None
