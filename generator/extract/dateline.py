"""Wire datelines: a paragraph in, the place and agency its dateline names out.

"DAYTON, Ohio, Nov. 21 (Meridian) —", "THE HAGUE —", "Zurich, 19 March 2023 –" and the
broadcaster's "STATE DEPARTMENT —". The capitalised place is the city (an alias of its
title-case name), or an organisation when its last word is an organisation noun; the agency in
brackets is an organisation. The dateline's words are kept out of the paragraph's other names
(the model reads "DAYTON" as an organisation); its date is left to the time rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.timevalues import MONTHS

_MONTH = "|".join(
    [*(m.capitalize() for m in MONTHS), *(m[:3].capitalize() + r"\." for m in MONTHS)]
)
_DATE = (
    rf"(?:(?:{_MONTH}|Sept\.)\s+\d{{1,2}}(?:,\s+\d{{4}})?|\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{4}})?)"
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+)*|[A-Z][a-z]+)"
    r"(?:,\s+(?P<region>[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+\.?)?))?"
    rf"(?:,\s+(?P<date>{_DATE}))?"
    r"(?:\s+\((?P<agency>[A-Z][\w&. ]*)\))?"
    r"\s+[\u2014\u2013-]\s+"
)


_NOT_PLACES = {
    "breaking", "update", "updated", "exclusive", "analysis", "live", "watch", "opinion",
    "editorial", "correction", "urgent", "flash", "bulletin", "advisory", "new", "fact check",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
}  # fmt: skip
"""Capitalised openings before a dash that are a story's label or a day, never a dateline."""


@dataclass(frozen=True)
class Dateline:
    """What a dateline names, and where it ends in the paragraph's text."""

    place: str
    """The place as written ("DAYTON", "STATE DEPARTMENT")."""
    place_name: str
    """Its ordinary spelling ("Dayton", "State Department")."""
    region: str | None
    agency: str | None
    end: int
    """Character offset just after the dash."""


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening ``text``, if it has one.

    A title-case place ("Zurich") needs a date after it, so that an ordinary opening word
    followed by a dash is not read as a dateline; a capitalised one needs two letters or more.
    """
    match = _DATELINE.match(text)
    if match is None:
        return None
    place = match.group("place")
    if not place.isupper() and not match.group("date"):
        return None
    if place.isupper() and len(place.replace(".", "")) < 3:
        return None
    if place.lower() in _NOT_PLACES or place.lower().rstrip(".") in MONTHS:
        return None  # "BREAKING —", "Friday, March 3 —": a label or a day, not a place
    return Dateline(
        place, _ordinary(place), match.group("region"), match.group("agency"), match.end()
    )


def _ordinary(place: str) -> str:
    """ "NEW ORLEANS" → "New Orleans"; "THE HAGUE" → "The Hague"."""
    if not place.isupper():
        return place
    return " ".join(word.capitalize() for word in place.split())
