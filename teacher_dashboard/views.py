"""The dashboard's pages. Reading goes through queries.py on a read-only connection;
the three changes a mentor can make (a name, an import, a delete) go through
game.journal and always come from a CSRF-checked form.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from game.content.tags import ASPECTS, SKILLS
from game.journal import admin, transfer
from game.journal.store import JournalError
from game.ui.texts import LANGUAGES
from teacher_dashboard import queries
from teacher_dashboard.app import log
from teacher_dashboard.auth import password_matches
from teacher_dashboard.names import LevelNames, scenes_of
from teacher_dashboard.profile import MIN_PUPILS, class_profile
from teacher_dashboard.sheet import build_sheet
from teacher_dashboard.timeline import aspect_label, skill_label, tell

views = Blueprint("views", __name__)
EXPORT_FORMATS = ("csv", "xapi", "sqlite", "jsonl")


def t(key: str, **values: Any) -> str:
    return current_app.config["TEXT"](key, **values)


def language() -> str:
    return current_app.config["LANGUAGE"]()


def _safe_next(target: str | None) -> str:
    """Only ever send the teacher back to a page of this dashboard."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("views.pupils")


@views.errorhandler(JournalError)
def log_problem(exc: JournalError) -> tuple[str, int]:
    return render_template("problem.html", message=str(exc)), 503


# --- signing in ---------------------------------------------------------------

@views.route("/login", methods=["GET", "POST"])
def login() -> Any:
    throttle = current_app.config["THROTTLE"]
    address = request.remote_addr or "?"
    wrong = False
    if request.method == "POST":
        if password_matches(current_app.config["SECRETS"], request.form.get("password", "")):
            throttle.succeeded(address)
            lang = session.get("lang")
            session.clear()
            session.permanent = True
            session["signed_in"] = True
            if lang:
                session["lang"] = lang
            return redirect(_safe_next(request.form.get("next")))
        throttle.failed(address)
        wrong = True
    return render_template("login.html", wrong=wrong, next=request.args.get("next", ""),
                           wait=throttle.delay_for(address)), 401 if wrong else 200


@views.route("/logout", methods=["POST"])
def logout() -> Any:
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    flash(t("signed_out"))
    return redirect(url_for("views.login"))


def language_switch(lang: str) -> Any:
    if lang in LANGUAGES:
        session["lang"] = lang
    return redirect(_safe_next(request.args.get("next")))


views.add_url_rule("/language/<lang>", endpoint="language", view_func=language_switch)


# --- pupils -------------------------------------------------------------------

@views.route("/")
def pupils() -> str:
    class_code = request.args.get("class") or None
    return render_template("pupils.html", pupils=queries.pupils(log(), class_code),
                           class_code=class_code, classes=queries.classes(log()))


@dataclass
class SessionRow:
    row: dict[str, Any]
    level: str
    days: int = 0
    lessons: int = 0
    on_time: int = 0
    clues: int = 0
    solved: bool = False


def _session_rows(pupil_id: str) -> list[SessionRow]:
    rows = {r["id"]: SessionRow(r, LevelNames(r["level"], language()).title(r["level"]))
            for r in queries.sessions_of(log(), pupil_id)}
    for event in queries.summaries_of(log(), pupil_id):
        row = rows.get(event["session_id"])
        data = event["payload"]
        if row is None:
            continue
        if event["kind"] == "day_end":
            row.days += 1
            row.lessons += int(data.get("lessons", 0))
            row.on_time += int(data.get("on_time", 0))
            row.clues = max(row.clues, int(data.get("clues", 0)))
        elif event["kind"] == "accusation" and data.get("correct"):
            row.solved = True
    return list(rows.values())


@views.route("/pupil/<path:pupil_id>")
def pupil(pupil_id: str) -> str:
    found = queries.pupil(log(), pupil_id)
    if found is None:
        abort(404, t("unknown_pupil", pupil=pupil_id))
    sessions = _session_rows(pupil_id)
    chosen_id = request.args.get("session") or (sessions[0].row["id"] if sessions else None)
    chosen = next((s for s in sessions if s.row["id"] == chosen_id), None)
    skill = request.args.get("skill") if request.args.get("skill") in SKILLS else None
    aspect = request.args.get("aspect") if request.args.get("aspect") in ASPECTS else None
    entries = []
    if chosen is not None:
        names = LevelNames(chosen.row["level"], language())
        entries = tell(queries.story_events(log(), chosen.row["id"]), names, t,
                       skill=skill, aspect=aspect)
    return render_template(
        "pupil.html", pupil=found, sessions=sessions, chosen=chosen, entries=entries,
        skill=skill, aspect=aspect,
        skills=[(s, skill_label(s, language())) for s in SKILLS],
        aspects=[(a, aspect_label(a, language())) for a in ASPECTS])


@views.route("/pupil-name", methods=["POST"])
def pupil_name() -> Any:
    pupil_id = request.form.get("pupil", "")
    admin.set_display_name(current_app.config["DB_PATH"], pupil_id, request.form.get("name", ""))
    flash(t("name_saved"))
    return redirect(url_for("views.pupil", pupil_id=pupil_id))


# --- the conversation sheet ---------------------------------------------------

def _sheet_parts(session_id: str) -> tuple[dict[str, Any], dict[str, Any], Any]:
    found = queries.session(log(), session_id)
    if found is None:
        abort(404, t("unknown_session"))
    pupil_row = queries.pupil(log(), found["pupil_id"]) or {"id": found["pupil_id"]}
    names = LevelNames(found["level"], language())
    return found, pupil_row, build_sheet(queries.story_events(log(), session_id), names, t)


@views.route("/session/<session_id>/sheet", methods=["GET", "POST"])
def sheet(session_id: str) -> Any:
    found, pupil_row, built = _sheet_parts(session_id)
    if request.method == "POST":
        text = render_template("sheet.txt", session_row=found, pupil=pupil_row, sheet=built,
                               agreements=request.form.get("agreements", "").strip())
        stamp = (found["started_at"] or "")[:10]
        return Response(text, mimetype="text/plain; charset=utf-8", headers={
            "Content-Disposition": f"attachment; filename=gesprek-{stamp}.txt"})
    return render_template("sheet.html", session_row=found, pupil=pupil_row, sheet=built)


# --- the class ----------------------------------------------------------------

@views.route("/classes")
def classes() -> str:
    local = request.host.split(":")[0] in ("127.0.0.1", "localhost", "[::1]")
    return render_template("classes.html", classes=queries.classes(log()),
                           codes=queries.class_codes(log()), server=request.host_url.rstrip("/"),
                           local_only=local)


@views.route("/classes/open", methods=["POST"])
def class_open() -> Any:
    wanted = request.form.get("code", "").strip()
    code = admin.open_class(current_app.config["DB_PATH"],
                            wanted or admin.new_class_code(request.form.get("prefix", "")))
    flash(t("class_opened", code=code))
    return redirect(url_for("views.classes"))


@views.route("/classes/<code>/close", methods=["POST"])
def class_close(code: str) -> Any:
    admin.close_class(current_app.config["DB_PATH"], code)
    flash(t("class_closed", code=code))
    return redirect(url_for("views.classes"))


@views.route("/class/<code>")
def class_page(code: str) -> str:
    known = {c["code"]: c for c in queries.classes(log())}
    if code not in known:
        if queries.class_code(log(), code) is None:
            abort(404, t("unknown_class", code=code))
        known[code] = {"code": code, "pupils": 0, "sessions": 0, "last_played": None}
    profile = class_profile(queries.class_aspect_sums(log(), code), language(),
                            known[code]["pupils"])
    feelings = queries.class_feelings(log(), code)
    level_id = queries.class_level(log(), code)
    scenes = scenes_of(LevelNames(level_id, language())) if level_id else []
    spread: dict[tuple[str, str], int] = {}
    progress: dict[str, set[str]] = {}
    if scenes:  # class mode only: a school-day class has no scenes to spread over
        rows = queries.choice_spread(log(), code, [s.dialogue for s in scenes])
        spread = {(r["dialogue"], r["chosen"]): r["n"] for r in rows}
        for row in queries.scene_progress(log(), code):
            progress.setdefault(row["pupil_id"], set()).add(row["scene"])
    return render_template("class.html", info=known[code], profile=profile,
                           feelings=feelings, min_pupils=MIN_PUPILS, scenes=scenes,
                           spread=spread, progress=progress,
                           projector=request.args.get("projector") == "1",
                           live=request.args.get("live") == "1")


# --- data: import, export, delete --------------------------------------------

@views.route("/data")
def data() -> str:
    return render_template("data.html", pupils=queries.pupils(log()), formats=EXPORT_FORMATS)


@views.route("/data/import", methods=["POST"])
def data_import() -> Any:
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        flash(t("import_nothing"), "problem")
        return redirect(url_for("views.data"))
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in (".sqlite", ".db", ".jsonl"):
        flash(t("import_wrong_type", name=upload.filename), "problem")
        return redirect(url_for("views.data"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        upload.save(path)
        try:
            result = transfer.import_file(path, current_app.config["DB_PATH"])
        except JournalError as exc:
            message = str(exc).replace(str(path), upload.filename)
            flash(t("import_failed", message=message), "problem")
            return redirect(url_for("views.data"))
    flash(t("import_done", name=upload.filename, pupils=result.pupils,
            sessions=result.sessions, events=result.events))
    return redirect(url_for("views.data"))


@views.route("/data/export")
def data_export() -> Response:
    pupil_id = request.args.get("pupil", "")
    fmt = request.args.get("format", "csv")
    if fmt not in EXPORT_FORMATS or queries.pupil(log(), pupil_id) is None:
        abort(404, t("unknown_pupil", pupil=pupil_id))
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in pupil_id)
    if fmt == "csv":
        return _download(_choices_csv(pupil_id), f"{safe}-keuzes.csv", "text/csv")
    suffix = {"xapi": "xapi.json", "sqlite": "sqlite", "jsonl": "jsonl"}[fmt]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"{safe}.{suffix}"
        transfer.export_pupil(current_app.config["DB_PATH"], pupil_id, out, fmt)
        body = out.read_bytes()
    mimetype = {"xapi": "application/json", "jsonl": "application/x-ndjson",
                "sqlite": "application/vnd.sqlite3"}[fmt]
    return _download(body, f"{safe}.{suffix}", mimetype)


CSV_COLUMNS = ("session_id", "level", "class_code", "wall_time", "game_day", "game_time",
               "location", "dialogue", "node", "character", "said_before", "options", "chosen",
               "chosen_text", "aspects", "skills", "reflect", "response_ms")


def _choices_csv(pupil_id: str) -> bytes:
    """One row per choice with its context; nested context stays JSON in its cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in queries.choices_of(log(), pupil_id):
        writer.writerow([row.get(c) if not isinstance(row.get(c), (dict, list))
                         else json.dumps(row.get(c), ensure_ascii=False) for c in CSV_COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM lets Excel read UTF-8


def _download(body: bytes, filename: str, mimetype: str) -> Response:
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f"attachment; filename={filename}"})


@views.route("/data/delete", methods=["POST"])
def data_delete() -> Any:
    pupil_id = request.form.get("pupil", "")
    if request.form.get("confirm", "").strip() != pupil_id:
        flash(t("delete_confirm_mismatch", pupil=pupil_id), "problem")
        return redirect(url_for("views.data"))
    gone = admin.delete_pupil(current_app.config["DB_PATH"], pupil_id)
    flash(t("deleted", pupil=gone.pupil, sessions=gone.sessions, events=gone.events))
    return redirect(url_for("views.data"))

