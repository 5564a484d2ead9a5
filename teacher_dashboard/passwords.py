"""The teacher's password: stored hashed next to the log, asked for on every visit.

The hash and the session key live in `<log>.dashboard.json` (readable only by
the owner), so each log has its own password. `DASHBOARD_PASSWORD` replaces the
file for unattended use (a classroom machine set up by IT). Wrong passwords are
limited per address and in total (limits.py), before the password is checked.
The same file holds the session version: signing out raises it, so a cookie copied
before is worthless afterwards (the cookie itself cannot be taken back).
"""

from __future__ import annotations

import json
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

MIN_PASSWORD_LENGTH = 8
ENV_PASSWORD = "DASHBOARD_PASSWORD"


class PasswordError(Exception):
    """No usable password: the message says how to set one."""


@dataclass(frozen=True)
class Secrets:
    password_hash: str
    secret_key: str


def secrets_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + ".dashboard.json")


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordError(f"kies minstens {MIN_PASSWORD_LENGTH} tekens / "
                            f"use at least {MIN_PASSWORD_LENGTH} characters")


def save_password(db_path: Path, password: str) -> Secrets:
    """Store a new password (hashed) for this log; a new session key signs everyone out."""
    check_new_password(password)
    stored = Secrets(generate_password_hash(password), secrets.token_hex(32))
    path = secrets_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"password_hash": stored.password_hash, "secret_key": stored.secret_key}, out)
    return stored


def load_secrets(db_path: Path, environ: dict[str, str] | None = None) -> Secrets | None:
    """The password for this log: from the environment, else from its file, else None."""
    environ = dict(os.environ) if environ is None else environ
    path = secrets_path(db_path)
    stored: dict[str, str] = {}
    if path.exists():
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise PasswordError(f"{path}: niet leesbaar / unreadable ({exc}); verwijder het "
                                f"bestand en kies opnieuw een wachtwoord") from exc
    if environ.get(ENV_PASSWORD):
        check_new_password(environ[ENV_PASSWORD])
        key = stored.get("secret_key") or secrets.token_hex(32)
        return Secrets(generate_password_hash(environ[ENV_PASSWORD]), key)
    if stored.get("password_hash") and stored.get("secret_key"):
        return Secrets(stored["password_hash"], stored["secret_key"])
    return None


def password_matches(stored: Secrets, attempt: str) -> bool:
    return check_password_hash(stored.password_hash, attempt)


class SessionVersion:
    """The session version stored beside the password hash; a signed-in cookie carries
    the version it was made with and is only good while it is still the current one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        stored = _read(path).get("session_version", 0)
        self._value = stored if isinstance(stored, int) else 0

    @property
    def current(self) -> int:
        with self._lock:
            return self._value

    def revoke(self) -> int:
        """Sign out every session made so far (sign-out); kept across restarts."""
        with self._lock:
            self._value += 1
            stored = _read(self.path)
            if stored:
                stored["session_version"] = self._value
                _write(self.path, stored)
            return self._value


def _read(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(path: Path, data: dict[str, object]) -> None:
    """Atomically, readable only by the owner."""
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out)
    os.replace(temporary, path)
