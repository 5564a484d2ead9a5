"""Objects placed from Tiled templates (.tx): the map stores only what differs from the
template, and pytmx does not read templates, so the template's name, size and
properties are filled in here before the school map reader looks at the object."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.content.errors import Problem

_CASTS: dict[str, Callable[[str], object]] = {"int": int, "float": float,
                                              "bool": lambda v: v == "true"}


def _read(path: Path) -> ET.Element | None:
    try:
        return ET.parse(path).getroot().find("object")
    except (OSError, ET.ParseError):
        return None


def apply_templates(tmx: Any, map_path: Path) -> list[Problem]:
    """Fill in every templated object of the map; a missing template is a problem."""
    problems: list[Problem] = []
    cache: dict[str, ET.Element | None] = {}
    for layer in tmx.objectgroups:
        for obj in layer:
            source = getattr(obj, "template", None)
            if not source:
                continue
            if source not in cache:
                cache[source] = _read(map_path.parent / source)
            template = cache[source]
            if template is None:
                problems.append(Problem(map_path, 1, f"object {obj.name or obj.id} uses the "
                                                     f"template '{source}', which cannot be read"))
                continue
            if not obj.name:
                obj.name = template.get("name")
            for key in ("width", "height"):
                if not getattr(obj, key) and template.get(key):
                    setattr(obj, key, float(template.get(key, "0")))
            for prop in template.iter("property"):
                name = prop.get("name", "")
                if name and name not in obj.properties:
                    cast = _CASTS.get(prop.get("type", ""), str)
                    obj.properties[name] = cast(prop.get("value", ""))
    return problems
