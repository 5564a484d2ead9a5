"""The shipped first week, played by simulated classes: nobody gets stuck, and the class
profile tells classes apart (every aspect is tagged both ways, so choices show)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from game.content.stats import level_stats
from game.content.tags import ASPECTS, SKILLS
from game.sim.simulate import simulate
from teacher_dashboard.profile import class_profile
from teacher_dashboard.queries import class_aspect_sums

DAYS = 5


@pytest.fixture(scope="module")
def week_log(tmp_path_factory, shipped_content) -> Path:
    """Two classes play the whole week: 1K of kind bots, 1R of rude ones; and a mixed one."""
    db = tmp_path_factory.mktemp("week") / "week.sqlite"
    simulate(shipped_content, db, 3, DAYS, class_code="1K", seed=11, styles=["kind"])
    simulate(shipped_content, db, 3, DAYS, class_code="1R", seed=12, styles=["rude"], first=3)
    simulate(shipped_content, db, 5, DAYS, class_code="1M", seed=13, first=6,
             styles=["kind", "rude", "hesitant", "late", "forgetful"])
    return db


def test_the_level_is_a_whole_week_with_real_dilemmas_for_every_aspect(shipped_content):
    stats = level_stats(shipped_content)
    assert len(shipped_content.level.days) == DAYS
    assert stats.choice_points >= 60
    for aspect in ASPECTS:
        up, down = stats.aspects[aspect]
        assert up + down >= 8 and up > 0 and down > 0, aspect
    for skill in SKILLS:
        assert stats.skills[skill] >= 10, skill


def test_every_bot_plays_every_day_of_the_week_to_the_end(week_log):
    with sqlite3.connect(week_log) as con:
        days = dict(con.execute(
            "select s.pupil_id, count(*) from events e join sessions s on s.id = e.session_id "
            "where e.kind = 'day_end' group by s.pupil_id"))
        ended = con.execute("select count(*) from events where kind = 'level_end'").fetchone()
        lessons = con.execute(
            "select count(*) from events where kind in ('lesson_on_time', 'lesson_late')"
        ).fetchone()[0]
    assert len(days) == 11 and set(days.values()) == {DAYS}
    assert ended[0] == 11
    assert lessons >= 11 * 10  # most lessons of the week were attended


def test_the_class_profile_tells_a_kind_class_from_a_rude_one_on_every_aspect(week_log):
    db = Database(week_log)
    kind = class_profile(class_aspect_sums(db, "1K"), "nl", 3)
    rude = class_profile(class_aspect_sums(db, "1R"), "nl", 3)
    scores = {(cls, a.aspect): a.value for cls, profile in (("K", kind), ("R", rude))
              for d in profile.domains for a in d.aspects}
    for aspect in ASPECTS:
        k, r = scores[("K", aspect)], scores[("R", aspect)]
        assert k is not None and r is not None, aspect
        assert k > r, aspect
    mixed = class_profile(class_aspect_sums(db, "1M"), "nl", 5)
    values = {a.aspect: a.value for d in mixed.domains for a in d.aspects}
    assert len({round(v, 2) for v in values.values() if v is not None}) > 2  # not all +1.0
