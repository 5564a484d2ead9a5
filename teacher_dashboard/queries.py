"""Every question the dashboard asks the log, as parameterised SQL, in one place.

The pages only read: they get a read-only connection (db.log()), so nothing
here can change a pupil's data. Changes (a name, a delete, an import) go
through game.journal.admin and game.journal.transfer; the class server's
writes through game.journal.transfer.merge. Payloads come back as the stored
JSON text: reading.py turns them into typed events through the registry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from game.content.tags import ASPECTS
from game.events import KINDS, kinds_in_story
from game.events.case import Accused
from game.events.class_mode import SceneEnded
from game.events.sitting import DayEnded, LevelStarted, Resumed

# The moments a mentor talks about (the registry's story roles); walking from room to
# room is left out. Kinds the registry does not know are read too, to be counted as
# unreadable rather than silently lost.
STORY_KINDS: tuple[str, ...] = kinds_in_story()
KNOWN_KINDS: tuple[str, ...] = tuple(KINDS)
SUMMARY_KINDS: tuple[str, ...] = (DayEnded.kind, Accused.kind, LevelStarted.kind, Resumed.kind)


def _marks(values: Sequence[str]) -> str:
    return ", ".join("?" for _ in values)


def pupils(db: Database, class_code: str | None = None) -> list[dict[str, Any]]:
    """Each pupil with how many sessions they played and when they last played."""
    where, params = ("where p.id in (select pupil_id from sessions where class_code = ?)",
                     [class_code]) if class_code else ("", [])
    return list(db.query(f"""
        select p.id, p.display_name, p.created_at,
               count(s.id) as sessions, max(s.started_at) as last_played,
               group_concat(distinct s.class_code) as class_codes
        from pupils p left join sessions s on s.pupil_id = p.id
        {where}
        group by p.id order by p.id""", params))


def pupil(db: Database, pupil_id: str) -> dict[str, Any] | None:
    return next(db.query("select * from pupils where id = ?", [pupil_id]), None)


def sessions_of(db: Database, pupil_id: str) -> list[dict[str, Any]]:
    """A pupil's sessions, newest first, with the number of choices in each."""
    return list(db.query("""
        select s.*,
               (select count(*) from choice_facts c where c.session_id = s.id) as choices
        from sessions s where s.pupil_id = ? order by s.started_at desc""", [pupil_id]))


def summaries_of(db: Database, pupil_id: str) -> list[dict[str, Any]]:
    """Day summaries, accusations and the days each session began on (a new game or a
    saved one continued), of all a pupil's sessions, oldest first."""
    return list(db.query(f"""
        select e.session_id, e.seq, e.kind, e.game_day, e.game_time, e.payload
        from sessions s join events e on e.session_id = s.id
        where s.pupil_id = ? and e.kind in ({_marks(SUMMARY_KINDS)})
        order by s.started_at, e.seq""", [pupil_id, *SUMMARY_KINDS]))


def session(db: Database, session_id: str) -> dict[str, Any] | None:
    return next(db.query("select * from sessions where id = ?", [session_id]), None)


def story_events(db: Database, session_id: str) -> list[dict[str, Any]]:
    """The events of one session worth telling (and any of a kind this dashboard does not
    know), in the order they happened."""
    return list(db.query(f"""
        select id, session_id, seq, kind, wall_time, game_day, game_time, location, payload
        from events where session_id = ?
          and (kind in ({_marks(STORY_KINDS)}) or kind not in ({_marks(KNOWN_KINDS)}))
        order by seq""", [session_id, *STORY_KINDS, *KNOWN_KINDS]))


def classes(db: Database) -> list[dict[str, Any]]:
    return list(db.query("""
        select class_code as code, count(distinct pupil_id) as pupils,
               count(*) as sessions, max(started_at) as last_played
        from sessions where class_code is not null and class_code != ''
        group by class_code order by class_code"""))


@dataclass(frozen=True)
class AspectSum:
    pupil_id: str
    aspect: str
    total: int
    choices: int


ASPECT_IDS: tuple[str, ...] = tuple(ASPECTS)
READABLE_TAGS = f"""
    json_valid(c.aspects) and json_type(c.aspects) = 'object'
    and not exists (select 1 from json_each(c.aspects) k
                    where k.type != 'integer' or k.value not between -2 and 2
                       or k.key not in ({", ".join("'" + a + "'" for a in ASPECT_IDS)}))"""
"""A choice whose tags are an object of known aspects with whole values in -2..2: any
other row (an old bug, a hand edit, a forged import) is left out of the profile whole."""


def class_aspect_sums(db: Database, class_code: str) -> list[AspectSum]:
    """Per pupil and aspect: the sum of the tags of the choices they made, and how many
    (readable choices only: READABLE_TAGS)."""
    return [AspectSum(r["pupil_id"], r["aspect"], int(r["total"]), int(r["n"]))
            for r in db.query(f"""
        select s.pupil_id, j.key as aspect, sum(j.value) as total, count(*) as n
        from sessions s
        join choice_facts c on c.session_id = s.id
        join json_each(case when {READABLE_TAGS} then c.aspects else '{{}}' end) j
        where s.class_code = ?
        group by s.pupil_id, j.key""", [class_code])]


def class_unreadable_choices(db: Database, class_code: str) -> int:
    """Choices of this class the profile leaves out because their tags cannot be read."""
    row = db.execute(f"""
        select count(*) from sessions s join choice_facts c on c.session_id = s.id
        where s.class_code = ? and c.aspects is not null and not ({READABLE_TAGS})""",
                     [class_code]).fetchone()
    return int(row[0])


def class_feelings(db: Database, class_code: str) -> dict[str, int]:
    """How the class said their days went (the end-of-day question), counted."""
    rows = db.query("""
        select c.chosen as feeling, count(*) as n
        from sessions s join choice_facts c on c.session_id = s.id
        where s.class_code = ? and c.context = 'reflection'
        group by c.chosen""", [class_code])
    return {r["feeling"]: r["n"] for r in rows}


def session_event_count(db: Database, session_id: str) -> int:
    """How many events of this session the log holds (the class server counts new ones)."""
    row = db.execute("select count(*) from events where session_id = ?", [session_id])
    return int(row.fetchone()[0])


def class_code(db: Database, code: str) -> dict[str, Any] | None:
    return next(db.query("select * from class_codes where code = ?", [code]), None)


def class_codes(db: Database) -> list[dict[str, Any]]:
    """Every class code a teacher opened, newest first, with how many pupils sent data."""
    return list(db.query("""
        select c.*, (select count(distinct s.pupil_id) from sessions s
                     where s.class_code = c.code) as pupils
        from class_codes c order by c.opened_at desc"""))


def scene_progress(db: Database, class_code: str) -> list[dict[str, Any]]:
    """Which pupil finished which class-mode scene (for the live class view)."""
    return list(db.query("""
        select s.pupil_id, json_extract(e.payload, '$.scene') as scene,
               max(e.wall_time) as finished_at
        from sessions s join events e on e.session_id = s.id and e.kind = ?
        where s.class_code = ? and json_valid(e.payload)
        group by s.pupil_id, scene""", [SceneEnded.kind, class_code]))


def choice_spread(db: Database, class_code: str,
                  dialogues: list[str]) -> list[dict[str, Any]]:
    """How often each option of these dialogues was taken in this class (anonymous counts)."""
    return list(db.query(f"""
        select c.dialogue, c.chosen, count(*) as n
        from sessions s join choice_facts c on c.session_id = s.id
        where s.class_code = ? and c.dialogue in ({_marks(dialogues)})
        group by c.dialogue, c.chosen""", [class_code, *dialogues]))


def class_level(db: Database, class_code: str) -> str | None:
    """The level most of this class's sessions played (class mode has its own level)."""
    row = next(db.query("""
        select level, count(*) as n from sessions where class_code = ?
        group by level order by n desc limit 1""", [class_code]), None)
    return row["level"] if row else None


@dataclass(frozen=True)
class ClaimRow:
    pupil_id: str
    class_code: str | None
    secret_hash: str | None
    """None: the mentor released the pseudonym; the next game to join claims it."""
    claimed_at: str | None


def claim_of(db: Database, pupil_id: str) -> ClaimRow | None:
    """Who claimed this pseudonym on the class server (credentials.py), if anyone."""
    row = db.execute("select pupil_id, class_code, secret_hash, claimed_at from class_pupils "
                     "where pupil_id = ?", [pupil_id]).fetchone()
    return ClaimRow(*row) if row else None


def session_owner(db: Database, session_id: str) -> tuple[str, str | None] | None:
    """(pupil, class code) of a session already in the log: a batch may only add to its
    own pupil's sessions."""
    row = db.execute("select pupil_id, class_code from sessions where id = ?",
                     [session_id]).fetchone()
    return (row[0], row[1]) if row else None
