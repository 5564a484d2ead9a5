"""The reference tables in the docs, made from the registries so they cannot drift.

`python tools/make_docs.py` writes them between `<!-- name:start -->` and
`<!-- name:end -->` markers in docs/dialogues.md, docs/architecture.md and the
README; a test fails when a file differs from what the registries say.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from game import paths
from game.events import KINDS
from game.journal.exports import EXPORTS
from game.rules.conditions import CHECKS
from game.rules.effects import EFFECTS


def checks_table() -> str:
    lines = ["| check | example | holds when |", "| --- | --- | --- |"]
    lines += [f"| `{key}` | `{cls.example}` | {cls.summary()} |" for key, cls in CHECKS.items()]
    return "\n".join(lines)


def effects_table() -> str:
    lines = ["| effect | example | what happens |", "| --- | --- | --- |"]
    lines += [f"| `{key}` | `- {cls.example}` | {cls.summary()} |"
              for key, cls in EFFECTS.items()]
    return "\n".join(lines)


def events_table() -> str:
    lines = ["| kind | class | committed at once | in the mentor's story | xAPI verb |",
             "| --- | --- | --- | --- | --- |"]
    for kind, cls in sorted(KINDS.items()):
        verb = cls.xapi_verb()
        lines.append(f"| `{kind}` | `{cls.__module__.rsplit('.', 1)[-1]}.{cls.__name__}` "
                     f"| {'yes' if cls.immediate else ''} | {cls.story} | {verb.en} |")
    return "\n".join(lines)


def exports_table() -> str:
    lines = ["| format | file | can be imported | what it holds |", "| --- | --- | --- | --- |"]
    lines += [f"| `{f.name}` | `*{f.suffix}` | {'yes' if f.importable else 'no'} | {f.what} |"
              for f in EXPORTS.values()]
    return "\n".join(lines)


SECTIONS: dict[str, tuple[Path, Callable[[], str]]] = {
    "checks": (paths.ROOT / "docs" / "dialogues.md", checks_table),
    "effects": (paths.ROOT / "docs" / "dialogues.md", effects_table),
    "events": (paths.ROOT / "docs" / "architecture.md", events_table),
    "exports": (paths.ROOT / "README.md", exports_table),
}


def filled(text: str, name: str, table: str) -> str:
    """`text` with the section `name` replaced by `table` (the markers must be there)."""
    pattern = re.compile(rf"(<!-- {name}:start -->\n)(?:.*?\n)?(<!-- {name}:end -->)", re.S)
    if not pattern.search(text):
        raise KeyError(f"no <!-- {name}:start --> ... <!-- {name}:end --> markers")
    return pattern.sub(lambda m: m.group(1) + table + "\n" + m.group(2), text)


def stale() -> list[str]:
    """The sections whose file does not show what the registries say."""
    return [name for name, (path, make) in SECTIONS.items()
            if filled(path.read_text(encoding="utf-8"), name, make())
            != path.read_text(encoding="utf-8")]


def write_all() -> list[Path]:
    written = []
    for name, (path, make) in SECTIONS.items():
        text = path.read_text(encoding="utf-8")
        new = filled(text, name, make())
        if new != text:
            path.write_text(new, encoding="utf-8")
            written.append(path)
    return written
