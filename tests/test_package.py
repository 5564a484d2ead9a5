"""The game as a package: one version, content found from a source checkout and from an
installed wheel, and the command named as it was typed."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from game import paths
from game.program import program_name
from game.version import UNKNOWN, read_version

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]


def test_the_content_inside_the_package_wins_over_the_checkout(tmp_path):
    package = tmp_path / "site" / "game"
    assert paths.content_root(package) == tmp_path / "site"  # a checkout: beside it
    (package / "_content" / "levels").mkdir(parents=True)
    assert paths.content_root(package) == package / "_content"  # a wheel or the app


def test_this_checkout_finds_its_content_and_texts():
    assert paths.DEFAULT_LEVEL.is_file() and paths.CLASS_LEVEL.is_file()
    assert (paths.FONTS / "OpenDyslexic-Regular.otf").is_file()
    assert (paths.UI_TEXT / "nl.yaml").is_file() and (paths.DASHBOARD_TEXT / "en.yaml").is_file()
    assert (paths.DASHBOARD_TEMPLATES / "classes.html").is_file()


def test_a_checkout_reads_its_pyproject_and_an_install_its_metadata(tmp_path):
    ours = tmp_path / "pyproject.toml"
    ours.write_text('[build-system]\nrequires = ["x"]\n\n[project]\nname = "alien-op-school"'
                    '\nversion = "9.8.7"\n\n[tool.x]\nversion = "1.0"\n')
    assert read_version(ours) == "9.8.7"
    other = tmp_path / "other.toml"  # another project's file (a stray one in site-packages)
    other.write_text('[project]\nname = "something-else"\nversion = "5.0"\n')
    assert read_version(other, "pip") == metadata.version("pip")
    assert read_version(tmp_path / "missing.toml", "no-such-distribution") == UNKNOWN


@pytest.mark.parametrize(("argv0", "name"), [
    ("/usr/local/bin/alien-op-school", "alien-op-school"),
    (r"C:\Games\alien-op-school\alien-op-school.exe", "alien-op-school"),
    ("/home/kim/game/main.py", "python main.py"),
    ("/venv/lib/python3.11/site-packages/game/__main__.py", "python -m game"),
])
def test_help_names_the_command_that_was_typed(argv0, name):
    assert program_name(argv0.replace("\\", "/")) == name


def test_version_and_help_from_the_source_checkout():
    for command, name in ((["main.py"], "python main.py"), (["-m", "game"], "python -m game")):
        out = subprocess.run([sys.executable, *command, "--version"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        assert out.strip() == f"{name} {VERSION}"
    usage = subprocess.run([sys.executable, "-m", "game", "export", "--help"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout
    assert usage.startswith("usage: python -m game export")


@pytest.mark.skipif(importlib.util.find_spec("hatchling") is None,
                    reason="building the wheel needs hatchling (pip install -e .[dev])")
def test_the_built_wheel_runs_from_another_folder(tmp_path):
    """The wheel as pip builds it, installed apart from this checkout: its command knows
    its version (from the metadata) and finds the content inside the package."""
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w",
                    str(tmp_path / "wheel"), str(ROOT)], check=True, cwd=tmp_path)
    wheel = next((tmp_path / "wheel").glob("alien_op_school-*.whl"))
    site = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--no-index", "--target", str(site),
                    str(wheel)], check=True, cwd=tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "ALIEN_OP_SCHOOL_LOGS": str(tmp_path / "logs")}

    def run(*command: str) -> str:
        return subprocess.run(command, cwd=elsewhere, env=env, capture_output=True,
                              text=True, check=True).stdout

    assert run(str(site / "bin" / "alien-op-school"), "--version").strip() == \
        f"alien-op-school {VERSION}"
    where = run(sys.executable, "-c", "import game.paths as p; print(p.CONTENT)").strip()
    assert Path(where) == site / "game" / "_content"
    assert "files checked" in run(sys.executable, "-m", "game", "validate")
    assert (tmp_path / "logs" / "tools.log").is_file()
