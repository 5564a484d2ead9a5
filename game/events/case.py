"""The alien case: clues found and accusations made."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from game.events.base import GOOD, NOTE, OWN_VERBS, Count, Payload, Ref, Teller, Told, Verb


class ClueFound(Payload):
    """The pupil earned a clue about the alien."""

    kind: ClassVar[str] = "clue_found"
    story = "moment"
    clue: Ref

    def tell(self, teller: Teller) -> Told:
        return Told(GOOD, teller("ev_clue", clue=teller.names.clue(self.clue)))


class Accused(Payload):
    """The pupil named a suspect, with a clue as evidence (or none)."""

    kind: ClassVar[str] = "accusation"
    immediate = True
    story = "moment"
    verb = Verb(OWN_VERBS + "accused", "wees aan", "accused")
    suspect: Ref
    evidence: Ref | None = None
    correct: bool
    attempt: int = Field(ge=1, le=1000)
    evidence_fits: bool = False
    misfit: Ref | None = None
    """A clue the suspect does not fit, to explain a wrong guess."""
    clues: Count = 0
    left: list[Ref] = Field(default_factory=list, max_length=50)
    """The suspects that still fit every clue."""

    def tell(self, teller: Teller) -> Told:
        name = teller.names.character(self.suspect)
        if self.correct:
            return Told(GOOD, teller("ev_accused_right", name=name))
        return Told(NOTE, teller("ev_accused_wrong", name=name))
