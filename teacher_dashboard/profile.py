"""The class profile over the seven cohesion aspects: anonymous averages, never a ranking.

Each pupil counts once per aspect (the mean of their own tagged choices), so a
pupil who played more does not weigh more. Below MIN_PUPILS nothing is shown, for
the class and for each aspect on its own: a "class average" of one or two pupils
would point at those pupils (a bar once showed one child's -2.0). Values are kept
within the scale, so no bar is ever drawn past its ends.
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
    value: float | None   # -2 .. +2; None when fewer than MIN_PUPILS met this aspect
    pupils: int
    choices: int

    @property
    def too_few(self) -> bool:
        """Some pupils met this aspect, but too few to show it without pointing at them."""
        return self.value is None and self.pupils > 0

    @property
    def percent(self) -> int:
        """Bar length from the middle, as a percentage of half the bar (0-100)."""
        if self.value is None:
            return 0
        return min(100, round(abs(self.value) / SCALE * 100))


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
            mean = _within_scale(sum(means) / len(means)) if len(means) >= MIN_PUPILS \
                else None
            scores.append(AspectScore(aspect, aspect_en if language == "en" else aspect_nl,
                                      mean, len(means),
                                      choices.get(aspect, 0) if mean is not None else 0))
        domains.append(DomainScores(domain, en if language == "en" else nl, scores))
    return ClassProfile(pupils_in_class, domains)


def _within_scale(value: float) -> float:
    return round(max(-SCALE, min(SCALE, value)), 2)
