"""The spill file: where a session's events wait, durably, while the log cannot take them.

One append-only JSON-lines file per session beside the log (or, when that folder cannot
be written, in a reserve folder under the system's temporary folder). Every append is
fsynced before the game goes on, so a choice made while the log is locked, full or
read-only survives a crash. The file is locked while its session lives; at the next
start the log merges every spill file nobody holds (idempotent: event ids) and removes
it once its rows are committed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from game.file_lock import FileLock
from game.journal.store import writing

RESERVE = "alien-op-school-reserve"


def reserve_folder(log: Path) -> Path:
    """Where spill files go when the log's own folder cannot be written (one per log, and
    per user: the temporary folder may be shared by everyone on the machine)."""
    key = hashlib.sha256(str(Path(log).resolve()).encode("utf-8")).hexdigest()[:16]
    user = f"-{os.getuid()}" if hasattr(os, "getuid") else ""
    return Path(tempfile.gettempdir()) / f"{RESERVE}{user}" / key


def _name(log: Path, session_id: str) -> str:
    return f"{Path(log).name}.spill-{session_id}.jsonl"


def spill_files(log: Path) -> Iterator[Path]:
    log = Path(log)
    for folder in (log.parent, reserve_folder(log)):
        if folder.is_dir():
            yield from sorted(folder.glob(f"{log.name}.spill-*.jsonl"))


class Spill:
    """The spill file of one session. `append` raises OSError when no folder takes it."""

    def __init__(self, log: Path, session_id: str) -> None:
        self.log = Path(log)
        self.session_id = session_id
        self.lock: FileLock | None = None
        self.path: Path | None = None  # once a folder took it
        self.lines = 0
        self._torn = False  # a failed append may have left half a line: start anew

    def append(self, lines: list[dict[str, Any]]) -> None:
        fd = self._open()
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        if self._torn:
            text = "\n" + text
        data = text.encode("utf-8")
        try:
            while data:
                written = os.write(fd, data)
                data = data[written:]
            os.fsync(fd)
        except OSError:
            self._torn = True
            raise
        self._torn = False
        self.lines += len(lines)

    def close(self) -> None:
        """The session is over: let go of the file (a later start merges it)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def discard(self) -> None:
        """Everything in it is in the log now: remove it."""
        path, self.path = self.path, None
        self.close()  # first: Windows removes no open file
        self.lines = 0
        self._torn = False
        if path is None:
            return
        with contextlib.suppress(OSError):  # a later merge finds the rows there already
            path.unlink()

    def _open(self) -> int:
        if self.lock is not None and self.lock.fd is not None:
            return self.lock.fd
        first: OSError | None = None
        for folder in (self.log.parent, reserve_folder(self.log)):
            lock = FileLock(folder / _name(self.log, self.session_id), append=True)
            try:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the pupil's own
                if lock.acquire() and lock.fd is not None:
                    self.lock, self.path = lock, lock.path
                    return lock.fd
            except OSError as exc:
                first = first or exc
        raise first or OSError(f"{self.log}: no folder takes the spill file")


@dataclass
class Merged:
    files: int = 0
    events: int = 0        # events new to the log
    unreadable: int = 0    # lines that were not whole (a crash in the middle of a write)


def merge_spills(db: Database, log: Path) -> Merged:
    """Add every spill file nobody holds to the log, then remove it. Safe to repeat."""
    merged = Merged()
    for path in list(spill_files(log)):
        lock = FileLock(path)
        try:
            if not lock.acquire() or lock.fd is None:
                continue  # its session is still being played (another window or program)
            rows, bad = _read(lock.fd)
            before = db.execute("select count(*) from events").fetchone()[0]
            with writing(db):
                _insert(db, rows)
            merged.events += db.execute("select count(*) from events").fetchone()[0] - before
        except OSError:
            continue  # cannot read it now: it stays for the next start
        except sqlite3.Error:
            break  # the log cannot take them now: every file stays for the next start
        finally:
            lock.release()
        merged.unreadable += bad
        merged.files += 1
        with contextlib.suppress(OSError):  # merging it again adds nothing
            path.unlink()
    return merged


def _read(fd: int) -> tuple[list[dict[str, Any]], int]:
    """The whole lines of a spill file (read through the locked handle)."""
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    rows: list[dict[str, Any]] = []
    bad = 0
    for raw in b"".join(chunks).splitlines():
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except ValueError:
            bad += 1
            continue
        if isinstance(line, dict) and line.get("type") in ("session", "event", "end"):
            rows.append(line)
        else:
            bad += 1
    return rows, bad


def _insert(db: Database, lines: list[dict[str, Any]]) -> None:
    for line in lines:
        kind = line["type"]
        if kind == "session":
            db.table("pupils").insert(line["pupil"], ignore=True)
            db.table("sessions").insert(line["session"], ignore=True)
    events = [{k: v for k, v in line.items() if k != "type"}
              for line in lines if line["type"] == "event"]
    if events:
        db.table("events").insert_all(events, ignore=True)
    for line in lines:
        if line["type"] == "end":
            db.execute("update sessions set ended_at = ? where id = ? and ended_at is null",
                       [line["ended_at"], line["session_id"]])
