"""Class mode: the level's scenes, played in order, each ending with a question.

A scene starts by setting the flag `scene-<id>` (its dialogue starts on that
flag) and showing its intro; it ends when its dialogue sets the scene's
`done_flag`. Then the question to think about is shown and the next scene
starts. Nothing is scored: the choices go to the log for the class talk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.content.level import ClassScene

if TYPE_CHECKING:
    from game.world.world import World


def current(world: World) -> ClassScene | None:
    return next((s for s in world.level.scenes if s.id not in world.state.scenes_done), None)


def number(world: World, scene: ClassScene) -> int:
    return world.level.scenes.index(scene) + 1


def begin(world: World) -> None:
    """Start the current scene, once: its flag, its intro card, a log event."""
    scene = current(world)
    if scene is None or f"scene-{scene.id}" in world.state.flags:
        return
    world.state.flags.add(f"scene-{scene.id}")
    world.emit("scene_start", {"scene": scene.id, "number": number(world, scene),
                               "of": len(world.level.scenes)})
    world.cards.append(("scene_title", scene.intro, number(world, scene)))


def after_conversation(world: World) -> None:
    """A conversation ended: if it finished the scene, ask the question and go on."""
    scene = current(world)
    if scene is None or scene.done_flag not in world.state.flags:
        return
    world.state.scenes_done.append(scene.id)
    world.state.flags.discard(f"scene-{scene.id}")
    world.emit("scene_end", {"scene": scene.id, "number": number(world, scene),
                             "think_about": {"nl": scene.think_about.nl,
                                             "en": scene.think_about.en}})
    world.cards.append(("scene_think", scene.think_about, number(world, scene)))
    if current(world) is None:
        world.finish_level()
    else:
        begin(world)
