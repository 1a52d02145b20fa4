"""Entity mentions and linking: who and what the article names, and which mentions are the same.

Surnames link to the full name introduced earlier ("Blinken"); a capital used as an actor stands for
its country's government ("Baku announced" → Azerbaijan) while a capital used as a place stays a
place ("near Washington"); descriptions ("The US Secretary of State", "a US official") are
read in :mod:`generator.extract.descriptions`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.appositions import role_by_verb, title_after, title_by_copula
from generator.extract.confidence import GUESSED, entity_confidence, entity_rule
from generator.extract.dateline import find_dateline
from generator.extract.descriptions import find_anonymous, find_descriptions
from generator.extract.document import AnalysedArticle, ParagraphDoc
from generator.extract.entitydraft import ACTS, EntityDraft, EntityTable, clean_name, plain
from generator.extract.entitytypes import (
    LOCATIVE,
    ORGANISATION_WORDS,
    acts_as_body,
    buildings_as_places,
    initialled,
    person_by_apposition,
    person_by_relative,
    type_by_context,
    type_by_words,
)
from generator.extract.gazetteer import Gazetteer, Known
from generator.extract.namefixes import ORGANISATION_HEADS, headline_case
from generator.extract.namespans import name_spans
from generator.extract.nlp import lemma
from generator.extract.orglinks import link_organisation
from generator.extract.personnames import (
    by_given_name,
    by_surname,
    by_surnames,
    known_as,
    short_forms,
)
from generator.extract.roleowners import counterparts, like_others, name_owners
from generator.extract.roles import (
    Role,
    appositive_head,
    coordinated_role,
    is_title_word,
    of_country,
    role_from,
    title_before,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_LOCATIVE = LOCATIVE | {"to", "from", "via", "beyond", "off", "of"}
"""Prepositions after which a capital is a place, not an actor ("flew to Moscow")."""
_ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
_NUMBERED = re.compile(r"\d+(?:st|nd|rd|th)?")
_INDICES = re.compile(
    r"^(?:the\s+)?(?:Dow(?:\s+Jones(?:\s+Industrial\s+Average)?)?|Nasdaq(?:\s+Composite)?|"
    r"FTSE(?:\s+\d+)?|Nikkei(?:\s+\d+)?|S&P(?:\s+\d+)?|DAX|CAC(?:\s+40)?|Stoxx(?:\s+\d+)?|"
    r"Sensex|Hang\s+Seng|Kospi|ASX(?:\s+\d+)?)$"
)
"""Market indices, as whole names ("Dow Chemical" and "Chen Hang" are no index)."""
_COMPASS = "North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower|Central"
_ELIDED = re.compile(rf"^(?:the\s+)?({_COMPASS})\s+and\s+({_COMPASS})\s+([A-Z][\w\s-]+)$")


def find_entities(analysed: AnalysedArticle, gazetteer: Gazetteer) -> EntityTable:
    """Find, type and link every entity the article mentions."""
    table = EntityTable()
    starts = {p.number: _record_dateline(p, table, gazetteer) for p in analysed.paragraphs}
    names = [
        (paragraph, span)
        for paragraph in analysed.paragraphs
        for span in name_spans(paragraph, gazetteer)
        if span.start_char >= starts[paragraph.number]
    ]
    names = _without_heading_guesses(names, analysed, gazetteer)
    people = _introduce_people(names, gazetteer)
    previous: tuple[Span, EntityDraft] | None = None
    abbreviations: dict[str, EntityDraft] = {}
    actors: set[str] = set()
    for paragraph, span in names:
        if _record_elided(paragraph, span, table, gazetteer):
            continue
        if previous is not None and _abbreviates(span, previous[0]):
            abbreviations[span.text] = previous[1]  # "National Action Party (PAN)"
        if span.text in abbreviations:
            table.record(abbreviations[span.text], paragraph, span)  # not Panama
            continue
        draft = _resolve(span, people, gazetteer)
        draft = link_organisation(draft, table) if draft is not None else None
        if draft is not None and _lone_guess(draft, span, gazetteer):
            continue
        if draft is not None:
            table.record(draft, paragraph, span)
            previous = (span, table.drafts[draft.name])
            actors |= {draft.name} if acts_as_body(span, gazetteer) else set()
    buildings_as_places(table, actors)
    before: ParagraphDoc | None = None
    for paragraph in analysed.paragraphs:
        _record_surnames(paragraph, table, people, gazetteer)
        find_anonymous(paragraph, table, gazetteer)
        find_descriptions(paragraph, table, gazetteer, before)
        before = paragraph
    name_owners(table, "\n".join(p.doc.text for p in analysed.paragraphs))
    like_others(table)
    counterparts(table, gazetteer)
    for draft in table.drafts.values():
        draft.rule = entity_rule(draft, gazetteer)
        draft.confidence = entity_confidence(draft.rule)
    return table


def _without_heading_guesses(
    names: list[tuple[ParagraphDoc, Span]], analysed: AnalysedArticle, gazetteer: Gazetteer
) -> list[tuple[ParagraphDoc, Span]]:
    """Capitals in a heading in headline case mark no names, so a span there is a name only if
    the gazetteer knows it or the article's other paragraphs use it ("Assembly Admits Republic
    of South Sudan" is none)."""
    headings = {p.number for p in analysed.paragraphs if headline_case(p.doc)}
    body = "\n".join(p.doc.text for p in analysed.paragraphs if p.number not in headings)
    return [
        (paragraph, span)
        for paragraph, span in names
        if paragraph.number not in headings
        or span.text in body
        or gazetteer.lookup(clean_name(span.text)) is not None
    ]


def _abbreviates(span: Span, before: Span) -> bool:
    """ "Institutional Revolutionary Party (PRI)": a short upper-case name in brackets right after
    a name is that name's abbreviation, whatever else it could stand for (Puerto Rico)."""
    doc = span.doc
    return (
        before.doc is doc
        and span.start == before.end + 1
        and doc[before.end].text == "("
        and span.end < len(doc)
        and doc[span.end].text == ")"
        and len(span) == 1
        and span.text.isupper()
    )


def _record_elided(
    paragraph: ParagraphDoc, span: Span, table: EntityTable, gazetteer: Gazetteer
) -> bool:
    """ "East and West Germany", "North and South America": two entities under full names."""
    match = _ELIDED.match(span.text)
    if match is None:
        return False
    for index, part in enumerate((match.group(1), match.group(2))):
        name = f"{part} {match.group(3)}"
        known = gazetteer.lookup(name)
        kind = "country" if known is not None and known.kind == "country" else "place"
        draft = EntityDraft(known.name if known else name, kind, confidence=0.6)
        if index == 0:
            table.record(draft, paragraph, span[:1], alias=False)
        else:
            table.record(draft, paragraph, span[2:])
    return True


def _record_dateline(paragraph: ParagraphDoc, table: EntityTable, gazetteer: Gazetteer) -> int:
    """Record a dateline's place and agency; the offset where the paragraph's other names start.

    The region after the place ("DAYTON, Ohio,") is left to the model, so names start there.
    """
    dateline = find_dateline(paragraph.doc.text)
    if dateline is None:
        return 0
    doc = paragraph.doc
    known = gazetteer.lookup(dateline.place_name)
    name = clean_name(known.name if known else dateline.place_name)
    organisation = (known is not None and known.kind == "organisation") or (
        name.split()[-1] in ORGANISATION_HEADS
    )
    kind = "organisation" if organisation else "place"
    place = doc.char_span(0, len(dateline.place), alignment_mode="expand")
    if place is not None:
        table.record(EntityDraft(name, kind), paragraph, place)
    if dateline.agency:
        start = doc.text.index(f"({dateline.agency})") + 1
        agency = doc.char_span(start, start + len(dateline.agency), alignment_mode="expand")
        if agency is not None:
            table.record(EntityDraft(dateline.agency, "organisation"), paragraph, agency)
    region = doc.text.find(dateline.region) if dateline.region else -1
    return region if region > 0 else dateline.end


def _introduce_people(
    names: list[tuple[ParagraphDoc, Span]], gazetteer: Gazetteer
) -> dict[str, EntityDraft]:
    """People introduced by full name, keyed by full name and by surname."""
    people: dict[str, EntityDraft] = {}
    previous: tuple[Span, Role | None] | None = None
    for _, span in names:
        text = clean_name(span.text)
        if gazetteer.lookup(text) or span.label_ == "NORP":
            continue
        if len(text.split()) < 2:
            _surname_role(span, people.get(text), gazetteer)
            continue
        kind = type_by_words(span)  # "Castle Buildings"; not "Secretary of State X Hill"
        if (kind and not (kind == "place" and _titled(span, gazetteer))) or _names_a_body(span):
            continue
        same_sentence = previous is not None and previous[0].sent == span.sent
        role = _role_of(span, gazetteer, previous[1] if previous and same_sentence else None)
        if role is None and person_by_apposition(span, gazetteer):
            role = _role_of(span, gazetteer, None, person=True)
        elif role is None and (span.label_ != "PERSON" or type_by_context(span, gazetteer)):
            continue
        person = people.get(text) or people.get(plain(text)) or by_surnames(text, people)
        person = person or EntityDraft(text, "person")
        person.give_role(role)
        previous = (span, role)
        for key in [text, *short_forms(text), *known_as(span)]:
            people.setdefault(key, person)
            people.setdefault(plain(key), person)
    return people


def _surname_role(span: Span, person: EntityDraft | None, gazetteer: Gazetteer) -> None:
    """ "Reed, the union leader, said": a title given at a later, shorter mention."""
    if person is not None:
        person.give_role(_role_of(span, gazetteer, None, person=True))


def _name_like(token: Token) -> bool:
    """A proper noun, or a capitalised word the tagger took for a common one that heads no other
    noun ("Morales, 46, spoke": the model read a plural of "morale")."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and token.is_title and token.dep_ != "compound"


def _record_surnames(
    paragraph: ParagraphDoc,
    table: EntityTable,
    people: dict[str, EntityDraft],
    gazetteer: Gazetteer,
) -> None:
    """ "Nice said", "López Obrador said": a proper noun the model left unlabelled that is the
    short form of a person the article introduced stands for that person."""
    doc, taken = paragraph.doc, table.by_token
    free = [_name_like(t) and (paragraph.number, t.i) not in taken for t in doc]
    index = 0
    while index < len(doc):
        size = next(
            (n for n in (2, 1) if all(free[index : index + n]) and index + n <= len(doc)), 0
        )
        person = people.get(doc[index : index + size].text) if size else None
        if size == 2 and person is None and free[index]:
            size, person = 1, people.get(doc[index].text)
        if person is None or person.name not in table.drafts:
            index += 1
            continue
        table.record(person, paragraph, doc[index : index + size])
        _surname_role(doc[index : index + size], person, gazetteer)
        index += size


def _role_of(
    span: Span, gazetteer: Gazetteer, previous: Role | None, *, person: bool = False
) -> Role | None:
    """The title the article gives a name; a name the model did not call a person needs one of
    title words only ("X, leader of the Y Party,"; "Fenwick Capital, an adviser to the
    government," stays a company)."""
    title = title_before(span, gazetteer)
    if title is None and span.label_ != "PERSON" and not person:
        title = title_after(span, gazetteer)
        if title is None or not all(is_title_word(t, gazetteer) for t in title):
            return coordinated_role(span, previous, gazetteer)
    title = title or title_after(span, gazetteer) or title_by_copula(span, gazetteer)
    role = role_from(title, gazetteer) if title is not None else None
    if role is not None and role.former:  # a present office beats a past one
        titled = span.doc[min(title.start, span.start) : span.end] if title else span
        current = appositive_head(titled, gazetteer) or title_after(span, gazetteer)
        present = role_from(current, gazetteer) if current is not None else None
        role = present if present is not None and not present.former else role
    role = role or coordinated_role(span, previous, gazetteer) or role_by_verb(span)
    return of_country(span, role, gazetteer) if role is not None else None


def _resolve(
    span: Span, people: dict[str, EntityDraft], gazetteer: Gazetteer
) -> EntityDraft | None:
    text = clean_name(span.text)
    if _names_no_entity(text):
        return None
    known = gazetteer.lookup(text)
    if known is not None:
        return _known_entity(span, known, gazetteer)
    person = people.get(text) or people.get(plain(text))
    if person is None and (kind := type_by_words(span)) is not None:
        return EntityDraft(text, kind, confidence=0.6)
    person = person or by_surname(text, people) or by_surnames(text, people)
    if person is None and len(text.split()) == 1:
        person = by_given_name(text, people)
    if person is not None:
        return person
    if initialled(span) or person_by_apposition(span, gazetteer) or person_by_relative(span):
        return EntityDraft(text, "person", confidence=0.6)
    if (kind := type_by_context(span, gazetteer)) is not None:
        return EntityDraft(text, kind, confidence=0.6)
    if span.label_ == "PERSON":
        return EntityDraft(text, "person", confidence=0.6)
    if span.label_ == "ORG" and not _inside_title(span):
        return EntityDraft(text, "organisation", confidence=0.6)
    if span.label_ in {"GPE", "LOC", "FAC"} and _speaks_as_body(span):
        return EntityDraft(text, "organisation", confidence=0.6, rule=ACTS)  # "Northvolt told"
    if span.label_ in {"GPE", "LOC", "FAC"}:
        return EntityDraft(text, "place", confidence=0.6)
    return None


_SPEECH = {"say", "tell", "add", "announce", "state", "confirm", "deny", "warn", "write"}
"""Verbs of speech a place does not take as its subject ("Guangdong reported 361 cases" is
still the province)."""


def _speaks_as_body(span: Span) -> bool:
    """ "Northvolt told staff": a name the gazetteer does not know as a country or a place,
    the subject of a verb of speech, is a body, not a place."""
    root, doc = span.root, span.doc
    if span.end < len(doc) and doc[span.end].text == ",":
        return False  # "Mumbai, March 26 – Tata Motors announced": a dateline's place
    return root.dep_ == "nsubj" and lemma(root.head) in _SPEECH


def _lone_guess(draft: EntityDraft, span: Span, gazetteer: Gazetteer) -> bool:
    """Whether a lone word the model calls a person, linked to no one, is no person: people are
    introduced by full name, and a lone capitalised word is more often a place, a word in a
    quote or a sentence's first word ("Turnout was high"), unless it is the subject of a
    reporting verb."""
    if draft.type != "person" or " " in draft.name or draft.confidence != GUESSED:
        return False
    root = span.root
    if person_by_apposition(span, gazetteer):
        return False
    return not (root.dep_ == "nsubj" and lemma(root.head) in gazetteer.reporting_verbs)


def _names_no_entity(text: str) -> bool:
    """A market index ("FTSE 100", "Nasdaq") or a numbered meeting or document is named but is
    no actor or place (storms are left out earlier, by
    :func:`generator.extract.namefixes.is_storm`)."""
    words = text.split()
    numbered = len(words) > 1 and any(_NUMBERED.fullmatch(word) for word in words)
    if numbered and not any(word in ORGANISATION_WORDS for word in words):
        return True  # "7853rd Meeting", "Resolution 2334": a numbered thing ("G7" is a name)
    return bool(_INDICES.match(text))


def _titled(span: Span, gazetteer: Gazetteer) -> bool:
    """A person by the model with a title before or after: "Christopher Hill", "Stuart Hall"."""
    titled = title_before(span, gazetteer) is not None or person_by_apposition(span, gazetteer)
    return span.label_ == "PERSON" and titled


def _names_a_body(span: Span) -> bool:
    """ "leader of the Ulster Unionist Party": a name the model did not call a person, after
    "of", is the body the title belongs to, not the title's holder."""
    return span.label_ != "PERSON" and span.start > 0 and span.doc[span.start - 1].lower_ == "of"


def _known_entity(span: Span, known: Known, gazetteer: Gazetteer) -> EntityDraft | None:
    if known.kind == "demonym":
        return None
    if known.kind == "capital" and known.country and _is_actor(span):
        target = gazetteer.lookup(known.country)
        kind = "organisation" if target and target.kind == "organisation" else "country"
        return EntityDraft(known.country, kind)
    if known.kind == "capital":
        return EntityDraft(known.name, "place")
    kinds = {"country": "country", "organisation": "organisation", "group": "group"}
    return EntityDraft(known.name, kinds.get(known.kind, "place"))


def _inside_title(span: Span) -> bool:
    """ "State" in "Secretary of State" is part of a title, not an organisation."""
    start = span.start
    return start >= 2 and span.doc[start - 1].lower_ == "of" and span.doc[start - 2].is_title


def _is_actor(span: Span) -> bool:
    """A capital that acts ("Baku announced", "Washington's support") stands for its government."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ in _ACTOR_DEPS or any(child.dep_ == "case" for child in span.root.children):
        return True
    return root.dep_ == "pobj" and root.head.lower_ not in _LOCATIVE
