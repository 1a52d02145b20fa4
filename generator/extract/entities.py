"""Entity mentions and linking: who and what the article names, and which mentions are the same.

Surnames link to the full name introduced earlier ("Blinken"); a capital used as an actor stands for
its country's government ("Baku announced" → Azerbaijan) while a capital used as a place stays a
place ("near Washington"); "The US Secretary of State" links to the person holding that
office, never to a former holder named beside him; an unnamed source ("a US official") is an
entity of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.extract.document import AnalysedArticle, ParagraphDoc
from generator.extract.gazetteer import Gazetteer, Known
from generator.extract.nlp import lemma
from generator.extract.roles import (
    HONORIFICS,
    Role,
    coordinated_role,
    is_title_word,
    role_from,
    title_after,
    title_before,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_LOCATIVE_PLACES = {
    "in",
    "at",
    "near",
    "outside",
    "around",
    "across",
    "into",
    "toward",
    "towards",
    "through",
    "inside",
    "within",
}
_LOCATIVE = _LOCATIVE_PLACES | {"to", "from", "via", "beyond", "off", "of"}
"""Prepositions after which a capital is a place, not an actor ("flew to Moscow")."""
_ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
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
_PLACE_NOUNS = {
    "city",
    "town",
    "village",
    "region",
    "province",
    "port",
    "district",
    "capital",
    "state",
    "county",
    "area",
    "island",
    "border",
    "crossing",
}


@dataclass
class EntityDraft:
    """An entity as the article presents it, before a person reviews it."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    role: Role | None = None
    anonymous: bool = False
    confidence: float = 0.9

    def mention(self, surface: str, sentence_id: str) -> None:
        """Record one mention: its surface form as an alias, its sentence as a source."""
        surface = _clean(surface)
        if surface and surface != self.name and surface not in self.aliases:
            self.aliases.append(surface)
        if sentence_id not in self.sentences:
            self.sentences.append(sentence_id)


@dataclass
class EntityTable:
    """Every entity of an article, and which entity each mentioning token stands for."""

    drafts: dict[str, EntityDraft] = field(default_factory=dict)
    by_token: dict[tuple[int, int], str] = field(default_factory=dict)

    def entity_at(self, paragraph: int, token: int) -> EntityDraft | None:
        """The entity a token of paragraph ``paragraph`` refers to, if any."""
        key = self.by_token.get((paragraph, token))
        return self.drafts[key] if key else None

    def people(self) -> list[EntityDraft]:
        """People, named and anonymous, in order of first mention."""
        return [draft for draft in self.drafts.values() if draft.type == "person"]

    def record(
        self, draft: EntityDraft, paragraph: ParagraphDoc, span: Span, *, alias: bool = True
    ) -> None:
        """Attach a mention (a span of a paragraph) to ``draft``; a name is also an alias."""
        self.drafts.setdefault(draft.name, draft)
        draft = self.drafts[draft.name]
        draft.mention(span.text if alias else draft.name, paragraph.sentence_of(span))
        for token in span:
            self.by_token[(paragraph.number, token.i)] = draft.name


def _clean(text: str) -> str:
    text = " ".join(text.split())
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text[4:] if text.lower().startswith("the ") else text


def find_entities(analysed: AnalysedArticle, gazetteer: Gazetteer) -> EntityTable:
    """Find, type and link every entity the article mentions."""
    table = EntityTable()
    names = [
        (paragraph, span)
        for paragraph in analysed.paragraphs
        for span in _name_spans(paragraph, gazetteer)
    ]
    people = _introduce_people(names, gazetteer)
    for paragraph, span in names:
        draft = _resolve(span, people, gazetteer)
        if draft is not None:
            table.record(draft, paragraph, span)
    for paragraph in analysed.paragraphs:
        _find_anonymous(paragraph, table, gazetteer)
        _find_descriptions(paragraph, table, gazetteer)
    return table


def _name_spans(paragraph: ParagraphDoc, gazetteer: Gazetteer) -> list[Span]:
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


def _introduce_people(
    names: list[tuple[ParagraphDoc, Span]], gazetteer: Gazetteer
) -> dict[str, EntityDraft]:
    """People introduced by full name, keyed by full name and by surname."""
    people: dict[str, EntityDraft] = {}
    previous_role: Role | None = None
    for _, span in names:
        text = _clean(span.text)
        if gazetteer.lookup(text) or len(text.split()) < 2 or span.label_ == "NORP":
            continue
        role = _role_of(span, gazetteer, previous_role)
        if span.label_ != "PERSON" and role is None:
            continue
        person = people.get(text) or EntityDraft(text, "person")
        if role and person.role is None:
            person.role = role
        previous_role = role
        for key in [text, *_short_forms(text), *_known_as(span)]:
            people.setdefault(key, person)
    return people


def _short_forms(name: str) -> list[str]:
    """How a later mention may shorten a name: "Blinken", "al-Burhan", "Burhan"."""
    last = name.split()[-1]
    forms = [last]
    for prefix in ("al-", "el-", "Al-", "El-"):
        if last.startswith(prefix):
            forms.append(last[len(prefix) :])
    return forms


def _known_as(span: Span) -> list[str]:
    """ "Mohamed Hamdan Dagalo, known as Hemedti" and "Rapid Support Forces (RSF)"."""
    doc, end = span.doc, span.end
    words = [token.text for token in doc[end : end + 4]]
    if words[:3] == [",", "known", "as"] and len(words) == 4:
        return [words[3]]
    if words[:1] == ["("] and len(words) >= 3 and words[2] == ")":
        return [words[1]]
    return []


def _role_of(span: Span, gazetteer: Gazetteer, previous: Role | None) -> Role | None:
    title = title_before(span, gazetteer) or title_after(span, gazetteer)
    if title is not None:
        return role_from(title, gazetteer)
    return coordinated_role(span, previous, gazetteer)


def _resolve(
    span: Span, people: dict[str, EntityDraft], gazetteer: Gazetteer
) -> EntityDraft | None:
    text = _clean(span.text)
    known = gazetteer.lookup(text)
    if known is not None:
        return _known_entity(span, known, gazetteer)
    person = people.get(text) or people.get(text.split()[-1] if text else "")
    if person is None and len(text.split()) == 1:
        person = _by_given_name(text, people)
    if person is not None:
        return person
    if _is_place_by_context(span):
        return EntityDraft(text, "place", confidence=0.6)
    if span.label_ == "PERSON":
        return EntityDraft(text, "person", confidence=0.6)
    if span.label_ == "ORG" and not _inside_title(span):
        return EntityDraft(text, "organisation", confidence=0.6)
    if span.label_ in {"GPE", "LOC", "FAC"}:
        return EntityDraft(text, "place", confidence=0.6)
    return None


def _by_given_name(text: str, people: dict[str, EntityDraft]) -> EntityDraft | None:
    """ "Redwan" for Redwan Hussien, when exactly one person has that first name."""
    found = {id(p): p for name, p in people.items() if name.split()[0] == text and " " in name}
    return next(iter(found.values())) if len(found) == 1 else None


def _is_place_by_context(span: Span) -> bool:
    """ "the city of Ohrid", "ports of Odesa", "in Shire": an unknown name used as a place."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in _LOCATIVE_PLACES:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and lemma(head.head) in _PLACE_NOUNS:
        return True
    return root.dep_ == "appos" and lemma(head) in _PLACE_NOUNS


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


def _find_anonymous(paragraph: ParagraphDoc, table: EntityTable, gazetteer: Gazetteer) -> None:
    """Unnamed sources: "A US official, speaking on condition of anonymity, said"."""
    for chunk in paragraph.doc.noun_chunks:
        head = chunk.root
        if head.lower_ not in gazetteer.anonymous_heads or chunk[0].lower_ not in {
            "a",
            "an",
            "one",
        }:
            continue
        if any(token.ent_type_ == "PERSON" for token in chunk):
            continue
        if not (_speaks(head, gazetteer) or "anonymity" in head.sent.text):
            continue
        words = chunk[1:]
        while len(words) > 1 and words[0].lower_ in {"senior", "top", "high-ranking", "junior"}:
            words = words[1:]
        name = words.text
        draft = EntityDraft(name, "person", anonymous=True, confidence=0.7)
        country = next((gazetteer.lookup(t.text) for t in chunk if t.ent_type_), None)
        if country is not None:
            affiliation = country.name if country.kind == "country" else country.country
            draft.role = Role(head.text, affiliation, False, None, head.lower_)
        table.record(draft, paragraph, chunk, alias=False)


def _speaks(token: Token, gazetteer: Gazetteer) -> bool:
    return token.dep_ in _ACTOR_DEPS and lemma(token.head) in gazetteer.reporting_verbs


def _find_descriptions(paragraph: ParagraphDoc, table: EntityTable, gazetteer: Gazetteer) -> None:
    """ "The US Secretary of State said" → the one person the article gave that title."""
    doc = paragraph.doc
    for article in doc:
        if article.lower_ != "the":
            continue
        end = article.i + 1
        while end < len(doc) and is_title_word(doc[end], gazetteer):
            end += 1
        title = doc[article.i + 1 : end]
        if not title or not any(t.lower_ in gazetteer.title_heads for t in title):
            continue
        if (paragraph.number, title.root.i) in table.by_token and title.root.ent_type_ == "PERSON":
            continue
        wanted = role_from(title, gazetteer).key()
        holders = [
            p for p in table.people() if p.role and not p.role.former and p.role.key() == wanted
        ]
        if len(holders) == 1:
            table.record(holders[0], paragraph, doc[article.i : end], alias=False)
