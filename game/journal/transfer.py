"""Moving a pupil's log between machines: export to a file, import it idempotently.

Export writes only the one pupil's rows. Import adds what is new and nothing
twice: pupils, sessions and events keep their ids (events have UUIDs), so
importing the same file again changes nothing.

An imported file comes from anywhere, so it is read as untrusted: at most
MAX_IMPORT_BYTES; a SQLite file is opened read-only with `trusted_schema=OFF`, only
its tables are read (by name and column, never a view or a trigger of the file, which
could run anything), and SQLite stops it after IMPORT_SECONDS; every row must have the
shape of ours (ImportedPupil, ...). Any problem is a JournalError with a clear message.
The payloads themselves are kept as they are: the dashboard reads every row through the
event registry and shows one it cannot read as unreadable.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError
from sqlite_utils import Database

from game import __version__
from game.journal import schema
from game.journal.faults import Trouble, trouble_of
from game.journal.store import (
    SQLITE_HEADER,
    CannotOpen,
    JournalError,
    open_log,
    writing,
)
from game.safe_files import open_text

CLI_WAIT_S = 60.0
"""How long an import waits for another program (the game, an upload) to let go of the log."""

JSONL_FORMAT = "alien-op-school-log"
MAX_IMPORT_BYTES = 32 * 1024 * 1024
"""A pupil's export is well under 10 MB, even after a year of play."""
IMPORT_SECONDS = 20.0
"""How long SQLite may work on an imported file before it is stopped."""

Id = Annotated[StrictStr, Field(min_length=1, max_length=200)]
Stored = Annotated[StrictStr, Field(max_length=100_000)]


class _Imported(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ImportedPupil(_Imported):
    id: Id
    display_name: Stored | None = None
    created_at: Stored


class ImportedSession(_Imported):
    id: Id
    pupil_id: Id
    level: Stored
    seed: StrictInt | None = None
    app_version: Stored | None = None
    language: Stored | None = None
    settings: Stored | None = None
    started_at: Stored
    ended_at: Stored | None = None
    class_code: Stored | None = None


class ImportedEvent(_Imported):
    id: Id
    session_id: Id
    seq: StrictInt
    kind: Stored
    wall_time: Stored
    game_day: Stored | None = None
    game_time: Stored | None = None
    location: Stored | None = None
    payload: Stored


TABLES: dict[str, type[_Imported]] = {
    "pupils": ImportedPupil, "sessions": ImportedSession, "events": ImportedEvent}


@dataclass
class PupilRows:
    pupil: dict[str, Any]
    sessions: list[dict[str, Any]]
    events: list[dict[str, Any]]


def read_pupil(db: Database, pupil: str) -> PupilRows:
    row = next(db.query("select * from pupils where id = ?", [pupil]), None)
    if row is None:
        known = [r[0] for r in db.execute("select id from pupils order by id")]
        hint = f" Bekend / known: {', '.join(known)}." if known else " Het logboek is leeg."
        raise JournalError(f"onbekende leerling / unknown pupil: {pupil!r}.{hint}")
    return PupilRows(
        row,
        list(db.query("select * from sessions where pupil_id = ? order by started_at",
                      [pupil])),
        list(db.query("select e.* from events e join sessions s on s.id = e.session_id "
                      "where s.pupil_id = ? order by s.started_at, e.seq", [pupil])),
    )


def write_sqlite(rows: PupilRows, out: Path) -> None:
    opened = open_log(out, set_aside_bad=False, wait=0)
    try:
        merge(opened.db, rows)
    finally:
        opened.db.close()


def write_jsonl(rows: PupilRows, out: Path) -> None:
    with open_text(out) as fh:
        for line in _jsonl_lines(rows):
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")


@dataclass
class ImportResult:
    pupils: int
    sessions: int
    events: int
    skipped_events: int
    notice: str | None = None


def import_file(source: Path, db_path: Path, *, wait: float = CLI_WAIT_S) -> ImportResult:
    """Merge an exported file (sqlite or jsonl) into the log at `db_path`, in one
    transaction: all of it or (a full disk, a file that cannot be read) nothing."""
    source = Path(source)
    groups = list(_read_export(source))
    opened = open_log(db_path, wait=wait)
    if opened.read_only:
        opened.db.close()
        raise JournalError(opened.notice or "read-only")
    try:
        db = opened.db
        db.execute("PRAGMA secure_delete=ON")
        before = _counts(db)
        offered = 0
        with writing(db):
            for rows in groups:
                merge(db, rows)
                offered += len(rows.events)
        after = _counts(db)
    except sqlite3.Error as exc:
        raise CannotOpen(Path(db_path), trouble_of(exc)) from None
    finally:
        opened.db.close()
    added_events = after[2] - before[2]
    return ImportResult(after[0] - before[0], after[1] - before[1], added_events,
                        offered - added_events, opened.notice)


# --- internals ---
def merge(db: Database, rows: PupilRows) -> None:
    """Add what is new in `rows` to `db`, idempotently (event UUIDs); also the class server's
    way in. Run it inside `writing(db)`: the log has other writers."""
    with db.atomic():
        db.table("pupils").insert(rows.pupil, ignore=True)
        for session in rows.sessions:
            existing = db.execute("select ended_at from sessions where id = ?",
                                  [session["id"]]).fetchone()
            if existing is None:
                db.table("sessions").insert(session)
            elif existing[0] is None and session.get("ended_at"):
                db.table("sessions").update(session["id"], {"ended_at": session["ended_at"]})
        db.table("events").insert_all(rows.events, ignore=True)


def _counts(db: Database) -> tuple[int, int, int]:
    pupils, sessions, events = (int(db.execute(f"select count(*) from {t}").fetchone()[0])
                                for t in ("pupils", "sessions", "events"))
    return pupils, sessions, events


def _jsonl_lines(rows: PupilRows) -> Iterator[dict[str, Any]]:
    yield {"type": "meta", "format": JSONL_FORMAT, "schema": schema.SCHEMA_VERSION,
           "app_version": __version__}
    yield {"type": "pupil", **rows.pupil}
    for session in rows.sessions:
        yield {"type": "session", **session}
    for event in rows.events:
        yield {"type": "event", **event}


def _read_export(path: Path) -> Iterator[PupilRows]:
    """Any file at all: an export is read, anything else is one clear JournalError."""
    if path.is_dir():
        raise CannotOpen(path, Trouble.FOLDER)
    if not path.exists():
        raise JournalError(f"{path}: bestand niet gevonden / file not found")
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise JournalError(f"{path}: te groot om te importeren / too large to import "
                               f"(at most {MAX_IMPORT_BYTES // (1024 * 1024)} MB)")
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise CannotOpen(path, trouble_of(exc)) from None
    if head == SQLITE_HEADER:
        yield from _read_sqlite_export(path)
        return
    try:
        yield from _read_jsonl_export(path)
    except UnicodeDecodeError:
        raise JournalError(f"{path}: dit is geen export van Alien op school (geen tekst) / "
                           f"not an Alien op school export (not text)") from None
    except OSError as exc:
        raise CannotOpen(path, trouble_of(exc)) from None


def _untrusted(path: Path) -> sqlite3.Connection:
    """A read-only connection to a file from elsewhere: no function of its schema runs,
    nothing can be written, and SQLite stops after IMPORT_SECONDS."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA query_only=ON")
    deadline = time.monotonic() + IMPORT_SECONDS
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    return conn


def _read_sqlite_export(path: Path) -> Iterator[PupilRows]:
    try:
        conn = _untrusted(path)
    except sqlite3.Error as exc:
        raise JournalError(f"{path}: geen leesbare SQLite-database / not a readable SQLite "
                           f"database ({exc})") from exc
    try:
        groups = _sqlite_rows(conn, path)
    except sqlite3.Error as exc:
        message = "te traag, gestopt / too slow, stopped" if "interrupt" in str(exc) else exc
        raise JournalError(f"{path}: kon niet gelezen worden / could not be read "
                           f"({message})") from exc
    finally:
        conn.close()
    yield from groups


def _sqlite_rows(conn: sqlite3.Connection, path: Path) -> list[PupilRows]:
    """Every pupil's rows of an export, read from its tables only."""
    problem = conn.execute("PRAGMA quick_check").fetchone()[0]
    if problem != "ok":
        raise JournalError(f"{path}: de database is beschadigd / the database is damaged "
                           f"({problem})")
    kinds = dict(conn.execute("select name, type from sqlite_master "
                              "where name in ('_sqlite_migrations', 'pupils', 'sessions', "
                              "'events')").fetchall())
    if any(kinds.get(name) != "table" for name in ("_sqlite_migrations", *TABLES)):
        raise JournalError(f"{path}: dit is geen export van Alien op school / "
                           f"not an Alien op school export")
    applied = [r[0] for r in conn.execute(
        "select name from _sqlite_migrations where migration_set = ?", [schema.MIGRATION_SET])]
    unknown = [name for name in applied if name not in set(schema.known_migrations())]
    if unknown:
        raise JournalError(f"{path}: gemaakt met een nieuwere versie van het spel / "
                           f"made by a newer version of the game ({', '.join(unknown)})")
    if not applied:
        raise JournalError(f"{path}: dit is geen export van Alien op school / "
                           f"not an Alien op school export")
    tables = {name: _table_rows(conn, path, name) for name in TABLES}
    return _grouped(tables["pupils"], tables["sessions"], tables["events"], path)


def _table_rows(conn: sqlite3.Connection, path: Path, table: str) -> list[dict[str, Any]]:
    """One table's rows by our column names (a column it lacks reads as null), each checked
    against our row shape."""
    model = TABLES[table]
    present = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    columns = ", ".join(c if c in present else f"null as {c}" for c in model.model_fields)
    rows = []
    cursor = conn.execute(f"select {columns} from {table}")
    names = [d[0] for d in cursor.description]
    for number, values in enumerate(cursor, start=1):
        rows.append(_checked(model, dict(zip(names, values, strict=True)),
                             f"{path}: {table} {number}"))
    return rows


def _checked(model: type[_Imported], row: Any, where: str) -> dict[str, Any]:
    try:
        return model.model_validate(row).model_dump()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise JournalError(f"{where}: {field}: {first['msg']}") from None


def _grouped(pupils: list[dict[str, Any]], sessions: list[dict[str, Any]],
             events: list[dict[str, Any]], path: Path) -> list[PupilRows]:
    """Rows per pupil; a session of an unknown pupil or an event of an unknown session
    makes the file unusable (it could not be merged as it is)."""
    groups = {p["id"]: PupilRows(p, [], []) for p in pupils}
    owner: dict[str, str] = {}
    for session in sorted(sessions, key=lambda s: s["started_at"]):
        if session["pupil_id"] not in groups:
            raise JournalError(f"{path}: sessie van onbekende leerling / session of an "
                               f"unknown pupil {session['pupil_id']!r}")
        groups[session["pupil_id"]].sessions.append(session)
        owner[session["id"]] = session["pupil_id"]
    for event in events:
        if event["session_id"] not in owner:
            raise JournalError(f"{path}: gebeurtenis zonder sessie / event without its "
                               f"session ({event['id']!r})")
        groups[owner[event["session_id"]]].events.append(event)
    for group in groups.values():
        group.events.sort(key=lambda e: (e["session_id"], e["seq"]))
    return list(groups.values())


def _read_jsonl_export(path: Path) -> Iterator[PupilRows]:
    pupils: dict[str, PupilRows] = {}
    session_owner: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for number, text in enumerate(fh, start=1):
            if not text.strip():
                continue
            try:
                line = json.loads(text)
                kind = line.pop("type")
            except (ValueError, KeyError, AttributeError, TypeError, RecursionError):
                raise JournalError(f"{path}:{number}: geen geldige logregel / "
                                   f"not a valid log line") from None
            if kind in ("pupil", "session", "event"):
                model = TABLES[{"pupil": "pupils", "session": "sessions",
                                "event": "events"}[kind]]
                line = _checked(model, line, f"{path}:{number}")
            if number == 1 and (kind != "meta" or line.get("format") != JSONL_FORMAT):
                raise JournalError(f"{path}:1: dit is geen export van Alien op school / "
                                   f"not an Alien op school export")
            if kind == "meta":
                version = line.get("schema", 0)
                if not isinstance(version, int) or version > schema.SCHEMA_VERSION:
                    raise JournalError(f"{path}:{number}: gemaakt met een nieuwere versie "
                                       f"van het spel / made by a newer version of the game")
            elif kind == "pupil":
                pupils[line["id"]] = PupilRows(line, [], [])
            elif kind == "session":
                _owner(pupils, line["pupil_id"], path, number).sessions.append(line)
                session_owner[line["id"]] = line["pupil_id"]
            elif kind == "event":
                owner = session_owner.get(line.get("session_id"))
                if owner is None:
                    raise JournalError(f"{path}:{number}: gebeurtenis zonder sessie / "
                                       f"event before its session")
                pupils[owner].events.append(line)
            else:
                raise JournalError(f"{path}:{number}: onbekend regeltype / "
                                   f"unknown line type {kind!r}")
    if not pupils:
        raise JournalError(f"{path}: dit is geen export van Alien op school (leeg) / "
                           f"not an Alien op school export (empty)")
    yield from pupils.values()


def _owner(pupils: dict[str, PupilRows], pupil: str, path: Path, number: int) -> PupilRows:
    if pupil not in pupils:
        raise JournalError(f"{path}:{number}: sessie van onbekende leerling / "
                           f"session of an unknown pupil {pupil!r}")
    return pupils[pupil]

