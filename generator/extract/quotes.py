"""Quotes and who said them.

Each “…” passage is a quote; :mod:`generator.extract.attribution` finds its speaker and names the
rule that did. A quote running over two sentences becomes one quote per sentence, each citing its
own sentence.

A speaker's confidence is the share of that rule's speakers that were right on the development
set, calibrated as :mod:`generator.extract.confidence` describes (the table is there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.antecedents import Reading
from generator.extract.attribution import attribute, speaker_of_sentence
from generator.extract.confidence import speaker_confidence
from generator.extract.continuation import Previous
from generator.extract.document import AnalysedArticle, ParagraphDoc
from generator.extract.entitydraft import EntityTable
from generator.extract.gazetteer import Gazetteer
from generator.extract.phrases import Attribution

_QUOTE = re.compile(r"\u201c([^\u201d]+)\u201d|\"([^\"]+)\"")
_UNCLOSED = re.compile(r"\u201c([^\u201c\u201d]+)$")
"""A quote that runs on into the next paragraph (wire style: no closing mark until its end)."""


@dataclass(frozen=True)
class QuoteDraft:
    """Quoted words, the sentence holding them, who said them and by which rule."""

    text: str
    sentence_id: str
    paragraph: int
    speaker: str | None
    via: str | None = None
    confidence: float = 0.8
    rule: str = "none"


def find_quotes(
    analysed: AnalysedArticle, table: EntityTable, gazetteer: Gazetteer
) -> list[QuoteDraft]:
    """Every quoted passage of the article with its speaker, in text order."""
    reading, quotes = Reading(table, gazetteer), []
    carried: Attribution | None = None
    for paragraph in analysed.paragraphs:
        spans = _quote_spans(paragraph.doc.text)
        _mark_quoted(paragraph, spans, reading)
        previous: Previous | None = None
        for start, end in spans:
            attribution = attribute(paragraph, start, end, reading, previous)
            if attribution.speaker is None and carried is not None and _whole(paragraph, start):
                attribution = Attribution(carried.speaker, carried.via, "next-paragraph")
            quotes.extend(_drafts(paragraph, start, end, attribution))
            previous = Previous(end, attribution)
            if attribution.speaker is not None and attribution.speaker.type == "person":
                reading.last_speaker = (paragraph.number, attribution.speaker)
        carried = _carried(paragraph, previous, reading)
        reading.paragraphs.append(paragraph)
    return quotes


def _whole(paragraph: ParagraphDoc, start: int) -> bool:
    """Whether the quote opens the paragraph and no words of the writer's follow it."""
    text = paragraph.doc.text
    return start == 1 and not re.search(r"\w", _QUOTE.sub("", text))


def _carried(
    paragraph: ParagraphDoc, previous: Previous | None, reading: Reading
) -> Attribution | None:
    """Whose words a paragraph that is nothing but a quote goes on with: the speaker of this
    paragraph's last sentence, by its quote or its reporting verb ("X said the city …")."""
    last = paragraph.starts[-1]
    if previous is not None and previous.attribution.speaker is not None:
        return previous.attribution if previous.end >= last else None
    if previous is not None:
        return None
    sentence = list(paragraph.doc.sents)[-1]
    return speaker_of_sentence(paragraph, sentence, reading)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans = [
        (m.start(1) if m.group(1) else m.start(2), m.end(1) if m.group(1) else m.end(2))
        for m in _QUOTE.finditer(text)
    ]
    unclosed = _UNCLOSED.search(text)
    if unclosed is not None and (not spans or unclosed.start(1) > spans[-1][1]):
        spans.append((unclosed.start(1), len(text.rstrip())))
    return spans


def _mark_quoted(paragraph: ParagraphDoc, spans: list[tuple[int, int]], reading: Reading) -> None:
    for start, end in spans:
        span = paragraph.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            reading.quoted.update((paragraph.number, token.i) for token in span)


def _drafts(
    paragraph: ParagraphDoc, start: int, end: int, attribution: Attribution
) -> list[QuoteDraft]:
    speaker, via = attribution.speaker, attribution.via
    return [
        QuoteDraft(
            text,
            sentence_id,
            paragraph.number,
            speaker.name if speaker else None,
            via.name if via else None,
            speaker_confidence(attribution.rule) if speaker else 0.0,
            attribution.rule if speaker else "none",
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
