"""Saves written by a thread, so no frame ever waits for the disk.

The game saves at every scene change and each morning; a save is two fsynced files
(the save and its copy), a few milliseconds on a quiet disk and far more on a busy
one. The snapshot is taken on the game's thread (consistent), the writing happens
here: only the newest snapshot per pupil is written, and at most once every
`EVERY_S` seconds (a pupil opening ten conversations a minute costs the disk a few
writes, and a crash still costs seconds, not minutes). `flush` writes at once (quit).
A write that fails is kept and tried again, and its trouble is there for the game to
tell the pupil.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Protocol

from game.journal.faults import Trouble, trouble_of

EVERY_S = 5.0


class SaveFiles(Protocol):
    def save(self, pupil: str, snapshot: dict[str, Any]) -> object: ...


class SaveWriter:
    def __init__(self, files: SaveFiles, *, every: float = EVERY_S) -> None:
        self.files = files
        self.every = every
        self._urgent = False
        self._last = -every
        self.trouble: Trouble | None = None  # why the newest save could not be written
        self._waiting: dict[str, dict[str, Any]] = {}  # pupil -> newest snapshot
        self._failed: dict[str, dict[str, Any]] = {}
        self._lock = threading.Condition()
        self._busy = False
        self._thread: threading.Thread | None = None
        self._stop = False

    def save(self, pupil: str, snapshot: dict[str, Any]) -> None:
        """Queue this snapshot (replacing an older one of the same pupil); returns at once."""
        with self._lock:
            self._waiting[pupil] = snapshot
            self._failed.pop(pupil, None)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="save-writer",
                                                daemon=True)
                self._thread.start()
            self._lock.notify_all()

    def flush(self, timeout: float = 2.0) -> bool:
        """Try failed saves again and wait for every save; True when all are on disk."""
        with self._lock:
            for pupil, snapshot in self._failed.items():
                self._waiting.setdefault(pupil, snapshot)
            self._failed.clear()
            if self._waiting and self._thread is None:
                self._thread = threading.Thread(target=self._run, name="save-writer",
                                                daemon=True)
                self._thread.start()
            self._urgent = True
            self._lock.notify_all()
            self._lock.wait_for(lambda: not self._waiting and not self._busy, timeout)
            self._urgent = False
            return not self._waiting and not self._busy and not self._failed

    def stop(self, timeout: float = 2.0) -> bool:
        """Write what waits (bounded in time), then end the thread."""
        done = self.flush(timeout)
        with self._lock:
            self._stop = True
            self._lock.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        return done

    def _due(self) -> bool:
        return self._urgent or self._stop or time.monotonic() - self._last >= self.every

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._waiting or self._stop)
                if not self._waiting:
                    return
                while not self._due():  # wake for a flush, or when the interval is over
                    self._lock.wait(max(0.0, self.every - (time.monotonic() - self._last)))
                pupil, snapshot = self._waiting.popitem()
                self._busy = True
                self._last = time.monotonic()
            try:
                self.files.save(pupil, snapshot)
                trouble = None
            except OSError as exc:
                trouble = trouble_of(exc)
            with self._lock:
                self._busy = False
                self.trouble = trouble
                if trouble is not None and pupil not in self._waiting:
                    self._failed[pupil] = snapshot  # kept for the next try
                self._lock.notify_all()
