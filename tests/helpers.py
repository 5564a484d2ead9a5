"""Steps that tests share: getting from the title screen into the school."""

from __future__ import annotations

import pygame

from game.scripted import Press, Type, Wait


def start_new_game(pupil: str = "Agent Kiwi") -> list:
    # Key 1 picks "Nieuw spel", whichever title item is highlighted.
    return [Wait(1), Press(pygame.K_1), Type(pupil), Press(pygame.K_RETURN), Wait(1),
            Press(pygame.K_RETURN), Wait(2)]
