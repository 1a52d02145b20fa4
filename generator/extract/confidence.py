"""How far to trust a drafted entity: the draft and the gazetteer in, a confidence out.

A confidence is the share of drafts of that kind that were right on the development set
(``tests/extract_corpus/dev/``, 14 articles, measured with ``benchmarks/extract_quality.py
--no-test``), rounded down to 0.05; the tuned articles' share is given beside it.

| Rule that made the draft                                   | dev right   | tuned | confidence |
|------------------------------------------------------------|-------------|-------|-----------|
| organisation or place the gazetteer knows                  | 45/47 0.96  | 1.00  | 0.95      |
| person with a title, apposition or coordinated role        | 67/72 0.93  | 1.00  | 0.90      |
| dateline place or agency                                   | 6/6         | —     | 0.90      |
| country the gazetteer knows                                | 40/45 0.89  | 0.93  | 0.85      |
| place from its words or its use, or the model's label      | 38/44 0.86  | 1.00  | 0.85      |
| person introduced by full name, no role                    | 32/40 0.80  | —     | 0.80      |
| organisation from its words or use, or the model's label   | 53/66 0.80  | 0.75  | 0.75      |
| unnamed source ("a senior official")                       | 3/3         | 1.00  | 0.70      |
| a single unknown word the model calls a person             | 1/5 0.20    | 0.00  | 0.20      |

Quotes take theirs in :mod:`generator.extract.quotes` (same method, same table in its docstring).
"""

from __future__ import annotations

from generator.extract.entitydraft import EntityDraft
from generator.extract.gazetteer import Gazetteer

KNOWN_BODY = 0.95
PERSON_WITH_ROLE = 0.9
DATELINE = 0.9
KNOWN_COUNTRY = 0.85
UNKNOWN_PLACE = 0.85
PERSON_WITHOUT_ROLE = 0.8
UNKNOWN_ORGANISATION = 0.75
ANONYMOUS = 0.7
UNKNOWN_WORD_AS_PERSON = 0.2
GUESSED = 0.6
"""What the rules that guess from the model's label or a name's words give a draft at first."""


def calibrated(draft: EntityDraft, gazetteer: Gazetteer) -> float:
    """The confidence the draft's rule earned on the development set (see the table above)."""
    if draft.anonymous:
        return ANONYMOUS
    if draft.type == "person":
        return _person(draft)
    if draft.confidence == DATELINE and gazetteer.lookup(draft.name) is None:
        return DATELINE
    known = gazetteer.lookup(draft.name)
    if known is not None and draft.confidence != GUESSED:
        return KNOWN_COUNTRY if draft.type == "country" else KNOWN_BODY
    return UNKNOWN_ORGANISATION if draft.type == "organisation" else UNKNOWN_PLACE


def _person(draft: EntityDraft) -> float:
    if draft.role is not None:
        return PERSON_WITH_ROLE
    if draft.confidence == GUESSED:
        return UNKNOWN_WORD_AS_PERSON
    return PERSON_WITHOUT_ROLE


SPEAKER_BY_RULE = {
    "named": 0.85,
    "pronoun": 0.85,
    "description": 0.8,
    "statement": 0.8,
    "lead-in": 0.8,
    "according-to": 0.8,
    "words-of": 0.7,
    "clause": 0.7,
    "continuation": 0.8,
}


def speaker_confidence(rule: str) -> float:
    """The confidence a quote's speaker earned by the rule that found it."""
    return SPEAKER_BY_RULE.get(rule, 0.0)
