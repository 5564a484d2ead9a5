"""Starting the dashboard from the command line: the password, the address, the browser.

Listens on 127.0.0.1 unless told otherwise, because the log holds children's
choices; another address gets a clear warning. Without a stored password the
teacher chooses one in the terminal (or sets DASHBOARD_PASSWORD).
"""

from __future__ import annotations

import getpass
import sys
import threading
import webbrowser
from pathlib import Path
from typing import TextIO

from werkzeug.serving import make_server

from game.journal.store import JournalError, open_log
from teacher_dashboard import db
from teacher_dashboard.app import create_app
from teacher_dashboard.passwords import (
    ENV_PASSWORD,
    PasswordError,
    Secrets,
    load_secrets,
    save_password,
    secrets_path,
)

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def choose_password(db_path: Path, out: TextIO = sys.stderr) -> Secrets:
    """Ask the teacher for a new password twice, in the terminal, and store its hash."""
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
                            f"`python main.py dashboard` in a terminal once, or set "
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
    app = create_app(db_path, secrets)
    server = make_server(host, port, app, threaded=True)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{server.server_port}/"
    print(f"Mentoroverzicht: {url}  (stoppen: Ctrl+C)", file=sys.stderr)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, [url]).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        db.close_writer(app)
    return 0
