"""The pupils: the list, one pupil's sessions and story, the real name, releasing a
pseudonym on the class server, and the conversation sheet of a session."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from game.content.tags import ASPECTS, SKILLS
from game.events.case import Accused
from game.events.sitting import DayEnded, LevelStarted, Resumed
from game.journal import admin
from teacher_dashboard import db, downloads, queries
from teacher_dashboard.i18n import language, t
from teacher_dashboard.mission import Mission, MissionSheet, build_mission_sheet, missions
from teacher_dashboard.names import LevelNames
from teacher_dashboard.reading import read
from teacher_dashboard.sheet import Sheet, build_sheet
from teacher_dashboard.story_days import by_day
from teacher_dashboard.timeline import Story, aspect_label, skill_label, tell, unreadable_note

bp = Blueprint("pupils", __name__)
LEGEND = (2, 1, -1, -2)
"""The aspect tags' values the legend explains in words (a tag shows its number)."""


@bp.route("/")
def index() -> str:
    class_code = request.args.get("class") or None
    return render_template("pupils.html", pupils=queries.pupils(db.log(), class_code),
                           class_code=class_code, classes=queries.classes(db.log()))


@dataclass
class SessionRow:
    row: dict[str, Any]
    level: str
    days: int = 0
    lessons: int = 0
    on_time: int = 0
    clues: int = 0
    solved: bool = False
    day_names: list[str] = field(default_factory=list)
    """The school days played in this session, by their titles in the level."""

    @property
    def name(self) -> str:
        return " · ".join(self.day_names) or self.level


def session_rows(pupil_id: str) -> list[SessionRow]:
    """The pupil's sessions, newest first, with what their day summaries counted."""
    found = queries.sessions_of(db.log(), pupil_id)
    names = {level: LevelNames(level, language()) for level in {r["level"] for r in found}}
    rows = {r["id"]: SessionRow(r, names[r["level"]].title(r["level"])) for r in found}
    for logged in read(queries.summaries_of(db.log(), pupil_id)).events:
        row = rows.get(logged.session_id or "")
        event = logged.payload
        if row is None:
            continue
        if isinstance(event, LevelStarted | Resumed | DayEnded):
            day = names[row.row["level"]].day(event.day)
            if day not in row.day_names:
                row.day_names.append(day)
        if isinstance(event, DayEnded):
            row.days += 1
            row.lessons += event.lessons
            row.on_time += event.on_time
            row.clues = max(row.clues, event.clues)
        elif isinstance(event, Accused) and event.correct:
            row.solved = True
    return list(rows.values())


@bp.route("/pupil/<path:pupil_id>")
def pupil(pupil_id: str) -> str:
    found = queries.pupil(db.log(), pupil_id)
    if found is None:
        abort(404, t("unknown_pupil", pupil=pupil_id))
    sessions = session_rows(pupil_id)
    chosen_id = request.args.get("session") or (sessions[0].row["id"] if sessions else None)
    chosen = next((s for s in sessions if s.row["id"] == chosen_id), None)
    skill = request.args.get("skill") if request.args.get("skill") in SKILLS else None
    aspect = request.args.get("aspect") if request.args.get("aspect") in ASPECTS else None
    story = Story([])
    if chosen is not None:
        names = LevelNames(chosen.row["level"], language())
        story = tell(read(queries.story_events(db.log(), chosen.row["id"])), names, t,
                     skill=skill, aspect=aspect)
    if skill or aspect:  # a filter shows only what it found: nothing folded away
        for entry in story.entries:
            entry.matters = True
    return render_template(
        "pupil.html", pupil=found, sessions=sessions, chosen=chosen, entries=story.entries,
        days=by_day(story.entries), legend=[(v, t(f"tag_value_{v}")) for v in LEGEND],
        claim=queries.claim_of(db.log(), pupil_id),
        class_sessions=any(s.row.get("class_code") for s in sessions),
        unreadable=unreadable_note(story.unreadable, t), skill=skill, aspect=aspect,
        skills=[(s, skill_label(s, language())) for s in SKILLS],
        aspects=[(a, aspect_label(a, language())) for a in ASPECTS])


@bp.route("/pupil-name", methods=["POST"])
def name() -> ResponseReturnValue:
    pupil_id = request.form.get("pupil", "")
    admin.set_display_name(db.writable_path(), pupil_id, request.form.get("name", ""))
    flash(t("name_saved"))
    return redirect(url_for("pupils.pupil", pupil_id=pupil_id))


@bp.route("/pupil-release", methods=["POST"])
def release() -> ResponseReturnValue:
    """Free the pseudonym on the class server (a pupil on a new laptop): the next game
    that joins with it claims it; the old game's secret no longer works."""
    pupil_id = request.form.get("pupil", "")
    admin.release_pupil(db.writable_path(), pupil_id)
    flash(t("claim_released_now", pupil=pupil_id))
    return redirect(url_for("pupils.pupil", pupil_id=pupil_id))


def _sheet_parts(session_id: str) -> tuple[dict[str, Any], dict[str, Any], Sheet]:
    found = queries.session(db.log(), session_id)
    if found is None:
        abort(404, t("unknown_session"))
    pupil_row = queries.pupil(db.log(), found["pupil_id"]) or {"id": found["pupil_id"]}
    names = LevelNames(found["level"], language())
    return found, pupil_row, build_sheet(read(queries.story_events(db.log(), session_id)),
                                         names, t)


@bp.route("/session/<session_id>/sheet", methods=["GET", "POST"])
def sheet(session_id: str) -> ResponseReturnValue:
    """The conversation sheet; POST downloads it as text with the agreements typed in."""
    found, pupil_row, built = _sheet_parts(session_id)
    if request.method == "POST":
        text = render_template("sheet.txt", session_row=found, pupil=pupil_row, sheet=built,
                               agreements=request.form.get("agreements", "").strip())
        stamp = re.sub(r"[^0-9-]", "", str(found["started_at"] or ""))[:10]
        return downloads.attachment(text.encode("utf-8"), "text/plain; charset=utf-8",
                                    f"gesprek-{stamp}.txt")
    return render_template("sheet.html", session_row=found, pupil=pupil_row, sheet=built,
                           unreadable=unreadable_note(built.unreadable, t))


def _mission_parts(pupil_id: str) -> tuple[dict[str, Any], list[Mission], Mission,
                                           MissionSheet]:
    """The pupil, their missions, the one asked for (?session= any of its sessions;
    the newest by default) and its sheet."""
    found = queries.pupil(db.log(), pupil_id)
    if found is None:
        abort(404, t("unknown_pupil", pupil=pupil_id))
    all_missions = missions(queries.sessions_of(db.log(), pupil_id))
    if not all_missions:
        abort(404, t("no_sessions"))
    wanted = request.args.get("session")
    chosen = next((m for m in all_missions if m.has(wanted)), all_missions[0])
    names = LevelNames(chosen.level, language())
    rows = [row for s in chosen.sessions for row in queries.story_events(db.log(), s["id"])]
    day_order = [d.id for d in names.level.days] if names.level else []
    return found, all_missions, chosen, build_mission_sheet(read(rows), names, t, day_order)


@bp.route("/pupil/<path:pupil_id>/sheet", methods=["GET", "POST"])
def mission_sheet(pupil_id: str) -> ResponseReturnValue:
    """The sheet of a whole mission; POST downloads it as text with the agreements."""
    pupil_row, all_missions, chosen, built = _mission_parts(pupil_id)
    level = LevelNames(chosen.level, language()).title(chosen.level)
    values = {"pupil": pupil_row, "mission": chosen, "level": level, "sheet": built}
    if request.method == "POST":
        text = render_template("mission_sheet.txt", **values,
                               agreements=request.form.get("agreements", "").strip())
        stamp = re.sub(r"[^0-9-]", "", str(chosen.first["started_at"] or ""))[:10]
        return downloads.attachment(text.encode("utf-8"), "text/plain; charset=utf-8",
                                    f"gesprek-missie-{stamp}.txt")
    return render_template("mission_sheet.html", **values, missions=all_missions,
                           unreadable=unreadable_note(built.unreadable, t))


@bp.route("/pupil/<path:pupil_id>/overstap")
def handover_page(pupil_id: str) -> str:
    """"Mijn overstap" to read along with parents: the pupil's own words first, then what
    went well in the game and what they want to talk about (never a "rather not")."""
    pupil_row, _, chosen, built = _mission_parts(pupil_id)
    level = LevelNames(chosen.level, language()).title(chosen.level)
    return render_template("handover.html", pupil=pupil_row, mission=chosen, level=level,
                           sheet=built)
