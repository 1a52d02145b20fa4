"""Where every generated page lives: the one table of page types that every stage reads.

A story's section pages are listed in :data:`STORY_PAGES` (role, path, template, menu title);
pages of its items (entities, events with a page of their own, articles) and the site's own pages
(home, shared entities, the facts reference) follow fixed patterns below. Adding a page type
touches this table, one template and one test. A story's downloads, the files of its data that
its sources page links (:data:`STORY_DOWNLOADS`), live in its folder beside its pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple, Protocol

from generator.facts.schema import Entity, Event, Facts, Quote
from generator.reading.article import Article


class PageType(NamedTuple):
    """A section page of every story."""

    role: str
    path: str
    """Relative to the story's folder."""
    template: str
    title: str
    """Its title in the story's menu."""
    optional: bool = False
    """Made only when the story's facts have something for it."""


STORY_PAGES = (
    PageType("overview", "index.md", "overview.md.j2", "Overview"),
    PageType("background", "background.md", "background.md.j2", "Background", optional=True),
    PageType("actors", "actors/index.md", "actors.md.j2", "Who is involved"),
    PageType("places", "places/index.md", "places.md.j2", "Key places"),
    PageType("timeline", "timeline.md", "timeline.md.j2", "Timeline"),
    PageType("quotes", "quotes.md", "quotes.md.j2", "Who said what"),
    PageType("sources", "sources/index.md", "sources.md.j2", "Sources"),
    PageType("glossary", "glossary.md", "glossary.md.j2", "Glossary", optional=True),
    PageType(
        "source-checks", "source-checks.md", "source_checks.md.j2", "Source checks", optional=True
    ),
    PageType("changes", "changes.md", "changes.md.j2", "What's new"),
    PageType("review", "review.md", "review.md.j2", "Drafts to review", optional=True),
)
"""A story's section pages, in the order of its menu."""


class DownloadType(NamedTuple):
    """A file of a story's data for use outside the site; the story's sources page links it."""

    format: str
    """Its name for ``explainer export --format``."""
    path: str
    """Relative to the story's folder."""


STORY_DOWNLOADS = (
    DownloadType("json", "facts.json"),
    DownloadType("timelinejs", "timeline.json"),
    DownloadType("geojson", "places.geojson"),
    DownloadType("csv", "quotes.csv"),
)
"""A story's downloads, in the order of the sources page."""

HOME = "index.md"
REFERENCE = "reference/facts.md"
SHARED_INDEX = "entities/index.md"


class StoryLike(Protocol):
    """What the page table needs of a story: its folder name, facts and articles."""

    @property
    def slug(self) -> str: ...

    @property
    def facts(self) -> Facts: ...

    @property
    def articles(self) -> Sequence[Article]: ...


def has_section(facts: Facts, role: str) -> bool:
    """Whether a story with ``facts`` has the (optional) section ``role``."""
    optional = {
        "background": facts.background,
        "glossary": facts.glossary,
        "source-checks": facts.source_checks,
        "review": drafts(facts),
    }
    return bool(optional.get(role, True))


def drafts(facts: Facts) -> list[Entity | Event | Quote]:
    """The items ``explainer extract`` drafted that nobody has reviewed yet, in file order."""
    items: list[Entity | Event | Quote] = [*facts.entities, *facts.events, *facts.quotes]
    return [item for item in items if item.status == "draft"]


def paths_for(story: StoryLike) -> dict[str, str]:
    """Where each of a story's pages lives, by role (``overview``, ``entity:<id>``, ...).

    Two roles may get one path (an entity with the id ``index``); :mod:`generator.outputs`
    reports that before anything is rendered.
    """
    base = story.slug
    facts = story.facts
    paths = {
        page.role: f"{base}/{page.path}" for page in STORY_PAGES if has_section(facts, page.role)
    }
    for entity in facts.entities:
        folder = "places" if entity.type == "place" else "actors"
        paths[f"entity:{entity.id}"] = f"{base}/{folder}/{entity.id}.md"
    for event in facts.events:
        if event.page:
            paths[f"event:{event.id}"] = f"{base}/events/{event.id}.md"
    for article in story.articles:
        paths[f"article:{article.id}"] = f"{base}/sources/{article.id}.md"
    return paths


def download_paths(story_slug: str) -> dict[str, str]:
    """Where each of a story's downloads lives in the site, by format."""
    return {download.format: f"{story_slug}/{download.path}" for download in STORY_DOWNLOADS}


def story_sections(facts: Facts, paths: dict[str, str]) -> list[tuple[str, str]]:
    """(role, title) of each of the story's sections, in menu order: the sections it has,
    with the events that have a page of their own after the background."""
    sections = [(page.role, page.title) for page in STORY_PAGES if page.role in paths]
    sections[2:2] = [(f"event:{e.id}", e.title) for e in facts.events if e.page]
    return sections


def shared_path(entity_id: str) -> str:
    """Where the page of an entity that several stories share lives."""
    return f"entities/{entity_id}.md"


def site_paths(shared_ids: Iterable[str]) -> dict[str, str]:
    """The site's own pages by role: home, facts reference, shared entities and their index."""
    paths = {"home": HOME, "reference": REFERENCE}
    shared = sorted(shared_ids)
    if shared:
        paths["shared-index"] = SHARED_INDEX
    for entity_id in shared:
        paths[f"shared:{entity_id}"] = shared_path(entity_id)
    return paths
