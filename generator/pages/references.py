"""A page's sources: one numbered marker per claim, and the list that the numbers point to.

While a page renders, each claim's citations (``page.cite(sources)``) become one placeholder
marker. Once the page is written, :meth:`PageNotes.number` numbers the markers in reading order, one
number per set of sources: a claim cited again with the same sources reuses its number, as a
reference used twice on Wikipedia does. The page then ends with "Sources on this page"
(``_references.md.j2``): for each number, the sentences it rests on, grouped by article, each
linking to the sentence in its article, and any outside source. Citation previews read that
list, so a marker and its note can never disagree.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, Protocol

import jinja2

from generator.checks.refchecks import resolve_sentence
from generator.corpus import Story
from generator.facts.fieldtypes import ExternalSource, is_allowed_url
from generator.reading.article import Article

Source = str | ExternalSource
"""A sentence reference (``article#p3s2``) or an outside source."""

_PLACEHOLDER = re.compile(r'<a class="cite" data-note="(\d+)"></a>')


def placeholder(index: int) -> str:
    """The marker of the page's ``index``-th set of sources, until the page is numbered."""
    return f'<a class="cite" data-note="{index}"></a>'


class CitedSentence(NamedTuple):
    """A cited sentence as a note shows it, wherever the story cites it from."""

    article_id: str
    sentence_id: str
    paragraph: int
    text: str
    origin: str
    """The article's headline and date: ``Talks open near Washington, 1 May 2023``."""


@dataclass(frozen=True)
class SourceGroup:
    """The sentences of one note that come from one article."""

    origin: str
    article_url: str
    sentences: tuple[tuple[CitedSentence, str], ...]
    """Each sentence with the link to it from this page."""


@dataclass(frozen=True)
class OutsideGroup:
    """The sources of one note from one publisher and date, outside the articles."""

    origin: str
    """The publisher and date: ``U.S. Department of State, 4 May 2023``."""
    sources: tuple[tuple[str, str | None], ...]
    """Each source's title and address (``None`` if the URL policy allows no link to it)."""


@dataclass(frozen=True)
class Note:
    """One numbered entry of a page's sources."""

    number: int
    uses: int
    """How many markers in the text point to this note (each gets a link back)."""
    groups: tuple[SourceGroup, ...]
    outside: tuple[OutsideGroup, ...]

    def back_ids(self) -> list[str]:
        """The ids of the markers that point here, in reading order."""
        return [marker_id(self.number, use) for use in range(1, self.uses + 1)]


def marker_id(number: int, use: int) -> str:
    """The id of the ``use``-th marker (from 1) of note ``number``."""
    return f"cite-{number}" if use == 1 else f"cite-{number}-{use}"


class Resolver(Protocol):
    """What numbering needs from the page that cites: its sentences, and links from it."""

    def cited_sentence(self, reference: str) -> CitedSentence: ...

    def url(self, role: str, anchor: str = "") -> str: ...


class PageNotes:
    """The sets of sources cited on one page, in the order first cited: shared by the page's
    contexts when one page draws on several stories (a shared entity's page)."""

    def __init__(self) -> None:
        self._index: dict[tuple[int, tuple[Source, ...]], int] = {}
        self._entries: list[tuple[Resolver, tuple[Source, ...]]] = []

    def marker(self, resolver: Resolver, sources: tuple[Source, ...]) -> str:
        """The placeholder marker for ``sources``, cited from ``resolver``'s story."""
        key = (id(resolver), sources)
        if key not in self._index:
            self._index[key] = len(self._entries)
            self._entries.append((resolver, sources))
        return placeholder(self._index[key])

    def number(self, markdown: str) -> tuple[str, list[Note]]:
        """``markdown`` with its markers numbered in reading order, and the notes they point to."""
        numbers: dict[int, int] = {}
        uses: Counter[int] = Counter()

        def marker(match: re.Match[str]) -> str:
            number = numbers.setdefault(int(match.group(1)), len(numbers) + 1)
            uses[number] += 1
            return (
                f'<a aria-label="Source note {number}" class="cite" data-search-exclude '
                f'href="#ref-{number}" id="{marker_id(number, uses[number])}">{number}</a>'
            )

        text = _PLACEHOLDER.sub(marker, markdown)
        notes = [
            _note(number, uses[number], *self._entries[index]) for index, number in numbers.items()
        ]
        return text, notes


def with_references(env: jinja2.Environment, markdown: str, page_notes: PageNotes) -> str:
    """The finished page: markers numbered, "Sources on this page" at its end."""
    text, notes = page_notes.number(markdown)
    if not notes:
        return text
    references = env.get_template("_references.md.j2").render(notes=notes)
    return text.rstrip("\n") + "\n\n" + references


def _note(number: int, uses: int, page: Resolver, sources: tuple[Source, ...]) -> Note:
    return Note(number, uses, _article_groups(page, sources), _outside_groups(sources))


def _article_groups(page: Resolver, sources: tuple[Source, ...]) -> tuple[SourceGroup, ...]:
    """The cited sentences, one group per article, in the order first cited."""
    by_article: dict[str, list[tuple[CitedSentence, str]]] = {}
    for source in sources:
        if isinstance(source, str):
            cited = page.cited_sentence(source)
            link = page.url(f"article:{cited.article_id}", cited.sentence_id)
            by_article.setdefault(cited.article_id, []).append((cited, link))
    return tuple(
        SourceGroup(found[0][0].origin, page.url(f"article:{article_id}"), tuple(found))
        for article_id, found in by_article.items()
    )


def _outside_groups(sources: tuple[Source, ...]) -> tuple[OutsideGroup, ...]:
    """The outside sources, one group per publisher and date."""
    by_origin: dict[str, list[tuple[str, str | None]]] = {}
    for source in sources:
        if isinstance(source, ExternalSource):
            url = source.url if is_allowed_url(source.url) else None
            by_origin.setdefault(_origin(source), []).append((source.title, url))
    return tuple(OutsideGroup(origin, tuple(found)) for origin, found in by_origin.items())


def _origin(source: ExternalSource) -> str:
    when = source.date
    with contextlib.suppress(ValueError, TypeError):
        when = date.fromisoformat(source.date or "").strftime("%-d %B %Y")
    return ", ".join(part for part in (source.publisher or "Outside source", when) if part)


def cited_sentence(story: Story, reference: str) -> CitedSentence:
    """What a note shows of the sentence ``reference``."""
    article, sentence, _ = resolve_sentence(reference, story.articles_by_id)
    assert article is not None and sentence is not None, f"unresolved {reference}"
    origin = _article_label(story, article)
    return CitedSentence(article.id, sentence.id, sentence.paragraph, sentence.text, origin)


def _article_label(story: Story, article: Article) -> str:
    """Where a cited sentence comes from: the article's headline and date."""
    info = next((i for i in story.info.articles if i.id == article.id), None)
    title = (info.title if info else None) or article.title or article.id
    if article.published is None:
        return title
    return f"{title}, {article.published.strftime('%-d %B %Y')}"
