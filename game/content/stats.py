"""What a level holds, counted (`python main.py validate --stats`), as Ren'Py's lint does
for a game: days, conversations, nodes, choice points, words, tags, and minutes of play.

The minutes are an estimate for planning a lesson or a week, not a promise: reading at
about 100 words a minute (a group-8 pupil reading calmly), about two thirds of the
dialogue seen in one play-through, two minutes per lesson, one minute of walking per
lesson, and three minutes per day for the reflection and the evening.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from game.content.bundle import Content
from game.content.tags import ASPECTS, SKILLS

READING_WORDS_PER_MINUTE = 100
SEEN_SHARE = 2 / 3
LESSON_MINUTES = 2
WALK_MINUTES = 1
DAY_MINUTES = 3
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class LevelStats:
    level: str
    days: int
    lessons: int
    conversations: int
    nodes: int
    choice_points: int
    options: int
    words: dict[str, int]
    aspects: dict[str, tuple[int, int]] = field(default_factory=dict)
    """aspect -> (options tagged +, options tagged -)"""
    skills: dict[str, int] = field(default_factory=dict)
    clues: int = 0
    scenes: int = 0

    @property
    def minutes(self) -> int:
        reading = self.words["nl"] * SEEN_SHARE / READING_WORDS_PER_MINUTE
        school = self.lessons * (LESSON_MINUTES + WALK_MINUTES) + self.days * DAY_MINUTES
        return round(reading + school)

    def lines(self) -> list[str]:
        out = [f"{self.level}: {self.days} days, {self.lessons} lessons, "
               f"{self.conversations} conversations, {self.nodes} nodes, "
               f"{self.choice_points} choice points ({self.options} options), "
               f"{self.clues} clue sources" + (f", {self.scenes} class scenes" if self.scenes
                                               else ""),
               f"  words: {self.words['nl']} Dutch, {self.words['en']} English; "
               f"about {self.minutes} minutes of play"]
        out.append("  aspects (options tagged + / -): " + ", ".join(
            f"{a} {p}/{n}" for a, (p, n) in self.aspects.items()))
        out.append("  skills (options): " + ", ".join(f"{s} {n}" for s, n in self.skills.items()))
        return out


def words(text: str) -> int:
    return len(WORD.findall(text))


def level_stats(content: Content) -> LevelStats:
    level = content.level
    dialogues = list(content.dialogues.values())
    nodes = [node for d in dialogues for node in d.nodes.values()]
    choices = [c for node in nodes for c in node.choices]
    counted = {"nl": 0, "en": 0}
    for node in nodes:
        for line in node.lines:
            counted["nl"] += words(line.text.nl)
            counted["en"] += words(line.text.en)
        for choice in node.choices:
            counted["nl"] += words(choice.text.nl)
            counted["en"] += words(choice.text.en)
    for character in level.characters:
        if character.greeting:
            counted["nl"] += words(character.greeting.nl)
            counted["en"] += words(character.greeting.en)
    plus: Counter[str] = Counter()
    minus: Counter[str] = Counter()
    skills: Counter[str] = Counter()
    for choice in choices:
        for aspect, value in choice.tags.aspects.items():
            (plus if value > 0 else minus)[aspect] += 1
        skills.update(choice.tags.skills)
    return LevelStats(
        level=level.id, days=len(level.days),
        lessons=sum(len(d.lessons) for d in level.days),
        conversations=len(dialogues), nodes=len(nodes),
        choice_points=sum(1 for node in nodes if node.choices), options=len(choices),
        words=counted, aspects={a: (plus[a], minus[a]) for a in ASPECTS},
        skills={s: skills[s] for s in SKILLS}, clues=len(level.clues), scenes=len(level.scenes))
