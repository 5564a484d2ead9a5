"""Class mode: send this machine's class sessions to the teacher's dashboard.

The local log is the store-and-forward queue. Every event is written locally
first (as always); this sender reads what the server has not confirmed yet and
posts it in small batches. The cursor (`uploads.sent_seq`) moves only after the
server said it stored the batch, so a dropped network loses nothing and a batch
sent twice is harmless (the server ignores event UUIDs it already has).
A refusal (a closed class code, a malformed batch) stops sending for that
session and is kept as a message; the events stay here for export.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from sqlite_utils import Database

from game.journal.store import JournalError, open_log, writing

BATCH = 200
TIMEOUT_S = 5.0
BACKOFF_S = (0.2, 0.5, 1.0, 2.0, 5.0)


class Refused(Exception):
    """The server answered, and said no: sending again will not help."""


@dataclass
class Progress:
    sent: int = 0          # events the server confirmed in this run
    pending: int = 0       # events still waiting
    failures: int = 0      # network errors survived
    problem: str | None = None
    offline: bool = False  # the last try did not reach the server
    rounds: int = 0        # finished looks at the log (so a reader knows the numbers are fresh)


def api_url(server: str, class_code: str, tail: str = "") -> str:
    from urllib.parse import quote

    return f"{server.rstrip('/')}/api/v1/classes/{quote(class_code, safe='')}{tail}"


class ClassCheck(NamedTuple):
    open: bool
    message: str          # the server's reason, for the pupil to tell the teacher
    reachable: bool = True


def check_class(server: str, class_code: str) -> ClassCheck:
    """Is this class code open on the server? An unreachable server is not a "no": the
    game then plays on and sends later (store-and-forward)."""
    try:
        with urllib.request.urlopen(api_url(server, class_code), timeout=TIMEOUT_S) as answer:
            data = json.loads(answer.read())
        return ClassCheck(bool(data.get("open")), str(data.get("message", "")))
    except urllib.error.HTTPError as exc:
        return ClassCheck(False, _error_text(exc))
    except (OSError, ValueError) as exc:
        return ClassCheck(False, f"{server}: {exc}", reachable=False)


class Uploader:
    """Sends one log's class sessions; `run_once` for a step, `start` for a thread."""

    def __init__(self, db_path: Path, server: str, class_code: str, *, batch: int = BATCH,
                 interval: float = 1.0) -> None:
        self.db_path = Path(db_path)
        self.server = server.rstrip("/")
        self.class_code = class_code
        self.batch = batch
        self.interval = interval
        self.progress = Progress()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures_in_a_row = 0

    # --- the loop ---
    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="class-upload", daemon=True)
        self._thread.start()

    def stop(self, flush_seconds: float = 3.0) -> Progress:
        """Stop the thread after a last attempt to send everything (bounded in time)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=TIMEOUT_S + 1)
        return self.flush(flush_seconds)

    def flush(self, seconds: float) -> Progress:
        """Send until nothing is pending, the server refuses, or `seconds` have passed."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.run_once() == 0 and self.progress.pending == 0:
                break
            if self.progress.problem:
                break
            if self._failures_in_a_row:
                time.sleep(min(self._backoff(), max(0.0, deadline - time.monotonic())))
        return self.progress

    def _loop(self) -> None:
        while not self._stop.is_set():
            sent = self.run_once()
            wait = self._backoff() if self._failures_in_a_row else (0 if sent else self.interval)
            self._stop.wait(wait)

    def _backoff(self) -> float:
        return BACKOFF_S[min(self._failures_in_a_row, len(BACKOFF_S)) - 1]

    # --- one step ---
    def run_once(self) -> int:
        """Send at most one batch per session; returns the number of events confirmed.

        A log busy or unreadable for now counts as a failed try, like the network: the
        thread must not die of it, and the game's quit must not either."""
        try:
            return self._send_round()
        except (sqlite3.Error, OSError, JournalError):  # busy, full, or cannot open now
            self._failures_in_a_row += 1
            self.progress.failures += 1
            return 0

    def _send_round(self) -> int:
        db = open_log(self.db_path, set_aside_bad=False, verify=False).db
        try:
            sent, finished = 0, True
            for session in self._sessions(db):
                events = self._unsent(db, session)
                if not events:
                    continue
                try:
                    self._post(db, session, events)
                except Refused as exc:
                    self._remember_problem(db, session["id"], str(exc))
                    continue
                except (OSError, TimeoutError):
                    self._failures_in_a_row += 1
                    self.progress.failures += 1
                    self.progress.offline = True
                    finished = False
                    break
                self._failures_in_a_row = 0
                self.progress.offline = False
                self._mark_sent(db, session["id"], events[-1]["seq"])
                sent += len(events)
            self.progress.sent += sent
            self.progress.pending = self._count_unsent(db)  # refused sessions wait for export
            if finished:
                self.progress.rounds += 1
            return sent
        finally:
            db.close()

    def _sessions(self, db: Database) -> list[dict[str, Any]]:
        return list(db.query(
            "select s.* from sessions s left join uploads u on u.session_id = s.id "
            "and u.server = ? where s.class_code = ? and u.problem is null "
            "order by s.started_at", [self.server, self.class_code]))

    def _cursor(self, db: Database, session_id: str) -> int:
        row = next(db.query("select sent_seq from uploads where session_id = ? and server = ?",
                            [session_id, self.server]), None)
        return int(row["sent_seq"]) if row else 0

    def _unsent(self, db: Database, session: dict[str, Any]) -> list[dict[str, Any]]:
        return list(db.query(
            "select * from events where session_id = ? and seq > ? order by seq limit ?",
            [session["id"], self._cursor(db, session["id"]), self.batch]))

    def _count_unsent(self, db: Database) -> int:
        row = next(db.query(
            "select count(*) as n from events e join sessions s on s.id = e.session_id "
            "left join uploads u on u.session_id = s.id and u.server = ? "
            "where s.class_code = ? and u.problem is null and e.seq > coalesce(u.sent_seq, 0)",
            [self.server, self.class_code]))
        return int(row["n"])

    def _post(self, db: Database, session: dict[str, Any], events: list[dict[str, Any]]) -> None:
        pupil = next(db.query("select id, created_at from pupils where id = ?",
                              [session["pupil_id"]]))
        body = json.dumps({"pupil": pupil, "session": session, "events": events},
                          ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(api_url(self.server, self.class_code, "/events"),
                                         data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:
                answer.read()
        except urllib.error.HTTPError as exc:
            if exc.code in (400, 403, 404, 409, 413, 422):
                raise Refused(_error_text(exc)) from exc
            raise OSError(f"HTTP {exc.code}") from exc  # 5xx: the server will be back

    def _mark_sent(self, db: Database, session_id: str, seq: int) -> None:
        with writing(db):
            db.table("uploads").upsert({"session_id": session_id, "server": self.server,
                                  "sent_seq": seq, "problem": None},
                                 pk=("session_id", "server"))

    def _remember_problem(self, db: Database, session_id: str, problem: str) -> None:
        self.progress.problem = problem
        with writing(db):
            db.table("uploads").upsert({"session_id": session_id, "server": self.server,
                                  "sent_seq": self._cursor(db, session_id), "problem": problem},
                                 pk=("session_id", "server"))


def _error_text(exc: urllib.error.HTTPError) -> str:
    try:
        return str(json.loads(exc.read()).get("error") or exc.reason)
    except (ValueError, OSError):
        return f"HTTP {exc.code} {exc.reason}"
