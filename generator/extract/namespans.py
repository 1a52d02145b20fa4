"""The names a paragraph holds: a parsed paragraph in, the spans of its names out.

spaCy's named entities, completed where the model stops short: a name right after a title
("Ministers X Y"), a run of capitalised words ending in an organisation word ("Russian Defence
Ministry"), a long name cut early ("Mohammed bin Abdulrahman Al Thani"), an honorific left out
of the name, and a demonym joined to the organisation it qualifies ("Qatari Foreign Ministry").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.document import ParagraphDoc
from generator.extract.gazetteer import Gazetteer
from generator.extract.roles import HONORIFICS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_FORCES = {"army", "military", "navy"}
_ORGANISATION_HEADS = {
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
}
_NAME_PARTICLES = {"al", "bin", "ibn", "bint", "van", "von", "de", "da", "del", "der", "la", "le"}


def name_spans(paragraph: ParagraphDoc, gazetteer: Gazetteer) -> list[Span]:
    """Named-entity spans, plus names the model missed right after a title ("Ministers X Y")."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    doc = paragraph.doc
    spans = [entity for entity in doc.ents if entity.label_ in _NAME_LABELS]
    taken = {token.i for span in spans for token in span}
    for token in doc:
        if token.i in taken or token.lower_ not in gazetteer.title_heads | {"ministers"}:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].i not in taken:
            end += 1
        if end - token.i >= 3:
            spans.append(Span(doc, token.i + 1, end, label="PERSON"))
    spans.extend(_organisation_names(doc, {t.i for s in spans if s.label_ == "PERSON" for t in s}))
    spans = [_extend_name(_without_honorific(span), taken) for span in spans]
    spans = _merge_demonym_organisations(doc, spans)
    return sorted(filter_spans([span for span in spans if len(span)]), key=lambda span: span.start)


def _organisation_names(doc: Doc, people: set[int]) -> list[Span]:
    """Capitalised runs ending in an organisation word: "Russian Defence Ministry",
    "Central Intelligence Agency", "Gaza Health Ministry"."""
    from spacy.tokens import Span

    found = []
    for token in doc:
        if token.text not in _ORGANISATION_HEADS or token.i in people:
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


def _extend_name(span: Span, taken: set[int]) -> Span:
    """ "Mohammed bin Abdulrahman" + "Al Thani": the model sometimes stops a long name early."""
    from spacy.tokens import Span

    if span.label_ != "PERSON":
        return span
    doc, end = span.doc, span.end
    while (
        end < len(doc)
        and end not in taken
        and doc[end].pos_ == "PROPN"
        and (doc[end].is_title or doc[end].lower_ in _NAME_PARTICLES)
        and not doc[end].ent_type_
    ):
        end += 1
    return Span(doc, span.start, end, label="PERSON") if end != span.end else span


def _without_honorific(span: Span) -> Span:
    """ "Prince Faisal bin Farhan" → "Faisal bin Farhan" (the honorific joins the title)."""
    from spacy.tokens import Span

    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in HONORIFICS:
        start += 1
    return Span(span.doc, start, span.end, label=span.label_) if start != span.start else span


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
        if span.label_ == "NORP" and span.end < len(doc) and doc[span.end].lower_ in _FORCES:
            merged.append(Span(doc, span.start, span.end + 1, label="ORG"))
            continue
        merged.append(span)
    return merged
