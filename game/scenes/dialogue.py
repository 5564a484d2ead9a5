"""A conversation on screen: portrait with emotion, text at the chosen speed, choices.

Choices work with number keys, arrows + Enter, and the mouse. The world keeps
running underneath (people walk), but the pupil stands still while talking.
"""

from __future__ import annotations

import pygame

from game import input as keys
from game import paths
from game.content.tags import EMOTIONS
from game.scenes.base import Host, Scene
from game.scenes.card import step
from game.ui import look
from game.world.conversation import Conversation
from game.world.world import World

PORTRAIT = 128
DEFAULT_CHARS_PER_SECOND = 45.0


class Portraits:
    _cache: dict[str, dict[str, pygame.Surface]] = {}

    @classmethod
    def get(cls, sprite: str, emotion: str) -> pygame.Surface:
        if sprite not in cls._cache:
            sheet = pygame.image.load(str(paths.PORTRAITS / f"{sprite}.png")).convert_alpha()
            cls._cache[sprite] = {
                e: sheet.subsurface((i * PORTRAIT, 0, PORTRAIT, PORTRAIT))
                for i, e in enumerate(EMOTIONS)
            }
        faces = cls._cache[sprite]
        return faces.get(emotion, faces["neutral"])


class DialogueScene(Scene):
    transparent = True

    def __init__(self, app: Host, world: World, conversation: Conversation) -> None:
        super().__init__(app)
        self.world = world
        self.conversation = conversation
        self.shown_chars = 0.0
        # No answer is chosen in advance: the first arrow, number or mouse move picks one,
        # so reading on with Enter never answers a question.
        self.selected: int | None = None
        self.choice_rects: list[pygame.Rect] = []
        self._line = conversation.line
        self._choices_seen = False
        self._choices_at = 0.0  # real time the answers appeared (for the choice pause)

    @property
    def chars_per_second(self) -> float | None:
        """None means instant text."""
        speed = self.app.settings.get("text_speed", DEFAULT_CHARS_PER_SECOND)
        return None if speed in (None, 0, "instant") else float(speed)

    def _full_text(self) -> str:
        line = self.conversation.line
        return line.text.get(self.app.texts.language) if line else ""

    def _typing(self) -> bool:
        return self.chars_per_second is not None and self.shown_chars < len(self._full_text())

    # --- input ---
    def handle(self, event: pygame.event.Event) -> None:
        conv = self.conversation
        if keys.is_key(event, keys.BACK_KEYS):
            self.app.open("pause")
            return
        if conv.at_choice and not self._typing():
            self._handle_choice(event)
            return
        onward = keys.CONFIRM_KEYS | keys.action_keys("interact")
        if keys.is_key(event, onward) or keys.is_click(event):
            if self._typing():
                self.shown_chars = float(len(self._full_text()))
            else:
                conv.advance()
                self._after_step()

    def _waiting(self) -> bool:
        """The pupil's choice pause: answers wait a moment so they are read first."""
        pause = float(self.app.settings.get("choice_pause", 0) or 0)
        return self.world.real_time - self._choices_at < pause

    def _handle_choice(self, event: pygame.event.Event) -> None:
        if self._waiting() and (event.type == pygame.KEYDOWN or keys.is_click(event)):
            return
        n = len(self.conversation.choices)
        if keys.is_key(event, keys.NUMBER_KEYS) and keys.NUMBER_KEYS[event.key] < n:
            self._choose(keys.NUMBER_KEYS[event.key])
        elif keys.is_action(event, "down"):
            self.selected = step(self.selected, n, 1)
        elif keys.is_action(event, "up"):
            self.selected = step(self.selected, n, -1)
        elif keys.is_key(event, keys.CONFIRM_KEYS) and self.selected is not None:
            self._choose(self.selected)
        elif event.type == pygame.MOUSEMOTION:
            for i, rect in enumerate(self.choice_rects):
                if rect.collidepoint(event.pos):
                    self.selected = i
        elif keys.is_click(event):
            for i, rect in enumerate(self.choice_rects):
                if rect.collidepoint(event.pos):
                    self._choose(i)

    def _choose(self, index: int) -> None:
        self.conversation.choose(index)
        self.selected = None
        self._choices_seen = False
        self._after_step()

    def _after_step(self) -> None:
        if self.world.wants_calmer:  # answers came very quickly: offer a calmer pace
            self.world.wants_calmer = False
            if self.conversation.finished:
                self.app.pop()
            self.app.open("calmer", world=self.world)
            return
        if self.conversation.finished:
            self.app.pop()
            return
        if self.conversation.line is not self._line:
            self._line = self.conversation.line
            self.shown_chars = 0.0

    def update(self, dt: float) -> None:
        self.world.update(dt)
        if self.conversation.at_choice and not self._typing() and not self._choices_seen:
            self._choices_seen = True  # the thinking time counts from here
            self._choices_at = self.world.real_time
            self.conversation.choices_shown()
        if self.chars_per_second is not None:
            self.shown_chars = min(float(len(self._full_text())),
                                   self.shown_chars + dt * self.chars_per_second)

    # --- drawing ---
    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        t = self.app.texts
        box = pygame.Rect(40, h - 250, w - 80, 230)
        look.panel(surface, box)
        line = self.conversation.line
        if line is not None:
            if line.speaker == "player":
                sprite, name = "player", t("dialogue_you")
            else:
                character = self.world.level.character(line.speaker)
                sprite, name = character.sprite, character.named(t.language)
            surface.blit(Portraits.get(sprite, line.emotion), (box.x + 22, box.y + 22))
            surface.blit(look.text(name, 36, look.ACCENT, bold=True), (box.x + 176, box.y + 22))
            text = self._full_text()
            if self.chars_per_second is not None:
                text = text[: int(self.shown_chars)]
            look.blit_lines(surface, look.wrap(text, 36, box.w - 210), 36, box.x + 176,
                            box.y + 66)
        hint_key = "dialogue_next"
        if self.conversation.at_choice and not self._typing():
            self._draw_choices(surface, box)
            hint_key = "dialogue_read_first" if self._waiting() else "dialogue_choose"
        hint = look.text(t(hint_key, n=len(self.conversation.choices)), 26, look.MUTED)
        surface.blit(hint, hint.get_rect(bottomright=(box.right - 20, box.bottom - 12)))

    def _draw_choices(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        lang = self.app.texts.language
        choices = self.conversation.choices
        row_h = 52
        panel = pygame.Rect(box.x + 150, 0, box.w - 150, len(choices) * (row_h + 8) + 24)
        panel.bottom = box.y - 12
        look.panel(surface, panel)
        self.choice_rects = []
        for i, choice in enumerate(choices):
            rect = pygame.Rect(panel.x + 12, panel.y + 12 + i * (row_h + 8), panel.w - 24, row_h)
            chosen = i == self.selected
            pygame.draw.rect(surface, look.ACCENT if chosen else look.ACCENT_SOFT, rect,
                             border_radius=10)
            colour = look.PAPER if chosen else look.INK
            label = f"{i + 1}.  {choice.text.get(lang)}"
            surface.blit(look.text(label, 34, colour), (rect.x + 16, rect.y + 13))
            self.choice_rects.append(rect)
