"""Every question the dashboard asks the log, as parameterised SQL, in one place.

The views only read: they get a read-only connection (store.open_for_reading),
so nothing here can change a pupil's data. Changes (a name, a delete, an
import) go through game.journal.admin and game.journal.transfer instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

# The moments a mentor talks about; walking from room to room is left out of the story.
STORY_KINDS: tuple[str, ...] = (
    "level_start", "resume", "day_start", "day_end", "level_end", "quit",
    "choice", "mood_change", "relation_change", "clue_found",
    "lesson_on_time", "lesson_late", "lesson_missed", "lesson_cancelled",
    "timetable_change_seen", "floor_plan_opened", "agenda_opened", "notebook_opened",
    "homework_given", "homework_noted", "homework_planned", "homework_done",
    "homework_handed_in", "homework_late", "accusation", "scene_start", "scene_end",
)
SUMMARY_KINDS: tuple[str, ...] = ("day_end", "level_end", "accusation")


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" for _ in values)


def _payload(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row["payload"] = json.loads(row["payload"]) if row.get("payload") else {}
    return row


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
    """Day summaries, level ends and accusations of all a pupil's sessions, oldest first."""
    return [_payload(r) for r in db.query(f"""
        select e.session_id, e.seq, e.kind, e.game_day, e.game_time, e.payload
        from sessions s join events e on e.session_id = s.id
        where s.pupil_id = ? and e.kind in ({_marks(SUMMARY_KINDS)})
        order by s.started_at, e.seq""", [pupil_id, *SUMMARY_KINDS])]


def session(db: Database, session_id: str) -> dict[str, Any] | None:
    return next(db.query("select * from sessions where id = ?", [session_id]), None)


def story_events(db: Database, session_id: str) -> list[dict[str, Any]]:
    """The events of one session worth telling, in the order they happened."""
    return [_payload(r) for r in db.query(f"""
        select id, seq, kind, wall_time, game_day, game_time, location, payload
        from events where session_id = ? and kind in ({_marks(STORY_KINDS)})
        order by seq""", [session_id, *STORY_KINDS])]


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


def class_aspect_sums(db: Database, class_code: str) -> list[AspectSum]:
    """Per pupil and aspect: the sum of the tags of the choices they made, and how many."""
    return [AspectSum(r["pupil_id"], r["aspect"], int(r["total"]), int(r["n"]))
            for r in db.query("""
        select s.pupil_id, j.key as aspect, sum(j.value) as total, count(*) as n
        from sessions s
        join choice_facts c on c.session_id = s.id
        join json_each(c.aspects) j
        where s.class_code = ?
        group by s.pupil_id, j.key""", [class_code])]


def class_feelings(db: Database, class_code: str) -> dict[str, int]:
    """How the class said their days went (the end-of-day question), counted."""
    rows = db.query("""
        select c.chosen as feeling, count(*) as n
        from sessions s join choice_facts c on c.session_id = s.id
        where s.class_code = ? and c.dialogue = 'reflectie'
        group by c.chosen""", [class_code])
    return {r["feeling"]: r["n"] for r in rows}


def choices_of(db: Database, pupil_id: str) -> list[dict[str, Any]]:
    """Every choice of a pupil with its context, from the log's `choices` view (for CSV)."""
    return list(db.query("""
        select c.* from choices c join sessions s on s.id = c.session_id
        where c.pupil_id = ? order by s.started_at, c.seq""", [pupil_id]))


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
        from sessions s join events e on e.session_id = s.id and e.kind = 'scene_end'
        where s.class_code = ?
        group by s.pupil_id, scene""", [class_code]))


def choice_spread(db: Database, class_code: str,
                  dialogues: list[str]) -> list[dict[str, Any]]:
    """How often each option of these dialogues was taken in this class (anonymous counts)."""
    return list(db.query(f"""
        select c.dialogue, c.chosen, count(*) as n
        from sessions s join choice_facts c on c.session_id = s.id
        where s.class_code = ? and c.dialogue in ({_marks(tuple(dialogues))})
        group by c.dialogue, c.chosen""", [class_code, *dialogues]))


def class_level(db: Database, class_code: str) -> str | None:
    """The level most of this class's sessions played (class mode has its own level)."""
    row = next(db.query("""
        select level, count(*) as n from sessions where class_code = ?
        group by level order by n desc limit 1""", [class_code]), None)
    return row["level"] if row else None
