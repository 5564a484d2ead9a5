"""Nothing lost, ever, on the pupil's machine: the real game loop and the real command line
driven through every way a disk or a file can say no.

Each case checks what a pupil or a mentor would notice: every event the game recorded
is in the log exactly once (numbered 1..n without a hole), the game kept playing, the
pupil was told once and calmly (texts compared with the catalogue, never wording), and
the command line answered in one line with exit code 1 instead of a traceback. Faults a
test cannot make for real without root (a full disk, a read-only file or folder while
running as root) are injected where the game meets the disk (tests/faults.py).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pygame
import pytest
from faults import ROOT, FaultyDisk
from helpers import pause_menu, start_new_game

from game.events import parse
from game.events.sitting import LogDamaged
from game.journal.faults import Trouble, describe
from game.journal.journal import LOG_NAME, Journal
from game.journal.spill import reserve_folder, spill_files
from game.journal.store import open_log
from game.saves import file_key
from game.scenes.already_open import AlreadyOpenScene
from game.scenes.dialogue import DialogueScene
from game.scenes.quit_wait import QuitWaitScene
from game.scenes.school import SchoolScene
from game.scenes.title import TitleScene
from game.scripted import Press, Wait, run_script
from tests.conftest import TEST_LEVEL
from tests.test_registry import CheckingTeller

ROOT_DIR = Path(__file__).resolve().parents[1]
PEOPLE = ("kim", "wim", "lotte", "jonas", "taal")
HOLD_S = 10.0
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


# --- playing through the real loop ---
def _frame(app, world, turn: list[int]) -> None:
    """One frame of a pupil who talks to everyone and always takes the first answer."""
    top = app.top
    if isinstance(top, SchoolScene):
        people = [p for p in PEOPLE if p in world.npcs] or sorted(world.npcs)
        npc = world.npcs[people[turn[0] % len(people)]]
        turn[0] += 1
        conversation = world.talk(npc)
        if conversation is not None:
            app.open("dialogue", world=world, conversation=conversation)
    elif top is not None and not isinstance(top, QuitWaitScene):
        key = pygame.K_1 if isinstance(top, DialogueScene) and top.conversation.at_choice \
            else pygame.K_RETURN
        for kind in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))
    app.run(max_frames=app.frame + 1)


def play(app, choices: int = 0, *, seconds: float = 0.0, until=None) -> int:
    """Play on (real key presses in the real loop) until `choices` more choices were made,
    `seconds` of wall time passed and `until()` holds; returns the choices made."""
    world = app.session.world
    # This pupil answers at once, every time: the game would offer a calmer pace (see
    # test_support); these tests are about the log, so that help is off here.
    app.change_setting("help_when_stuck", False)
    made = [0]

    def count(event) -> None:
        made[0] += event.kind == "choice"

    world.listeners.append(count)
    turn = [0]
    deadline = time.monotonic() + seconds
    give_up = time.monotonic() + seconds + 60
    while app.running and app.session is not None and (
            made[0] < choices or time.monotonic() < deadline or (until and not until())):
        assert time.monotonic() < give_up, "the game stopped making progress"
        _frame(app, world, turn)
    world.listeners.remove(count)
    return made[0]


def frames_until(app, condition, seconds: float = 15.0) -> None:
    """Run frames until `condition()`; a real game sleeps between frames, and so does
    this (fast mode never would, starving the background threads of the GIL)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "it did not happen in time"
        app.run(max_frames=app.frame + 1)
        time.sleep(0.002)


def quit_from_pause(app) -> None:
    """Esc, then "Save and quit"."""
    run_script(app, pause_menu("pause_quit"))


def stored_seqs(db: Path, session_id: str) -> list[int]:
    with sqlite3.connect(db) as con:
        return [r[0] for r in con.execute(
            "select seq from events where session_id = ? order by seq", [session_id])]


def assert_nothing_lost(db: Path, log) -> None:
    """Every event the session recorded is in the log, once, in order."""
    assert stored_seqs(db, log.id) == list(range(1, log.seq + 1))
    with sqlite3.connect(db) as con:
        ended = con.execute("select ended_at from sessions where id = ?", [log.id]).fetchone()
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert ended is not None and ended[0], "the sitting's end is in the log too"


def said(app, key: str, **values) -> int:
    """How often the pupil was shown this catalogue text."""
    return app.toasts.history.count(app.texts(key, **values))


def paused_text(app, trouble: Trouble) -> str:
    return app.texts("saving_paused", why=app.texts(f"saving_why_{trouble}"))


def cli(*args: str, faulty: str | None = None, timeout: float = 90) -> subprocess.CompletedProcess:
    """`python main.py ...` (or, with a fault to inject, the same main() behind it)."""
    if faulty is None:
        command = [sys.executable, str(ROOT_DIR / "main.py"), *args]
        env = ENV
    else:
        command = [sys.executable, str(Path(__file__).with_name("faulty_cli.py")), *args]
        env = {**ENV, "FAULT": faulty}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout,
                          cwd=ROOT_DIR)


def assert_one_line_and_exit_1(result: subprocess.CompletedProcess, command: str) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{command}: "), result.stderr
    return lines[0]


@pytest.fixture
def data(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def log_path(data) -> Path:
    return data / LOG_NAME


@pytest.fixture(autouse=True)
def no_reserve_leftovers(log_path):
    """The reserve folder lives in the system's temp folder: clean this test's own."""
    yield
    shutil.rmtree(reserve_folder(log_path), ignore_errors=True)


# --- 1. another program holds the log ---
HOLDER = ("import sqlite3, sys, time\n"
          "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
          "c.execute('BEGIN IMMEDIATE')\n"
          "print('held', flush=True)\n"
          "time.sleep(float(sys.argv[2]))\n"
          "c.execute('COMMIT')\n")


def test_a_program_holding_the_log_for_10_s_costs_no_event_and_no_import(make_app, log_path,
                                                                           tmp_path, content):
    from game.sim.simulate import simulate

    other = tmp_path / "other.sqlite"  # a classmate's export, imported while the game plays
    simulate(content, other, pupils=1, sessions=1, seed=2)
    export = tmp_path / "uil.jsonl"
    assert cli("export", "--pupil", "Sim-Vos-01", "--out", str(export), "--format", "jsonl",
               "--db", str(other)).returncode == 0

    app = make_app()
    run_script(app, start_new_game("Agent Kiwi"))
    log = app.session.log
    assert play(app, 2) == 2
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(log_path), str(HOLD_S)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    importer = subprocess.Popen([sys.executable, str(ROOT_DIR / "main.py"), "import",
                                 str(export), "--db", str(log_path)], env=ENV,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    after_choices: list[tuple[Trouble | None, int]] = []  # heard after the log heard it
    app.session.listen(lambda event: event.kind == "choice" and after_choices.append(
        (log.trouble, log.unsaved)))
    made = play(app, until=lambda: holder.poll() is not None)
    assert made >= 3, "the game played on while the log was held"
    # each choice was safe on disk (in the spill file) before the game went on
    assert (Trouble.BUSY, 0) in after_choices
    assert all(unsaved == 0 for _, unsaved in after_choices)
    play(app, 1)  # the next choice finds the log free again
    frames_until(app, lambda: log.trouble is None and not log.pending)
    run_script(app, [Wait(2)])
    out, err = importer.communicate(timeout=60)
    assert importer.returncode == 0 and "Traceback" not in err, err
    assert said(app, "saving_paused", why=app.texts("saving_why_busy")) == 1
    assert said(app, "saving_resumed") == 1
    quit_from_pause(app)
    assert not app.running
    assert_nothing_lost(log_path, log)
    assert list(spill_files(log_path)) == []
    with sqlite3.connect(log_path) as con:  # and the classmate's import arrived whole
        assert con.execute("select count(*) from sessions where pupil_id = 'Sim-Vos-01'"
                           ).fetchone()[0] == 1


# --- 2. a full disk ---
def test_a_full_disk_pauses_saving_once_and_quitting_waits_until_it_is_saved(
        make_app, data, log_path, monkeypatch, capsys):
    disk = FaultyDisk(monkeypatch, data, reserve_folder(log_path))
    app = make_app()
    run_script(app, start_new_game("Agent Kiwi"))
    log = app.session.log
    play(app, 1)
    disk.fill()  # nothing fits anywhere any more: not the log, the spill or the save
    play(app, until=lambda: log.trouble is Trouble.FULL and log.unsaved > 0)
    play(app, 2, seconds=1.5)  # the game plays on; the pupil is told after a moment
    assert said(app, "saving_paused", why=app.texts("saving_why_full")) == 1
    quit_from_pause(app)
    assert app.running and isinstance(app.top, QuitWaitScene)  # it says so, and waits
    assert app.top.body_text() == app.texts("quit_wait_memory",
                                            why=app.texts("saving_why_full"))
    run_script(app, [Press(pygame.K_RETURN), Wait(30)])  # "wait until it is saved"
    assert app.running
    disk.heal()  # space again (a download finished, the pupil emptied the bin)
    frames_until(app, lambda: not app.running)  # saved, then it closes by itself
    assert_nothing_lost(log_path, log)
    assert list(spill_files(log_path)) == []
    assert app.store.load("Agent Kiwi") is not None
    assert "Traceback" not in capsys.readouterr().err


def test_a_full_disk_leaves_no_half_export_and_a_retry_works(log_path, tmp_path, content):
    from game.sim.simulate import simulate

    simulate(content, log_path, pupils=1, sessions=1, seed=3)
    usb = tmp_path / "usb"
    usb.mkdir()
    for fmt, name in (("jsonl", "kiwi.jsonl"), ("sqlite", "kiwi.sqlite"), ("csv", "kiwi.csv")):
        out = usb / name
        result = cli("export", "--pupil", "Sim-Vos-01", "--out", str(out), "--format", fmt,
                     "--db", str(log_path), faulty=f"full:{usb}")
        line = assert_one_line_and_exit_1(result, "export")
        assert line.endswith(describe(Trouble.FULL))
        assert list(usb.iterdir()) == []  # no 0-byte file, no temporary left behind
        assert cli("export", "--pupil", "Sim-Vos-01", "--out", str(out), "--format", fmt,
                   "--db", str(log_path)).returncode == 0
        assert out.stat().st_size > 0
        out.unlink()


# --- 3. a read-only log file ---
def first_sitting(make_app, pupil: str = "Agent Kiwi") -> None:
    app = make_app()
    run_script(app, start_new_game(pupil))
    play(app, 1)
    quit_from_pause(app)
    assert not app.running


def stop_now(app) -> None:
    """On the quit screen: the second item, "stop now"."""
    run_script(app, [Press(pygame.K_2), Wait(1)])
    assert not app.running


def test_a_read_only_log_file_is_left_alone_and_its_events_join_at_the_next_start(
        make_app, data, log_path, monkeypatch):
    first_sitting(make_app)
    before = log_path.read_bytes()
    disk = FaultyDisk(monkeypatch, data)
    disk.make_read_only(log_path)
    app = make_app()
    assert app.journal_notice == app.texts("log_cannot_open",
                                           why=app.texts("saving_why_read_only"))
    run_script(app, start_new_game("Agent Kiwi"))
    log = app.session.log
    assert play(app, 3) == 3
    assert said(app, "saving_paused", why=app.texts("saving_why_read_only")) == 0  # told once
    quit_from_pause(app)
    assert isinstance(app.top, QuitWaitScene)
    assert app.top.body_text() == app.texts("quit_wait_spill")  # safe: may stop now
    stop_now(app)
    assert log_path.read_bytes() == before  # not renamed, not written
    assert sorted(p.name for p in data.iterdir() if "kapot" in p.name) == []
    disk.heal()
    later = make_app()
    assert later.journal_notice is None and later.journal.merged.files == 1
    assert_nothing_lost(log_path, log)
    assert list(spill_files(log_path)) == []


# --- 4. a read-only folder ---
def test_a_read_only_folder_renames_nothing_and_the_game_plays_on(make_app, data, log_path,
                                                                  monkeypatch, tmp_path):
    first_sitting(make_app)
    names = sorted(p.name for p in data.rglob("*"))
    disk = FaultyDisk(monkeypatch, data)
    disk.make_read_only()
    app = make_app()
    assert app.journal is not None and app.journal.trouble is Trouble.READ_ONLY
    assert app.journal_notice == app.texts("log_cannot_open",
                                           why=app.texts("saving_why_read_only"))
    run_script(app, start_new_game("Agent Uil"))  # settings cannot be written: still plays
    log = app.session.log
    assert play(app, 3) == 3
    assert log.spill_path is not None and log.spill_path.parent == reserve_folder(log_path)
    quit_from_pause(app)
    assert isinstance(app.top, QuitWaitScene)
    # the saved game cannot be written in that folder: the pupil is told it would be lost
    assert app.top.body_text() == app.texts("quit_wait_memory",
                                            why=app.texts("saving_why_no_access"))
    stop_now(app)
    assert sorted(p.name for p in data.rglob("*")) == names  # nothing renamed or added
    # the command line in that folder: reading works, writing says why in one line
    out = tmp_path / "uil.jsonl"
    assert cli("export", "--pupil", "Agent Kiwi", "--out", str(out), "--format", "jsonl",
               "--db", str(log_path), faulty=f"read_only:{data}").returncode == 0
    line = assert_one_line_and_exit_1(cli("import", str(out), "--db", str(log_path),
                                          faulty=f"read_only:{data}"), "import")
    assert line == f"import: {log_path}: {describe(Trouble.READ_ONLY)}"
    assert sorted(p.name for p in data.rglob("*")) == names
    disk.heal()
    make_app()
    assert_nothing_lost(log_path, log)


@pytest.mark.skipif(ROOT or sys.platform == "win32",
                    reason="root ignores file permissions (the injected cases above cover "
                           "it); Windows has no chmod for folders")
def test_with_real_permissions_a_read_only_folder_is_never_renamed(make_app, data, log_path):
    first_sitting(make_app)
    names = sorted(p.name for p in data.iterdir())
    data.chmod(0o555)
    try:
        app = make_app()
        assert app.journal.opened is None
        run_script(app, start_new_game("Agent Uil"))
        log = app.session.log
        play(app, 2)
        quit_from_pause(app)
        if app.running:
            stop_now(app)
        assert sorted(p.name for p in data.iterdir()) == names
    finally:
        data.chmod(0o755)
    make_app()
    assert_nothing_lost(log_path, log)


# --- 5. a folder where the log should be ---
def test_a_folder_in_place_of_the_log(make_app, data, log_path, tmp_path, content):
    from game.journal.exports import export_pupil
    from game.sim.simulate import simulate

    simulate(content, tmp_path / "elders.sqlite", pupils=1, sessions=1, seed=4)
    export = tmp_path / "uil.jsonl"  # a good export, to import into the folder
    export_pupil(tmp_path / "elders.sqlite", "Sim-Vos-01", export, "jsonl")
    log_path.mkdir(parents=True)
    app = make_app()
    assert app.journal_notice == app.texts("log_cannot_open", why=app.texts("saving_why_folder"))
    run_script(app, start_new_game("Agent Kiwi"))
    log = app.session.log
    assert play(app, 2) == 2
    quit_from_pause(app)
    stop_now(app)
    assert log_path.is_dir() and list(log_path.iterdir()) == []  # left exactly as it was
    for command in (("export", "--pupil", "Agent Kiwi", "--out", str(tmp_path / "x.jsonl")),
                    ("import", str(export)),
                    ("simulate", "--pupils", "1", "--sessions", "1", "--level",
                     str(TEST_LEVEL)),
                    ("dashboard", "--no-browser")):
        line = assert_one_line_and_exit_1(cli(*command, "--db", str(log_path)), command[0])
        assert line == f"{command[0]}: {log_path}: {describe(Trouble.FOLDER)}"
    assert log_path.is_dir() and list(log_path.iterdir()) == []
    log_path.rmdir()  # the pupil's parent tidies up
    later = make_app()
    assert later.journal.merged.files == 1
    assert_nothing_lost(log_path, log)


# --- 6. two programs open a new or an old log at the same moment ---
OPENER = ("import sys, time\n"
          "sys.path.insert(0, sys.argv[3])\n"
          "from pathlib import Path\n"
          "from game.journal.store import open_log\n"
          "time.sleep(max(0.0, float(sys.argv[2]) - time.time()))\n"
          "open_log(Path(sys.argv[1])).db.close()\n"
          "print('ok')\n")


def test_two_programs_opening_a_new_or_old_log_at_once_both_succeed(tmp_path):
    from sqlite_utils import Database

    from game.journal import schema

    for trial in range(8):
        path = tmp_path / f"log-{trial}.sqlite"
        if trial % 2:  # an old log: both find migrations to run
            old = Database(path)
            schema.MIGRATIONS.apply(old, stop_before="m002_class_code")
            old.close()
        start = time.time() + 1.0
        openers = [subprocess.Popen([sys.executable, "-c", OPENER, str(path), str(start),
                                     str(ROOT_DIR)], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for opener in openers:
            out, err = opener.communicate(timeout=60)
            assert opener.returncode == 0 and out.strip() == "ok", err
        with sqlite3.connect(path) as con:
            assert schema.version_of(Database(con)) == schema.SCHEMA_VERSION


def test_threads_opening_one_new_log_at_once_all_succeed(tmp_path):
    path = tmp_path / "journal.sqlite"
    barrier = threading.Barrier(4)
    problems: list[BaseException] = []

    def opener() -> None:
        barrier.wait()
        try:
            open_log(path).db.close()
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            problems.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []


# --- 7. damaged saves and settings ---
def test_a_damaged_save_is_kept_aside_and_the_last_good_copy_continues(make_app, data):
    app = make_app()
    run_script(app, start_new_game("Agent Kiwi"))
    play(app, 2)
    world = app.session.world
    where = (round(world.player.x), round(world.player.y))
    quit_from_pause(app)
    save = data / "saves" / f"{file_key('Agent Kiwi')}.json"
    save.write_bytes(b"\x00\x13kapot{")  # damaged by something outside the game
    again = make_app()
    run_script(again, [Wait(2)])
    assert isinstance(again.top, TitleScene)
    labels = [label for label, _ in again.top.menu.items]
    assert again.texts("menu_continue", name="Agent Kiwi") in labels
    assert said(again, "save_set_aside") == 1
    kept = [p for p in save.parent.iterdir() if ".kapot-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x00\x13kapot{"  # never deleted
    run_script(again, [Press(pygame.K_2), Wait(2)])  # "Verder spelen als Agent Kiwi"
    resumed = again.session.world
    assert (round(resumed.player.x), round(resumed.player.y)) == where


def test_a_damaged_save_without_a_good_copy_says_so_and_starts_fresh(make_app, data):
    first_sitting(make_app)
    save = data / "saves" / f"{file_key('Agent Kiwi')}.json"
    for damaged in (save, save.with_name(save.name + ".bak")):
        damaged.write_text("{ kapot", encoding="utf-8")
    again = make_app()
    run_script(again, [Wait(2)])
    labels = [label for label, _ in again.top.menu.items]
    assert again.texts("menu_continue", name="Agent Kiwi") not in labels
    assert said(again, "save_set_aside_none") == 1
    assert again.store.load("Agent Kiwi") is None


def test_one_damaged_settings_file_resets_no_one_else(make_app, data):
    app = make_app()
    run_script(app, start_new_game("Sanne"))
    app.change_setting("text_size", "larger")
    sibling = make_app()
    run_script(sibling, start_new_game("Daan"))
    sibling.change_setting("low_stimulus", True)
    mine = data / "settings" / f"{file_key('Sanne')}.json"
    mine.write_text("{ kapot", encoding="utf-8")
    later = make_app()
    assert later.store.load_settings("Daan")["low_stimulus"] is True  # untouched
    assert later.store.load_settings("Sanne")["text_size"] == "larger"  # the last good copy
    run_script(later, [Wait(2)])
    assert said(later, "settings_set_aside") == 1
    assert any(".kapot-" in p.name for p in mine.parent.iterdir())


def test_two_programs_writing_the_same_files_never_trip_over_each_other(data):
    """Two windows used to share `settings.json.tmp`: thousands of FileNotFoundErrors."""
    from game.saves import SaveStore

    problems: list[BaseException] = []

    def write(store: SaveStore, size: str) -> None:
        try:
            for _ in range(100):
                assert store.save_settings({"text_size": size}, "Sanne")
                store.save("Sanne", {"level": "proefweek", "size": size})
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            problems.append(exc)

    threads = [threading.Thread(target=write, args=(SaveStore(data), size))
               for size in ("large", "larger")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    assert SaveStore(data).load_settings("Sanne")["text_size"] in ("large", "larger")
    assert not [p for p in data.rglob("*.tmp")]  # no temporary file left behind


def test_saves_are_written_at_every_scene_change_and_each_morning(make_app):
    app = make_app()
    run_script(app, start_new_game("Agent Kiwi"))
    play(app, 3)
    world = app.session.world
    assert app.save_writer.flush()  # written by a thread: no frame waits for the disk
    saved = app.store.load("Agent Kiwi")
    assert saved is not None and saved["clock"] == pytest.approx(world.clock.minutes, abs=1)
    assert saved["state"] == world.snapshot()["state"]  # a crash now costs nothing said
    world.day_over = True
    world.start_next_day()
    assert app.save_writer.flush()
    assert app.store.load("Agent Kiwi")["day_index"] == world.day_index == 1


# --- 8. two windows ---
def test_a_second_window_is_told_the_game_is_open_and_waits_its_turn(make_app, data):
    first = make_app()
    run_script(first, start_new_game("Agent Kiwi"))
    settings_before = sorted(p.read_bytes() for p in (data / "settings").iterdir())
    second = make_app(alongside=True)
    assert isinstance(second.top, AlreadyOpenScene) and second.journal is None
    run_script(second, [Press(pygame.K_RETURN), Wait(2)])  # "try again": still open
    assert isinstance(second.top, AlreadyOpenScene)
    assert sorted(p.read_bytes() for p in (data / "settings").iterdir()) == settings_before
    quit_from_pause(first)
    run_script(second, [Press(pygame.K_RETURN), Wait(2)])
    assert isinstance(second.top, TitleScene) and second.journal is not None


def test_a_killed_game_does_not_keep_the_next_one_out(make_app, data, log_path):
    game = subprocess.Popen([sys.executable, str(Path(__file__).with_name(
        "play_until_killed.py")), str(data), str(log_path)], stdout=subprocess.PIPE, text=True,
        env=ENV)
    try:
        while not game.stdout.readline().startswith("CHOICE 2"):
            assert game.poll() is None, "the game stopped"
        blocked = make_app()
        assert isinstance(blocked.top, AlreadyOpenScene)
    finally:
        game.send_signal(signal.SIGKILL)
        game.wait()
    run_script(blocked, [Press(pygame.K_RETURN), Wait(2)])  # the lock died with the game
    assert isinstance(blocked.top, TitleScene)
    with sqlite3.connect(log_path) as con:
        assert con.execute("select count(*) from events where kind = 'choice'"
                           ).fetchone()[0] >= 2


# --- 9. look-alike pseudonyms ---
@pytest.mark.parametrize("pair", [("Zoë", "Zo"), ("Мила", "محمد")])
def test_look_alike_pseudonyms_keep_their_own_games(make_app, data, pair):
    places = {}
    for pupil in pair:
        app = make_app()
        run_script(app, start_new_game(pupil))
        play(app, 1 + len(places))  # different games: different places
        world = app.session.world
        places[pupil] = (round(world.player.x), round(world.player.y), world.clock.minutes)
        quit_from_pause(app)
    files = sorted(p.name for p in (data / "saves").glob("*.json"))
    assert len(files) == 2 and files == sorted(f"{file_key(p)}.json" for p in pair)
    for pupil in pair:
        again = make_app()
        run_script(again, [Wait(1)])
        again.play(pupil, resume=True)
        world = again.session.world
        assert (round(world.player.x), round(world.player.y),
                world.clock.minutes) == pytest.approx(places[pupil], abs=0.05)
        quit_from_pause(again)
    # a save that is not this pupil's is never loaded, whatever its file is called
    first, second = (data / "saves" / f"{file_key(p)}.json" for p in pair)
    shutil.copy(first, second)
    assert make_app().store.load(pair[1]) is None


# --- 10. damage is noticed and told to the mentor ---
def test_a_gap_in_a_sessions_events_is_noticed_once_and_told_to_the_mentor(make_app,
                                                                          log_path):
    first_sitting(make_app)
    with sqlite3.connect(log_path) as con:
        session, last = con.execute("select session_id, max(seq) from events").fetchone()
        con.execute("delete from events where session_id = ? and seq in (3, 4)", [session])
    for _ in range(2):
        make_app()
    with sqlite3.connect(log_path) as con:
        rows = con.execute("select seq, payload from events where session_id = ? and kind = ?",
                           [session, LogDamaged.kind]).fetchall()
    assert len(rows) == 1 and rows[0][0] == last + 1  # told once, after what was there
    damage = parse(LogDamaged.kind, json.loads(rows[0][1]))
    assert (damage.missing, damage.first, damage.last) == (2, 3, 4)
    for language in ("nl", "en"):
        teller = CheckingTeller(language)
        told = damage.tell(teller)
        assert told.tone == "note"
        assert told.text == teller.catalogue["ev_log_damaged"].format(detail=damage.detail)


def test_a_log_failing_sqlites_check_is_kept_aside_and_the_next_sitting_says_so(make_app,
                                                                                 log_path):
    first_sitting(make_app)
    with sqlite3.connect(log_path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = con.execute("select rootpage from sqlite_master where name = 'events'"
                           ).fetchone()[0]
        page = con.execute("PRAGMA page_size").fetchone()[0]
    raw = bytearray(log_path.read_bytes())
    raw[(root - 1) * page:(root - 1) * page + 64] = b"\xff" * 64  # a damaged table page
    log_path.write_bytes(bytes(raw))
    app = make_app()
    kept = [p for p in log_path.parent.iterdir()
            if p.name.startswith("journal.kapot-") and p.suffix == ".sqlite"]
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(raw)
    run_script(app, start_new_game("Agent Kiwi"))
    log = app.session.log
    quit_from_pause(app)
    with sqlite3.connect(log_path) as con:
        kind, payload = con.execute("select kind, payload from events where session_id = ? "
                                    "and seq = 1", [log.id]).fetchone()
    damage = parse(kind, json.loads(payload))
    assert isinstance(damage, LogDamaged) and damage.kept_as == kept[0].name


# --- 11. the spill file itself ---
def test_a_spill_file_torn_by_a_crash_is_merged_whole_and_only_once(log_path, content):
    from game.sim.simulate import simulate

    simulate(content, log_path, pupils=1, sessions=1, seed=5)
    journal = Journal.open(log_path)
    holder = sqlite3.connect(log_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    from tests.test_journal import INFO, choice_event

    log = journal.start_session(INFO)
    for _ in range(3):
        log.record(choice_event())
    assert log.trouble is Trouble.BUSY and log.in_spill == 3
    spilled = log.spill_path
    with spilled.open("ab") as fh:  # the power went off in the middle of the next append
        fh.write(b'{"type": "event", "id": "half')
    log._spill.close()  # the game died: nothing more is written
    holder.execute("COMMIT")
    holder.close()
    copy = spilled.read_bytes()
    again = Journal.open(log_path)
    assert (again.merged.files, again.merged.events, again.merged.unreadable) == (1, 3, 1)
    spilled.write_bytes(copy)  # the same file found once more (a backup put back)
    third = Journal.open(log_path)
    assert (third.merged.files, third.merged.events) == (1, 0)
    assert stored_seqs(log_path, log.id) == [1, 2, 3]
    for j in (journal, again, third):
        j.opened.db.close()


# --- 12. importing anything at all ---
def test_importing_any_unreadable_file_is_one_line_and_changes_nothing(tmp_path, log_path):
    files = {"random.bin": os.urandom(4096), "latin1.jsonl": "Zoë\n".encode("latin-1"),
             "leeg.jsonl": b"", "half.sqlite": b"SQLite format 3\x00" + os.urandom(2000),
             "tekst.txt": b"dit is geen export\n"}
    for name, body in files.items():
        (tmp_path / name).write_bytes(body)
    (tmp_path / "map.jsonl").mkdir()
    for name in (*files, "map.jsonl", "weg.jsonl"):
        assert_one_line_and_exit_1(cli("import", str(tmp_path / name), "--db", str(log_path)),
                                   "import")
    assert not log_path.exists()


# --- 13. the calm case, and class mode without a network ---
def test_a_healthy_game_says_nothing_about_saving(make_app, log_path):
    app = make_app()
    run_script(app, start_new_game("Agent Kiwi"))
    log = app.session.log
    play(app, 3, seconds=1.5)
    quit_from_pause(app)
    assert not app.running and app.toasts.history == []
    assert_nothing_lost(log_path, log)


def test_quitting_during_a_class_outage_says_the_choices_go_next_time(make_app, log_path):
    import socket

    from tests.conftest import TEST_CLASS_LEVEL

    with socket.socket() as probe:  # a port nobody listens on: the network is "down"
        probe.bind(("127.0.0.1", 0))
        down = probe.getsockname()[1]
    app = make_app(level=TEST_CLASS_LEVEL, class_code="1B", server=f"http://127.0.0.1:{down}")
    run_script(app, [Wait(1), Press(pygame.K_1), Wait(1)])  # yes, the game may send
    run_script(app, start_new_game("Agent Komeet"))
    log = app.session.log
    play(app, seconds=0.5)
    frames_until(app, lambda: app.uploader.progress.offline, seconds=30)
    quit_from_pause(app)
    assert isinstance(app.top, QuitWaitScene)
    assert app.top.body_text() == app.texts("upload_kept")
    stop_now(app)
    assert_nothing_lost(log_path, log)  # kept here, to be sent at the next start
