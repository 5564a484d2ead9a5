"""YAML that remembers line numbers, so every content error can name its line.

Two YAML 1.1 surprises are switched off for authors: `yes/no/on/off` stay text
(only `true`/`false` are booleans), and `10:15` stays text instead of becoming
the base-60 number 615.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from game.content.errors import ContentError


class LocDict(dict):
    """A mapping with the line of each key (1-based) and of the mapping itself."""

    line: int = 1
    key_lines: dict[Any, int]


class LocList(list):
    """A sequence with the line of each item (1-based) and of the sequence itself."""

    line: int = 1
    item_lines: list[int]


# libyaml's parser when PyYAML has it (about 5x faster: content loads at start-up);
# resolving and building objects stay PyYAML's Python code, with our rules below.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    pass


def _strict_resolvers() -> None:
    resolvers = {
        ch: [(tag, rx) for tag, rx in entries
             if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
                            "tag:yaml.org,2002:float")]
        for ch, entries in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _Loader.yaml_implicit_resolvers = resolvers
    _Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"))
    _Loader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789"))
    _Loader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?$"),
        list("-+0123456789"))


_strict_resolvers()


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocDict:
    loader.flatten_mapping(node)
    result = LocDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError as exc:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word or number", key_node.start_mark
            ) from exc
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}' (each name may appear once here)",
                key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocList:
    result = LocList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


CACHE_VERSION = 1  # raise when LocDict/LocList or the loader's rules change


def _cache_folder() -> Path | None:
    """Where parsed content is kept between starts (ALIEN_OP_SCHOOL_CACHE overrides it;
    empty turns the cache off)."""
    override = os.environ.get("ALIEN_OP_SCHOOL_CACHE")
    if override is not None:
        return Path(override) if override else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("alien-op-school", appauthor=False)) / "content"


def _cache_file(path: Path, text: bytes) -> Path | None:
    folder = _cache_folder()
    if folder is None:
        return None
    digest = hashlib.sha256(text + f"|{CACHE_VERSION}|{yaml.__version__}".encode())
    return folder / f"{digest.hexdigest()[:32]}.pickle"


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; any problem becomes a ContentError with the file and line.

    A file parsed before (the same bytes) comes from a cache of our own making in the
    user's cache folder: the game starts faster with a week of content. The cache is keyed
    by the file's content, so an edit is always read anew; a cache that cannot be read or
    written is simply not used."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ContentError.at(path, 0, "file not found") from exc
    except OSError as exc:
        raise ContentError.at(path, 0, f"cannot read the file: {exc.strerror}") from exc
    cached = _cache_file(path, data)
    if cached is not None:
        try:
            with cached.open("rb") as handle:
                return pickle.load(handle)  # noqa: S301 - written by this code, below
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            pass
    result = _parse(path, data)
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(cached)
        except OSError:
            pass  # a read-only or full disk: parse again next time
    return result


def _parse(path: Path, data: bytes) -> Any:
    """The file's bytes (read once, by load_yaml) as located YAML."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError.at(path, 1, "the file is not UTF-8 text; save it as UTF-8") from exc
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or "not valid YAML"
        if exc.context:
            problem = f"{exc.context}, {problem}"
        raise ContentError.at(path, line, f"YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise ContentError.at(path, 1, f"YAML: {exc}") from exc


def line_of(data: Any, loc: Iterable[Any]) -> int:
    """The line of the value at `loc` (keys and indexes), or of its nearest known parent."""
    line = getattr(data, "line", 1)
    node = data
    for step in loc:
        if isinstance(node, LocDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LocList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line
