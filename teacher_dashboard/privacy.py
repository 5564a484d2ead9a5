"""The pupil's "rather not": moments they marked so in "Mijn logboek" keep their words
to themselves. The story and the sheets show such a moment only as its kind."""

from __future__ import annotations

from game.events.voice import MomentMarked, moment_key
from teacher_dashboard.reading import Logged, Reading

PrivateMarks = dict[tuple[str | None, str], MomentMarked]


def marks_of(reading: Reading) -> PrivateMarks:
    """Every moment's last mark by (day, moment): a pupil may change their mind."""
    marks: PrivateMarks = {}
    for item in reading.events:
        if isinstance(item.payload, MomentMarked):
            marks[(item.payload.day, item.payload.moment)] = item.payload
    return marks


def mark_on(item: Logged, marks: PrivateMarks) -> MomentMarked | None:
    key = moment_key(item.payload)
    return marks.get((item.game_day, key[0])) if key else None


def is_private(item: Logged, marks: PrivateMarks) -> bool:
    found = mark_on(item, marks)
    return found is not None and found.mark == "private"


def without_private(reading: Reading) -> Reading:
    """The reading with the pupil's "rather not" moments left out (the session sheet)."""
    marks = marks_of(reading)
    return Reading([e for e in reading.events if not is_private(e, marks)], reading.unreadable)
