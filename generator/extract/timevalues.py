"""What a time expression resolves to: the words in, a value with its precision and the days
it covers out.

The word tables (weekdays, months, numbers), the expression as found (:class:`TimeExpression`),
what resolving needs besides the words (:class:`Context`), and a builder for each calendar unit
(a day, an ISO week, a month, a year) that the news-convention rules and ``dateparser``'s long
tail both use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
NUMBERS = {
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
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}


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
    tense_at: Callable[[int], str | None] | None = None
    """Tense of the clause holding the character at an offset ("future", "past", or None when
    the clause does not tell), when a parse can tell."""

    anchor_in_sentence: bool = False
    """Whether ``anchor`` was given in the same sentence (a year carries over only then)."""
    period: TimeExpression | None = None
    """The last day, month or year the text mentioned before this expression (for "the
    following year", "that month")."""

    def is_future(self, offset: int) -> bool:
        """Whether the expression at ``offset`` speaks of what is still to come."""
        return self.tense_at(offset) == "future" if self.tense_at else self.future

    def is_past(self, offset: int) -> bool:
        """Whether the expression at ``offset`` is in a clause in the past tense (without a
        parse: whenever the sentence does not speak of the future)."""
        return self.tense_at(offset) == "past" if self.tense_at else not self.future


def shift_year(day: date, years: int) -> date:
    """The same day ``years`` later (or earlier); 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def nearest_day(day: date, published: date) -> date:
    """That date in the year that puts it nearest the publication: "December 28" in a January
    story is last December's, "June 12" in an April one this June's."""
    if day < published - timedelta(days=182):
        return shift_year(day, 1)
    if day > published + timedelta(days=182):
        return shift_year(day, -1)
    return day


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
