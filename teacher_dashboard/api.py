"""The class server: pupils' games send their class sessions here over the school network.

No password (children's games call it) but strict:
- only for a class code the teacher opened;
- only the game that claimed a pseudonym writes under it: joining (`POST .../pupils`)
  gives a secret (credentials.py), every batch carries it (`Authorization: Bearer`),
  and a batch may only add to its own pupil's sessions of this class;
- only well-formed batches (else 400 with the field that is wrong:
  `events.3.payload.minutes_late: ...`), every payload valid for its kind in the event
  registry, timestamps that are real moments, a level this dashboard knows;
- within limits (limits.py): body size, events per batch, requests per address and per
  code, a quota of events per pupil per lesson;
- never more than one copy of an event (UUIDs).
It answers only "is this code open", a secret to the game that claims a name, and how
many events of the batch were new; nothing of anyone's data. It writes through
game.journal, like an import; the connection is db.class_writer(), one batch at a time.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from flask import Blueprint, current_app, jsonify, request
from flask.typing import ResponseReturnValue
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from game.events import KINDS, UnknownKind, parse
from game.journal.store import writing
from game.journal.transfer import PupilRows, merge
from teacher_dashboard import credentials, db, limits, queries
from teacher_dashboard.credentials import Claim

bp = Blueprint("api", __name__, url_prefix="/api/v1")
MAX_EVENTS = 500
"""Events per batch (the game sends at most upload.BATCH = 200)."""
MAX_BODY_BYTES = 2 * 1024 * 1024
EARLIEST = datetime(2020, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
CONTROL = frozenset(chr(c) for c in (*range(32), 127))


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


def _printable(value: str) -> str:
    if any(ch in CONTROL for ch in value):
        raise ValueError("control characters are not allowed")
    return value


def _json_object(value: str) -> str:
    try:
        parsed = json.loads(value)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if not isinstance(parsed, dict):
        raise ValueError("must be a JSON object")
    return value


def _known_level(value: str) -> str:
    known: frozenset[str] = current_app.config["KNOWN_LEVELS"]
    if value not in known:
        raise ValueError(f"unknown level {value!r}; known: {', '.join(sorted(known))}")
    return value


Text = Annotated[str, Field(max_length=200), AfterValidator(_printable)]
Moment = Annotated[str, Field(max_length=40), AfterValidator(_moment)]
Pseudonym = Annotated[str, Field(min_length=1, max_length=40), AfterValidator(_printable)]
Uuid = Annotated[str, Field(min_length=8, max_length=64), AfterValidator(_printable)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PupilIn(_Row):
    id: Pseudonym
    created_at: Moment


class SessionIn(_Row):
    id: Uuid
    pupil_id: str
    level: Annotated[str, Field(max_length=64), AfterValidator(_known_level)]
    seed: Annotated[int, Field(ge=0, lt=2**63)] | None = None
    app_version: Annotated[str, Field(max_length=40), AfterValidator(_printable)] | None = None
    language: Literal["nl", "en"] | None = None
    settings: Annotated[str, Field(max_length=4000), AfterValidator(_json_object)] | None = None
    started_at: Moment
    ended_at: Moment | None = None
    class_code: str | None


class EventIn(_Row):
    id: Uuid
    session_id: str
    seq: Annotated[int, Field(ge=1, le=1_000_000)]
    kind: str
    wall_time: Moment
    game_day: Annotated[str, Field(max_length=120), AfterValidator(_printable)] | None = None
    game_time: Annotated[str, Field(pattern=r"^\d{2}:\d{2}$")] | None = None
    location: Annotated[str, Field(max_length=120), AfterValidator(_printable)] | None = None
    payload: Annotated[str, Field(max_length=20_000), AfterValidator(_json_object)]

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"unknown event kind {value!r}")
        return value


class Batch(_Row):
    pupil: PupilIn
    session: SessionIn
    events: Annotated[list[EventIn], Field(max_length=MAX_EVENTS)]


class Join(_Row):
    pupil: Pseudonym
    secret: Annotated[str, Field(pattern=credentials.SECRET_PATTERN)]


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


def refuse(status: int, message: str, reason: str = "invalid",
           headers: dict[str, str] | None = None) -> tuple[Any, int, dict[str, str]]:
    """A JSON refusal; `reason` lets the game tell a closed class from a wrong secret."""
    return jsonify({"error": message, "reason": reason}), status, headers or {}


def _validation_problem(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return f"{_where(first['loc'])}: {first['msg']}"


def _open_code(code: str) -> tuple[Any, int, dict[str, str]] | None:
    """None when `code` is open; else the refusal to send."""
    found = queries.class_code(db.log(), code)
    if found is None:
        return refuse(404, f"klascode {code} bestaat niet / unknown class code", "unknown")
    if found["closed_at"] is not None:
        return refuse(403, f"klascode {code} is gesloten / class code {code} is closed",
                      "closed")
    return None


def _secret() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


@bp.get("/classes/<code>")
def class_status(code: str) -> ResponseReturnValue:
    found = queries.class_code(db.log(), code)
    if found is None:
        return refuse(404, f"klascode {code} bestaat niet / unknown class code", "unknown")
    is_open = found["closed_at"] is None
    return jsonify({"code": code, "open": is_open,
                    "message": "" if is_open else f"klascode {code} is gesloten / closed"}), 200


@bp.post("/classes/<code>/pupils")
def join(code: str) -> ResponseReturnValue:
    """A game joins an open class with its pseudonym and its secret: the first join claims
    the name for that secret (joining again with it is fine); another game's name is
    refused (409)."""
    refused = _open_code(code)
    if refused:
        return refused
    try:
        wanted = Join.model_validate(request.get_json(silent=True))
    except ValidationError as exc:
        return refuse(400, _validation_problem(exc))
    with db.class_writer() as log:
        outcome = credentials.claim(log, wanted.pupil, code, wanted.secret)
    if outcome is Claim.TAKEN:
        return refuse(409, f"de naam {wanted.pupil} is in deze klas al in gebruik; kies een "
                           f"andere of vraag je mentor hem vrij te geven / this name is "
                           f"taken: choose another or ask your mentor to release it", "taken")
    return jsonify({"pupil": wanted.pupil, "joined": True}), 201


@bp.post("/classes/<code>/events")
def receive(code: str) -> ResponseReturnValue:
    refused = _open_code(code)
    if refused:
        return refused
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return refuse(400, "verwacht JSON / expected a JSON object")
    try:
        batch = Batch.model_validate(data)
    except ValidationError as exc:
        return refuse(400, _validation_problem(exc))
    except RecursionError:
        return refuse(400, "te diep genest / nested too deeply")
    if batch.session.class_code != code:
        return refuse(400, f"session.class_code: {batch.session.class_code!r} is not {code!r}")
    if batch.session.pupil_id != batch.pupil.id:
        return refuse(400, "session.pupil_id: not the pupil of this batch")
    for index, event in enumerate(batch.events):
        if event.session_id != batch.session.id:
            return refuse(400, f"events.{index}.session_id: every event must belong to "
                               f"the session sent with it")
        problem = payload_problem(index, event)
        if problem:
            return refuse(400, problem)
    rows = PupilRows({**batch.pupil.model_dump(), "display_name": None},
                     [batch.session.model_dump()],
                     [e.model_dump() for e in batch.events])
    with db.class_writer() as log:
        if not credentials.holds(log, batch.pupil.id, _secret()):
            status = 403 if _secret() else 401
            return refuse(status, f"{batch.pupil.id}: deze game mag niet onder deze naam "
                                  f"sturen / this game may not send as this pupil",
                          "credentials")
        owner = queries.session_owner(log, batch.session.id)
        if owner is not None and owner != (batch.pupil.id, code):
            return refuse(403, "session.id: this session belongs to someone else",
                          "credentials")
        wait = limits.take_quota(code, batch.pupil.id, len(rows.events))
        if wait is not None:
            return refuse(429, f"te veel gebeurtenissen voor deze les / too many events "
                               f"for this lesson; try again in {wait} s", "quota",
                          {"Retry-After": str(wait)})
        before = queries.session_event_count(log, batch.session.id)
        with writing(log):
            merge(log, rows)
        added = queries.session_event_count(log, batch.session.id) - before
    return jsonify({"stored": added, "already_had": len(rows.events) - added}), 200
