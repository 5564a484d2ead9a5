"""Screenshots of a (generated) school: the school at the start, walking up to a lesson
room on the top floor, and the floor plan on every floor, route on.

Run: SDL_VIDEODRIVER=dummy python tools/school_shots.py LEVEL [FOLDER] [nl|en]
(default folder /tmp/school_shots). Used to look at what `main.py new-school` makes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import _offscreen  # noqa: F401  (first: no window; the project importable)
import pygame
from helpers import start_new_game  # type: ignore[import-not-found]

from game.app import App
from game.options import Options
from game.scripted import Call, Press, Wait, WalkTo, run_script


def main() -> None:
    level = Path(sys.argv[1])
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/school_shots")
    language = sys.argv[3] if len(sys.argv) > 3 else "nl"
    out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> Call:
        return Call(lambda a: pygame.image.save(a.screen, str(out / f"{name}.png")))

    with tempfile.TemporaryDirectory() as tmp:
        app = App(Options(level=level, data_dir=Path(tmp), fast=True, seed=3,
                          language=language))
        app.settings["route_assist"] = True
        run_script(app, start_new_game())
        assert app.session is not None
        world = app.session.world
        run_script(app, [Wait(2), shot("school_start")])
        floors = world.map.floors
        steps: list = [Call(lambda a: a.open("floor_plan", world=world)), Wait(2)]
        # The plan opens on the pupil's floor; the right arrow goes round every floor.
        start = world.room.floor if world.room else floors[0]
        order = floors[floors.index(start):] + floors[:floors.index(start)]
        for floor in order:
            steps += [shot(f"floor_plan_{floor}"), Press(pygame.K_RIGHT), Wait(2)]
        steps += [Press(pygame.K_ESCAPE), Wait(1)]
        run_script(app, steps)
        top = max(floors)
        rooms = [r for r in world.map.rooms.values() if r.floor == top and r.kind != "corridor"]
        if rooms:
            run_script(app, [WalkTo(rooms[0].id, timeout_frames=60 * 300), Wait(2),
                             shot(f"school_floor_{top}")])
        app.quit()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
