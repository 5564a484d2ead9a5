"""Startup: time from process start to the first drawn frame of the title screen.

Starts `python main.py play` in a fresh process with a hook that exits after the
first frame, five times, and prints each run and the median.
Run: python bench/startup.py   (uses SDL_VIDEODRIVER=dummy unless a display is set)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import sys, time
sys.argv = ["main.py", "play", "--data-dir", sys.argv[1]]
sys.path.insert(0, {root!r})
import game.app as app_module
original = app_module.App.draw
def draw_once(self):
    original(self)
    print("FIRST_FRAME", flush=True)
    raise SystemExit(0)
app_module.App.draw = draw_once
import runpy
runpy.run_path({main!r}, run_name="__main__")
"""


def once(data_dir: str) -> float:
    env = dict(os.environ)
    env.setdefault("SDL_VIDEODRIVER", "dummy")
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    code = PROBE.format(root=str(ROOT), main=str(ROOT / "main.py"))
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, data_dir], env=env, capture_output=True,
                         text=True, timeout=60)
    elapsed = time.perf_counter() - start
    if "FIRST_FRAME" not in out.stdout:
        raise SystemExit(f"no frame drawn:\n{out.stderr}")
    return elapsed


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as data_dir:
        runs = [once(data_dir) for _ in range(5)]
    print("startup to first frame: " + ", ".join(f"{r:.2f} s" for r in runs))
    print(f"median {statistics.median(runs):.2f} s (target: at most 0.5 s with the week's content)")
