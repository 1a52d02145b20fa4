"""Time expressions the calendar rules of :mod:`generator.extract.timex` leave out: a match in,
a resolved :class:`TimeExpression` out.

Parts of the publication day ("this morning", "later today", "earlier in the day"), spans
between two years ("between 1992 and 1995", "from 1989 to 1997"), a quarter of a year ("in the
first quarter of 2009"), two days of one month ("on October 15 and 16") and a year before 1900
after a preposition ("in 1850": a bare four-digit number that old is more often a count).
"""

from __future__ import annotations

import re
from datetime import date

from generator.extract.timevalues import (
    MONTHS,
    Context,
    TimeExpression,
    day_expression,
    nearest_day,
)

_MO = "|".join([*MONTHS, *(m[:3] + r"\.?" for m in MONTHS if m != "may"), r"sept\.?"])
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}

PART_OF_DAY = (
    r"\b(?:this|early\s+this|late\s+this)\s+(?:morning|afternoon|evening)\b"
    r"|\b(?:earlier|later)\s+(?:today|in\s+the\s+day)\b"
    r"|\b(?:(?:earlier|later|late|early)\s+)?in\s+the\s+(?:morning|afternoon|evening)\b"
    r"(?!\s+of\b)"
    r"|\b(?:before|at)\s+dawn\b(?!\s+(?:on|of)\b)"
)
YEAR_SPAN = (
    r"\b(?:between\s+(?P<a>(?:1[5-9]|20)\d\d)\s+and|from\s+(?P<b>(?:1[5-9]|20)\d\d)\s+"
    r"(?:to|until|through))\s+(?P<last>(?:1[5-9]|20)\d\d)\b"
)
QUARTER = (
    rf"\b(?:in\s+)?the\s+(?P<which>{'|'.join(_QUARTERS)})\s+(?P<part>quarter|half)\b"
    r"(?:\s+of\s+(?P<year>(?:19|20)\d\d)\b)?"
)
DAY_PAIR = (
    rf"\b(?:(?:on|from)\s+)?(?P<month>{_MO})\s+(?P<d1>\d{{1,2}})\s+(?:and|to)\s+"
    r"(?P<d2>\d{1,2})\b(?!\s*(?:percent|%|people|,\d))"
)
OLD_YEAR = (
    r"\b(?P<lead>in|since|by|until|from|during|before|after)\s+(?P<year>1[5-8]\d\d)\b(?![%]|[,.]\d)"
)


def resolve_part_of_day(match: re.Match[str], context: Context) -> TimeExpression:
    """ "this afternoon", "earlier in the day", "in the afternoon", "before dawn": the
    publication day."""
    return day_expression(match.group(0), match.start(), context.published)


def resolve_year_span(match: re.Match[str], _: Context) -> TimeExpression:
    """ "between 1992 and 1995" → ``1992/1995``."""
    first, last = int(match.group("a") or match.group("b")), int(match.group("last"))
    return TimeExpression(
        match.group(0),
        match.start(),
        f"{first}/{last}",
        "range",
        False,
        date(first, 1, 1),
        date(last, 12, 31),
    )


def resolve_quarter(match: re.Match[str], context: Context) -> TimeExpression:
    """ "the first quarter of 2009" → ``2009-01/2009-03``; "in the third quarter", of the year
    of publication."""
    year = int(match.group("year") or context.published.year)
    which = _QUARTERS[match.group("which").lower()]
    months = 6 if match.group("part").lower() == "half" else 3  # "the first half of 2018"
    if months == 6 and which > 2:
        which = 2  # "the last half": the second
    first_month = months * (which - 1) + 1
    last_month = first_month + months - 1
    value = f"{year}-{first_month:02d}/{year}-{last_month:02d}"
    last = date(year + (last_month == 12), 1 if last_month == 12 else last_month + 1, 1)
    last = date.fromordinal(last.toordinal() - 1)
    return TimeExpression(
        match.group(0), match.start(), value, "range", False, date(year, first_month, 1), last
    )


def resolve_day_pair(match: re.Match[str], context: Context) -> TimeExpression | None:
    """ "on October 15 and 16" → one range; the year is the one nearest publication."""
    month = _month(match.group("month"))
    published = context.published
    try:
        first = date(published.year, month, int(match.group("d1")))
        last = date(published.year, month, int(match.group("d2")))
    except ValueError:
        return None
    if last <= first:
        return None
    year = nearest_day(first, published).year
    if year != published.year:
        first, last = first.replace(year=year), last.replace(year=year)
    return TimeExpression(
        match.group(0),
        match.start(),
        f"{first.isoformat()}/{last.isoformat()}",
        "range",
        False,
        first,
        last,
    )


def _month(word: str) -> int:
    return [m[:3] for m in MONTHS].index(word.lower().rstrip(".")[:3]) + 1
