"""The log's schema, owned here and nowhere else, as a list of sqlite-utils migrations.

Each migration runs once per database, in order, inside a transaction, and is
recorded in `_sqlite_migrations`. A database that names a migration this code
does not know was written by a newer version of the game.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATION_SET = "alien-op-school"
MIGRATIONS = Migrations(MIGRATION_SET)


@MIGRATIONS()
def m001_pupils_sessions_events(db: Database) -> None:
    """The first release: who played, each sitting, and what happened in it."""
    db.table("pupils").create({
        "id": str,             # the pseudonym or the mentor's code; never a real name
        "display_name": str,   # optional, only ever typed in by a mentor
        "created_at": str,
    }, pk="id", not_null={"created_at"})
    db.table("sessions").create({
        "id": str,             # a UUID, also the xAPI registration
        "pupil_id": str,
        "level": str,
        "seed": int,
        "app_version": str,
        "language": str,
        "settings": str,       # JSON: the settings the pupil played with
        "started_at": str,     # wall time, ISO 8601 UTC
        "ended_at": str,
    }, pk="id", foreign_keys=[("pupil_id", "pupils", "id")],
        not_null={"pupil_id", "level", "started_at"})
    db.table("events").create({
        "id": str,             # a UUID: the same event imported twice is one event
        "session_id": str,
        "seq": int,            # order within the session, from 1
        "kind": str,
        "wall_time": str,
        "game_day": str,
        "game_time": str,      # "08:32" on the school clock
        "location": str,       # the room id, when in a room
        "payload": str,        # JSON: the event's context
    }, pk="id", foreign_keys=[("session_id", "sessions", "id")],
        not_null={"session_id", "seq", "kind", "wall_time", "payload"})
    db.table("events").create_index(["session_id", "seq"], unique=True)
    db.table("events").create_index(["kind"])
    db.table("sessions").create_index(["pupil_id"])


@MIGRATIONS()
def m002_class_code(db: Database) -> None:
    """Class mode: a session can belong to a class, for the class profile."""
    db.table("sessions").add_column("class_code", str)
    db.table("sessions").create_index(["class_code"])


CHOICES_VIEW = """
select
  e.id as event_id, e.session_id, s.pupil_id, s.level, s.class_code, e.seq,
  e.wall_time, e.game_day, e.game_time, e.location,
  json_extract(e.payload, '$.dialogue') as dialogue,
  json_extract(e.payload, '$.node') as node,
  json_extract(e.payload, '$.character') as character,
  json_extract(e.payload, '$.said_before') as said_before,
  json_extract(e.payload, '$.options') as options,
  json_extract(e.payload, '$.chosen') as chosen,
  json_extract(e.payload, '$.chosen_text') as chosen_text,
  json_extract(e.payload, '$.aspects') as aspects,
  json_extract(e.payload, '$.skills') as skills,
  json_extract(e.payload, '$.reflect') as reflect,
  json_extract(e.payload, '$.response_ms') as response_ms
from events e join sessions s on s.id = e.session_id
where e.kind = 'choice'
"""


@MIGRATIONS()
def m003_choices_view(db: Database) -> None:
    """One row per choice with its context, for the dashboard and for Datasette."""
    db.create_view("choices", CHOICES_VIEW, replace=True)


CHOICE_FACTS = """
  json_extract({row}.payload, '$.dialogue'), json_extract({row}.payload, '$.chosen'),
  json_extract({row}.payload, '$.aspects'), json_extract({row}.payload, '$.skills'),
  json_extract({row}.payload, '$.response_ms')"""


@MIGRATIONS()
def m004_dashboard_lookups(db: Database) -> None:
    """What the dashboard asks most, kept cheap to answer.

    - events by (session, kind): "the choices of this session" (360 ms -> 1 ms on a
      class of 30, because SQLite otherwise walks every choice of every pupil);
    - `choice_facts`: one narrow row per choice (dialogue, chosen, aspects, skills),
      kept in step with `events` by triggers, so the class profile sums small JSON
      instead of parsing every full payload (the whole log's choices in ~10 ms).
    """
    db.table("events").create_index(["session_id", "kind"], if_not_exists=True)
    db.executescript(f"""
        create table choice_facts (
            event_id text primary key references events(id),
            session_id text not null,
            dialogue text, chosen text, aspects text, skills text, response_ms integer);
        create index idx_choice_facts_session on choice_facts(session_id);
        insert into choice_facts
            select e.id, e.session_id, {CHOICE_FACTS.format(row="e")}
            from events e where e.kind = 'choice';
        create trigger choice_facts_added after insert on events when new.kind = 'choice'
        begin
            insert or ignore into choice_facts
            values (new.id, new.session_id, {CHOICE_FACTS.format(row="new")});
        end;
        create trigger choice_facts_removed after delete on events when old.kind = 'choice'
        begin
            delete from choice_facts where event_id = old.id;
        end;
    """)


@MIGRATIONS()
def m005_class_mode(db: Database) -> None:
    """Class mode: the codes a teacher opened, and how far each session was sent."""
    db.table("class_codes").create({
        "code": str,           # what the teacher shows on the board, e.g. "1B-KOMEET"
        "opened_at": str,
        "closed_at": str,      # null while pupils may send to it
    }, pk="code", not_null={"opened_at"})
    db.table("uploads").create({     # on a pupil's machine: the store-and-forward queue's cursor
        "session_id": str,
        "server": str,
        "sent_seq": int,       # every event up to this seq is safely on the server
        "problem": str,        # why the server refused (closed class), shown to the pupil
    }, pk=("session_id", "server"), not_null={"sent_seq"})


CONTEXT_OF = """coalesce(json_extract({row}.payload, '$.context'),
  case when json_extract({row}.payload, '$.dialogue') = 'reflectie' then 'reflection'
       when json_extract({row}.payload, '$.dialogue') like 'les-%' then 'lesson'
       when json_extract({row}.payload, '$.dialogue') like 'huiswerk-%' then 'homework'
       else 'talk' end)"""
"""What a choice belongs to. Choices logged before 0.2 had no `context` field and named
it only in their dialogue id; the same rule reads them in game/events/talking.py."""


@MIGRATIONS()
def m006_choice_context(db: Database) -> None:
    """What each choice belongs to (a talk, a lesson, homework, the day's reflection) as a
    column, so the dashboard asks for it instead of matching dialogue ids."""
    db.executescript(f"""
        alter table choice_facts add column context text;
        update choice_facts set context = (
            select {CONTEXT_OF.format(row="e")} from events e where e.id = event_id);
        drop trigger choice_facts_added;
        create trigger choice_facts_added after insert on events when new.kind = 'choice'
        begin
            insert or ignore into choice_facts
            values (new.id, new.session_id, {CHOICE_FACTS.format(row="new")},
                    {CONTEXT_OF.format(row="new")});
        end;
        create index idx_choice_facts_context on choice_facts(context);
    """)
    db.create_view("choices", CHOICES_VIEW.replace(
        "json_extract(e.payload, '$.node') as node,",
        f"json_extract(e.payload, '$.node') as node,\n  {CONTEXT_OF.format(row='e')} "
        "as context,"), replace=True)



@MIGRATIONS()
def m007_class_pupil_secrets(db: Database) -> None:
    """Class mode: only the right pupil's game writes under a pseudonym.

    - `class_pupils` (on the teacher's log): who claimed a pseudonym, with a hash of its
      secret; a row without a hash is a pseudonym the mentor released for a new claim.
    - `class_secrets` (on the pupil's log): the secret this game got for its pseudonym
      from a teacher's server, sent with every batch.
    """
    db.table("class_pupils").create({
        "pupil_id": str,
        "class_code": str,     # the code the claim was made through
        "secret_hash": str,    # sha256 of the secret; null: released, free to claim
        "claimed_at": str,
    }, pk="pupil_id")
    db.table("class_secrets").create({
        "server": str,
        "pupil_id": str,
        "secret": str,
        "got_at": str,
    }, pk=("server", "pupil_id"), not_null={"secret"})


@MIGRATIONS()
def m008_settings(db: Database) -> None:
    """What the teacher set once for this log (game/journal/admin.py's SETTINGS): the
    school's learning platform for xAPI exports."""
    db.table("settings").create({
        "key": str,
        "value": str,
        "changed_at": str,
    }, pk="key", not_null={"value"})


def known_migrations() -> list[str]:
    """Every migration this code knows, in order (all are pending on an empty database)."""
    return [m.name for m in MIGRATIONS.pending(Database(memory=True))]


def applied_migrations(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.applied(db)]


def unknown_migrations(db: Database) -> list[str]:
    """Migrations in this file that this code does not know: a newer game wrote it."""
    known = set(known_migrations())
    return [name for name in applied_migrations(db) if name not in known]


def version_of(db: Database) -> int:
    return len(applied_migrations(db))


SCHEMA_VERSION = len(known_migrations())


def pending_migrations(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.pending(db)]


def migrate(db: Database) -> None:
    """Apply what is pending; run it inside `store.writing` so two programs take turns."""
    MIGRATIONS.apply(db)
