"""Writes a laid-out, painted school as a Tiled map (TMX, CSV tile layers, object layers
as docs/levels.md describes them), so Tiled opens it and `validate` reads it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from game.school_plan.layout import Layout
from game.school_plan.paint import Grid

T = 32
LAYERS = ("rooms", "doors", "stairs", "spawns", "waypoints", "characters", "collision")


@dataclass(frozen=True)
class Spot:
    """Where someone stands at the start of the day (pixels: the feet), and where they
    walk to and back, if anywhere."""

    character: str
    x: float
    y: float
    walk_to: tuple[float, float] | None = None


def spot_at(tile_x: int, tile_y: int) -> tuple[float, float]:
    """The feet of someone standing on this tile."""
    return tile_x * T + T / 2, tile_y * T + T - 4


def _props(props: dict[str, object]) -> str:
    if not props:
        return ""
    out = ["   <properties>"]
    for key, value in props.items():
        if isinstance(value, bool):
            out.append(f'    <property name="{key}" type="bool" value="{str(value).lower()}"/>')
        elif isinstance(value, int):
            out.append(f'    <property name="{key}" type="int" value="{value}"/>')
        elif key == "kind":
            out.append(f'    <property name="{key}" propertytype="RoomKind" '
                       f'value="{escape(str(value))}"/>')
        else:
            out.append(f'    <property name="{key}" value="{escape(str(value))}"/>')
    out.append("   </properties>")
    return "\n".join(out) + "\n"


def _csv(rows: list[list[int]]) -> str:
    return ",\n".join(",".join(str(v) for v in row) for row in rows)


class _Objects:
    def __init__(self) -> None:
        self.next_id = 1
        self.layers: dict[str, list[str]] = {k: [] for k in LAYERS}

    def add(self, layer: str, name: str, x: float, y: float, size: tuple[float, float] | None,
            props: dict[str, object]) -> None:
        dims = f' width="{size[0]}" height="{size[1]}"' if size is not None else ""
        point = "" if size is not None else "   <point/>\n"
        self.layers[layer].append(
            f'  <object id="{self.next_id}" name="{escape(name)}" x="{x}" y="{y}"{dims}>\n'
            f"{_props(props)}{point}  </object>")
        self.next_id += 1


def write_tmx(path: Path, layout: Layout, grid: Grid, spots: list[Spot],
              tileset: str = "school_tiles.tsx") -> None:
    objects = _Objects()
    add = objects.add
    for r in layout.rooms:
        ix, iy, iw, ih = r.area
        add("rooms", r.id, ix * T, iy * T, (iw * T, ih * T),
            {"label_nl": r.nl, "label_en": r.en, "floor": r.floor, "kind": r.kind})
        if r.kind == "corridor":
            continue
        for n, (dx, dy) in enumerate(r.doors):
            add("doors", f"deur-{r.id}" + (f"-{n}" if n else ""), dx * T, dy * T, (T, T),
                {"room": r.id})
    for x, y in layout.front_doors():
        add("collision", "voordeur", x * T, y * T, (T, T),
            {"reason": "De voordeur blijft dicht tot het einde van de dag."})
    for s in layout.stairs:
        what = ("Lift", "Lift") if s.lift else ("Trap", "Stairs")
        add("stairs", s.name, s.x * T, s.y * T, (s.w * T, s.h * T),
            {"target": s.target,
             "label_nl": f"{what[0]} {'omhoog' if s.up else 'omlaag'}",
             "label_en": f"{what[1]} {'up' if s.up else 'down'}"})
    for a in layout.arrivals:
        add("spawns", a.name, a.x * T + T / 2, a.y * T + T / 2, None, {"facing": a.facing})
    sx, sy, facing = layout.start()
    add("spawns", "start", sx * T, sy * T, None, {"facing": facing})
    for spot in spots:
        props: dict[str, object] = {"character": spot.character}
        if spot.walk_to is not None:
            props["walk_to"] = f"route-{spot.character}"
        add("characters", spot.character, spot.x, spot.y, None, props)
    for spot in spots:
        if spot.walk_to is not None:
            add("waypoints", f"route-{spot.character}", *spot.walk_to, None, {})
    # Just inside each room's first door: levels can start the pupil in a classroom.
    for r in layout.rooms:
        if r.kind == "corridor" or not r.doors:
            continue
        dx, dy = r.doors[0]
        below = dy >= r.y + r.h - 1
        add("spawns", f"binnen-{r.id}", dx * T + T / 2, (dy - 1 if below else dy + 1) * T + T / 2,
            None, {"facing": "up" if below else "down"})
    layers = []
    for lid, (name, data) in enumerate((("floor", grid.floor), ("walls", grid.walls),
                                        ("furniture", grid.furniture)), start=1):
        layers.append(
            f' <layer id="{lid}" name="{name}" width="{grid.width}" height="{grid.height}">\n'
            f'  <data encoding="csv">\n{_csv(data)}\n</data>\n </layer>')
    for gid, (name, objs) in enumerate(objects.layers.items(), start=10):
        visible = "" if name not in ("collision", "waypoints") else ' visible="0"'
        layers.append(f' <objectgroup id="{gid}" name="{name}"{visible}>\n' + "\n".join(objs)
                      + "\n </objectgroup>")
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<map version="1.10" tiledversion="1.10.2" orientation="orthogonal" '
        f'renderorder="right-down" width="{grid.width}" height="{grid.height}" '
        f'tilewidth="{T}" tileheight="{T}" infinite="0" nextlayerid="20" '
        f'nextobjectid="{objects.next_id}">\n'
        f' <tileset firstgid="1" source="{tileset}"/>\n' + "\n".join(layers) + "\n</map>\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
