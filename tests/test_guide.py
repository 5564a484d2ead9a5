"""The mentor's guide and the class lesson plans: printable, in both languages, and the
plans made from the level's data (one per scene, its aspects from the tags on its
choices, its questions from its think_about), never written per scene."""

from __future__ import annotations

import re

from game import paths
from game.content.bundle import load_content
from teacher_dashboard.guide import CLASS_SECTIONS, SECTIONS
from teacher_dashboard.names import LevelNames, scene_dialogue
from teacher_dashboard.timeline import aspect_label
from tests.dashboard_helpers import dashboard, signed_in, ui


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'")


def test_the_guide_has_every_section_in_both_languages_and_prints(log_copy):
    client = signed_in(dashboard(log_copy))
    for lang in ("nl", "en"):
        client.get(f"/language/{lang}?next=/")
        page = client.get("/guide").get_data(as_text=True)
        for section, n in SECTIONS:
            part = page.split("<h2>")[[s for s, _ in SECTIONS].index(section) + 1]
            assert _text(part).startswith(ui(f"guide_{section}_title", lang))
            assert part.count("<li>") == n
        assert "data-print" in page
        assert ui("nav_guide", lang) in page  # reachable from every page's menu


def test_a_lesson_plan_per_scene_made_from_the_level(log_copy):
    client = signed_in(dashboard(log_copy))
    level = load_content(paths.CLASS_LEVEL).level
    page = client.get("/guide/lessons").get_data(as_text=True)
    plans = page.split('<section class="plan">')[1:]
    assert len(plans) == len(level.scenes) > 0
    names = LevelNames(level.id, "nl")
    for scene, plan in zip(level.scenes, plans, strict=True):
        text = _text(plan)
        assert scene.title.nl in text
        for question in re.findall(r"[^?.!]+\?", scene.think_about.nl):
            assert question.strip() in text
        minutes = int(re.search(r"\((\d+) minuten\)", text).group(1))
        assert 10 <= minutes <= 15
        dialogue = scene_dialogue(names, scene.id)
        assert dialogue is not None
        tagged = {a for node in dialogue.nodes.values() for c in node.choices
                  for a in c.tags.aspects}
        for aspect in tagged:
            assert aspect_label(aspect, "nl").lower() in text.lower()
    for section, _ in CLASS_SECTIONS:
        assert ui(f"lessons_{section}_title") in _text(page)


def test_lesson_plans_of_an_unknown_level_are_not_found(log_copy):
    client = signed_in(dashboard(log_copy))
    assert client.get("/guide/lessons?level=../../etc").status_code == 404
    assert client.get("/guide/lessons?level=bestaat-niet").status_code == 404
