"""A lock on a file that the operating system holds for us while we use something.

The system lets go when the program ends, also when it is killed or crashes, so a
lock left behind by a dead game never blocks the next start. Used for "the game is
already open" (one lock file per data folder) and for spill files still being written.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """Hold `path` locked (non-blocking); `fd` stays open for writing while held."""

    def __init__(self, path: Path, *, append: bool = False) -> None:
        self.path = Path(path)
        self.append = append
        self.fd: int | None = None

    @property
    def held(self) -> bool:
        return self.fd is not None

    def acquire(self) -> bool:
        """True when we hold it now; False when another program (or window) does.
        Raises OSError when the file cannot be made at all (a read-only folder)."""
        if self.fd is not None:
            return True
        flags = os.O_RDWR | os.O_CREAT | (os.O_APPEND if self.append else 0)
        fd = os.open(self.path, flags, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            return False
        self.fd = fd
        return True

    def write_note(self, text: str) -> None:
        """Say who holds the lock (for a person looking at the file); best effort."""
        if self.fd is None:
            return
        try:
            os.ftruncate(self.fd, 0)
            os.lseek(self.fd, 0, os.SEEK_SET)
            os.write(self.fd, text.encode("utf-8"))
        except OSError:
            pass

    def release(self) -> None:
        if self.fd is None:
            return
        fd, self.fd = self.fd, None
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)


def is_locked(path: Path) -> bool:
    """Does another holder have this file locked right now? (A missing file is not.)"""
    probe = FileLock(path)
    try:
        if not Path(path).exists() or probe.acquire():
            return False
    except OSError:
        return False
    finally:
        probe.release()
    return True
