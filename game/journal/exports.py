"""Every way a pupil's log can leave this machine, in one registry.

The command line (`main.py export --format`), the dashboard's data page and the
README's table all read `EXPORTS`. A format is a name, a file suffix, a mimetype
for downloads, whether `import` reads it back, and the function that writes it.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.events import UnknownKind, parse
from game.events.talking import ChoiceMade
from game.journal.admin import XAPI_BASE, XAPI_HOME, log_settings
from game.journal.faults import Trouble, trouble_of
from game.journal.store import CannotOpen, JournalError, open_for_reading
from game.journal.transfer import PupilRows, read_pupil, write_jsonl, write_sqlite
from game.journal.xapi import DEFAULT_BASE, DEFAULT_HOME, NamesFor, Where, statements
from game.safe_files import appearing_whole, open_text

Writer = Callable[[PupilRows, Path, Where], None]
"""(the pupil's rows, the file to write, where xAPI statements point) -> None"""


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str
    mimetype: str
    importable: bool
    what: str
    """One line for the docs: what the file holds and who it is for."""
    write: Writer


CSV_COLUMNS = ("session_id", "level", "class_code", "wall_time", "game_day", "game_time",
               "location", "context", "dialogue", "node", "character", "said_before",
               "options", "chosen", "chosen_text", "aspects", "skills", "reflect",
               "response_ms")


def choice_rows(rows: PupilRows) -> Iterator[dict[str, Any]]:
    """One row per choice with its context (what was said, the options, the tags)."""
    sessions = {s["id"]: s for s in rows.sessions}
    for event in rows.events:
        if event["kind"] != ChoiceMade.kind:
            continue
        try:
            choice = parse(event["kind"], json.loads(event["payload"]))
        except (UnknownKind, ValueError, TypeError, RecursionError):
            continue  # an unreadable row is left out, never the whole export
        session = sessions.get(event["session_id"], {})
        data = choice.data()
        yield {"session_id": event["session_id"], "level": session.get("level"),
               "class_code": session.get("class_code"),
               **{k: event.get(k) for k in ("wall_time", "game_day", "game_time", "location")},
               **{k: data.get(k) for k in CSV_COLUMNS if k in data}}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet runs a cell starting with these as a formula (`=HYPERLINK(...)`)."""


def _cell(value: Any) -> Any:
    """Nested context as JSON; a text a spreadsheet would run as a formula starts with
    an apostrophe, so it is shown as the text the pupil saw."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: PupilRows, out: Path, _where: object = None) -> None:
    """The BOM lets Excel read UTF-8; nested context stays JSON in its cell."""
    with open_text(out, encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for row in choice_rows(rows):
            writer.writerow([_cell(row.get(c)) for c in CSV_COLUMNS])


def write_xapi(rows: PupilRows, out: Path, where: Where) -> None:
    data = statements(rows.pupil["id"], rows.sessions, rows.events, where=where)
    with open_text(out) as fh:
        fh.write(json.dumps(data, ensure_ascii=False, indent=1))


EXPORTS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("sqlite", ".sqlite", "application/vnd.sqlite3", True,
                 "the pupil's part of the log, for the mentor's dashboard (import it there)",
                 lambda rows, out, _where: write_sqlite(rows, out)),
    ExportFormat("jsonl", ".jsonl", "application/x-ndjson", True,
                 "the same as one JSON object per line, readable by any tool",
                 lambda rows, out, _where: write_jsonl(rows, out)),
    ExportFormat("csv", ".csv", "text/csv", False,
                 "one row per choice with its context, for a spreadsheet",
                 write_csv),
    ExportFormat("xapi", ".xapi.json", "application/json", False,
                 "xAPI 1.0.3 statements for a school's learning record store (LRS)",
                 write_xapi),
)}


def export_pupil(db_path: Path, pupil: str, out: Path, fmt: str = "sqlite", *,
                 xapi_home: str | None = None, xapi_base: str | None = None,
                 names: NamesFor | None = None) -> PupilRows:
    """Write one pupil's log to `out` in the chosen format; never touches the source.

    The file is written under a temporary name beside `out` and renamed at the end: a
    full disk or a failure leaves no half (or empty) file that would block a retry.
    xAPI statements point to the home page and base given, else the ones the teacher
    stored in the log; `names` gives the content's names for the activities."""
    if fmt not in EXPORTS:
        raise JournalError(f"onbekend formaat / unknown format {fmt!r}; "
                           f"kies uit {', '.join(EXPORTS)}")
    out = Path(out)
    if out.is_dir():
        raise CannotOpen(out, Trouble.FOLDER)
    if out.exists():
        raise JournalError(f"{out}: bestaat al; kies een andere naam / already exists")
    source = open_for_reading(db_path)
    try:
        rows = read_pupil(source, pupil)
        stored = log_settings(source)
    except sqlite3.Error as exc:
        raise CannotOpen(Path(db_path), trouble_of(exc)) from None
    finally:
        source.close()
    rows.pupil = {**rows.pupil, "display_name": None}  # a real name never leaves this log
    where = Where(home=xapi_home or stored.get(XAPI_HOME, DEFAULT_HOME),
                  base=xapi_base or stored.get(XAPI_BASE, DEFAULT_BASE), names=names)
    try:
        with appearing_whole(out) as partial:
            EXPORTS[fmt].write(rows, partial, where)
    except (OSError, sqlite3.Error) as exc:
        raise CannotOpen(out, trouble_of(exc)) from None
    return rows


def reference_markdown() -> str:
    """The formats as a Markdown table (README's export section is generated from it)."""
    lines = ["| format | file | can be imported | what it holds |", "| --- | --- | --- | --- |"]
    for f in EXPORTS.values():
        lines.append(f"| `{f.name}` | `*{f.suffix}` | {'yes' if f.importable else 'no'} "
                     f"| {f.what} |")
    return "\n".join(lines)
