"""The log file: what the game and the dashboard did and what went wrong, for the
mentor and the school's IT, long after the terminal (if there was one) is gone.

A rotating file per program part (game.log, dashboard.log, tools.log) in the user's
log folder (platformdirs; ALIEN_OP_SCHOOL_LOGS overrides it, as the tests do).
Tracebacks also go to stderr (the rest the commands print themselves). Nothing a pupil
typed or chose is written here: that is what the choice log is for.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

from game.version import VERSION

LEVELS = ("debug", "info", "warning", "error")
ENV_FOLDER = "ALIEN_OP_SCHOOL_LOGS"
APP_NAME = "alien-op-school"
MAX_BYTES = 1_000_000
"""A month of daily play is far below this; a runaway loop cannot fill the disk."""
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_file_handler: RotatingFileHandler | None = None
_stderr_handler: logging.Handler | None = None
log = logging.getLogger("game")


def log_folder() -> Path:
    """Where the log files are: ALIEN_OP_SCHOOL_LOGS, else the platform's user log folder."""
    override = os.environ.get(ENV_FOLDER)
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def file_for(part: str) -> Path:
    """The log file of one part of the program: "game", "dashboard" or "tools"."""
    return log_folder() / f"{part}.log"


def current_file() -> Path | None:
    """The file this run writes to; None when no file could be opened (stderr only)."""
    return Path(_file_handler.baseFilename) if _file_handler is not None else None


def setup(part: str, level: str = "info", folder: Path | None = None) -> Path | None:
    """Send this run's logging to `part`'s rotating file (and warnings to stderr); log
    uncaught errors from any thread. Safe to call again: the earlier handlers go."""
    global _file_handler, _stderr_handler
    shutdown()
    root = logging.getLogger()
    root.setLevel(getattr(logging, level.upper()))
    _stderr_handler = logging.StreamHandler()
    _stderr_handler.setLevel(logging.ERROR)
    _stderr_handler.addFilter(_traceback_or_critical)
    _stderr_handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(_stderr_handler)
    path = (folder or log_folder()) / f"{part}.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _file_handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                            encoding="utf-8", delay=False)
    except OSError as exc:  # a read-only home folder: the game still plays
        print(f"geen logbestand / no log file in {path.parent}: {exc}", file=sys.stderr)
        _file_handler = None
    else:
        _file_handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(_file_handler)
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread
    log.info("Alien op school %s, %s, Python %s, %s", VERSION, part, platform.python_version(),
             platform.platform(terse=True))
    return current_file()


def shutdown() -> None:
    """Close this module's handlers (the file is complete on disk afterwards)."""
    global _file_handler, _stderr_handler
    root = logging.getLogger()
    for handler in (_file_handler, _stderr_handler):
        if handler is not None:
            root.removeHandler(handler)
            handler.close()
    _file_handler = _stderr_handler = None
    root.setLevel(logging.WARNING)  # Python's own default again
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__


def _traceback_or_critical(record: logging.LogRecord) -> bool:
    """On the terminal only what nobody printed yet: an error's traceback. The messages
    the commands print themselves (a file that cannot be used) stay in the file."""
    return record.exc_info is not None or record.levelno >= logging.CRITICAL


def flush() -> None:
    """Make what was logged so far readable by someone else (before a crash screen)."""
    if _file_handler is not None:
        _file_handler.flush()


def _log_uncaught(kind: type[BaseException], error: BaseException,
                  trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.critical("uncaught error", exc_info=(kind, error, trace))


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    name = args.thread.name if args.thread is not None else "?"
    log.error("uncaught error in thread %s", name,
              exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
