"""The statement rules of the support check: which words of a statement its cited sentences
say, and which of those sentences a page cites for it.

A statement (or a descriptive name) and its cited sentences go in; out come the numbers, dates,
names and quoted phrases that no cited sentence holds, resolves to or names, and the fewest
cited sentences that say the statement's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.checks.claimdates import resolved_dates
from generator.checks.claims import Cited
from generator.checks.entityrefs import EntityReferences
from generator.checks.quotetext import normalise_quote
from generator.checks.words import (
    Vocabulary,
    checked_words,
    content_words,
    forms,
    number_in,
    tokens,
)
from generator.extract.timevalues import MONTHS, WEEKDAYS
from generator.facts.schema import Facts
from generator.reading.article import Article


class StatementRules(EntityReferences):
    """The words of statements checked against the words of cited sentences and their dates."""

    def __init__(self, facts: Facts, articles: Mapping[str, Article]) -> None:
        super().__init__(facts, articles)
        self._date_words: dict[tuple[str, str], frozenset[str]] = {}
        self._all_entity_words: frozenset[str] | None = None
        self._vocabularies: dict[tuple[str, str], Vocabulary] = {}

    def _statement_citations(self, statement: str, cited: list[Cited]) -> tuple[str, ...]:
        """The fewest cited sentences that say the statement's words: each chosen in turn for
        the most words of the statement it adds, while it adds a checked word (a name, a
        number, a date) or at least two others."""
        wanted = {word.lower() for word in content_words(statement)}
        checked = {word.lower() for word in checked_words(statement, self._entity_words())}
        chosen: list[Cited] = []
        remaining = list(cited)
        while remaining and wanted:
            gains = [(self._covered(c, wanted), c) for c in remaining]
            gain, best = max(gains, key=lambda pair: len(pair[0]))
            if not (gain & checked or len(gain) >= 2):
                break
            chosen.append(best)
            remaining.remove(best)
            wanted -= gain
        chosen = chosen or cited[:1]
        return tuple(c.reference for c in cited if c in chosen)

    def _covered(self, cited: Cited, wanted: set[str]) -> set[str]:
        words = self._vocabulary(cited)
        return {word for word in wanted if word in words or number_in(word, words.exact)}

    def _vocabulary(self, cited: Cited) -> Vocabulary:
        """The words of a cited sentence and of the dates it resolves to."""
        key = (cited.article.id, cited.sentence.id)
        if key not in self._vocabularies:
            words = [*tokens(cited.sentence.text), *self._dates_in(cited)]
            self._vocabularies[key] = Vocabulary(words)
        return self._vocabularies[key]

    def _missing_words(
        self, statement: str, cited: list[Cited], every_word: bool = False, own: str = ""
    ) -> list[str]:
        """The numbers, dates, names and quoted phrases of ``statement`` that no cited
        sentence holds, resolves to or names (every word of it, with ``every_word``; the names
        of entity ``own`` do not count, when it is one of its own names being checked)."""
        texts = [c.sentence.text for c in cited]
        words = Vocabulary(word for c in cited for word in self._vocabulary(c))
        referred = {entity_id for c in cited for entity_id in self.referred(c)} - {own}
        named = Vocabulary(
            word
            for entity in self.entities.values()
            if entity.id in referred
            for word in self._words_of(entity)
        )
        missing = []
        checked = (
            content_words(statement)
            if every_word
            else checked_words(statement, self._entity_words())
        )
        for word in checked:
            if not (word in words or word in named or number_in(word, words.exact)):
                missing.append(word)
        joined = normalise_quote(" ".join(texts)).lower()
        for phrase in re.findall(r'"([^"]+)"', normalise_quote(statement)):
            if phrase.strip(" ,.").lower() not in joined:
                missing.append(f'"{phrase}"')
        return list(dict.fromkeys(missing))

    def _entity_words(self) -> frozenset[str]:
        if self._all_entity_words is None:
            self._all_entity_words = frozenset(
                word.lower()
                for entity in self.entities.values()
                for form in forms(entity)
                for word in tokens(form)
            )
        return self._all_entity_words

    def _dates_in(self, cited: Cited) -> frozenset[str]:
        """The words of every date a time expression of the sentence resolves to."""
        key = (cited.article.id, cited.sentence.id)
        if key not in self._date_words:
            self._date_words[key] = frozenset(
                word
                for first, last, _ in resolved_dates(cited)
                for day in (first, last)
                for word in (str(day.day), MONTHS[day.month - 1], str(day.year),
                             WEEKDAYS[day.weekday()], f"{day.year // 10 * 10}s")
            )  # fmt: skip
        return self._date_words[key]
