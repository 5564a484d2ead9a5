"""UI text from one catalogue per language (game/text/<lang>.yaml).

An entry is a text, or its forms by count (`{one: ..., other: ...}`, chosen by
the value `n`), so a sentence reads "1 aanwijzing" and "2 aanwijzingen" without
"(en)". Numbers with a fraction are written the way each language writes them
(19,7 in Dutch). Placeholders `{key_<action>}` name the pupil's own key for an
action; the game passes its key labels in (keys can change at any moment), so
this module needs no pygame.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from game import paths

LANGUAGES = ("nl", "en")
KeyLabels = Callable[[], dict[str, str]]
Entry = str | dict[str, str]
"""A text, or its forms by count: {"one": ..., "other": ...}."""
FORMS = ("one", "other")


@lru_cache(maxsize=8)
def load_catalogue(language: str, folder: Path = paths.UI_TEXT) -> dict[str, Entry]:
    """One language's strings; read once per run (the world's speech shares them)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((folder / f"{language}.yaml").read_text(encoding="utf-8"),
                     Loader=loader)  # noqa: S506 - a safe loader
    out: dict[str, Entry] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            if set(value) != set(FORMS):
                raise ValueError(f"{folder / language}.yaml: '{key}' needs exactly the "
                                 f"forms {FORMS}")
            out[str(key)] = {str(k): str(v) for k, v in value.items()}
        else:
            out[str(key)] = str(value)
    return out


def number(value: float, language: str) -> str:
    """A number as the language writes it: 19,7 in Dutch, 19.7 in English."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    text = f"{value:.1f}"
    return text.replace(".", ",") if language == "nl" else text


def fill(entry: Entry, values: Mapping[str, Any], language: str) -> str:
    """The entry's text with its blanks filled; the form follows the count `n`."""
    if isinstance(entry, dict):
        count = values.get("n")
        if not isinstance(count, int | float):
            raise KeyError("a text with forms by count needs a number 'n'")
        entry = entry["one"] if count == 1 else entry["other"]
    if "{" not in entry:
        return entry
    shown = {k: number(v, language) if isinstance(v, float) else v for k, v in values.items()}
    return entry.format(**shown)


class Texts:
    """Looks up strings in the current language; switching language is instant."""

    def __init__(self, language: str = "nl", key_labels: KeyLabels | None = None) -> None:
        self.catalogues = {lang: load_catalogue(lang) for lang in LANGUAGES}
        self.language = language if language in LANGUAGES else "nl"
        self.key_labels = key_labels

    def __call__(self, key: str, **values: object) -> str:
        """The text in the current language; {key_<action>} names the pupil's own key."""
        entry = self.catalogues[self.language].get(key) or self.catalogues["nl"][key]
        labels = self.key_labels() if self.key_labels else {}
        return fill(entry, {**labels, **values}, self.language)

    def name_of(self, key: str) -> str:
        """A plain catalogue text that has no blanks (a language's own name, say)."""
        entry = self.catalogues[self.language].get(key) or self.catalogues["nl"][key]
        return entry if isinstance(entry, str) else entry["other"]

    def floor(self, floor: int) -> str:
        key = f"floor_{floor}"
        if key in self.catalogues[self.language]:
            return self(key)
        return self("floor_n", n=floor)
