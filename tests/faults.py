"""Faults on demand: a folder whose disk is full or read-only, without root.

Injected where the game meets the disk, as close to the real thing as a test can get:
- SQLite: every connection the game makes goes through `game.journal.store.connect`.
  Here it gets SQLite's own limits, so SQLite itself answers: `max_page_count` at the
  current size for a full disk (SQLITE_FULL on the next page), `query_only` for a
  read-only file or folder (SQLITE_READONLY on the first write); a new file in a
  read-only folder cannot be made (SQLITE_CANTOPEN).
- Files the game writes itself (spill, saves, settings, exports, the lock file) go
  through `os` in those modules and `open` in game.safe_files; a stand-in answers as a
  full or read-only disk does (ENOSPC on write, EACCES on making or renaming a file).
`heal()` gives the space or the permission back, also to connections already open.
Tests run as root here, and root ignores file permissions, so chmod proves nothing:
that is why read-only is injected too (a test with real permissions runs when not root).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Any

from game import file_lock, safe_files
from game.journal import spill, store

REAL_OPEN = open
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


class FaultyDisk:
    def __init__(self, monkeypatch: Any, *folders: Path) -> None:
        self.folders = [Path(f).resolve() for f in folders]
        self.fault: str | None = None          # "full" or "read_only" for the folders
        self.read_only_files: set[Path] = set()
        self.connections: list[tuple[Path, sqlite3.Connection]] = []
        self.refused = 0                        # how many times the disk said no
        real_connect = store.connect

        def connect(path: Path, **kwargs: Any) -> sqlite3.Connection:
            where = Path(path).resolve()
            if self.fault == "read_only" and self.covers(where) and not where.exists() \
                    and not kwargs.get("read_only"):
                self.refused += 1
                return real_connect(path, **{**kwargs, "read_only": True})  # CANTOPEN
            conn = real_connect(path, **kwargs)
            if not kwargs.get("read_only"):
                self.connections.append((where, conn))
                self._apply(where, conn)
            return conn

        monkeypatch.setattr(store, "connect", connect)
        proxy = _FaultyOs(self)
        for module in (spill, file_lock, safe_files):
            monkeypatch.setattr(module, "os", proxy)
        monkeypatch.setattr(safe_files, "open", self._open, raising=False)

    # --- what a test does ---
    def fill(self) -> None:
        """The disk is full: nothing more fits (what is there can still be read)."""
        self.fault = "full"
        self._apply_all()

    def make_read_only(self, file: Path | None = None) -> None:
        """This file, or (without one) the folders, may only be read from now on."""
        if file is not None:
            self.read_only_files.add(Path(file).resolve())
        else:
            self.fault = "read_only"
        self._apply_all()

    def heal(self) -> None:
        self.fault = None
        self.read_only_files.clear()
        self._apply_all()

    # --- the stand-ins ---
    def covers(self, path: Path | str) -> bool:
        where = Path(path).resolve()
        return any(where == f or f in where.parents for f in self.folders)

    def os_error(self, path: Path | str, code: int) -> OSError:
        self.refused += 1
        return OSError(code, os.strerror(code), str(path))

    def _open(self, path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = REAL_OPEN(path, mode, *args, **kwargs)
        if isinstance(path, str | Path) and self.covers(path) and "w" in mode:
            if self.fault == "read_only":
                handle.close()
                raise self.os_error(path, errno.EACCES)
            if self.fault == "full":
                return _FillingFile(handle, self, path)
        return handle

    def _apply_all(self) -> None:
        for where, conn in self.connections:
            self._apply(where, conn)

    def _apply(self, where: Path, conn: sqlite3.Connection) -> None:
        try:
            read_only = where in self.read_only_files or (
                self.fault == "read_only" and self.covers(where))
            conn.execute(f"PRAGMA query_only={int(read_only)}")
            if self.fault == "full" and self.covers(where):
                pages = conn.execute("PRAGMA page_count").fetchone()[0]
                conn.execute(f"PRAGMA max_page_count={max(1, pages)}")
            else:
                conn.execute("PRAGMA max_page_count=1073741823")
        except sqlite3.ProgrammingError:
            pass  # that connection is closed already


class _FaultyOs:
    """The `os` module as the game's file code sees it, with the disk's faults."""

    def __init__(self, disk: FaultyDisk) -> None:
        self._disk = disk
        self._paths: dict[int, str] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def open(self, path: Any, flags: int, mode: int = 0o777, *args: Any, **kw: Any) -> int:
        disk = self._disk
        if disk.fault == "read_only" and disk.covers(path) and flags & os.O_CREAT \
                and not os.path.exists(path):  # a read-only folder takes no new file
            raise disk.os_error(path, errno.EACCES)
        fd = os.open(path, flags, mode, *args, **kw)
        self._paths[fd] = str(path)
        return fd

    def write(self, fd: int, data: Any) -> int:
        path = self._paths.get(fd)
        if path is not None and self._disk.fault == "full" and self._disk.covers(path):
            raise self._disk.os_error(path, errno.ENOSPC)
        return os.write(fd, data)

    def close(self, fd: int) -> None:
        self._paths.pop(fd, None)
        os.close(fd)

    def replace(self, src: Any, dst: Any) -> None:
        self._refuse_in_read_only(dst)
        os.replace(src, dst)

    def rename(self, src: Any, dst: Any) -> None:
        self._refuse_in_read_only(dst)
        os.rename(src, dst)

    def unlink(self, path: Any) -> None:
        self._refuse_in_read_only(path)
        os.unlink(path)

    def makedirs(self, path: Any, mode: int = 0o777, exist_ok: bool = False) -> None:
        if not os.path.isdir(path):
            self._refuse_in_read_only(path)
        os.makedirs(path, mode, exist_ok)

    def _refuse_in_read_only(self, path: Any) -> None:
        if self._disk.fault == "read_only" and self._disk.covers(path):
            raise self._disk.os_error(path, errno.EACCES)


class _FillingFile:
    """A text file on a full disk: the first few hundred characters fit, then ENOSPC."""

    ROOM = 300

    def __init__(self, handle: Any, disk: FaultyDisk, path: Any) -> None:
        self._handle, self._disk, self._path = handle, disk, path
        self._written = 0

    def write(self, text: str) -> int:
        if self._written + len(text) > self.ROOM:
            self._handle.write(text[:max(0, self.ROOM - self._written)])
            self._handle.flush()
            raise self._disk.os_error(self._path, errno.ENOSPC)
        self._written += len(text)
        return int(self._handle.write(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _FillingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()
