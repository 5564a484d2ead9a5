"""The command line: play, validate, new-school, export, import, simulate, dashboard.

One parser for every way to start: `alien-op-school` (installed, or the app),
`python -m game` and `python main.py` (a source checkout) all call `main()`, and the
help texts name the command that was typed (game/program.py).

    alien-op-school                 play (same as `alien-op-school play`)
    alien-op-school validate [PATH ...]   check levels, dialogues, maps and school plans
    alien-op-school new-school PLAN --out DIR [--timetable CSV]   a school's own level
    alien-op-school export --pupil CODE --out FILE [--format sqlite|jsonl|csv|xapi] [--db PATH]
    alien-op-school import FILE [--db PATH]
    alien-op-school simulate --pupils N --sessions M --db PATH [--class CODE [--server URL]]
    alien-op-school dashboard [--db PATH] [--host 127.0.0.1] [--port 8765] [--no-browser]
    alien-op-school --version
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _play(args: argparse.Namespace) -> int:
    from game import paths
    from game.app import App
    from game.options import Options
    from game.saves import default_data_dir

    if args.dialogue:
        return _preview(args)
    if args.server and not args.class_code:
        print("play: --server needs --class CODE (the code your teacher shows)", file=sys.stderr)
        return 2
    level = args.level or (paths.CLASS_LEVEL if args.class_code else paths.DEFAULT_LEVEL)
    options = Options(
        level=Path(level),
        data_dir=Path(args.data_dir) if args.data_dir else default_data_dir(),
        language=args.language,
        seed=args.seed,
        db=Path(args.db) if args.db else None,
        class_code=args.class_code.strip().upper() if args.class_code else None,
        server=args.server,
        mission=Path(args.mission) if args.mission else None,
    )
    app = App(options)
    app.run(max_frames=args.frames)
    if app.running:  # stopped after --frames: close as quitting would
        app.quit_now()
    return 0


def _preview(args: argparse.Namespace) -> int:
    """A writer's preview: one conversation at once, R reloads the file after an edit."""
    from game import paths
    from game.app import App
    from game.content.bundle import load_content
    from game.content.errors import ContentError
    from game.options import Options, Situation

    level = Path(args.level) if args.level else paths.DEFAULT_LEVEL
    try:
        content = load_content(level)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.dialogue not in content.dialogues:
        print(f"play: no character in {paths.shown(level)} uses dialogue '{args.dialogue}' "
              f"(dialogues: {', '.join(sorted(content.dialogues))})", file=sys.stderr)
        return 2
    try:
        situation = Situation(
            day=args.day, flags=list(args.flag),
            moods=dict(item.split("=", 1) for item in args.mood),
            relations={who: int(n) for who, n in (item.split("=", 1) for item in args.relation)})
    except ValueError:
        print("play: write --mood who=emotion and --relation who=number", file=sys.stderr)
        return 2
    options = Options(level=level, language=args.language, preview=args.dialogue,
                      situation=situation, db=Path(args.db) if args.db else None)
    App(options).run()
    return 0


def _validate(args: argparse.Namespace) -> int:
    from game.content.validate import print_map, print_stats, run

    if args.stats:
        return print_stats(args.paths)
    if args.map:
        return print_map(args.paths)
    return run(args.paths)


def _new_school(args: argparse.Namespace) -> int:
    """A school's own building (and timetable) from its plan: docs/own-school.md."""
    from game import paths
    from game.content.errors import ContentError
    from game.program import program_name
    from game.school_plan.new_school import LevelExists, new_school

    try:
        made = new_school(Path(args.plan), Path(args.out),
                          Path(args.timetable) if args.timetable else None, force=args.force)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    except LevelExists as exc:
        print(f"new-school: {exc} exists already (your edits?): add --force to write it anew",
              file=sys.stderr)
        return 2
    floors = f"{made.floors} floor" + ("s" if made.floors != 1 else "")
    print(f"{paths.shown(made.level)}: {floors}, {made.rooms} rooms and corridors, "
          f"{made.people} people, {made.lessons} lessons; map {made.width}x{made.height} tiles "
          f"({made.seconds:.2f} s)\nPlay it: {program_name()} play --level {made.level}")
    return 0


def _default_db() -> Path:
    from game.journal.journal import LOG_NAME
    from game.saves import default_data_dir

    return default_data_dir() / LOG_NAME


def _export(args: argparse.Namespace) -> int:
    from game.journal.exports import export_pupil

    db = Path(args.db) if args.db else _default_db()
    from teacher_dashboard.names import ContentNames

    rows = export_pupil(db, args.pupil, Path(args.out), args.format, xapi_home=args.xapi_home,
                        xapi_base=args.xapi_base, names=ContentNames)
    print(f"{args.out}: {len(rows.sessions)} sessies, {len(rows.events)} gebeurtenissen "
          f"van {args.pupil} ({args.format})")
    return 0


def _import(args: argparse.Namespace) -> int:
    from game.journal.transfer import import_file

    db = Path(args.db) if args.db else _default_db()
    result = import_file(Path(args.file), db)
    if result.notice:
        print(result.notice, file=sys.stderr)
    print(f"{db}: {result.events} nieuwe gebeurtenissen, {result.sessions} nieuwe sessies, "
          f"{result.pupils} nieuwe leerlingen; {result.skipped_events} waren er al.")
    return 0


def _simulate(args: argparse.Namespace) -> int:
    import time

    from game.content.bundle import load_content
    from game.content.errors import ContentError
    from game.sim.simulate import simulate, simulate_to_server

    if args.server and not args.class_code:
        print("simulate: --server needs --class CODE (a code open on that dashboard)",
              file=sys.stderr)
        return 2
    try:
        content = load_content(Path(args.level))
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    db = Path(args.db) if args.db else _default_db()
    start = time.perf_counter()
    if args.server:
        try:
            result, progress = simulate_to_server(
                content, db, args.pupils, args.sessions, class_code=args.class_code.upper(),
                server=args.server, seed=args.seed)
        except RuntimeError as exc:
            print(f"simulate: {exc}", file=sys.stderr)
            return 1
    else:
        result = simulate(content, db, args.pupils, args.sessions, class_code=args.class_code,
                          seed=args.seed)
    print(f"{db}: {result.pupils} gesimuleerde leerlingen, {result.sessions} sessies, "
          f"{result.events} gebeurtenissen ({result.choices} keuzes) "
          f"in {time.perf_counter() - start:.1f} s")
    if args.server:
        print(f"{args.server}: {progress.sent} verstuurd, {progress.pending} wachten nog"
              + (f"; {progress.problem}" if progress.problem else ""))
        return 0 if progress.pending == 0 and not progress.problem else 1
    return 0


def _dashboard(args: argparse.Namespace) -> int:
    db = Path(args.db) if args.db else _default_db()
    if db.exists() or db.is_dir():  # a log that cannot even be read: say so before starting
        from game.journal.store import open_for_reading

        readable = open_for_reading(db, verify=False)
        try:
            readable.execute("select count(*) from sqlite_master").fetchone()
        finally:
            readable.close()
    from teacher_dashboard.serve import run

    return run(db, args.host, args.port, open_browser=not args.no_browser,
               reset_password=args.new_password)


def build_parser() -> argparse.ArgumentParser:
    from game import paths
    from game.journal.exports import EXPORTS
    from game.journal.xapi import DEFAULT_BASE
    from game.logs import LEVELS
    from game.program import program_name
    from game.version import VERSION

    parser = argparse.ArgumentParser(prog=program_name(), description="Alien op school")
    parser.add_argument("--version", action="version", version=f"%(prog)s {VERSION}")
    parser.add_argument("--log-level", choices=LEVELS, default="info",
                        help="how much goes into the log file (default: info)")
    common = argparse.ArgumentParser(add_help=False)  # also accepted after the command
    common.add_argument("--log-level", choices=LEVELS, default=argparse.SUPPRESS,
                        help="how much goes into the log file (default: info)")
    sub = parser.add_subparsers(dest="command")
    play = sub.add_parser("play", help="start the game (the default)",
                          parents=[common])
    play.add_argument("--level", help="level file to play (default: the first week; with "
                                      "--class: the class scenes)")
    play.add_argument("--data-dir", help="where saves and settings live (default: per user)")
    play.add_argument("--language", choices=("nl", "en"), help="language for this run")
    play.add_argument("--seed", type=int, help="seed for a reproducible game")
    play.add_argument("--db", help="the choice log (default: journal.sqlite in the data folder)")
    play.add_argument("--class", dest="class_code", help="class code for class mode")
    play.add_argument("--mission", help="a mission file the mentor made on the dashboard "
                                        "(else the newest alien-missie*.json in the data "
                                        "folder or Downloads is used)")
    play.add_argument("--server", help="the teacher's dashboard to send to, e.g. "
                                       "http://192.168.1.20:8765 (class mode)")
    play.add_argument("--frames", type=int, help="draw this many frames, then close "
                                                 "(checks an install: make dist-check)")
    writer = play.add_argument_group("writers: try one conversation (nothing is logged)")
    writer.add_argument("--dialogue", help="open this dialogue at once; R reloads the file")
    writer.add_argument("--day", type=int, default=1, help="the school day (from 1)")
    writer.add_argument("--flag", action="append", default=[], help="a flag that is set")
    writer.add_argument("--mood", action="append", default=[], help="who=emotion, e.g. "
                                                                     "daan=angry")
    writer.add_argument("--relation", action="append", default=[],
                        help="who=number (-5..5), e.g. noor=2")
    play.set_defaults(func=_play)
    validate = sub.add_parser("validate", help="check levels, dialogues and maps",
                              parents=[common])
    validate.add_argument("paths", nargs="*", help="files or folders (default: all content)")
    validate.add_argument("--stats", action="store_true",
                          help="count what each level holds: days, choices, words, tags, "
                               "minutes of play")
    validate.add_argument("--map", action="store_true",
                          help="list a map's rooms, stairs and named points")
    validate.set_defaults(func=_validate)
    school = sub.add_parser("new-school", help="make a level from a school's own plan "
                                               "(docs/own-school.md)", parents=[common])
    school.add_argument("plan", help="the school plan (YAML)")
    school.add_argument("--out", required=True, help="the folder to write the level into")
    school.add_argument("--timetable", help="the school's timetable as CSV: day, start, end, "
                                            "subject, room, teacher")
    school.add_argument("--force", action="store_true", help="write the level file anew")
    school.set_defaults(func=_new_school)
    export = sub.add_parser("export", help="write one pupil's log to a file for the mentor",
                            parents=[common])
    export.add_argument("--pupil", required=True, help="the pupil's pseudonym or code")
    export.add_argument("--out", required=True, help="the file to write (must not exist)")
    export.add_argument("--format", choices=tuple(EXPORTS), default="sqlite",
                        help="; ".join(f"{f.name}: {f.what}" for f in EXPORTS.values()))
    export.add_argument("--db", help="the log to read (default: this machine's log)")
    export.add_argument("--xapi-home",
                        help="xAPI: your school's learning platform, the pupil's account's "
                             "home page (default: the one set in the dashboard)")
    export.add_argument("--xapi-base",
                        help=f"xAPI: the base of the activity ids (default: the one set in "
                             f"the dashboard, else {DEFAULT_BASE})")
    export.set_defaults(func=_export)
    imp = sub.add_parser("import", help="merge an exported file into a log (safe to repeat)",
                         parents=[common])
    imp.add_argument("file", help="a file made by `export` (sqlite or jsonl)")
    imp.add_argument("--db", help="the log to merge into (default: this machine's log)")
    imp.set_defaults(func=_import)
    sim = sub.add_parser("simulate", help="let simulated pupils play real days into a log",
                         parents=[common])
    sim.add_argument("--pupils", type=int, default=5)
    sim.add_argument("--sessions", type=int, default=2, help="sittings per pupil (one day each)")
    sim.add_argument("--db", help="the log to write (default: this machine's log)")
    sim.add_argument("--class", dest="class_code", help="class code for the sessions")
    sim.add_argument("--server", help="send the bots' events to this dashboard while they "
                                      "play, as pupils' games do (needs --class)")
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--level", default=str(paths.DEFAULT_LEVEL))
    sim.set_defaults(func=_simulate)
    dash = sub.add_parser("dashboard", help="the mentor's overview of the log, in a browser",
                          parents=[common])
    dash.add_argument("--db", help="the log to show (default: this machine's log)")
    dash.add_argument("--host", default="127.0.0.1",
                      help="address to listen on (default: only this computer)")
    dash.add_argument("--port", type=int, default=8765)
    dash.add_argument("--no-browser", action="store_true", help="do not open a browser")
    dash.add_argument("--new-password", action="store_true",
                      help="choose a new password (signs everyone out)")
    dash.set_defaults(func=_dashboard)
    return parser


def file_problem(exc: BaseException) -> str | None:
    """One line for a file that cannot be used (never a traceback); None: a real bug."""
    import sqlite3

    from game.journal.faults import describe, trouble_of
    from game.journal.store import JournalError

    if isinstance(exc, JournalError):
        return str(exc)
    if isinstance(exc, OSError | sqlite3.Error):
        where = getattr(exc, "filename", None)
        return f"{where + ': ' if where else ''}{describe(trouble_of(exc))}"
    return None


LOG_PARTS = {"play": "game", "dashboard": "dashboard"}
"""Which log file a command writes; every other command writes tools.log."""


def main(argv: list[str] | None = None) -> int:
    from game import logs

    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv or ["play"])
    if args.command is None:
        args = parser.parse_args(["play", *argv])
    logs.setup(LOG_PARTS.get(args.command, "tools"), args.log_level)
    logs.log.info("command: %s", args.command)  # never its arguments: they name pupils
    try:
        return int(args.func(args))
    except Exception as exc:
        problem = file_problem(exc)
        if problem is None:
            raise  # a real bug: sys.excepthook (game/logs.py) writes it to the log file
        logs.log.warning("%s: %s", args.command, problem)
        print(f"{args.command}: {problem}", file=sys.stderr)
        return 1
