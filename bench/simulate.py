"""A class plays the whole first week: `main.py simulate` of 30 pupils x every school day.

Target (issue "A whole first week"): at most 30 s here. Prints the total, the time per
simulated school day (0.35 s a day before bots walked straight stretches in longer
steps), and what the bots did, so a change that makes them faster but different shows.
Run: python bench/simulate.py [--pupils 30]
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

import _headless  # noqa: F401  (no window or sound; the project importable)

from game import paths
from game.content.bundle import load_content
from game.sim.simulate import simulate

BEFORE_S_PER_DAY = 0.35


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pupils", type=int, default=30)
    args = parser.parse_args()
    content = load_content(paths.DEFAULT_LEVEL)
    days = len(content.level.days)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "week.sqlite"
        began = time.perf_counter()
        result = simulate(content, db, args.pupils, days, class_code="1B", seed=7)
        took = time.perf_counter() - began
        with sqlite3.connect(db) as con:
            kinds = dict(con.execute("select kind, count(*) from events group by kind"))
    played = args.pupils * days
    print(f"{args.pupils} pupils x {days} school days = {played} days in {took:.1f} s "
          f"(target: at most 30 s for 30 pupils)")
    print(f"  {took / played:.3f} s per simulated day (before: {BEFORE_S_PER_DAY:.2f} s)")
    print(f"  {result.events} events, {result.choices} choices; per pupil-day: "
          f"{kinds.get('lesson_on_time', 0) / played:.2f} on time, "
          f"{kinds.get('lesson_late', 0) / played:.2f} late, "
          f"{kinds.get('lesson_missed', 0) / played:.2f} missed, "
          f"{kinds.get('conversation_started', 0) / played:.1f} conversations")


if __name__ == "__main__":
    main()
