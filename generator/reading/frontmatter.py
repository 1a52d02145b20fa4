"""Front matter of Markdown articles: title, published, source, url, language, tags."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from generator.diagnostics import Diagnostic
from generator.facts.fieldtypes import URL_RULE, is_allowed_url
from generator.reading.dates import parse_moment
from generator.reading.yamlsafe import YamlDocument, YamlError, load_yaml

FRONT_MATTER_KEYS = ("title", "published", "source", "url", "language", "tags")


@dataclass(frozen=True)
class ArticleMeta:
    """What an article says about itself."""

    published: datetime | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    published_line: int = 1


def read_front_matter(header: str, path: str) -> tuple[ArticleMeta, list[Diagnostic]]:
    """Parse the YAML between the ``---`` fences (line numbers count from the file's line 2)."""
    try:
        document = load_yaml(header, path)
    except YamlError as error:
        found = error.diagnostic
        return ArticleMeta(), [
            Diagnostic(found.path, found.line + 1, found.column, found.code, found.message)
        ]
    data = document.data if document.data is not None else {}
    if not isinstance(data, dict):
        return ArticleMeta(), [
            Diagnostic(path, 2, 1, "wrong-type", "front matter must be a mapping of keys")
        ]
    diagnostics = [_unknown_key(document, key) for key in data if key not in FRONT_MATTER_KEYS]
    fields: dict[str, Any] = {}
    for key in ("title", "source", "url", "language"):
        if data.get(key) is not None:
            fields[key] = str(data[key])
    if "url" in fields and not (isinstance(data["url"], str) and is_allowed_url(fields["url"])):
        diagnostics.append(_disallowed_url(document, data["url"]))
        del fields["url"]
    fields["published"] = _published(data.get("published"), document, diagnostics)
    fields["published_line"] = document.position(("published",))[0] + 1
    tags = data.get("tags") or []
    fields["tags"] = tuple(str(tag) for tag in (tags if isinstance(tags, list) else [tags]))
    return ArticleMeta(**fields), diagnostics


def _published(
    value: Any, document: YamlDocument, diagnostics: list[Diagnostic]
) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        message = f"published {value!r} is not a date or time; write 'YYYY-MM-DD HH:MM:SS'"
        day = str(value)[:10]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            try:
                parse_moment(day)
            except ValueError as problem:
                message = f"published {value!r}: {problem}"
        line, column = document.position(("published", "__value__"))
        diagnostics.append(
            Diagnostic(document.path, line + 1, column, "article-timestamp", message)
        )
        return None
    if isinstance(parsed, date) and not isinstance(parsed, datetime):
        return datetime(parsed.year, parsed.month, parsed.day)
    return parsed.replace(tzinfo=None)


def _disallowed_url(document: YamlDocument, address: Any) -> Diagnostic:
    line, column = document.position(("url",))
    if isinstance(address, str):
        line, column = document.position(("url", "__value__"))
        shown = address if len(address) <= 80 else address[:77] + "..."
        message = f"front matter 'url': {shown!r} is not valid here; {URL_RULE}"
        return Diagnostic(document.path, line + 1, column, "invalid-value", message)
    message = "front matter 'url' must be one address, written as text"
    return Diagnostic(document.path, line + 1, column, "wrong-type", message)


def _unknown_key(document: YamlDocument, key: str) -> Diagnostic:
    line, column = document.position((key,))
    return Diagnostic(
        document.path,
        line + 1,
        column,
        "unknown-key",
        f"unknown front matter key '{key}'{did_you_mean(key, FRONT_MATTER_KEYS)}; "
        f"allowed: {', '.join(FRONT_MATTER_KEYS)}",
    )


def did_you_mean(word: str, choices: Any) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
