"""How each news-convention rule resolves what it matched: a match and the :class:`Context`
in, a :class:`TimeExpression` (or none, for a day that does not exist) out.

In a Monday story "on Monday" is that day; "until Thursday" and a weekday under "will" look
forward; "last November" is the previous November; "the early 1990s" is a range; "three decades
ago" is approximate; "for months" is a duration; "the previous day" counts from the day the text
has just given.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from generator.extract.timevalues import (
    MONTHS,
    NUMBERS,
    WEEKDAYS,
    Context,
    Granularity,
    TimeExpression,
    day_expression,
    month_expression,
    nearest_day,
    shift_year,
    week_expression,
    year_expression,
)

_MONTH_ABBREVIATIONS = {name[:3]: index for index, name in enumerate(MONTHS, start=1)}
_MONTH_ABBREVIATIONS["sep"] = 9
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y"}


def _range(
    text: str,
    start: int,
    first: date,
    last: date,
    first_label: str,
    last_label: str,
    granularity: Granularity = "range",
    approximate: bool = False,
) -> TimeExpression:
    return TimeExpression(
        text, start, f"{first_label}/{last_label}", granularity, approximate, first, last
    )


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _month_number(word: str) -> int:
    return _MONTH_ABBREVIATIONS[word.lower().rstrip(".")[:3]]


def resolve_weekday(match: re.Match[str], context: Context) -> TimeExpression:
    words = match.group(0)
    target = WEEKDAYS.index(match.group("wd").lower())
    lead = (match.group("lead") or "").lower().strip()
    published = context.published
    delta = (target - published.weekday()) % 7
    forward = (lead in {"until", "till"} and not context.is_past(match.start())) or (
        lead == "next" or (context.is_future(match.start()) and lead != "last")
    )  # "by Tuesday, water covered the city" and "held until Thursday": days gone
    if lead == "next":
        day = published + timedelta(days=delta or 7)
    elif lead == "last":
        day = published - timedelta(days=(published.weekday() - target) % 7 or 7)
    elif delta == 0:
        day = published
    elif forward:
        day = published + timedelta(days=delta)
    else:
        day = published - timedelta(days=7 - delta)
    if lead == "since" or match.group("since"):  # "since last Monday": to publication
        return _range(words, match.start(), day, published, day.isoformat(), published.isoformat())
    return day_expression(words, match.start(), day)


def resolve_weekend(match: re.Match[str], context: Context) -> TimeExpression:
    lead = (match.group("lead") or "").lower()
    published = context.published
    saturday_delta = (5 - published.weekday()) % 7
    this = lead == "this" and published.weekday() < 5  # "this weekend", said on a weekday
    if (
        lead == "next"
        or this
        or (context.is_future(match.start()) and lead not in {"last", "past"})
    ):
        saturday = published + timedelta(days=saturday_delta)
    else:
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if (
            saturday + timedelta(days=1) >= published
            and published.weekday() >= 5
            and lead == "last"
        ):
            saturday -= timedelta(days=7)
    sunday = saturday + timedelta(days=1)
    return _range(
        match.group(0), match.start(), saturday, sunday, saturday.isoformat(), sunday.isoformat()
    )


def resolve_relative_unit(match: re.Match[str], context: Context) -> TimeExpression:
    lead, unit = match.group("lead").lower(), match.group("unit").lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(lead, 0)
    published, words, start = context.published, match.group(0), match.start()
    if unit == "week":
        return week_expression(words, start, published + timedelta(weeks=step))
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return month_expression(words, start, index // 12, index % 12 + 1)
    return year_expression(words, start, published.year + step)


def resolve_named_month(match: re.Match[str], context: Context) -> TimeExpression:
    lead = (match.group("lead") or "").lower()
    month = _month_number(match.group("month"))
    published = context.published
    groups = match.groupdict()
    if groups.get("year") and lead != "since":
        return month_expression(match.group(0), match.start(), int(groups["year"]), month)
    which = (groups.get("whichyear") or "").lower()
    if which:  # "in July last year"
        shift = {"last": -1, "this": 0, "next": 1}[which]
        return month_expression(match.group(0), match.start(), published.year + shift, month)
    if lead == "since" and groups.get("year"):  # "since November 2006": to publication
        first = date(int(groups["year"]), month, 1)
        return _range(
            match.group(0), match.start(), first, published, f"{first.year}-{month:02d}",
            published.isoformat(),
        )  # fmt: skip
    if lead == "since":  # "since October": from its first day to the day of publication
        year = published.year if month <= published.month else published.year - 1
        first = date(year, month, 1)
        return _range(
            match.group(0), match.start(), first, published, f"{year}-{month:02d}",
            published.isoformat(),
        )  # fmt: skip
    future, past = context.is_future(match.start()), context.is_past(match.start())
    if lead == "last" or (lead != "next" and past):
        year = (
            published.year
            if month < published.month or (month == published.month and lead != "last")
            else published.year - 1
        )
    elif lead == "next" or future:
        year = published.year if month >= published.month else published.year + 1
    else:  # a tense that does not tell ("oil for October delivery"): the nearest such month
        year = published.year + (month - published.month < -6) - (month - published.month > 6)
    return month_expression(match.group(0), match.start(), year, month)


def resolve_calendar_day(match: re.Match[str], context: Context) -> TimeExpression | None:
    month = _month_number(match.group("month"))
    day_number = int(match.group("day"))
    published = context.published
    lead = (match.group("lead") or "").lower()
    anchor = context.anchor
    if match.group("year"):
        year = int(match.group("year"))
    elif anchor is not None and context.anchor_in_sentence and anchor.year != published.year:
        year = anchor.year  # "on 26 December 2004 and again on 28 December"
    else:
        year = published.year
    try:
        day = date(year, month, day_number)
    except ValueError:
        return None
    if not match.group("year") and year == published.year:
        future = context.is_future(match.start())
        if future and day < published:
            day = shift_year(day, 1)
        elif future:
            pass
        elif lead in _LIMITS or not context.is_past(match.start()):
            day = nearest_day(day, published)  # "adjourned until 12 June", "takes office on Dec. 1"
        elif day > published + timedelta(days=7):
            day = day.replace(year=year - 1)
    if lead == "since":
        if day > published:
            day = shift_year(day, -1)  # what has gone on since a day began before the story
        return _range(
            match.group(0), match.start(), day, published, day.isoformat(), published.isoformat()
        )
    return day_expression(match.group(0), match.start(), day)


_LIMITS = {"until", "till", "by"}
"""Words before a day that set a limit, which may be still to come in a clause in the past tense
("the court adjourned until 12 June")."""


def resolve_day_span(match: re.Match[str], context: Context) -> TimeExpression | None:
    month = _month_number(match.group("month"))
    first_month = _month_number(match.groupdict().get("m1") or match.group("month"))
    year = int(match.group("year")) if match.group("year") else context.published.year
    try:
        first = date(year, first_month, int(match.group("d1")))
        last = date(year, month, int(match.group("d2")))
    except ValueError:
        return None
    if not match.group("year") and not context.is_future(match.start()):
        moved = nearest_day(first, context.published)  # "December 28-30" in a January story
        if moved.year != first.year:
            first, last = moved, last.replace(year=moved.year)
    return _range(match.group(0), match.start(), first, last, first.isoformat(), last.isoformat())


def resolve_decade(match: re.Match[str], context: Context) -> TimeExpression:
    decade = int(match.group("decade"))
    if decade < 100:  # "the '20s": the latest such decade over before publication
        century = context.published.year // 100 * 100
        decade = (
            century + decade
            if century + decade + 9 < context.published.year
            else (century - 100 + decade)
        )
    part = (match.group("part") or "").lower().replace("-", "")
    bounds = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part)
    words, start = match.group(0), match.start()
    if bounds is None:
        return _range(
            words,
            start,
            date(decade, 1, 1),
            date(decade + 9, 12, 31),
            str(decade),
            str(decade + 9),
            "decade",
        )
    first, last = decade + bounds[0], decade + bounds[1]
    return _range(words, start, date(first, 1, 1), date(last, 12, 31), str(first), str(last))


def resolve_ago(match: re.Match[str], context: Context) -> TimeExpression | None:
    count_word = match.group("count").lower()
    count = _number(count_word)
    unit = match.group("unit").lower().rstrip("s")
    published, words, start = context.published, match.group(0), match.start()
    if count is None:
        return None
    if unit == "day":
        return day_expression(words, start, published - timedelta(days=count))
    if unit == "week":
        return week_expression(words, start, published - timedelta(weeks=count))
    if unit == "month":
        index = published.year * 12 + published.month - 1 - count
        month = month_expression(words, start, index // 12, index % 12 + 1)
        return replace(month, approximate=True)
    years = count * (10 if unit == "decade" else 1)
    return year_expression(words, start, published.year - years, approximate=True)


def resolve_earlier(match: re.Match[str], context: Context) -> TimeExpression | None:
    """ "Ten days earlier": before the day the text last gave, or else before publication."""
    anchored = Context(context.anchor or context.published, context.future)
    return resolve_ago(match, anchored)


def resolve_later(match: re.Match[str], context: Context) -> TimeExpression | None:
    """ "Two days later": after the day the sentence last gave; with no such day, nothing (a
    story's "later" counts from a day it told of, not from its own)."""
    if context.anchor is None or match.group("unit").lower().rstrip("s") != "day":
        return None
    count = _number(match.group("count").lower())
    if count is None:
        return None
    return day_expression(match.group(0), match.start(), context.anchor + timedelta(days=count))


def resolve_duration(match: re.Match[str], _: Context) -> TimeExpression:
    quantity = (match.group("count") or "").lower().strip()
    written = match.group("unit").lower()
    unit = written.rstrip("s")
    count = _number(quantity) if quantity else (1 if written == unit else None)  # "the past year"
    code = _UNITS[unit]
    if count is not None and unit == "decade":
        count *= 10
    amount = "X" if count is None else str(count)
    approximate = count is None or bool(match.groupdict().get("qual"))
    return TimeExpression(
        match.group(0), match.start(), f"P{amount}{code}", "duration", approximate
    )


def resolve_year(match: re.Match[str], context: Context) -> TimeExpression:
    year = int(match.group("year"))
    lead = (match.group("lead") or "").lower()
    if lead == "since":
        published = context.published
        return _range(
            match.group(0),
            match.start(),
            date(year, 1, 1),
            published,
            str(year),
            published.isoformat(),
        )
    return year_expression(match.group(0), match.start(), year)


def resolve_this_period(match: re.Match[str], context: Context) -> TimeExpression:
    unit, words, start = match.group("unit").lower(), match.group(0), match.start()
    published = context.published
    if unit == "week":
        return week_expression(words, start, published)
    if unit == "month":
        return month_expression(words, start, published.year, published.month)
    return year_expression(words, start, published.year)


def resolve_deictic(match: re.Match[str], context: Context) -> TimeExpression:
    words = match.group(0).lower().split()
    word = "yesterday" if words[:2] in (["last", "night"], ["late", "last"]) else words[0]
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
    return day_expression(match.group(0), match.start(), context.published + timedelta(days=offset))


def resolve_anchored(match: re.Match[str], context: Context) -> TimeExpression:
    words = match.group(0).lower()
    step = -1 if any(w in words for w in ("previous", "before", "earlier")) else 1
    anchor = context.anchor or context.published
    return day_expression(match.group(0), match.start(), anchor + timedelta(days=step))


def resolve_same_period(match: re.Match[str], context: Context) -> TimeExpression | None:
    """ "the following year", "that month", "the same day": counted from the last day, month or
    year the text gave (none before it: no value, since the publication is not what is meant)."""
    words, start = match.group(0), match.start()
    if match.group("day"):  # "the same day", "that day": the last day given
        return day_expression(words, start, context.anchor) if context.anchor else None
    period, unit = context.period, match.group("unit").lower()
    step = {"previous": -1, "following": 1, "next": 1}.get((match.group("which") or "").lower(), 0)
    if period is None or period.first is None:
        return None
    if unit == "year":
        return year_expression(words, start, period.first.year + step)
    if period.granularity in {"day", "month"}:
        month_index = period.first.year * 12 + period.first.month - 1 + step
        return month_expression(words, start, month_index // 12, month_index % 12 + 1)
    return None


_HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year day": (1, 1),
}  # fmt: skip
"""Holidays on the same day every year, which news gives by name (month, day)."""


def resolve_holiday(match: re.Match[str], context: Context) -> TimeExpression:
    """ "on Christmas Day", "Boxing Day": the last one before publication, or the next one in a
    clause about what is to come."""
    name = " ".join(match.group("holiday").lower().replace("\u2019", "'").split())
    month, day_number = _HOLIDAYS[name]
    published = context.published
    day = date(published.year, month, day_number)
    if context.is_future(match.start()) and day < published:
        day = shift_year(day, 1)
    elif not context.is_future(match.start()) and day > published:
        day = shift_year(day, -1)
    return day_expression(match.group(0), match.start(), day)


def resolve_end_of_month(match: re.Match[str], context: Context) -> TimeExpression:
    """ "by the end of the month" is the publication month, "by the end of the year" its year;
    "by the end of March" is the nearest March, or the one the year gives."""
    published = context.published
    if match.group("this"):
        return month_expression(match.group(0), match.start(), published.year, published.month)
    if match.group("which"):  # "by the end of the year", "at the end of last year"
        shift = {"last": -1, "next": 1}.get(match.group("which").lower(), 0)
        return year_expression(match.group(0), match.start(), published.year + shift)
    month = _month_number(match.group("month"))
    year = published.year
    if match.group("year"):
        year = int(match.group("year"))
    elif month < published.month and context.is_future(match.start()):
        year += 1  # "will be done by the end of March", said in May
    return month_expression(match.group(0), match.start(), year, month)
