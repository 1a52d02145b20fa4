"""Time expressions found in a sentence and resolved against the publication date.

News conventions come first: in a Monday story "on Monday" is that day; "until Thursday" and a
weekday under "will" look forward; "the previous day" is anchored on the date the sentence has just
given; "last November" is the previous November; "the early 1990s" is a range; "three decades ago"
is approximate; "for months" is a duration. ``dateparser`` resolves the long tail the rules do not
know (spaCy's DATE entities that no rule matched).

A sentence and its :class:`Context` go in; its time expressions come out, in text order. This
module holds the rules' patterns and finds their matches; each rule's resolver is in
:mod:`generator.extract.timeresolvers`, what they resolve to in :mod:`generator.extract.timevalues`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from generator.extract.durations import (
    ALTERNATIVE,
    BARE_PLURAL,
    COUNTED,
    UNCOUNTED,
    resolve_alternative,
    resolve_bare,
    resolve_counted,
    resolve_uncounted,
)
from generator.extract.periods import (
    DAY_PAIR,
    OLD_YEAR,
    PART_OF_DAY,
    QUARTER,
    YEAR_SPAN,
    resolve_day_pair,
    resolve_part_of_day,
    resolve_quarter,
    resolve_year_span,
)
from generator.extract.timeresolvers import (
    resolve_ago,
    resolve_anchored,
    resolve_calendar_day,
    resolve_day_span,
    resolve_decade,
    resolve_deictic,
    resolve_duration,
    resolve_earlier,
    resolve_end_of_month,
    resolve_holiday,
    resolve_later,
    resolve_named_month,
    resolve_relative_unit,
    resolve_same_period,
    resolve_this_period,
    resolve_weekday,
    resolve_weekend,
    resolve_year,
)
from generator.extract.timevalues import MONTHS, NUMBERS, WEEKDAYS, Context, TimeExpression

_VAGUE = {"several", "a few", "few", "many", "some", "the past few", "the last few", "recent"}

_WD = "|".join(WEEKDAYS)
_MO = "|".join([*MONTHS, r"sept\.?", *(m[:3] + r"\.?" for m in MONTHS if m != "may")])
_NUM = r"\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True))
_QTY = rf"(?:{_NUM}|several|a few|few|many|some)"
_UNIT = r"(?:day|week|month|year|decade)s?"
_QUALIFIERS = r"more\s+than|over|nearly|almost|about|around|at\s+least|less\s+than|up\s+to"

Resolver = Callable[["re.Match[str]", Context], "TimeExpression | None"]


_RULES: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), resolver)
    for pattern, resolver in (
        (
            r"\b(?:the\s+)?(?P<part>early|mid|late|mid-)?[\s-]*(?P<decade>1[89]\d0|20\d0|[2-9]0)s\b",
            resolve_decade,
        ),
        (YEAR_SPAN, resolve_year_span),
        (QUARTER, resolve_quarter),
        (DAY_PAIR, resolve_day_pair),
        (PART_OF_DAY, resolve_part_of_day),
        (rf"\b(?P<count>{_NUM})\s+(?P<unit>{_UNIT})\s+ago\b", resolve_ago),
        (rf"\b(?P<count>{_NUM})\s+(?P<unit>{_UNIT})\s+earlier\b", resolve_earlier),
        (rf"\b(?P<count>{_NUM})\s+(?P<unit>{_UNIT})\s+later\b", resolve_later),
        (
            rf"\bfrom\s+(?P<d1>\d{{1,2}})\s+(?P<m1>{_MO})\s+(?:to|until)\s+(?P<d2>\d{{1,2}})\s+(?P<month>{_MO}),?\s+(?P<year>\d{{4}})\b",
            resolve_day_span,
        ),
        (
            rf"\b(?:from|between)\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:to|and|until)\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MO})(?:,?\s+(?P<year>\d{{4}}))?\b",
            resolve_day_span,
        ),
        (
            rf"\b(?:from|between)\s+(?P<month>{_MO})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:to|and|until|through)\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b",
            resolve_day_span,
        ),
        (ALTERNATIVE.pattern, resolve_alternative),
        (
            rf"\b(?:to|will|would|should|could|may)\s+last\s+(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<count>{_NUM})\s+(?P<unit>{_UNIT})\b",
            resolve_duration,
        ),
        (
            rf"\bfor\s+(?:the\s+(?:past|last)\s+)?(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<count>{_QTY})?\s*(?P<unit>{_UNIT})\b",
            resolve_duration,
        ),
        (
            rf"\b(?:over|within|in|during)\s+the\s+(?:past|last)\s+(?P<count>{_QTY})?\s*(?P<unit>{_UNIT})\b",
            resolve_duration,
        ),
        (
            rf"\b(?:by|of|lasting|within)\s+(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<count>{_NUM})\s+(?P<unit>{_UNIT})\b(?!\s+(?:ago|later|earlier|after|before))",
            resolve_duration,
        ),
        (rf"\b(?P<count>{_NUM})-(?P<unit>day|week|month|year)\b(?!-old)", resolve_duration),
        (COUNTED.pattern, resolve_counted),
        (BARE_PLURAL.pattern, resolve_bare),
        (UNCOUNTED.pattern, resolve_uncounted),
        (
            rf"\b(?P<d1>\d{{1,2}})\s*[-\u2013]\s*(?P<d2>\d{{1,2}})\s+(?P<month>{_MO})(?:\s+(?P<year>\d{{4}}))?\b",
            resolve_day_span,
        ),
        (
            rf"\b(?P<month>{_MO})\s+(?P<d1>\d{{1,2}})\s*[-\u2013]\s*(?P<d2>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?\b",
            resolve_day_span,
        ),
        (
            rf"\b(?:(?P<lead>on|since|from|until|by)\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MO})(?:,?\s+(?P<year>\d{{4}}))?\b",
            resolve_calendar_day,
        ),
        (
            rf"\b(?:(?P<lead>on|since|from|until|by)\s+)?(?P<month>{_MO})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?",
            resolve_calendar_day,
        ),
        (
            rf"\b(?:(?P<since>since)\s+(?=last\s))?(?:(?P<lead>last|next|this|until|by|till|since|from|on|early|late)\s+)?(?P<wd>{_WD})\b(?:\s+(?:morning|afternoon|evening|night))?",
            resolve_weekday,
        ),
        (
            r"\b(?:(?P<lead>over|during|at|on|this|last|next|past)\s+)?(?:the\s+)?weekend\b",
            resolve_weekend,
        ),
        (
            rf"\b(?:by\s+)?the\s+end\s+of\s+(?:(?P<this>the|this)\s+month|(?P<which>the|this|last|next)\s+year|(?P<month>{_MO})(?:\s+(?P<year>\d{{4}}))?)\b",
            resolve_end_of_month,
        ),
        (
            r"\b(?:on\s+)?(?P<holiday>Christmas\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year(?:['\u2019]s)?\s+(?:Day|Eve))\b",
            resolve_holiday,
        ),
        (r"\b(?:earlier|later)\s+this\s+(?P<unit>week|month|year)\b", resolve_this_period),
        (r"\bthis\s+(?P<unit>week|month|year)\b", resolve_this_period),
        (
            rf"\b(?:(?P<lead>in|early|late|since|until|by)\s+)?(?P<month>{_MO})\s+(?P<whichyear>last|next|this)\s+year\b",
            resolve_named_month,
        ),
        (
            r"\b(?P<lead>last|next|past|previous|coming)\s+(?P<unit>week|month|year)\b",
            resolve_relative_unit,
        ),
        (
            rf"\b(?:(?P<lead>last|next|in|early|late|mid|since|until|by)\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<month>{_MO})\b(?:\s+(?P<year>\d{{4}}))?",
            resolve_named_month,
        ),
        (
            r"\b(?:(?P<lead>in|since|by|until|from|during|before|after)\s+)?(?P<year>(?:19|20)\d\d)\b(?![%]|[,.]\d)",
            resolve_year,
        ),
        (OLD_YEAR, resolve_year),
        (
            r"\b(?:yesterday|today|tonight|tomorrow)\b(?:\s+(?:morning|afternoon|evening|night)\b)?"
            r"|\b(?:late\s+)?last\s+night\b",
            resolve_deictic,
        ),
        (
            r"\b(?:(?:in|during)\s+)?(?:(?:the\s+(?P<which>previous|following|next|same)|that)\s+"
            r"(?P<unit>year|month)|(?:the\s+same|that)\s+(?P<day>day))\b"
            r"(?!\s+(?:before|after|earlier|later)\b)",
            resolve_same_period,
        ),
        (
            r"\bthe\s+(?:previous|following|next)\s+(?:day|night)\b|\bthe\s+(?:night|evening)\s+before\b|\bthe\s+day\s+(?:before|after)\b|\ba\s+day\s+(?:earlier|later)\b",
            resolve_anchored,
        ),
    )
)


def find_time_expressions(sentence: str, context: Context) -> list[TimeExpression]:
    """Every time expression in ``sentence``, in text order, none overlapping another."""
    found: list[_Pending] = []
    taken: list[tuple[int, int]] = []
    for match in _matches(sentence):
        span = (match[0].start(), match[0].end())
        if any(span[0] < end and start < span[1] for start, end in taken):
            continue
        if _not_a_date(sentence, match[0]):
            continue
        taken.append(span)
        found.append(_Pending(match[0], match[1], match[0].start()))
    found.sort(key=lambda pending: pending.start)
    return _resolve_in_order(sentence, found, context)


def _matches(sentence: str) -> Iterator[tuple[re.Match[str], Resolver]]:
    for pattern, resolver in _RULES:
        for match in pattern.finditer(sentence):
            yield match, resolver


def _not_a_date(sentence: str, match: re.Match[str]) -> bool:
    """ "May" the verb, "march" the noun: a bare month name needs a capital and no modal sense."""
    words = match.group(0)
    if words.lower() in {"may", "march"} and not re.search(
        r"\b(in|last|next|since|until|by|early|late|mid)\s+$",
        sentence[: match.start()],
        re.IGNORECASE,
    ):
        return True
    if words.strip().lower() in {"mid", "early", "late"}:
        return True
    groups = match.groupdict()
    month = (groups.get("month") or "").lower().rstrip(".")
    # "Jan" the name, "Vina del Mar": a short month name only counts with a day or a year
    return bool(month) and month not in MONTHS and not _has_day_or_year(groups)


def _has_day_or_year(groups: dict[str, str | None]) -> bool:
    return any(groups.get(key) for key in ("day", "d1", "year"))


_NOT_ANCHORS = {"from", "until", "till", "since", "by"}
"""A day given as a limit ("from Thursday") is not the day "the following day" counts from."""


@dataclass(frozen=True)
class _Pending:
    match: re.Match[str]
    resolver: Resolver
    start: int


def _resolve_in_order(
    sentence: str, pending: list[_Pending], context: Context
) -> list[TimeExpression]:
    """Resolve left to right so "the previous day" sees the date given just before it."""
    resolved: list[TimeExpression] = []
    anchor, here, period = context.anchor, False, context.period
    for item in pending:
        step = Context(context.published, context.future, anchor, context.tense_at, here, period)
        expression = item.resolver(item.match, step)
        if expression is None:
            continue
        expression = _since(sentence, expression, context.published)
        if resolved and (joined := _from_to(sentence, resolved[-1], expression)) is not None:
            resolved[-1] = joined
            continue
        resolved.append(expression)
        if expression.granularity in {"day", "month", "year"}:
            period = expression
        opens_with = expression.text.split()[0].lower()
        if expression.granularity == "day" and expression.first and opens_with not in _NOT_ANCHORS:
            anchor, here = expression.first, True
    return resolved


_SINCE = re.compile(r"\b(since)\s+$", re.IGNORECASE)


def _since(sentence: str, expression: TimeExpression, published: date) -> TimeExpression:
    """ "since last year", "since last week", "since the weekend": from the expression's start
    to the day of publication, as "since 2008" is."""
    since = _SINCE.search(sentence[: expression.start])
    first = expression.first
    if since is None or first is None or first > published or expression.last == published:
        return expression
    label = expression.value.split("/")[0]
    label = label if expression.granularity != "decade" else f"{first.year}"
    return TimeExpression(
        f"{since.group(1)} {expression.text}",
        since.start(),
        f"{label}/{published.isoformat()}",
        "range",
        expression.approximate,
        first,
        published,
    )


_FROM = re.compile(r"\b(from|between)\s+$", re.IGNORECASE)
_TO = re.compile(r"\s+(?:to|until|through|and)\s+|\s*[-\u2013]\s*")
_CALENDAR = {"day", "month", "year"}
_MOVED = re.compile(
    r"\b(?:mov|postpon|delay|put\s+(?:it\s+)?back|br(?:ing|ought)\s+forward|shift|reschedul|push)"
    r"\w*\b[^.;]*$",
    re.IGNORECASE,
)
"""A date moved "from April to July" is two dates, not a span."""


def _from_to(sentence: str, first: TimeExpression, second: TimeExpression) -> TimeExpression | None:
    """ "from July 26 to August 7", "between September and May": one range, its end after its
    start (a month without a year is the next such month)."""
    lead = re.match(r"(?i)(?:from|between)\s+", first.text)
    before = sentence[: first.start + (lead.end() if lead else 0)]
    opening = _FROM.search(before)
    between = sentence[first.start + len(first.text) : second.start]
    calendar = {first.granularity, second.granularity} <= _CALENDAR
    if opening is None or not _TO.fullmatch(between) or not calendar or _MOVED.search(before):
        return None
    if between.strip() == "and" and opening.group(1).lower() != "between":
        return None  # "from 2014 and 2015": two years, as "in 1991 and 1992" are
    start, end = first.first, second.last
    if start is None or end is None or second.first is None:
        return None
    start_label = first.value.split("/")[0]
    year = re.search(r"\d{4}", second.text)
    if year and not re.search(r"\d{4}", first.text) and start.year != second.first.year:
        start = start.replace(year=second.first.year)  # "between April and June 1994"
        start_label = f"{start.year}{start_label[4:]}"
    end_label = second.value
    if end < start and second.granularity != "month":
        return None  # "from Monday to Friday" read as two days apart: not a span we can give
    if end < start and not re.search(r"\d{4}", second.text):
        end = end.replace(year=end.year + 1)
        end_label = f"{end.year}{second.value[4:]}"
    text = sentence[opening.start() : second.start + len(second.text)]
    value = f"{start_label}/{end_label}"
    return TimeExpression(text, opening.start(), value, "range", False, start, end)
