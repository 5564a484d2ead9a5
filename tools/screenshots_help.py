"""Screenshots of the help screens: the mission card and its look back, the calmer pace,
a homework tip, a lesson's moment; at normal and extra-large dyslexic text.

Run: SDL_VIDEODRIVER=dummy python tools/screenshots_help.py [FOLDER] [nl|en]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import _offscreen  # noqa: F401  (first: no window; the project importable)
import pygame
from helpers import start_new_game  # type: ignore[import-not-found]

from game import paths
from game.app import App
from game.options import Options
from game.scripted import Call, Press, Wait, WalkTo, run_script


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")
    language = sys.argv[2] if len(sys.argv) > 2 else "nl"
    out.mkdir(parents=True, exist_ok=True)
    for style in ("", "_large_dyslexic"):
        shots(out, language, style)
    print(f"screenshots in {out}")


def shots(out: Path, language: str, style: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Options(level=paths.DEFAULT_LEVEL, data_dir=Path(tmp), fast=True,
                          seed=3, language=language))
        app.settings["text_speed"] = "instant"
        if style:
            app.change_setting("text_size", "larger")
            app.change_setting("font", "dyslexic")
        run_script(app, start_new_game())
        assert app.session is not None
        world = app.session.world

        def shot(name: str) -> Call:
            return Call(lambda a: pygame.image.save(a.screen, str(out / f"{name}{style}.png")))

        mission = world.content.missions[0]
        homework = world.level.homework[0]
        wrong = next(i for i in range(len(homework.task[0].options))
                     if i != homework.task[0].answer)
        run_script(app, [
            Call(lambda a: a.open("mission", world=world, mission=mission)), Wait(2),
            shot("mission"), Press(pygame.K_ESCAPE), Wait(1),
            Call(lambda a: a.open("mission_check", world=world, mission=mission)),
            Wait(2), shot("mission_check"), Press(pygame.K_1), Wait(2),
            shot("mission_check_feeling"), Press(pygame.K_ESCAPE), Wait(1),
            Call(lambda a: a.open("calmer", world=world)), Wait(2), shot("calmer"),
            Press(pygame.K_2), Wait(1),
            Call(lambda a: a.open("homework", world=world, homework_id=homework.id,
                                  when="school")), Wait(1),
            Press(pygame.K_1 + wrong), Wait(2), Press(pygame.K_1 + wrong), Wait(2),
            shot("homework_tip"), Press(pygame.K_ESCAPE), Wait(1),
            WalkTo("2.14"), Press(pygame.K_e), Wait(3)])
        for _ in range(12):  # through the teacher's opening to the moment's question
            conversation = getattr(app.top, "conversation", None)
            if conversation is not None and conversation.at_choice:
                break
            run_script(app, [Press(pygame.K_RETURN), Wait(3)])
        run_script(app, [Wait(5), shot("lesson_moment")])


if __name__ == "__main__":
    main()
