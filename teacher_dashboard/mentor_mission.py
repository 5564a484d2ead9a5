"""A mission for one pupil, prepared by the mentor: a small file the pupil's game reads.

The form asks for focus skills, support, days, the real new school and mentor and a
short welcome; the answer is a download (game/mentor_mission.py reads it). Nothing is
kept on the server and nothing else about the pupil goes into the file: only the
pseudonym the pupil already plays under, so the game can fill it in.
"""

from __future__ import annotations

import json

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from pydantic import ValidationError

from game.content.tags import SKILLS
from game.mentor_mission import MentorMission, Support
from teacher_dashboard import db, downloads, queries
from teacher_dashboard.i18n import language, t
from teacher_dashboard.timeline import skill_label

bp = Blueprint("mentor_mission", __name__)
SUPPORT = ("route", "hints", "calm", "time_pressure")


@bp.route("/pupil/<path:pupil_id>/mission", methods=["GET", "POST"])
def prepare(pupil_id: str) -> ResponseReturnValue:
    found = queries.pupil(db.log(), pupil_id)
    if found is None:
        abort(404, t("unknown_pupil", pupil=pupil_id))
    problem = ""
    form = request.form
    if request.method == "POST":
        try:
            days = form.get("days", "")
            mission = MentorMission(
                pupil=pupil_id if len(pupil_id) <= 20 else "",
                focus=[s for s in SKILLS if s in form.getlist("focus")][:2],
                support=Support(**{k: k in form.getlist("support") for k in SUPPORT}),
                days=int(days) if days.isdigit() else None,
                school=form.get("school", ""), mentor=form.get("mentor", ""),
                welcome=form.get("welcome", ""))
        except ValidationError as exc:
            field = str(exc.errors()[0]["loc"][0]) if exc.errors()[0]["loc"] else ""
            problem = t("mission_form_problem", field=t(f"mission_form_{field}")
                        if field in ("school", "mentor", "welcome", "days") else field)
        else:
            body = json.dumps(mission.model_dump(), ensure_ascii=False, indent=2)
            return downloads.attachment(body.encode("utf-8"), "application/json",
                                        "alien-missie.json")
    return render_template(
        "mentor_mission.html", pupil=found, problem=problem, form=form,
        skills=[(s, skill_label(s, language())) for s in SKILLS], support=SUPPORT,
        defaults=Support().model_dump(),
        chosen_support=set(form.getlist("support")) if form else None), (400 if problem else 200)
