"""Steps that tests share: getting from the title screen into the school."""

from __future__ import annotations

import pygame

from game.scripted import Call, Press, Type, Wait


def start_new_game(pupil: str = "Agent Kiwi") -> list:
    # Key 1 picks "Nieuw spel", whichever title item is highlighted.
    return [Wait(1), Press(pygame.K_1), Type(pupil), Press(pygame.K_RETURN), Wait(1),
            Press(pygame.K_RETURN), Wait(2)]


def change_setting(setting: str, times: int = 1) -> list:
    """On the settings screen: arrows to the row of `setting`, wherever a designer puts
    it, then Enter `times` times (each moves it to its next value)."""
    from game.scenes.settings import ROWS

    row = [name for name, _ in ROWS].index(setting)
    steps: list = [Press(pygame.K_DOWN) for _ in range(row)]
    for _ in range(times):
        steps += [Press(pygame.K_RETURN), Wait(1)]
    return steps


def choose_key(action: str, key: int) -> list:
    """On the keys screen: arrows to the action's row, Enter, then the new key."""
    from game.settings import ACTIONS

    row = list(ACTIONS).index(action)
    return [Press(pygame.K_DOWN) for _ in range(row)] + [Press(pygame.K_RETURN), Press(key)]


def pause_menu(label_key: str) -> list:
    """Esc, then the pause menu's item with this label (by its number key, wherever a
    designer puts it)."""
    def press(app) -> None:
        labels = [label for label, _ in app.top.menu.items]
        index = labels.index(app.texts(label_key))
        app.top.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1 + index, mod=0,
                                          unicode=str(index + 1), scancode=0))
    return [Press(pygame.K_ESCAPE), Wait(1), Call(press), Wait(1)]
