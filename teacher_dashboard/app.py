"""The Flask app: sign-in, CSRF, language and a read-only log per request.

`create_app` takes the log's path and its secrets explicitly, so tests and
`main.py dashboard` build the same app. The pages themselves are in views.py.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from flask import Flask, g, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlite_utils import Database
from werkzeug.exceptions import HTTPException, NotFound

from game.journal.store import open_for_reading
from game.ui.texts import LANGUAGES, load_catalogue
from teacher_dashboard.auth import Secrets, Throttle

HERE = Path(__file__).parent
# Open without the teacher's password: signing in, and the class server (children's games
# send to it; it accepts only open class codes and checks every batch, see api.py).
OPEN_ENDPOINTS = frozenset({"views.login", "views.language", "static", "api.class_status",
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
        CHECKED_FILES=set(),
        TESTING=testing,
        MAX_CONTENT_LENGTH=MAX_UPLOAD_BYTES,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
        WTF_CSRF_TIME_LIMIT=None,  # valid as long as the signed-in session
    )
    csrf = CSRFProtect(app)
    catalogues = {lang: load_catalogue(lang, HERE / "text") for lang in LANGUAGES}

    def language() -> str:
        chosen = session.get("lang")
        return chosen if chosen in LANGUAGES else "nl"

    def t(key: str, **values: Any) -> str:
        text = catalogues[language()].get(key) or catalogues["nl"].get(key) or key
        return text.format(**values) if values else text

    app.config["TEXT"] = t
    app.config["LANGUAGE"] = language

    @app.before_request
    def require_sign_in() -> Any:
        if request.endpoint in OPEN_ENDPOINTS or session.get("signed_in"):
            return None
        return redirect(url_for("views.login", next=request.full_path))

    @app.teardown_appcontext
    def close_log(_error: BaseException | None) -> None:
        db: Database | None = g.pop("db", None)
        if db is not None:
            db.close()

    @app.context_processor
    def helpers() -> dict[str, Any]:
        return {"t": t, "lang": language(), "languages": LANGUAGES}

    @app.template_filter("when")
    def when(iso: str | None) -> str:
        """A log time (ISO, UTC) as the local date and time a teacher expects."""
        if not iso:
            return ""
        try:
            moment = datetime.fromisoformat(iso).astimezone()
        except ValueError:
            return iso
        return moment.strftime("%d-%m-%Y %H:%M")

    @app.errorhandler(CSRFError)
    def form_expired(_error: CSRFError) -> tuple[str, int]:
        return render_template("problem.html", message=t("csrf_failed")), 400

    @app.errorhandler(sqlite3.DatabaseError)
    def log_damaged(error: sqlite3.DatabaseError) -> tuple[str, int]:
        path = app.config["DB_PATH"]
        return render_template("problem.html", message=t("log_damaged", path=path,
                                                         error=error)), 503

    @app.errorhandler(404)
    def not_found(error: HTTPException) -> tuple[str, int]:
        ours = error.description != NotFound.description and session.get("signed_in")
        message = error.description if ours else t("not_found")
        return render_template("problem.html", message=message), 404

    from teacher_dashboard.api import api
    from teacher_dashboard.views import views
    app.register_blueprint(views)
    csrf.exempt(api)  # a JSON API without cookies: nothing for a forged form to ride on
    app.register_blueprint(api)
    return app


def log() -> Database:
    """This request's read-only connection to the log (opened once, closed at the end)."""
    from flask import current_app

    if "db" not in g:
        path: Path = current_app.config["DB_PATH"]
        checked: set[tuple[int, int]] = current_app.config["CHECKED_FILES"]
        identity = (path.stat().st_dev, path.stat().st_ino) if path.exists() else (0, 0)
        g.db = open_for_reading(path, verify=identity not in checked)
        checked.add(identity)  # a whole-file check once per file, not on every page
    return g.db
