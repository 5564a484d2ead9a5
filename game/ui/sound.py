"""The few sounds (bell, clue chime) and the calm music loop, at the pupil's volumes.

A machine without a sound card just stays quiet: nothing here may stop the game.
Low-stimulus mode never plays music.
"""

from __future__ import annotations

import pygame

from game import paths
from game.settings import VOLUME_STEPS

EFFECTS = ("bell", "clue")


class Sounds:
    def __init__(self) -> None:
        self.effects: dict[str, pygame.mixer.Sound] = {}
        self.sound_volume = 0.0
        self.music_volume = 0.0
        self.music_allowed = True
        self.music_wanted = False   # the school is on screen
        self.music_playing = False
        try:
            pygame.mixer.init()
            self.ok = True
        except pygame.error:
            self.ok = False
            return
        for name in EFFECTS:
            path = paths.SOUNDS / f"{name}.wav"
            if path.exists():
                self.effects[name] = pygame.mixer.Sound(str(path))

    def configure(self, sound_volume: int, music_volume: int, *, low_stimulus: bool) -> None:
        self.sound_volume = sound_volume / VOLUME_STEPS
        self.music_volume = music_volume / VOLUME_STEPS
        self.music_allowed = not low_stimulus
        for effect in self.effects.values():
            effect.set_volume(self.sound_volume)
        self._update_music()

    def play(self, name: str) -> None:
        effect = self.effects.get(name)
        if effect is not None and self.sound_volume > 0:
            effect.play()

    def want_music(self, wanted: bool) -> None:
        self.music_wanted = wanted
        self._update_music()

    @property
    def music_on(self) -> bool:
        return self.music_wanted and self.music_allowed and self.music_volume > 0

    def _update_music(self) -> None:
        if not self.ok:
            return
        if self.music_on and not self.music_playing:
            try:
                pygame.mixer.music.load(str(paths.SOUNDS / "music.wav"))
                pygame.mixer.music.play(-1, fade_ms=2000)
                self.music_playing = True
            except pygame.error:
                return
        elif not self.music_on and self.music_playing:
            pygame.mixer.music.fadeout(800)
            self.music_playing = False
        if self.music_playing:
            pygame.mixer.music.set_volume(self.music_volume)
