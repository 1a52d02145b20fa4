"""The timeline's shape: events in date order, grouped by year (or decade) and month.

An event is filed under the most precise period its date allows: a day or a month goes under
its month, a year, a decade or a range that spans months goes under the year alone, so a
reader never sees a month the sources do not give.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.corpus import Story
from generator.facts.schema import Event
from generator.reading.dates import FuzzyDate

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class MonthGroup:
    """Events of one month, or (``heading`` None) of a year whose month is not known."""

    heading: str | None
    events: tuple[Event, ...]


@dataclass(frozen=True)
class YearGroup:
    """Events of one year or decade, by month."""

    heading: str
    months: tuple[MonthGroup, ...]

    @property
    def count(self) -> int:
        """How many events the year holds."""
        return sum(len(month.events) for month in self.months)


def ordered_events(story: Story) -> list[Event]:
    """Every event of the story, earliest first.

    Events with the same dates keep the order ``preceded_by`` gives them (a war before the
    ceasefire that ended it, both "2020"), then go by id.
    """
    return list(story.event_order)


def timeline_groups(story: Story) -> list[YearGroup]:
    """The story's events in date order, grouped by year (or decade) and then month."""
    years: dict[str, dict[str | None, list[Event]]] = {}
    for event in ordered_events(story):
        when = story.dates[event.id]
        months = years.setdefault(_year_heading(when), {})
        months.setdefault(_month_heading(when), []).append(event)
    return [
        YearGroup(year, tuple(MonthGroup(m, tuple(events)) for m, events in months.items()))
        for year, months in years.items()
    ]


def _year_heading(when: FuzzyDate) -> str:
    if when.start.decade:
        return f"{when.start.year}s"
    return str(when.first_day().year)


def _month_heading(when: FuzzyDate) -> str | None:
    """The month an event falls in, if its whole date lies inside one known month."""
    if when.start.month is None or when.start.decade:
        return None
    first, last = when.first_day(), when.last_day()
    if (first.year, first.month) != (last.year, last.month):
        return None
    return f"{_MONTH_NAMES[first.month - 1]} {first.year}"
