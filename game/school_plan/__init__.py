"""A school's own building from a plan a teacher writes: the plan format, its layout on a
tile grid, the Tiled map, the Tiled project and a first week's level (docs/own-school.md)."""
