"""The names a paragraph holds: a parsed paragraph in, the spans of its names out.

spaCy's named entities, completed where the model stops short: a name right after a title
("Ministers X Y"), a run of capitalised words ending in an organisation word ("Russian Defence
Ministry"), a long name cut early ("Mohammed bin Abdulrahman Al Thani"), an honorific left out
of the name, and a demonym joined to the organisation it qualifies ("Qatari Foreign Ministry").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.document import ParagraphDoc
from generator.extract.entitytypes import ORGANISATION_WORDS, PLACE_WORDS
from generator.extract.gazetteer import Gazetteer
from generator.extract.namefixes import (
    OPEN_ENDS,
    ORGANISATION_HEADS,
    defined_abbreviations,
    is_storm,
    join_compounds,
    join_fragments,
    only_title,
    spelled_by,
    title_case,
    without_numbers,
)
from generator.extract.nlp import PEERAGE
from generator.extract.roles import HONORIFICS, PLURAL_TITLES, REGNAL

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_FORCES = {"army", "military", "navy"}
_NAME_PARTICLES = {"al", "bin", "ibn", "bint", "van", "von", "de", "da", "del", "der", "la", "le"}


def name_spans(paragraph: ParagraphDoc, gazetteer: Gazetteer) -> list[Span]:
    """Named-entity spans, plus names the model missed right after a title ("Ministers X Y")."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    doc = paragraph.doc
    spans = [_without_lowercase_tail(e) for e in doc.ents if e.label_ in _NAME_LABELS]
    taken = {token.i for span in spans for token in span}
    for token in doc:
        if token.i in taken or token.lower_ not in gazetteer.title_heads | {"ministers"}:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].i not in taken:
            end += 1
        words = [t for t in doc[token.i + 1 : end] if t.lower_ not in HONORIFICS]
        if len(words) >= 2:  # a name, not only ranks ("spokesman Brigadier General X")
            spans.append(Span(doc, token.i + 1, end, label="PERSON"))
    spans.extend(_organisation_names(doc, {t.i for s in spans if s.label_ == "PERSON" for t in s}))
    spans.extend(_named_with_age(doc, {token.i for span in spans for token in span}))
    spans = [_without_title(_without_honorific(span), gazetteer) for span in spans]
    spans = [_extend_name(span, taken, gazetteer) for span in spans]
    spans = [_given_name_before(span, taken, gazetteer) for span in spans]
    spans = [_extend_organisation(span, taken) for span in spans]
    spans = _merge_demonym_organisations(doc, spans)
    spans = join_compounds(doc, spans, gazetteer)
    spans = defined_abbreviations(doc, spans)
    spans = _split_coordinated(join_fragments(doc, spans, gazetteer), gazetteer)
    spans = [_without_possessed(without_numbers(span)) for span in spans]
    spans = [_without_origin(span, gazetteer) for span in spans]
    spans = [span for span in spans if len(span) and not is_storm(span)]
    spans = [span for span in spans if not only_title(span, gazetteer)]
    spans = [span for span in spans if _has_capital(span) and not _only_compass(span)]
    return sorted(filter_spans(spans), key=lambda span: span.start)


def _named_with_age(doc: Doc, taken: set[int]) -> list[Span]:
    """ "Junichi Miyashita, 69,": capitalised words the model left unnamed, followed by an age in
    commas, are a person's name."""
    from spacy.tokens import Span

    found = []
    for index in range(2, len(doc) - 2):
        age = doc[index + 1]
        if doc[index].text != "," or not age.like_num or doc[index + 2].text != ",":
            continue
        if not (age.text.isdigit() and 1 <= int(age.text) <= 120):
            continue
        start = index
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in taken:
            start -= 1
        if index - start >= 2 and all(t.is_title for t in doc[start:index]):
            found.append(Span(doc, start, index, label="PERSON"))
    return found


def _without_lowercase_tail(span: Span) -> Span:
    """ "The Hague against" → "The Hague": the model ran a name on into a small word after it
    (a name may end in "of" or "and" only where the next words finish it, as in "Bank of")."""
    from spacy.tokens import Span

    end = span.end
    while end - span.start > 1 and _small_word(span.doc[end - 1]):
        end -= 1
    return Span(span.doc, span.start, end, label=span.label_) if end != span.end else span


def _small_word(token: Token) -> bool:
    return (
        token.is_lower
        and token.lower_ not in OPEN_ENDS
        and token.pos_ in {"ADP", "CCONJ", "SCONJ", "DET", "PART", "ADV", "AUX", "PRON", "VERB"}
    )


_COMPASS = {"north", "south", "east", "west", "and", "&"}


def _has_capital(span: Span) -> bool:
    """A name has a capital ("peace & friendship" and "federal motor transport authority" are
    common words the model labelled)."""
    return any(token.text[:1].isupper() for token in span)


def _only_compass(span: Span) -> bool:
    """ "East and West", "South and North": the points of the compass, no place."""
    return len(span) > 1 and all(token.lower_ in _COMPASS for token in span)


def _organisation_names(doc: Doc, people: set[int]) -> list[Span]:
    """Capitalised runs ending in an organisation word: "Russian Defence Ministry",
    "Central Intelligence Agency", "Gaza Health Ministry"."""
    from spacy.tokens import Span

    found = []
    for token in doc:
        if token.text not in ORGANISATION_HEADS or token.i in people:
            continue
        start = token.i
        while start > 0 and start - 1 not in people and _capitalised(doc[start - 1]):
            start -= 1
        if token.i - start >= 1:
            found.append(Span(doc, start, token.i + 1, label="ORG"))
    return found


def _capitalised(token: Token) -> bool:
    return (
        token.is_title and token.pos_ in {"PROPN", "ADJ", "NOUN"} and token.i != token.sent.start
    ) or token.ent_type_ in {"GPE", "NORP", "ORG"}


def _extend_name(span: Span, taken: set[int], gazetteer: Gazetteer) -> Span:
    """ "Mohammed bin Abdulrahman" + "Al Thani": the model sometimes stops a long name early;
    a title word after it starts the next person's title ("… Biloxi Mayor A.J. Holloway")."""
    from spacy.tokens import Span

    if span.label_ != "PERSON" or title_case(span.sent):
        return span  # in a headline in title case every word has a capital: "Xi Jinping Meets"
    doc, end = span.doc, span.end
    while end < len(doc):
        if _hyphenated(doc, end):
            end += 2  # "Moon Jae" + "-in": the model cuts a hyphenated given name
        elif (
            end not in taken
            and doc[end].pos_ == "PROPN"
            and (doc[end].is_title or doc[end].lower_ in _NAME_PARTICLES)
            and not doc[end].ent_type_
            and doc[end].lower_ not in gazetteer.title_heads
        ):
            end += 1
        else:
            break
    return Span(doc, span.start, end, label="PERSON") if end != span.end else span


def _hyphenated(doc: Doc, index: int) -> bool:
    """Whether a hyphen and a word in lower case go on the name that ends before ``index``, all
    written together ("Jae" "-" "in"; not "Bush" "-" "McCain", two names)."""
    return (
        index + 1 < len(doc)
        and doc[index].text in {"-", "\u2011"}
        and not doc[index - 1].whitespace_
        and not doc[index].whitespace_
        and doc[index + 1].is_alpha
        and doc[index + 1].is_lower
    )


def _extend_organisation(span: Span, taken: set[int]) -> Span:
    """ "International Criminal Tribunal" + "for the former Yugoslavia": a body's name goes on
    after "for" to the capitalised words it serves."""
    from spacy.tokens import Span

    doc, end = span.doc, span.end
    if span.label_ != "ORG" or span[-1].text not in ORGANISATION_HEADS:
        return span
    if end + 1 >= len(doc) or doc[end].lower_ != "for":
        return span
    index = end + 1
    while index < len(doc) and doc[index].lower_ in {"the", "former"}:
        index += 1
    stop = index
    while stop < len(doc) and doc[stop].is_title and doc[stop].pos_ == "PROPN":
        stop += 1
    return Span(doc, span.start, stop, label="ORG") if stop > index else span


def _given_name_before(span: Span, taken: set[int], gazetteer: Gazetteer) -> Span:
    """ "Presidents Alija" + "Izetbegovic", "the ambassador, Abuzed" + "Omar Dorda": a capitalised
    word the model left out just before a person's name, and no title word, is the first name."""
    from spacy.tokens import Span

    doc, start = span.doc, span.start
    if span.label_ != "PERSON" or start < 2 or start - 1 in taken:
        return span
    word = doc[start - 1]
    titles = gazetteer.title_heads | gazetteer.title_modifiers | HONORIFICS | set(PLURAL_TITLES)
    titles |= set(gazetteer.plural_titles)
    if word.pos_ != "PROPN" or not word.is_title or word.ent_type_ or word.lower_ in titles:
        return span
    apposed = doc[start - 2].text == "," and word.dep_ == "compound" and word.head in span
    if doc[start - 2].lower_ not in titles and not apposed:
        return span  # only after a title or a comma, where the word cannot start a sentence
    return Span(doc, start - 1, span.end, label="PERSON")


def _without_title(span: Span, gazetteer: Gazetteer) -> Span:
    """ "Ministers Karl Brandt" → "Karl Brandt": a title the model took into a person's name."""
    from spacy.tokens import Span

    start = span.start
    titles = gazetteer.title_heads | set(PLURAL_TITLES) | set(gazetteer.plural_titles)
    while span.label_ == "PERSON" and span.end - start > 2 and span.doc[start].lower_ in titles:
        if span.doc[start].text in REGNAL:
            break
        start += 1
    return Span(span.doc, start, span.end, label=span.label_) if start != span.start else span


_STRIPPED = (HONORIFICS | {"the"}) - {peer.lower() for peer in PEERAGE}


def _without_honorific(span: Span) -> Span:
    """ "Prince Faisal bin Farhan" → "Faisal bin Farhan" (the honorific joins the title), but a
    reigning title stays with the name it goes with ("King Hussein", "Pope John Paul II"); a
    rank that is also an adjective stays in an organisation's name ("General Assembly", "General
    Motors")."""
    from spacy.tokens import Span

    start, doc = span.start, span.doc
    if span.label_ == "ORG" and doc[start].lower_ == "general":
        return span
    if start > 0 and doc[start - 1].text in REGNAL and span.label_ == "PERSON":
        return Span(doc, start - 1, span.end, label="PERSON")  # "Pope" + "John Paul II"
    while start < span.end - 1 and doc[start].lower_ in _STRIPPED:
        if doc[start].text in REGNAL:
            break  # "King Hussein": a monarch's name keeps the title
        start += 1
    if start < span.end and span.doc[start - 1].lower_ == "the" and start - 1 == span.start:
        start -= 1  # "the Kremlin": only an honorific goes
    return Span(span.doc, start, span.end, label=span.label_) if start != span.start else span


def _split_coordinated(spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """ "Barclays and Bank of America" → two names, unless the whole is one the gazetteer knows."""
    from spacy.tokens import Span

    result: list[Span] = []
    for span in spans:
        conjunctions = [t.i for t in span if t.lower_ == "and"]
        if (
            len(conjunctions) != 1
            or gazetteer.lookup(span.text)
            or span.label_ != "ORG"
            or not (span.start < conjunctions[0] < span.end - 1)
            or not span.doc[conjunctions[0] + 1].is_title
            or _one_body(span, conjunctions[0])
        ):
            result.append(span)
            continue
        result += [
            Span(span.doc, span.start, conjunctions[0], label=span.label_),
            Span(span.doc, conjunctions[0] + 1, span.end, label=span.label_),
        ]
    return result


_DOMAIN_BODIES = {
    "Ministry", "Department", "Office", "Conference", "Commission", "Committee", "Council",
    "Directorate", "Bureau", "Secretariat", "Institute", "Centre", "Center", "School", "Faculty",
}  # fmt: skip
"""Bodies named for their fields, which an "and" may join: "Department of Health and Human
Services" (but "the Bank of England and Barclays" are two)."""


def _one_body(span: Span, conjunction: int) -> bool:
    """ "Independent Electoral and Boundaries Commission": words before "and" that name nothing
    on their own (more than one word, no organisation word) share the body's last word; words
    joined inside the body's "of" phrase are one name ("… of Foreign Affairs and Trade"); and a
    name that its bracketed abbreviation spells whole is one name."""
    doc = span.doc
    before = doc[span.start : conjunction]
    if len(before) > 1 and not any(token.text in ORGANISATION_HEADS for token in before):
        return span[-1].text in ORGANISATION_HEADS
    joined = [t for t in span if t.dep_ == "conj" and t.i > conjunction]
    inner = joined[0].head if joined else None
    if inner is not None and inner.dep_ == "pobj" and span.start <= inner.head.i < conjunction:
        return any(t.text in _DOMAIN_BODIES for t in before[:2])  # "Ministry of … and Trade"
    after = span.end
    return (
        after + 2 < len(doc)
        and doc[after].text == "("
        and doc[after + 2].text == ")"
        and spelled_by(doc, after, doc[after + 1].text) == span.start
    )


def _merge_demonym_organisations(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Qatari" + "Foreign Ministry" → "Qatari Foreign Ministry"; "Sudanese" + "army" likewise."""
    from spacy.tokens import Span

    merged: list[Span] = []
    for span in sorted(spans, key=lambda span: span.start):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.label_ == "NORP"
            and previous.end == span.start
            and span.label_ == "ORG"
        ):
            merged[-1] = Span(doc, previous.start, span.end, label="ORG")
            continue
        if span.label_ == "NORP" and span.end < len(doc) and _force(doc[span.end]):
            merged.append(Span(doc, span.start, span.end + 1, label="ORG"))
            continue
        end = _ministry_end(doc, span.end) if span.label_ == "NORP" else None
        merged.append(Span(doc, span.start, end, label="ORG") if end else span)
    return merged


def _force(token: Token) -> bool:
    """ "army", "military" as the noun a demonym qualifies ("the Sudanese army"), not as a word
    qualifying another noun ("a Chinese military base")."""
    return token.lower_ in _FORCES and token.pos_ != "ADJ"


def _ministry_end(doc: Doc, start: int) -> int | None:
    """ "Russian" + "foreign ministry": a ministry named in lower case after a demonym is a
    body all the same; where its name ends."""
    for end in range(start, min(start + 3, len(doc))):
        token = doc[end]
        if not token.is_lower or token.pos_ not in {"NOUN", "ADJ", "PROPN"}:
            return None
        if token.lower_ in {"ministry", "department"}:
            return end + 1
    return None


def _without_possessed(span: Span) -> Span:
    """ "Credit Suisse’s Additional Tier 1" → "Credit Suisse": a name of two words or more ends
    at its possessive, unless what follows is itself a body or a place ("St Mary’s Hospital");
    "People’s Liberation Army", one word before, stays whole."""
    from spacy.tokens import Span as SpanType

    for token in span:
        if token.tag_ != "POS" or token.i - span.start < 2:
            continue
        rest = [t.text for t in span.doc[token.i + 1 : span.end]]
        if rest and rest[-1] in ORGANISATION_WORDS | PLACE_WORDS:
            return span
        return SpanType(span.doc, span.start, token.i, label=span.label_)
    return span


def _without_origin(span: Span, gazetteer: Gazetteer) -> Span:
    """ "the National Assembly of Greek origin": a name does not end on "of" and a demonym."""
    from spacy.tokens import Span as SpanType

    if len(span) < 3 or span[-2].lower_ != "of":
        return span
    known = gazetteer.lookup(span[-1].text)
    if known is None or known.kind != "demonym":
        return span
    return SpanType(span.doc, span.start, span.end - 2, label=span.label_)
