"""Does what a claim cites say it? The support check, and each claim's own citations.

Every claim of a facts file (an entity's name, each alias, its role, affiliation and side; an
event's date, place and each participant; a quote's speaker; every free statement) is checked
against the sentences it cites: those named for the claim under ``cite:``, or else the item's
``sources``, of which a page then shows only the ones that support the claim. The rules are
about language, never about one story:

- a **name** is supported where a cited sentence contains it, word for word;
- a **role** where a cited sentence names the entity (or refers to it by a pronoun after naming
  it just before) and holds every content word of the role;
- an entity **mentioned** (a place, a participant, an affiliation, a speaker) where a cited
  sentence names it by its name, an alias, a surname or a demonym;
- a **date** where a cited sentence holds a time expression that resolves, against the
  article's publication date, to that date at that precision or better;
- a **statement** where every number, date word, capitalised name and quoted phrase in it
  occurs in a cited sentence or is resolved from one (a date) or names an entity that a cited
  sentence names.

An outside source (a URL) supports a name, a role, a date or a mention, and a statement it is
cited for by name (a point's own sources, or ``cite:``): the editor vouches for what it says. An
item's description or summary must be supported by the item's sentences.

This module holds the check and its rules for names, dates and stages; the entity-reference
rules (mentions, pronouns, roles) are in :mod:`generator.checks.entityrefs`, the statement rules in
:mod:`generator.checks.statementrules`, and the messages in :mod:`generator.checks.supportmessages`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.checks.claimdates import date_supported, durations
from generator.checks.claims import Cited, Claim, ClaimKey, Source, claims
from generator.checks.positions import Loc
from generator.checks.refchecks import resolve_sentence
from generator.checks.supportmessages import SupportMessages
from generator.checks.words import contains, without_initials
from generator.facts.fieldtypes import ExternalSource, When
from generator.facts.schema import Facts
from generator.reading.article import Article

_STAGES = {
    stage: re.compile(pattern, re.IGNORECASE)
    for stage, pattern in {
        "scheduled": r"\b(?:will|would|due to|scheduled|planned|set to|expected to|supposed to"
        r"|to be held)\b",
        "under way": r"\b(?:under\s?way|ongoing|continu\w*|in progress|taking place|began|begun"
        r"|opened|started)\b",
        "ended": r"\b(?:ended|ends|concluded|closed|wrapped up|finished|came to an end|broke up"
        r"|adjourned|was over|were over)\b",
        "postponed": r"\b(?:postponed|delayed|put off|pushed back|rescheduled)\b",
        "cancelled": r"\b(?:cancell?ed|called off|scrapped|abandoned)\b",
    }.items()
}
"""The words that say where an event stands."""


@dataclass
class SupportReport:
    """What the check found: each claim's supporting sources, and what no source supports."""

    sources: dict[ClaimKey, tuple[Source, ...]] = field(default_factory=dict)
    unsupported: list[tuple[Loc, str]] = field(default_factory=list)


def check_support(facts: Facts, articles: Sequence[Article]) -> SupportReport:
    """Check every claim of ``facts`` against what it cites."""
    checker = _Support(facts, {article.id: article for article in articles})
    report = SupportReport()
    for claim in claims(facts):
        supporting, problem = checker.check(claim)
        report.sources[claim.key] = supporting or claim.sources
        if problem:
            report.unsupported.append((claim.loc, problem))
    return report


# ── The rules ───────────────────────────────────────────────────────────────────────────────


class _Support(SupportMessages):
    """The support check of one facts file against its articles."""

    def check(self, claim: Claim) -> tuple[tuple[Source, ...], str | None]:
        """The sources that support ``claim`` (outside ones only if no sentence does), and a
        message saying what is missing when none does."""
        cited = [c for c in (self._cited(s) for s in claim.sources if isinstance(s, str)) if c]
        outside = tuple(s for s in claim.sources if isinstance(s, ExternalSource))
        if claim.kind == "statement" and cited and self._supports(claim, cited):
            return self._statement_citations(claim.value, cited), None
        if claim.kind == "date" and cited and self._supports(claim, cited):
            return self._date_citations(claim, cited), None
        supporting = [c.reference for c in cited if self._supports(claim, [c])]
        if supporting:
            # One sentence that says it is the citation a reader needs.
            return (supporting[0],), None
        if outside and claim.kind == "statement" and claim.explicit:
            # The editor vouches for what the outside source adds to the sentences.
            return (*self._statement_citations(claim.value, cited), *outside), None
        if outside and (claim.kind != "statement" or claim.explicit):
            return outside, None
        return (), self._problem(claim, cited)

    def _date_citations(self, claim: Claim, cited: list[Cited]) -> tuple[str, ...]:
        """The sentences that hold the date's own words (``expression``) if they date it;
        else the first cited sentence that dates the claim alone, or the first for each end."""
        assert claim.when is not None
        parts = [
            part.strip(" .,").casefold()
            for part in re.split(r"…|\.\.\.", claim.when.expression or "")
            if part.strip(" .,")
        ]
        firsts = {
            next((c.reference for c in cited if part in c.sentence.text.casefold()), "")
            for part in parts
        }
        holding = [c for c in cited if c.reference in firsts]
        if holding and self._supports(claim, holding):
            return tuple(c.reference for c in holding)
        alone = [c for c in cited if self._supports(claim, [c])]
        if alone:
            return (alone[0].reference,)
        ends = [When(date=claim.when.start), When(date=claim.when.end)]
        chosen = {
            next(c.reference for c in cited if date_supported(end, [c]))
            for end in ends
            if any(date_supported(end, [c]) for c in cited)
        }
        if len(chosen) < 2:  # the end is given as a length ("to last four days")
            chosen |= {next((c.reference for c in cited if durations(c)), "")} - {""}
        return tuple(c.reference for c in cited if c.reference in chosen)

    def _cited(self, reference: str) -> Cited | None:
        article, sentence, _ = resolve_sentence(reference, self.articles)
        if article is None or sentence is None:
            return None
        return Cited(reference, article, sentence, self._positions[article.id][sentence.id])

    def _supports(self, claim: Claim, cited: list[Cited]) -> bool:
        if claim.kind == "name":
            return any(self._names(c, claim) for c in cited)
        if claim.kind == "mention":
            return any(self._refers_to(c, claim.value) for c in cited)
        if claim.kind == "speaker":
            return any(self._refers_to(c, claim.value) for c in cited)
        if claim.kind == "role":
            assert claim.subject is not None
            return any(self._states_role(c, claim.subject, claim.value) for c in cited)
        if claim.kind == "date":
            assert claim.when is not None
            return date_supported(claim.when, cited)
        if claim.kind == "stage":
            return any(_STAGES[claim.value].search(c.sentence.text) for c in cited)
        return not self._missing_words(claim.value, cited)

    # names

    def _names(self, cited: Cited, claim: Claim) -> bool:
        """The name as written, or without its initials ("George Shultz"); a group's or an
        organisation's descriptive name ("Russian peacekeepers") may instead be made of words
        of the sentence and of the entities it names."""
        text = cited.sentence.text
        if contains(text, claim.value) or contains(text, without_initials(claim.value)):
            return True
        entity = self.entities.get(claim.key[1]) if claim.key[0] == "entity" else None
        if entity is None or entity.type not in ("group", "organisation"):
            return False
        return not self._missing_words(claim.value, [cited], every_word=True, own=entity.id)
