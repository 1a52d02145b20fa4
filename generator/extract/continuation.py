"""A quote that goes on after its attribution ("“…,” X said. “…”") keeps that speaker, when
little lies between the two or what lies between is the first quote's tag alone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.antecedents import SPEAKER_TYPES, Reading
from generator.extract.document import ParagraphDoc
from generator.extract.nlp import lemma
from generator.extract.phrases import NOBODY, Attribution

if TYPE_CHECKING:
    from spacy.tokens import Token

_CONTINUATION_WORDS = 8
"""The most words between two quotes for the second to go on with the first's speaker."""
_TAG_WORDS = 25
"""The most words of a first quote's tag that names no one else, for the second to go on."""
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?]")
"""A full stop that ends a sentence, not an initial ("Ratan N. Tata")."""


@dataclass(frozen=True)
class Previous:
    """The quote before, in the same paragraph: where it ended and who said it."""

    end: int
    attribution: Attribution


def continuation(
    paragraph: ParagraphDoc, start: int, previous: Previous | None, reading: Reading
) -> Attribution:
    """ "“…,” López Obrador said. “…”": the quote goes on after its attribution, which may be
    long ("said X, a doctor and former senator, as he helped the injured") if it names no one
    else and ends in one sentence."""
    if previous is None or previous.attribution.speaker is None:
        return NOBODY
    between = paragraph.doc.text[previous.end : start]
    if len(re.findall(r"\w+", between)) > _CONTINUATION_WORDS and not _only_the_tag(
        paragraph, previous, start, reading
    ):
        return NOBODY
    return Attribution(previous.attribution.speaker, previous.attribution.via, "continuation")


def _only_the_tag(
    paragraph: ParagraphDoc, previous: Previous, start: int, reading: Reading
) -> bool:
    between = paragraph.doc.text[previous.end : start]
    if len(re.findall(r"\w+", between)) > _TAG_WORDS or len(_SENTENCE_END.findall(between)) > 1:
        return False
    speaker = previous.attribution.speaker
    tokens = [t for t in paragraph.doc if previous.end <= t.idx < start]
    named = [(t, reading.table.entity_at(paragraph.number, t.i)) for t in tokens]
    office = speaker.role.text if speaker is not None and speaker.role is not None else ""
    return all(
        e is None
        or e is speaker
        or e.type not in SPEAKER_TYPES
        or e.name in office  # "said Ratan Tata, Chairman of Tata Sons.": the title's body
        or _where(t)  # "an economist at a bank in Singapore", "at the foot of the Kasbah"
        or _listener(t, reading)  # "told the Bild am Sonntag newspaper"
        for t, e in named
    )


def _listener(token: Token, reading: Reading) -> bool:
    """Whether a name is who the speaker told, not another speaker."""
    token = _phrase_head(token, {"compound", "flat", "poss", "det"})
    verb = token.head
    told = token.dep_ in {"dobj", "dative"} and lemma(verb) in reading.gazetteer.reporting_verbs
    return told and verb.lower_ != "quoted"


_PLACING = {"in", "at", "from", "near", "outside", "inside", "of", "across"}


def _where(token: Token) -> bool:
    """Whether a name is the object of a preposition that places someone ("from Prenzlauer
    Berg"): whatever the model took it for, where the speaker is, not another speaker."""
    token = _phrase_head(token, {"compound", "flat", "det"})
    return token.dep_ == "pobj" and token.head.lower_ in _PLACING


def _phrase_head(token: Token, parts: set[str]) -> Token:
    """The head of the name a token is a word of ("Financial" → "Times")."""
    while token.dep_ in parts and token.head.i != token.i:
        token = token.head
    return token
