"""Fit the confidence table from labelled outcomes, and check it on articles it was not fitted on.

An outcome is a rule's name and whether the item it made was right. A rule's confidence is the
share right that its counts support with 90% certainty: its share, shrunk toward the share of its
kind ("entity", "speaker": the name's first part) by :data:`PRIOR_WEIGHT` imagined items, taken at
the lower end of its Wilson interval, rounded down to 0.05 and capped at :data:`CEILING`. So a
confidence is a floor ("at least this share right"), a rule seen right three times out of three
gets 0.8, not 1.0, and a draft at 0.8 or more can be trusted without review.
:func:`cross_validated` gives each article the confidences a table fitted without that article
would give it: the honest reliability of the method.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

PRIOR_WEIGHT = 4.0
"""How many items of its kind's share a rule starts with (and a kind, of the share of all)."""
STEP = 0.05
Z = 1.2816
"""The normal quantile of a one-sided 90% bound."""
CEILING = 0.95
"""No rule is certain: a rule right on every development item gets this."""


def kind_of(rule: str) -> str:
    """ "entity" for "entity:known-body:multi"."""
    return rule.split(":", 1)[0]


def fit(outcomes: Iterable[tuple[str, bool]]) -> dict[str, float]:
    """The confidence of every rule seen in ``outcomes``, and of every kind (for unseen rules)."""
    rules: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rule, was_right in outcomes:
        for counts in (rules[rule], kinds[kind_of(rule)]):
            counts[0] += was_right
            counts[1] += 1
    total_right = sum(right for right, _ in kinds.values())
    everything = total_right / max(sum(total for _, total in kinds.values()), 1)
    prior = {
        kind: (right + PRIOR_WEIGHT * everything) / (total + PRIOR_WEIGHT)
        for kind, (right, total) in kinds.items()
    }
    table = {
        kind: _round_down(_lower_bound(prior[kind], total + PRIOR_WEIGHT))
        for kind, (_, total) in kinds.items()
    }
    for rule, (right, total) in rules.items():
        share = (right + PRIOR_WEIGHT * prior[kind_of(rule)]) / (total + PRIOR_WEIGHT)
        table[rule] = _round_down(_lower_bound(share, total + PRIOR_WEIGHT))
    return table


def confidence(table: dict[str, float], rule: str) -> float:
    """The rule's confidence in ``table``. For a rule the table has not seen, the lowest of its
    siblings' ("entity:unknown-word-as-person:multi" takes its ":single" row), else its kind's."""
    if rule in table:
        return table[rule]
    family = rule.rsplit(":", 1)[0] + ":"
    siblings = [value for key, value in table.items() if key.startswith(family)]
    if siblings and rule.count(":") >= 2:
        return min(siblings)
    return table.get(kind_of(rule), 0.0)


def cross_validated(articles: Sequence[Sequence[tuple[str, bool]]]) -> list[tuple[float, bool]]:
    """(confidence, right) of every item, each article's from a table fitted on the others."""
    found = []
    for index, article in enumerate(articles):
        others = [outcome for k, other in enumerate(articles) if k != index for outcome in other]
        table = fit(others)
        found += [(confidence(table, rule), right) for rule, right in article]
    return found


def _lower_bound(share: float, items: float) -> float:
    """The share right that ``items`` observations at ``share`` support with 90% certainty
    (the lower end of the Wilson score interval)."""
    z2 = Z * Z
    centre = share + z2 / (2 * items)
    spread = Z * math.sqrt(share * (1 - share) / items + z2 / (4 * items * items))
    return (centre - spread) / (1 + z2 / items)


def _round_down(share: float) -> float:
    return min(round(math.floor(share / STEP + 1e-9) * STEP, 2), CEILING)
