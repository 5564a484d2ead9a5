"""What every answer carries (security headers) and how anything that goes wrong is said.

- Headers on every response: a Content-Security-Policy without inline script or style
  and `frame-ancestors 'none'`, `nosniff`, no referrer, and no caching of pages with
  children's data.
- The class server (`/api/...`) always answers JSON, also for 404, 413, 429, 500, 503:
  a game reads `error` and `reason`, never an HTML page.
- The log's errors are told by what they are: busy (someone else is writing: try again),
  unavailable (gone, read-only, a disk error), or damaged (only when SQLite says so).
"""

from __future__ import annotations

import sqlite3

from flask import Flask, Response, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, NotFound

from game.journal.store import JournalError
from teacher_dashboard import auth, db, limits
from teacher_dashboard.i18n import t

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
BUSY_RETRY_S = 2
DAMAGED = ("database disk image is malformed", "file is not a database", "file is encrypted")
BUSY = ("locked", "busy")


def init_app(app: Flask) -> None:
    app.after_request(_headers)

    @app.errorhandler(CSRFError)
    def form_expired(_error: CSRFError) -> tuple[str, int]:
        return render_template("problem.html", message=t("csrf_failed")), 400

    @app.errorhandler(sqlite3.Error)
    def log_error(error: sqlite3.Error) -> Response:
        key = kind_of(error)
        status = 503
        if _is_api():
            return _json(status, t_api(key, error), key)
        response = Response(render_template("problem.html", message=t(
            key, path=db.path(), error=error)), status)
        if key == "log_busy":
            response.headers["Retry-After"] = str(BUSY_RETRY_S)
        return response

    @app.errorhandler(JournalError)
    def log_problem(error: JournalError) -> Response:
        if _is_api():
            return _json(503, str(error), "unavailable")
        return Response(render_template("problem.html", message=str(error)), 503)

    @app.errorhandler(HTTPException)
    def http_problem(error: HTTPException) -> Response:
        status = error.code or 500
        if _is_api():
            return _json(status, error.description or error.name, _reason(status))
        if status == 429:
            return _too_many()
        if status == 404:
            ours = error.description != NotFound.description and auth.signed_in()
            message = error.description if ours else t("not_found")
        elif status == 413:
            message = t("too_large")
        else:
            message = error.description or error.name
        return Response(render_template("problem.html", message=message), status)

    @app.errorhandler(500)
    def server_error(_error: Exception) -> Response:
        if _is_api():
            return _json(500, "interne fout / internal error", "server")
        return Response(render_template("problem.html", message=t("server_error")), 500)


def kind_of(error: sqlite3.Error) -> str:
    """The catalogue key that says what happened to the log (never "damaged" for a lock)."""
    text = str(error).lower()
    if any(word in text for word in BUSY):
        return "log_busy"
    if any(words in text for words in DAMAGED):
        return "log_damaged"
    return "log_unavailable"


def t_api(key: str, error: sqlite3.Error) -> str:
    return {"log_busy": "het logboek is even bezig / the log is busy; try again",
            "log_damaged": f"het logboek is beschadigd / the log is damaged ({error})",
            }.get(key, f"het logboek is nu niet te gebruiken / the log cannot be used "
                       f"now ({error})")


def _is_api() -> bool:
    return request.path.startswith("/api/")


def _reason(status: int) -> str:
    return {404: "unknown", 413: "too_large", 429: "rate_limited"}.get(status, "invalid")


def _json(status: int, message: str, reason: str) -> Response:
    response = jsonify({"error": message, "reason": reason})
    response.status_code = status
    if status in (503,):
        response.headers["Retry-After"] = str(BUSY_RETRY_S)
    return response


def _too_many() -> Response:
    """429 on a page: sign-in says how long to wait, in the sign-in form itself."""
    wait = limits.seconds_to_wait()
    if request.endpoint == "auth.login":
        page = render_template("login.html", wrong=False, wait=wait,
                               next=auth.safe_next(request.values.get("next")))
    else:
        page = render_template("problem.html", message=t("too_many", n=wait))
    response = Response(page, 429)
    response.headers["Retry-After"] = str(wait)
    return response


def _headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.endpoint not in ("static", "auth.favicon"):
        response.headers["Cache-Control"] = "no-store"
    return response
