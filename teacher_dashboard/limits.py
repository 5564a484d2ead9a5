"""How much anyone may ask of the dashboard: Flask-Limiter's counters, in memory.

Checked before the work is done (a refused request costs the server nothing and
holds no thread), answered with 429 and `Retry-After`:
- signing in: failed tries per address and in total (the right password is refused
  too while the limit holds, so guessing gains nothing);
- the class server: requests per address and per class code, unknown codes tried per
  address (probing for codes), and a quota of events per pupil per lesson.
The numbers are in DEFAULT_LIMITS; tests and benches pass their own (`LIMITS` in the
app's config). Each app gets its own Limiter, so two apps never share counters.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from flask import Flask, current_app, request
from flask.wrappers import Response
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse

EXTENSION = "dashboard_limiter"
DEFAULT_LIMITS: dict[str, str] = {
    # failed sign-ins: a teacher mistypes a few times; a guesser gets ~20 an hour
    "sign_in_address": "5 per minute;20 per hour",
    "sign_in_total": "30 per minute;100 per hour",
    # a game sends about one batch a second while it plays, a few at once after an outage
    "upload_address": "240 per minute",
    "upload_code": "6000 per minute",
    "join_address": "20 per minute",
    "status_address": "60 per minute",
    "unknown_code_address": "10 per minute",
    # a class lesson is ~40 events a pupil, a school day ~500: far below, a flood far above
    "pupil_quota": "5000 per hour",
}


def init_app(app: Flask) -> Limiter:
    """Give the app its limiter and put the limits on the endpoints (after the blueprints
    are registered)."""
    app.config.setdefault("LIMITS", {})
    limiter = Limiter(get_remote_address, app=app, storage_uri="memory://",
                      headers_enabled=True, strategy="fixed-window")
    app.extensions[EXTENSION] = limiter

    def wrap(endpoint: str, *limits: Any) -> None:
        view = app.view_functions[endpoint]
        for limit in limits:
            view = limit(view)
        app.view_functions[endpoint] = view

    wrap("auth.login",
         limiter.limit(_limit("sign_in_address"), methods=["POST"], deduct_when=_failed),
         limiter.shared_limit(_limit("sign_in_total"), scope="sign-in", key_func=_everyone,
                              methods=["POST"], deduct_when=_failed))
    wrap("api.receive",
         limiter.limit(_limit("upload_address")),
         limiter.limit(_limit("upload_code"), key_func=_code))
    wrap("api.join",
         limiter.limit(_limit("join_address")),
         limiter.limit(_limit("upload_code"), key_func=_code))
    wrap("api.class_status",
         limiter.limit(_limit("status_address")),
         limiter.limit(_limit("unknown_code_address"), deduct_when=_not_found))
    return limiter


def _limit(name: str) -> Callable[[], str]:
    return lambda: str(current_app.config["LIMITS"].get(name, DEFAULT_LIMITS[name]))


def _failed(response: Response) -> bool:
    return response.status_code == 401


def _not_found(response: Response) -> bool:
    return response.status_code == 404


def _everyone() -> str:
    return "all"


def _code() -> str:
    return str((request.view_args or {}).get("code", ""))


def limiter() -> Limiter:
    found: Limiter = current_app.extensions[EXTENSION]
    return found


def seconds_to_wait() -> int:
    """For a 429 page: how long until the limit that was hit lets a request through."""
    current = limiter().current_limit
    if current is None:
        return 60
    return max(1, math.ceil(current.reset_at - time.time()))


def take_quota(class_code: str, pupil: str, events: int) -> int | None:
    """Count `events` against the pupil's quota in this class: None when they fit, else
    the seconds until the quota's window starts anew."""
    strategy = limiter().limiter
    items = parse_all(_limit("pupil_quota")())
    for item in items:  # a refused batch does not count: it is sent again later
        if not strategy.test(item, "quota", class_code, pupil, cost=events):
            reset = strategy.get_window_stats(item, "quota", class_code, pupil).reset_time
            return max(1, math.ceil(reset - time.time()))
    for item in items:
        strategy.hit(item, "quota", class_code, pupil, cost=events)
    return None


def parse_all(text: str) -> list[Any]:
    return [parse(part) for part in text.split(";") if part.strip()]
