"""Turn an extraction into a draft facts file: plain data in the facts schema, every item marked
``status: draft`` with the extractor's confidence, every item citing its sentences.

Ids are slugs of names, so the same article always gives the same ids (and byte-identical output).
References between items (a quote's speaker, a minister's country) use those ids; a country that
only appears as a demonym ("French Foreign Minister") becomes an entity citing that sentence.

An item whose confidence is below :data:`SUGGESTION_BELOW` is a suggestion, not a fact: it goes to
:attr:`Draft.suggestions`, which ``explainer extract`` writes as a commented-out block at the end of
the facts file (see :func:`render_suggestions`), so the file still loads and the item waits for a
person to uncomment it. A quote whose speaker is a suggestion is one too; an event or an entity
that names a suggestion drops that reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.extract.entitydraft import EntityDraft
from generator.extract.extraction import DatedMention, Extraction
from generator.extract.quotes import QuoteDraft
from generator.reading.slugs import slug

SUGGESTION_BELOW = 0.5
"""Items the extractor is less sure of than this are suggestions (commented out), not facts.
Only rules right less than half the time on the development set fall below it (a lone unknown
word the model calls a person: 0.2)."""
MAX_SOURCES = 12
"""Sentences cited per entity; enough to review, few enough to read."""
_EVENT_GRANULARITIES = {"day", "week", "month", "range", "year", "decade"}
_TITLE_WORDS = 12
_DECADE_PART = re.compile(r"(?:the\s+)?(?P<part>early|mid|late)[\s-]+(?P<decade>\d{3}0)s\b", re.I)


@dataclass
class Draft:
    """A draft facts file as plain data, plus what a reviewer should look at."""

    facts: dict[str, Any]
    tags: list[str]
    dates: list[DatedMention]
    unattributed: list[QuoteDraft] = field(default_factory=list)
    suggestions: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Items below :data:`SUGGESTION_BELOW`, by section, for a person to look at."""


def build_draft(extraction: Extraction, article_ref: str = "") -> Draft:
    """The draft facts for one article; ``article_ref`` prefixes sentence ids (``id#``)."""
    ids = _Ids()
    entities = _entities(extraction, ids, article_ref)
    by_name = {entity["name"]: entity["id"] for entity in entities}
    for draft in extraction.entities:
        for alias in draft.aliases:
            by_name.setdefault(alias, by_name[draft.name])
    quotes = [_quote(q, by_name, ids, article_ref) for q in extraction.quotes if q.speaker]
    events = _events(extraction, by_name, ids, article_ref)
    facts: dict[str, Any] = {"entities": entities, "events": events, "quotes": quotes}
    unattributed = [quote for quote in extraction.quotes if not quote.speaker]
    facts, suggestions = _split_suggestions(facts)
    return Draft(facts, list(extraction.tags), list(extraction.dates), unattributed, suggestions)


def _split_suggestions(
    facts: dict[str, Any],
) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """Move the items below :data:`SUGGESTION_BELOW` out of the facts, and the references to
    suggested entities out of the items that stay."""
    suggested = {e["id"] for e in facts["entities"] if e["confidence"] < SUGGESTION_BELOW}
    kept: dict[str, Any] = {}
    suggestions: dict[str, list[dict[str, Any]]] = {}
    for section, items in facts.items():
        low = [
            i for i in items if i["confidence"] < SUGGESTION_BELOW or i.get("speaker") in suggested
        ]
        kept[section] = [_without(item, suggested) for item in items if item not in low]
        if low:
            suggestions[section] = low
    return kept, suggestions


def _without(item: dict[str, Any], suggested: set[str]) -> dict[str, Any]:
    if item.get("affiliation") in suggested:
        item = {key: value for key, value in item.items() if key != "affiliation"}
    if any(p in suggested for p in item.get("participants", [])):
        participants = [p for p in item["participants"] if p not in suggested]
        item = {key: value for key, value in item.items() if key != "participants"}
        if participants:
            item = _with_participants(item, participants)
    return item


def _with_participants(item: dict[str, Any], participants: list[str]) -> dict[str, Any]:
    """The item with ``participants`` back in their place, before ``sources``."""
    ordered: dict[str, Any] = {}
    for key, value in item.items():
        if key == "sources":
            ordered["participants"] = participants
        ordered[key] = value
    return ordered


class _Ids:
    """Unique, stable ids: a slug, then ``-2``, ``-3`` for repeats."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, text: str) -> str:
        base = slug(text)[:72].strip("-") or "item"
        candidate, number = base, 2
        while candidate in self.used:
            candidate, number = f"{base}-{number}", number + 1
        self.used.add(candidate)
        return candidate


def _ref(article_ref: str, sentence_id: str) -> str:
    return f"{article_ref}#{sentence_id}" if article_ref else sentence_id


def _entities(extraction: Extraction, ids: _Ids, article_ref: str) -> list[dict[str, Any]]:
    drafts = list(extraction.entities)
    names = {draft.name for draft in drafts}
    for draft in list(drafts):
        role = draft.role
        if role and role.affiliation and role.affiliation not in names:
            kind = "country" if role.qualifier else "organisation"
            implied = EntityDraft(
                role.affiliation, kind, sentences=draft.sentences[:1], confidence=0.6
            )
            drafts.append(implied)
            names.add(role.affiliation)
    id_of = {draft.name: ids.make(draft.name) for draft in drafts}
    return [_entity(draft, id_of, article_ref) for draft in drafts]


def _entity(draft: EntityDraft, id_of: dict[str, str], article_ref: str) -> dict[str, Any]:
    entity: dict[str, Any] = {"id": id_of[draft.name], "type": draft.type, "name": draft.name}
    if draft.aliases:
        entity["aliases"] = list(draft.aliases)
    if draft.role:
        entity["role"] = draft.role.text
        if draft.role.affiliation in id_of:
            entity["affiliation"] = id_of[draft.role.affiliation]
    if draft.anonymous:
        entity["anonymous"] = True
    ordered = sorted(draft.sentences, key=_sentence_order)[:MAX_SOURCES]
    entity["sources"] = [_ref(article_ref, s) for s in ordered]
    entity["status"] = "draft"
    entity["confidence"] = round(draft.confidence, 2)
    return entity


def _sentence_order(sentence_id: str) -> tuple[int, int]:
    paragraph, sentence = sentence_id[1:].split("s")
    return int(paragraph), int(sentence)


def _quote(
    quote: QuoteDraft, by_name: dict[str, str], ids: _Ids, article_ref: str
) -> dict[str, Any]:
    speaker = by_name[quote.speaker] if quote.speaker else ""
    words = " ".join(quote.text.split()[:5])
    item: dict[str, Any] = {
        "id": ids.make(f"{speaker} {words}"),
        "text": quote.text,
        "speaker": speaker,
    }
    if quote.via and quote.via in by_name:
        item["reported_by"] = by_name[quote.via]
    item["sources"] = [_ref(article_ref, quote.sentence_id)]
    item["status"] = "draft"
    item["confidence"] = round(quote.confidence, 2)
    return item


def _events(
    extraction: Extraction, by_name: dict[str, str], ids: _Ids, article_ref: str
) -> list[dict[str, Any]]:
    """One proposed event per sentence that gives a date (not a duration)."""
    events, seen = [], set()
    sentences = {s.id: s.text for s in extraction.article.sentences}
    for mention in extraction.dates:
        expression = mention.expression
        if expression.granularity not in _EVENT_GRANULARITIES or mention.sentence_id in seen:
            continue
        seen.add(mention.sentence_id)
        text = sentences[mention.sentence_id]
        event: dict[str, Any] = {
            "id": ids.make(f"{expression.value.split('/')[0]} {_title(text, 6)}"),
            "title": _title(text, _TITLE_WORDS),
            "when": _when(mention),
        }
        participants = _participants(extraction, mention.sentence_id, by_name)
        if participants:
            event["participants"] = participants
        event["sources"] = [_ref(article_ref, mention.sentence_id)]
        event["status"] = "draft"
        event["confidence"] = 0.5
        events.append(event)
    return events


def _title(sentence: str, words: int) -> str:
    parts = sentence.split()
    title = " ".join(parts[:words]).rstrip(",;:")
    return title + ("\u2026" if len(parts) > words else "")


def _when(mention: DatedMention) -> dict[str, Any]:
    expression = mention.expression
    when: dict[str, Any] = {}
    part = _DECADE_PART.match(expression.text)
    if part is not None:
        when["date"], when["part"] = f"{part.group('decade')}s", part.group("part").lower()
    elif expression.granularity in {"range", "week"} and expression.first and expression.last:
        if "/" in expression.value:
            start, end = expression.value.split("/")
        else:
            start, end = expression.first.isoformat(), expression.last.isoformat()
        when["start"], when["end"] = start, end
    elif expression.granularity == "decade":
        when["date"] = f"{expression.value.split('/')[0]}s"
    else:
        when["date"] = expression.value
    if expression.approximate:
        when["approximate"] = True
    when["expression"] = expression.text
    return when


def _participants(extraction: Extraction, sentence_id: str, by_name: dict[str, str]) -> list[str]:
    found = []
    for draft in extraction.entities:
        if sentence_id in draft.sentences and draft.type != "place":
            found.append(by_name[draft.name])
    return found
