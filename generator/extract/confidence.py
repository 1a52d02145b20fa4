"""How far to trust a drafted entity or a quote's speaker: the rule that made it in, a confidence
out.

Each item is named by the rule that made it (an entity's also by whether the article names it in
one sentence or more), and its confidence is the share right that rule's counts on the development
set (``tests/extract_corpus/dev/``) support with 90% certainty, fitted as
:mod:`generator.extract.calibration` describes: a floor, not a guess. A rule missing from the table
takes its kind's row ("entity", "speaker"). Refit with ``benchmarks/extract_quality.py --no-test
--calibrate``, which prints this table and the reliability of the method with each article's
confidences fitted without that article (on the 145 dev articles, items at 0.8 or more were right
97% of the time, items between 0.5 and 0.8 74%). The one speaker rule no dev quote uses
("quoted-as-saying") keeps 0.70, what the method gives a rule of its kind with no items.

| Rule (entity: named in one sentence or more) | dev right | confidence |
|----------------------------------------------|-----------|------------|
| entity:dateline:single                       |     60/60 |       0.95 |
| entity:known-country:multi                   |   217/222 |       0.95 |
| entity:person-with-role:multi                |   292/297 |       0.95 |
| entity:person-with-role:single               |   539/548 |       0.95 |
| speaker                                      |         — |       0.95 |
| speaker:continuation                         |     68/69 |       0.95 |
| speaker:named                                |   410/419 |       0.95 |
| speaker:pronoun                              |   222/224 |       0.95 |
| entity:anonymous:single                      |   196/207 |       0.90 |
| entity:known-body:multi                      |   162/169 |       0.90 |
| entity:known-body:single                     |   269/282 |       0.90 |
| entity:known-country:single                  |   215/229 |       0.90 |
| speaker:next-paragraph                       |     28/29 |       0.90 |
| speaker:title                                |     20/20 |       0.90 |
| entity                                       |         — |       0.85 |
| entity:dateline:multi                        |     18/18 |       0.85 |
| speaker:clause                               |       8/8 |       0.85 |
| speaker:description                          |     33/35 |       0.85 |
| speaker:lead-in                              |     12/12 |       0.85 |
| speaker:reported-before                      |       8/8 |       0.85 |
| speaker:adjacent                             |       5/5 |       0.80 |
| entity:person-without-role:single            |    88/105 |       0.75 |
| speaker:it                                   |       3/3 |       0.75 |
| entity:anonymous:multi                       |       3/3 |       0.70 |
| entity:person-without-role:multi             |     36/44 |       0.70 |
| entity:unknown-organisation:multi            |    83/109 |       0.70 |
| entity:unknown-place:multi                   |     58/74 |       0.70 |
| entity:unknown-place:single                  |   261/337 |       0.70 |
| speaker:colon                                |       1/1 |       0.70 |
| speaker:quoted-as-saying                     |         — |       0.70 |
| speaker:statement                            |       5/6 |       0.70 |
| speaker:words-of                             |       1/1 |       0.70 |
| speaker:last-speaker                         |       4/5 |       0.65 |
| entity:unknown-organisation:single           |   292/436 |       0.60 |
| entity:unknown-word-as-person:single         |     11/17 |       0.55 |
| speaker:according-to                         |       1/2 |       0.55 |
| entity:unknown-word-as-person:multi          |       0/1 |       0.40 |
"""

from __future__ import annotations

from generator.extract.calibration import confidence
from generator.extract.entitydraft import EntityDraft
from generator.extract.gazetteer import Gazetteer

DATELINE = 0.9
GUESSED = 0.6
"""What the rules that guess from the model's label or a name's words give a draft at first."""

CONFIDENCE: dict[str, float] = {
    "entity:dateline:single": 0.95,
    "entity:known-country:multi": 0.95,
    "entity:person-with-role:multi": 0.95,
    "entity:person-with-role:single": 0.95,
    "speaker": 0.95,
    "speaker:continuation": 0.95,
    "speaker:named": 0.95,
    "speaker:pronoun": 0.95,
    "entity:anonymous:single": 0.90,
    "entity:known-body:multi": 0.90,
    "entity:known-body:single": 0.90,
    "entity:known-country:single": 0.90,
    "speaker:next-paragraph": 0.90,
    "speaker:title": 0.90,
    "entity": 0.85,
    "entity:dateline:multi": 0.85,
    "speaker:clause": 0.85,
    "speaker:description": 0.85,
    "speaker:lead-in": 0.85,
    "speaker:reported-before": 0.85,
    "speaker:adjacent": 0.80,
    "entity:person-without-role:single": 0.75,
    "speaker:it": 0.75,
    "entity:anonymous:multi": 0.70,
    "entity:person-without-role:multi": 0.70,
    "entity:unknown-organisation:multi": 0.70,
    "entity:unknown-place:multi": 0.70,
    "entity:unknown-place:single": 0.70,
    "speaker:colon": 0.70,
    "speaker:quoted-as-saying": 0.70,
    "speaker:statement": 0.70,
    "speaker:words-of": 0.70,
    "speaker:last-speaker": 0.65,
    "entity:unknown-organisation:single": 0.60,
    "entity:unknown-word-as-person:single": 0.55,
    "speaker:according-to": 0.55,
    "entity:unknown-word-as-person:multi": 0.40,
}
"""Confidence by rule, as fitted on the development set (see the table above)."""


def entity_rule(draft: EntityDraft, gazetteer: Gazetteer) -> str:
    """The rule that made the draft, and whether the article names it in more than one sentence."""
    mentions = "multi" if len(draft.sentences) > 1 else "single"
    return f"entity:{_entity_kind(draft, gazetteer)}:{mentions}"


def _entity_kind(draft: EntityDraft, gazetteer: Gazetteer) -> str:
    if draft.anonymous:
        return "anonymous"
    if draft.type == "person":
        if draft.role is not None:
            return "person-with-role"
        return "unknown-word-as-person" if draft.confidence == GUESSED else "person-without-role"
    known = gazetteer.lookup(draft.name)
    if draft.confidence == DATELINE and known is None:
        return "dateline"
    if known is not None and draft.confidence != GUESSED:
        return "known-country" if draft.type == "country" else "known-body"
    return "unknown-organisation" if draft.type == "organisation" else "unknown-place"


def entity_confidence(rule: str) -> float:
    """The confidence an entity draft earned by the rule that made it."""
    return confidence(CONFIDENCE, rule)


def speaker_rule(rule: str) -> str:
    """The calibration name of an attribution rule (:mod:`generator.extract.attribution`)."""
    return f"speaker:{rule}"


def speaker_confidence(rule: str) -> float:
    """The confidence a quote's speaker earned by the rule that found it."""
    return confidence(CONFIDENCE, speaker_rule(rule)) if rule != "none" else 0.0
