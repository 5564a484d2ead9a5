"""When to tell the pupil that saving is paused (and why), and that it works again.

Once each: a short hiccup (another program writing for a moment) says nothing; a
trouble that lasts says so once, and its end says so once. The texts are catalogue
keys (game/text): `saving_paused` with the reason `saving_why_<trouble>`, and
`saving_resumed`.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.journal.faults import Trouble

TELL_AFTER_S = 1.0


@dataclass
class Waiting:
    """What is not in the log yet, for the quit screen."""

    in_spill: int = 0       # safe in the spill file; added to the log at the next start
    in_memory: int = 0      # only in memory: lost if the game stops now
    unsent: int = 0         # class mode: not at the teacher's yet (kept in the log)
    trouble: Trouble | None = None

    @property
    def nothing(self) -> bool:
        return not (self.in_spill or self.in_memory or self.unsent)


class SavingWatch:
    def __init__(self, *, already_told: Trouble | None = None,
                 tell_after: float = TELL_AFTER_S) -> None:
        self.told = already_told  # the start screen said it already
        self.tell_after = tell_after
        self._since: float | None = None

    def update(self, trouble: Trouble | None, now: float) -> str | None:
        """The catalogue key to say now ("saving_paused" or "saving_resumed"), if any."""
        if trouble is None:
            self._since = None
            if self.told is None:
                return None
            self.told = None
            return "saving_resumed"
        if self._since is None:
            self._since = now
        if self.told is None and now - self._since >= self.tell_after:
            self.told = trouble
            return "saving_paused"
        return None
