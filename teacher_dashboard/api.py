"""The class server: pupils' games send their class sessions here over the school network.

No password (children's games call it) but strict: only for a class code the
teacher opened, only well-formed batches (else 400 with the field that is wrong:
`events.3.payload.minutes_late: ...`), every payload valid for its kind in the
event registry, timestamps that are real moments, and never more than one copy
of an event (UUIDs). It writes through game.journal, like an import, so the log
has one owner; the connection is db.class_writer(), one batch at a time.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from game.events import KINDS, UnknownKind, parse
from game.journal.store import JournalError, writing
from game.journal.transfer import PupilRows, merge
from teacher_dashboard import db, queries

bp = Blueprint("api", __name__, url_prefix="/api/v1")
MAX_EVENTS = 1000
EARLIEST = datetime(2020, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)


def _moment(value: str) -> str:
    """An ISO 8601 timestamp with its time zone, between EARLIEST and LATEST (kept as sent)."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("expected an ISO 8601 timestamp such as "
                         "2026-11-23T10:00:00.000+00:00") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the timestamp needs a time zone (+00:00)")
    if not EARLIEST <= moment < LATEST:
        raise ValueError(f"the timestamp must lie between {EARLIEST:%Y-%m-%d} "
                         f"and {LATEST:%Y-%m-%d}")
    return value


Text = Annotated[str, Field(max_length=200)]
Moment = Annotated[str, Field(max_length=40), AfterValidator(_moment)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PupilIn(_Row):
    id: Annotated[str, Field(min_length=1, max_length=40)]
    created_at: Moment


class SessionIn(_Row):
    id: Annotated[str, Field(min_length=8, max_length=64)]
    pupil_id: str
    level: Text
    seed: int | None = None
    app_version: Text | None = None
    language: Text | None = None
    settings: Annotated[str, Field(max_length=4000)] | None = None
    started_at: Moment
    ended_at: Moment | None = None
    class_code: str | None


class EventIn(_Row):
    id: Annotated[str, Field(min_length=8, max_length=64)]
    session_id: str
    seq: Annotated[int, Field(ge=1)]
    kind: str
    wall_time: Moment
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


def _where(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc)


def payload_problem(index: int, event: EventIn) -> str | None:
    """Why this event's payload is not a valid payload of its kind (naming the field),
    or None when it is."""
    try:
        parse(event.kind, json.loads(event.payload))
    except UnknownKind as exc:
        return f"events.{index}.kind: {exc}"
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _where((f"events.{index}.payload", *first["loc"]))
        return f"{where}: {first['msg']}"
    return None


def _refuse(status: int, message: str) -> tuple[Any, int]:
    return jsonify({"error": message}), status


@bp.errorhandler(JournalError)
def log_unusable(error: JournalError) -> ResponseReturnValue:
    """The teacher's log cannot be used right now: the games keep their events and retry."""
    return _refuse(503, str(error))


@bp.get("/classes/<code>")
def class_status(code: str) -> ResponseReturnValue:
    found = queries.class_code(db.log(), code)
    if found is None:
        return _refuse(404, f"klascode {code} bestaat niet / unknown class code")
    is_open = found["closed_at"] is None
    return jsonify({"code": code, "open": is_open,
                    "message": "" if is_open else f"klascode {code} is gesloten / closed"}), 200


@bp.post("/classes/<code>/events")
def receive(code: str) -> ResponseReturnValue:
    found = queries.class_code(db.log(), code)
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
        return _refuse(400, f"{_where(first['loc'])}: {first['msg']}")
    if batch.session.class_code != code:
        return _refuse(400, f"session.class_code: {batch.session.class_code!r} is not {code!r}")
    if batch.session.pupil_id != batch.pupil.id:
        return _refuse(400, "session.pupil_id: not the pupil of this batch")
    for index, event in enumerate(batch.events):
        if event.session_id != batch.session.id:
            return _refuse(400, f"events.{index}.session_id: every event must belong to "
                                f"the session sent with it")
        problem = payload_problem(index, event)
        if problem:
            return _refuse(400, problem)
    rows = PupilRows({**batch.pupil.model_dump(), "display_name": None},
                     [batch.session.model_dump()],
                     [e.model_dump() for e in batch.events])
    with db.class_writer() as log:
        before = queries.session_event_count(log, batch.session.id)
        with writing(log):
            merge(log, rows)
        added = queries.session_event_count(log, batch.session.id) - before
    return jsonify({"stored": added, "already_had": len(rows.events) - added}), 200
