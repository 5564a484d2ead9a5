"""Shipped content is valid; broken content gives exact `file:line: message` errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.bundle import load_content
from game.content.checks import check_dialogue_against_level
from game.content.dialogue import load_dialogue
from game.content.errors import ContentError
from game.content.level import load_level
from game.content.validate import run, validate_file

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
LEVEL = FIXTURES / "levels" / "proefweek.yaml"  # the test school: authors may edit ours


def test_all_shipped_content_validates(capsys):
    assert run([]) == 0
    assert "All good" in capsys.readouterr().out


def test_shipped_level_has_what_the_school_needs(shipped_content):
    content = shipped_content
    rooms = content.map.rooms
    named = [r for r in rooms.values() if r.kind != "corridor"]
    assert len(named) >= 16
    assert {r.floor for r in rooms.values()} == {0, 1, 2}
    for kind in ("aula", "kantine", "gym", "library", "teachers", "concierge", "toilets",
                 "lockers", "quiet", "entrance"):
        assert any(r.kind == kind for r in named), kind
    assert "2.14" in rooms and "1.05" in rooms
    classmates = [c for c in content.level.characters if c.role == "classmate"]
    staff = [c for c in content.level.characters if c.role != "classmate"]
    assert len(classmates) >= 8 and len(staff) >= 4


def test_validate_command_prints_file_line_and_exits_1(tmp_path):
    bad = tmp_path / "dialogues" / "kapot.yaml"
    bad.parent.mkdir()
    bad.write_text("id: kapot\ncharacter: noor\nstart:\n  - goto: nergens\nnodes:\n"
                   "  hallo:\n    lines: []\n    end: true\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "main.py", "validate", str(bad)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"{bad}:4: start goes to unknown node 'nergens'" in result.stdout
    assert f"{bad}:6: node 'hallo' can never be reached" in result.stdout


def _level_with(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the test school's level with one edit (its map and dialogues beside it)."""
    text = LEVEL.read_text(encoding="utf-8")
    assert old in text, old
    (tmp_path / "levels").mkdir(exist_ok=True)
    for folder in ("levels/maps", "dialogues"):
        if not (tmp_path / folder).exists():
            (tmp_path / folder).symlink_to(FIXTURES / folder)
    path = tmp_path / "levels" / "level.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def _problems(path: Path) -> list[str]:
    return [str(p) for p in validate_file(path)]


def test_bad_yaml_names_the_line(tmp_path):
    path = _level_with(tmp_path, 'id: proefweek', 'id: [proefweek')
    problems = _problems(path)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:")
    assert "YAML:" in problems[0]


def test_wrong_type_names_field_and_line(tmp_path):
    path = _level_with(tmp_path, "  speed: 10", "  speed: snel")
    line = _line_of(path, "speed: snel")
    assert f"{path}:{line}: speed: Input should be a valid number, unable to parse string " \
           "as a number" in _problems(path)


def test_unknown_field_suggests_the_right_one(tmp_path):
    path = _level_with(tmp_path, "    sprite: noor", "    sprit: noor")
    line = _line_of(path, "sprit: noor")
    assert f"{path}:{line}: unknown field 'sprit' (did you mean 'sprite'?)" in _problems(path)


def test_room_missing_from_the_map(tmp_path):
    path = _level_with(tmp_path, '        room: "1.05"', '        room: "1.99"')
    line = _line_of(path, 'room: "1.99"')
    assert f"{path}:{line}: room '1.99' is not on the map" in _problems(path)


def test_unknown_teacher_reference(tmp_path):
    path = _level_with(tmp_path, "        teacher: reken", "        teacher: rekenn")
    line = _line_of(path, "teacher: rekenn")
    assert (f"{path}:{line}: teacher 'rekenn' is not a character with role teacher or staff"
            in _problems(path))


def test_missing_translation(tmp_path):
    path = _level_with(tmp_path, ', en: "Test: a classmate with a talk."}', "}")
    line = _line_of(path, "Test: een klasgenoot met een gesprek.")
    assert f"{path}:{line}: missing the English text ('en:')" in _problems(path)


def test_room_numbers_must_be_quoted(tmp_path):
    path = _level_with(tmp_path, '        room: "2.14"', "        room: 2.14")
    line = _line_of(path, "room: 2.14")
    assert f'{path}:{line}: write 2.14 in quotes, like "2.14", so it stays a name' \
           in _problems(path)


def test_yes_and_no_stay_text(tmp_path):
    # YAML 1.1 would turn an English "No" into false; authors write plain words.
    path = tmp_path / "dialogues" / "ja.yaml"
    path.parent.mkdir()
    path.write_text("id: ja\ncharacter: noor\nstart:\n  - goto: a\nnodes:\n  a:\n    lines:\n"
                    "      - speaker: noor\n        text: {nl: Nee, en: No}\n    end: true\n",
                    encoding="utf-8")
    dialogue, _ = load_dialogue(path)
    assert dialogue.nodes["a"].lines[0].text.en == "No"


DIALOGUE_HEAD = "id: test\ncharacter: noor\nstart:\n  - goto: a\nnodes:\n"


def _dialogue(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "dialogues" / "test.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(DIALOGUE_HEAD + body, encoding="utf-8")
    return path


def test_dead_end_node(tmp_path):
    path = _dialogue(tmp_path, "  a:\n    lines:\n      - speaker: noor\n"
                               "        text: {nl: Hoi, en: Hi}\n")
    assert _problems(path) == [f"{path}:6: node 'a' has no way out: add choices, "
                               "'goto: <node>' or 'end: true'"]


def test_choice_without_way_on_and_unknown_target(tmp_path):
    path = _dialogue(tmp_path, "  a:\n    choices:\n      - id: x\n"
                               "        text: {nl: Ja, en: Yes}\n        goto: b\n"
                               "      - id: y\n        text: {nl: Nee, en: No}\n")
    problems = _problems(path)
    assert f"{path}:11: choice 'y' needs 'goto: <node>' or 'end: true'" in problems
    dialogue_ok = _dialogue(tmp_path, "  a:\n    choices:\n      - id: x\n"
                                      "        text: {nl: Ja, en: Yes}\n        goto: b\n")
    assert f"{dialogue_ok}:10: choice 'x' goes to unknown node 'b'" in _problems(dialogue_ok)


def test_unknown_tag_and_duplicate_node(tmp_path):
    path = _dialogue(tmp_path, "  a:\n    choices:\n      - id: x\n"
                               "        text: {nl: Ja, en: Yes}\n        end: true\n        tags:\n"
                               "          aspects: {kindness: 1}\n")
    problems = _problems(path)
    assert len(problems) == 1 and problems[0].startswith(f"{path}:12: ")
    assert "positive_relations" in problems[0]
    dup = _dialogue(tmp_path, "  a:\n    end: true\n    lines: []\n  a:\n    end: true\n")
    assert _problems(dup) == [f"{dup}:9: YAML: duplicate key 'a' "
                              "(each name may appear once here)"]


def test_all_choices_conditional_needs_a_fallback(tmp_path):
    path = _dialogue(tmp_path, "  a:\n    choices:\n      - id: x\n        once: true\n"
                               "        text: {nl: Ja, en: Yes}\n        end: true\n")
    assert f"{path}:7: node 'a': every choice has 'if' or 'once', so none may be left; add a " \
           "plain choice or 'fallback: <node>'" in _problems(path)


def test_dialogue_references_checked_against_the_level(tmp_path, content):
    path = _dialogue(tmp_path, "  a:\n    lines:\n      - speaker: nora\n"
                               "        text: {nl: Hoi, en: Hi}\n    effects:\n"
                               "      - give_clue: onbekend\n    end: true\n")
    dialogue, raw = load_dialogue(path)
    problems = [str(p) for p in check_dialogue_against_level(dialogue, raw, path, content.level)]
    assert f"{path}:8: unknown speaker 'nora' (a character id, or 'player')" in problems
    assert f"{path}:11: unknown clue 'onbekend'" in problems


def test_a_class_scene_that_can_never_end_is_reported(tmp_path):
    class_level = load_content(FIXTURES / "levels" / "proefklas.yaml").level
    text = (FIXTURES / "dialogues" / "klas-ali.yaml").read_text(encoding="utf-8")
    assert "set_flag: een-klaar" in text
    path = tmp_path / "dialogues" / "klas-ali.yaml"
    path.parent.mkdir()
    path.write_text(text.replace("set_flag: een-klaar", "set_flag: een-klar"),
                    encoding="utf-8")
    dialogue, raw = load_dialogue(path)
    problems = [str(p) for p in check_dialogue_against_level(dialogue, raw, path, class_level)]
    start_line = _line_of(path, "start:")
    assert (f"{path}:{start_line}: class scene 'een' never ends: no choice or node has "
            "'set_flag: een-klaar'") in problems


def test_broken_map_xml_names_the_map(tmp_path):
    tmx = tmp_path / "kapot.tmx"
    tmx.write_text('<?xml version="1.0"?>\n<map version="1.10">\n <layer>\n</map>\n',
                   encoding="utf-8")
    problems = _problems(tmx)
    assert len(problems) == 1 and problems[0].startswith(f"{tmx}:4: the map is not valid TMX/XML")


# --- fuzzing: any edit of a valid file loads or gives a ContentError, nothing else ---

def _mutations():
    scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=6),
                        st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3),
                                                                            st.integers(),
                                                                            max_size=2))
    return st.tuples(st.integers(0, 10_000), st.sampled_from(["replace", "delete", "rename"]),
                     scalars)


def _mutate(data, choice: int, action: str, value):
    """Pick the node numbered `choice` (depth-first) and change it."""
    spots = []

    def walk(node):
        if isinstance(node, dict):
            for key in list(node):
                spots.append((node, key))
                walk(node[key])
        elif isinstance(node, list):
            for i in range(len(node)):
                spots.append((node, i))
                walk(node[i])

    walk(data)
    parent, key = spots[choice % len(spots)]
    if action == "delete":
        del parent[key]
    elif action == "rename" and isinstance(parent, dict):
        parent[f"{key}x"] = parent.pop(key)
    else:
        parent[key] = value
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(mutation=_mutations(), which=st.sampled_from(["kim", "klas-ali", "klas-bo", "level"]))
def test_mutated_content_loads_or_raises_content_error(tmp_path_factory, mutation, which):
    tmp = tmp_path_factory.mktemp("fuzz")
    if which == "level":
        source = LEVEL
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data["map"] = str(FIXTURES / "levels" / "maps" / "school.tmx")
        target = tmp / "level.yaml"
    else:
        source = FIXTURES / "dialogues" / f"{which}.yaml"
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        (tmp / "dialogues").mkdir()
        target = tmp / "dialogues" / f"{which}.yaml"
    data = _mutate(data, *mutation)
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        if which == "level":
            load_level(target)
            load_content(target)
        else:
            load_dialogue(target)
            validate_file(target)
    except ContentError as exc:
        assert all(str(p).startswith(str(target)) for p in exc.problems)


@pytest.mark.parametrize("key", ["nl", "en"])
def test_ui_catalogues_are_complete(key):
    from game.text.catalogue import load_catalogue

    nl, en = load_catalogue("nl"), load_catalogue("en")
    assert set(nl) == set(en)
    for entry in (nl if key == "nl" else en).values():
        forms = entry.values() if isinstance(entry, dict) else [entry]
        assert all(form.strip() and "(en)" not in form and "(s)" not in form
                   for form in forms)


# --- checks that need the whole level -------------------------------------------------

def test_a_dialogue_whose_id_is_not_its_file_name_is_reported(tmp_path):
    path = tmp_path / "dialogues" / "andere-naam.yaml"
    path.parent.mkdir()
    path.write_text(DIALOGUE_HEAD + "  a:\n    lines: []\n    end: true\n", encoding="utf-8")
    assert f"{path}:1: the dialogue's id 'test' differs from its file name " \
           "'andere-naam.yaml': levels find dialogues by file name, so make them equal" \
           in _problems(path)


def test_whole_level_checks(tmp_path):
    """Someone else's dialogue, a clue nobody gives, an absent teacher who still teaches,
    and greetings the timetable contradicts."""
    path = _level_with(tmp_path, "    sprite: daan\n", "    sprite: daan\n    dialogue: kim\n")
    text = path.read_text(encoding="utf-8")
    lotte = 'greeting: {nl: "Hoi, ik ben Lotte.", en: "Hi, I' + "'" + 'm Lotte."}'
    jonas = 'greeting: {nl: "Hoi, ik ben Jonas.", en: "Hi, I' + "'" + 'm Jonas."}'
    assert lotte in text and jonas in text
    text = text.replace(lotte, 'greeting: {nl: "Rekenen is in lokaal 1.05, om 09:26.", '
                               'en: "Maths is in room 1.05, at 09:26."}')
    text = text.replace(jonas, 'greeting: {nl: "Taal is in 3.99.", en: "Language is in 3.99."}')
    text = text.replace("clues:\n", "clues:\n  - id: vergeten\n"
                                    '    text: {nl: "Niemand zegt dit:", en: "Nobody:"}\n', 1)
    text = text.replace("    changes:\n      - id: reken-ander-lokaal",
                        "    absent: [reken]\n    changes:\n      - id: reken-ander-lokaal", 1)
    path.write_text(text, encoding="utf-8")
    problems = "\n".join(_problems(path))
    assert "'wim' is given dialogue 'kim', which is written for 'kim'" in problems
    assert "clue 'vergeten' is never given" in problems
    assert "'reken' is absent on day 'dag-2' but teaches 'reken-2'" in problems
    assert "the line puts rekenen in 1.05, but on day 'dag-2' it is elsewhere" in problems
    assert "the line names the time 09:26, which is not in the timetable" in problems
    assert "the line names room 3.99, which is not on the map" in problems


def test_a_start_point_outside_every_room_is_reported():
    from game.content.checks import check_level
    from game.content.school_map import Point, read_school_map

    smap = read_school_map(FIXTURES / "levels" / "maps" / "school.tmx")
    smap.points["start"] = Point("start", 16.0, 16.0)  # in the margin of the map
    level, raw = load_level(LEVEL)
    problems = [str(p) for p in check_level(level, raw, LEVEL, smap)]
    assert any("start point 'start' lies outside every room" in p for p in problems)


def test_parsed_content_is_cached_by_its_bytes_and_an_edit_is_read_anew(tmp_path, monkeypatch):
    from game.content import yaml_source

    monkeypatch.setenv("ALIEN_OP_SCHOOL_CACHE", str(tmp_path / "cache"))
    level = tmp_path / "een.yaml"
    level.write_text("id: een\ntitle: {nl: Een, en: One}\n", encoding="utf-8")
    first = yaml_source.load_yaml(level)
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1
    again = yaml_source.load_yaml(level)
    assert again == first and again.key_lines == first.key_lines  # lines kept for errors
    level.write_text("id: twee\n\ntitle: {nl: Twee, en: Two}\n", encoding="utf-8")
    edited = yaml_source.load_yaml(level)
    assert edited["id"] == "twee" and edited.key_lines["title"] == 3
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")  # a cache that cannot be written is not used
    monkeypatch.setenv("ALIEN_OP_SCHOOL_CACHE", str(blocked))
    level.write_text("id: drie\n", encoding="utf-8")
    assert yaml_source.load_yaml(level)["id"] == "drie"
