"""Render the stories into Markdown pages: ``{page path: Markdown}``, from Jinja template files.

Each page is a template (:mod:`generator.pages.templating`) given the page's context
(:mod:`generator.pages.pagecontext`: links, citations, prose) and the story's view
(:mod:`generator.pages.storyview`: what the facts say, queried). A story of thousands of pages is
rendered in parts, on every core.
"""

from __future__ import annotations

import functools
import posixpath
from pathlib import Path
from typing import Any

import jinja2

from generator.corpus import Corpus, Story
from generator.layout import STORY_PAGES, paths_for, story_sections
from generator.pages.citations import cite_once_per_block
from generator.pages.linker import NameFinder
from generator.pages.pagecontext import PageContext, SiteContext, _name_index
from generator.pages.references import CitedSentence, with_references
from generator.pages.sharing import elsewhere, shared_entities
from generator.pages.storyview import StoryView
from generator.pages.templating import _templates_key, environment
from generator.workers import run_all

NAV_STORY_LIMIT = 5
"""Up to this many stories, the sidebar lists each story's sections; beyond, it lists only the
home page (which lists the stories) and each story page ends with the story's own menu. Every
page renders the whole sidebar, so its size must not grow with the archive."""


_templates_seen: dict[jinja2.Environment, tuple[tuple[str, int, int], ...]] = {}
"""The template files each environment last rendered with."""
_story_pages: dict[str, tuple[tuple[object, ...], dict[str, str]]] = {}
"""The last pages rendered for each story slug, with the key they were rendered for."""


def render_stories(
    corpus: Corpus,
    overrides: Path | None = None,
    feeds: bool = False,
    cache: Path | None = None,
) -> dict[str, str]:
    """Every page of every story, as Markdown, keyed by its path in the docs tree.

    A story whose files, templates and links to other stories are unchanged since the last call
    keeps its pages. Compiled templates are kept in ``cache`` (a folder) between processes.
    """
    env = environment(overrides, cache / "templates" if cache else None)
    templates = _templates_key(overrides)
    if _templates_seen.setdefault(env, templates) != templates:
        # Jinja notices an edited template, not a new file that overrides a bundled one
        if env.cache is not None:
            env.cache.clear()
        _templates_seen[env] = templates
    pages: dict[str, str] = {}
    compact = len(corpus.stories) > NAV_STORY_LIMIT
    shared = shared_entities(corpus)
    stale: list[tuple[Story, SiteContext, tuple[object, ...]]] = []
    for story in corpus.stories:
        context = SiteContext(compact, feeds, elsewhere(story, shared))
        key = (story.fingerprint, templates, context.key())
        cached = _story_pages.get(story.slug)
        if cached is None or cached[0] != key or not story.fingerprint:
            stale.append((story, context, key))
    # A story of thousands of pages is rendered in parts, on every core; each worker prepares
    # a story once (its links, names and views) for all the parts it renders.
    renderers = [_StoryRenderer(env, story, context) for story, context, _ in stale]
    jobs = [
        (number, part)
        for number, renderer in enumerate(renderers)
        for part in _parts(len(renderer.specs))
    ]
    rendered = run_all(lambda job: renderers[job[0]].render(job[1]), jobs)
    fresh: list[dict[str, str]] = [{} for _ in stale]
    for (number, _), part_pages in zip(jobs, rendered, strict=True):
        fresh[number].update(part_pages)
    for (story, _, story_key), story_pages in zip(stale, fresh, strict=True):
        _story_pages[story.slug] = (story_key, story_pages)
    for story in corpus.stories:
        pages.update(_story_pages[story.slug][1])
    return pages


PAGES_PER_JOB = 1000
"""A story with more pages than this is rendered in parts of this many pages, on every core."""


def _parts(count: int) -> list[slice]:
    return [slice(start, start + PAGES_PER_JOB) for start in range(0, max(count, 1), PAGES_PER_JOB)]


_PageSpec = tuple[str, str, "str | None", dict[str, Any]]


def _page_specs(story: Story, paths: dict[str, str]) -> list[_PageSpec]:
    """(role, template, the entity the page is about, template values) of each story page."""
    specs: list[_PageSpec] = [
        (page_type.role, page_type.template, None, {})
        for page_type in STORY_PAGES
        if page_type.role in paths
    ]
    specs += [
        (f"entity:{entity.id}", "entity.md.j2", entity.id, {"entity": entity})
        for entity in story.facts.entities
    ]
    specs += [
        (f"event:{event.id}", "event.md.j2", None, {"event": event})
        for event in story.facts.events
        if event.page
    ]
    specs += [
        (f"article:{article.id}", "article.md.j2", None, {"article": article})
        for article in story.articles
    ]
    return specs


class _StoryRenderer:
    """Renders a story's pages, a part at a time; what all its pages share is made once."""

    def __init__(self, env: jinja2.Environment, story: Story, context: SiteContext) -> None:
        self.env, self.story, self.context = env, story, context
        self.cited: dict[str, CitedSentence] = {}
        self.menus: dict[str, str] = {}  # the menu's links depend only on the page's folder

    @functools.cached_property
    def paths(self) -> dict[str, str]:
        return paths_for(self.story)

    @functools.cached_property
    def view(self) -> StoryView:
        return StoryView(self.story)

    @functools.cached_property
    def names(self) -> tuple[NameFinder | None, dict[str, str]]:
        return _name_index(self.story)

    @functools.cached_property
    def specs(self) -> list[_PageSpec]:
        return _page_specs(self.story, self.paths)

    @functools.cached_property
    def updated(self) -> str:
        return self.env.get_template("_updated.md.j2").render(view=self.view)

    def render(self, part: slice = slice(None)) -> dict[str, str]:
        """The story's pages (those of ``part`` of them, in :func:`_page_specs` order)."""
        out: dict[str, str] = {}
        for role, template, self_entity, values in self.specs[part]:
            out[self.paths[role]] = self._page(role, template, self_entity, values)
        return out

    def _page(self, role: str, template: str, self_entity: str | None, values: Any) -> str:
        story, paths, context = self.story, self.paths, self.context
        linker, names = self.names
        page = PageContext(paths[role], story, paths, linker, names, self_entity, site=context)
        page.cited = self.cited
        markdown = self.env.get_template(template).render(
            page=page, story=story, view=self.view, **values
        )
        text = cite_once_per_block(_with_updated(markdown, self.updated))
        text = with_references(self.env, text, page.notes)
        if context.compact:
            folder = posixpath.dirname(page.path)
            if folder not in self.menus:
                sections = story_sections(story.facts, paths)
                menu = self.env.get_template("_story_menu.md.j2")
                self.menus[folder] = menu.render(page=page, story=story, sections=sections)
            text += self.menus[folder]
        return text


def _with_updated(markdown: str, updated: str) -> str:
    """``markdown`` with the story's "Updated" line under its title (the first ``# `` line)."""
    head, marker, rest = markdown.partition("\n# ")
    if not marker:
        return markdown
    title, _, body = rest.partition("\n")
    return f"{head}{marker}{title}\n\n{updated}{body}"
