"""Class mode: the scenes a class plays during a mentor or citizenship lesson."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from game.events.base import GOOD, INFO, Payload, Ref, Teller, Told
from game.events.talking import Both


class SceneStarted(Payload):
    """A class scene begins."""

    kind: ClassVar[str] = "scene_start"
    story = "moment"
    scene: Ref
    number: int = Field(ge=1, le=100)
    of: int = Field(ge=1, le=100)

    def tell(self, teller: Teller) -> Told:
        return Told(INFO, teller("ev_scene_start", number=self.number,
                                 title=teller.names.scene_title(self.scene)))


class SceneEnded(Payload):
    """A class scene is done; the pupil got its question to think about."""

    kind: ClassVar[str] = "scene_end"
    story = "moment"
    scene: Ref
    number: int = Field(ge=1, le=100)
    think_about: Both

    def tell(self, teller: Teller) -> Told:
        question = self.think_about.en if teller.names.language == "en" \
            else self.think_about.nl
        return Told(GOOD, teller("ev_scene_end", number=self.number, question=question))
