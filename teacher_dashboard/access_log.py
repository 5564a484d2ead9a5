"""What the dashboard writes to its log file (game/logs.py): one line per request, and a
warning for each refused sign-in and each refused class batch.

For the school's IT, never about pupils: a request is logged by its route pattern
(`/pupils/<int:pupil_id>`), not its path; a refusal by its status and reason code, never
its message or body (which may name a pupil or hold what a pupil chose).
"""

from __future__ import annotations

import logging
import time

from flask import Flask, Response, g, request

log = logging.getLogger("teacher_dashboard")


def init_app(app: Flask) -> None:
    app.before_request(_started)
    app.after_request(_written)


def _started() -> None:
    g.started = time.perf_counter()


def _written(response: Response) -> Response:
    started = g.get("started")
    took = (time.perf_counter() - started) * 1000 if started is not None else 0.0
    route = request.url_rule.rule if request.url_rule is not None else "(no route)"
    log.info("%s %s %d %.0f ms", request.method, route, response.status_code, took)
    if request.endpoint == "auth.login" and request.method == "POST" \
            and response.status_code in (401, 429):
        why = "wrong password" if response.status_code == 401 else "too many tries"
        log.warning("sign-in refused (%s) from %s", why, request.remote_addr)
    elif request.blueprint == "api" and response.status_code >= 400:
        code = (request.view_args or {}).get("code", "?")
        body = response.get_json(silent=True) if response.is_json else None
        reason = body.get("reason", "?") if isinstance(body, dict) else "?"
        log.warning("class upload refused: %s %s, class %s, %d (%s) from %s",
                    request.method, route, code, response.status_code, reason,
                    request.remote_addr)
    return response


def import_refused(reason: str) -> None:
    """A teacher's import that was not taken (the page says why, in full)."""
    log.warning("import refused: %s", reason)
