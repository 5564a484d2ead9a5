"""Small files that survive crashes, full disks, damage and a second window.

Every write goes to a temporary file with a unique name beside the target, is
fsynced, and then replaces the target in one step: a crash leaves the old file or
the new one, never half of one, and two programs writing the same file never share
(or delete) each other's temporary file. A file that turns out damaged is moved aside
to a free name beside it, never deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any


def write_atomic(path: Path, data: bytes, *, sync_folder: bool = True) -> None:
    """Replace `path` with `data`, or leave it as it was (raises OSError). Without
    `sync_folder` the caller makes the folder's change durable (several files at once)."""
    fd, tmp = _fresh_beside(path, 0o600)  # saves and settings are the pupil's own
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync_folder:
        sync_folder_of(path)


def write_json_atomic(path: Path, data: Any, *, sync_folder: bool = True) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"),
                 sync_folder=sync_folder)


@contextlib.contextmanager
def appearing_whole(path: Path) -> Iterator[Path]:
    """Write a new file under a temporary name beside `path`; it gets its real name only
    when the writing went well (an export): never a half or empty file under that name,
    nothing left behind when it failed. Yields the temporary path to write."""
    fd, tmp = _fresh_beside(path, 0o666)  # an export is for others to read (umask applies)
    os.close(fd)
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDWR)  # Windows flushes only what it may write
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        for leftover in (tmp, *(tmp.with_name(tmp.name + side) for side in ("-wal", "-shm"))):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        raise
    sync_folder_of(path)


def open_text(path: Path, *, encoding: str = "utf-8", newline: str | None = None) -> IO[str]:
    """A text file to write (exports write through this, so tests can fill the disk)."""
    return open(path, "w", encoding=encoding, newline=newline)  # noqa: SIM115


def free_name(path: Path, reason: str) -> Path:
    """`name.<reason>-<time>.suffix` beside `path`, not taken yet."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        suffix = f".{reason}-{stamp}" + (f"-{n}" if n else "")
        kept = path.with_name(path.stem + suffix + path.suffix)
        if not kept.exists():
            return kept
        n += 1


def move_aside(path: Path, reason: str = "kapot") -> Path | None:
    """Rename a damaged file out of the way; its new path, or None if it cannot be moved
    (then it stays where it is, untouched)."""
    kept = free_name(path, reason)
    try:
        os.rename(path, kept)
    except OSError:
        return None
    return kept


def _fresh_beside(path: Path, mode: int) -> tuple[int, Path]:
    """A new file with a unique temporary name beside `path` (never shared, never reused)."""
    os.makedirs(path.parent, exist_ok=True)
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode), tmp
        except FileExistsError:
            continue


def sync_folder_of(path: Path) -> None:
    """Make a rename in `path`'s folder durable (POSIX; Windows has no folder handles)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
