"""Tools for writers: one conversation at once (with R to reload after an edit), the
level's numbers, and a map's rooms."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pygame

from game.options import Situation
from game.scenes.dialogue import DialogueScene
from game.scenes.preview import PreviewScene
from game.scripted import Press, Wait, run_script
from tests.conftest import FIXTURES, TEST_LEVEL

ROOT = FIXTURES.parents[1]


def test_a_writer_opens_one_conversation_in_a_chosen_situation_and_reloads_it(make_app,
                                                                             tmp_path):
    school = tmp_path / "school"
    shutil.copytree(FIXTURES / "dialogues", school / "dialogues")
    (school / "levels").mkdir()
    shutil.copy(TEST_LEVEL, school / "levels")
    (school / "levels" / "maps").symlink_to(FIXTURES / "levels" / "maps")
    level = school / "levels" / "proefweek.yaml"
    app = make_app(level=level, preview="kim",
                   situation=Situation(day=2, moods={"kim": "angry"}))
    run_script(app, [Wait(3)])
    assert isinstance(app.top, DialogueScene)
    assert app.top.conversation.node_id == "boos"  # the mood chosen on the command line
    assert app.session is None and app.journal is None  # nothing is logged or saved
    while isinstance(app.top, DialogueScene):
        run_script(app, [Press(pygame.K_2 if app.top.conversation.at_choice
                               else pygame.K_RETURN), Wait(2)])
    assert isinstance(app.top, PreviewScene) and not app.top.problems
    dialogue = tmp_path / "school" / "dialogues" / "kim.yaml"
    dialogue.write_text(dialogue.read_text(encoding="utf-8").replace(
        "Jij weer?", "Oh, hoi."), encoding="utf-8")
    run_script(app, [Press(pygame.K_r), Wait(3)])
    assert isinstance(app.top, DialogueScene)
    assert app.top.conversation.line is not None
    assert app.top.conversation.line.text.nl == "Oh, hoi."
    while isinstance(app.top, DialogueScene):
        run_script(app, [Press(pygame.K_2 if app.top.conversation.at_choice
                               else pygame.K_RETURN), Wait(2)])
    dialogue.write_text("id: kim\ncharacter: kim\nstart: []\nnodes: {}\n", encoding="utf-8")
    run_script(app, [Press(pygame.K_r), Wait(2)])
    assert isinstance(app.top, PreviewScene) and app.top.problems  # said, not crashed


def test_validate_counts_what_a_level_holds_and_lists_a_map(tmp_path):
    stats = subprocess.run([sys.executable, "main.py", "validate", "--stats", str(TEST_LEVEL)],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert stats.returncode == 0, stats.stderr
    # kim, and the maths lesson's moment (group work)
    assert stats.stdout.startswith("proefweek: 2 days, 6 lessons, 2 conversations")
    assert "positive_relations 1/1" in stats.stdout and "minutes of play" in stats.stdout
    listing = subprocess.run([sys.executable, "main.py", "validate", "--map",
                              str(FIXTURES / "levels" / "maps" / "school.tmx")],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert listing.returncode == 0 and "room 2.14" in listing.stdout
    assert "stairs trap-omhoog-0" in listing.stdout and "start" in listing.stdout
