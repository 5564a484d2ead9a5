"""Evaluates dialogue conditions against the pupil's state and the clock."""

from __future__ import annotations

from game.content.dialogue import Condition
from game.world.pupil_state import PupilState


def _within(value: int, low: int | None, high: int | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def holds(cond: Condition | None, state: PupilState, dialogue: str, now: float) -> bool:
    """True when every check in the condition holds (an absent condition always holds)."""
    if cond is None:
        return True
    checks = [
        cond.flag is None or cond.flag in state.flags,
        cond.not_flag is None or cond.not_flag not in state.flags,
        cond.relation is None or _within(state.relation(cond.relation.character),
                                         cond.relation.min, cond.relation.max),
        cond.mood is None or state.mood(cond.mood.character) == cond.mood.is_,
        cond.visited is None or state.visit_count(dialogue, cond.visited) > 0,
        cond.not_visited is None or state.visit_count(dialogue, cond.not_visited) == 0,
        cond.visits is None or _within(state.visit_count(dialogue, cond.visits.node),
                                       cond.visits.min, cond.visits.max),
        cond.clue is None or cond.clue in state.clues,
        cond.no_clue is None or cond.no_clue not in state.clues,
        cond.homework is None or cond.homework in state.homework,
        cond.time_after is None or now >= cond.time_after,
        cond.time_before is None or now < cond.time_before,
        cond.any is None or any(holds(c, state, dialogue, now) for c in cond.any),
    ]
    return all(checks)
