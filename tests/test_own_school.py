"""A school's own building: plans become levels that validate, that a bot plays, whose
stairs and walls never trap anyone; plan and timetable faults name their line; the
shipped school is made from its plan."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter, deque
from pathlib import Path

import pygame
import pytest

from game.content.bundle import load_content
from game.content.errors import ContentError
from game.content.school_map import SchoolMap, read_school_map
from game.content.validate import run, validate_file
from game.school_plan.build import build_map, write_map
from game.school_plan.new_school import new_school
from game.school_plan.plan import load_plan
from game.school_plan.tiled_project import TEMPLATES, project_json, template_xml
from game.scripted import Press, Wait, run_script
from game.session import Player, PlaySession
from game.sim.bot import Bot

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "levels" / "plans"
SMALL, LARGE = PLANS / "kleine-school.yaml", PLANS / "grote-school.yaml"


@pytest.fixture(scope="module")
def schools(tmp_path_factory) -> dict[str, Path]:
    """The two example plans made into levels once, as `main.py new-school` makes them."""
    out = tmp_path_factory.mktemp("schools")
    return {plan.stem: new_school(plan, out / plan.stem).level for plan in (SMALL, LARGE)}


@pytest.mark.parametrize("name, floors, rooms", [("kleine-school", 1, 8),
                                                 ("grote-school", 4, 60)])
def test_a_plan_becomes_a_level_that_validates_and_a_bot_plays_a_day(schools, name, floors,
                                                                     rooms, capsys):
    level = schools[name]
    assert run([str(level.parent)]) == 0, capsys.readouterr().out
    content = load_content(level)
    named = [r for r in content.map.rooms.values() if r.kind != "corridor"]
    assert len(content.map.floors) == floors and len(named) == rooms
    seen = Counter[str]()
    session = PlaySession(content, Player("Bot", "nl", {}, None), journal=None, seed=5)
    session.listen(lambda event: seen.update([event.kind]))
    world = session.start()
    Bot(world, "kind", random.Random(3)).play_day()
    lessons = len(content.level.days[0].lessons)
    assert seen["day_end"] == 1
    assert seen["lesson_on_time"] + seen["lesson_late"] == lessons
    assert seen["lesson_missed"] == 0
    if floors > 1:
        assert seen["stairs_taken"] > 0


def test_lessons_are_placed_by_room_kind_and_spread_over_the_floors(schools):
    content = load_content(schools["grote-school"])
    rooms = content.map.rooms
    lessons = [lesson for day in content.level.days for lesson in day.lessons]
    assert {rooms[lesson.room].kind for lesson in lessons if lesson.subject.nl == "Gym"} == \
        {"gym"}
    assert {rooms[lesson.room].kind for lesson in lessons
            if lesson.subject.nl == "Biologie"} == {"lab"}
    assert len({rooms[lesson.room].floor for lesson in lessons}) >= 3
    people = {c.id: c for c in content.level.characters}
    assert len({rooms_floor(content.map, c.x, c.y) for cid, c in content.map.characters.items()
                if people[cid].role == "classmate"}) >= 3


def rooms_floor(smap: SchoolMap, x: float, y: float) -> int | None:
    room = smap.room_at(x, y - 1)
    return room.floor if room else None


def reachable(smap: SchoolMap) -> set[tuple[int, int]]:
    """Every tile a pupil can walk to from the start, taking any stairs."""
    t = smap.tile
    jumps = {}
    for stairs in smap.stairs:
        target = smap.points[stairs.target]
        for ty in range(int(stairs.rect.y // t), int((stairs.rect.y + stairs.rect.h) // t)):
            for tx in range(int(stairs.rect.x // t), int((stairs.rect.x + stairs.rect.w) // t)):
                jumps[(tx, ty)] = (int(target.x // t), int((target.y - 1) // t))
    start = smap.points["start"]
    first = (int(start.x // t), int((start.y - 1) // t))
    seen, queue = {first}, deque([first])
    while queue:
        x, y = queue.popleft()
        # As in the game: stepping onto stairs carries you to their other end at once.
        for nxt in [jumps[(x, y)]] if (x, y) in jumps else \
                [(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)]:
            if nxt not in seen and not smap.is_blocked_tile(*nxt):
                seen.add(nxt)
                queue.append(nxt)
    return seen


@pytest.mark.parametrize("name", ["kleine-school", "grote-school"])
def test_no_walls_or_furniture_trap_a_pupil_anywhere_in_the_building(schools, name):
    school = load_plan(PLANS / f"{name}.yaml").plan.id
    smap = read_school_map(schools[name].parent / "maps" / f"{school}.tmx")
    walked = reachable(smap)
    t = smap.tile
    for room in smap.rooms.values():
        r = room.rect
        free = {(x, y) for y in range(int(r.y // t), int((r.y + r.h) // t))
                for x in range(int(r.x // t), int((r.x + r.w) // t))
                if not smap.is_blocked_tile(x, y)}
        stairs = {(x, y) for x, y in free if smap.stairs_at(x * t + 16, y * t + 16)}
        assert free and free - stairs <= walked, room.id
    for name_, point in smap.points.items():
        assert (int(point.x // t), int((point.y - 1) // t)) in walked, name_


def test_stairs_lead_one_floor_up_or_down_and_arrivals_never_bounce_back(schools):
    smap = read_school_map(schools["grote-school"].parent / "maps" / "het-kompas.tmx")
    assert len(smap.stairs) == 12  # stairs and lift: up and down between four floors
    for stairs in smap.stairs:
        here = smap.room_at(*stairs.rect.center)
        target = smap.points[stairs.target]
        there = smap.room_at(target.x, target.y - 1)
        assert here is not None and there is not None
        up = "omhoog" in stairs.name
        assert there.floor == here.floor + (1 if up else -1)
        assert stairs.label.nl.endswith("omhoog" if up else "omlaag")
        # Still holding the key from the walk up: the next steps that way are no stairs.
        step = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}[target.facing]
        for n in range(0, 4):
            assert smap.stairs_at(target.x + step[0] * n * smap.tile,
                                  target.y - 1 + step[1] * n * smap.tile) is None


def test_the_shipped_school_is_made_from_its_plan(tmp_path):
    made = tmp_path / "school.tmx"
    write_map(build_map(load_plan(PLANS / "school.yaml")), made)
    assert made.read_text(encoding="utf-8") == \
        (ROOT / "levels" / "maps" / "school.tmx").read_text(encoding="utf-8")


def test_plan_mistakes_are_named_at_their_line(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "id: fout\nname: {nl: Fout, en: Wrong}\nfloors:\n"
        "  - number: 0\n    corridors:\n      - north:\n"
        "          - {id: \"0.01\", kind: clasroom}\n"
        "          - {id: ingang, kind: entrance, size: 2}\n",
        encoding="utf-8")
    lines = [str(p) for p in validate_file(plan)]
    assert any(line.endswith(":7: 'kind' must be one of: 'classroom', 'lab', 'art', 'music', "
                             "'computer', 'gym', 'kantine', 'aula', 'library', 'quiet', "
                             "'toilets', 'lockers', 'concierge', 'teachers', 'entrance', "
                             "'office' or 'room'") for line in lines), lines
    assert any(":8: size 2: write small, medium, large" in line for line in lines), lines
    plan.write_text(
        "id: fout\nname: {nl: Fout, en: Wrong}\nfloors:\n"
        "  - number: 0\n    corridors:\n      - north:\n"
        "          - {id: \"0.01\"}\n          - {id: \"0.01\"}\n"
        "  - number: 1\n    corridors:\n      - south: [{id: \"1.01\"}]\n",
        encoding="utf-8")
    lines = [str(p) for p in validate_file(plan)]
    assert any(":8: room '0.01' is used twice" in line for line in lines), lines
    assert any(":3: the plan has no entrance" in line for line in lines), lines
    assert any(":9: floor 1 cannot be reached" in line for line in lines), lines


def test_a_timetable_fills_the_days_and_a_room_the_plan_lacks_is_named(tmp_path):
    csv = tmp_path / "rooster.csv"
    csv.write_text("dag;begin;eind;vak;lokaal;docent\n"
                   "maandag;08:30;09:20;Wiskunde;0.01;Mevr. Çelik\n"
                   "maandag;09:25;10:15;Gym;Gymzaal;Dhr. Bos\n"
                   "dinsdag;08:30;09:20;Engels;0.02;Mevr. Çelik\n", encoding="utf-8")
    made = new_school(SMALL, tmp_path / "school", csv)
    content = load_content(made.level)
    days = content.level.days
    assert [d.title.nl for d in days] == ["Maandag", "Dinsdag"]
    assert [(lesson.subject.nl, lesson.subject.en, lesson.room) for lesson in days[0].lessons] \
        == [("Wiskunde", "Maths", "0.01"), ("Gym", "PE", "gymzaal")]
    assert content.level.character(days[1].lessons[0].teacher).name == "Mevr. Çelik"
    csv.write_text("day,start,end,subject,room,teacher\n"
                   "ma,08:30,09:20,Wiskunde,0.01,BAK\nma,09:25,10:15,Frans,0.05,BOS\n",
                   encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        new_school(SMALL, tmp_path / "school", csv, force=True)
    assert str(caught.value).endswith("rooster.csv:3: room '0.05' is not in the plan "
                                      "(did you mean '0.04'?)")


def test_new_school_command_makes_a_folder_that_validates(tmp_path):
    out = tmp_path / "mijn-school"
    result = subprocess.run([sys.executable, "main.py", "new-school", str(SMALL), "--out",
                             str(out)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "1 floor, 9 rooms and corridors" in result.stdout
    for made in ("levels/de-linde.yaml", "levels/maps/de-linde.tmx", "de-linde.tiled-project",
                 "levels/maps/school_tiles.tsx", "assets/tiles/school_tiles.png",
                 "levels/maps/templates/room.tx"):
        assert (out / made).is_file(), made
    again = subprocess.run([sys.executable, "main.py", "new-school", str(SMALL), "--out",
                            str(out)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert again.returncode == 2 and "--force" in again.stderr  # a teacher's edits stay


def test_objects_placed_from_tiled_templates_get_the_templates_properties(schools, tmp_path):
    level = schools["kleine-school"]
    tmx = level.parent / "maps" / "de-linde.tmx"
    text = tmx.read_text(encoding="utf-8").replace(
        '<objectgroup id="13" name="spawns">\n',
        '<objectgroup id="13" name="spawns">\n'
        '  <object id="900" template="templates/spawn.tx" name="bij-de-aula" x="600" '
        'y="440"/>\n')
    edited = level.parent / "maps" / "bewerkt.tmx"
    edited.write_text(text, encoding="utf-8")
    smap = read_school_map(edited)
    assert smap.points["bij-de-aula"].facing == "down"  # from the template
    room = ('  <object id="901" template="templates/room.tx" name="0.09" x="64" y="64">\n'
            '   <properties>\n    <property name="label_nl" value="Lokaal 0.09"/>\n'
            '   </properties>\n  </object>\n')
    text = text.replace('<objectgroup id="10" name="rooms">\n',
                        '<objectgroup id="10" name="rooms">\n' + room)
    edited.write_text(text, encoding="utf-8")
    line = text[:text.index('name="0.09"')].count("\n") + 1
    with pytest.raises(ContentError) as caught:  # the English label is still the template's
        read_school_map(edited)
    assert str(caught.value).endswith(f"bewerkt.tmx:{line}: room '0.09': label_en 'Room 0.01' "
                                      "names room 0.01; write this room's own number in it")
    shipped = ROOT / "levels"
    assert (shipped / "alien-op-school.tiled-project").read_text(encoding="utf-8") == \
        project_json(["."])
    for file, (cls, name, size) in TEMPLATES.items():
        assert (shipped / "maps" / "templates" / file).read_text(encoding="utf-8") == \
            template_xml(cls, name, size)


@pytest.mark.parametrize("name", ["kleine-school", "grote-school"])
def test_the_floor_plan_shows_every_floor_of_a_generated_school(schools, name, make_app):
    from helpers import start_new_game

    from game.scenes.floor_plan import FloorPlanScene

    app = make_app(level=schools[name])
    app.settings["route_assist"] = True
    run_script(app, start_new_game() + [Press(pygame.K_p), Wait(2)])
    plan = app.top
    assert isinstance(plan, FloorPlanScene)
    assert plan.route and len(plan.route[0]) > 3  # the way to the first lesson
    shown = []
    for _ in plan.floors:
        shown.append(plan.floor)
        run_script(app, [Press(pygame.K_RIGHT), Wait(1)])
    assert sorted(shown) == plan.floors == app.session.world.map.floors
    assert ("andere verdieping" in plan.hint()) == (len(plan.floors) > 1)


@pytest.mark.parametrize(("language", "size", "font"), [("nl", "normal", "standard"),
                                                        ("en", "larger", "dyslexic")])
def test_a_large_schools_floor_plan_keeps_every_name_readable(schools, make_app, monkeypatch,
                                                              language, size, font):
    from helpers import start_new_game
    from test_layout import problems, record

    app = make_app(level=schools["grote-school"], language=language)
    app.change_setting("text_size", size)
    app.change_setting("font", font)
    run_script(app, start_new_game())
    world = app.session.world
    found = []
    for floor in world.map.floors:
        app.open("floor_plan", world=world).floor = floor
        found += [f"floor {floor}: {p}" for p in problems(
            record(app.top, app.screen.get_size(), monkeypatch), app.screen.get_rect())]
        app.pop()
    assert found == [], "\n".join(found[:10])


def test_the_docs_worked_example_is_the_small_school_and_makes_a_level(tmp_path, capsys):
    """docs/own-school.md's plan is the one in levels/plans, so following the page works."""
    text = (ROOT / "docs" / "own-school.md").read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    plan = tmp_path / "plan.yaml"
    plan.write_text(example, encoding="utf-8")
    assert load_plan(plan).plan == load_plan(SMALL).plan
    made = new_school(plan, tmp_path / "mijn-school")
    assert run([str(made.level)]) == 0, capsys.readouterr().out


def test_an_odd_building_still_plays(tmp_path, capsys):
    """A basement, wings with rooms on one side only, stairs at the west end and a lift
    that skips a floor: every room can be reached, no door opens onto stairs."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("""
id: rare-school
name: {nl: "Rare School", en: "Odd School"}
floors:
  - number: -1
    corridors:
      - north: [{id: kelder-gym, kind: gym}, {id: "k.01", kind: music, size: 6}]
  - number: 0
    corridors:
      - north: [{id: hal, kind: entrance, size: 9}, {id: "0.01"}]
      - south: [{id: "0.02", kind: computer}, {id: wc, kind: toilets, size: 5}]
  - number: 1
    corridors:
      - south: [{id: "1.01", kind: art}, {id: "1.02", size: 20}]
stairs:
  - {id: trap, end: west}
  - {id: lift, kind: lift, end: east, floors: [-1, 1]}
""", encoding="utf-8")
    made = new_school(plan, tmp_path / "rare")
    assert run([str(made.level)]) == 0, capsys.readouterr().out
    smap = load_content(made.level).map
    walked = reachable(smap)
    for room in smap.rooms.values():
        assert any(smap.room_at(tx * 32 + 16, ty * 32 + 16) == room for tx, ty in walked), \
            room.id
    doors = {(int(d.rect.x // 32), int(d.rect.y // 32)) for d in smap.doors.values()}
    for stairs in smap.stairs:
        for dx, dy in doors:
            assert not stairs.rect.contains(dx * 32 + 16, (dy + 1) * 32 + 16)
            assert not stairs.rect.contains(dx * 32 + 16, (dy - 1) * 32 + 16)
