"""What the game says on screen and in its lines: one catalogue per language (nl.yaml,
en.yaml), read without pygame so the world, the bots and the dashboard can use it."""
