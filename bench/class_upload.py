"""Class mode under load: 30 pupils' games send to the teacher's dashboard at once.

1. 30 pupils play the class scenes (`simulate`, the real world and log), each into
   their own log, like 30 laptops.
2. All 30 uploaders send at the same moment (the worst case: everyone finishes
   together) over real HTTP on loopback, while the teacher's browser keeps loading the
   live class view. Prints: time until every event arrived, events per second, p50/p95
   of one batch POST, p50/p95 of the live class page.
3. The same with the network down for the first 3 s: time from the network's
   return until everything arrived (the games wait up to 5 s between tries), and that
   nothing arrived twice.
Run: python bench/class_upload.py  (or `make bench`)
"""

from __future__ import annotations

import sqlite3
import tempfile
import threading
import time
from pathlib import Path

from _headless import percentile  # also makes the project importable
from dashboard import PASSWORD, Browser, _Quiet
from werkzeug.security import generate_password_hash
from werkzeug.serving import make_server

from game import paths
from game.content.bundle import load_content
from game.journal import admin
from game.journal.upload import Uploader
from game.sim.simulate import simulate
from teacher_dashboard.app import create_app
from teacher_dashboard.passwords import Secrets

PUPILS = 30
CLASS = "1B"


class TimedServer:
    """The dashboard on a fixed loopback port that can drop out; times each batch POST."""

    def __init__(self, db: Path) -> None:
        self.posts: list[float] = []
        app = create_app(db, Secrets(generate_password_hash(PASSWORD), "c" * 64))

        def timed(environ, start_response):
            begin = time.perf_counter()
            try:
                return app(environ, start_response)
            finally:
                if environ["REQUEST_METHOD"] == "POST":
                    self.posts.append((time.perf_counter() - begin) * 1000)

        self.wsgi = timed
        self.port = 0
        self.up()

    def up(self) -> None:
        self.server = make_server("127.0.0.1", self.port, self.wsgi, threaded=True,
                                  request_handler=_Quiet)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def down(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def count(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return con.execute("select count(*) from events").fetchone()[0]


def ids(path: Path) -> list[str]:
    with sqlite3.connect(path) as con:
        return [r[0] for r in con.execute("select id from events")]


def run(logs: list[Path], folder: Path, outage: float) -> None:
    teacher = folder / f"leraar-{int(outage)}.sqlite"
    admin.open_class(teacher, CLASS)
    server = TimedServer(teacher)
    browser = Browser(server.port)
    browser.sign_in()
    expected = sorted(i for log in logs for i in ids(log))
    for log in logs:  # every run starts with nothing sent
        with sqlite3.connect(log) as con:
            con.execute("delete from uploads")
    uploaders = [Uploader(log, f"http://127.0.0.1:{server.port}", CLASS) for log in logs]
    page_ms: list[float] = []
    done = threading.Event()

    def teacher_watches() -> None:
        while not done.is_set():
            begin = time.perf_counter()
            try:
                status, _ = browser.request("GET", f"/class/{CLASS}?live=1")
            except OSError:
                browser.conn.close()
                time.sleep(0.2)
                continue
            if status == 200:
                page_ms.append((time.perf_counter() - begin) * 1000)
            time.sleep(0.1)

    threads = [threading.Thread(target=u.flush, args=(120,)) for u in uploaders]
    if outage:
        server.down()  # the network is gone just as the class starts sending
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    if outage:
        time.sleep(outage)
        server.up()
        back = time.perf_counter()
    watcher = threading.Thread(target=teacher_watches)
    watcher.start()
    for thread in threads:
        thread.join()
    end = time.perf_counter()
    done.set()
    watcher.join()
    arrived = sorted(ids(teacher))
    server.down()
    failures = sum(u.progress.failures for u in uploaders)
    label = f"with a {outage:.0f} s outage" if outage else "no outage"
    print(f"\n{label}: {len(expected)} events from {len(logs)} pupils")
    print(f"  all arrived in {end - start:.2f} s ({len(expected) / (end - start):.0f} events/s)"
          + (f"; {end - back:.2f} s after the network came back" if outage else ""))
    print(f"  exactly once: {arrived == expected} ({len(arrived)} rows, {failures} failed "
          "tries survived)")
    print(f"  batch POST: n={len(server.posts)} p50 {percentile(server.posts, 0.5):.1f} ms, "
          f"p95 {percentile(server.posts, 0.95):.1f} ms")
    if page_ms:
        print(f"  live class page while sending: n={len(page_ms)} "
              f"p50 {percentile(page_ms, 0.5):.1f} ms, p95 {percentile(page_ms, 0.95):.1f} ms")


def main() -> None:
    content = load_content(paths.LEVELS / "samen-in-de-klas.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        begin = time.perf_counter()
        logs = []
        for i in range(PUPILS):
            log = folder / f"leerling-{i:02d}.sqlite"
            simulate(content, log, pupils=1, sessions=1, class_code=CLASS, seed=200 + i, first=i)
            logs.append(log)
        events = sum(count(log) for log in logs)
        print(f"{PUPILS} pupils played the class scenes in {time.perf_counter() - begin:.1f} s: "
              f"{events} events ({events / PUPILS:.0f} per pupil)")
        run(logs, folder, outage=0)
        run(logs, folder, outage=3)


if __name__ == "__main__":
    main()
