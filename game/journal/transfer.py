"""Moving a pupil's log between machines: export to a file, import it idempotently.

Export writes only the one pupil's rows. Import adds what is new and nothing
twice: pupils, sessions and events keep their ids (events have UUIDs), so
importing the same file again changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from game import __version__
from game.journal import schema
from game.journal.faults import Trouble, trouble_of
from game.journal.store import (
    SQLITE_HEADER,
    CannotOpen,
    JournalError,
    open_for_reading,
    open_log,
    writing,
)
from game.safe_files import open_text

CLI_WAIT_S = 60.0
"""How long an import waits for another program (the game, an upload) to let go of the log."""

JSONL_FORMAT = "alien-op-school-log"


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


def _read_sqlite_export(path: Path) -> Iterator[PupilRows]:
    db = open_for_reading(path)
    try:
        if "_sqlite_migrations" not in db.table_names():
            raise JournalError(f"{path}: dit is geen export van Alien op school / "
                               f"not an Alien op school export")
        unknown = schema.unknown_migrations(db)
        if unknown:
            raise JournalError(f"{path}: gemaakt met een nieuwere versie van het spel / "
                               f"made by a newer version of the game ({', '.join(unknown)})")
        try:
            pupils = [r[0] for r in db.execute("select id from pupils order by id")]
            groups = [read_pupil(db, pupil) for pupil in pupils]
        except sqlite3.Error as exc:
            raise JournalError(f"{path}: dit is geen leesbare export / "
                               f"not a readable export ({exc})") from None
    finally:
        db.close()
    yield from groups


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
            except (ValueError, KeyError, AttributeError, TypeError):
                raise JournalError(f"{path}:{number}: geen geldige logregel / "
                                   f"not a valid log line") from None
            if number == 1 and (kind != "meta" or line.get("format") != JSONL_FORMAT):
                raise JournalError(f"{path}:1: dit is geen export van Alien op school / "
                                   f"not an Alien op school export")
            if kind == "meta":
                if int(line.get("schema", 0)) > schema.SCHEMA_VERSION:
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

