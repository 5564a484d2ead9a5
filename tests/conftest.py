"""Shared fixtures: a headless app with its own data folder, and the shipped content."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pytest  # noqa: E402

from game.app import DEFAULT_LEVEL, App, Options  # noqa: E402
from game.content.bundle import Content, load_content  # noqa: E402


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(DEFAULT_LEVEL)


@pytest.fixture
def make_app(tmp_path):
    """Build a headless app playing the real loop; each test gets a fresh data folder."""
    apps = []

    def build(**overrides) -> App:
        options = Options(data_dir=tmp_path / "data", fast=True, seed=7, **overrides)
        app = App(options)
        apps.append(app)
        return app

    yield build
