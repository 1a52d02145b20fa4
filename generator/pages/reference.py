"""The facts file reference: JSON Schema and a Markdown page, both generated from ``schema``."""

from __future__ import annotations

import json
import typing
from typing import Any

from pydantic import BaseModel

from generator.facts.editorial import Account, Change, Disagreement, GlossaryTerm, SourceCheck
from generator.facts.fieldtypes import Coordinates, ExternalSource, Point, When
from generator.facts.schema import (
    ArticleInfo,
    Entity,
    EntityCitations,
    Event,
    EventCitations,
    Facts,
    Participant,
    Question,
    Quote,
    StoryInfo,
)

DOCUMENTED = (
    StoryInfo, ArticleInfo, Facts, Point, Question, Entity, EntityCitations, Coordinates, Event,
    EventCitations, When, Participant, Quote, ExternalSource, SourceCheck, GlossaryTerm,
    Disagreement, Account, Change,
)  # fmt: skip
"""Every schema class, in the order the reference page presents them."""

FILE_NAMES: dict[type[BaseModel], str] = {StoryInfo: "story.yml", Facts: "facts.yml"}


def json_schema(story: bool = False) -> str:
    """JSON Schema of facts.yml (or story.yml), for editors that validate YAML as you type."""
    model = StoryInfo if story else Facts
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = FILE_NAMES[model]
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def reference_page() -> str:
    """The schema reference as Markdown: one section per class, one row per field."""
    lines = [
        "---",
        'title: "Facts file reference"',
        "search:",  # for editors, not readers: out of the readers' search and menu
        "  exclude: true",
        "---",
        "",
        "# Facts file reference",
        "",
        "Each story is a folder in `content/` with a `story.yml`, a `facts.yml` and an "
        "`articles/` folder. This page is generated from the schema in "
        "`generator/facts/schema.py`; `explainer schema` prints the same schema as JSON Schema.",
        "",
    ]
    for model in DOCUMENTED:
        lines.extend(_section(model))
    return "\n".join(lines)


def _section(model: type[BaseModel]) -> list[str]:
    title = FILE_NAMES.get(model, model.__name__)
    lines = [f"## {title}", "", _doc_markdown(_docstring(model)), ""]
    lines += ["| Field | Type | Required | Description |", "| --- | --- | --- | --- |"]
    for name, field in model.model_fields.items():
        required = "yes" if field.is_required() else "no"
        description = _doc_markdown(" ".join((field.description or "").split()))
        lines.append(f"| `{name}` | {_type_label(field.annotation)} | {required} | {description} |")
    return [*lines, ""]


def _doc_markdown(text: str) -> str:
    """Our own docstrings (trusted) as Markdown for a table cell: ``code`` becomes `code`."""
    return text.replace("``", "`").replace("|", "\\|")


def _docstring(model: type[BaseModel]) -> str:
    return " ".join((model.__doc__ or "").split())


def _type_label(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_label(arguments[0])
    if origin is list:
        return f"list of {_type_label(arguments[0])}"
    if origin is typing.Literal:
        return " \\| ".join(f"`{value}`" for value in arguments)
    if arguments and type(None) in arguments:
        return _type_label(next(a for a in arguments if a is not type(None)))
    if arguments:
        return " or ".join(_type_label(a) for a in arguments)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    names = {str: "text", int: "integer", float: "number", bool: "true/false"}
    return names.get(annotation, str(annotation))
