"""Build levels/maps/school.tmx from its plan, levels/plans/school.yaml, and the Tiled
project for hand edits (levels/alien-op-school.tiled-project, levels/maps/templates/).

Run: python tools/make_school_map.py  (after tools/make_tiles.py)

The plan format and the generator are the ones a school uses for its own building
(docs/own-school.md, `python main.py new-school`); this only names the shipped files.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.content.errors import ContentError  # noqa: E402
from game.school_plan.build import build_map, write_map  # noqa: E402
from game.school_plan.plan import load_plan  # noqa: E402
from game.school_plan.tiled_project import write_project  # noqa: E402

PLAN = ROOT / "levels" / "plans" / "school.yaml"
MAP = ROOT / "levels" / "maps" / "school.tmx"


def main() -> int:
    try:
        built = build_map(load_plan(PLAN))
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    write_map(built, MAP)
    write_project(ROOT / "levels" / "alien-op-school.tiled-project",
                  MAP.parent / "templates", ["."])
    print(f"wrote {MAP.relative_to(ROOT)}: {built.layout.width}x{built.layout.height} tiles, "
          f"{len(built.layout.rooms)} rooms, {len(built.spots)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
