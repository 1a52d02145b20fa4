"""Names the extractor knows before it reads a word: countries, capitals, demonyms, organisations,
regions and title words.

Countries, capitals and demonyms come from the ``countryinfo`` data set (every state in the world);
``data/supplement.yml`` adds what it lacks and the short forms news copy uses ("US", "Washington").
Organisations, regions and title words are bundled in ``data/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

Kind = Literal["country", "capital", "demonym", "organisation", "group", "place"]


@dataclass(frozen=True)
class Known:
    """A name the gazetteer knows: what it is and the canonical name it stands for."""

    kind: Kind
    name: str
    country: str | None = None
    """For a capital or demonym: the country it belongs to (for a metonym such as Brussels, the
    organisation it stands for)."""


@dataclass
class Gazetteer:
    """Lookup tables from surface form to :class:`Known`, plus title vocabularies."""

    names: dict[str, Known] = field(default_factory=dict)
    """Normalised surface form → entry."""
    forms: dict[str, Known] = field(default_factory=dict)
    """Surface form as written in the data → entry (for the EntityRuler)."""
    title_heads: frozenset[str] = frozenset()
    title_modifiers: frozenset[str] = frozenset()
    anonymous_heads: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    plural_titles: dict[str, str] = field(default_factory=dict)
    """Plural of each one-word title head → the head ("officers" → "officer")."""

    def lookup(self, text: str) -> Known | None:
        """The entry for a surface form, ignoring a leading "the" and a possessive."""
        key = _normalise(text)
        return self.names.get(key) or self.names.get(_strip_article(key))

    def add(self, text: str, known: Known) -> None:
        """Register a surface form unless a more specific entry already holds it."""
        key = _normalise(text)
        if key and key not in self.names:
            self.names[key] = known

    def patterns(self) -> list[dict[str, Any]]:
        """EntityRuler patterns for every surface form, longest first."""
        labels = {
            "country": "GPE",
            "capital": "GPE",
            "demonym": "NORP",
            "organisation": "ORG",
            "group": "ORG",
            "place": "LOC",
        }
        forms = sorted(self._surface_forms(), key=lambda item: -len(item[0]))
        patterns = [{"label": labels[known.kind], "pattern": text} for text, known in forms]
        curly = [
            {"label": labels[known.kind], "pattern": text.replace("'", "\u2019")}
            for text, known in forms
            if "'" in text
        ]
        return patterns + curly

    def _surface_forms(self) -> list[tuple[str, Known]]:
        return list(self.forms.items())


def _normalise(text: str) -> str:
    text = text.strip().replace("\u2019", "'")
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split())


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _data(name: str) -> Any:
    text = resources.files("generator.extract").joinpath("data").joinpath(name).read_text()
    # libyaml's safe loader reads the lists in a tenth of the pure-Python one's time
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process."""
    gazetteer = Gazetteer()
    titles = _data("titles.yml")
    gazetteer.title_heads = frozenset(titles["heads"])
    gazetteer.title_modifiers = frozenset(titles["modifiers"])
    gazetteer.anonymous_heads = frozenset(titles["anonymous_heads"])
    gazetteer.reporting_verbs = frozenset(titles["reporting_verbs"])
    gazetteer.plural_titles = {_plural(head): head for head in titles["heads"] if " " not in head}
    for metonym in _data("supplement.yml").get("metonyms", []):
        _register(
            gazetteer, metonym["name"], Known("capital", metonym["name"], metonym["stands_for"])
        )
    for part in _data("supplement.yml").get("subnational", []):
        _register(gazetteer, part, Known("place", part))
    for country in _countries():
        _register_country(gazetteer, country)
    for organisation in _data("organisations.yml")["organisations"]:
        known = Known(organisation.get("kind", "organisation"), organisation["name"])
        for form in [organisation["name"], *organisation["aliases"]]:
            _register(gazetteer, form, known)
    for region in _data("regions.yml")["regions"]:
        known = Known("place", region["name"])
        for form in [region["name"], *region["aliases"]]:
            _register(gazetteer, form, known)
    return gazetteer


def _register(gazetteer: Gazetteer, form: str, known: Known) -> None:
    gazetteer.add(form, known)
    gazetteer.forms.setdefault(form, known)


def _register_country(gazetteer: Gazetteer, country: dict[str, Any]) -> None:
    name = country["name"]
    state = Known("country", name)
    for form in [name, *country.get("aliases", [])]:
        _register(gazetteer, form, state)
    for capital in [country.get("capital"), *country.get("capital_aliases", [])]:
        if capital:
            _register(gazetteer, capital, Known("capital", capital, name))
    for demonym in country.get("demonyms", []):
        _register(gazetteer, demonym, Known("demonym", demonym, name))


def _countries() -> list[dict[str, Any]]:
    """Every country from countryinfo, merged with the bundled supplement."""
    import countryinfo

    merged: dict[str, dict[str, Any]] = {}
    for entry in _data("supplement.yml")["countries"]:
        merged[entry["name"]] = dict(entry)
    for country_info in countryinfo.all_countries():
        info = country_info.info()
        name = info.get("name")
        if not name:
            continue
        entry = merged.setdefault(name, {"name": name})
        entry.setdefault("capital", _first(info.get("capital")))
        entry["population"] = info.get("population") or 0
        demonyms = [info["demonym"]] if info.get("demonym") else []
        entry["demonyms"] = [*entry.get("demonyms", []), *demonyms]
        entry["aliases"] = [*entry.get("aliases", []), *_short_aliases(dict(info))]
    # Where two territories share a demonym or short name, the more populous state keeps it
    # ("American" is the United States, not the Northern Mariana Islands).
    return sorted(merged.values(), key=lambda entry: (-entry.get("population", 0), entry["name"]))


def _short_aliases(info: dict[str, Any]) -> list[str]:
    """Alternative spellings a Latin-script news text would use ("Republic of Armenia", "USA").

    A single word that is not an abbreviation is left out: in the data those are mostly names in
    the country's own languages, and some are English given names or words ("Dominique",
    "Island", "Mann"). The English short forms news copy uses are in the supplement."""
    aliases = []
    for spelling in info.get("altSpellings") or []:
        several = " " in spelling or "-" in spelling
        abbreviation = spelling.isupper() and (len(spelling) > 2 or spelling in {"US", "UK"})
        if spelling.isascii() and (several or abbreviation):
            aliases.append(spelling)
    return aliases


def _first(value: Any) -> str | None:
    """countryinfo gives a capital as a string, or a list for states with several."""
    if isinstance(value, list):
        return str(value[0]) if value else None
    return str(value) if value else None


def _plural(word: str) -> str:
    """The English plural of a title head: "officer" → "officers", "secretary" →
    "secretaries", "chairman" → "chairmen"."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"
