"""Signing in and out, and the language switch: the pages anyone may open.

Every other page needs the teacher's password (app.py's `require_sign_in`). The
password itself (its hash, the session version) is in passwords.py; the limits on
wrong tries are in limits.py and checked before the password is.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_from_directory,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue

from game.text.catalogue import LANGUAGES
from teacher_dashboard.i18n import t
from teacher_dashboard.passwords import SessionVersion, password_matches

bp = Blueprint("auth", __name__)


def is_local_path(target: str) -> bool:
    """A path on this server: no scheme, no host, no `//` or `\\` (which browsers read as
    another host), no control characters or spaces (browsers drop tabs and newlines)."""
    if not target.startswith("/") or target.startswith(("//", "/\\")):
        return False
    if any(ord(ch) < 33 or ord(ch) == 127 or ch == "\\" for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def safe_next(target: str | None) -> str:
    """Only ever send the teacher back to a page of this dashboard."""
    if target and is_local_path(target):
        return target
    return url_for("pupils.index")


def here() -> str:
    """This page's path and query as the browser sent them (percent-encoded), for `next`."""
    path = quote(request.path, safe="/:@!$&'()*+,;=-._~")
    query = request.query_string.decode("latin-1")
    return f"{path}?{query}" if query else path


def versions() -> SessionVersion:
    found: SessionVersion = current_app.config["SESSION_VERSION"]
    return found


def signed_in() -> bool:
    """Signed in, with a session made since the last sign-out."""
    return bool(session.get("signed_in")) and session.get("v") == versions().current


def _restart_session(*, signed_in: bool) -> None:
    """A fresh session (a new sign-in never reuses the old one), keeping the language."""
    lang = session.get("lang")
    session.clear()
    if signed_in:
        session.permanent = True
        session["signed_in"] = True
        session["v"] = versions().current
    if lang:
        session["lang"] = lang


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    """Signing in. The limits (limits.py) are checked before this runs: while they hold,
    the answer is 429 at once, whatever the password."""
    wrong = False
    if request.method == "POST":
        if password_matches(current_app.config["SECRETS"], request.form.get("password", "")):
            _restart_session(signed_in=True)
            return redirect(safe_next(request.form.get("next")))
        wrong = True
    return render_template("login.html", wrong=wrong, wait=0,
                           next=safe_next(request.values.get("next"))), 401 if wrong else 200


@bp.route("/logout", methods=["POST"])
def logout() -> ResponseReturnValue:
    versions().revoke()  # the cookie copied before this is worthless from now on
    _restart_session(signed_in=False)
    flash(t("signed_out"))
    return redirect(url_for("auth.login"))


@bp.route("/favicon.ico")
def favicon() -> Response:
    """For browsers that ask before reading the page's icon link."""
    return send_from_directory(Path(current_app.root_path) / "static", "favicon.svg",
                               mimetype="image/svg+xml")


@bp.route("/language/<lang>")
def language(lang: str) -> ResponseReturnValue:
    if lang in LANGUAGES:
        session["lang"] = lang
    return redirect(safe_next(request.args.get("next")))
