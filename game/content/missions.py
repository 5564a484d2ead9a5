"""Missions for the real school (levels/missions.yaml): one small thing to try in real
life, offered in the evening, chosen by the skill the day's tip was about.

Data, not code: a list of `{id, skill, text: {nl, en}}`, written for 11-year-olds and
never homework-like ("Zoek op de open dag waar de mediatheek is"). A level uses the
`missions.yaml` beside it, or the file its `missions:` field names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field

from game.content.schema import Id, LocalText, Strict, parse_model
from game.content.tags import Skill
from game.content.yaml_source import load_yaml


class Mission(Strict):
    id: Id
    skill: Skill
    text: LocalText


class Missions(Strict):
    missions: Annotated[list[Mission], Field(min_length=1)]


def load_missions(path: Path) -> list[Mission]:
    """The missions in the file (checked, with file:line errors); none when it is absent."""
    if not path.is_file():
        return []
    return parse_model(Missions, load_yaml(path), path).missions
