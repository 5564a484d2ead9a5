"""The dashboard's speed on a whole class: p50/p95 of its pages over real HTTP.

1. A class of 30 simulated pupils x 40 sessions (`main.py simulate`, about
   110k events, ~9 minutes the first time; the file is kept in bench/out/).
2. Each page (pupils, pupil, conversation sheet, class) is requested 100 times
   from the real server with a signed-in session: p50 and p95 in ms.
3. The log is then padded to about 360k events (each session copied as an
   earlier week, so pupils have 3x the sessions) and measured again.
4. Reference: Datasette serving the very SQL statements each page ran (caught
   with sqlite-utils' tracer), on the same file; the ratio says how much our
   Python and templates add on top of the queries.
5. A whole school: the class copied as ten classes (1A-1J, 300 pupils), padded to
   about 1.2 million events (kept in bench/out/ too), with the pupils list filtered
   per class, the class page and its live JSON as well.
All served by the production server (waitress, serve.Server), as `main.py dashboard`.
Target: p95 <= 100 ms per page.  Run: python bench/dashboard.py  (or `make bench`);
`--only school` skips steps 1-4.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid
from collections.abc import Callable
from pathlib import Path

from _headless import percentile  # also makes the project importable

from game.content.bundle import load_content
from game.journal.store import open_log
from game.paths import DEFAULT_LEVEL
from game.sim.simulate import simulate

OUT = Path(__file__).parent / "out"
CLASS = "1B"
REQUESTS = 100
PASSWORD = "bench-wachtwoord"
SCHOOL = tuple(f"1{letter}" for letter in "ABCDEFGHIJ")
"""The school's ten classes; the simulated class is 1B, the others are copies of it."""


def build_class(path: Path, pupils: int, sessions: int) -> None:
    if path.exists():
        print(f"using the class in {path} (delete it to simulate anew)")
        return
    print(f"simulating {pupils} pupils x {sessions} sessions into {path} (minutes)...",
          flush=True)
    start = time.perf_counter()
    result = simulate(load_content(DEFAULT_LEVEL), path, pupils, sessions, class_code=CLASS)
    print(f"  {result.events} events, {result.choices} choices in "
          f"{time.perf_counter() - start:.0f} s")


def pad_to(path: Path, events_wanted: int) -> None:
    """Copy every session as an earlier week until the log holds `events_wanted` events."""
    db = open_log(path, set_aside_bad=False).db
    try:
        originals = list(db.query(
            "select s.*, (select count(*) from events e where e.session_id = s.id) as n "
            "from sessions s order by s.started_at"))
        total = db.execute("select count(*) from events").fetchone()[0]
        week = 0
        while total < events_wanted:
            week += 1
            with db.atomic():
                for session in originals:
                    if total >= events_wanted:
                        break
                    n = session.pop("n")
                    copy = dict(session, id=str(uuid.uuid4()),
                                started_at=_weeks_back(session["started_at"], week),
                                ended_at=_weeks_back(session["ended_at"], week))
                    session["n"] = n
                    db.table("sessions").insert(copy)
                    db.execute(
                        "insert into events select lower(hex(randomblob(16))), ?, seq, kind, "
                        "wall_time, game_day, game_time, location, payload "
                        "from events where session_id = ?", [copy["id"], session["id"]])
                    total += n
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def _weeks_back(iso: str | None, weeks: int) -> str | None:
    from datetime import datetime, timedelta

    if not iso:
        return iso
    return (datetime.fromisoformat(iso) - timedelta(weeks=weeks)).isoformat(
        timespec="milliseconds")


class Browser:
    """Just enough of a browser: one keep-alive connection and the session cookie."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port)
        self.cookie = ""

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        headers = {"Cookie": self.cookie}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        text = response.read().decode("utf-8")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                self.cookie = value.split(";", 1)[0]
        return response.status, text

    def sign_in(self) -> None:
        _, page = self.request("GET", "/login")
        found = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert found is not None, "no sign-in form"
        token = found.group(1)
        body = urllib.parse.urlencode({"password": PASSWORD, "csrf_token": token})
        status, _ = self.request("POST", "/login", body)
        assert status == 302, "sign-in failed"


def serve(db: Path) -> tuple[int, Callable[[], None], list[tuple[str, list]]]:
    """The real dashboard on the production server on a free port; `traced` collects the
    SQL of each request."""
    from werkzeug.security import generate_password_hash

    import teacher_dashboard.app as dashboard_app
    import teacher_dashboard.db as dashboard_db
    from teacher_dashboard.passwords import Secrets
    from teacher_dashboard.serve import Server

    traced: list[tuple[str, list]] = []
    plain_open = dashboard_db.open_for_reading

    def open_traced(path: Path, **kwargs):
        database = plain_open(path, **kwargs)
        database._tracer = lambda sql, params: traced.append((sql, list(params or [])))
        return database

    dashboard_db.open_for_reading = open_traced
    app = dashboard_app.create_app(db, Secrets(generate_password_hash(PASSWORD), "b" * 64))
    server = Server(app).start()
    return server.port, server.stop, traced


def pupils_and_sessions(db: Path, pupil_order: str) -> tuple[list[str], list[str]]:
    """Pupil ids (in `pupil_order`) and the 30 newest session ids: what the pages are about."""
    database = open_log(db, set_aside_bad=False).db
    try:
        pupils = [r["id"] for r in database.query(f"select id from pupils {pupil_order}")]
        sessions = [r["id"] for r in database.query(
            "select id from sessions order by started_at desc limit 30")]
    finally:
        database.close()
    return pupils, sessions


def school_pages(db: Path) -> dict[str, list[str]]:
    """The pages of a whole school: every list, and a class's pupils, profile, live view."""
    pupils, sessions = pupils_and_sessions(db, "order by random() limit 100")
    quote = urllib.parse.quote
    return {
        "pupils (all 300)": ["/"],
        "pupils of a class": [f"/?class={code}" for code in SCHOOL],
        "pupil": [f"/pupil/{quote(p)}" for p in pupils],
        "sheet": [f"/session/{s}/sheet" for s in sessions],
        "classes": ["/classes"],
        "class": [f"/class/{code}" for code in SCHOOL],
        "class live json": [f"/class/{code}/live.json" for code in SCHOOL],
    }


def build_school(class_file: Path, path: Path, events_wanted: int) -> None:
    """The simulated class as ten classes (pupils, sessions and events copied under
    new ids and codes), then padded with earlier weeks; kept in bench/out/."""
    if path.exists():
        print(f"using the school in {path} (delete it to build anew)")
        return
    start = time.perf_counter()
    building = path.with_name(path.name + ".building")
    for side in ("", "-wal", "-shm"):
        Path(f"{building}{side}").unlink(missing_ok=True)
    shutil.copy(class_file, building)
    db = open_log(building, set_aside_bad=False).db
    try:
        columns = "pupil_id, level, seed, app_version, language, settings, started_at, ended_at"
        originals = [r[0] for r in db.execute(
            "select id from sessions where class_code = ?", [CLASS])]
        for code in SCHOOL:
            if code == CLASS:
                continue
            with db.atomic():
                db.execute("insert into pupils (id, display_name, created_at) "
                           "select ? || substr(id, length(?) + 1), null, created_at "
                           "from pupils where id like ? || '-%'", [code, CLASS, CLASS])
                db.execute("create temp table copies as select id as old, "
                           "lower(hex(randomblob(16))) as new from sessions "
                           "where class_code = ?", [CLASS])
                db.execute(f"insert into sessions (id, {columns}, class_code) "
                           f"select c.new, ? || substr(s.pupil_id, length(?) + 1), "
                           f"{', '.join('s.' + c for c in columns.split(', ')[1:])}, ? "
                           f"from sessions s join copies c on c.old = s.id",
                           [code, CLASS, code])
                db.execute("insert into events select lower(hex(randomblob(16))), c.new, "
                           "e.seq, e.kind, e.wall_time, e.game_day, e.game_time, e.location, "
                           "e.payload from events e join copies c on c.old = e.session_id")
                db.execute("drop table copies")
            print(f"  class {code}: copied {len(originals)} sessions", flush=True)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    pad_to(building, events_wanted)
    for side in ("-wal", "-shm"):
        Path(f"{building}{side}").unlink(missing_ok=True)
    building.rename(path)
    print(f"  built in {time.perf_counter() - start:.0f} s")


def pages(db: Path) -> dict[str, list[str]]:
    pupils, sessions = pupils_and_sessions(db, "order by id")
    quote = urllib.parse.quote
    return {
        "pupils": ["/"],
        "pupil": [f"/pupil/{quote(p)}" for p in pupils],
        "sheet": [f"/session/{s}/sheet" for s in sessions],
        "class": [f"/class/{CLASS}"],
    }


def measure(db: Path, label: str,
            which: Callable[[Path], dict[str, list[str]]] | None = None,
            ) -> dict[str, dict[str, object]]:
    port, stop, traced = serve(db)
    browser = Browser(port)
    browser.sign_in()
    start = time.perf_counter()
    browser.request("GET", "/")
    first = (time.perf_counter() - start) * 1000
    print(f"\n{label}: first page after start (includes the one whole-file check): "
          f"{first:.0f} ms")
    results: dict[str, dict[str, object]] = {}
    for name, urls in (which or pages)(db).items():
        for url in urls[:3]:
            browser.request("GET", url)  # warm up
        times = []
        traced.clear()
        statements: list[tuple[str, list]] = []
        for i in range(REQUESTS):
            url = urls[i % len(urls)]
            before = len(traced)
            start = time.perf_counter()
            status, _ = browser.request("GET", url)
            times.append((time.perf_counter() - start) * 1000)
            assert status == 200, f"{url}: HTTP {status}"
            if i == 0:
                statements = traced[before:]
        results[name] = {"p50": percentile(times, 0.5), "p95": percentile(times, 0.95),
                         "sql": statements}
        print(f"  {name:17s} p50 {results[name]['p50']:6.1f} ms   "
              f"p95 {results[name]['p95']:6.1f} ms   ({len(statements)} queries)")
    stop()
    return results


def datasette_reference(db: Path, results: dict[str, dict[str, object]]) -> None:
    try:
        import datasette  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        print("\n(datasette not installed: pip install -r bench/requirements.txt "
              "for the reference)")
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db), "--port", str(port),
         "--setting", "sql_time_limit_ms", "20000", "--setting", "max_returned_rows", "100000"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        conn = _wait_for(port)
        name = db.stem
        print("\nDatasette serving the same SQL (each page's statements in a row):")
        for page, result in results.items():
            times = []
            for _ in range(REQUESTS // 2):
                start = time.perf_counter()
                for sql, params in result["sql"]:  # type: ignore[attr-defined]
                    _datasette_query(conn, name, sql, params)
                times.append((time.perf_counter() - start) * 1000)
            p50 = percentile(times, 0.5)
            ratio = result["p50"] / p50 if p50 else float("nan")  # type: ignore[operator]
            print(f"  {page:7s} p50 {p50:6.1f} ms   p95 {percentile(times, 0.95):6.1f} ms   "
                  f"dashboard/datasette {ratio:.2f}x")
    finally:
        process.terminate()
        process.wait(10)


def _wait_for(port: int) -> http.client.HTTPConnection:
    for _ in range(100):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port)
            conn.request("GET", "/-/versions.json")
            conn.getresponse().read()
            return conn
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("datasette did not start")


def _datasette_query(conn: http.client.HTTPConnection, name: str, sql: str,
                     params: list) -> None:
    named = {}
    counter = iter(range(len(params)))

    def rename(_match: re.Match) -> str:
        index = next(counter)
        named[f"p{index}"] = params[index]
        return f":p{index}"

    query = {"sql": re.sub(r"\?", rename, sql), "_shape": "array", **named}
    conn.request("GET", f"/{name}.json?" + urllib.parse.urlencode(query))
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"datasette {response.status}: {json.loads(body)}")


def _size(path: Path) -> tuple[int, int]:
    database = open_log(path, set_aside_bad=False).db
    try:
        return (database.execute("select count(*) from events").fetchone()[0],
                database.execute("select count(*) from sessions").fetchone()[0])
    finally:
        database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pupils", type=int, default=30)
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--events", type=int, default=360_000, help="pad the log to this")
    parser.add_argument("--class-file", type=Path, default=OUT / "class-30x40.sqlite",
                        help="the simulated class (kept between runs)")
    parser.add_argument("--school-events", type=int, default=1_200_000,
                        help="pad the whole school to this")
    parser.add_argument("--only", choices=("class", "school"), help="run only this part")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    build_class(args.class_file, args.pupils, args.sessions)
    if args.only != "school":
        measure_class(args)
    if args.only != "class":
        measure_school(args)


def measure_school(args: argparse.Namespace) -> None:
    school = OUT / f"school-{len(SCHOOL)}x{args.pupils}.sqlite"
    print(f"\na whole school: {len(SCHOOL)} classes of {args.pupils} pupils, padded to "
          f"{args.school_events} events", flush=True)
    build_school(args.class_file, school, args.school_events)
    events, sessions = _size(school)
    results = measure(school, f"school: {events} events ({sessions} sessions)", school_pages)
    worst = max(r["p95"] for r in results.values())  # type: ignore[type-var]
    print(f"\nworst p95 for a whole school at {events} events: {worst:.1f} ms "
          f"(target <= 100 ms)")


def measure_class(args: argparse.Namespace) -> None:
    work = OUT / "dashboard-bench.sqlite"
    for side in ("", "-wal", "-shm"):
        Path(f"{work}{side}").unlink(missing_ok=True)
    shutil.copy(args.class_file, work)
    open_log(work, set_aside_bad=False).db.close()  # bring an older file up to the schema
    events, _ = _size(work)
    simulated = measure(work, f"{args.pupils} pupils x {args.sessions} sessions, {events} events")
    datasette_reference(work, simulated)
    pad_to(work, args.events)
    padded, sessions = _size(work)
    results = measure(work, f"padded to {padded} events ({sessions} sessions)")
    datasette_reference(work, results)
    worst = max(r["p95"] for r in results.values())  # type: ignore[type-var]
    print(f"\nworst p95 at {padded} events: {worst:.1f} ms (target <= 100 ms)")


if __name__ == "__main__":
    main()
