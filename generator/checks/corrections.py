"""Corrections win: where a source check finds the article wrong, the facts must not repeat it.

A ``spelling`` check about an entity fails when the entity is still named as the article
misspells it; a ``date`` check about an event fails when the event is still dated as the
article's words would date it (the time expression the check quotes, resolved against the
article's publication date). Either way every page would show the article's error as the value,
with the note that it is wrong beside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.checks.claimdates import date_span
from generator.checks.positions import Loc
from generator.checks.quotetext import normalise_quote
from generator.checks.refchecks import resolve_sentence
from generator.extract.timevalues import Context
from generator.extract.timex import find_time_expressions
from generator.facts.editorial import SourceCheck
from generator.facts.schema import Entity, Event, Facts
from generator.reading.article import Article


def corrections_not_applied(
    facts: Facts, articles: dict[str, Article]
) -> Iterator[tuple[Loc, str]]:
    """Where an item still shows the value a source check corrects, with what to do."""
    entities = {entity.id: (index, entity) for index, entity in enumerate(facts.entities)}
    events = {event.id: (index, event) for index, event in enumerate(facts.events)}
    for check in facts.source_checks:
        for item_id in check.about:
            if check.kind == "spelling" and item_id in entities:
                yield from _misspelt(check, *entities[item_id])
            if check.kind == "date" and item_id in events:
                yield from _misdated(check, *events[item_id], articles)


def _misspelt(check: SourceCheck, index: int, entity: Entity) -> Iterator[tuple[Loc, str]]:
    wrong = normalise_quote(check.article_says).casefold()
    if normalise_quote(entity.name).casefold() == wrong:
        yield (
            ("entities", index, "name"),
            (
                f"entity '{entity.id}' is named '{entity.name}', the spelling that source check "
                f"'{check.id}' finds wrong; write the correct name and keep the article's spelling "
                "as an alias"
            ),
        )


def _misdated(
    check: SourceCheck, index: int, event: Event, articles: dict[str, Article]
) -> Iterator[tuple[Loc, str]]:
    resolved = _article_date(check, articles)
    if resolved is None or date_span(event.when) != resolved:
        return
    first, last = resolved
    shown = f"{first}" if first == last else f"{first} to {last}"
    yield (
        ("events", index, "when"),
        (
            f"event '{event.id}' is dated {shown}, as the article's '{check.article_says}' would "
            f"date it, which source check '{check.id}' finds wrong; give the corrected date and "
            "cite its evidence for it (`cite: {when: [...]}`)"
        ),
    )


def _article_date(
    check: SourceCheck, articles: dict[str, Article]
) -> tuple[date | None, date | None] | None:
    """The day(s) the article's words in ``check`` resolve to, in its first sentence."""
    article, sentence, _ = resolve_sentence(check.sentences[0], articles)
    if article is None or sentence is None or article.published is None:
        return None
    wanted = normalise_quote(check.article_says).casefold()
    for future in (False, True):
        context = Context(article.published.date(), future=future)
        for expression in find_time_expressions(sentence.text, context):
            words = normalise_quote(expression.text).casefold()
            if expression.first and (words in wanted or wanted in words):
                return (expression.first, expression.last)
    return None
