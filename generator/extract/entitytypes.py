"""What kind of thing an unknown name is, from its own words and its context: a name span in,
``organisation``, ``place`` or None (no evidence) out.

A name ending in an organisation noun ("… Party", "… Agency", "… Bank", "Trial Chamber III") is
an organisation, and so is a name that qualifies a title ("the Sinn Féin chairman") or a
platform something is written on ("wrote on Twitter"); a name ending in a place noun ("Castle
Buildings", "… Canal") is a place, and so is a name used as one ("in Shire", "the provinces of
Diyala and Salahuddin", "through Bab al-Hawa, a crossing"). The model's own label comes after
these: it calls many unknown buildings and parties people.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.gazetteer import Gazetteer
from generator.extract.namefixes import MILITARY_UNITS, ORGANISATION_HEADS
from generator.extract.nlp import lemma

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ORGANISATION_WORDS = (
    ORGANISATION_HEADS
    | MILITARY_UNITS
    | {
        "Bank",
        "Party",
        "Chamber",
        "Tribunal",
        "Group",
        "Exchange",
        "Brothers",
        "Holdings",
        "AG",
        "Inc",
        "Inc.",
        "Corp",
        "Corp.",
        "Ltd",
        "Reserve",
        "Board",
        "Union",
        "Army",
        "Unionists",
    }
)
"""Last words that make a name an organisation (a numeral may follow: "Chamber III")."""
PLACE_WORDS = {
    "Castle",
    "Buildings",
    "Building",
    "Street",
    "Canal",
    "Square",
    "Hill",
    "Airport",
    "Base",
    "Bridge",
    "Avenue",
    "Road",
    "Palace",
    "Hall",
    "Park",
    "Stadium",
    "Crossing",
    "River",
    "Lake",
    "Island",
    "Islands",
    "Mountains",
    "Valley",
    "Province",
    "County",
    "Airfield",
    "Harbour",
    "Harbor",
    "Port",
}
"""Last words that make a name a place."""
PLACE_OPENINGS = {"Avenida", "Rua", "Calle", "Plaza", "Praça", "Piazza", "Rue", "Jalan", "Wadi"}
"""First words that make a name a place, in languages that put the street or square first."""
LOCATIVE = {
    "in", "at", "near", "outside", "around", "across", "into", "toward", "towards", "through",
    "inside", "within",
}  # fmt: skip
PLACE_NOUNS = {
    "city", "town", "village", "region", "province", "port", "district", "capital", "state",
    "county", "area", "island", "border", "crossing", "checkpoint", "camp", "neighbourhood",
    "neighborhood", "suburb",
}  # fmt: skip
_WRITING = {"write", "post", "tweet", "say", "announce", "publish", "share"}


def type_by_words(span: Span) -> str | None:
    """ "Ulster Unionist Party" → organisation, "Castle Buildings" → place, from the last word."""
    words = [t.text for t in span if not t.is_punct]
    while len(words) > 1 and _is_numeral(words[-1]):
        words = words[:-1]
    if len(words) < 2:
        return None
    last = words[-1] if words else ""
    if last in ORGANISATION_WORDS:
        return "organisation"
    return "place" if last in PLACE_WORDS or words[0] in PLACE_OPENINGS else None


_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$|^(?:[A-Z]\.)+[A-Z]\.?$")


def initialled(span: Span) -> bool:
    """ "Edward D. Reyes", "P.W. Botha": initials before a last word in title case are a
    person's name (whatever the sentence makes of it), unless that word is a body's or a place's."""
    words = [token.text for token in span]
    return (
        len(words) >= 2
        and any(_INITIALS.match(word) for word in words[:-1])
        and words[-1].istitle()
        and words[-1] not in ORGANISATION_WORDS | PLACE_WORDS
    )


def _is_numeral(word: str) -> bool:
    return word.isdigit() or (word.isupper() and set(word) <= set("IVXL"))


def type_by_context(span: Span, gazetteer: Gazetteer) -> str | None:
    """How the sentence uses the name: as a place, as a title's organisation, as a platform."""
    root = span.root
    if (
        root.dep_ in {"compound", "nmod"}
        and root.head.lower_ in gazetteer.title_heads
        and root.ent_type_ not in {"GPE", "LOC", "NORP"}
    ):
        return "organisation"
    if _is_platform(root):
        return "organisation"
    return "place" if is_place_by_context(root) else None


def _is_platform(root: Token) -> bool:
    """ "wrote on Twitter", "posted on Telegram": where words are published."""
    head = root.head
    return (
        root.dep_ == "pobj"
        and head.lower_ == "on"
        and head.head.pos_ == "VERB"
        and lemma(head.head) in _WRITING
    )


def is_place_by_context(root: Token) -> bool:
    """ "the city of Ohrid", "ports of Odesa", "in Shire", "Diyala and Salahuddin" after a
    place, "Bab al-Hawa, a crossing": an unknown name used as a place."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and lemma(head.head) in PLACE_NOUNS:
        return True
    if root.dep_ == "appos" and lemma(head) in PLACE_NOUNS:
        return True
    return any(child.dep_ == "appos" and lemma(child) in PLACE_NOUNS for child in root.children)
