"""The Flask app: configuration, sign-in on every page, CSRF, errors, and the blueprints.

`create_app` takes the log's path and its secrets explicitly, so tests and
`main.py dashboard` build the same app. Only the entry points (serve.py, the
tests, the benches) import this module; the pages live in blueprints per area:

- auth.py: sign in, sign out, the language switch (open to everyone)
- pupils.py: the pupils, one pupil's story, the real name, the conversation sheet
- classes.py: class codes, the class profile, live and projector views
- data.py: import, export, delete
- api.py: the class server for pupils' games (no password, no cookies, strict)

Connections to the log are db.py's; every SELECT is in queries.py.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from flask import Flask, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException, NotFound

from game.journal.store import JournalError
from game.text.catalogue import LANGUAGES
from teacher_dashboard import api, auth, classes, data, db, i18n, pupils
from teacher_dashboard.i18n import t
from teacher_dashboard.passwords import Secrets, Throttle

HERE = Path(__file__).parent
# Open without the teacher's password: signing in, and the class server (children's games
# send to it; it accepts only open class codes and checks every batch, see api.py).
OPEN_ENDPOINTS = frozenset({"auth.login", "auth.language", "static", "api.class_status",
                            "api.receive"})
MAX_UPLOAD_BYTES = 64 * 1024 * 1024


def create_app(db_path: Path, secrets: Secrets, *, throttle_step: float = 1.0,
               testing: bool = False) -> Flask:
    app = Flask(__name__, template_folder=str(HERE / "templates"),
                static_folder=str(HERE / "static"))
    app.config.update(
        SECRET_KEY=secrets.secret_key,
        DB_PATH=Path(db_path),
        SECRETS=secrets,
        THROTTLE=Throttle(step=throttle_step),
        TESTING=testing,
        MAX_CONTENT_LENGTH=MAX_UPLOAD_BYTES,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
        WTF_CSRF_TIME_LIMIT=None,  # valid as long as the signed-in session
    )
    for lang in LANGUAGES:
        i18n.catalogue(lang)  # a broken catalogue fails here, not on a page
    db.init_app(app)
    csrf = CSRFProtect(app)

    @app.before_request
    def require_sign_in() -> ResponseReturnValue | None:
        if request.endpoint in OPEN_ENDPOINTS or session.get("signed_in"):
            return None
        return redirect(url_for("auth.login", next=request.full_path))

    @app.context_processor
    def helpers() -> dict[str, Any]:
        return {"t": t, "lang": i18n.language(), "languages": LANGUAGES}

    app.add_template_filter(when)
    _handle_errors(app)
    for blueprint in (auth.bp, pupils.bp, classes.bp, data.bp):
        app.register_blueprint(blueprint)
    csrf.exempt(api.bp)  # a JSON API without cookies: nothing for a forged form to ride on
    app.register_blueprint(api.bp)
    return app


def when(iso: str | None) -> str:
    """A log time (ISO, UTC) as the local date and time a teacher expects."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return moment.strftime("%d-%m-%Y %H:%M")


def _handle_errors(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def form_expired(_error: CSRFError) -> tuple[str, int]:
        return render_template("problem.html", message=t("csrf_failed")), 400

    @app.errorhandler(sqlite3.DatabaseError)
    def log_damaged(error: sqlite3.DatabaseError) -> tuple[str, int]:
        return render_template("problem.html", message=t("log_damaged", path=db.path(),
                                                         error=error)), 503

    @app.errorhandler(JournalError)
    def log_problem(error: JournalError) -> tuple[str, int]:
        return render_template("problem.html", message=str(error)), 503

    @app.errorhandler(404)
    def not_found(error: HTTPException) -> tuple[str, int]:
        ours = error.description != NotFound.description and session.get("signed_in")
        message = error.description if ours else t("not_found")
        return render_template("problem.html", message=message), 404
