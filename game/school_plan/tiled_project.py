"""The Tiled project for hand edits: custom property types (the room kinds as an enum,
facings, a class per object kind with its properties) and object templates (.tx) for a
room, a door, stairs, a spawn point and a character, so an edit is a drag, not typing."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from game.content.school_map import FACINGS
from game.school_plan.plan import KINDS

T = 32

# class name -> (colour, [(member, type, default, property type)])
CLASSES: dict[str, tuple[str, list[tuple[str, str, object, str | None]]]] = {
    "Room": ("#ff7aa0d8", [("floor", "int", 0, None), ("kind", "string", "classroom", "RoomKind"),
                           ("label_en", "string", "Room 0.01", None),
                           ("label_nl", "string", "Lokaal 0.01", None)]),
    "Door": ("#ffd09a50", [("room", "string", "0.01", None)]),
    "Stairs": ("#ffa08a60", [("label_en", "string", "Stairs up", None),
                             ("label_nl", "string", "Trap omhoog", None),
                             ("target", "string", "aankomst-1-van-onder", None)]),
    "Spawn": ("#ff6ab48a", [("facing", "string", "down", "Facing")]),
    "Character": ("#ffe0a040", [("character", "string", "noor", None),
                                ("walk_to", "string", "", None)]),
}
# template file -> (class, name, size in tiles or None for a point)
TEMPLATES: dict[str, tuple[str, str, tuple[int, int] | None]] = {
    "room.tx": ("Room", "0.01", (8, 9)),
    "door.tx": ("Door", "deur-0.01", (1, 1)),
    "stairs.tx": ("Stairs", "trap-omhoog-0", (2, 2)),
    "spawn.tx": ("Spawn", "binnen-0.01", None),
    "character.tx": ("Character", "noor", None),
}


def project_json(folders: list[str]) -> str:
    types: list[dict[str, object]] = [
        {"id": 1, "name": "RoomKind", "type": "enum", "storageType": "string",
         "values": ["corridor", *KINDS], "valuesAsFlags": False},
        {"id": 2, "name": "Facing", "type": "enum", "storageType": "string",
         "values": list(FACINGS), "valuesAsFlags": False},
    ]
    for n, (name, (colour, members)) in enumerate(CLASSES.items(), start=3):
        types.append({
            "id": n, "name": name, "type": "class", "useAs": ["object"], "color": colour,
            "drawFill": True,
            "members": [{"name": m, "type": t, "value": v,
                         **({"propertyType": p} if p else {})} for m, t, v, p in members]})
    project = {"automappingRulesFile": "", "commands": [], "compatibilityVersion": 1100,
               "extensionsPath": "extensions", "folders": folders, "objectTypesFile": "",
               "propertyTypes": types}
    return json.dumps(project, indent=4, ensure_ascii=False) + "\n"


def template_xml(cls: str, name: str, size: tuple[int, int] | None) -> str:
    dims = f' width="{size[0] * T}" height="{size[1] * T}"' if size else ""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<template>",
             f' <object type="{cls}" name="{escape(name)}"{dims}>', "  <properties>"]
    for member, kind, value, ptype in CLASSES[cls][1]:
        if member == "walk_to":
            continue  # only for people who walk: add it by hand
        typed = f' type="{kind}"' if kind != "string" else ""
        typed += f' propertytype="{ptype}"' if ptype else ""
        lines.append(f'   <property name="{member}"{typed} value="{escape(str(value))}"/>')
    lines.append("  </properties>")
    if size is None:
        lines.append("  <point/>")
    lines += [" </object>", "</template>"]
    return "\n".join(lines) + "\n"


def write_project(project_file: Path, templates_dir: Path, folders: list[str]) -> None:
    """The project file and its templates (next to the maps, as `templates/*.tx`)."""
    project_file.parent.mkdir(parents=True, exist_ok=True)
    project_file.write_text(project_json(folders), encoding="utf-8")
    templates_dir.mkdir(parents=True, exist_ok=True)
    for file, (cls, name, size) in TEMPLATES.items():
        (templates_dir / file).write_text(template_xml(cls, name, size), encoding="utf-8")
