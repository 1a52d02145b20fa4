"""Counted durations: a sentence's words in, ISO 8601 durations out.

"three weeks", "for 17 hours", "about 12.5 years" (``P12Y6M``), "more than three and a half
years", "for 9 minutes and 29 seconds" (``PT9M29S``), "a five-hour meeting" (``PT5H``), "for
nearly a century" (``P100Y``), a bare "weeks" ("it would be weeks before…", ``PXW``). A hedge
("about", "nearly", "more than", "just over") makes the value approximate; "over two days" used
as "across two days" does not. "up to 40 years" is a bound, not a hedge. A count that
dates an event ("two days later", "ten days ago") or an age ("46-year-old") is not a duration.
"""

from __future__ import annotations

import re

from generator.extract.timevalues import NUMBERS, Context, TimeExpression

_UNITS = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "week": ("W", False),
    "month": ("M", False),
    "year": ("Y", False),
    "decade": ("Y", False),
    "century": ("Y", False),
}
"""Unit → (ISO designator, whether it belongs to the time part after ``T``)."""
_SCALE = {"decade": 10, "century": 100}
_FRACTIONS = {"hour": ("M", 60), "minute": ("S", 60)}
"""The next smaller unit of a time unit, and how many of it make one."""
_HEDGES = (
    r"more\s+than|just\s+over|just\s+under|nearly|almost|about|around|roughly|some|"
    r"at\s+least|less\s+than|fewer\s+than|over"
)
_WORD_NUMBERS = "|".join(sorted(NUMBERS, key=len, reverse=True))
_COUNT = rf"(?:\d+(?:\.\d+)?|{_WORD_NUMBERS})(?:\s+and\s+a\s+half)?"
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ies))s?"
_AFTER = r"(?!\s+(?:ago|later|earlier|old)\b|-old)"
COUNTED = re.compile(
    rf"\b(?:(?P<lead>for|over|in|within|during)\s+(?:the\s+(?:past|last|next)\s+)?)?"
    rf"(?:(?P<hedge>{_HEDGES})\s+)?(?<![\d.,])(?P<count>{_COUNT})[\s-]+(?P<unit>{_UNIT})"
    rf"(?:\s+and\s+(?P<count2>{_COUNT})\s+(?P<unit2>{_UNIT}))?\b{_AFTER}",
    re.IGNORECASE,
)
_ALTERNATIVE_COUNT = rf"(?:\d+|{_WORD_NUMBERS})"
ALTERNATIVE = re.compile(
    rf"\b(?:(?:for|within|in|over|during)\s+)?(?:(?P<count>a|an|one)\s+(?P<unit>{_UNIT})\s+or"
    rf"\s+(?P<alt>{_ALTERNATIVE_COUNT})|(?:from\s+|between\s+)?(?P<count2>{_ALTERNATIVE_COUNT})"
    rf"(?:\s+or\s+|\s+to\s+|\s+and\s+|\s*[-\u2013]\s*)"
    rf"(?P<alt2>{_ALTERNATIVE_COUNT})\s+(?P<unit2>{_UNIT}))\b{_AFTER}",
    re.IGNORECASE,
)
"""Two counts offered together: "a day or two", "within a year or two", "two or three weeks",
"15-20 days", "from six to 48 hours"."""
BARE_PLURAL = re.compile(
    r"\b(?:be|take|(?:after|amid|ending|following|despite)(?=\s+\w+\s+of\b))\s+"
    r"(?P<unit>hours|days|weeks|months|years)\b"
)
"""A plural unit with no count: "it would be weeks before…", "after weeks of threats"."""
_NOT_DATING = r"(?!\s+(?:ago|later|earlier|before|after)\b)"
UNCOUNTED = re.compile(
    r"\b(?:(?:for|within|in|over|during)\s+(?:the\s+(?:coming|past|last|next)\s+|recent\s+)?"
    r"(?:(?:several|a\s+few|few|many)\s+(?:more\s+)?)?"
    r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades)"
    r"\b(?!\s+(?:ago|later|earlier)\b)|(?:several|a\s+few)\s+(?:more\s+)?"
    rf"(?P<bare>seconds|minutes|hours|days|weeks|months|years|decades)\b{_NOT_DATING})",
    re.IGNORECASE,
)
"""An uncounted span: "for hours", "within days", "in the coming days", "in recent weeks", "in
decades", "several days"."""


def resolve_counted(match: re.Match[str], _: Context) -> TimeExpression | None:
    """A match of :data:`COUNTED` as a duration, or None for an article ("once a week")."""
    lead, count_word = (match.group("lead") or "").lower(), match.group("count").lower()
    if count_word in {"a", "an", "one"} and not (lead or match.group("hedge")):
        return None  # "once a week", "one day he…": not a count
    parts = [_part(count_word, match.group("unit"))]
    if match.group("count2"):
        parts.append(_part(match.group("count2").lower(), match.group("unit2")))
    if any(part is None for part in parts):
        return None
    hedge = (match.group("hedge") or "").lower()
    approximate = bool(hedge) and not (hedge == "over" and lead != "for")
    value = _iso([part for part in parts if part is not None])
    return TimeExpression(match.group(0), match.start(), value, "duration", approximate)


def resolve_alternative(match: re.Match[str], _: Context) -> TimeExpression | None:
    """A match of :data:`ALTERNATIVE`: the larger count, approximate ("a day or two" is about
    ``P2D``)."""
    unit = match.group("unit") or match.group("unit2")
    counts = [match.group(name) for name in ("alt", "count2", "alt2") if match.group(name)]
    parts = [_part(count.lower(), unit) for count in counts]
    if not parts or any(part is None for part in parts):
        return None
    largest = max((part for part in parts if part is not None), key=lambda part: part[0])
    return TimeExpression(match.group(0), match.start(), _iso([largest]), "duration", True)


def _part(count_word: str, unit_word: str) -> tuple[float, str] | None:
    unit = unit_word.lower().rstrip("s").replace("centurie", "century")
    half = count_word.endswith("and a half")
    number_word = count_word.split()[0]
    count = float(number_word) if number_word[0].isdigit() else NUMBERS.get(number_word)
    if count is None:
        return None
    return (count + (0.5 if half else 0)) * _SCALE.get(unit, 1), unit


def _iso(parts: list[tuple[float, str]]) -> str:
    """ISO 8601 from (amount, unit) parts; a half year becomes six months."""
    date_part, time_part = "", ""
    for amount, unit in parts:
        designator, is_time = _UNITS[unit]
        whole = int(amount)
        text = f"{whole}{designator}"
        if amount != whole and unit in {"year", "decade", "century"}:
            text += f"{round((amount - whole) * 12)}M"
        elif amount != whole and unit in _FRACTIONS:  # "two and a half hours" is PT2H30M
            smaller, per = _FRACTIONS[unit]
            text += f"{round((amount - whole) * per)}{smaller}"
        if is_time:
            time_part += text
        else:
            date_part += text
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def resolve_bare(match: re.Match[str], _: Context) -> TimeExpression:
    """A match of :data:`BARE_PLURAL`: an uncounted span ("weeks"), approximate."""
    unit = match.group("unit").lower().rstrip("s")
    return TimeExpression(
        match.group("unit"), match.start("unit"), _uncounted(unit), "duration", True
    )


def resolve_uncounted(match: re.Match[str], _: Context) -> TimeExpression:
    """A match of :data:`UNCOUNTED`: ``PX`` and the unit's designator, approximate."""
    unit = (match.group("unit") or match.group("bare")).lower().rstrip("s")
    return TimeExpression(match.group(0), match.start(), _uncounted(unit), "duration", True)


def _uncounted(unit: str) -> str:
    """ "PXW" for weeks, "PTXH" for hours (a time unit goes after ``T``, as ISO 8601 has it)."""
    designator, is_time = _UNITS[unit]
    return f"PTX{designator}" if is_time else f"PX{designator}"
