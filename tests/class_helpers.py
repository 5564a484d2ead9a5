"""Helpers for the class-server tests: the dashboard on the production server (waitress)
on a loopback port that can go down or fail a set number of requests, pupils' local
logs made by the real simulation, and hand-made batches (with a joined pupil's secret)
for the API's checks."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from flask.testing import FlaskClient

from game.events import Payload
from game.sim.simulate import simulate
from teacher_dashboard.serve import Server

WsgiApp = Callable[[dict, Callable], Iterable[bytes]]

# --- the class server -----------------------------------------------------------

class LiveServer:
    """The dashboard on waitress (as `main.py dashboard` serves it) on a fixed loopback
    port, which can go down and come back."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app
        self.server = Server(app, "127.0.0.1", 0).start()  # type: ignore[arg-type]
        self.port = self.server.port

    def down(self) -> None:
        self.server.stop()

    def up(self) -> None:
        self.server = Server(self.app, "127.0.0.1", self.port).start()  # type: ignore[arg-type]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


class Outage:
    """A WSGI wrapper that fails the first POSTs, counted, instead of a timed outage.

    The first `refused` POSTs never reach the dashboard (503: the network is down);
    the next `replies_lost` reach it and are stored, but their answer is replaced by a
    503 (the reply was lost on its way back), so the game sends that batch again.
    Everything after that passes through.
    """

    def __init__(self, app: WsgiApp, *, refused: int = 0, replies_lost: int = 0) -> None:
        self.app = app
        self.refused = refused
        self.replies_lost = replies_lost
        self.posts = 0
        self._lock = threading.Lock()

    @property
    def failed(self) -> int:
        """How many POSTs were answered with a failure so far."""
        return min(self.posts, self.refused + self.replies_lost)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ["REQUEST_METHOD"] != "POST":
            return self.app(environ, start_response)
        with self._lock:
            self.posts += 1
            number = self.posts
        if number <= self.refused:
            return self._unavailable(start_response)
        if number <= self.refused + self.replies_lost:
            answer = self.app(environ, lambda *args, **kwargs: None)
            try:
                b"".join(answer)  # the dashboard finishes its work ...
            finally:
                close = getattr(answer, "close", None)
                if close:
                    close()
            return self._unavailable(start_response)  # ... but the game never hears it
        return self.app(environ, start_response)

    @staticmethod
    def _unavailable(start_response: Callable) -> list[bytes]:
        start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
        return [b"netwerk weg / network down"]


def local_logs(content, folder: Path, pupils: int) -> list[Path]:
    logs = []
    for i in range(pupils):
        path = folder / f"leerling-{i:02d}.sqlite"
        simulate(content, path, pupils=1, sessions=1, class_code="1B", seed=100 + i, first=i)
        logs.append(path)
    return logs


def event_ids(path: Path) -> list[str]:
    with sqlite3.connect(path) as con:
        return [r[0] for r in con.execute("select id from events")]


# --- hand-made batches ---------------------------------------------------------------

STAMP = "2026-11-23T10:00:00.000+00:00"
SESSION = "s" * 36
SECRET = "geheim-" + "x" * 40
"""A test game's secret (the shape upload.new_secret draws)."""


def join(client: FlaskClient, pupil: str = "Vos", code: str = "1B",
         secret: str = SECRET) -> dict[str, str]:
    """Join the class as a game does; returns the header its batches then carry."""
    client.post(f"/api/v1/classes/{code}/pupils", json={"pupil": pupil, "secret": secret})
    return {"Authorization": f"Bearer {secret}"}


def batch(*payloads: Payload, code: str = "1B", pupil: str = "Vos",
          session: str = SESSION) -> dict[str, Any]:
    """A well-formed batch of one session with these events, as a game sends it."""
    return {
        "pupil": {"id": pupil, "created_at": STAMP},
        "session": {"id": session, "pupil_id": pupil, "level": "proefklas",
                    "started_at": STAMP, "ended_at": None, "class_code": code},
        "events": [{"id": f"{session[:8]}-{n:08d}-event", "session_id": session, "seq": n,
                    "kind": payload.kind, "wall_time": STAMP, "game_day": "dag-1",
                    "game_time": "08:30", "location": "1.05",
                    "payload": json.dumps(payload.data())}
                   for n, payload in enumerate(payloads, start=1)],
    }
