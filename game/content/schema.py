"""Shared pieces of the content schema, and turning pydantic errors into `file:line` problems."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError

from game.content.errors import ContentError, Problem, unique_problems
from game.content.yaml_source import line_of

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")
TIME_PATTERN = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")


class Strict(BaseModel):
    """Unknown fields are errors: a typo must never be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(
            f"'{value}' is not a valid id: use lowercase letters, digits, '-', '_' or '.'")
    return value


def _to_str_id(value: Any) -> Any:
    # Room numbers like 2.14 or 105 are ids too; YAML reads them as numbers.
    if isinstance(value, float | int) and not isinstance(value, bool):
        raise ValueError(f"write {value!r} in quotes, like \"{value}\", so it stays a name")
    return value


Id = Annotated[str, BeforeValidator(_to_str_id), AfterValidator(_check_id)]


def _parse_time(value: Any) -> int:
    """'08:30' -> minutes after midnight."""
    if isinstance(value, str):
        match = TIME_PATTERN.match(value.strip())
        if match:
            return int(match.group(1)) * 60 + int(match.group(2))
    raise ValueError(f"'{value}' is not a time; write it like \"08:30\"")


ClockTime = Annotated[int, BeforeValidator(_parse_time)]


def format_time(minutes: float) -> str:
    m = int(minutes)
    return f"{m // 60:02d}:{m % 60:02d}"


class LocalText(Strict):
    """Every player-facing text exists in Dutch and English."""

    nl: Annotated[str, AfterValidator(lambda v: _non_empty(v, "Dutch"))]
    en: Annotated[str, AfterValidator(lambda v: _non_empty(v, "English"))]

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.nl


def _non_empty(value: str, language: str) -> str:
    if not value.strip():
        raise ValueError(f"the {language} text is empty")
    return value


_FRIENDLY = {
    "missing": "missing field '{field}'",
    "string_type": "'{field}' must be text",
    "int_type": "'{field}' must be a whole number",
    "int_parsing": "'{field}' must be a whole number",
    "bool_type": "'{field}' must be true or false",
    "bool_parsing": "'{field}' must be true or false",
    "list_type": "'{field}' must be a list (lines starting with '-')",
    "dict_type": "'{field}' must be a mapping (lines with 'name: value')",
    "model_type": "'{field}' must be a mapping (lines with 'name: value')",
    "literal_error": "'{field}' must be one of: {expected}",
}


def _field_name(loc: tuple[Any, ...]) -> str:
    for step in reversed(loc):
        if isinstance(step, str):
            return step
    return "value"


def _message(error: Mapping[str, Any], model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    kind = error["type"]
    field = _field_name(loc)
    if kind == "extra_forbidden":
        known = _known_fields(model, loc)
        hint = difflib.get_close_matches(str(field), known, n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        listing = f"; known fields: {', '.join(sorted(known))}" if known and not hint else ""
        return f"unknown field '{field}'{suggestion}{listing}"
    if kind == "missing" and field in ("nl", "en"):
        return f"missing the {'Dutch' if field == 'nl' else 'English'} text ('{field}:')"
    if kind in _FRIENDLY:
        expected = error.get("ctx", {}).get("expected", "")
        return _FRIENDLY[kind].format(field=field, expected=expected)
    message = str(error.get("msg", "invalid value"))
    message = message.removeprefix("Value error, ")
    return f"{field}: {message}" if kind != "value_error" else message


def _known_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model that holds the unknown key, found by walking loc."""
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int) or not isinstance(step, str):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or step not in fields:
            continue
        current = _inner_model(fields[step].annotation)
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


M = TypeVar("M", bound=BaseModel)


def parse_model(model: type[M], data: Any, path: Path) -> M:
    """Validate located YAML data into a model; errors carry the file and line."""
    if not isinstance(data, dict):
        raise ContentError.at(path, getattr(data, "line", 1),
                              "the file must be a mapping of fields (like 'id: ...')")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(step for step in error["loc"] if not _is_union_tag(step))
            problems.append(Problem(path, line_of(data, loc), _message(error, model, loc)))
        raise ContentError(unique_problems(problems)) from None


def _is_union_tag(step: Any) -> bool:
    # pydantic puts union member names and validator names in loc; they are not YAML keys.
    return isinstance(step, str) and ("[" in step or step.startswith("function-"))
