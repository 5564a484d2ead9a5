"""Starting the dashboard from the command line: the password, the address, the server,
the browser.

Listens on 127.0.0.1 unless told otherwise, because the log holds children's
choices; another address gets a clear warning. Without a stored password the
teacher chooses one in the terminal (or sets DASHBOARD_PASSWORD). The server is
waitress: pure Python (it runs as-is on a teacher's Windows PC), made for real use,
with THREADS workers: a class of 30 games sends about one short batch a second each,
and no request waits on a sleep (the limits answer 429 at once).
"""

from __future__ import annotations

import getpass
import logging
import sys
import threading
import webbrowser
from pathlib import Path
from typing import Any, TextIO, cast

from flask import Flask
from waitress.server import create_server

from game.journal import admin
from game.journal.store import JournalError, open_log
from game.program import program_name
from teacher_dashboard import db
from teacher_dashboard.app import MAX_IMPORT_BYTES, create_app
from teacher_dashboard.passwords import (
    ENV_PASSWORD,
    PasswordError,
    Secrets,
    load_secrets,
    save_password,
    secrets_path,
)

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "queue depth" is normal here
THREADS = 16
"""Workers: a class (30 games, a batch a second each, ~10 ms a batch) plus the teacher."""
CONNECTIONS = 500
"""Open connections at once: a whole school's games may be waiting for an answer."""


class Server:
    """The dashboard served by waitress, on a thread or in the foreground."""

    def __init__(self, app: Flask, host: str = "127.0.0.1", port: int = 0, *,
                 threads: int = THREADS, **options: Any) -> None:
        self.app = app
        self._server = cast(Any, create_server(  # one address: a TcpWSGIServer
            app, host=host, port=port, threads=threads, connection_limit=CONNECTIONS,
            channel_timeout=30, max_request_body_size=MAX_IMPORT_BYTES + 1024 * 1024,
            expose_tracebacks=False, ident="alien-op-school",
            asyncore_use_poll=True,  # poll() where there is one: no limit of 1024 sockets
            **options))
        self.port = int(self._server.effective_port)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def run(self) -> None:
        self._server.run()

    def start(self) -> Server:
        """Serve from a daemon thread (tests, benches)."""
        self._thread = threading.Thread(target=self.run, name="dashboard", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening, close every connection (the loop ends when none is left) and
        let the workers finish."""
        for channel in list(self._server._map.values()):
            channel.close()  # the listening socket, open connections, the trigger
        self._server.task_dispatcher.shutdown(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=5)
        if isinstance(self.app, Flask):  # not a wrapper round it (tests, benches)
            db.close_writer(self.app)


def choose_password(db_path: Path, out: TextIO | None = None) -> Secrets:
    """Ask the teacher for a new password twice, in the terminal, and store its hash."""
    out = out or sys.stderr  # looked up now: the terminal may have been replaced since
    print(f"Kies een wachtwoord voor het mentoroverzicht van {db_path}.\n"
          f"Choose a password for the mentor dashboard.", file=out)
    while True:
        first = getpass.getpass("Wachtwoord / password: ")
        again = getpass.getpass("Nog een keer / once more: ")
        if first != again:
            print("De twee wachtwoorden zijn niet gelijk. / They differ. Try again.", file=out)
            continue
        try:
            stored = save_password(db_path, first)
        except PasswordError as exc:
            print(exc, file=out)
            continue
        print(f"Bewaard (als hash) in {secrets_path(db_path)}", file=out)
        return stored


def secrets_for(db_path: Path, *, reset: bool = False) -> Secrets:
    stored = None if reset else load_secrets(db_path)
    if stored is not None:
        return stored
    if not sys.stdin.isatty():
        raise PasswordError(f"er is nog geen wachtwoord / no password yet: start "
                            f"`{program_name()} dashboard` in a terminal once, or set "
                            f"{ENV_PASSWORD}.")
    return choose_password(db_path)


def upgrade_log(db_path: Path) -> None:
    """Bring a log from an older game up to this schema, as the game itself would."""
    try:
        opened = open_log(db_path, set_aside_bad=False)
    except JournalError as exc:
        print(f"dashboard: {exc}", file=sys.stderr)  # the pages will say it too
        return
    if opened.notice:
        print(f"dashboard: {opened.notice}", file=sys.stderr)
    opened.db.close()
    if not admin.finish_deletions(db_path):
        print("dashboard: een verwijdering kon nog niet worden afgemaakt (het logboek wordt "
              "nog gelezen); dat gebeurt bij de volgende start. / A deletion could not be "
              "finished yet (the log is still being read).", file=sys.stderr)


def run(db_path: Path, host: str, port: int, *, open_browser: bool,
        reset_password: bool = False) -> int:
    try:
        secrets = secrets_for(db_path, reset=reset_password)
    except PasswordError as exc:
        print(f"dashboard: {exc}", file=sys.stderr)
        return 2
    if host not in LOCAL_HOSTS:
        print(f"LET OP / WARNING: het overzicht luistert op {host}: andere computers in het "
              f"netwerk kunnen de inlogpagina zien. Gebruik dit alleen op een vertrouwd "
              f"netwerk. / Other machines on the network can reach the sign-in page.",
              file=sys.stderr)
    if not db_path.exists():
        print(f"dashboard: {db_path} bestaat nog niet; het overzicht blijft leeg tot er "
              f"gespeeld of geïmporteerd is. / No log yet.", file=sys.stderr)
    else:
        upgrade_log(db_path)
    app = create_app(db_path, secrets, listen_host=host)
    server = Server(app, host, port)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{server.port}/"
    print(f"Mentoroverzicht: {url}  (stoppen: Ctrl+C)", file=sys.stderr)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, [url]).start()
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0
