"""What the game itself says (teachers in lessons), in both languages at once.

The words live in the catalogues (game/text/<lang>.yaml, keys `say_*`); this
module only fills them in for Dutch and English together, because the log keeps
both. The world's lines name no keys: those belong to the screens.
"""

from __future__ import annotations

from game.content.schema import LocalText
from game.text.catalogue import LANGUAGES, fill, load_catalogue


def both(key: str, **values: object) -> LocalText:
    """The catalogue text in nl and en; LocalText values are filled in per language."""
    out = {}
    for lang in LANGUAGES:
        filled = {k: (v.get(lang) if isinstance(v, LocalText) else v) for k, v in values.items()}
        out[lang] = fill(load_catalogue(lang)[key], filled, lang)
    return LocalText(nl=out["nl"], en=out["en"])


def joined(*parts: LocalText) -> LocalText:
    return LocalText(nl=" ".join(p.nl for p in parts), en=" ".join(p.en for p in parts))
