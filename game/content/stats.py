"""What a level holds, counted (`python main.py validate --stats`), as Ren'Py's lint does
for a game: days, conversations, nodes, choice points, words, tags, and minutes of play.

The minutes are an estimate for planning a lesson or a week, not a promise: reading at
about 100 words a minute (a group-8 pupil reading calmly) what one play-through sees of
each conversation (one path from each start entry: at a choice every option is read and
then one branch, on average, is followed), a minute for each held lesson's own words,
one minute of walking per lesson, and three minutes per day for the reflection and the
evening.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from game.content.bundle import Content
from game.content.dialogue import Dialogue
from game.content.tags import ASPECTS, SKILLS

READING_WORDS_PER_MINUTE = 100
LESSON_MINUTES = 1
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
    seen_words: float = 0.0
    """Dutch words one play-through reads (see the module's docstring)."""
    held_lessons: int = 0

    @property
    def minutes(self) -> int:
        reading = self.seen_words / READING_WORDS_PER_MINUTE
        school = self.held_lessons * (LESSON_MINUTES + WALK_MINUTES) \
            + self.days * DAY_MINUTES
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
    greetings = sum(words(c.greeting.nl) for c in level.characters if c.greeting)
    cancelled = sum(1 for d in level.days for ch in d.changes if ch.kind == "cancelled")
    return LevelStats(
        seen_words=greetings + sum(_seen_words(d) for d in dialogues),
        held_lessons=sum(len(d.lessons) for d in level.days) - cancelled,
        level=level.id, days=len(level.days),
        lessons=sum(len(d.lessons) for d in level.days),
        conversations=len(dialogues), nodes=len(nodes),
        choice_points=sum(1 for node in nodes if node.choices), options=len(choices),
        words=counted, aspects={a: (plus[a], minus[a]) for a in ASPECTS},
        skills={s: skills[s] for s in SKILLS}, clues=len(level.clues), scenes=len(level.scenes))


def _seen_words(dialogue: Dialogue) -> float:
    """Dutch words read on one average path from each start entry (a node met twice on one
    path counts once)."""
    memo: dict[str, float] = {}

    def path(node_id: str, seen: frozenset[str]) -> float:
        if node_id in seen or node_id not in dialogue.nodes:
            return 0.0
        if node_id in memo:
            return memo[node_id]
        node = dialogue.nodes[node_id]
        here = seen | {node_id}
        total = float(sum(words(line.text.nl) for line in node.lines))
        if node.choices:
            total += sum(words(c.text.nl) for c in node.choices)
            branches = [path(c.goto, here) if c.goto else 0.0 for c in node.choices]
            total += sum(branches) / len(branches)
        else:
            targets = [e.goto for e in node.branch] + ([node.goto] if node.goto else [])
            if targets:
                total += sum(path(t, here) for t in targets) / len(targets)
        memo[node_id] = total
        return total

    return sum(path(entry.goto, frozenset()) for entry in dialogue.start)
