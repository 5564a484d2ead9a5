"""Readable names for the ids in the log (characters, lessons, clues), from the level file.

The log alone tells the story; the level file only makes it nicer to read.
When a level file is missing (an imported log from another version), the ids
themselves are shown, so the dashboard never fails on names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from game import paths
from game.content.dialogue import Dialogue, load_dialogue
from game.content.errors import ContentError
from game.content.level import Level, load_level
from game.content.school_map import Room, read_school_map


class Bilingual(Protocol):
    """A text in Dutch and English: content's LocalText, or a line in an event's payload."""

    @property
    def nl(self) -> str: ...
    @property
    def en(self) -> str: ...


def pick(text: Bilingual | str | None, language: str) -> str:
    """The text in `language`, falling back to Dutch when it has no English."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return (text.en or text.nl) if language == "en" else text.nl


@lru_cache(maxsize=32)
def _load_quietly(load: Callable[[Path], tuple[Any, Any]], path: Path) -> Any:
    """A level or dialogue file, or None when it is missing or broken: names then fall
    back to the ids, so a page never fails on them."""
    if not path.is_file():
        return None
    try:
        return load(path)[0]
    except (ContentError, OSError, ValueError):
        return None


@lru_cache(maxsize=8)
def _rooms(map_path: Path) -> dict[str, Room]:
    """A level's rooms by id from its map, read once; none when the map cannot be read."""
    try:
        return read_school_map(map_path).rooms if map_path.is_file() else {}
    except (ContentError, OSError, ValueError):
        return {}


@lru_cache(maxsize=8)
def level_ids(folder: Path) -> frozenset[str]:
    """The level files in `folder` by id (their names without .yaml)."""
    return frozenset(p.stem for p in folder.glob("*.yaml"))


def _level(level_id: object, folder: Path) -> Level | None:
    """Only a level id found in the folder: a session's `level` is data from a game, and
    `../` or an absolute path must never choose which file is read."""
    if not isinstance(level_id, str) or level_id not in level_ids(folder):
        return None
    return _load_quietly(load_level, folder / f"{level_id}.yaml")


class LevelNames:
    """Names from one level in one language; unknown ids come back as they are."""

    def __init__(self, level_id: str, language: str, folder: Path = paths.LEVELS) -> None:
        self.level = _level(level_id, folder)
        self.language = language
        self.folder = Path(folder)

    def title(self, fallback: str) -> str:
        return pick(self.level.title, self.language) if self.level else fallback

    def character(self, character_id: str | None) -> str:
        if not character_id:
            return ""
        if self.level:
            for character in self.level.characters:
                if character.id == character_id:
                    return character.named(self.language)
        return character_id

    def room(self, room_id: str | None) -> str:
        """The room as its sign says it in this language ("Gym", "2.14")."""
        if not room_id:
            return ""
        room = _rooms((self.folder / self.level.map).resolve()).get(room_id) \
            if self.level else None
        return (room.label.get(self.language) or room_id) if room else room_id

    def lesson(self, lesson_id: str | None) -> str:
        if self.level and lesson_id:
            try:
                return pick(self.level.lesson(lesson_id)[1].subject, self.language)
            except KeyError:
                pass
        return lesson_id or ""

    def day(self, day_id: str | None) -> str:
        return self._text_of(lambda level: level.days, day_id, "title")

    def clue(self, clue_id: str | None) -> str:
        return self._text_of(lambda level: level.clues, clue_id, "text")

    def homework(self, homework_id: str | None) -> str:
        return self._text_of(lambda level: level.homework, homework_id, "title")

    def scene_title(self, scene_id: str | None) -> str:
        return self._text_of(lambda level: level.scenes, scene_id, "title")

    def change(self, change_id: str | None) -> str:
        return self._text_of(lambda level: (c for d in level.days for c in d.changes),
                             change_id, "message")

    def _text_of(self, items: Callable[[Level], Iterable[Any]], item_id: str | None,
                 attribute: str) -> str:
        """The readable text of a level item by id; the bare id when the level is gone."""
        if self.level and item_id:
            for item in items(self.level):
                if item.id == item_id:
                    return pick(getattr(item, attribute), self.language)
        return item_id or ""


class ContentNames:
    """A level's names in Dutch and English at once, for the xAPI export
    (game/journal/xapi.py's ActivityNames): None for what the level does not name."""

    def __init__(self, level_id: str, folder: Path = paths.LEVELS) -> None:
        self.languages = {lang: LevelNames(level_id, lang, folder) for lang in ("nl", "en")}
        self.dialogues = paths.dialogues_for(Path(folder) / f"{level_id}.yaml")

    def question(self, dialogue_id: str, node_id: str
                 ) -> tuple[dict[str, str], list[tuple[str, dict[str, str]]]] | None:
        """A choice point as the dialogue file writes it: its last line and every option
        (also those a condition hides), so each pupil's statement defines it alike."""
        if self.languages["nl"].level is None:
            return None
        dialogue = _dialogue(dialogue_id, self.dialogues)
        node = dialogue.nodes.get(node_id) if dialogue else None
        if node is None or not node.choices:
            return None
        said = node.lines[-1].text if node.lines else None
        return ({"nl": said.nl, "en": said.en} if said else {},
                [(c.id, {"nl": c.text.nl, "en": c.text.en}) for c in node.choices])

    def text(self, what: str, item_id: str) -> dict[str, str] | None:
        if self.languages["nl"].level is None:
            return None
        found = {lang: self._one(names, what, item_id)
                 for lang, names in self.languages.items()}
        return found if found["nl"] and found["nl"] != item_id else None

    @staticmethod
    def _one(names: LevelNames, what: str, item_id: str) -> str:
        lookup: dict[str, Callable[[str], str]] = {
            "level": lambda _id: names.title(""), "lesson": names.lesson,
            "clue": names.clue, "homework": names.homework, "change": names.change,
            "character": names.character, "scene": names.scene_title, "day": names.day,
            "room": names.room}
        return lookup[what](item_id) if what in lookup else ""


@dataclass
class SceneQuestion:
    """One moment of choice in a class-mode scene, with every option the pupils saw."""

    prompt: str
    options: list[tuple[str, str]]  # (choice id, text)


@dataclass
class SceneInfo:
    id: str
    title: str
    think_about: str
    dialogue: str
    questions: list[SceneQuestion] = field(default_factory=list)


def _dialogue(dialogue_id: str, folder: Path) -> Dialogue | None:
    if dialogue_id not in level_ids(folder):  # the same rule for dialogue files
        return None
    return _load_quietly(load_dialogue, folder / f"{dialogue_id}.yaml")


def scenes_of(names: LevelNames, dialogues: Path = paths.DIALOGUES) -> list[SceneInfo]:
    """The level's class-mode scenes with their questions, for the live class view."""
    if names.level is None:
        return []
    lang = names.language
    out = []
    for scene in names.level.scenes:
        character = next((c for c in names.level.characters if c.id == scene.talk_to), None)
        dialogue_id = character.dialogue if character and character.dialogue else ""
        info = SceneInfo(scene.id, pick(scene.title, lang), pick(scene.think_about, lang),
                         dialogue_id)
        dialogue = _dialogue(dialogue_id, dialogues) if dialogue_id else None
        for node in (dialogue.nodes.values() if dialogue else []):
            if node.choices:
                said = pick(node.lines[-1].text, lang) if node.lines else ""
                info.questions.append(SceneQuestion(
                    said, [(c.id, pick(c.text, lang)) for c in node.choices]))
        out.append(info)
    return out


def scene_dialogue(names: LevelNames, scene_id: str,
                   dialogues: Path = paths.DIALOGUES) -> Dialogue | None:
    """The dialogue a class-mode scene is played through (its character's), if readable."""
    if names.level is None:
        return None
    scene = next((s for s in names.level.scenes if s.id == scene_id), None)
    character = next((c for c in names.level.characters
                      if scene is not None and c.id == scene.talk_to), None)
    if character is None or not character.dialogue:
        return None
    return _dialogue(character.dialogue, dialogues)
