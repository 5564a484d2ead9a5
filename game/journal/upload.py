"""Class mode: send this machine's class sessions to the teacher's dashboard.

The local log is the store-and-forward queue. Every event is written locally
first (as always); this sender reads what the server has not confirmed yet and
posts it in small batches. The cursor (`uploads.sent_seq`) moves only after the
server said it stored the batch, so a dropped network loses nothing and a batch
sent twice is harmless (the server ignores event UUIDs it already has).
A refusal (a closed class code, a malformed batch) stops sending for that
session and is kept as a message; the events stay here for export.

Only this game may send under its pseudonym: before its first batch to a server it
joins the class with a secret it drew itself and keeps in this log (`class_secrets`),
and every batch carries that secret. When the name is taken by another game (a pupil
on a new laptop), the pupil is told and the game waits, trying again now and then,
until the mentor releases the name. The server's limits (429, Retry-After) are waited
out; a batch the server finds too large (413) is sent in halves.
"""

from __future__ import annotations

import json
import secrets
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
LONGEST_WAIT_S = 60.0
"""The longest a server's Retry-After is waited in one go."""


class Refused(Exception):
    """The server answered, and said no: sending again will not help."""


class Waiting(Exception):
    """The server answered "not now": the name is taken (until the mentor releases it), a
    limit was reached, or the secret was not accepted. Try again later."""

    def __init__(self, message: str, wait: float = 0.0) -> None:
        super().__init__(message)
        self.wait = wait


def new_secret() -> str:
    """A game's secret for its pseudonym on a teacher's server (256 random bits)."""
    return secrets.token_urlsafe(32)


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
        self._not_before = 0.0
        """monotonic time before which the server asked not to be called (Retry-After)"""
        self._joined: set[str] = set()

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
            if self._failures_in_a_row or self._not_before > time.monotonic():
                time.sleep(min(self._pause(), max(0.0, deadline - time.monotonic())))
        return self.progress

    def _loop(self) -> None:
        while not self._stop.is_set():
            sent = self.run_once()
            if self._failures_in_a_row or self._not_before > time.monotonic():
                wait = self._pause()
            else:
                wait = 0 if sent else self.interval
            self._stop.wait(wait)

    def _backoff(self) -> float:
        return BACKOFF_S[min(self._failures_in_a_row, len(BACKOFF_S)) - 1]

    def _pause(self) -> float:
        """How long to wait before the next try: the backoff, or what the server asked."""
        backoff = self._backoff() if self._failures_in_a_row else 0.0
        return max(backoff, self._not_before - time.monotonic(), 0.0)

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
                    self._join(db, session["pupil_id"])
                    self._post(db, session, events)
                except Refused as exc:
                    self._remember_problem(db, session["id"], str(exc))
                    continue
                except Waiting as exc:
                    self.progress.problem = str(exc)  # told to the pupil; not kept: it passes
                    self._not_before = time.monotonic() + min(exc.wait, LONGEST_WAIT_S)
                    finished = False
                    break
                except (OSError, TimeoutError):
                    self._failures_in_a_row += 1
                    self.progress.failures += 1
                    self.progress.offline = True
                    finished = False
                    break
                self._failures_in_a_row = 0
                self._not_before = 0.0
                self.progress.offline = False
                if self.progress.problem and not self._refused_sessions(db):
                    self.progress.problem = None  # a wait that has passed
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

    def _refused_sessions(self, db: Database) -> int:
        row = db.execute("select count(*) from uploads where server = ? and problem is not null",
                         [self.server]).fetchone()
        return int(row[0])

    # --- the pupil's secret ---
    def secret_for(self, db: Database, pupil: str) -> str:
        """This game's secret for `pupil` on this server, drawn and kept at first need."""
        row = db.execute("select secret from class_secrets where server = ? and pupil_id = ?",
                         [self.server, pupil]).fetchone()
        if row is not None:
            return str(row[0])
        secret = new_secret()
        with writing(db):
            db.execute("insert or ignore into class_secrets (server, pupil_id, secret, got_at) "
                       "values (?, ?, ?, ?)", [self.server, pupil, secret, _now()])
        row = db.execute("select secret from class_secrets where server = ? and pupil_id = ?",
                         [self.server, pupil]).fetchone()
        return str(row[0])

    def _join(self, db: Database, pupil: str) -> None:
        """Claim the pupil's name in the class with this game's secret, once per run
        (joining again with the same secret is harmless: a lost answer costs nothing)."""
        if pupil in self._joined:
            return
        body = json.dumps({"pupil": pupil, "secret": self.secret_for(db, pupil)},
                          ensure_ascii=False).encode("utf-8")
        self._send(api_url(self.server, self.class_code, "/pupils"), body, {})
        self._joined.add(pupil)

    def _post(self, db: Database, session: dict[str, Any], events: list[dict[str, Any]]) -> None:
        pupil = next(db.query("select id, created_at from pupils where id = ?",
                              [session["pupil_id"]]))
        body = json.dumps({"pupil": pupil, "session": session, "events": events},
                          ensure_ascii=False).encode("utf-8")
        secret = self.secret_for(db, pupil["id"])
        try:
            self._send(api_url(self.server, self.class_code, "/events"), body,
                       {"Authorization": f"Bearer {secret}"})
        except Waiting:
            self._joined.discard(pupil["id"])  # join again first next time
            raise

    def _send(self, url: str, body: bytes, headers: dict[str, str]) -> None:
        """POST JSON; a refusal raises Refused, a "not now" Waiting, a network error or a
        server error (5xx) OSError."""
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": "application/json", **headers})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:
                answer.read()
        except urllib.error.HTTPError as exc:
            message, reason = _error_of(exc)
            if exc.code == 429:
                raise Waiting(message, _retry_after(exc)) from exc
            if exc.code == 413 and self.batch > 1:
                self.batch = max(1, self.batch // 2)
                raise Waiting(message) from exc
            if exc.code in (401, 409) or (exc.code == 403 and reason == "credentials"):
                raise Waiting(message, 5.0) from exc
            if exc.code in (400, 403, 404, 413, 422):
                raise Refused(message) from exc
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
    return _error_of(exc)[0]


def _error_of(exc: urllib.error.HTTPError) -> tuple[str, str]:
    """The server's message and reason (api.py's JSON), or the HTTP status for both."""
    try:
        data = json.loads(exc.read())
        return str(data.get("error") or exc.reason), str(data.get("reason") or "")
    except (ValueError, OSError, AttributeError):
        return f"HTTP {exc.code} {exc.reason}", ""


def _retry_after(exc: urllib.error.HTTPError) -> float:
    try:
        return max(0.0, float(exc.headers.get("Retry-After", "1")))
    except (TypeError, ValueError):
        return 1.0


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="milliseconds")
