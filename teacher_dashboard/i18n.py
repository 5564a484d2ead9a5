"""The dashboard's words: one catalogue per language (text/<lang>.yaml, read and filled
in as the game's own: game/text/catalogue.py), the language the teacher chose (kept in
the session), and `t()` for the views and the templates."""

from __future__ import annotations

from typing import Any

from flask import session

from game import paths
from game.text.catalogue import LANGUAGES, Entry, fill, load_catalogue

TEXT_FOLDER = paths.DASHBOARD_TEXT


def catalogue(language: str) -> dict[str, Entry]:
    """One language's dashboard texts (read once per run)."""
    return load_catalogue(language, TEXT_FOLDER)


def text_in(language: str, key: str, **values: Any) -> str:
    """The text for `key` in `language`, falling back to Dutch, then to the key itself."""
    entry = catalogue(language).get(key) or catalogue("nl").get(key)
    if entry is None:
        return key
    if not values and isinstance(entry, str):
        return entry
    return fill(entry, values, language)


def language() -> str:
    """The teacher's language for this request (Dutch until they switch)."""
    chosen = session.get("lang")
    return chosen if chosen in LANGUAGES else "nl"


def t(key: str, **values: Any) -> str:
    """The text for `key` in the teacher's language."""
    return text_in(language(), key, **values)
