"""The log as xAPI 1.0.3 statements, for a school's learning platform (an LRS).

Actor: a pseudonymous account under the school's home page (set once by the teacher in
the dashboard, kept in the log), never an e-mail: one pseudonym at two schools stays two
learners. Verb: what happened. Object: the activity it happened to (a question with its
options, a lesson, a clue, a day ...). Result: what the pupil did. Context: the session
as registration, the level and the day as grouping activities, our tags and the game
clock as extensions.

Every id we mint is an https IRI under one base (`Where.base`, default DEFAULT_BASE;
schools that publish the activities choose their own). xAPI's consistency rule, one
definition per activity id, holds for a whole export: the first definition of an id is
the one every statement carries, and a question's options are all the options seen.
Names are the content's Dutch and English texts when the level file is at hand
(`ActivityNames`), else the ids; a question no content file describes gets an id that
ends in a digest of its definition. Statement ids are the event ids, so an LRS sees a
re-sent statement as the same one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import quote

from game import __version__
from game.events import UnknownKind, kind_class, parse
from game.events.base import OWN_VERBS

XAPI_VERSION = "1.0.3"
DEFAULT_HOME = "https://alien-op-school.invalid"
"""Only a placeholder: the dashboard asks the teacher for the school's own home page."""
DEFAULT_BASE = "https://alien-op-school.invalid/xapi"
"""The activities' base IRI when a school sets none (`.invalid` never resolves)."""
ACTIVITY = "http://adlnet.gov/expapi/activities/"
LANGS = {"nl": "nl-NL", "en": "en-GB"}
Text = dict[str, str]
"""A text in Dutch and English: {"nl": ..., "en": ...}."""

SUBJECTS = (("lesson", "lessons", "lesson"), ("clue", "clues", "clue"),
            ("homework", "homework", "homework"), ("change", "changes", "change"),
            ("suspect", "characters", "character"), ("scene", "scenes", "scene"),
            ("room", "rooms", "room"), ("character", "characters", "character"),
            ("day", "days", "day"))
"""Payload field -> (the IRI's folder, what ActivityNames calls it), first match wins."""


Question = tuple[Text, list[tuple[str, Text]]]
"""A choice point in the content: its last line, and (id, text) of every option."""


class ActivityNames(Protocol):
    """The content's names for ids of one level (teacher_dashboard/names.py's
    ContentNames): None when the level or the id is unknown."""

    def text(self, what: str, item_id: str) -> Text | None: ...
    def question(self, dialogue_id: str, node_id: str) -> Question | None: ...


NamesFor = Callable[[str], ActivityNames]
"""A level id -> its names."""


@dataclass(frozen=True)
class Where:
    """Where the statements point: the school's platform (the actor's home page) and the
    base of every activity, verb and extension id we mint."""

    home: str = DEFAULT_HOME
    base: str = DEFAULT_BASE
    names: NamesFor | None = field(default=None, compare=False)

    def iri(self, *parts: str) -> str:
        return "/".join([self.base.rstrip("/"), *(quote(p, safe="") for p in parts)])

    def ext(self, name: str) -> str:
        return self.iri("extensions", name)


def verb_for(kind: str, where: Where | None = None) -> dict[str, Any]:
    """The kind's verb from the event registry (game/events); our own verbs and a kind
    unknown to this version get an IRI under the base."""
    where = where or Where()
    try:
        verb = kind_class(kind).xapi_verb()
        iri, nl, en = verb.iri, verb.nl, verb.en
    except UnknownKind:
        words = kind.replace("_", " ")
        iri, nl, en = OWN_VERBS + kind.replace("_", "-"), words, words
    if iri.startswith(OWN_VERBS):
        iri = where.iri("verbs", iri.removeprefix(OWN_VERBS))
    return {"id": iri, "display": {LANGS["nl"]: nl, LANGS["en"]: en}}


def statements(pupil: str, sessions: list[dict[str, Any]], events: list[dict[str, Any]],
               *, where: Where | None = None) -> list[dict[str, Any]]:
    """One statement per readable event; a row its kind cannot read is left out (an LRS
    should never get half a statement), the rest of the export goes on."""
    where = where or Where()
    by_id = {s["id"]: s for s in sessions}
    actor = {"objectType": "Agent", "account": {"homePage": where.home, "name": pupil}}
    names: dict[str, _Namer] = {}
    out = []
    for event in events:
        payload = readable(event)
        session = by_id.get(event.get("session_id"))
        if payload is None or session is None:
            continue
        level = str(session["level"])
        if level not in names:
            names[level] = _Namer(where.names(level) if where.names else None)
        out.append(statement(actor, session, event, payload, where, names[level]))
    return one_definition_per_activity(out)


def readable(event: dict[str, Any]) -> dict[str, Any] | None:
    """The event's payload checked by its kind (game/events), or None when it cannot be."""
    try:
        raw = event["payload"]
        data = json.loads(raw) if isinstance(raw, str) else raw
        return parse(str(event["kind"]), data).data()
    except (ValueError, TypeError, KeyError, RecursionError, UnknownKind):
        return None  # RecursionError: JSON nested too deep to read


class _Namer:
    """Names for one level, falling back to the ids (an imported log of another level)."""

    def __init__(self, names: ActivityNames | None) -> None:
        self.names = names

    def __call__(self, what: str, item_id: str) -> Text:
        found = self.names.text(what, item_id) if self.names is not None else None
        return found or {"nl": item_id, "en": item_id}

    def question(self, dialogue_id: str, node_id: str) -> Question | None:
        return self.names.question(dialogue_id, node_id) if self.names is not None else None


def statement(actor: dict[str, Any], session: dict[str, Any], event: dict[str, Any],
              payload: dict[str, Any], where: Where | None = None,
              name: _Namer | None = None) -> dict[str, Any]:
    where = where or Where()
    name = name or _Namer(None)
    kind = event["kind"]
    level = str(session["level"])
    context_ext = {
        where.ext("kind"): kind, where.ext("game-time"): event.get("game_time"),
        where.ext("location"): event.get("location"), where.ext("seq"): event["seq"],
    }
    if session.get("class_code"):
        context_ext[where.ext("class")] = session["class_code"]
    result: dict[str, Any] | None = None
    if kind == "choice":
        obj = _choice_object(level, payload, where, name)
        result = {"response": payload["chosen"],
                  "duration": iso_duration(payload.get("response_ms", 0)),
                  "extensions": {where.ext("chosen-text"): payload.get("chosen_text"),
                                 where.ext("aspects"): payload.get("aspects", {}),
                                 where.ext("skills"): payload.get("skills", [])}}
        context_ext[where.ext("said-before")] = payload.get("said_before", [])
    else:
        obj = _moment_object(level, kind, payload, where, name)
        if payload:
            result = {"extensions": {where.ext("details"): payload}}
        if kind in ("lesson_on_time", "lesson_late"):
            result = {"success": kind == "lesson_on_time", **(result or {})}
    grouping = [_activity(where.iri("levels", level), "level", name("level", level), where)]
    if event.get("game_day"):
        day = str(event["game_day"])
        grouping.append(_activity(where.iri("levels", level, "days", day), "day",
                                  name("day", day), where))
    out: dict[str, Any] = {
        "id": event["id"], "version": XAPI_VERSION, "actor": actor,
        "verb": verb_for(kind, where), "object": obj, "timestamp": event["wall_time"],
        "context": {"registration": session["id"], "platform": f"Alien op school {__version__}",
                    "language": LANGS.get(session.get("language") or "nl", "nl-NL"),
                    "contextActivities": {"grouping": grouping},
                    "extensions": {k: v for k, v in context_ext.items() if v is not None}},
    }
    if result is not None:
        out["result"] = result
    return out


def one_definition_per_activity(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """xAPI 1.0.3: an activity id has one definition. The first one seen is kept for
    every statement; a question's options are every option any statement showed."""
    first: dict[str, dict[str, Any]] = {}
    for activity in _activities(statements):
        definition = activity.get("definition", {})
        kept = first.setdefault(activity["id"], json.loads(json.dumps(definition)))
        if "choices" in kept:
            known = {c["id"] for c in kept["choices"]}
            kept["choices"] += [c for c in definition.get("choices", [])
                                if c["id"] not in known]
    for activity in _activities(statements):
        activity["definition"] = first[activity["id"]]
    return statements


def _activities(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for s in statements:
        found.append(s["object"])
        found += s["context"].get("contextActivities", {}).get("grouping", [])
    return found


def iso_duration(ms: int | float) -> str:
    """xAPI wants ISO 8601 durations: 2350 ms -> 'PT2.35S'."""
    seconds = max(0.0, float(ms)) / 1000.0
    text = f"{seconds:.2f}".rstrip("0").rstrip(".")
    return f"PT{text}S"


def _activity(iri: str, what: str, name: Text, where: Where) -> dict[str, Any]:
    return {"objectType": "Activity", "id": iri,
            "definition": {"type": where.iri("activity-types", what), "name": _lang_map(name)}}


def _choice_object(level: str, payload: dict[str, Any], where: Where,
                   name: _Namer) -> dict[str, Any]:
    """The question as the content writes it (all its options), so every pupil's
    statement defines it alike. A choice point no file describes (a lesson's or a
    homework's generated talk, a level that is gone) is defined by what this pupil saw,
    and its id ends in a digest of that definition: one id, one definition, always."""
    iri = where.iri("levels", level, "dialogues", payload["dialogue"], "nodes",
                    payload["node"])
    written = name.question(payload["dialogue"], payload["node"])
    if written is not None:
        question, options = written
    else:
        said = payload.get("said_before") or []
        question = said[-1] if said else {}
        options = [(o["id"], o) for o in payload.get("options", [])]
    question = {lang: str(question.get(lang) or payload["node"]) for lang in ("nl", "en")}
    character = payload.get("character") or ""
    who = name("character", character) if character else None
    title = {lang: f"{who[lang]}: {question[lang]}" if who else question[lang]
             for lang in ("nl", "en")}
    definition = {
        "type": ACTIVITY + "cmi.interaction", "interactionType": "choice",
        "name": _lang_map(title), "description": _lang_map(question),
        "choices": [{"id": choice_id, "description": _lang_map(text)}
                    for choice_id, text in options],
    }
    if written is None:
        digest = hashlib.sha256(json.dumps(definition, sort_keys=True).encode()).hexdigest()
        iri = f"{iri}/seen-{digest[:12]}"
    return {"objectType": "Activity", "id": iri, "definition": definition}


def _moment_object(level: str, kind: str, payload: dict[str, Any], where: Where,
                   name: _Namer) -> dict[str, Any]:
    """The activity a moment happened to (the lesson one was late for, the clue found);
    a moment about nothing in particular is the level's own moment of that kind."""
    for key, folder, what in SUBJECTS:
        value = payload.get(key)
        if isinstance(value, str) and value:
            return _activity(where.iri("levels", level, folder, value), what,
                             name(what, value), where)
    verb = verb_for(kind, where)["display"]
    words = {"nl": verb[LANGS["nl"]], "en": verb[LANGS["en"]]}
    return _activity(where.iri("levels", level, "moments", kind.replace("_", "-")), "moment",
                     words, where)


def _lang_map(text: dict[str, Any]) -> dict[str, str]:
    return {LANGS[k]: str(text[k]) for k in ("nl", "en") if text.get(k)}
