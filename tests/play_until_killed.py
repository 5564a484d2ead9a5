"""A headless game that talks and chooses until it is killed (for the durability test).

Usage: python tests/play_until_killed.py DATA_DIR DB_PATH
Prints "CHOICE n" once the n-th choice has been made (and so committed).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame  # noqa: E402

from game.app import App  # noqa: E402
from game.options import Options  # noqa: E402
from game.scenes.dialogue import DialogueScene  # noqa: E402
from game.scenes.school import SchoolScene  # noqa: E402
from game.scripted import run_script  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import start_new_game  # noqa: E402

PEOPLE = ("kim", "wim", "lotte", "jonas", "taal")
LEVEL = Path(__file__).resolve().parent / "fixtures" / "levels" / "proefweek.yaml"


def main() -> None:
    data_dir, db = Path(sys.argv[1]), Path(sys.argv[2])
    app = App(Options(level=LEVEL, data_dir=data_dir, db=db, fast=True, seed=11))
    run_script(app, start_new_game("Durability"))
    # This pupil answers at once, every time; the game would offer a calmer pace (see
    # test_support). The test is about the log, so that help is off here.
    app.change_setting("help_when_stuck", False)
    school = app.top
    assert isinstance(school, SchoolScene)
    made = [0]

    def on_event(event) -> None:
        if event.kind == "choice":
            made[0] += 1
            print(f"CHOICE {made[0]}", flush=True)

    school.world.listeners.append(on_event)
    turn = 0
    while True:
        top = app.top
        if isinstance(top, SchoolScene):
            npc = school.world.npcs[PEOPLE[turn % len(PEOPLE)]]
            turn += 1
            conversation = school.world.talk(npc)
            if conversation is not None:
                app.open("dialogue", world=school.world, conversation=conversation)
        else:  # a conversation: answer 1; any card (a clue found): read on with Enter
            at_choice = isinstance(top, DialogueScene) and top.conversation.at_choice
            key = pygame.K_1 if at_choice else pygame.K_RETURN
            for kind in (pygame.KEYDOWN, pygame.KEYUP):
                pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="",
                                                     scancode=0))
        if not app.running:
            break
        app.run(max_frames=app.frame + 1)


if __name__ == "__main__":
    main()
