"""Shared fixtures: a headless app with its own data folder, and the shipped content."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# The log files of commands run by the tests (also in subprocesses) never reach the
# tester's own log folder.
os.environ.setdefault("ALIEN_OP_SCHOOL_LOGS",
                      tempfile.mkdtemp(prefix="alien-op-school-test-logs-"))
# A mentor's mission file in the tester's own Downloads never reaches a test game.
os.environ.setdefault("ALIEN_OP_SCHOOL_DOWNLOADS", "")
# Nor the parsed-content cache: the tests fill their own (and so test it every run).
os.environ.setdefault("ALIEN_OP_SCHOOL_CACHE",
                      tempfile.mkdtemp(prefix="alien-op-school-test-cache-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pytest  # noqa: E402

from game import paths  # noqa: E402
from game.app import App  # noqa: E402
from game.content.bundle import Content, load_content  # noqa: E402
from game.options import Options  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEST_LEVEL = FIXTURES / "levels" / "proefweek.yaml"
TEST_CLASS_LEVEL = FIXTURES / "levels" / "proefklas.yaml"


@pytest.fixture(scope="session")
def content() -> Content:
    """The engine tests' small school (tests/fixtures): writers' edits never break them."""
    return load_content(TEST_LEVEL)


@pytest.fixture(scope="session")
def class_content() -> Content:
    return load_content(TEST_CLASS_LEVEL)


@pytest.fixture(scope="session")
def shipped_content() -> Content:
    """The real first week, for the tests about the shipped content itself."""
    return load_content(paths.DEFAULT_LEVEL)


@pytest.fixture
def make_app(tmp_path):
    """Build a headless app playing the real loop (the test school unless a level is
    given); each test gets a fresh data folder.

    A second app in one test stands for a later start of the game: the earlier one lets
    go of the data folder, as a closed or killed game does. `alongside=True` keeps it:
    two windows open at once."""
    apps = []

    def build(alongside: bool = False, **overrides) -> App:
        overrides.setdefault("level", TEST_LEVEL)
        overrides.setdefault("crash_screen", False)  # an error fails the test at once
        if not alongside:
            for earlier in apps:  # what it saved is on disk, as after closing it
                earlier.save_writer.flush()
                earlier.instance.release()
        options = Options(data_dir=tmp_path / "data", fast=True, seed=7, **overrides)
        app = App(options)
        apps.append(app)
        return app

    yield build


@pytest.fixture(scope="session")
def simulated_log(tmp_path_factory, shipped_content) -> Path:
    """A class 1B of four simulated pupils, two sessions each, made by the real simulation
    of the shipped first week (the dashboard names things from the shipped level).

    Read-only for tests; a test that changes a log copies it first (see `log_copy`).
    """
    from game.sim.simulate import simulate

    path = tmp_path_factory.mktemp("class") / "journal.sqlite"
    simulate(shipped_content, path, pupils=4, sessions=2, class_code="1B", seed=3)
    return path


@pytest.fixture(scope="session")
def school_log(tmp_path_factory, content) -> Path:
    """Five simulated pupils of class 1B, two days each, in the test school (read only):
    one simulation for every test that needs a log with every event kind in it."""
    from game.sim.simulate import simulate

    path = tmp_path_factory.mktemp("school") / "klas.sqlite"
    simulate(content, path, pupils=5, sessions=2, class_code="1B", seed=4)
    return path


@pytest.fixture
def log_copy(simulated_log, tmp_path) -> Path:
    import shutil

    target = tmp_path / "journal.sqlite"
    shutil.copy(simulated_log, target)
    return target


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium, not Playwright's own download (which cannot be fetched here)."""
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}: "
                    "`make test` installs it when run as root (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM),
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run"]}


@pytest.fixture(scope="session")
def live_dashboard(simulated_log):
    """The dashboard over the simulated class, served from a thread on a free port."""
    import threading

    from werkzeug.serving import make_server

    from tests.dashboard_helpers import dashboard

    server = make_server("127.0.0.1", 0, dashboard(simulated_log), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
