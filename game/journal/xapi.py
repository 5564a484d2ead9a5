"""The log as xAPI statements, for a school's learning platform (an LRS).

Actor: a pseudonymous account, never an e-mail. Verb: what happened. Object:
the moment (for a choice: the question with every option shown). Result: what
the pupil did (the option taken, how long it took). Context: the session as
registration, and our tags and game clock as extensions. Statement ids are the
event ids, so an LRS also sees a re-sent statement as the same one.
"""

from __future__ import annotations

import json
from typing import Any

from game import __version__
from game.events import UnknownKind, kind_class, parse

XAPI_VERSION = "1.0.3"
DEFAULT_HOME = "https://alien-op-school.invalid"
ACTIVITY = "http://adlnet.gov/expapi/activities/"
NS = "urn:alien-op-school"
LANGS = {"nl": "nl-NL", "en": "en-GB"}



def verb_for(kind: str) -> dict[str, Any]:
    """The kind's verb from the event registry (game/events); an unknown kind from an
    older or newer game gets a verb of our own namespace."""
    try:
        verb = kind_class(kind).xapi_verb()
        iri, nl, en = verb.iri, verb.nl, verb.en
    except UnknownKind:
        words = kind.replace("_", " ")
        iri, nl, en = f"{NS}:verb:{kind.replace('_', '-')}", words, words
    return {"id": iri, "display": {LANGS["nl"]: nl, LANGS["en"]: en}}


def statements(pupil: str, sessions: list[dict[str, Any]], events: list[dict[str, Any]],
               *, home: str = DEFAULT_HOME) -> list[dict[str, Any]]:
    """One statement per readable event; a row its kind cannot read is left out (an LRS
    should never get half a statement), the rest of the export goes on."""
    by_id = {s["id"]: s for s in sessions}
    actor = {"objectType": "Agent", "account": {"homePage": home, "name": pupil}}
    out = []
    for event in events:
        payload = readable(event)
        if payload is not None and event.get("session_id") in by_id:
            out.append(statement(actor, by_id[event["session_id"]], event, payload))
    return out


def readable(event: dict[str, Any]) -> dict[str, Any] | None:
    """The event's payload checked by its kind (game/events), or None when it cannot be."""
    try:
        raw = event["payload"]
        data = json.loads(raw) if isinstance(raw, str) else raw
        return parse(str(event["kind"]), data).data()
    except (ValueError, TypeError, KeyError, RecursionError, UnknownKind):
        return None  # RecursionError: JSON nested too deep to read


def statement(actor: dict[str, Any], session: dict[str, Any], event: dict[str, Any],
              payload: dict[str, Any]) -> dict[str, Any]:
    kind = event["kind"]
    level = session["level"]
    context_ext = {
        f"{NS}:ext:kind": kind, f"{NS}:ext:level": level,
        f"{NS}:ext:game-day": event.get("game_day"),
        f"{NS}:ext:game-time": event.get("game_time"),
        f"{NS}:ext:location": event.get("location"), f"{NS}:ext:seq": event["seq"],
    }
    if session.get("class_code"):
        context_ext[f"{NS}:ext:class"] = session["class_code"]
    result: dict[str, Any] | None = None
    if kind == "choice":
        obj = _choice_object(level, payload)
        result = {"response": payload["chosen"],
                  "duration": iso_duration(payload.get("response_ms", 0)),
                  "extensions": {f"{NS}:ext:chosen-text": payload.get("chosen_text"),
                                 f"{NS}:ext:aspects": payload.get("aspects", {}),
                                 f"{NS}:ext:skills": payload.get("skills", [])}}
        context_ext[f"{NS}:ext:said-before"] = payload.get("said_before", [])
    else:
        obj = _moment_object(level, kind, payload)
        if payload:
            result = {"extensions": {f"{NS}:ext:details": payload}}
        if kind in ("lesson_on_time", "lesson_late"):
            result = {"success": kind == "lesson_on_time", **(result or {})}
    out: dict[str, Any] = {
        "id": event["id"], "version": XAPI_VERSION, "actor": actor, "verb": verb_for(kind),
        "object": obj, "timestamp": event["wall_time"],
        "context": {"registration": session["id"], "platform": f"Alien op school {__version__}",
                    "language": LANGS.get(session.get("language") or "nl", "nl-NL"),
                    "extensions": {k: v for k, v in context_ext.items() if v is not None}},
    }
    if result is not None:
        out["result"] = result
    return out


def iso_duration(ms: int | float) -> str:
    """xAPI wants ISO 8601 durations: 2350 ms -> 'PT2.35S'."""
    seconds = max(0.0, float(ms)) / 1000.0
    text = f"{seconds:.2f}".rstrip("0").rstrip(".")
    return f"PT{text}S"


def _choice_object(level: str, payload: dict[str, Any]) -> dict[str, Any]:
    said = payload.get("said_before") or []
    question = said[-1] if said else {"nl": payload["node"], "en": payload["node"]}
    return {
        "objectType": "Activity",
        "id": f"{NS}:level:{level}:dialogue:{payload['dialogue']}:node:{payload['node']}",
        "definition": {
            "type": ACTIVITY + "cmi.interaction", "interactionType": "choice",
            "name": {LANGS["nl"]: f"{payload.get('character', '')}: {payload['node']}",
                     LANGS["en"]: f"{payload.get('character', '')}: {payload['node']}"},
            "description": _lang_map(question),
            "choices": [{"id": o["id"], "description": _lang_map(o)}
                        for o in payload.get("options", [])],
        },
    }


def _moment_object(level: str, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    subject = next((str(payload[k]) for k in ("lesson", "clue", "homework", "change",
                                               "suspect", "room", "character", "day")
                    if k in payload), None)
    iri = f"{NS}:level:{level}:{kind.replace('_', '-')}"
    if subject:
        iri += f":{subject}"
    return {"objectType": "Activity", "id": iri,
            "definition": {"type": f"{NS}:activity:{kind.replace('_', '-')}",
                           "name": {LANGS["nl"]: subject or level,
                                    LANGS["en"]: subject or level}}}


def _lang_map(text: dict[str, Any]) -> dict[str, str]:
    return {LANGS[k]: str(text[k]) for k in ("nl", "en") if text.get(k)}
