"""The Flask app: configuration, sign-in on every page, CSRF, limits, headers, errors, and
the blueprints.

`create_app` takes the log's path and its secrets explicitly, so tests and
`main.py dashboard` build the same app. Only the entry points (serve.py, the
tests, the benches) import this module; the pages live in blueprints per area:

- auth.py: sign in, sign out, the language switch (open to everyone)
- pupils.py: the pupils, one pupil's story, the real name, the conversation sheet
- classes.py: class codes, the class profile, live and projector views
- data.py: import, export, delete
- api.py: the class server for pupils' games (no password, no cookies, strict)

Connections to the log are db.py's; every SELECT is in queries.py; the limits are
limits.py's; the headers and error answers are errors.py's.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from flask import Flask, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFProtect

from game import paths
from game.text.catalogue import LANGUAGES
from teacher_dashboard import (
    access_log,
    api,
    auth,
    classes,
    data,
    db,
    errors,
    guide,
    i18n,
    limits,
    mentor_mission,
    pupils,
)
from teacher_dashboard.i18n import t
from teacher_dashboard.passwords import Secrets, SessionVersion, secrets_path

# Open without the teacher's password: signing in, the favicon, and the class server
# (children's games send to it; it accepts only open class codes, claimed names and
# checked batches, see api.py).
OPEN_ENDPOINTS = frozenset({"auth.login", "auth.language", "auth.favicon", "static",
                            "api.class_status", "api.join", "api.receive"})
MAX_FORM_BYTES = 1024 * 1024
"""Any request but an import or a class batch: a form is a few kB."""
MAX_IMPORT_BYTES = 32 * 1024 * 1024
"""An import: a pupil's export is well under 10 MB, even after a year of play."""


def create_app(db_path: Path, secrets: Secrets, *, testing: bool = False,
               limits_config: dict[str, str] | None = None,
               level_folders: tuple[Path, ...] = (paths.LEVELS,),
               listen_host: str = "127.0.0.1") -> Flask:
    """`limits_config` overrides limits.DEFAULT_LIMITS by name; `level_folders` are where
    the levels this dashboard accepts from games are; `listen_host` is the address the
    server listens on (the Klassen page tells pupils how to reach it)."""
    app = Flask(__name__, template_folder=str(paths.DASHBOARD_TEMPLATES),
                static_folder=str(paths.DASHBOARD_STATIC))
    app.config.update(
        SECRET_KEY=secrets.secret_key,
        DB_PATH=Path(db_path),
        SECRETS=secrets,
        SESSION_VERSION=SessionVersion(secrets_path(Path(db_path))),
        LIMITS=dict(limits_config or {}),
        KNOWN_LEVELS=frozenset(p.stem for folder in level_folders
                               for p in Path(folder).glob("*.yaml")),
        LISTEN_HOST=listen_host,
        LIVE_REFRESH_MS=10_000,
        TESTING=testing,
        MAX_CONTENT_LENGTH=MAX_IMPORT_BYTES,
        MAX_FORM_MEMORY_SIZE=MAX_FORM_BYTES,
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
    def size_limits() -> None:
        """Only an import may be large; a class batch has its own limit."""
        if request.endpoint == "data.import_file":
            return
        request.max_content_length = api.MAX_BODY_BYTES \
            if request.blueprint == "api" else MAX_FORM_BYTES

    @app.before_request
    def require_sign_in() -> ResponseReturnValue | None:
        if request.endpoint in OPEN_ENDPOINTS or auth.signed_in():
            return None
        if request.path.startswith("/api/"):
            return None  # an unknown API path: a JSON 404, never the sign-in page
        return redirect(url_for("auth.login", next=auth.here()))

    @app.context_processor
    def helpers() -> dict[str, Any]:
        return {"t": t, "lang": i18n.language(), "languages": LANGUAGES,
                "signed_in": auth.signed_in(), "here": auth.here}

    app.add_template_filter(when)
    errors.init_app(app)
    access_log.init_app(app)
    for blueprint in (auth.bp, pupils.bp, classes.bp, data.bp, guide.bp, mentor_mission.bp):
        app.register_blueprint(blueprint)
    csrf.exempt(api.bp)  # a JSON API without cookies: nothing for a forged form to ride on
    app.register_blueprint(api.bp)
    limits.init_app(app)
    return app


EARLIEST_SHOWN = datetime(1970, 1, 2, tzinfo=UTC)
LATEST_SHOWN = datetime(9999, 1, 1, tzinfo=UTC)


def when(iso: str | None) -> str:
    """A log time (ISO, UTC) as the local date and time a teacher expects; any other text
    (an absurd date from an old or hand-edited log) is shown as it is, never a crash."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(str(iso))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        if not EARLIEST_SHOWN <= moment <= LATEST_SHOWN:
            return str(iso)[:40]
        return moment.astimezone().strftime("%d-%m-%Y %H:%M")
    except (ValueError, OverflowError, OSError, TypeError):
        return str(iso)[:40]
