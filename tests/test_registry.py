"""The registries that make "one owner per rule" true: event kinds, rules, export formats,
and the docs made from them."""

from __future__ import annotations

import json
import sqlite3
import string
from typing import Any

import pytest

from game import paths, reference
from game.events import KINDS, Names, Payload, UnknownKind, parse
from game.journal.exports import EXPORTS, export_pupil
from game.journal.transfer import import_file
from game.text.catalogue import fill, load_catalogue

DASHBOARD_TEXT = paths.ROOT / "teacher_dashboard" / "text"


def test_the_reference_tables_in_the_docs_are_made_from_the_registries():
    assert reference.stale() == [], "run: python tools/make_docs.py"


class IdNames:
    """Names as ids: enough to tell a moment without a level file."""

    language = "nl"

    def __getattr__(self, _name: str) -> Any:
        return lambda value=None: str(value or "")


class CheckingTeller:
    """Tells with the dashboard's catalogues, failing on a missing key or blank."""

    def __init__(self, language: str) -> None:
        self.catalogue = load_catalogue(language, DASHBOARD_TEXT)
        self.language = language
        self.names: Names = IdNames()
        self.used: set[str] = set()

    def __call__(self, key: str, **values: Any) -> str:
        assert key in self.catalogue, f"the dashboard has no text '{key}'"
        entry = self.catalogue[key]
        forms = entry.values() if isinstance(entry, dict) else [entry]
        blanks = {f for form in forms for _, f, _, _ in string.Formatter().parse(form) if f}
        assert blanks <= set(values), f"'{key}' needs {blanks - set(values)}"
        self.used.add(key)
        return fill(entry, values, self.language)


def test_every_logged_event_reads_back_as_its_kind_and_tells_itself(school_log):
    with sqlite3.connect(school_log) as con:
        rows = con.execute("select kind, payload from events").fetchall()
    seen = set()
    tellers = [CheckingTeller("nl"), CheckingTeller("en")]
    for kind, payload in rows:
        event = parse(kind, json.loads(payload))
        assert type(event) is KINDS[kind] and event.data() == json.loads(payload)
        seen.add(kind)
        if event.story != "hidden":
            for teller in tellers:
                told = event.tell(teller)
                assert told is not None and told.text and told.tone in ("good", "note", "info")
    assert len(seen) >= 25, sorted(set(KINDS) - seen)


def test_an_unknown_kind_or_a_wrong_payload_is_refused_by_name():
    with pytest.raises(UnknownKind):
        parse("hacked", {})
    with pytest.raises(ValueError, match="minutes_late"):
        parse("lesson_late", {"lesson": "a", "minutes_late": "veel"})
    with pytest.raises(ValueError, match="aspects"):
        parse("choice", {"dialogue": "d", "node": "n", "character": "c",
                         "options": [{"id": "a", "nl": "x", "en": "x"}], "chosen": "a",
                         "chosen_index": 0, "chosen_text": {"nl": "x", "en": "x"},
                         "aspects": {"respect": -1000}})


def test_a_payload_class_without_a_kind_cannot_be_emitted(content):
    from game.world.world import World

    class NotAKind(Payload):
        note: str

    world = World(content, seed=1)
    with pytest.raises(TypeError, match="not a registered event kind"):
        world.emit(NotAKind(note="x"))


def test_choices_logged_before_context_existed_are_read_by_their_old_ids():
    base = {"node": "n", "character": "player", "options": [{"id": "a", "nl": "x", "en": "x"}],
            "chosen": "a", "chosen_index": 0, "chosen_text": {"nl": "x", "en": "x"}}
    assert parse("choice", {**base, "dialogue": "reflectie"}).data()["context"] == "reflection"
    old_lesson = parse("choice", {**base, "dialogue": "les-wiskunde-1"}).data()
    assert (old_lesson["context"], old_lesson["about"]) == ("lesson", "wiskunde-1")
    assert parse("choice", {**base, "dialogue": "noor"}).data()["context"] == "talk"


def test_every_export_format_writes_and_the_importable_ones_read_back(simulated_log, tmp_path):
    with sqlite3.connect(simulated_log) as con:
        pupil = con.execute("select id from pupils order by id limit 1").fetchone()[0]
        events = con.execute("select count(*) from events e join sessions s on "
                             "s.id = e.session_id where s.pupil_id = ?", [pupil]).fetchone()[0]
    for name, fmt in EXPORTS.items():
        out = tmp_path / f"uit{fmt.suffix}"
        export_pupil(simulated_log, pupil, out, name)
        assert out.stat().st_size > 0, name
        if fmt.importable:
            result = import_file(out, tmp_path / f"{name}-mentor.sqlite")
            assert result.events == events, name
    header = (tmp_path / "uit.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("session_id,") and "chosen_text" in header
