"""The mentor's guide, "Zo voer je het gesprek" (how to use the sheets in a 15-minute
talk), and for class mode a lesson plan per scene made from the level's data. Both
printable, in the teacher's language."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request

from game import paths
from teacher_dashboard.i18n import language, t
from teacher_dashboard.lesson_plans import lesson_plans
from teacher_dashboard.names import LevelNames

bp = Blueprint("guide", __name__)

SECTIONS: tuple[tuple[str, int], ...] = (
    ("talk", 5), ("solution", 3), ("choice", 3), ("tags", 3), ("help", 4), ("upset", 3),
    ("privacy", 4))
"""The guide's sections and how many points each has (catalogue `guide_<section>_<n>`)."""
CLASS_SECTIONS: tuple[tuple[str, int], ...] = (("spread", 3), ("real", 3), ("together", 2))
"""What every class lesson shares: the anonymous spread, a real situation in the class,
leading it with a youth-care or school social worker."""


@bp.route("/guide")
def conversation() -> str:
    return render_template("guide.html", sections=SECTIONS)


@bp.route("/guide/lessons")
def lessons() -> str:
    level_id = request.args.get("level") or paths.CLASS_LEVEL.stem
    if level_id not in current_app.config["KNOWN_LEVELS"]:
        abort(404)
    names = LevelNames(level_id, language())
    plans = lesson_plans(names, t)
    return render_template("lessons.html", plans=plans, title=names.title(level_id),
                           sections=CLASS_SECTIONS)
