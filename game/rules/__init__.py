"""The rules authors write in dialogue and level files: conditions (`if`) and effects.

Each check and each effect is one small typed class (`conditions.py`, `effects.py`):
its fields are what the author writes, its docstring is the authors' reference
(docs/dialogues.md is generated from it), and it owns how it holds or applies and
which ids it refers to, so `validate` can check them. `state.py` is what they read
and change: the pupil's relations, moods, flags, counters, clues and homework.
"""
