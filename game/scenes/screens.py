"""Every screen of the game by name: the one table of screens.

A scene opens another with `app.open("floor_plan", world=...)`, so no scene imports
another and the app knows none of them. Modules are imported on first use, so the
title screen does not wait for the school's code. A new screen is its class plus one
line here (a test checks that every scene class is listed).
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

from game.scenes.base import Scene

SCREENS: dict[str, str] = {
    "title": "game.scenes.title:TitleScene",
    "new_game": "game.scenes.new_game:NewGameScene",
    "class_code": "game.scenes.new_game:ClassCodeScene",
    "intro": "game.scenes.new_game:IntroScene",
    "name_taken": "game.scenes.new_game:NameTakenScene",
    "settings": "game.scenes.settings:SettingsScene",
    "keys": "game.scenes.settings:KeysScene",
    "pause": "game.scenes.pause:PauseScene",
    "time_out": "game.scenes.time_out:TimeOutScene",
    "calmer": "game.scenes.calmer:CalmerScene",
    "mission": "game.scenes.mission:MissionScene",
    "mission_check": "game.scenes.mission:MissionCheckScene",
    "error": "game.scenes.error:ErrorScene",
    "school": "game.scenes.school:SchoolScene",
    "dialogue": "game.scenes.dialogue:DialogueScene",
    "floor_plan": "game.scenes.floor_plan:FloorPlanScene",
    "agenda": "game.scenes.agenda:AgendaScene",
    "homework": "game.scenes.homework:HomeworkScene",
    "help": "game.scenes.help:HelpScene",
    "notebook": "game.scenes.notebook:NotebookScene",
    "accusation": "game.scenes.accusation:AccusationScene",
    "reflection": "game.scenes.day_end:ReflectionScene",
    "evening": "game.scenes.day_end:EveningScene",
    "logbook": "game.scenes.logbook:LogbookScene",
    "consent": "game.scenes.consent:ConsentScene",
    "handover": "game.scenes.handover:HandoverScene",
    "end": "game.scenes.day_end:EndScene",
    "notice": "game.scenes.day_end:NoticeScene",
    "preview": "game.scenes.preview:PreviewScene",
    "quit_wait": "game.scenes.quit_wait:QuitWaitScene",
    "already_open": "game.scenes.already_open:AlreadyOpenScene",
    "crash": "game.scenes.crash:CrashScene",
}
"""name -> "module:Class" of its scene."""


@cache
def screen_class(name: str) -> type[Scene]:
    if name not in SCREENS:
        raise KeyError(f"no screen called {name!r} (see game/scenes/screens.py)")
    module, _, cls = SCREENS[name].partition(":")
    found = getattr(import_module(module), cls)
    if not (isinstance(found, type) and issubclass(found, Scene)):
        raise TypeError(f"{SCREENS[name]} is not a Scene")
    return found
