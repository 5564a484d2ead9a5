"""For writers: one conversation straight away (`main.py play --dialogue ID`), in the
situation they choose (the day, flags, moods, relations), and R to read the file again
after an edit. Nothing is logged and nothing is saved.
"""

from __future__ import annotations

import pygame

from game import input as keys
from game.content.checks import check_dialogue_against_level, check_dialogue_graph
from game.content.dialogue import load_dialogue
from game.content.errors import ContentError, Problem
from game.options import Situation
from game.scenes.backdrop import card_on_backdrop
from game.scenes.base import Host, Scene
from game.session import Player, PlaySession
from game.ui import look


class PreviewScene(Scene):
    def __init__(self, app: Host, dialogue_id: str, situation: Situation) -> None:
        super().__init__(app)
        self.dialogue_id = dialogue_id
        self.situation = situation
        self.problems: list[Problem] = []
        self.runs = 0
        self.talking = False

    def start(self) -> None:
        """A fresh world in the chosen situation, and the conversation on screen."""
        content = self.app.content
        assert content is not None
        session = PlaySession(content, Player("voorbeeld", self.app.texts.language),
                              seed=1)
        world = session.start()
        for _ in range(max(0, self.situation.day - 1)):
            world.end_day()
            world.start_next_day()
        world.state.flags.update(self.situation.flags)
        world.state.moods.update(self.situation.moods)
        world.state.relations.update(self.situation.relations)
        dialogue = content.dialogues[self.dialogue_id]
        npc = world.npcs.get(dialogue.character)
        if npc is None:
            self.problems = [Problem(content.level_path, 0, f"'{dialogue.character}' is not at "
                                     f"school on day {self.situation.day}")]
            return
        conversation = world.talk(npc)
        if conversation is not None:
            self.runs += 1
            self.talking = True
            self.app.open("dialogue", world=world, conversation=conversation)

    def reload(self) -> None:
        """Read the dialogue file again, with every check the game makes."""
        content = self.app.content
        assert content is not None
        path = content.dialogue_paths[self.dialogue_id]
        try:
            dialogue, raw = load_dialogue(path)
        except ContentError as exc:
            self.problems = exc.problems
            return
        self.problems = check_dialogue_graph(dialogue, raw, path) + \
            check_dialogue_against_level(dialogue, raw, path, content.level)
        if not self.problems:
            content.dialogues[self.dialogue_id] = dialogue
            self.start()

    def on_resume(self) -> None:
        self.talking = False

    def update(self, dt: float) -> None:
        if self.runs == 0 and not self.problems:
            self.start()

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS):
            self.app.quit()
        elif keys.is_key(event, {pygame.K_r}):
            self.reload()
        elif keys.is_key(event, keys.CONFIRM_KEYS) and not self.problems:
            self.start()

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        box = card_on_backdrop(surface, w - 120, h - 120)
        t = self.app.texts
        y = look.blit_lines(surface, look.wrap(t("preview_title", id=self.dialogue_id), 40,
                                               box.w - 60, bold=True), 40, box.x + 30,
                            box.y + 24, bold=True) + 16
        for problem in self.problems[:10]:
            y = look.blit_lines(surface, look.wrap(str(problem), 26, box.w - 60), 26,
                                box.x + 30, y, (170, 80, 60)) + 6
        if not self.problems:
            y = look.blit_lines(surface, look.wrap(t("preview_done", n=self.runs), 30,
                                                   box.w - 60), 30, box.x + 30, y)
        look.blit_lines(surface, look.wrap(t("preview_keys"), 28, box.w - 60), 28, box.x + 30,
                        box.bottom - 30 - 2 * look.line_height(28), look.MUTED)
