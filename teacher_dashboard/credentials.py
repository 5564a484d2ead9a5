"""Pupil credentials on the class server: only the game that claimed a pseudonym writes
under it.

The class code is on the projector, so it cannot be the secret. A game joining an
open class claims its pseudonym with a random secret (made and kept in its own log,
game/journal/upload.py) that every later batch carries. The game draws the secret
itself and joining with the same secret again is granted again, so a join whose
answer was lost on the network never locks a pupil out. The teacher's log keeps only
a SHA-256 of it (the secret is 256 random bits, so a slow password hash adds nothing).
A pseudonym that already has data in this log and no claim (an import, a log from
before credentials) is not free: the mentor releases it first, as for a new laptop.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime
from enum import Enum

from sqlite_utils import Database

from game.journal.store import writing
from teacher_dashboard import queries


class Claim(Enum):
    GRANTED = "granted"
    TAKEN = "taken"


SECRET_PATTERN = r"^[A-Za-z0-9_-]{32,128}$"
"""What a game's secret looks like (upload.new_secret: 32 random bytes, URL-safe)."""


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def claim(db: Database, pupil: str, class_code: str, secret: str) -> Claim:
    """Claim `pupil` for the game holding `secret` (again: granted; another game's claim:
    taken). Runs on the class server's writer connection, in one write transaction."""
    with writing(db):
        claimed = queries.claim_of(db, pupil)
        if claimed is not None and claimed.secret_hash is not None:
            same = hmac.compare_digest(claimed.secret_hash, digest(secret))
            return Claim.GRANTED if same else Claim.TAKEN
        if claimed is None and queries.pupil(db, pupil) is not None:
            return Claim.TAKEN  # data without a claim: the mentor releases it first
        db.execute("insert or replace into class_pupils (pupil_id, class_code, secret_hash, "
                   "claimed_at) values (?, ?, ?, ?)",
                   [pupil, class_code, digest(secret), _now()])
    return Claim.GRANTED


def holds(db: Database, pupil: str, secret: str | None) -> bool:
    """Does this secret belong to the game that claimed `pupil`?"""
    claimed = queries.claim_of(db, pupil)
    if claimed is None or claimed.secret_hash is None or not secret:
        return False
    return hmac.compare_digest(claimed.secret_hash, digest(secret))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
