"""Signing in and out, and the language switch: the pages anyone may open.

Every other page needs the teacher's password (app.py's `require_sign_in`). The
password itself (its hash, the throttle on wrong tries) is in passwords.py.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue

from game.text.catalogue import LANGUAGES
from teacher_dashboard.i18n import t
from teacher_dashboard.passwords import Throttle, password_matches

bp = Blueprint("auth", __name__)


def safe_next(target: str | None) -> str:
    """Only ever send the teacher back to a page of this dashboard."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("pupils.index")


def _restart_session(*, signed_in: bool) -> None:
    """A fresh session (a new sign-in never reuses the old one), keeping the language."""
    lang = session.get("lang")
    session.clear()
    if signed_in:
        session.permanent = True
        session["signed_in"] = True
    if lang:
        session["lang"] = lang


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    throttle: Throttle = current_app.config["THROTTLE"]
    address = request.remote_addr or "?"
    wrong = False
    if request.method == "POST":
        if password_matches(current_app.config["SECRETS"], request.form.get("password", "")):
            throttle.succeeded(address)
            _restart_session(signed_in=True)
            return redirect(safe_next(request.form.get("next")))
        throttle.failed(address)
        wrong = True
    return render_template("login.html", wrong=wrong, next=request.args.get("next", ""),
                           wait=throttle.delay_for(address)), 401 if wrong else 200


@bp.route("/logout", methods=["POST"])
def logout() -> ResponseReturnValue:
    _restart_session(signed_in=False)
    flash(t("signed_out"))
    return redirect(url_for("auth.login"))


@bp.route("/language/<lang>")
def language(lang: str) -> ResponseReturnValue:
    if lang in LANGUAGES:
        session["lang"] = lang
    return redirect(safe_next(request.args.get("next")))
