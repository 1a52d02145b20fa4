"""The output-path registry: every file of the built site is claimed by what makes it.

Two makers that would write one file (a story folder named ``entities`` and the index of shared
entities; an entity with the id ``index`` and the story's "Who is involved" page; a story named
``about`` and a hand-written ``about.md``) would make one page silently replace the other. The
registry compares the files the site will have (``x.md`` and ``x/index.md`` are both
``x/index.html`` with directory URLs), not the pages' source paths, and reports a collision as an
error that names both makers.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostic
from generator.layout import STORY_PAGES, StoryLike, paths_for, site_paths
from generator.reading.yamlsafe import YamlDocument

CODE = "page-collision"


@dataclass(frozen=True)
class Maker:
    """What makes a page, and the place in the content to change to move it."""

    description: str
    """``the Overview page of the story in 'content/about'``."""
    path: str = ""
    """The file to change; empty for the site's own pages."""
    line: int = 1
    column: int = 1

    def place(self) -> str:
        """`` (content/about/story.yml:1:1)``, or nothing for the site's own pages."""
        return f" ({self.path}:{self.line}:{self.column})" if self.path else ""


def site_file(page: str, directory_urls: bool = True) -> str:
    """The file of the built site that the docs path ``page`` becomes, as MkDocs makes it."""
    stem, extension = posixpath.splitext(page)
    if extension != ".md":
        return page
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return posixpath.join(folder, "index.html")
    if directory_urls:
        return posixpath.join(stem, "index.html")
    return f"{stem}.html"


class OutputRegistry:
    """Files of the site claimed so far, with their makers."""

    def __init__(self, directory_urls: bool = True) -> None:
        self.directory_urls = directory_urls
        self.makers: dict[str, Maker] = {}
        """Each claimed page (docs path) and what makes it."""
        self._files: dict[str, tuple[str, Maker]] = {}

    def claim(self, page: str, maker: Maker) -> Diagnostic | None:
        """Claim ``page`` for ``maker``: an error when another maker has its file already."""
        target = site_file(page, self.directory_urls)
        taken = self._files.get(target)
        if taken is None:
            self._files[target] = (page, maker)
            self.makers[page] = maker
            return None
        return collision(maker, taken[1], target)


def collision(maker: Maker, first: Maker, target: str) -> Diagnostic:
    """The error for ``maker`` whose file ``target`` is already made by ``first``."""
    message = (
        f"{maker.description} would be published as '{target}', where {first.description}"
        f"{first.place()} is published too, and one would silently replace the other; "
        "rename one of them"
    )
    return Diagnostic(maker.path, maker.line, maker.column, CODE, message)


@dataclass(frozen=True)
class PlannedStory:
    """A valid story with what positions its makers: its facts file and folder."""

    story: StoryLike
    facts_document: YamlDocument
    folder: str
    """The story folder as diagnostics show it: ``content/about``."""
    positions: dict[str, dict[str, int]] = field(default_factory=dict, compare=False)
    """Each section's items by id, found once (a story may have thousands)."""


_SITE_PAGES = {
    "home": "the home page",
    "reference": "the facts reference",
    "shared-index": "the index of entities that several stories share",
}


def page_collisions(
    stories: Iterable[PlannedStory], directory_urls: bool = True
) -> list[Diagnostic]:
    """Every collision between the pages of the site's stories and its own pages."""
    stories = list(stories)
    registry = OutputRegistry(directory_urls)
    counts = Counter(entity.id for planned in stories for entity in planned.story.facts.entities)
    found = []
    for role, page in site_paths(i for i, n in counts.items() if n > 1).items():
        kind, _, entity_id = role.partition(":")
        description = _SITE_PAGES.get(kind, f"the shared page of entity '{entity_id}'")
        found.append(registry.claim(page, Maker(description)))
    for planned in stories:
        for role, page in paths_for(planned.story).items():
            found.append(registry.claim(page, _story_maker(planned, role)))
    return [diagnostic for diagnostic in found if diagnostic is not None]


_TITLES = {page.role: page.title for page in STORY_PAGES}


def _story_maker(planned: PlannedStory, role: str) -> Maker:
    where = f"the story in '{planned.folder}'"
    kind, _, item_id = role.partition(":")
    if kind in ("entity", "event"):
        section = "entities" if kind == "entity" else "events"
        index = _item_positions(planned, section)[item_id]
        line, column = planned.facts_document.position((section, index, "id", "__value__"))
        description = f"the page of {kind} '{item_id}' of {where}"
        return Maker(description, planned.facts_document.path, line, column)
    if kind == "article":
        article = planned.story.articles[_item_positions(planned, "articles")[item_id]]
        return Maker(f"the page of article '{article.path.rsplit('/', 1)[-1]}'", article.path)
    return Maker(f"the {_TITLES[role]} page of {where}", f"{planned.folder}/story.yml")


def _item_positions(planned: PlannedStory, section: str) -> dict[str, int]:
    """Each item's index in ``section`` (entities, events or articles), first one of an id."""
    found = planned.positions.get(section)
    if found is None:
        items = (
            planned.story.articles
            if section == "articles"
            else getattr(planned.story.facts, section)
        )
        found = planned.positions[section] = {}
        for index, item in enumerate(items):
            found.setdefault(item.id, index)
    return found
