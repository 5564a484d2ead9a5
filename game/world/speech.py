"""What the game itself says (teachers in lessons, notes, the reflection), in both languages.

The words live in the UI catalogues (game/ui/text/<lang>.yaml, keys `say_*`
and `reflect_*`); this module only fills them in for Dutch and English at once.
"""

from __future__ import annotations

from game.content.schema import LocalText
from game.ui.texts import Texts, key_labels

_TEXTS = Texts()


def both(key: str, **values: object) -> LocalText:
    """The catalogue text in nl and en; LocalText values are filled in per language."""
    out = {}
    for lang in ("nl", "en"):
        filled = {k: (v.get(lang) if isinstance(v, LocalText) else v) for k, v in values.items()}
        out[lang] = _TEXTS.catalogues[lang][key].format(**{**key_labels(), **filled})
    return LocalText(**out)


def joined(*parts: LocalText) -> LocalText:
    return LocalText(nl=" ".join(p.nl for p in parts), en=" ".join(p.en for p in parts))
