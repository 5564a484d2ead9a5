"""Domain events: what happened, announced by the world for the log, the scenes and the
dashboard. Every kind is one typed class in this package (see base.py)."""

from game.events import (
    case,
    class_mode,
    coping,
    homework,
    lessons,
    missions,
    moving,
    sitting,
    talking,
    voice,
)
from game.events.base import (
    GOOD,
    INFO,
    KINDS,
    NOTE,
    Event,
    Names,
    Payload,
    Teller,
    Told,
    UnknownKind,
    Verb,
    kind_class,
    kinds_in_story,
    parse,
)

__all__ = ["GOOD", "INFO", "KINDS", "NOTE", "Event", "Names", "Payload", "Teller", "Told",
           "UnknownKind", "Verb", "case", "class_mode", "coping", "homework", "kind_class",
           "kinds_in_story", "lessons", "missions", "moving", "parse", "sitting", "talking",
           "voice"]
