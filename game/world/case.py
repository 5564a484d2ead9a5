"""The case: which candidate is the alien, what each clue says, and the accusation.

Each new game draws the alien and the order of the traits from its own seed,
so replays differ but one seed always gives the same case. A clue tells one
visible trait of the alien; the pupil checks the suspects' faces against it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from game.content.level import Level, Trait
from game.content.schema import LocalText


@dataclass(frozen=True)
class Case:
    alien: str
    clue_traits: dict[str, str]  # clue id -> trait id

    @classmethod
    def draw(cls, level: Level, seed: int) -> Case | None:
        if level.alien is None:
            return None
        rng = random.Random(f"alien:{seed}")
        alien = rng.choice(level.alien.candidates)
        traits = [t.id for t in level.alien.traits]
        rng.shuffle(traits)
        assigned = {clue.id: traits[i % len(traits)] for i, clue in enumerate(level.clues)}
        return cls(alien, assigned)


def trait_of(level: Level, trait_id: str) -> Trait:
    assert level.alien is not None
    return next(t for t in level.alien.traits if t.id == trait_id)


def clue_statement(level: Level, case: Case, clue_id: str) -> LocalText:
    """What this clue says about the alien (true for the drawn alien)."""
    trait = trait_of(level, case.clue_traits[clue_id])
    return trait.yes if case.alien in trait.has else trait.no


def fits(level: Level, case: Case, clue_id: str, suspect: str) -> bool:
    """Does this suspect match what the clue says about the alien?"""
    trait = trait_of(level, case.clue_traits[clue_id])
    return (suspect in trait.has) == (case.alien in trait.has)


def suspects_left(level: Level, case: Case, clues: list[str]) -> list[str]:
    assert level.alien is not None
    return [c for c in level.alien.candidates if all(fits(level, case, k, c) for k in clues)]
