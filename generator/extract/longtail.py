"""The long tail of time expressions: spaCy DATE entities that no news-convention rule matched,
resolved by ``dateparser`` ("a fortnight ago", "2021-03-04", "the 1st of May")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from generator.extract.timevalues import (
    TimeExpression,
    day_expression,
    month_expression,
    week_expression,
    year_expression,
)

if TYPE_CHECKING:
    from spacy.tokens import Span

_HAS_DATE_WORD = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\bago\b|\bfortnight\b",
    re.IGNORECASE,
)


@cache
def _parser(published: date) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)


def resolve_entity(entity: Span, sentence_start: int, published: date) -> TimeExpression | None:
    """A DATE entity resolved by dateparser, or None when it is not a calendar time."""
    text = entity.text
    if not _HAS_DATE_WORD.search(text) or re.fullmatch(r"\d+", text.strip()):
        return None
    data = _parser(published).get_date_data(text)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    start = entity.start_char - sentence_start
    if data.period == "month":
        return month_expression(text, start, day.year, day.month)
    if data.period == "year":
        return year_expression(text, start, day.year)
    if data.period == "week":
        return replace(week_expression(text, start, day), approximate=True)
    return day_expression(text, start, day)
