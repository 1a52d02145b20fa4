"""Time expressions found in a sentence and resolved against the publication date.

News conventions come first: in a Monday story "on Monday" is that day; "until Thursday" and a
weekday under "will" look forward; "the previous day" is anchored on the date the sentence has just
given; "last November" is the previous November; "the early 1990s" is a range; "three decades ago"
is approximate; "for months" is a duration. ``dateparser`` resolves the long tail the rules do not
know (spaCy's DATE entities that no rule matched).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

Granularity = str
"""``day``, ``week``, ``month``, ``year``, ``decade``, ``range`` or ``duration``."""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBREVIATIONS = {name[:3]: index for index, name in enumerate(MONTHS, start=1)}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}
_VAGUE = {"several", "a few", "few", "many", "some", "the past few", "the last few", "recent"}
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y"}

_WD = "|".join(WEEKDAYS)
_MO = "|".join([*MONTHS, *(m[:3] + r"\.?" for m in MONTHS if m != "may")])
_NUM = r"\d+|" + "|".join(sorted(_NUMBERS, key=len, reverse=True))
_QTY = rf"(?:{_NUM}|several|a few|few|many|some)"
_UNIT = r"(?:day|week|month|year|decade)s?"
_QUALIFIERS = r"more\s+than|over|nearly|almost|about|around|at\s+least|less\s+than|up\s+to"


@dataclass(frozen=True)
class TimeExpression:
    """A time expression as written, with its ISO value and precision."""

    text: str
    start: int
    """Character offset in the sentence."""
    value: str
    granularity: Granularity
    approximate: bool = False
    first: date | None = None
    """First day the expression covers (none for a duration)."""
    last: date | None = None
    """Last day the expression covers."""


@dataclass(frozen=True)
class Context:
    """What resolving needs besides the words: the publication date and the sentence's tense."""

    published: date
    future: bool = False
    anchor: date | None = None
    """The last day the text mentioned before this expression (for "the previous day")."""
    future_at: Callable[[int], bool] | None = None
    """Tense of the clause holding the character at an offset, when a parse can tell."""

    def is_future(self, offset: int) -> bool:
        """Whether the expression at ``offset`` speaks of what is still to come."""
        return self.future_at(offset) if self.future_at else self.future


Resolver = Callable[["re.Match[str]", Context], "TimeExpression | None"]


def day_expression(text: str, start: int, day: date, approximate: bool = False) -> TimeExpression:
    """A single day."""
    return TimeExpression(text, start, day.isoformat(), "day", approximate, day, day)


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def month_expression(text: str, start: int, year: int, month: int) -> TimeExpression:
    """A calendar month."""
    return TimeExpression(
        text,
        start,
        f"{year:04d}-{month:02d}",
        "month",
        False,
        date(year, month, 1),
        _month_end(year, month),
    )


def year_expression(text: str, start: int, year: int, approximate: bool = False) -> TimeExpression:
    """A calendar year."""
    return TimeExpression(
        text, start, f"{year:04d}", "year", approximate, date(year, 1, 1), date(year, 12, 31)
    )


def week_expression(text: str, start: int, day: date) -> TimeExpression:
    """The ISO week holding ``day``."""
    iso = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return TimeExpression(
        text,
        start,
        f"{iso.year}-W{iso.week:02d}",
        "week",
        False,
        monday,
        monday + timedelta(days=6),
    )


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
    return _NUMBERS.get(word)


def _month_number(word: str) -> int:
    return _MONTH_ABBREVIATIONS[word.lower().rstrip(".")[:3]]


def _weekday(match: re.Match[str], context: Context) -> TimeExpression:
    words = match.group(0)
    target = WEEKDAYS.index(match.group("wd").lower())
    lead = (match.group("lead") or "").lower().strip()
    published = context.published
    delta = (target - published.weekday()) % 7
    forward = lead in {"until", "next", "by", "till"} or (
        context.is_future(match.start()) and lead != "last"
    )
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
    if lead == "since":
        return _range(words, match.start(), day, published, day.isoformat(), published.isoformat())
    return day_expression(words, match.start(), day)


def _weekend(match: re.Match[str], context: Context) -> TimeExpression:
    lead = (match.group("lead") or "").lower()
    published = context.published
    saturday_delta = (5 - published.weekday()) % 7
    if lead == "next" or (context.is_future(match.start()) and lead not in {"last", "past"}):
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


def _relative_unit(match: re.Match[str], context: Context) -> TimeExpression:
    lead, unit = match.group("lead").lower(), match.group("unit").lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(lead, 0)
    published, words, start = context.published, match.group(0), match.start()
    if unit == "week":
        return week_expression(words, start, published + timedelta(weeks=step))
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return month_expression(words, start, index // 12, index % 12 + 1)
    return year_expression(words, start, published.year + step)


def _named_month(match: re.Match[str], context: Context) -> TimeExpression:
    lead = (match.group("lead") or "").lower()
    month = _month_number(match.group("month"))
    published = context.published
    if match.group("year"):
        return month_expression(match.group(0), match.start(), int(match.group("year")), month)
    if lead == "last" or (lead != "next" and not context.is_future(match.start())):
        year = (
            published.year
            if month < published.month or (month == published.month and lead != "last")
            else published.year - 1
        )
    else:
        year = published.year if month >= published.month else published.year + 1
    return month_expression(match.group(0), match.start(), year, month)


def _calendar_day(match: re.Match[str], context: Context) -> TimeExpression | None:
    month = _month_number(match.group("month"))
    day_number = int(match.group("day"))
    published = context.published
    year = int(match.group("year")) if match.group("year") else published.year
    try:
        day = date(year, month, day_number)
    except ValueError:
        return None
    if not match.group("year"):
        future = context.is_future(match.start())
        if future and day < published:
            day = day.replace(year=year + 1)
        elif not future and day > published + timedelta(days=7):
            day = day.replace(year=year - 1)
    if (match.group("lead") or "").lower() == "since":
        return _range(
            match.group(0), match.start(), day, published, day.isoformat(), published.isoformat()
        )
    return day_expression(match.group(0), match.start(), day)


def _day_span(match: re.Match[str], context: Context) -> TimeExpression | None:
    month = _month_number(match.group("month"))
    year = int(match.group("year")) if match.group("year") else context.published.year
    try:
        first = date(year, month, int(match.group("d1")))
        last = date(year, month, int(match.group("d2")))
    except ValueError:
        return None
    return _range(match.group(0), match.start(), first, last, first.isoformat(), last.isoformat())


def _decade(match: re.Match[str], _: Context) -> TimeExpression:
    decade = int(match.group("decade"))
    decade = decade + 1900 if decade < 100 else decade
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


def _ago(match: re.Match[str], context: Context) -> TimeExpression | None:
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


def _earlier(match: re.Match[str], context: Context) -> TimeExpression | None:
    """ "Ten days earlier": before the day the text last gave, or else before publication."""
    anchored = Context(context.anchor or context.published, context.future)
    return _ago(match, anchored)


def _duration(match: re.Match[str], _: Context) -> TimeExpression:
    quantity = (match.group("count") or "").lower().strip()
    unit = match.group("unit").lower().rstrip("s")
    count = _number(quantity) if quantity else None
    code = _UNITS[unit]
    if count is not None and unit == "decade":
        count *= 10
    amount = "X" if count is None else str(count)
    approximate = count is None or unit == "decade" or bool(match.groupdict().get("qual"))
    return TimeExpression(
        match.group(0), match.start(), f"P{amount}{code}", "duration", approximate
    )


def _year_expression(match: re.Match[str], context: Context) -> TimeExpression:
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


def _this_period(match: re.Match[str], context: Context) -> TimeExpression:
    unit, words, start = match.group("unit").lower(), match.group(0), match.start()
    published = context.published
    if unit == "week":
        return week_expression(words, start, published)
    if unit == "month":
        return month_expression(words, start, published.year, published.month)
    return year_expression(words, start, published.year)


def _deictic(match: re.Match[str], context: Context) -> TimeExpression:
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[match.group(0).lower()]
    return day_expression(match.group(0), match.start(), context.published + timedelta(days=offset))


def _anchored(match: re.Match[str], context: Context) -> TimeExpression:
    words = match.group(0).lower()
    step = -1 if any(w in words for w in ("previous", "before", "earlier")) else 1
    anchor = context.anchor or context.published
    return day_expression(match.group(0), match.start(), anchor + timedelta(days=step))


_RULES: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), resolver)
    for pattern, resolver in (
        (
            r"\b(?:the\s+)?(?P<part>early|mid|late|mid-)?[\s-]*(?P<decade>1[89]\d0|20\d0|[2-9]0)s\b",
            _decade,
        ),
        (rf"\b(?P<count>{_NUM})\s+(?P<unit>{_UNIT})\s+ago\b", _ago),
        (rf"\b(?P<count>{_NUM})\s+(?P<unit>{_UNIT})\s+earlier\b", _earlier),
        (
            rf"\b(?:to|will|would|should|could|may)\s+last\s+(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<count>{_NUM})\s+(?P<unit>{_UNIT})\b",
            _duration,
        ),
        (
            rf"\bfor\s+(?:the\s+(?:past|last)\s+)?(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<count>{_QTY})?\s*(?P<unit>{_UNIT})\b",
            _duration,
        ),
        (
            rf"\b(?:by|of|lasting|within)\s+(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<count>{_NUM})\s+(?P<unit>{_UNIT})\b(?!\s+(?:ago|later|earlier|after|before))",
            _duration,
        ),
        (rf"\b(?P<count>{_NUM})-(?P<unit>day|week|month|year)\b", _duration),
        (
            rf"\b(?P<d1>\d{{1,2}})\s*[-\u2013]\s*(?P<d2>\d{{1,2}})\s+(?P<month>{_MO})(?:\s+(?P<year>\d{{4}}))?\b",
            _day_span,
        ),
        (
            rf"\b(?P<month>{_MO})\s+(?P<d1>\d{{1,2}})\s*[-\u2013]\s*(?P<d2>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?\b",
            _day_span,
        ),
        (
            rf"\b(?:(?P<lead>on|since|from|until|by)\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MO})(?:,?\s+(?P<year>\d{{4}}))?\b",
            _calendar_day,
        ),
        (
            rf"\b(?:(?P<lead>on|since|from|until|by)\s+)?(?P<month>{_MO})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?",
            _calendar_day,
        ),
        (
            rf"\b(?:(?P<lead>last|next|this|until|by|till|since|from|on|early|late)\s+)?(?P<wd>{_WD})\b(?:\s+(?:morning|afternoon|evening|night))?",
            _weekday,
        ),
        (
            r"\b(?:(?P<lead>over|during|at|on|this|last|next|past)\s+)?(?:the\s+)?weekend\b",
            _weekend,
        ),
        (r"\b(?:earlier|later)\s+this\s+(?P<unit>week|month|year)\b", _this_period),
        (r"\bthis\s+(?P<unit>week|month|year)\b", _this_period),
        (
            r"\b(?P<lead>last|next|past|previous|coming)\s+(?P<unit>week|month|year)\b",
            _relative_unit,
        ),
        (
            rf"\b(?:(?P<lead>last|next|in|early|late|mid|since|until|by)\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<month>{_MO})\b(?:\s+(?P<year>\d{{4}}))?",
            _named_month,
        ),
        (
            r"\b(?:(?P<lead>in|since|by|until|from|during|before|after)\s+)?(?P<year>(?:19|20)\d\d)\b(?![%]|[,.]\d)",
            _year_expression,
        ),
        (r"\b(?:yesterday|today|tonight|tomorrow)\b", _deictic),
        (
            r"\bthe\s+(?:previous|following|next)\s+day\b|\bthe\s+day\s+(?:before|after)\b|\ba\s+day\s+(?:earlier|later)\b",
            _anchored,
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
    anchor = context.anchor
    for item in pending:
        step = Context(context.published, context.future, anchor, context.future_at)
        expression = item.resolver(item.match, step)
        if expression is None:
            continue
        resolved.append(expression)
        opens_with = expression.text.split()[0].lower()
        if expression.granularity == "day" and expression.first and opens_with not in _NOT_ANCHORS:
            anchor = expression.first
    return resolved
