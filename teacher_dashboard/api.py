"""The class server: pupils' games send their class sessions here over the school network.

No password (children's games call it) but strict: only for a class code the
teacher opened, only well-formed batches (else 400 with the reason), never
more than one copy of an event (UUIDs). It writes through game.journal, like
an import, so the log has one owner.
"""

from __future__ import annotations

import json
import threading
from typing import Annotated, Any

from flask import Blueprint, current_app, jsonify, request
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlite_utils import Database

from game.journal.store import open_log, writing
from game.journal.transfer import PupilRows, merge
from game.world.events import KINDS
from teacher_dashboard import queries
from teacher_dashboard.app import log

api = Blueprint("api", __name__, url_prefix="/api/v1")
MAX_EVENTS = 1000
_write_lock = threading.Lock()  # one writer at a time: SQLite would make the others wait anyway

Text = Annotated[str, Field(max_length=200)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PupilIn(_Row):
    id: Annotated[str, Field(min_length=1, max_length=40)]
    created_at: Text


class SessionIn(_Row):
    id: Annotated[str, Field(min_length=8, max_length=64)]
    pupil_id: str
    level: Text
    seed: int | None = None
    app_version: Text | None = None
    language: Text | None = None
    settings: Annotated[str, Field(max_length=4000)] | None = None
    started_at: Text
    ended_at: Text | None = None
    class_code: str | None


class EventIn(_Row):
    id: Annotated[str, Field(min_length=8, max_length=64)]
    session_id: str
    seq: Annotated[int, Field(ge=1)]
    kind: str
    wall_time: Text
    game_day: Text | None = None
    game_time: Text | None = None
    location: Text | None = None
    payload: Annotated[str, Field(max_length=20_000)]

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"unknown event kind {value!r}")
        return value

    @field_validator("payload")
    @classmethod
    def _json_object(cls, value: str) -> str:
        if not isinstance(json.loads(value), dict):
            raise ValueError("payload must be a JSON object")
        return value


class Batch(_Row):
    pupil: PupilIn
    session: SessionIn
    events: Annotated[list[EventIn], Field(max_length=MAX_EVENTS)]


def _writer() -> Database:
    """One connection for all batches, kept open: opening and closing per batch made
    SQLite checkpoint the WAL every time (9 of 27 ms per batch at 112k events)."""
    extensions = current_app.extensions
    if "class_writer" not in extensions:
        opened = open_log(current_app.config["DB_PATH"], set_aside_bad=False, verify=False,
                          any_thread=True)
        extensions["class_writer"] = opened.db
    return extensions["class_writer"]


def _refuse(status: int, message: str) -> tuple[Any, int]:
    return jsonify({"error": message}), status


@api.get("/classes/<code>")
def class_status(code: str) -> tuple[Any, int]:
    found = queries.class_code(log(), code)
    if found is None:
        return _refuse(404, f"klascode {code} bestaat niet / unknown class code")
    is_open = found["closed_at"] is None
    return jsonify({"code": code, "open": is_open,
                    "message": "" if is_open else f"klascode {code} is gesloten / closed"}), 200


@api.post("/classes/<code>/events")
def receive(code: str) -> tuple[Any, int]:
    found = queries.class_code(log(), code)
    if found is None:
        return _refuse(404, f"klascode {code} bestaat niet / unknown class code")
    if found["closed_at"] is not None:
        return _refuse(403, f"klascode {code} is gesloten / class code {code} is closed")
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return _refuse(400, "verwacht JSON / expected a JSON object")
    try:
        batch = Batch.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return _refuse(400, f"{where}: {first['msg']}")
    except ValueError as exc:
        return _refuse(400, str(exc))
    if batch.session.class_code != code:
        return _refuse(400, f"session.class_code: {batch.session.class_code!r} is not {code!r}")
    if batch.session.pupil_id != batch.pupil.id:
        return _refuse(400, "session.pupil_id: not the pupil of this batch")
    if any(e.session_id != batch.session.id for e in batch.events):
        return _refuse(400, "events: every event must belong to the session sent with it")
    rows = PupilRows({**batch.pupil.model_dump(), "display_name": None},
                     [batch.session.model_dump()],
                     [e.model_dump() for e in batch.events])
    count = "select count(*) from events where session_id = ?"
    with _write_lock:
        db = _writer()
        before = db.execute(count, [batch.session.id]).fetchone()[0]
        with writing(db):
            merge(db, rows)
        added = db.execute(count, [batch.session.id]).fetchone()[0] - before
    return jsonify({"stored": added, "already_had": len(rows.events) - added}), 200
