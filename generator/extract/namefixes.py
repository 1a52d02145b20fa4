"""Names the model or the gazetteer cut at the wrong place, and spans that name nothing: a
paragraph's name spans in, better spans out.

A name the gazetteer knows inside a longer one ("Credit" + "Suisse", "Brooklyn" + "Center"), a
body spelled out before its abbreviation ("Liberation Tigers of Tamil Eelam (LTTE)"), a count
inside a name ("7268th Meeting"), a storm's name, title words alone ("Vice President"), and
headlines in title case, where capitals mark no names.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from generator.extract.gazetteer import Gazetteer
from generator.extract.roles import HONORIFICS, PLURAL_TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ORGANISATION_HEADS = {
    "Ministry",
    "Agency",
    "Bank",
    "Council",
    "Office",
    "Service",
    "Party",
    "Parliament",
    "Court",
    "Commission",
    "Committee",
    "Front",
    "Movement",
    "Organization",
    "Organisation",
    "Authority",
    "Department",
    "Forces",
    "Corporation",
    "Company",
    "Institute",
    "University",
    "Assembly",
    "Federation",
    "Alliance",
    "Coalition",
    "Guard",
    "Police",
    "Fund",
    "Programme",
    "Program",
    "Tribunal",
}
_PUBLICATION_ENDS = {"Post", "Times", "Herald", "Journal", "Tribune", "Gazette", "Telegraph"}
"""Last words of newspapers' names ("Washington Post"), which begin with a place's."""
_CONNECTORS = {"of", "for", "and", "the", "de", "du", "des", "la", "&", "on", "in"}
"""Small words inside a name that its abbreviation leaves out ("Front for the Liberation of…")."""
ROMANCE_PARTICLES = {"do", "da", "dos", "das", "de", "del", "di", "du", "des"}
"""Small words inside Romance names ("Rio de Janeiro", "São Bernardo do Campo")."""
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
MILITARY_UNITS = {"Fleet", "Division", "Brigade", "Battalion", "Regiment", "Corps", "Army"}
"""Words that a number names ("7th Fleet", "3rd Division"): a body, not a numbered meeting."""
_STORMS = {"Cyclone", "Hurricane", "Typhoon", "Superstorm"}
_STORM_QUALIFIERS = {"Tropical", "Winter"}
"""Words that make "Storm" a storm's ("Tropical Storm Allison"); alone it may be a name."""
COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western"}
_PLACE_OPENERS = {"Port", "Fort", "Saint", "St", "San", "Santa", "Mount", "Cape", "Lake", "Bay"}
"""First words of place names that end in a country's name ("Port Sudan")."""


def without_numbers(span: Span) -> Span:
    """ "Bolsonaro 43.20 percent": a name neither opens with a number nor goes on past one (a
    closing numeral stays: "Chamber III"), and "7268th Meeting", one word after a number, is
    none, unless it is a military unit ("3rd Division")."""
    from spacy.tokens import Span

    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].like_num or _ORDINAL.match(doc[start].text)):
        start += 1
    for index in range(start, end - 1):
        if doc[index].like_num or doc[index].is_digit:
            end = index
            break
    if (start, end) == (span.start, span.end):
        return span
    if start > span.start and end - start < 2:
        if doc[start].text in MILITARY_UNITS:
            return Span(doc, span.start, end, label="ORG")  # "3rd Division": the number names it
        return Span(doc, start, start, label=span.label_)  # "7268th Meeting": no name at all
    return Span(doc, start, end, label=span.label_)


def only_title(span: Span, gazetteer: Gazetteer) -> bool:
    """ "Vice President", "Executive Officer", "Defence": title words the model took for a
    person, or one title word alone, name no one ("Foreign Ministry" stays: a body)."""
    words = gazetteer.title_heads | gazetteer.title_modifiers | HONORIFICS
    if span.label_ != "PERSON" and len(span) > 1:
        return False
    return all(token.lower_ in words for token in span)


def is_storm(span: Span) -> bool:
    """ "Cyclone Idai", "Hurricane Ike": a storm's name is an event's, not a person's."""
    words = [token.text for token in span.doc[max(span.start - 2, 0) : span.end - 1]]
    pairs = itertools.pairwise(words)
    named = any(word in _STORMS for word in words)
    return named or any(a in _STORM_QUALIFIERS and b == "Storm" for a, b in pairs)


def join_compounds(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """ "Credit" + "Suisse", "Brooklyn" + "Center", "Air" + "France": a name the gazetteer or the
    model cut in two is one name where the parse makes the first word a compound of the next,
    unless the words before are a known name of their own ("US Treasury", "Russia Ukraine")."""
    from spacy.tokens import Span

    owner = {token.i: span for span in spans for token in span}
    joined: list[Span] = []
    for span in sorted(spans, key=lambda span: span.start):
        if span.label_ == "PERSON" or title_case(span.sent):
            joined.append(span)
            continue
        start = span.start
        while start > 0 and _compound_of(doc[start - 1], doc[start], gazetteer):
            before = owner.get(start - 1)
            if before is not None and (before.label_ == "PERSON" or gazetteer.lookup(before.text)):
                break
            start = before.start if before is not None else start - 1
        end = span.end
        while (
            end < len(doc) and end not in owner and _compound_of(doc[end - 1], doc[end], gazetteer)
        ):
            end += 1
        if (start, end) == (span.start, span.end):
            joined.append(span)
            continue
        label = _compound_label(span, doc[start : span.start], doc[span.end : end])
        joined = [kept for kept in joined if kept.end <= start]
        joined.append(Span(doc, start, end, label=label))
    return joined


def title_case(sentence: Span) -> bool:
    """A headline in title case ("Council Adopts Resolution"), where capitals mark no names: its
    verbs, nouns, adjectives and adverbs (after the first word) all have one."""
    words = [
        token
        for token in sentence[1:]
        if token.is_alpha and len(token) > 3 and token.pos_ in {"VERB", "NOUN", "ADJ", "ADV"}
    ]
    return bool(words) and all(token.is_title for token in words)


def headline_case(paragraph: Doc) -> bool:
    """A heading paragraph in headline case ("General Assembly Admits Republic of South Sudan as
    193rd Member"): no closing punctuation, and every word of more than three letters capitalised
    but the little words ("with", "from"), whatever the tagger made of it."""
    if paragraph.text.rstrip()[-1:] in {".", "!", "?", "\u201d", '"', ":"}:
        return False
    words = [t for t in paragraph if t.is_alpha and len(t) > 3 and not t.is_stop]
    return len(words) >= 3 and all(token.is_title or token.is_upper for token in words)


def defined_abbreviations(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Liberation Tigers of Tamil Eelam (LTTE)": the capitalised words whose initials spell the
    abbreviation in brackets after them are one name, whatever the model made of them."""
    from spacy.tokens import Span

    for index in range(2, len(doc) - 1):
        word = doc[index]
        if not (doc[index - 1].text == "(" and doc[index + 1].text == ")"):
            continue
        if not (word.is_upper and word.is_alpha and 2 <= len(word) <= 8):
            continue
        start = spelled_by(doc, index - 1, word.text)
        if start is None:
            continue
        label = next((s.label_ for s in spans if (s.start, s.end) == (start, index - 1)), "ORG")
        spans = [s for s in spans if s.end <= start or s.start >= index + 2]
        spans += [
            Span(doc, start, index - 1, label=label),
            Span(doc, index, index + 1, label=label),
        ]
    return spans


def spelled_by(doc: Doc, end: int, abbreviation: str) -> int | None:
    """Where the words before ``end`` start whose capitals spell ``abbreviation``."""
    letters = ""
    for start in range(end - 1, max(end - 12, -1), -1):
        token = doc[start]
        if token.lower_ in _CONNECTORS and start != end - 1:
            continue
        if not token.is_title and not token.is_upper:
            return None
        letters = token.text[0] + letters
        if letters == abbreviation:
            return start
        if not abbreviation.endswith(letters):
            return None
    return None


def _compound_of(word: Token, head: Token, gazetteer: Gazetteer) -> bool:
    """Whether the parse joins ``word`` to the next word, ``head``, as a compound within one
    name, both being capitalised name words (not a title, honorific or compass point)."""
    return (
        word.dep_ == "compound"
        and word.head.i >= head.i
        and _name_word(word, gazetteer)
        and _name_word(head, gazetteer)
    )


def _name_word(word: Token, gazetteer: Gazetteer) -> bool:
    return (
        word.pos_ == "PROPN"
        and (word.is_title or word.is_upper)
        and word.lower_ not in gazetteer.title_heads | gazetteer.title_modifiers | HONORIFICS
        and word.lower_ not in PLURAL_TITLES
        and word.text not in COMPASS
    )


def _compound_label(span: Span, before: Span, after: Span) -> str:
    """A place's name after a name word is a company's ("Air France"), or a town's after "Port"
    or "Saint"; a name ending in an organisation word is an organisation's; otherwise the parts
    keep the label of an organisation among them, or the name's own."""
    if span.label_ == "PERSON":
        return "PERSON"
    if any(token.ent_type_ == "ORG" for token in before) or (
        len(after) and after[-1].text in ORGANISATION_HEADS | _PUBLICATION_ENDS
    ):
        return "ORG"
    if len(before) and span.label_ == "GPE" and before[0].text not in _PLACE_OPENERS:
        return "ORG"
    return span.label_


OPEN_ENDS = {"of", "for", "and", "the"}
"""Words a whole name never ends with: a span ending in one was cut short ("Bank of")."""


def join_fragments(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """ "Bank of" + "America" → "Bank of America": the gazetteer's ruler cuts such names."""
    from spacy.tokens import Span

    joined: list[Span] = []
    for span in sorted(spans, key=lambda span: span.start):
        previous = joined[-1] if joined else None
        if previous is not None and previous.start <= span.start and span.end <= previous.end:
            continue  # "the Bank" inside "the Bank of": the longer one goes on to be joined
        if previous is not None and _continues(doc, previous, span, gazetteer):
            joined[-1] = Span(doc, previous.start, span.end, label=previous.label_)
            continue
        joined.append(span)
    return [span for span in joined if span[-1].lower_ not in OPEN_ENDS]


def _continues(doc: Doc, previous: Span, span: Span, gazetteer: Gazetteer) -> bool:
    """Whether ``span`` completes ``previous``: "Bank of" + "America", "North and" + "South
    America" (an elided pair, split later into its two names)."""
    between = doc[previous.end : span.start].text.lower()
    if previous.label_ == span.label_ == "PERSON" and previous.end == span.start:
        titles = gazetteer.title_heads | gazetteer.title_modifiers | HONORIFICS
        return not any(t.lower_ in titles for t in previous)  # "Maria Luiza" + "Ribeiro Viotti"
    if between in ROMANCE_PARTICLES and span[0].is_title:
        return True  # "São Bernardo" + "do" + "Campo"
    if not between and previous[-1].lower_ in ROMANCE_PARTICLES and len(previous) > 1:
        return span[0].is_title  # "Place du" + "Canada"
    if len(previous) == 1 and previous[0].text in COMPASS and span[0].text in COMPASS:
        return between == "and"  # "East" + "and" + "West Germany"
    if previous[-1].lower_ == "and":
        return len(previous) == 2 and previous[0].text in COMPASS and not between
    organisation = any(t.text in ORGANISATION_HEADS for t in previous)
    return organisation and previous[-1].lower_ in {"of", "the"} and between in {"", "the"}
