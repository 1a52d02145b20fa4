"""How an article shortens or varies the name of a person it introduced: "Blinken" and
"López Obrador" for full names, "Hemedti" for "X, known as Hemedti", "Gama Vaz" for Rui Gama Vaz
and "Redwan" for Redwan Hussien."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from generator.extract.entitydraft import EntityDraft
from generator.extract.nlp import PEERAGE

if TYPE_CHECKING:
    from spacy.tokens import Span

_SURNAME_PARTICLES = {
    "de",
    "del",
    "della",
    "di",
    "da",
    "van",
    "von",
    "der",
    "den",
    "le",
    "la",
    "du",
}


def short_forms(name: str) -> list[str]:
    """How a later mention may shorten a name: "Blinken", "al-Burhan", "Burhan", and a double
    surname ("López Obrador" for Andrés Manuel López Obrador); a peer's title without the place."""
    parts = name.split()
    if parts[0] in PEERAGE and len(parts) > 1:
        return [" ".join(parts[:2])]  # "Lord Slynn" for Lord Slynn of Hadley
    last = parts[-1]
    forms = [last]
    if len(parts) >= 4 or (len(parts) == 3 and parts[-2].lower() in _SURNAME_PARTICLES):
        forms.append(" ".join(parts[-2:]))  # "López Obrador", "Del Ponte"
    for prefix in ("al-", "el-", "Al-", "El-"):
        if last.startswith(prefix):
            forms.append(last[len(prefix) :])
    return forms


def known_as(span: Span) -> list[str]:
    """ "Mohamed Hamdan Dagalo, known as Hemedti" and "Rapid Support Forces (RSF)"."""
    doc, end = span.doc, span.end
    words = [token.text for token in doc[end : end + 4]]
    if words[:3] == [",", "known", "as"] and len(words) == 4:
        return [words[3]]
    if words[:1] == ["("] and len(words) >= 3 and words[2] == ")":
        return [words[1]]
    return []


def by_surnames(text: str, people: dict[str, EntityDraft]) -> EntityDraft | None:
    """ "Gama Vaz" for Rui Gama Vaz: a name of two words or more that ends the full name of
    exactly one person introduced."""
    if " " not in text:
        return None
    return _the_one(people, lambda name: name.endswith(" " + text))


def by_given_name(text: str, people: dict[str, EntityDraft]) -> EntityDraft | None:
    """ "Redwan" for Redwan Hussien, when exactly one person has that first name."""
    return _the_one(people, lambda name: " " in name and name.split()[0] == text)


def _the_one(people: dict[str, EntityDraft], fits: Callable[[str], bool]) -> EntityDraft | None:
    """The one person any of whose keys fits, or None for none or several."""
    found = {id(person): person for name, person in people.items() if fits(name)}
    return next(iter(found.values())) if len(found) == 1 else None


def by_surname(text: str, people: dict[str, EntityDraft]) -> EntityDraft | None:
    """The person introduced with this surname, unless the text gives another given name
    ("Junichi Miyashita" is not his brother "Akira Miyashita")."""
    words = text.split()
    person = people.get(words[-1]) if words else None
    if person is None or len(words) == 1:
        return person
    given, theirs = words[0].rstrip("."), person.name.split()[0].rstrip(".")
    initial = len(given) == 1 or len(theirs) == 1
    same = given == theirs or (initial and given[0] == theirs[0])
    return person if same else None
