"""The facts schema's field types: the values an item's fields hold, and the URL policy.

Constrained strings (ids, sentence references, text, URLs), the one URL policy of every input,
the base of every schema class, and the small models fields are made of: a source, a statement
with its sources, a date and a point on the map. Items (:mod:`generator.facts.schema`) and the
editor's notes (:mod:`generator.facts.editorial`) are declared with them. Every field's docstring is
also the user's reference (:mod:`generator.pages.reference`).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ARTICLE_ID_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
SENTENCE_REF_PATTERN = r"^(?:[a-z0-9][a-z0-9_-]*#)?p[1-9][0-9]*s[1-9][0-9]*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
"""An item's id: lower-case letters, digits and single hyphens (``nikol-pashinyan``)."""
ArticleId = Annotated[str, StringConstraints(pattern=ARTICLE_ID_PATTERN, max_length=80)]
SentenceRef = Annotated[str, StringConstraints(pattern=SENTENCE_REF_PATTERN)]
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"
"""Text a page, a feed or a search index can carry: no control character (a YAML escape such
as ``"\\a"`` makes one), line breaks and tabs aside."""
Text = Annotated[str, StringConstraints(min_length=1, max_length=5000, pattern=TEXT_PATTERN)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=TEXT_PATTERN)]
URL_PATTERN = (
    r"^(?:(?:https?://|mailto:)[^\s<>\"\\\x00-\x1f\x7f]+"
    r"|[^\s<>\"\\\x00-\x1f\x7f:/?#]*(?:[/?#][^\s<>\"\\\x00-\x1f\x7f]*)?)$"
)
"""The one URL policy of every input: ``http://``, ``https://`` and ``mailto:`` addresses, or a
relative link (no scheme at all); never ``javascript:``, ``data:`` or any other scheme, white
space, control characters, quotes, angle brackets or backslashes (which browsers read as ``/``)."""
URL_RULE = "only http://, https:// and mailto: addresses or relative links are allowed"
"""What :data:`URL_PATTERN` allows, as a diagnostic says it."""
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=2000)]
"""An address that :data:`URL_PATTERN` allows."""


def is_allowed_url(address: str) -> bool:
    """Whether ``address`` is a link the site may publish (:data:`URL_PATTERN`)."""
    return 0 < len(address) <= 2000 and re.fullmatch(URL_PATTERN, address) is not None


class Model(BaseModel):
    """Base of every schema class: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class ExternalSource(Model):
    """A source outside the story's articles: a web page, report or official record."""

    url: Url
    """Address of the source: ``http``, ``https`` or ``mailto``, or a relative link."""
    title: ShortText
    """Title of the page or document."""
    publisher: ShortText | None = None
    """Who published it (``U.S. Department of State``)."""
    date: str | None = None
    """When it was published, ``YYYY-MM-DD``."""


def _source_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "sentence"
    if isinstance(value, dict):
        return "external"
    return None


Source = Annotated[
    Annotated[SentenceRef, Tag("sentence")] | Annotated[ExternalSource, Tag("external")],
    Discriminator(
        _source_kind,
        custom_error_type="wrong-type",
        custom_error_message=(
            "a source is a sentence id ('p3s2' or 'article-id#p3s2') "
            "or a mapping with 'url' and 'title'"
        ),
    ),
]
"""Where a statement comes from: a sentence of an article, or an external reference."""

Sources = Annotated[list[Source], Field(min_length=1)]


class Point(Model):
    """One statement of fact in the editor's words, with the sentences it rests on."""

    text: Text
    """The statement, one or two sentences of plain text."""
    sources: Sources
    """Sentences (``p3s1``, or ``article-id#p3s1`` when the story has several articles) and/or
    external references that support the statement."""
    topic: ShortText | None = None
    """Optional heading the statement is grouped under (background: ``The wars``)."""


class When(Model):
    """A date as precise as the source allows: a day, month, year or decade, or a range of them.

    Write ``date`` for a single point in time or ``start`` and ``end`` for a range. Each takes
    ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or a decade ``YYYYs``. A bare string is short for
    ``date``: ``when: 2023-05-01``.
    """

    date: str | None = None
    """A single day, month, year or decade."""
    start: str | None = None
    """First day, month, year or decade of a range."""
    end: str | None = None
    """Last day, month, year or decade of a range (inclusive)."""
    part: Literal["early", "mid", "late"] | None = None
    """Part of the period meant (``early`` with ``1990s`` reads "early 1990s")."""
    approximate: bool = False
    """True when the source gives the time loosely ("three decades ago")."""
    expression: ShortText | None = None
    """The words the date was resolved from, as written in the article ("last November")."""

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str | int):
            return {"date": str(value)}
        return value


class Coordinates(Model):
    """A point on the map, in decimal degrees (WGS 84)."""

    lat: Annotated[float, Field(ge=-90, le=90)]
    """Latitude, -90 to 90."""
    lon: Annotated[float, Field(ge=-180, le=180)]
    """Longitude, -180 to 180."""
