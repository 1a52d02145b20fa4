"""Quotes and who said them.

The speaker is found in the dependency parse: from the quoted words, climb to the verbs that govern
them; the innermost verb whose subject is an entity gives the speaker, and an outer reporting verb
with another subject gives the channel ("Miller said in a statement that Blinken expressed '…'" is
Blinken's, via Miller). "According to X" names the channel, or the speaker when no verb does;
He/She is the last speaker; "who" is the person the clause describes; "The statement added" keeps
the previous statement's channel. A quote with no attribution in its sentence gets no speaker
rather than the last one (on the development set that guess was right 2 times in 13).

Confidence by the rule that gave the speaker, measured on the development set
(``benchmarks/extract_quality.py --no-test``) and rounded down to 0.05:

| Rule                                               | dev right  | confidence |
|----------------------------------------------------|------------|-----------|
| subject of a reporting verb governing the quote    | 52/59 0.88 | 0.85      |
| "according to X" with no such verb                 | (none)     | 0.80      |
| nearest person named in the sentence               | 8/11 0.73  | 0.70      |
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.document import AnalysedArticle, ParagraphDoc
from generator.extract.entitydraft import EntityDraft, EntityTable
from generator.extract.gazetteer import Gazetteer
from generator.extract.nlp import lemma

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_QUOTE = re.compile(r"\u201c([^\u201d]+)\u201d|\"([^\"]+)\"")
_SUBJECTS = {"nsubj", "nsubjpass"}
_INHERITS = {"conj", "advcl", "xcomp", "ccomp", "relcl", "acl"}
_PRONOUNS = {"he", "she", "his", "her"}
_RELATIVES = {"who", "which", "that", "whom"}
_CHANNELS = {"statement", "communique", "communiqué", "readout", "release", "post", "letter"}
_NAME_PARTS = {"compound", "appos", "flat", "nmod"}
_SPEAKER_TYPES = {"person", "organisation", "country", "group"}
_SUBJECT_OF_VERB = 0.85
_ACCORDING_TO = 0.8
_NEAREST_PERSON = 0.7
_SAME_PARAGRAPH = 0.3


@dataclass(frozen=True)
class QuoteDraft:
    """Quoted words, the sentence holding them, and who said them."""

    text: str
    sentence_id: str
    paragraph: int
    speaker: str | None
    via: str | None = None
    confidence: float = 0.8


@dataclass
class _State:
    last_speaker: EntityDraft | None = None
    last_speaker_paragraph: int = 0
    last_via: EntityDraft | None = None


def find_quotes(
    analysed: AnalysedArticle, table: EntityTable, gazetteer: Gazetteer
) -> list[QuoteDraft]:
    """Every quoted passage of the article with its speaker, in text order."""
    state, quotes = _State(), []
    for paragraph in analysed.paragraphs:
        for start, end in _quote_spans(paragraph.doc.text):
            quotes.extend(_attribute(paragraph, start, end, table, gazetteer, state))
    return quotes


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [
        (m.start(1) if m.group(1) else m.start(2), m.end(1) if m.group(1) else m.end(2))
        for m in _QUOTE.finditer(text)
    ]


def _attribute(
    paragraph: ParagraphDoc,
    start: int,
    end: int,
    table: EntityTable,
    gazetteer: Gazetteer,
    state: _State,
) -> list[QuoteDraft]:
    span = paragraph.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    speaker, via, confidence = _speaker(paragraph, span, table, gazetteer, state)
    if speaker is not None:
        state.last_speaker, state.last_speaker_paragraph = speaker, paragraph.number
        state.last_via = via
    return [
        QuoteDraft(
            text,
            sentence_id,
            paragraph.number,
            speaker.name if speaker else None,
            via.name if via else None,
            confidence if speaker else 0.0,
        )
        for text, sentence_id in _split_by_sentence(paragraph, start, end)
    ]


def _split_by_sentence(paragraph: ParagraphDoc, start: int, end: int) -> list[tuple[str, str]]:
    """A quote running over two sentences becomes one quote per sentence (each cites its own)."""
    parts, cursor = [], start
    for boundary in [*paragraph.starts[1:], len(paragraph.doc.text) + 1]:
        if boundary <= cursor:
            continue
        stop = min(end, boundary - 1)
        text = paragraph.doc.text[cursor:stop].strip()
        if text:
            parts.append((text, paragraph.sentence_at(cursor)))
        cursor = boundary
        if cursor >= end:
            break
    return parts


def _speaker(
    paragraph: ParagraphDoc, span: Span, table: EntityTable, gazetteer: Gazetteer, state: _State
) -> tuple[EntityDraft | None, EntityDraft | None, float]:
    verbs = [verb for verb in _governing_verbs(span) if lemma(verb) in gazetteer.reporting_verbs]
    found = _subjects(paragraph, verbs, table, state)
    according = _according_to(paragraph, span, table)
    if found:
        inner = _reporter_between(paragraph, span, verbs, table, gazetteer)
        speaker = inner or found[0]
        outer = next((entity for entity in found if entity is not speaker), None)
        via = outer or according or (state.last_via if _channel_subject(span) else None)
        return speaker, via if via is not speaker else None, _SUBJECT_OF_VERB
    if according is not None:
        return according, None, _ACCORDING_TO
    nearby = _nearest_entity(paragraph, span, table)
    if nearby is not None:
        return nearby, None, _NEAREST_PERSON
    if state.last_speaker_paragraph == paragraph.number:
        return state.last_speaker, None, _SAME_PARAGRAPH
    return None, None, 0.0


def _subjects(
    paragraph: ParagraphDoc, verbs: list[Token], table: EntityTable, state: _State
) -> list[EntityDraft]:
    """The entities that are subjects along the verb chain, innermost first.

    A pronoun whose sentence names an outer subject is that subject ("X said he expected '…'").
    """
    named: list[EntityDraft] = []
    pronouns: list[EntityDraft] = []
    for verb in verbs:
        subject = _subject_of(verb)
        if subject is None:
            continue
        if subject.lower_ in _PRONOUNS:
            if (entity := _resolve_pronoun(paragraph, subject, table, state)) is not None:
                pronouns.append(entity)
            continue
        entity = _subject_entity(paragraph, verb, subject, table)
        if entity is not None:
            named.append(entity)
    return named or pronouns


def _reporter_between(
    paragraph: ParagraphDoc,
    span: Span,
    verbs: list[Token],
    table: EntityTable,
    gazetteer: Gazetteer,
) -> EntityDraft | None:
    """A reporting verb between the governing verb and the quote, whose subject is an entity.

    The small model often hangs a quote on the outer "said" although an inner "that Blinken
    expressed" introduces it; the words belong to the inner subject.
    """
    outside = [verb for verb in verbs if verb.i < span.start]
    if not outside:
        return None
    for token in reversed(span.doc[outside[0].i + 1 : span.start]):
        if token.pos_ == "VERB" and lemma(token) in gazetteer.reporting_verbs:
            subject = _subject_of(token)
            if subject is not None and subject.lower_ not in _PRONOUNS:
                return _subject_entity(paragraph, token, subject, table)
    return None


def _governing_verbs(span: Span) -> list[Token]:
    """Verbs from the quote up to the sentence root, innermost first."""
    root = span.root
    verbs = [root] if root.pos_ in {"VERB", "AUX"} else []
    token = root
    while token.head.i != token.i:
        if token.dep_ in {"advcl", "conj"} and any(c.dep_ in _SUBJECTS for c in token.children):
            break  # a clause of its own ("…, while Hale called it '…'"), not reported speech
        token = token.head
        if token.pos_ in {"VERB", "AUX"} and (token.i < span.start or token.i >= span.end):
            verbs.append(token)
    return verbs


def _subject_entity(
    paragraph: ParagraphDoc, verb: Token, subject: Token, table: EntityTable
) -> EntityDraft | None:
    if subject.lower_ in _RELATIVES and verb.dep_ == "relcl":
        return _entity_in(paragraph, verb.head, table)
    return _entity_in(paragraph, subject, table)


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it hangs from."""
    for _ in range(4):
        subject = next((child for child in verb.children if child.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
        if verb.dep_ not in _INHERITS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _entity_in(paragraph: ParagraphDoc, token: Token, table: EntityTable) -> EntityDraft | None:
    """The entity a subject names: the token itself or the name words hanging from it."""
    names = [child for child in token.children if child.dep_ in _NAME_PARTS]
    for candidate in [token, *names]:
        entity = table.entity_at(paragraph.number, candidate.i)
        if entity is not None and entity.type in _SPEAKER_TYPES:
            return entity
    return None


def _resolve_pronoun(
    paragraph: ParagraphDoc, pronoun: Token, table: EntityTable, state: _State
) -> EntityDraft | None:
    """Who "he" or "she" is: a person named earlier in the same sentence ("Berg's office said
    she welcomed …"); else the person the sentence before is about ("Wissing urged … He
    said"); else the last speaker, if recent; else the last person named."""
    sentence = pronoun.sent
    for token in reversed(sentence[: pronoun.i - sentence.start]):
        entity = table.entity_at(paragraph.number, token.i)
        if entity is not None and entity.type == "person":
            return entity
    if sentence.start > 0:
        before = pronoun.doc[sentence.start - 1].sent
        subject = _subject_of(before.root) if before.root.pos_ in {"VERB", "AUX"} else None
        entity = _entity_in(paragraph, subject, table) if subject is not None else None
        if entity is not None and entity.type == "person":
            return entity
    recent = state.last_speaker and paragraph.number - state.last_speaker_paragraph <= 2
    if recent and state.last_speaker and state.last_speaker.type == "person":
        return state.last_speaker
    return _last_person_before(paragraph.number, pronoun.i, table)


def _last_person_before(paragraph: int, token: int, table: EntityTable) -> EntityDraft | None:
    best: tuple[int, int] | None = None
    for position, key in table.by_token.items():
        if position < (paragraph, token) and table.drafts[key].type == "person":
            best = position if best is None or position > best else best
    return table.drafts[table.by_token[best]] if best else None


def _according_to(paragraph: ParagraphDoc, span: Span, table: EntityTable) -> EntityDraft | None:
    for token in span.sent:
        if token.lower_ != "according":
            continue
        objects = [
            o for to in token.children if to.lower_ == "to" for o in to.children if o.dep_ == "pobj"
        ]
        if not objects and token.i + 2 < len(span.doc):
            objects = [span.doc[token.i + 2]]
        for target in objects:
            entity = _entity_in(paragraph, target, table)
            if entity is not None:
                return entity
    return None


def _channel_subject(span: Span) -> bool:
    """ "The statement added that …": the words come through the statement just reported."""
    return any(t.dep_ in _SUBJECTS and lemma(t) in _CHANNELS for t in span.sent)


def _nearest_entity(paragraph: ParagraphDoc, span: Span, table: EntityTable) -> EntityDraft | None:
    candidates = [t for t in span.sent if t.i < span.start or t.i >= span.end]
    candidates.sort(key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))
    for token in candidates:
        entity = table.entity_at(paragraph.number, token.i)
        if entity is not None and entity.type == "person":
            return entity
    return None
