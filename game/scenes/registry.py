"""Screens by name: a scene opens another with `app.open("floor_plan", ...)`, so no
scene imports another and the app knows none of them (see screens.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from game.scenes.base import Scene

SCREENS: dict[str, type[Scene]] = {}
S = TypeVar("S", bound=type[Scene])


def screen(name: str) -> Callable[[S], S]:
    """Register a scene class under a name."""

    def register(cls: S) -> S:
        if name in SCREENS:
            raise TypeError(f"screen '{name}' is registered twice")
        SCREENS[name] = cls
        return cls

    return register
