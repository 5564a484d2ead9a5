"""UI text from one catalogue per language (game/text/<lang>.yaml).

Placeholders `{key_<action>}` name the pupil's own key for an action; the game
passes its key labels in (the keys can change at any moment in the settings),
so this module needs no pygame.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import yaml

from game import paths

LANGUAGES = ("nl", "en")
KeyLabels = Callable[[], dict[str, str]]


@lru_cache(maxsize=8)
def load_catalogue(language: str, folder: Path = paths.UI_TEXT) -> dict[str, str]:
    """One language's strings; read once per run (the world's speech shares them)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((folder / f"{language}.yaml").read_text(encoding="utf-8"),
                     Loader=loader)  # noqa: S506 - a safe loader
    return {str(k): str(v) for k, v in data.items()}


class Texts:
    """Looks up strings in the current language; switching language is instant."""

    def __init__(self, language: str = "nl", key_labels: KeyLabels | None = None) -> None:
        self.catalogues = {lang: load_catalogue(lang) for lang in LANGUAGES}
        self.language = language if language in LANGUAGES else "nl"
        self.key_labels = key_labels

    def __call__(self, key: str, **values: object) -> str:
        """The text in the current language; {key_<action>} names the pupil's own key."""
        text = self.catalogues[self.language].get(key) or self.catalogues["nl"][key]
        if "{" not in text:
            return text
        labels = self.key_labels() if self.key_labels else {}
        return text.format(**{**labels, **values})

    def floor(self, floor: int) -> str:
        key = f"floor_{floor}"
        if key in self.catalogues[self.language]:
            return self(key)
        return self("floor_n", n=floor)
