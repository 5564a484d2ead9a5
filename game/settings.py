"""The pupil's settings: every option, its allowed values and its default, in one place.

Settings are kept per pupil (siblings share the family laptop) and as "last
used" for the title screen. Whatever is read from disk passes `clean`, so a
hand-edited or old settings file can never break the game: unknown keys and
values outside the allowed set fall back to the default.
"""

from __future__ import annotations

from typing import Any, Final

# Characters per second; "instant" shows a whole line at once.
TEXT_SPEEDS: Final = (("slow", 25), ("normal", 45), ("fast", 90), ("instant", "instant"))
TEXT_SIZES: Final[dict[str, float]] = {"normal": 1.0, "large": 1.15, "larger": 1.3}
FONTS: Final = ("standard", "dyslexic")
VOLUME_STEPS: Final = 10

# Actions whose key a pupil can change. Arrows, Esc and Enter never change: they
# are the same on every screen, so there is always a way that works.
ACTIONS: Final = ("up", "down", "left", "right", "interact", "floor_plan", "agenda",
                  "notebook", "help")
DEFAULT_KEYS: Final[dict[str, str]] = {
    "up": "w", "down": "s", "left": "a", "right": "d", "interact": "e",
    "floor_plan": "p", "agenda": "r", "notebook": "n", "help": "h",
}

DEFAULTS: Final[dict[str, Any]] = {
    "language": "nl",
    "text_speed": 45,
    "text_size": "normal",
    "font": "standard",
    "low_stimulus": False,
    "time_pressure": False,   # off: the clock stops while the pupil reads or looks things up
    "sound_volume": 6,
    "music_volume": 3,
    "fullscreen": False,
    "route_assist": False,
    "help_when_stuck": True,  # a classmate or the conciërge offers help (world/support.py)
    "choice_pause": 0,  # seconds the answers wait before they can be picked (quick clickers)
    "keys": DEFAULT_KEYS,
}

ALLOWED: Final[dict[str, tuple[Any, ...]]] = {
    "language": ("nl", "en"),
    "text_speed": tuple(value for _, value in TEXT_SPEEDS),
    "text_size": tuple(TEXT_SIZES),
    "font": FONTS,
    "low_stimulus": (True, False),
    "time_pressure": (True, False),
    "sound_volume": tuple(range(VOLUME_STEPS + 1)),
    "music_volume": tuple(range(VOLUME_STEPS + 1)),
    "fullscreen": (True, False),
    "route_assist": (True, False),
    "help_when_stuck": (True, False),
    "choice_pause": (0, 1, 2),
}


def clean(data: Any) -> dict[str, Any]:
    """Defaults, overlaid with every valid value from `data`."""
    settings = {**DEFAULTS, "keys": dict(DEFAULT_KEYS)}
    if not isinstance(data, dict):
        return settings
    for key, allowed in ALLOWED.items():
        value = data.get(key)
        if value in allowed and type(value) is type(DEFAULTS[key]) or (
                key == "text_speed" and value in allowed):
            settings[key] = value
    keys = data.get("keys")
    if isinstance(keys, dict):
        chosen = {**DEFAULT_KEYS, **{action: keys[action] for action in ACTIONS
                                     if isinstance(keys.get(action), str) and keys[action]}}
        if len(set(chosen.values())) == len(chosen):  # a clash would hide an action
            settings["keys"] = chosen
    return settings


def next_value(key: str, current: Any, step: int = 1) -> Any:
    """The following allowed value (wrapping), for a settings row changed by one step."""
    allowed = ALLOWED[key]
    index = allowed.index(current) if current in allowed else 0
    if key.endswith("_volume"):  # volumes stop at the ends instead of wrapping
        return allowed[max(0, min(len(allowed) - 1, index + step))]
    return allowed[(index + step) % len(allowed)]
