"""Class mode under load, on the production server (waitress, serve.Server) with the
production limits: pupils' games send to the teacher's dashboard at once.

The dashboard runs in its own process (as on the teacher's PC), so the games' threads
in this one do not share its interpreter. Every game sends from its own loopback
address (127.0.<class>.<pupil>), as laptops on a school network have their own
addresses, so the per-address limits apply as they would in a classroom; every game
joins the class with its own secret first. Times are measured by the games: from
sending a batch to the answer.

1. 30 pupils play the class scenes (`simulate`, the real world and log), each into
   their own log, like 30 laptops; then all 30 uploaders send their whole lesson at the
   same moment while the teacher's live view keeps fetching. Prints: time until every
   event arrived, batch POST p50/p95, the answers by status, and the live view's p95.
2. The same with the network down for the first 3 s.
3. The same while six clients guess the teacher's password as fast as they can
   (each from its own address): how many guesses were checked, how many refused with
   429, and what that did to the uploads.
4. Ten classes (300 pupils, ten codes) sending at once to one server.
Run: python bench/class_upload.py  (or `make bench`)
"""

from __future__ import annotations

import functools
import http.client
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

from _headless import percentile  # also makes the project importable
from dashboard import PASSWORD, Browser

from game import paths
from game.content.bundle import Content, load_content
from game.journal import admin
from game.journal.upload import Uploader
from game.sim.simulate import simulate

PUPILS = 30
CLASSES = tuple(f"1{letter}" for letter in "ABCDEFGHIJ")
GUESSERS = 6

_source = threading.local()
_lock = threading.Lock()
POSTS: list[float] = []
"""How long each batch POST took, as the game saw it (ms)."""
ANSWERS: Counter[str] = Counter()
"""The games' requests by path end and HTTP status."""


class FromOwnAddress(urllib.request.HTTPHandler):
    """urllib's HTTP, sent from this thread's loopback address (`_source.address`); times
    each request and counts the answers."""

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        address = getattr(_source, "address", "127.0.0.1")
        connection = functools.partial(http.client.HTTPConnection, source_address=(address, 0))
        what = req.full_url.rsplit("/", 1)[-1]
        begin = time.perf_counter()
        try:
            answer = self.do_open(connection, req)
        except OSError:
            with _lock:
                ANSWERS[f"{what} no answer"] += 1
            raise
        with _lock:
            ANSWERS[f"{what} {answer.status}"] += 1
            if what == "events":
                POSTS.append((time.perf_counter() - begin) * 1000)
        return answer


class ServerProcess:
    """`main.py dashboard`'s server (waitress, production limits) in its own process on a
    fixed loopback port, which can drop out and come back."""

    def __init__(self, db: Path) -> None:
        self.db = db
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process: subprocess.Popen[bytes] | None = None
        self.up()

    def up(self) -> None:
        code = ("import sys; sys.path.insert(0, '.')\n"
                "from pathlib import Path\n"
                "from werkzeug.security import generate_password_hash\n"
                "from teacher_dashboard.app import create_app\n"
                "from teacher_dashboard.passwords import Secrets\n"
                "from teacher_dashboard.serve import Server\n"
                f"app = create_app(Path({str(self.db)!r}), Secrets(generate_password_hash("
                f"{PASSWORD!r}), 'c' * 64), listen_host='0.0.0.0')\n"
                f"Server(app, '127.0.0.1', {self.port}).run()\n")
        self.process = subprocess.Popen([sys.executable, "-c", code],
                                        cwd=Path(__file__).resolve().parents[1])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the dashboard did not start")

    def down(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


def count(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return int(con.execute("select count(*) from events").fetchone()[0])


def ids(path: Path) -> list[str]:
    with sqlite3.connect(path) as con:
        return [r[0] for r in con.execute("select id from events")]


def play(content: Content, folder: Path, code: str, first: int) -> list[Path]:
    logs = []
    for i in range(first, first + PUPILS):
        log = folder / f"leerling-{code}-{i:03d}.sqlite"
        simulate(content, log, pupils=1, sessions=1, class_code=code, seed=200 + i, first=i)
        logs.append(log)
    return logs


def guess_passwords(port: int, number: int, stop: threading.Event,
                    seen: Counter[int]) -> None:
    """One password guesser from its own address, as fast as the server answers."""
    conn = http.client.HTTPConnection("127.0.0.1", port, source_address=(f"127.0.9.{number}", 0))
    conn.request("GET", "/login")                  # a real form: its cookie and CSRF token
    answer = conn.getresponse()
    page = answer.read().decode("utf-8")
    cookie = (answer.getheader("Set-Cookie") or "").split(";", 1)[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    body = urllib.parse.urlencode({"password": f"gok-{number}",
                                   "csrf_token": token.group(1) if token else ""})
    while not stop.is_set():
        try:
            conn.request("POST", "/login", body=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded",
                                  "Cookie": cookie})
            response = conn.getresponse()
            response.read()
            seen[response.status] += 1
        except OSError:
            conn.close()
            time.sleep(0.05)


def run(classes: dict[str, list[Path]], folder: Path, label: str, *, outage: float = 0,
        guessers: int = 0) -> None:
    teacher = folder / f"leraar-{label.replace(' ', '-')}.sqlite"
    for code in classes:
        admin.open_class(teacher, code)
    server = ServerProcess(teacher)
    POSTS.clear()
    ANSWERS.clear()
    browser = Browser(server.port)
    browser.sign_in()
    logs = [log for group in classes.values() for log in group]
    expected = sorted(i for log in logs for i in ids(log))
    for log in logs:  # every run starts with nothing sent and no secret drawn
        with sqlite3.connect(log) as con:
            con.execute("delete from uploads")
            con.execute("delete from class_secrets")
    url = f"http://127.0.0.1:{server.port}"
    uploaders = [(f"127.0.{c_index + 1}.{p_index + 1}", Uploader(log, url, code))
                 for c_index, (code, group) in enumerate(classes.items())
                 for p_index, log in enumerate(group)]
    page_ms: list[float] = []
    done = threading.Event()
    watched = next(iter(classes))

    def teacher_watches() -> None:
        while not done.is_set():
            begin = time.perf_counter()
            try:
                status, _ = browser.request("GET", f"/class/{watched}/live.json")
            except OSError:
                browser.conn.close()
                time.sleep(0.2)
                continue
            if status == 200:
                page_ms.append((time.perf_counter() - begin) * 1000)
            time.sleep(0.1)

    def send(address: str, uploader: Uploader) -> None:
        _source.address = address
        uploader.flush(180)

    guessed: Counter[int] = Counter()
    stop_guessing = threading.Event()
    guessing = [threading.Thread(target=guess_passwords,
                                 args=(server.port, n + 1, stop_guessing, guessed))
                for n in range(guessers)]
    for thread in guessing:
        thread.start()
    if guessers:
        time.sleep(3)  # the guessing is in full swing when the class starts sending
    threads = [threading.Thread(target=send, args=pair) for pair in uploaders]
    if outage:
        server.down()  # the network is gone just as the class starts sending
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    back = start
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
    stop_guessing.set()
    watcher.join()
    for thread in guessing:
        thread.join()
    right_password_refused = False
    if guessers:  # while the limit holds, even the right password waits
        trying = Browser(server.port)
        _, page = trying.request("GET", "/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        status, _ = trying.request("POST", "/login", urllib.parse.urlencode(
            {"password": PASSWORD, "csrf_token": token.group(1) if token else ""}))
        right_password_refused = status == 429
    arrived = sorted(ids(teacher))
    server.down()
    failures = sum(u.progress.failures for _, u in uploaders)
    problems = Counter(u.progress.problem for _, u in uploaders if u.progress.problem)
    print(f"\n{label}: {len(expected)} events from {len(logs)} pupils in {len(classes)} "
          f"class(es)")
    print(f"  all arrived in {end - start:.2f} s ({len(expected) / (end - start):.0f} events/s)"
          + (f"; {end - back:.2f} s after the network came back" if outage else ""))
    print(f"  exactly once: {arrived == expected} ({len(arrived)} rows, {failures} failed "
          f"tries survived, problems left: {dict(problems) or 'none'})")
    print(f"  batch POST: n={len(POSTS)} p50 {percentile(POSTS, 0.5):.1f} ms, "
          f"p95 {percentile(POSTS, 0.95):.1f} ms, max {max(POSTS):.0f} ms")
    print(f"  the games' requests: {dict(sorted(ANSWERS.items()))}")
    if page_ms:
        print(f"  live view (live.json) while sending: n={len(page_ms)} "
              f"p50 {percentile(page_ms, 0.5):.1f} ms, p95 {percentile(page_ms, 0.95):.1f} ms")
    if guessers:
        checked = guessed[401]
        print(f"  {guessers} password guessers: {sum(guessed.values())} tries, {checked} "
              f"passwords checked (401), {guessed[429]} refused at once (429); the right "
              f"password refused while the limit holds: {right_password_refused}")


def main() -> None:
    opener = urllib.request.build_opener(FromOwnAddress)
    urllib.request.install_opener(opener)
    content = load_content(paths.LEVELS / "samen-in-de-klas.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        begin = time.perf_counter()
        first = play(content, folder, CLASSES[0], 0)
        events = sum(count(log) for log in first)
        print(f"{PUPILS} pupils played the class scenes in {time.perf_counter() - begin:.1f} s: "
              f"{events} events ({events / PUPILS:.0f} per pupil)")
        one_class = {CLASSES[0]: first}
        run(one_class, folder, "one class, no outage")
        run(one_class, folder, "one class, a 3 s outage", outage=3)
        run(one_class, folder, f"one class while {GUESSERS} clients guess passwords",
            guessers=GUESSERS)
        begin = time.perf_counter()
        school = {CLASSES[0]: first}
        for n, code in enumerate(CLASSES[1:], start=1):
            school[code] = play(content, folder, code, n * PUPILS)
        print(f"\n{len(CLASSES) * PUPILS} pupils played in "
              f"{time.perf_counter() - begin:.1f} s")
        run(school, folder, f"{len(CLASSES)} classes at once")


if __name__ == "__main__":
    main()
