"""Where the story stands: no statement speaks of an event as current once a later article says
it ended, was postponed or was cancelled.

An event's ``stage`` is supported by a sentence of some article (:mod:`generator.checks.support`). A
statement about the event (its summary, its agenda, a story summary point citing the event's
sentences) that rests only on earlier articles and is written in the present or the future
("the talks are supposed to continue", "all issues are being discussed") reads as current
although a later article superseded it: the check warns, naming that article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import datetime

from generator.checks.claims import ClaimKey
from generator.checks.positions import Loc
from generator.checks.refchecks import resolve_sentence
from generator.facts.fieldtypes import ExternalSource
from generator.facts.schema import Event, Facts
from generator.reading.article import Article

_OVER = ("ended", "postponed", "cancelled")
_PRESENT = re.compile(
    r"\b(?:is|are|am|will|won't|shall|isn't|aren't|remains|continues|hosts|meets|opens|deals"
    r"|takes place)\b",
    re.IGNORECASE,
)
"""Verbs that speak of the present or the future."""


def stale_statements(
    facts: Facts,
    articles: dict[str, Article],
    claim_sources: Mapping[ClaimKey, tuple[str | ExternalSource, ...]],
) -> Iterator[tuple[Loc, str]]:
    """Statements that speak of an event as current although a later article says it is over."""
    for index, event in enumerate(facts.events):
        if event.stage not in _OVER:
            continue
        since = _latest(claim_sources.get(("event", event.id, "stage"), ()), articles)
        if since is None:
            continue
        for loc, label, text, sources in _statements_about(facts, index, event):
            found = _PRESENT.search(text)
            if found and _before(sources, since[0], articles):
                yield loc, _message(label, event, found.group(), since)


def _message(label: str, event: Event, verb: str, since: tuple[datetime, str]) -> str:
    return (
        f"{label} speaks of '{event.title}' in the present ('{verb}'), but {since[1]} of "
        f"{since[0]:%-d %B %Y} says it {event.stage}; write it in the past tense, as of the "
        "article it rests on"
    )


def _statements_about(
    facts: Facts, index: int, event: Event
) -> Iterator[tuple[Loc, str, str, list[str | ExternalSource]]]:
    own = ("events", index)
    if event.summary:
        yield (*own, "summary"), f"event '{event.id}', summary", event.summary, event.sources
    for number, point in enumerate(event.agenda):
        label = f"event '{event.id}', agenda point {number + 1}"
        yield (*own, "agenda", number, "text"), label, point.text, point.sources
    sentences = {s for s in event.sources if isinstance(s, str)}
    sentences |= {s for p in event.agenda for s in p.sources if isinstance(s, str)}
    for number, point in enumerate(facts.summary):
        if sentences & {s for s in point.sources if isinstance(s, str)}:
            yield (
                ("summary", number, "text"),
                f"summary statement {number + 1}",
                point.text,
                (point.sources),
            )


def _latest(
    sources: tuple[str | ExternalSource, ...], articles: dict[str, Article]
) -> tuple[datetime, str] | None:
    """The publication time and id of the latest article among ``sources``."""
    found = [
        (article.published, article.id)
        for source in sources
        if isinstance(source, str)
        for article, _, _ in [resolve_sentence(source, articles)]
        if article is not None and article.published is not None
    ]
    return max(found) if found else None


def _before(
    sources: list[str | ExternalSource], since: datetime, articles: dict[str, Article]
) -> bool:
    """Whether every sentence ``sources`` cites is from an article published before ``since``."""
    times = [
        article.published
        for source in sources
        if isinstance(source, str)
        for article, _, _ in [resolve_sentence(source, articles)]
        if article is not None and article.published is not None
    ]
    return bool(times) and all(time < since for time in times)
