"""UI text from one catalogue per language (game/ui/text/<lang>.yaml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from game import paths
from game.input import keymap

LANGUAGES = ("nl", "en")


@lru_cache(maxsize=8)
def load_catalogue(language: str, folder: Path = paths.UI_TEXT) -> dict[str, str]:
    """One language's UI strings; read once per run (the world's speech shares them)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((folder / f"{language}.yaml").read_text(encoding="utf-8"),
                     Loader=loader)  # noqa: S506 - a safe loader
    return {str(k): str(v) for k, v in data.items()}


def key_labels() -> dict[str, str]:
    current = keymap()
    return {f"key_{action}": current.label(action) for action in current.names}


class Texts:
    """Looks up UI strings in the current language; switching language is instant."""

    def __init__(self, language: str = "nl") -> None:
        self.catalogues = {lang: load_catalogue(lang) for lang in LANGUAGES}
        self.language = language if language in LANGUAGES else "nl"

    def __call__(self, key: str, **values: object) -> str:
        """The text in the current language; {key_<action>} names the pupil's own key."""
        text = self.catalogues[self.language].get(key) or self.catalogues["nl"][key]
        if "{" not in text:
            return text
        return text.format(**{**key_labels(), **values})

    def floor(self, floor: int) -> str:
        key = f"floor_{floor}"
        if key in self.catalogues[self.language]:
            return self(key)
        return self("floor_n", n=floor)
