"""Load YAML files into schema objects, turning every schema error into a positioned diagnostic."""

from __future__ import annotations

import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.diagnostics import Diagnostic
from generator.facts.fieldtypes import (
    ARTICLE_ID_PATTERN,
    ID_PATTERN,
    SENTENCE_REF_PATTERN,
    TEXT_PATTERN,
    URL_PATTERN,
    URL_RULE,
)
from generator.reading.frontmatter import did_you_mean
from generator.reading.ids import document_id_clashes, suggest_id
from generator.reading.yamlsafe import Path_, YamlDocument, YamlError, load_yaml

M = TypeVar("M", bound=BaseModel)

_FIELD_HINTS = {
    "string_pattern_mismatch": "invalid-value",
    "missing": "missing-field",
    "extra_forbidden": "unknown-key",
    "too_short": "missing-field",
}


def load_model(
    text: str, path: str, model: type[M]
) -> tuple[M | None, YamlDocument | None, list[Diagnostic]]:
    """Parse ``text`` as YAML and validate it against ``model``; report all problems at once."""
    try:
        document = load_yaml(text, path)
    except YamlError as error:
        return None, None, [error.diagnostic]
    data = document.data if document.data is not None else {}
    if not isinstance(data, dict):
        message = f"the file must be a mapping of keys ({', '.join(model.model_fields)})"
        return None, document, [Diagnostic(path, 1, 1, "wrong-type", message)]
    clashes = document_id_clashes(document)
    try:
        return model.model_validate(data), document, clashes
    except ValidationError as error:
        diagnostics = [_diagnostic(detail, document, model) for detail in error.errors()]
        return None, document, _dedupe(diagnostics) + clashes


def _dedupe(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen: dict[tuple[int, int, str], Diagnostic] = {}
    for diagnostic in diagnostics:
        seen.setdefault((diagnostic.line, diagnostic.column, diagnostic.code), diagnostic)
    return list(seen.values())


def _data_path(loc: tuple[str | int, ...], data: Any) -> tuple[Path_, Any, tuple[str | int, ...]]:
    """Keep the parts of a pydantic location that index into the data; the rest name branches."""
    path: list[str | int] = []
    rest: list[str | int] = []
    current = data
    for part in loc:
        if _indexes(current, part):
            path.append(part)
            current = current[part]
        else:
            rest.append(part)
    return tuple(path), current, tuple(rest)


def _indexes(current: Any, part: str | int) -> bool:
    if isinstance(current, dict):
        return isinstance(part, str) and part in current
    return isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)


def _diagnostic(detail: ErrorDetails, document: YamlDocument, model: type[BaseModel]) -> Diagnostic:
    path, value, rest = _data_path(tuple(detail["loc"]), document.data)
    kind = detail["type"]
    where = _describe(path, document.data)
    if kind == "extra_forbidden":
        key = str(path[-1])
        allowed = _fields_at(model, path[:-1])
        line, column = document.position(path)
        message = f"unknown key '{key}' in {_describe(path[:-1], document.data)}"
        message += did_you_mean(key, allowed) + f"; allowed keys: {', '.join(allowed)}"
        return Diagnostic(document.path, line, column, "unknown-key", message)
    if kind == "missing":
        name = str(rest[-1]) if rest else "?"
        line, column = document.position(path)
        message = f"{where} is missing required field '{name}'"
        return Diagnostic(document.path, line, column, "missing-field", message)
    line, column = document.position((*path, "__value__") if path else path)
    if (*path, "__value__") not in document.positions:
        line, column = document.position(path)
    if kind == "too_short" and path and path[-1] == "sources":
        item = _describe(path[:-1], document.data)
        message = f"{item} has no source; cite the sentence(s) it comes from"
        return Diagnostic(document.path, line, column, "missing-source", message)
    code = kind if "-" in kind else _FIELD_HINTS.get(kind, "wrong-type")
    if kind == "string_pattern_mismatch" and _is_id_pattern(detail):
        code = "invalid-id"
    message = f"{where}: {_explain(detail, value)}"
    return Diagnostic(document.path, line, column, code, message)


def _explain(detail: ErrorDetails, value: Any) -> str:
    kind = detail["type"]
    if kind == "string_pattern_mismatch":
        pattern = str(detail["ctx"]["pattern"])
        if _is_id_pattern(detail):
            return suggest_id(str(value), article=pattern != ID_PATTERN)
        return f"{value!r} is not valid here; {_pattern_hint(pattern)}"
    if kind == "literal_error":
        return f"{value!r} is not one of {detail['ctx']['expected']}"
    message = detail["msg"]
    if kind.endswith("_type") or kind == "model_type":
        message += f", not {_type_name(value)}"
    return message[0].lower() + message[1:]


def _is_id_pattern(detail: ErrorDetails) -> bool:
    return detail.get("ctx", {}).get("pattern") in (ID_PATTERN, ARTICLE_ID_PATTERN)


def _pattern_hint(pattern: str) -> str:
    if pattern == SENTENCE_REF_PATTERN:
        return "a sentence is cited as 'p3s2', or 'article-id#p3s2' when the story has several"
    if pattern == URL_PATTERN:
        return URL_RULE
    if pattern == TEXT_PATTERN:
        return "it holds a control character, which no page or feed can show; delete it"
    return f"it must match {pattern}"


def _type_name(value: Any) -> str:
    names = {
        dict: "a mapping",
        list: "a list",
        str: "text",
        bool: "true/false",
        type(None): "empty",
    }
    return names.get(type(value), f"a {type(value).__name__}")


_SINGULAR = {
    "entities": "entity",
    "events": "event",
    "quotes": "quote",
    "summary": "summary point",
    "background": "background point",
    "notes": "note",
    "agenda": "agenda point",
    "sources": "source",
    "articles": "article",
    "participants": "participant",
    "aliases": "alias",
    "preceded_by": "preceded_by entry",
    "disagreements": "disagreement",
    "accounts": "account",
    "changes": "change",
    "items": "item",
}


def _describe(path: Path_, data: Any) -> str:
    """Where an error is, in words: ``event 'talks', source 2, field 'url'``."""
    if not path:
        return "the file"
    labels: list[str] = []
    current = data
    for index, part in enumerate(path):
        current = current[part]
        if isinstance(part, int):
            continue
        following = path[index + 1] if index + 1 < len(path) else None
        if isinstance(following, int):
            item = current[following]
            name = _SINGULAR.get(part, f"{part} item")
            ident = item.get("id") if isinstance(item, dict) else None
            labels.append(
                f"{name} '{ident}'" if isinstance(ident, str) else f"{name} {following + 1}"
            )
        else:
            labels.append(f"field '{part}'")
    return ", ".join(labels)


def _fields_at(model: type[BaseModel], path: Path_) -> list[str]:
    candidates: list[type[BaseModel]] = [model]
    for part in path:
        if isinstance(part, int):
            continue
        following: list[type[BaseModel]] = []
        for candidate in candidates:
            field = candidate.model_fields.get(part)
            if field is not None:
                following.extend(_models_in(field.annotation))
        candidates = following or candidates
    return sorted({name for candidate in candidates for name in candidate.model_fields})


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for argument in typing.get_args(annotation):
        found.extend(_models_in(argument))
    return found
