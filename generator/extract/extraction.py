"""Run every extraction step over one article: the one function that knows their order."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from generator.extract.dateline import find_dateline
from generator.extract.document import AnalysedArticle, ParagraphDoc, analyse
from generator.extract.entities import find_entities
from generator.extract.entitydraft import EntityDraft
from generator.extract.gazetteer import load_gazetteer
from generator.extract.longtail import resolve_entity
from generator.extract.nlp import lemma, load_pipeline
from generator.extract.quotes import QuoteDraft, find_quotes
from generator.extract.timevalues import Context, TimeExpression
from generator.extract.timex import find_time_expressions
from generator.reading.article import Article, Artifact

if TYPE_CHECKING:
    from spacy.tokens import Token

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|would(?!\s+(?:not\s+)?have\b)|(?:is|are|was|were)\s+"
    r"(?:supposed|expected|due|scheduled|set|going)\s+to|plans?\s+to|planned\s+to)\b",
    re.IGNORECASE,
)


_MODALS = {"would", "must", "should", "could", "can", "might"}
"""Modals that look forward ("may" is left out: the parse takes the month for it)."""
_EVENTS = {
    "vote", "plebiscite", "referendum", "election", "poll", "meeting", "summit", "talk",
    "session", "hearing", "trial", "ceremony", "visit", "debate", "signing", "conference",
}  # fmt: skip
"""Nouns for events, whose day is the day of the verb they hang from ("urged them to approve it
in a vote on Sunday"), unlike a thing's ("his lead on October 31")."""
_NOT_SCHEDULES = {"say", "be", "have", "tell", "report"}
"""Present-tense verbs that report or describe rather than schedule ("says", "is")."""
_FUTURE_AUX = {"will", "shall", "'ll", "\u2019ll", "wo"}
_FUTURE_HEADS = {"due", "expect", "suppose", "schedule", "plan", "intend", "set"}
_INTENT_HEADS = {
    "agree", "promise", "pledge", "vow", "decide", "plan", "intend", "hope", "aim", "expect",
    "want", "seek", "prepare", "threaten", "undertake", "schedule", "arrange", "offer", "urge",
    "ask", "invite", "call", "order", "have", "need", "ready", "willing", "poised",
}  # fmt: skip
"""Verbs (and adjectives) whose infinitive looks forward from when they were said: "agreed to
meet", "urged voters to approve it", "has to be approved", "ready to return to talks"."""


@dataclass(frozen=True)
class DatedMention:
    """A time expression and the sentence it was found in."""

    expression: TimeExpression
    sentence_id: str
    paragraph: int


@dataclass(frozen=True)
class Extraction:
    """What the extractor found in one article, before it becomes a draft facts file."""

    article: Article
    entities: tuple[EntityDraft, ...]
    dates: tuple[DatedMention, ...]
    quotes: tuple[QuoteDraft, ...]
    tags: tuple[str, ...]
    artifacts: tuple[Artifact, ...]


def extract(article: Article) -> Extraction:
    """Find the entities, roles, time expressions and quotes of ``article``."""
    gazetteer = load_gazetteer()
    analysed = analyse(article, load_pipeline())
    table = find_entities(analysed, gazetteer)
    quotes = find_quotes(analysed, table, gazetteer)
    return Extraction(
        article,
        tuple(table.drafts.values()),
        tuple(find_dates(analysed)),
        tuple(quotes),
        article.tags,
        article.artifacts,
    )


def find_dates(analysed: AnalysedArticle) -> list[DatedMention]:
    """Every time expression of the article, resolved against its publication date."""
    published = analysed.article.published
    if published is None:
        return []
    found: list[DatedMention] = []
    anchor: date | None = None  # the last day the text gave, for "The night before, …"
    period: TimeExpression | None = None  # the last day, month or year, for "that year"
    for paragraph in analysed.paragraphs:
        dateline = find_dateline(paragraph.doc.text)
        dateline_end = dateline.end if dateline is not None else 0
        for sentence_id in paragraph.sentence_ids:
            text = paragraph.sentence_text(sentence_id)
            offset = paragraph.starts[paragraph.sentence_ids.index(sentence_id)]
            context = Context(
                published.date(),
                _is_future(text),
                anchor,
                _tense_reader(paragraph, offset),
                period=period,
            )
            expressions = find_time_expressions(text, context)
            if offset < dateline_end:  # the day the story was filed, never ahead of it
                past = find_time_expressions(text, Context(published.date(), False))
                expressions = [e for e in past if e.start < dateline_end - offset] + [
                    e for e in expressions if e.start >= dateline_end - offset
                ]
            expressions += _long_tail(paragraph, offset, text, expressions, published.date())
            expressions.sort(key=lambda expression: expression.start)
            anchor = next(
                (e.first for e in reversed(expressions) if e.granularity == "day"), anchor
            )
            period = next(
                (e for e in reversed(expressions) if e.granularity in {"day", "month", "year"}),
                period,
            )
            found.extend(
                DatedMention(expression, sentence_id, paragraph.number)
                for expression in expressions
            )
    return found


def _long_tail(
    paragraph: ParagraphDoc, offset: int, text: str, known: list[TimeExpression], published: date
) -> list[TimeExpression]:
    """DATE entities of the sentence that no rule matched, resolved by dateparser."""
    taken = [(e.start, e.start + len(e.text)) for e in known]
    found = []
    for entity in paragraph.doc.ents:
        start = entity.start_char - offset
        if entity.label_ != "DATE" or start < 0 or start >= len(text):
            continue
        if any(start < end and begin < start + len(entity.text) for begin, end in taken):
            continue
        expression = resolve_entity(entity, offset, published)
        if expression is not None:
            found.append(expression)
    return found


def _tense_reader(paragraph: ParagraphDoc, offset: int) -> Callable[[int], str | None]:
    """Read the tense of the clause around a character of the sentence from the parse."""

    heading = paragraph.doc.text.rstrip()[-1:] not in {".", "!", "?", "\u201d", '"', ")"}

    def tense_at(char: int) -> str | None:
        span = paragraph.doc.char_span(offset + char, offset + char + 1, alignment_mode="expand")
        return clause_tense(span.root, timetable=not heading) if span is not None else None

    return tense_at


def clause_tense(token: Token, *, timetable: bool = True) -> str | None:
    """ "future" ("will meet on Monday", "due to expire on Thursday", "results are due on
    Saturday", "takes office on Dec. 1"), "past" ("met on Monday", "had met", "a plan announced
    on Thursday"), or None when the clause does not tell: the governing verbs, read up the parse
    as far as a noun. With ``timetable``, a simple present with a date looks forward (not in a
    heading, whose present is the news's past)."""
    preposition = token.head if token.dep_ == "pobj" else token
    scheduler = preposition.head
    had = any(c.lower_ == "had" for c in scheduler.children)  # "had been set for Thursday"
    if preposition.lower_ == "for" and scheduler.pos_ in {"NOUN", "VERB"} and not had:
        return "future"  # "called a summit for Tuesday", "elections set for May"
    verb, steps, direct, of_a_noun = token, 0, timetable, False
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i and steps < 6:
        verb, steps = verb.head, steps + 1
        noun = verb.pos_ in {"NOUN", "PROPN", "PRON"}
        of_a_noun = of_a_noun or (noun and lemma(verb) not in _EVENTS)
        direct = direct and not noun
        if verb.pos_ == "ADJ" and lemma(verb) in _FUTURE_HEADS:
            return "future"
    present = False
    for _ in range(3):
        auxiliaries = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        if any(word in _FUTURE_AUX for word in auxiliaries):
            return "future"
        if _MODALS.intersection(auxiliaries) and "have" not in auxiliaries:
            return "future"  # "said the bridge would reopen in June", "must be paid by Friday"
        infinitive = "to" in auxiliaries and verb.tag_ in {"VB", "VBN"}
        if infinitive and verb.head.lower_ in {"is", "are"}:
            return "future"  # "Fhimah is to fly home on Thursday"
        if infinitive and lemma(verb.head) in _INTENT_HEADS and not of_a_noun:
            # "agreed to meet again on Friday", "has to be approved on Sunday"; not "asked it to
            # declare him the winner on the strength of his lead on October 31"
            return "future"
        if verb.tag_ == "VBD" or any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children
        ):
            # "said he takes office on Dec. 1", "invited him to the summit in November": not past
            return None if present or of_a_noun else "past"
        if lemma(verb) in _FUTURE_HEADS:
            return "future"
        if verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"}:
            return "past"  # "a plan announced on Thursday": a past event
        if direct and _scheduled(verb):
            return "future"
        present = present or verb.tag_ in {"VBZ", "VBP"}
        if verb.head.i == verb.i or verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            break
        verb, direct = verb.head, False
    return None


def _scheduled(verb: Token) -> bool:
    """ "takes office on Dec. 1", "before markets open on Monday": the simple present with a
    date attached to it speaks of a timetable."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return verb.tag_ in {"VBZ", "VBP"} and not auxiliaries and lemma(verb) not in _NOT_SCHEDULES


def _is_future(text: str) -> bool:
    """Whether the sentence speaks of what is still to come ("will meet", "are supposed to")."""
    return bool(_FUTURE.search(text.replace("\u2019", "'")))
