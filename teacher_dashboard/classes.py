"""Klassen: class codes (open, close), and per class its profile, the live view of a
class-mode lesson and the projector view."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from game.journal import admin
from teacher_dashboard import db, queries
from teacher_dashboard.i18n import language, t
from teacher_dashboard.names import LevelNames, scenes_of
from teacher_dashboard.profile import MIN_PUPILS, class_profile

bp = Blueprint("classes", __name__)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")


@bp.route("/classes")
def index() -> str:
    local = request.host.split(":")[0] in LOCAL_HOSTS
    return render_template("classes.html", classes=queries.classes(db.log()),
                           codes=queries.class_codes(db.log()),
                           server=request.host_url.rstrip("/"), local_only=local)


@bp.route("/classes/open", methods=["POST"])
def open_code() -> ResponseReturnValue:
    wanted = request.form.get("code", "").strip()
    code = admin.open_class(db.path(),
                            wanted or admin.new_class_code(request.form.get("prefix", "")))
    flash(t("class_opened", code=code))
    return redirect(url_for("classes.index"))


@bp.route("/classes/<code>/close", methods=["POST"])
def close_code(code: str) -> ResponseReturnValue:
    admin.close_class(db.path(), code)
    flash(t("class_closed", code=code))
    return redirect(url_for("classes.index"))


@bp.route("/class/<code>")
def page(code: str) -> str:
    """The class profile; `?live=1` refreshes it during a lesson, `?projector=1` hides
    the names and shows large text with a question per aspect."""
    log = db.log()
    known = {c["code"]: c for c in queries.classes(log)}
    if code not in known:
        if queries.class_code(log, code) is None:
            abort(404, t("unknown_class", code=code))
        known[code] = {"code": code, "pupils": 0, "sessions": 0, "last_played": None}
    profile = class_profile(queries.class_aspect_sums(log, code), language(),
                            known[code]["pupils"])
    feelings = queries.class_feelings(log, code)
    level_id = queries.class_level(log, code)
    scenes = scenes_of(LevelNames(level_id, language())) if level_id else []
    spread: dict[tuple[str, str], int] = {}
    progress: dict[str, set[str]] = {}
    if scenes:  # class mode only: a school-day class has no scenes to spread over
        rows = queries.choice_spread(log, code, [s.dialogue for s in scenes])
        spread = {(r["dialogue"], r["chosen"]): r["n"] for r in rows}
        for row in queries.scene_progress(log, code):
            progress.setdefault(row["pupil_id"], set()).add(row["scene"])
    return render_template("class.html", info=known[code], profile=profile,
                           feelings=feelings, min_pupils=MIN_PUPILS, scenes=scenes,
                           spread=spread, progress=progress,
                           projector=request.args.get("projector") == "1",
                           live=request.args.get("live") == "1")
