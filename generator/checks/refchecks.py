"""Cross-reference checks: that what an item refers to exists, and that its dates are real.

A sentence reference (``p3s2`` or ``article-id#p3s2``) is looked up in the story's articles
(:func:`resolve_sentence`), an id in the items defined, and a date is parsed; each problem is
reported at its place in the facts file. The checks of each kind of item
(:mod:`generator.checks.validate`) are built on these.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from generator.checks.positions import Loc, Reporter
from generator.facts.fieldtypes import ExternalSource, When
from generator.reading.dates import parse_moment
from generator.reading.frontmatter import did_you_mean

if TYPE_CHECKING:
    from generator.reading.article import Article, Sentence
    from generator.reading.storyfiles import StoryFiles


def resolve_sentence(
    reference: str, articles: dict[str, Article]
) -> tuple[Article | None, Sentence | None, str | None]:
    """Look a sentence reference up: (article, sentence, problem)."""
    article_id, _, sentence_id = reference.rpartition("#")
    if not article_id:
        if len(articles) != 1:
            return None, None, "ambiguous-sentence"
        article_id = next(iter(articles))
    article = articles.get(article_id)
    if article is None:
        return None, None, "unknown-article"
    sentence = article.sentence(sentence_id)
    return article, sentence, None if sentence else "unknown-sentence"


class ReferenceChecks(Reporter):
    """The checks every kind of item uses: ids, sources and dates."""

    def __init__(self, story: StoryFiles) -> None:
        super().__init__(story)
        self.articles = {article.id: article for article in story.articles}
        self.entities = {entity.id: entity for entity in self.facts.entities}
        self.events = {event.id: event for event in self.facts.events}

    def _check_ref(
        self, loc: Loc, value: str | None, known: Mapping[str, object], kind: str
    ) -> None:
        if value is not None and value not in known:
            self.report(
                loc,
                f"unknown-{kind}",
                f"no {kind} has the id '{value}'{did_you_mean(value, known)}; "
                f"define it under '{'entities' if kind == 'entity' else 'events'}' or fix the id",
            )

    def _check_sources(
        self, loc: Loc, sources: list[str | ExternalSource], field: str = "sources"
    ) -> Iterator[Sentence]:
        found: list[Sentence] = []
        for index, source in enumerate(sources):
            source_loc = (*loc, field, index)
            if isinstance(source, ExternalSource):
                self._check_external(source_loc, source)
                continue
            article, sentence, problem = resolve_sentence(source, self.articles)
            if sentence is not None:
                found.append(sentence)
            elif article is not None and not article.paragraphs:
                # The article itself is reported as empty; one error per citation is noise.
                continue
            elif problem:
                self.report(source_loc, problem, self._sentence_problem(source, problem))
        return iter(found)

    def _sentence_problem(self, reference: str, problem: str) -> str:
        article_id, _, sentence_id = reference.rpartition("#")
        if problem == "ambiguous-sentence":
            return (
                f"'{reference}' does not say which article; the story has several, "
                f"write 'article-id#{sentence_id}' ({', '.join(self.articles)})"
            )
        if problem == "unknown-article":
            return f"no article has the id '{article_id}'{did_you_mean(article_id, self.articles)}"
        article = self.articles[article_id or next(iter(self.articles))]
        last = article.sentences[-1].id if article.sentences else "none"
        return (
            f"sentence '{sentence_id}' does not exist in article '{article.id}' "
            f"({len(article.paragraphs)} paragraphs, last sentence {last})"
        )

    def _check_external(self, loc: Loc, source: ExternalSource) -> None:
        if source.date is not None:
            try:
                parse_moment(source.date)
            except ValueError as error:
                self.report((*loc, "date"), "invalid-date", str(error))

    def _check_when(self, loc: Loc, when: When) -> None:
        if (when.date is None) == (when.start is None):
            self.report(
                loc, "invalid-date", "give either 'date', or 'start' with 'end'", value=False
            )
            return
        if when.date is not None and when.end is not None:
            self.report((*loc, "end"), "invalid-date", "'end' needs 'start', not 'date'")
        moments = {}
        for field in ("date", "start", "end"):
            text = getattr(when, field)
            if text is None:
                continue
            try:
                moments[field] = parse_moment(text)
            except ValueError as error:
                self.report((*loc, field), "invalid-date", str(error))
        start, end = moments.get("start"), moments.get("end")
        if start and end and end.last_day() < start.first_day():
            self.report(
                (*loc, "end"),
                "date-range-reversed",
                f"the range ends ({when.end}) before it starts ({when.start})",
            )
