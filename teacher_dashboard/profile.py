"""The class profile over the seven cohesion aspects: anonymous averages, never a ranking.

Each pupil counts once per aspect (the mean of their own tagged choices), so a
pupil who played more does not weigh more. Below MIN_PUPILS nothing is shown,
because a "class average" of one or two pupils would point at those pupils.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from game.content.tags import ASPECTS, DOMAINS
from teacher_dashboard.queries import AspectSum

MIN_PUPILS = 3
SCALE = 2  # tags run from -2 to +2


@dataclass(frozen=True)
class AspectScore:
    aspect: str
    label: str
    value: float | None   # -2 .. +2, None when no pupil met this aspect
    pupils: int
    choices: int

    @property
    def percent(self) -> int:
        """Bar length from the middle, as a percentage of half the bar (0-100)."""
        return 0 if self.value is None else round(abs(self.value) / SCALE * 100)


@dataclass(frozen=True)
class DomainScores:
    domain: str
    label: str
    aspects: list[AspectScore]


@dataclass(frozen=True)
class ClassProfile:
    pupils: int
    domains: list[DomainScores]

    @property
    def shown(self) -> bool:
        return self.pupils >= MIN_PUPILS


def class_profile(sums: list[AspectSum], language: str, pupils_in_class: int) -> ClassProfile:
    per_aspect: dict[str, list[float]] = defaultdict(list)
    choices: dict[str, int] = defaultdict(int)
    for row in sums:
        per_aspect[row.aspect].append(row.total / row.choices)
        choices[row.aspect] += row.choices
    domains = []
    for domain, (nl, en) in DOMAINS.items():
        scores = []
        for aspect, (aspect_domain, aspect_nl, aspect_en) in ASPECTS.items():
            if aspect_domain != domain:
                continue
            means = per_aspect.get(aspect, [])
            scores.append(AspectScore(aspect, aspect_en if language == "en" else aspect_nl,
                                      round(sum(means) / len(means), 2) if means else None,
                                      len(means), choices.get(aspect, 0)))
        domains.append(DomainScores(domain, en if language == "en" else nl, scores))
    return ClassProfile(pupils_in_class, domains)
