"""A lesson plan per class-mode scene, made from the level and its dialogues (never
written per scene): the goal and aspects from the tags on the scene's choices, a
10-15 minute timing from how many choice moments it has, and discussion questions
from its `think_about` and its dilemmas. Like the social-cohesion game's handreiking."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from game.content.tags import ASPECTS, DOMAINS, SKILLS
from teacher_dashboard.names import LevelNames, pick, scene_dialogue
from teacher_dashboard.timeline import Text, aspect_label, skill_label

INTRO_MIN, SPREAD_MIN, TALK_MIN, CLOSE_MIN = 2, 2, 5, 1


@dataclass
class Step:
    minutes: int
    text: str


@dataclass
class LessonPlan:
    number: int
    title: str
    goal: str
    aspects: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


def questions_in(text: str) -> list[str]:
    """The separate questions in a think-about text ("Wanneer ...? Wat ...?")."""
    return [q.strip() for q in re.findall(r"[^?.!]+\?", text) if q.strip()]


def lesson_plans(names: LevelNames, t: Text) -> list[LessonPlan]:
    if names.level is None:
        return []
    lang = names.language
    plans = []
    for number, scene in enumerate(names.level.scenes, start=1):
        dialogue = scene_dialogue(names, scene.id)
        tagged: dict[str, set[int]] = {}
        skills: list[str] = []
        dilemmas: list[str] = []
        for node in (dialogue.nodes.values() if dialogue else []):
            if not node.choices:
                continue
            for choice in node.choices:
                for aspect, value in choice.tags.aspects.items():
                    tagged.setdefault(aspect, set()).add(value)
                skills += [s for s in choice.tags.skills if s not in skills]
            if node.lines:
                line = node.lines[-1]
                dilemmas.append(t("plan_q_dilemma", name=names.character(line.speaker),
                                  said=pick(line.text, lang)))
        aspects = [a for a in ASPECTS if a in tagged]
        domains = list(dict.fromkeys(
            pick_domain(ASPECTS[a][0], lang) for a in aspects))
        both_ways = [aspect_label(a, lang).lower() for a in aspects
                     if min(tagged[a]) < 0 < max(tagged[a])]
        labels = [aspect_label(a, lang) for a in aspects]
        in_words = [label.lower() for label in labels]
        goal = t("plan_goal", aspects=listed(in_words, t)) if labels else t("plan_goal_none")
        if both_ways:
            goal += " " + t("plan_goal_both", aspects=listed(both_ways, t))
        play = min(5, max(2, 1 + len(dilemmas)))
        plan = LessonPlan(number, pick(scene.title, lang), goal, labels, domains,
                          [skill_label(s, lang) for s in SKILLS if s in skills])
        plan.steps = [Step(INTRO_MIN, t("plan_step_intro", intro=pick(scene.intro, lang))),
                      Step(play, t("plan_step_play", n=len(dilemmas))),
                      Step(SPREAD_MIN, t("plan_step_spread")),
                      Step(TALK_MIN, t("plan_step_talk")),
                      Step(CLOSE_MIN, t("plan_step_close"))]
        plan.questions = questions_in(pick(scene.think_about, lang))[:3] + dilemmas[:2]
        plans.append(plan)
    return plans


def listed(words: list[str], t: Text) -> str:
    """'a, b en c': a list in a sentence."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {t('list_and')} {words[-1]}"


def pick_domain(domain: str, language: str) -> str:
    nl, en = DOMAINS[domain]
    return en if language == "en" else nl
