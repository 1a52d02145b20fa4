"""Where a download's links lead: the pages of the site, from the story's folder or absolute.

The site keeps a story's downloads in the story's folder, so their links start there
(``sources/<article>/#p3s1``) and work wherever the site is served. ``explainer export`` writes
the same links, or absolute ones when it is given the site's address.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from generator.corpus import Story
from generator.layout import paths_for
from generator.outputs import site_file
from generator.reading.article import Article, Sentence


class CitedSentence(NamedTuple):
    """A sentence a download cites, with where it is on the site."""

    article: Article
    sentence: Sentence
    label: str
    """In words a reader uses: ``paragraph 3``, or ``article 2, paragraph 3`` when the story
    has several articles."""
    url: str


class StoryLinks:
    """Links from one story's downloads to the pages of its site."""

    def __init__(self, story: Story, base: str = "", directory_urls: bool = True) -> None:
        self.story = story
        self.base = base
        """What every link starts with: nothing (links relative to the story's folder) or the
        story folder's address, ``https://example.org/explainers/<story>/``."""
        self.directory_urls = directory_urls
        """Pages are served as ``page/`` (MkDocs' default) rather than ``page.html``."""

    @functools.cached_property
    def _paths(self) -> dict[str, str]:
        return paths_for(self.story)

    def page(self, role: str, anchor: str = "") -> str:
        """The address of the story's page with ``role`` (``entity:lachin-corridor``)."""
        built = site_file(self._paths[role], self.directory_urls)
        if self.directory_urls:
            built = built.removesuffix("index.html")
        address = self.base + built.removeprefix(f"{self.story.slug}/")
        return (address or "./") + (f"#{anchor}" if anchor else "")

    def sentence(self, reference: str) -> CitedSentence:
        """The sentence ``reference`` (``p3s1``, ``article-id#p3s1``) names: validation has
        made sure it exists."""
        articles = self.story.articles_by_id
        article_id, _, sentence_id = reference.rpartition("#")
        article = articles[article_id or next(iter(articles))]
        sentence = article.sentence(sentence_id)
        assert sentence is not None, reference
        label = f"paragraph {sentence.paragraph}"
        if len(articles) > 1:
            label = f"article {list(articles).index(article.id) + 1}, {label}"
        url = self.page(f"article:{article.id}", sentence.id)
        return CitedSentence(article, sentence, label, url)


def story_folder_address(site_url: str, story_slug: str) -> str:
    """The address of a story's folder on a site published at ``site_url``."""
    return f"{site_url.rstrip('/')}/{story_slug}/"
