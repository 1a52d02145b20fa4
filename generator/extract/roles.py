"""Roles and titles as the article gives them: before the name ("US Secretary of State
Anthony Blinken", "union leader X", "Kenya's President X"), in apposition before it ("The head of
the agency, X,", "their leaders, X and Y,") and coordinated forms such as "Armenian Foreign
Ministers Ararat Mirzoyan and Azerbaijani Jeyhun Bayramov". Titles after the name (appositions,
copulas, "who heads …") are read in :mod:`generator.extract.appositions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.gazetteer import Gazetteer
from generator.extract.titlewords import (
    ABBREVIATED,
    PASSING,
    country_before,
    ends_phrase,
    hyphen_prefix,
    lone_name_qualifies,
    modifies_title,
    opens_phrase,
    possessive_mark,
    ranked_office_word,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_FORMER = {"former", "ex", "then", "late"}
HONORIFICS = {
    "prince",
    "princess",
    "sheikh",
    "king",
    "queen",
    "emir",
    "general",
    "gen.",
    "dr",
    "dr.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "sir",
    "rev",
    "rev.",
    "reverend",
    "lady",
    "crown",
    "colonel",
    "marshal",
    "brigadier",
    "admiral",
    "lieutenant",
    "ayatollah",
    "imam",
    "rabbi",
    "archbishop",
    "cardinal",
    "bishop",
    "dame",
    "lord",
    "baroness",
    "commodore",
    "captain",
    "major",
    "ratu",
    "tun",
    "datuk",
}
"""Words that may open a name ("Prince Faisal", "General Abdel Fattah al-Burhan"); no office."""
REGNAL = {"King", "Queen", "Pope", "Emperor", "Empress"}
"""Reigning titles that stay in the name they go with ("King Hussein", "Pope John Paul II")."""
_RANKS = HONORIFICS - {"king", "queen", "emir"}
"""Honorifics that are no office of their own: "General X" has a rank, "King X" a title."""
PLURAL_TITLES = {
    "ministers": "minister",
    "presidents": "president",
    "leaders": "leader",
    "counterparts": "counterpart",
    "envoys": "envoy",
    "officials": "official",
    "judges": "judge",
}
"""Plural titles a list of names shares ("Foreign Ministers X and Y"), and their singular."""

_JOINED = {
    "president",
    "elect",
    "general",
    "chairman",
    "minister",
    "chief",
    "founder",
    "chair",
    "leader",
}
"""Words after a hyphen that keep a title going in lower case: "vice-president"."""
_BEFORE_GENERAL = {"attorney", "secretary", "director", "governor", "inspector", "solicitor"}
"""Offices named "… General", where "General" is no rank: "Attorney General"."""
_SELF_OWNERS = {"country", "nation", "state", "kingdom", "republic", "government", "city", "town"}
"""Owners that name the country under discussion, not one of their own."""
_LIST_WINDOW = 20
"""How far before a listed name its shared plural title may stand."""


@dataclass(frozen=True)
class Role:
    """A title as of the article, the country or organisation it belongs to, whether it is past."""

    title: str
    affiliation: str | None = None
    former: bool = False
    qualifier: str | None = None
    """The words naming the affiliation inside the title ("US", "Azerbaijani")."""
    head: str = ""
    """The office's head noun ("secretary" in "Secretary of State", "envoy")."""
    of: str | None = None
    """The country named after the holder ("Presidents X of Bosnia, …"), as the article words it."""
    other: bool = False
    """Whether the title was given as "other …": the office of someone named before."""

    @property
    def text(self) -> str:
        """The role as the explainer writes it: "Azerbaijani Foreign Minister"."""
        prefix = "former " if self.former else ""
        text = f"{prefix}{self.qualifier} {self.title}" if self.qualifier else prefix + self.title
        return f"{text} of {self.of}" if self.of else text

    def key(self) -> tuple[str, str | None]:
        """What two mentions of the same office share: its head noun and affiliation."""
        return (self.head, self.affiliation)


def is_title_word(token: Token, gazetteer: Gazetteer) -> bool:
    """Whether a token can be part of a title ("US", "Foreign", "Minister", "of")."""
    lower = token.lower_
    if lower in HONORIFICS or lower in _plurals(gazetteer):
        return True  # "Ministers" even where the model took it into the name
    if token.ent_type_ == "PERSON":
        return False
    if token.text in {"-", "\u2013"}:
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return token.i > 0 and after is not None and (after.is_title or after.lower_ in _JOINED)
    if lower in gazetteer.title_heads | gazetteer.title_modifiers or lower in _plurals(gazetteer):
        return True
    if lower in _JOINED and token.i > 0 and token.nbor(-1).text in {"-", "\u2013"}:
        return True  # "President-elect"
    if token.ent_type_ in {"GPE", "NORP", "ORG"}:
        return True
    return token.is_title and token.pos_ in {"PROPN", "NOUN", "ADJ"} and not token.ent_type_


def title_before(name: Span, gazetteer: Gazetteer) -> Span | None:
    """The title words right before a name, if they end in a title head ("Foreign Minister"),
    or a reigning title the name keeps ("King Hussein")."""
    if len(name) > 1 and name[0].text in REGNAL:
        name = name[1:]
    doc, start = name.doc, name.start
    while (
        start > 0
        and doc[start - 1].lower_ != "and"
        and (
            is_title_word(doc[start - 1], gazetteer)
            or modifies_title(doc[start - 1], name, gazetteer)
            or ranked_office_word(doc[start - 1], name, gazetteer)
            or lone_name_qualifies(doc[start - 1], name)
        )
    ):
        start -= 1
    while start < name.start and doc[start].lower_ in {"of", "and", "for"}:
        start += 1
    owned = start >= 2 and start < name.start and doc[start - 1].text in {"'s", "\u2019s"}
    if owned and doc[start - 2].ent_type_ in {"GPE", "ORG"}:
        start -= 2  # "Kenya's President X" → President of Kenya
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1  # the whole owner: "New Zealand's Prime Minister X"
    span = doc[start : name.start]
    if span and _has_head(span, gazetteer) and not all(t.lower_ in _RANKS for t in span):
        return span
    return appositive_head(name, gazetteer)


def appositive_head(name: Span, gazetteer: Gazetteer) -> Span | None:
    """ "The head of the US Central Intelligence Agency, William Burns," → the phrase before.

    Read from the surface, not the parse: the small model hangs such appositions on the nearest
    noun. The phrase runs back from the comma to the sentence start, a comma, "and" or a verb.
    """
    doc, end = name.doc, name.start - 1
    while end > 0 and doc[end].lower_ in HONORIFICS:
        end -= 1  # "Iran's Supreme Leader, Ayatollah Ali Khamenei,"
    after = doc[name.end] if name.end < len(doc) else None
    listed = after is not None and after.lower_ == "and"  # "The two leaders, X and Y,"
    of_where = after is not None and after.lower_ == "of" and after.nbor(1).ent_type_ == "GPE"
    closed = after is None or after.is_punct or listed or of_where  # "The presiding judge, X of
    if end < 1 or doc[end].text != "," or not closed:  # Portugal," names the judge too
        return None
    start = end
    while start > name.sent.start and not ends_phrase(doc[start - 1]):
        start -= 1
    start = _title_phrase_start(doc[start:end], gazetteer)
    while start < end and opens_phrase(doc[start]):
        start += 1  # "when the SDLP leader, John Hume,", "by the chairman of the talks, X,"
    span = doc[start:end]
    if listed and not any(t.lower_ in _plurals(gazetteer) for t in span):
        return None
    people = [t for t in span if t.ent_type_ == "PERSON"]  # "officer Pia Holm, Mats Arle,":
    if span and (span[-1].ent_type_ == "PERSON" or (of_where and people)):  # a list of people
        return None
    return span if span and _has_head(span, gazetteer) else None


def _title_phrase_start(words: Span, gazetteer: Gazetteer) -> int:
    """Where the noun phrase of the title before a comma starts: "the resignation last Friday of
    the central bank governor," → "the central bank governor" (the parse's left edge of the
    first title head whose phrase runs to the comma)."""
    for token in words:
        if token.ent_type_ in {"GPE", "LOC", "FAC", "ORG", "NORP"}:
            continue  # "Prince" in "Port-au-Prince"
        if token.lower_ in gazetteer.title_heads and token.right_edge.i >= words.end - 1:
            return max(words.start, token.left_edge.i)
    return words.start


def _has_head(span: Span, gazetteer: Gazetteer) -> bool:
    plurals = _plurals(gazetteer)
    return any(t.lower_ in gazetteer.title_heads or t.lower_ in plurals for t in span)


_DANGLING = {"of", "for", "with", "at", "to", "from", "in", "and", "the", "a", "an"}


def role_from(span: Span, gazetteer: Gazetteer) -> Role:
    """Split title words into the office, its affiliation and the former flag."""
    while len(span) > 1 and span[0].lower_ in PASSING and not span[0].ent_type_:
        span = span[1:]  # "the outgoing President" holds the office of President
    while len(span) > 1 and span[-1].lower_ in _DANGLING:
        span = span[:-1]  # "a health worker with" where the body's name was not taken in
    while (
        len(span) > 1
        and span[-1].lower_ in HONORIFICS
        and span[-2].text not in {"-", "\u2013"}
        and not (span[-1].lower_ == "general" and span[-2].lower_ in _BEFORE_GENERAL)
        and _has_head(span[:-1], gazetteer)
    ):
        span = span[:-1]
    owned = _possessive_role(span, gazetteer)
    if owned is not None:
        return owned
    former = any(t.lower_ in _FORMER for t in span)
    affiliation: str | None = None
    qualifier_tokens: list[str] = []
    title_tokens: list[str] = []
    spacing: list[str] = []  # what follows each title word in the text: "Secretary-General"
    country = country_before(span, gazetteer)  # "Solomon Islands Prime Minister"
    if country is not None:
        affiliation, qualifier_tokens = country[1], [span[: country[0]].text]
        span = span[country[0] :]
    for token in span:
        if token.lower_ in _FORMER or token.text in {"'s", "\u2019s"}:
            if spacing and token.whitespace_:
                spacing[-1] = " "  # "Israel's Mossad" → "Israel Mossad", not "IsraelMossad"
            continue
        known = gazetteer.lookup(token.text) if token.ent_type_ else None
        if known and known.kind in {"country", "capital", "demonym"} and not title_tokens:
            affiliation = known.country if known.kind != "country" else known.name
            qualifier_tokens.append(token.text)
            continue
        office = not any(t.pos_ == "ADP" for t in span[: token.i - span.start])
        owner = token.i + 1 < span.end and token.nbor(1).dep_ == "case"
        word = _singular(token, gazetteer) if office and not owner else token.text
        title_tokens.append(ABBREVIATED.get(token.text, word))
        spacing.append(" " if token.whitespace_ else "")
    title = "".join(word + space for word, space in zip(title_tokens, spacing, strict=True))
    title = " ".join(title.split())
    qualifier = " ".join(qualifier_tokens) or None
    if affiliation is None:
        affiliation = _organisation_in(span, gazetteer)
    heads = [
        hyphen_prefix(t) + ABBREVIATED.get(t.text, _singular(t, gazetteer)).lower()
        for t in span
        if (t.lower_ in gazetteer.title_heads | _plurals(gazetteer).keys() or t.text in ABBREVIATED)
        and not (t.lower_ == "general" and t.i > 0 and t.nbor(-1).lower_ in gazetteer.title_heads)
    ]  # "director general" is a director: "general" after a title is no general
    other = span.start > 0 and span.doc[span.start - 1].lower_ == "other"  # "three other officers"
    return Role(title, affiliation, former, qualifier, heads[-1] if heads else "", None, other)


def _possessive_role(span: Span, gazetteer: Gazetteer) -> Role | None:
    """ "Scotland's First Minister" → "First Minister of Scotland"; "the Secretary-General's
    spokesman" → "spokesman of the Secretary-General"."""
    marks = [t.i - span.start for t in span if possessive_mark(t)]
    if not marks or marks[0] == 0 or marks[0] >= len(span) - 1:
        return None
    owner, office = span[: marks[0]], span[marks[0] + 1 :]
    if not _has_head(office, gazetteer):
        return None
    inner = role_from(office, gazetteer)
    if owner[-1].lower_ in _SELF_OWNERS and {t.lower_ for t in owner[:-1]} <= {"the"}:
        return inner  # "the country's finance minister": the country is the one in question
    known = gazetteer.lookup(owner.text)
    named_place = known is not None and known.kind in {"country", "capital", "place"}
    bare = (
        named_place
        or owner[0].lower_ == "the"
        or owner.root.ent_type_ in {"PERSON", "GPE", "LOC"}
        or owner.root.tag_ == "NNPS"  # "Ethiopian Airlines’ chief executive"
    )
    of = owner.text if bare else f"the {owner.text}"
    affiliation = inner.affiliation
    if affiliation is None and known is not None and known.kind != "demonym":
        affiliation = known.country if known.kind == "capital" and known.country else known.name
    office_text = f"{inner.qualifier} {inner.title}" if inner.qualifier else inner.title
    if any(t.pos_ == "ADP" for t in office):  # "the EU's envoy for the dialogue": keep it before
        return Role(office_text, affiliation, inner.former, owner.text, inner.head)
    return Role(f"{office_text} of {of}", affiliation, inner.former, None, inner.head)


def _organisation_in(span: Span, gazetteer: Gazetteer) -> str | None:
    for entity in span.ents:
        known = gazetteer.lookup(entity.text)
        if known and known.kind in {"organisation", "group"}:
            return known.name
    return None


def coordinated_role(name: Span, previous: Role | None, gazetteer: Gazetteer) -> Role | None:
    """The role of the second name in "Armenian Foreign Ministers X and Azerbaijani Y".

    The title words before the first name are shared; a demonym or country before the second
    name replaces the first one's qualifier.
    """
    if previous is None:
        return None
    doc, start = name.doc, name.start
    while start > 0 and doc[start - 1].lower_ in _RANKS:
        start -= 1  # "their leaders, X and General Y"
    qualifier = None
    if start > 0 and doc[start - 1].ent_type_ in {"GPE", "NORP"}:
        qualifier = doc[start - 1]
        start -= 1
    if start == 0 or doc[start - 1].lower_ not in {"and", ","}:
        return None
    if not _shared_plural(doc[: start - 1], gazetteer):
        return None
    title = previous.title
    if qualifier is None:
        return Role(title, None, previous.former, None, previous.head, None, previous.other)
    known = gazetteer.lookup(qualifier.text)
    if known is None:
        return None
    country = known.name if known.kind == "country" else known.country
    return Role(
        title, country, previous.former, qualifier.text, previous.head, None, previous.other
    )


def _shared_plural(before: Span, gazetteer: Gazetteer) -> bool:
    """Whether the names listed before this one follow a plural title they all share
    ("Foreign Ministers X and Y", "Presidents X of A, Y of B and Z"), not a title of someone
    else earlier ("Fannie Mae and …")."""
    for token in reversed(before[-_LIST_WINDOW:]):
        if token.lower_ in _plurals(gazetteer):
            return True
        if token.i < token.sent.start or not _in_list(token):
            return False
    return False


def _in_list(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.lower_ in {",", "and", "of"} or token.text == "."


def of_country(name: Span, role: Role, gazetteer: Gazetteer) -> Role:
    """ "Presidents Alija Izetbegovic of Bosnia, …": a country after the name is the office's."""
    doc, end = name.doc, name.end
    if role.affiliation is not None or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return role
    known = gazetteer.lookup(doc[end + 1].text)
    if known is None or known.kind != "country":
        return role
    return Role(role.title, known.name, role.former, None, role.head, doc[end + 1].text)


def _singular(token: Token, gazetteer: Gazetteer) -> str:
    """ "Ministers" → "Minister": a shared plural title names each holder's own office."""
    word = _plurals(gazetteer).get(token.lower_)
    if word is None:
        return str(token.text)
    return word.capitalize() if token.text[0].isupper() else word


def _plurals(gazetteer: Gazetteer) -> dict[str, str]:
    """Plural titles and their singular ("ministers" → "minister"), from the title heads."""
    return gazetteer.plural_titles
