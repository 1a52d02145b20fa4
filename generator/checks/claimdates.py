"""Dates as the support check reads them: what the time expressions of a cited sentence resolve
to, against its article's publication date, and whether they give a claimed date."""

from __future__ import annotations

import functools
from datetime import date, timedelta

from generator.checks.claims import Cited
from generator.extract.timevalues import Context
from generator.extract.timex import find_time_expressions
from generator.facts.fieldtypes import When
from generator.reading.dates import parse_moment


def resolved_dates(cited: Cited) -> list[tuple[date, date, str]]:
    """Every date the sentence's time expressions resolve to, read as past and as future
    (the tense that decides it is not known here): (first day, last day, granularity)."""
    published = cited.article.published
    if published is None:
        return []
    return list(_resolved(cited.sentence.text, published.date()))


@functools.lru_cache(maxsize=65_536)
def _resolved(text: str, published: date) -> tuple[tuple[date, date, str], ...]:
    """:func:`resolved_dates` of a sentence, once per sentence (each of its claims asks)."""
    found = []
    for future in (False, True):
        context = Context(published, future=future)
        for expression in find_time_expressions(text, context):
            if expression.first and expression.last:
                found.append((expression.first, expression.last, expression.granularity))
    return tuple(found)


def date_supported(when: When, cited: list[Cited]) -> bool:
    first, last = date_span(when)
    if first is None or last is None:
        return True
    resolved = [r for c in cited for r in resolved_dates(c)]
    if when.start and when.end and _spans_whole(resolved, first, last):
        return True  # one expression for the whole span ("last week")
    if when.start and when.end:
        start_first, start_last = date_span(When(date=when.start))
        end_first, end_last = date_span(When(date=when.end))
        if not _covers(resolved, start_first, start_last, when.approximate):
            return False
        lasting = {f"P{(last - first).days + 1}D", f"P{(last - first).days}D"}
        given = {value for c in cited for value in durations(c)}
        return bool(lasting & given) or _covers(resolved, end_first, end_last, when.approximate)
    return _covers(resolved, first, last, when.approximate)


def durations(cited: Cited) -> list[str]:
    """The durations a sentence gives ("to last four days": ``P4D``)."""
    if cited.article.published is None:
        return []
    context = Context(cited.article.published.date())
    return [
        expression.value
        for expression in find_time_expressions(cited.sentence.text, context)
        if expression.granularity == "duration"
    ]


def _spans_whole(resolved: list[tuple[date, date, str]], first: date, last: date) -> bool:
    """Whether one resolved expression covers the span from ``first`` to ``last`` and little
    more (at most twice as long)."""
    width = (last - first).days + 1
    return any(
        start <= first and end >= last and (end - start).days + 1 <= 2 * width
        for start, end, _ in resolved
    )


def _covers(
    resolved: list[tuple[date, date, str]], first: date | None, last: date | None, loose: bool
) -> bool:
    if first is None or last is None:
        return True
    width = last - first
    for found_first, found_last, _ in resolved:
        overlaps = found_first <= last and found_last >= first
        precise = found_last - found_first <= width + timedelta(days=1)
        if overlaps and (precise or loose):
            return True
    return False


def date_span(when: When) -> tuple[date | None, date | None]:
    """The first and last day ``when`` covers (none for a date that does not parse)."""
    text = when.date or when.start
    if not text:
        return None, None
    try:
        start = parse_moment(text)
        end = parse_moment(when.end) if when.end else start
    except ValueError:
        return None, None
    return start.first_day(), end.last_day()


def when_text(when: When) -> str:
    if when.start and when.end:
        return f"{when.start} to {when.end}"
    return when.date or when.start or "?"
