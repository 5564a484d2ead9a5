"""The tag vocabulary, defined once: the seven cohesion aspects and four transition skills.

Aspects follow Schiefer & Van der Noll (2017) as used by the Sociale Cohesie
Thermometer (see shared/DOMAIN.md); skills follow the A.L.I.B.I. themes.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

# aspect id -> (domain id, Dutch label, English label)
ASPECTS: Final[dict[str, tuple[str, str, str]]] = {
    "positive_relations": ("social_relations", "Positieve relaties", "Positive relations"),
    "respect": ("social_relations", "Respect", "Respect"),
    "trust": ("social_relations", "Vertrouwen in elkaar", "Trust in each other"),
    "tolerance": ("social_relations", "Verdraagzaamheid", "Tolerance"),
    "belonging": ("identification", "Erbij horen", "Belonging"),
    "solidarity": ("community", "Solidariteit", "Solidarity"),
    "rules": ("community", "Je aan de regels houden", "Keeping to the rules"),
}

DOMAINS: Final[dict[str, tuple[str, str]]] = {
    "social_relations": ("Sociale relaties", "Social relations"),
    "identification": ("Identificatie met de groep", "Identification with the group"),
    "community": ("Oriëntatie op de gemeenschap", "Orientation to the community"),
}

# skill id -> (Dutch label, English label)
SKILLS: Final[dict[str, tuple[str, str]]] = {
    "relations": ("Contact maken", "Building relations"),
    "flexibility": ("Omgaan met veranderingen", "Coping with change"),
    "planning": ("Plannen", "Planning"),
    "orientation": ("De weg vinden", "Finding your way"),
}

EMOTIONS: Final[tuple[str, ...]] = ("neutral", "happy", "sad", "angry", "nervous", "surprised")
ROLES: Final[tuple[str, ...]] = ("classmate", "teacher", "staff")

# The same vocabularies as types, for the content models and the event payloads. A type
# checker needs the names written out; the check below keeps them equal to the tables.
Aspect = Literal["positive_relations", "respect", "trust", "tolerance", "belonging",
                 "solidarity", "rules"]
Skill = Literal["relations", "flexibility", "planning", "orientation"]
Emotion = Literal["neutral", "happy", "sad", "angry", "nervous", "surprised"]
Role = Literal["classmate", "teacher", "staff"]

for _type, _names in ((Aspect, ASPECTS), (Skill, SKILLS), (Emotion, EMOTIONS), (Role, ROLES)):
    if list(get_args(_type)) != list(_names):
        raise ImportError(f"game/content/tags.py: {_type} and its table differ")
