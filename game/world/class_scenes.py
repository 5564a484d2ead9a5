"""Class mode: the level's scenes, played in order, each ending with a question.

A scene runs while its flag (`ClassScene.start_flag`) is set: its dialogue starts
on that flag. It is done when its dialogue sets the scene's `done_flag`; then
the question to think about is shown and the next scene starts. Nothing is
scored: the choices go to the log for the class talk. These functions only
read; the World starts and ends scenes.
"""

from __future__ import annotations

from game.content.level import ClassScene, Level
from game.rules.state import PupilState


def current(level: Level, state: PupilState) -> ClassScene | None:
    """The scene being played (or about to start); None when all are done."""
    return next((s for s in level.scenes if s.id not in state.scenes_done), None)


def number(level: Level, scene: ClassScene) -> int:
    return level.scenes.index(scene) + 1


def to_begin(level: Level, state: PupilState) -> ClassScene | None:
    """The current scene, when it has not started yet."""
    scene = current(level, state)
    return scene if scene is not None and scene.start_flag not in state.flags else None


def finished(level: Level, state: PupilState) -> ClassScene | None:
    """The current scene, when its dialogue just set its done flag."""
    scene = current(level, state)
    return scene if scene is not None and scene.done_flag in state.flags else None
