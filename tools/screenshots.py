"""Saves screenshots of the school-day screens to a folder (default: /tmp/shots).

Run: SDL_VIDEODRIVER=dummy python tools/screenshots.py [FOLDER] [nl|en]
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
from game.scripted import Call, Press, Wait, run_script


def opened(name: str, **kwargs: object) -> Call:
    return Call(lambda a: a.open(name, **kwargs))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")
    language = sys.argv[2] if len(sys.argv) > 2 else "nl"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Options(level=paths.DEFAULT_LEVEL, data_dir=Path(tmp), fast=True, seed=3,
                          language=language))
        app.settings["route_assist"] = True
        run_script(app, start_new_game())
        assert app.session is not None
        world = app.session.world
        world.state.homework = ["wiskunde-som"]
        world.state.homework_noted = ["wiskunde-som"]
        world.state.clues = ["mentor-observatie", "noor-tip"]

        def shot(name: str):
            return Call(lambda a: pygame.image.save(a.screen, str(out / f"{name}.png")))

        steps = [
            opened("floor_plan", world=world), Wait(2), shot("floor_plan"),
            Press(pygame.K_ESCAPE), Wait(1),
            opened("agenda", world=world), Press(pygame.K_RETURN), Wait(2),
            shot("agenda"), Press(pygame.K_ESCAPE), Wait(1),
            opened("homework", world=world, homework_id="wiskunde-som", when="school"),
            Wait(1), Press(pygame.K_1), Wait(2), shot("homework"), Press(pygame.K_ESCAPE),
            Wait(1), opened("notebook", world=world), Wait(2), shot("notebook"),
            Press(pygame.K_a), Wait(2), shot("accusation"), Press(pygame.K_2), Wait(1),
            Press(pygame.K_1), Wait(2), shot("accusation_result"), Press(pygame.K_ESCAPE),
            Wait(1), Press(pygame.K_ESCAPE), Wait(1),
            opened("reflection", world=world), Wait(2), shot("reflection"),
            Call(lambda a: a.pop()),
            opened("evening", world=world), Wait(2), shot("evening"),
            Call(lambda a: a.pop()), Wait(1),
        ]
        run_script(app, steps)
        # A lesson: walk into 2.14 and let the bell ring.
        from game.scenes.school import SchoolScene
        from game.scripted import WalkTo

        while not isinstance(app.top, SchoolScene):  # back to the school itself
            app.pop()
        run_script(app, [WalkTo("2.14"), Press(pygame.K_e), Wait(3), shot("lesson"),
                         Press(pygame.K_RETURN), Wait(3), Press(pygame.K_RETURN), Wait(3),
                         Press(pygame.K_RETURN), Wait(3), Press(pygame.K_RETURN), Wait(60),
                         shot("lesson_homework")])
        settings_shots(out, language)
        class_shots(out, language, Path(tmp))
    print(f"screenshots in {out}")


def settings_shots(out: Path, language: str) -> None:
    """The school, help and settings screens; then calm mode; then large dyslexia text."""
    from game.scripted import WalkTo

    with tempfile.TemporaryDirectory() as tmp:
        app = App(Options(level=paths.DEFAULT_LEVEL, data_dir=Path(tmp), fast=True, seed=3,
                          language=language))
        run_script(app, start_new_game())

        def shot(name: str):
            return Call(lambda a: pygame.image.save(a.screen, str(out / f"{name}.png")))

        run_script(app, [WalkTo("aula"), Wait(2), shot("school"), Press(pygame.K_h), Wait(2),
                         shot("help"), Press(pygame.K_ESCAPE), Wait(1),
                         opened("settings"), Wait(2), shot("settings"),
                         opened("keys"), Wait(2), shot("keys"),
                         Press(pygame.K_ESCAPE), Press(pygame.K_ESCAPE), Wait(1),
                         Call(lambda a: a.open("time_out", world=a.session.world)), Wait(150),
                         shot("time_out"), Press(pygame.K_ESCAPE), Wait(1),
                         opened("settings"), Wait(1), opened("keys"), Wait(1),
                         Press(pygame.K_ESCAPE), Press(pygame.K_ESCAPE), Wait(1),
                         Call(lambda a: a.change_setting("low_stimulus", True)), Wait(60),
                         shot("school_calm"),
                         Call(lambda a: a.change_setting("low_stimulus", False)),
                         Call(lambda a: a.change_setting("text_size", "larger")),
                         Call(lambda a: a.change_setting("font", "dyslexic")), Wait(2),
                         shot("school_large_dyslexic"), Press(pygame.K_h), Wait(2),
                         shot("help_large_dyslexic"), Press(pygame.K_ESCAPE),
                         opened("settings"), Wait(2),
                         shot("settings_large_dyslexic"), Press(pygame.K_ESCAPE), Wait(1),
                         Call(lambda a: a.open("time_out", world=a.session.world)), Wait(150),
                         shot("time_out_large_dyslexic"), Press(pygame.K_ESCAPE), Wait(1),
                         Call(lambda a: a.change_setting("text_speed", "instant")),
                         WalkTo("noor"), Press(pygame.K_e), Wait(30),
                         shot("dialogue_large_dyslexic")])


def class_shots(out: Path, language: str, tmp: Path) -> None:
    """Class mode against a real dashboard on loopback: a scene card, a choice, the
    think-about card and the end card with the sending status."""
    import threading

    from werkzeug.serving import make_server

    from game.journal import admin
    from game.scenes.day_end import NoticeScene
    from game.scenes.dialogue import DialogueScene
    from game.scripted import WalkTo
    from teacher_dashboard.app import create_app
    from teacher_dashboard.passwords import save_password

    teacher_db = tmp / "leraar.sqlite"
    admin.open_class(teacher_db, "1B")
    dashboard = create_app(teacher_db, save_password(teacher_db, "screenshots"))
    server = make_server("127.0.0.1", 0, dashboard, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    app = App(Options(data_dir=tmp / "klas", fast=True, seed=3, language=language,
                      level=paths.LEVELS / "samen-in-de-klas.yaml", class_code="1B",
                      server=f"http://127.0.0.1:{server.server_port}"))
    app.settings["text_speed"] = "instant"
    run_script(app, [Wait(2), Call(lambda a: pygame.image.save(a.screen, str(out / "consent.png"))),
                     Press(pygame.K_1), Wait(1)])  # the pupil's yes before anything is sent

    def shot(name: str):
        return Call(lambda a: pygame.image.save(a.screen, str(out / f"{name}.png")))

    def next_step(a) -> None:
        if isinstance(a.top, DialogueScene) and a.top.conversation.at_choice:
            # read the answers a moment first, as a pupil does (answers in under a second
            # in a row bring the offer of a calmer pace, which Enter alone never answers)
            run_script(a, [Wait(70), Press(pygame.K_2), Wait(2)])
        else:
            run_script(a, [Press(pygame.K_RETURN), Wait(2)])

    run_script(app, start_new_game("Agent Komeet") + [Wait(2), shot("class_scene_card"),
                                                       Press(pygame.K_RETURN), Wait(2),
                                                       shot("class_room")])
    assert app.content is not None
    for number, scene in enumerate(app.content.level.scenes, start=1):
        run_script(app, [WalkTo(scene.talk_to), Press(pygame.K_e), Wait(3)])
        while not (isinstance(app.top, DialogueScene) and app.top.conversation.at_choice):
            next_step(app)
        if number == 1:
            run_script(app, [Wait(2), shot("class_choice")])
        while not isinstance(app.top, NoticeScene):
            next_step(app)
        if number == 1:
            run_script(app, [Wait(2), shot("class_think")])
        while isinstance(app.top, NoticeScene):
            run_script(app, [Press(pygame.K_RETURN), Wait(2)])
    import time

    run_script(app, [Wait(10)])
    time.sleep(2.5)  # the uploader sends in real time, once a second
    run_script(app, [Wait(10), shot("class_end")])
    app.quit()
    server.shutdown()


if __name__ == "__main__":
    main()
