"""Writes the reference tables in the docs from the registries (game/reference.py).

Run after adding a check, an effect, an event kind or an export format:
    python tools/make_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.reference import write_all  # noqa: E402

if __name__ == "__main__":
    changed = write_all()
    print("\n".join(f"updated {p}" for p in changed) or "the docs were up to date")
