"""Every screen of the game, imported once so each registers its name."""

from game.scenes import (  # noqa: F401 - imported for their registration
    accusation,
    agenda,
    day_end,
    dialogue,
    error,
    floor_plan,
    help,
    homework,
    new_game,
    notebook,
    pause,
    school,
    settings,
    title,
)
