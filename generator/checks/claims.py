"""The claims of a facts file, each with the sources it is checked against (its own, named under
``cite:``, or its item's), and the cited sentences they point to."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.checks.positions import Loc
from generator.facts.fieldtypes import ExternalSource, Point, When
from generator.facts.schema import Entity, Event, Facts, Quote
from generator.reading.article import Article, Sentence

Source = str | ExternalSource
ClaimKey = tuple[str, ...]
"""What a page asks for: ``("entity", id, "role")``, ``("entity", id, "alias", alias)``,
``("event", id, "participant", entity_id)``…"""


@dataclass(frozen=True)
class Claim:
    """One checkable statement of a facts file."""

    loc: Loc
    """Where it is written (a path into the facts file)."""
    key: ClaimKey
    kind: str
    """``name``, ``role``, ``mention``, ``date``, ``speaker`` or ``statement``."""
    value: str
    sources: tuple[Source, ...]
    subject: str | None = None
    """The entity a role or a mention is about (the entity mentioned, for ``mention``)."""
    explicit: bool = True
    """Whether the sources were named for this claim, not inherited from the item."""
    when: When | None = None


def claims(facts: Facts) -> Iterator[Claim]:
    """Every claim of the facts file, with the sources it is checked against."""
    for section in ("summary", "background"):
        for index, point in enumerate(getattr(facts, section)):
            yield _point((section, index), (section, str(index)), point)
    for index, question in enumerate(facts.questions):
        answer_key = ("questions", str(index))
        sources = tuple(question.sources)
        yield Claim(
            ("questions", index, "answer"), answer_key, "statement", question.answer, sources
        )
    for index, entity in enumerate(facts.entities):
        yield from _entity_claims(("entities", index), entity)
    for index, event in enumerate(facts.events):
        yield from _event_claims(("events", index), event)
    for index, quote in enumerate(facts.quotes):
        yield from _quote_claims(("quotes", index), quote)
    for index, term in enumerate(facts.glossary):
        loc, key = ("glossary", index), ("glossary", term.id)
        sources = tuple(term.sources)
        # The term's notes on its names are where the sources of its other names are cited.
        naming = sources + tuple(source for point in term.names for source in point.sources)
        yield Claim((*loc, "term"), (*key, "term"), "name", term.term, sources)
        for number, alias in enumerate(term.aliases):
            yield Claim((*loc, "aliases", number), (*key, "alias", alias), "name", alias, naming)
        yield Claim(
            (*loc, "definition"), (*key, "definition"), "statement", term.definition, sources
        )
        for number, point in enumerate(term.names):
            yield _point((*loc, "names", number), (*key, "names", str(number)), point)


def _point(loc: Loc, key: ClaimKey, point: Point) -> Claim:
    return Claim((*loc, "text"), key, "statement", point.text, tuple(point.sources))


def _cited(item: Entity | Event, name: str, *extra: str) -> tuple[tuple[Source, ...], bool]:
    """The sources named for one claim under ``cite:``, or the item's own."""
    own = item.cite.sources(name, *extra) if item.cite else None
    return (tuple(own), True) if own else (tuple(item.sources), False)


def _entity_claims(loc: Loc, entity: Entity) -> Iterator[Claim]:
    key = ("entity", entity.id)

    def claim(name: str, kind: str, value: str, *, at: Loc = (), subject: str | None = None,
              extra: tuple[str, ...] = ()) -> Claim:  # fmt: skip
        sources, explicit = _cited(entity, name, *extra)
        where, what = (*loc, *(at or (name,))), (*key, name, *extra)
        return Claim(where, what, kind, value, sources, subject, explicit=explicit)

    yield claim("name", "name", entity.name)
    for number, alias in enumerate(entity.aliases):
        yield claim("alias", "name", alias, at=("aliases", number), extra=(alias,))
    if entity.role:
        yield claim("role", "role", entity.role, subject=entity.id)
    for name in ("affiliation", "side"):
        target = getattr(entity, name)
        if target and target != entity.id:
            yield claim(name, "mention", target, subject=target)
    if entity.description:
        yield claim("description", "statement", entity.description)
    for number, point in enumerate(entity.notes):
        yield _point((*loc, "notes", number), (*key, "notes", str(number)), point)


def _event_claims(loc: Loc, event: Event) -> Iterator[Claim]:
    key = ("event", event.id)
    sources, explicit = _cited(event, "title")
    yield Claim((*loc, "title"), (*key, "title"), "statement", event.title, sources, None, explicit)
    sources, _ = _cited(event, "when")
    yield Claim((*loc, "when"), (*key, "when"), "date", "", sources, when=event.when)
    if event.place:
        sources, _ = _cited(event, "place")
        yield Claim((*loc, "place"), (*key, "place"), "mention", event.place, sources, event.place)
    for number, participant in enumerate(event.participants):
        sources, _ = _cited(event, "participant", participant.entity)
        yield Claim(
            (*loc, "participants", number),
            (*key, "participant", participant.entity),
            "mention",
            participant.entity,
            sources,
            participant.entity,
        )
    if event.stage:
        sources, _ = _cited(event, "stage")
        yield Claim((*loc, "stage"), (*key, "stage"), "stage", event.stage, sources)
    if event.summary:
        sources, explicit = _cited(event, "summary")
        yield Claim(
            (*loc, "summary"),
            (*key, "summary"),
            "statement",
            event.summary,
            sources,
            None,
            explicit,
        )
    for number, point in enumerate(event.agenda):
        yield _point((*loc, "agenda", number), (*key, "agenda", str(number)), point)


def _quote_claims(loc: Loc, quote: Quote) -> Iterator[Claim]:
    key = ("quote", quote.id)
    sources = tuple(quote.sources[:1])
    yield Claim(
        (*loc, "speaker"), (*key, "speaker"), "speaker", quote.speaker, sources, quote.speaker
    )
    if quote.reported_by:
        yield Claim(
            (*loc, "reported_by"),
            (*key, "reported_by"),
            "speaker",
            quote.reported_by,
            tuple(quote.sources),
            quote.reported_by,
        )
    if quote.context:
        context = tuple(quote.sources)
        yield Claim((*loc, "context"), (*key, "context"), "statement", quote.context, context)


@dataclass(frozen=True)
class Cited:
    """A cited sentence, with the article it is in and its place there."""

    reference: str
    article: Article
    sentence: Sentence
    index: int
    """Its position among the article's sentences."""
