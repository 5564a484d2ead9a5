"""Klassen: class codes (open, close), and per class its profile, the live view of a
class-mode lesson and the projector view.

The live view is the same page with a small script (static/live.js) that fetches
`live.json` every 10 seconds and updates the bars, counts and ticks in place; when
something new has to be drawn (a new pupil, a profile that may now be shown) the
script reloads the page. No `<meta refresh>`: that moves focus and reading position.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue

from game.journal import admin
from game.journal.store import JournalError
from game.program import program_name
from teacher_dashboard import db, queries
from teacher_dashboard.i18n import language, t
from teacher_dashboard.names import LevelNames, SceneInfo, scenes_of
from teacher_dashboard.network import LOCAL_HOSTS, pupil_server_urls
from teacher_dashboard.profile import MIN_PUPILS, ClassProfile, class_profile

bp = Blueprint("classes", __name__)
HALF = 100
"""Half the width of a bar in the SVG's units (the bars are 200 wide)."""


@bp.route("/classes")
def index() -> str:
    port = request.environ.get("SERVER_PORT") or "8765"
    host = current_app.config["LISTEN_HOST"]
    local_only = host in LOCAL_HOSTS
    urls = pupil_server_urls(host, str(port)) or ([] if local_only else [request.host_url])
    return render_template("classes.html", classes=queries.classes(db.log()),
                           codes=queries.class_codes(db.log()),
                           urls=[u.rstrip("/") for u in urls], local_only=local_only,
                           program=program_name())


@bp.route("/classes/open", methods=["POST"])
def open_code() -> ResponseReturnValue:
    wanted = request.form.get("code", "").strip()
    try:
        code = admin.open_class(db.writable_path(),
                                wanted or admin.new_class_code(request.form.get("prefix", "")))
    except JournalError as exc:
        flash(str(exc), "problem")
        return redirect(url_for("classes.index"))
    flash(t("class_opened", code=code))
    return redirect(url_for("classes.index"))


@bp.route("/classes/<code>/close", methods=["POST"])
def close_code(code: str) -> ResponseReturnValue:
    admin.close_class(db.writable_path(), code)
    flash(t("class_closed", code=code))
    return redirect(url_for("classes.index"))


@dataclass
class Bar:
    """One bar of a profile or a spread, in the SVG's units, with its words."""

    id: str
    x: float
    width: float
    tone: str
    label: str


@dataclass
class SpreadView:
    dialogue: str
    answered: int
    shown: bool
    """Only from MIN_PUPILS answers on: a spread of one or two answers names the pupils."""
    bars: dict[str, Bar] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class ClassView:
    info: dict[str, Any]
    profile: ClassProfile
    feelings: dict[str, int]
    scenes: list[SceneInfo]
    progress: dict[str, set[str]]
    spreads: dict[tuple[str, int], SpreadView]
    aspect_bars: dict[str, Bar]
    unreadable: int

    def structure(self) -> str:
        """What the page draws (not the numbers in it): when this changes, reload."""
        parts = [str(self.profile.shown), *sorted(self.progress),
                 *(f"{a}:{b.tone != 'none'}" for a, b in sorted(self.aspect_bars.items())),
                 *(f"{k}:{s.shown}" for k, s in sorted(self.spreads.items())),
                 str(self.unreadable > 0), str(sorted(self.feelings.items()))]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def class_view(code: str) -> ClassView:
    log = db.log()
    known = {c["code"]: c for c in queries.classes(log)}
    if code not in known:
        if queries.class_code(log, code) is None:
            abort(404, t("unknown_class", code=code))
        known[code] = {"code": code, "pupils": 0, "sessions": 0, "last_played": None}
    profile = class_profile(queries.class_aspect_sums(log, code), language(),
                            known[code]["pupils"])
    level_id = queries.class_level(log, code)
    scenes = scenes_of(LevelNames(level_id, language())) if level_id else []
    counts: dict[tuple[str, str], int] = {}
    progress: dict[str, set[str]] = {}
    if scenes:  # class mode only: a school-day class has no scenes to spread over
        rows = queries.choice_spread(log, code, [s.dialogue for s in scenes])
        counts = {(r["dialogue"], r["chosen"]): r["n"] for r in rows}
        for row in queries.scene_progress(log, code):
            progress.setdefault(row["pupil_id"], set()).add(str(row["scene"]))
    return ClassView(known[code], profile, queries.class_feelings(log, code), scenes,
                     progress, _spreads(scenes, counts), _aspect_bars(profile),
                     queries.class_unreadable_choices(log, code))


def _aspect_bars(profile: ClassProfile) -> dict[str, Bar]:
    bars = {}
    for domain in profile.domains:
        for score in domain.aspects:
            if score.value is None:
                text = t("aspect_too_few", n=MIN_PUPILS) if score.too_few \
                    else t("aspect_not_met")
                bars[score.aspect] = Bar(f"aspect-{score.aspect}", HALF, 0, "none",
                                         f"{score.label}: {text}")
                continue
            width = score.percent  # 0..100, already within the bar
            bars[score.aspect] = Bar(
                f"aspect-{score.aspect}", HALF if score.value >= 0 else HALF - width, width,
                "pos" if score.value >= 0 else "neg",
                f"{score.label}: {t('aspect_value', value=f'{score.value:+.1f}')}")
    return bars


def _spreads(scenes: list[SceneInfo],
             counts: dict[tuple[str, str], int]) -> dict[tuple[str, int], SpreadView]:
    out = {}
    for s_index, scene in enumerate(scenes):
        for q_index, question in enumerate(scene.questions):
            key = (scene.dialogue, q_index)
            answered = sum(counts.get((scene.dialogue, cid), 0) for cid, _ in question.options)
            view = SpreadView(scene.dialogue, answered, answered >= MIN_PUPILS)
            for o_index, (cid, text) in enumerate(question.options):
                n = counts.get((scene.dialogue, cid), 0) if view.shown else 0
                width = round(2 * HALF * n / answered, 1) if view.shown and answered else 0
                view.counts[cid] = n
                view.bars[cid] = Bar(f"spread-{s_index}-{q_index}-{o_index}", 0, width, "pos",
                                     f"{text}: {n}×")
            out[key] = view
    return out


@bp.route("/class/<code>")
def page(code: str) -> str:
    """The class profile; `?live=1` keeps it up to date during a lesson, `?projector=1`
    hides the names and shows large text with a question per aspect."""
    view = class_view(code)
    return render_template("class.html", view=view, info=view.info, profile=view.profile,
                           feelings=view.feelings, min_pupils=MIN_PUPILS, scenes=view.scenes,
                           progress=view.progress, spreads=view.spreads,
                           aspect_bars=view.aspect_bars, unreadable=view.unreadable,
                           projector=request.args.get("projector") == "1",
                           live=request.args.get("live") == "1")


@bp.route("/class/<code>/live.json")
def live(code: str) -> Response:
    """What the live page shows, for its script: bars, counts and ticks by element id."""
    view = class_view(code)
    bars = [*view.aspect_bars.values(),
            *(bar for spread in view.spreads.values() for bar in spread.bars.values())]
    texts = {f"{bar.id}-count": f"{n}×" for spread in view.spreads.values()
             for cid, bar in spread.bars.items() for n in [spread.counts[cid]]}
    texts["class-pupils"] = t("class_intro", pupils=view.info["pupils"],
                              sessions=view.info["sessions"])
    done = [f"done-{p_index}-{s_index}"
            for p_index, pupil in enumerate(sorted(view.progress))
            for s_index, scene in enumerate(view.scenes) if scene.id in view.progress[pupil]]
    return jsonify({
        "structure": view.structure(),
        "bars": {b.id: {"x": b.x, "width": b.width, "tone": b.tone, "label": b.label}
                 for b in bars},
        "texts": texts, "done": done,
        "updated": t("live_updated", time=datetime.now(UTC).astimezone().strftime("%H:%M:%S")),
    })
