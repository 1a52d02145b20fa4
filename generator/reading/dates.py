"""Dates as precise as the sources allow: parsing, checking, ordering and display."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_MOMENT = re.compile(r"(?P<year>\d{4})(?:(?P<decade>s)|-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PART_SPAN = {"early": (0, 3), "mid": (3, 7), "late": (7, 10)}


@dataclass(frozen=True)
class Moment:
    """A day, a month, a year or a decade."""

    year: int
    month: int | None = None
    day: int | None = None
    decade: bool = False

    @property
    def precision(self) -> str:
        """``day``, ``month``, ``year`` or ``decade``."""
        if self.decade:
            return "decade"
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> date:
        """The earliest day the moment covers."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest day the moment covers."""
        if self.decade:
            return date(self.year + 9, 12, 31)
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """ISO 8601 text at the moment's own precision (a decade as its first year's ``YYY``)."""
        if self.decade:
            return str(self.year)[:3]
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"


def parse_moment(text: str) -> Moment:
    """``2023-05-01``, ``2022-11``, ``2020`` or ``1990s``; ValueError says what is wrong."""
    match = _MOMENT.fullmatch(text.strip())
    if match is None:
        raise ValueError(
            f"'{text}' is not a date; write YYYY-MM-DD, YYYY-MM, YYYY or a decade YYYYs"
        )
    year = int(match["year"])
    if match["decade"]:
        if year % 10:
            raise ValueError(f"'{text}' is not a decade; a decade starts with a year ending in 0")
        return Moment(year, decade=True)
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' is not a real date: there is no month {month}")
    if day is not None:
        assert month is not None
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(
                f"'{text}' is not a real date: {calendar.month_name[month]} {year} has {last} days"
            )
    return Moment(year, month, day)


@dataclass(frozen=True)
class FuzzyDate:
    """A point or range in time, with the precision and hedging its source gives."""

    start: Moment
    end: Moment | None = None
    part: str | None = None
    approximate: bool = False
    expression: str | None = None

    @property
    def precision(self) -> str:
        """``day``, ``month``, ``year``, ``decade`` or ``range``."""
        return "range" if self.end else self.start.precision

    def first_day(self) -> date:
        """The earliest day meant (``early 1990s`` -> 1990-01-01)."""
        if self.part and self.start.decade and not self.end:
            return date(self.start.year + _PART_SPAN[self.part][0], 1, 1)
        return self.start.first_day()

    def last_day(self) -> date:
        """The latest day meant."""
        if self.end:
            return self.end.last_day()
        if self.part and self.start.decade:
            return date(self.start.year + _PART_SPAN[self.part][1] - 1, 12, 31)
        return self.start.last_day()

    def sort_key(self) -> tuple[date, date]:
        """Order events by when they start, then by when they end."""
        return (self.first_day(), self.last_day())

    def iso(self) -> str:
        """ISO 8601 text: ``2023-05-01``, ``2022-11``, or ``2023-05-01/2023-05-04``."""
        if self.end:
            return f"{self.start.iso()}/{self.end.iso()}"
        if self.part and self.start.decade:
            return f"{self.first_day().year}/{self.last_day().year}"
        return self.start.iso()

    def label(self) -> str:
        """How a reader sees it: ``1 May 2023``, ``Nov 2022``, ``early 1990s``, ``1–4 May 2023``."""
        text = _range_label(self.start, self.end) if self.end else _moment_label(self.start)
        if self.part:
            text = f"{self.part} {text}"
        return f"c. {text}" if self.approximate else text


def _moment_label(moment: Moment) -> str:
    if moment.decade:
        return f"{moment.year}s"
    if moment.day:
        return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"  # type: ignore[operator]
    if moment.month:
        return f"{_MONTHS[moment.month - 1]} {moment.year}"
    return str(moment.year)


def _range_label(start: Moment, end: Moment) -> str:
    same_year = start.year == end.year and not start.decade
    if same_year and start.day and end.day and start.month == end.month:
        return f"{start.day}–{end.day} {_MONTHS[start.month - 1]} {start.year}"  # type: ignore[operator]
    if same_year and start.precision == end.precision == "month":
        return f"{_MONTHS[start.month - 1]}–{_MONTHS[end.month - 1]} {start.year}"  # type: ignore[operator]
    return f"{_moment_label(start)} – {_moment_label(end)}"
