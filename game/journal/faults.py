"""What went wrong with a file, named once, so every part answers it the same way.

The log, the spill file, saves, exports and imports all meet the same few troubles.
Naming them here lets the game tell the pupil calmly why saving is paused, lets the
command line print one line instead of a traceback, and keeps the one rule that
matters apart: a *corrupt* file is set aside (never deleted), a file we only *cannot
open* (in use, read-only, a folder in its place, no permission) is never renamed.
"""

from __future__ import annotations

import errno
import sqlite3
from enum import StrEnum


class Trouble(StrEnum):
    BUSY = "busy"            # another program holds the file (a long import, a second writer)
    FULL = "full"            # the disk is full
    READ_ONLY = "read_only"  # the file or its folder may only be read
    NO_ACCESS = "no_access"  # no permission, or the system will not open it
    FOLDER = "folder"        # a folder stands where the file should be
    NEWER = "newer"          # a newer version of the game wrote it: we never write into it
    CORRUPT = "corrupt"      # damaged, or not our file: set aside, never deleted
    OTHER = "other"


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE = {
    3: Trouble.NO_ACCESS,    # SQLITE_PERM
    5: Trouble.BUSY,         # SQLITE_BUSY
    6: Trouble.BUSY,         # SQLITE_LOCKED
    8: Trouble.READ_ONLY,    # SQLITE_READONLY (also _DIRECTORY: a read-only folder)
    11: Trouble.CORRUPT,     # SQLITE_CORRUPT
    13: Trouble.FULL,        # SQLITE_FULL
    14: Trouble.NO_ACCESS,   # SQLITE_CANTOPEN
    23: Trouble.NO_ACCESS,   # SQLITE_AUTH
    26: Trouble.CORRUPT,     # SQLITE_NOTADB
}
_SQLITE_WORDS = (
    ("locked", Trouble.BUSY), ("busy", Trouble.BUSY), ("disk is full", Trouble.FULL),
    ("readonly", Trouble.READ_ONLY), ("read-only", Trouble.READ_ONLY),
    ("unable to open", Trouble.NO_ACCESS), ("malformed", Trouble.CORRUPT),
    ("not a database", Trouble.CORRUPT),
)
_ERRNO = {
    errno.ENOSPC: Trouble.FULL,
    errno.EDQUOT: Trouble.FULL,
    errno.EROFS: Trouble.READ_ONLY,
    errno.EACCES: Trouble.NO_ACCESS,
    errno.EPERM: Trouble.NO_ACCESS,
    errno.ENOTDIR: Trouble.NO_ACCESS,
    errno.EISDIR: Trouble.FOLDER,
    errno.EBUSY: Trouble.BUSY,
    errno.ETXTBSY: Trouble.BUSY,
}
_WINDOWS_IN_USE = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


def trouble_of(exc: BaseException) -> Trouble:
    """The trouble behind an exception from sqlite3 or the file system."""
    named = getattr(exc, "trouble", None)
    if isinstance(named, Trouble):
        return named
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _SQLITE:
            return _SQLITE[code & 0xFF]
        words = str(exc).lower()
        return next((t for w, t in _SQLITE_WORDS if w in words), Trouble.OTHER)
    if isinstance(exc, OSError):
        if getattr(exc, "winerror", None) in _WINDOWS_IN_USE:
            return Trouble.BUSY
        return _ERRNO.get(exc.errno or 0, Trouble.OTHER)
    return Trouble.OTHER


WORDS: dict[Trouble, str] = {
    Trouble.BUSY: "in gebruik door een ander programma; probeer het zo nog eens / "
                  "in use by another program; try again in a moment",
    Trouble.FULL: "de schijf is vol / the disk is full",
    Trouble.READ_ONLY: "alleen-lezen (het bestand of de map) / read-only (the file or its folder)",
    Trouble.NO_ACCESS: "geen toegang: het bestand kan niet geopend worden / "
                       "no permission: the file cannot be opened",
    Trouble.FOLDER: "dit is een map, geen bestand / this is a folder, not a file",
    Trouble.NEWER: "gemaakt door een nieuwere versie van het spel / "
                   "made by a newer version of the game",
    Trouble.CORRUPT: "beschadigd of geen logboek van dit spel / damaged, or not this game's log",
    Trouble.OTHER: "kan nu niet gebruikt worden / cannot be used right now",
}
"""One line for the command line and the terminal: Dutch first, English alongside."""


def describe(trouble: Trouble) -> str:
    return WORDS[trouble]
