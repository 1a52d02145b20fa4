"""Pages of the whole site rather than of one story: the home page and shared entity pages.

An entity is the same across stories when it has the same id in each story's facts (ids are
slugs of names, and a desk keeps them stable). Such an entity keeps its page in each story, with
the role and description as of that story's articles, and gains one shared page,
``entities/<id>.md``, that links to every story it appears in; each story's page links to it.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.corpus import Corpus, Story
from generator.facts.schema import Entity
from generator.layout import REFERENCE, SHARED_INDEX, paths_for, shared_path
from generator.pages.pagecontext import PageContext, SiteContext
from generator.pages.references import PageNotes, with_references
from generator.pages.render import render_stories
from generator.pages.sharing import SharedEntities, shared_entities
from generator.pages.storyview import StoryView
from generator.pages.templating import environment


def render_site(
    corpus: Corpus,
    reference: str,
    overrides: Path | None = None,
    feeds: bool = False,
    cache: Path | None = None,
) -> dict[str, str]:
    """Every generated page of the site, as Markdown, keyed by its path in the docs tree: the
    stories' pages (:func:`generator.pages.render.render_stories`), the home page, the shared
    entities' pages and the facts reference (``reference``)."""
    pages = render_stories(corpus, overrides, feeds, cache)
    env = environment(overrides, cache / "templates" if cache else None)
    pages.update(render_site_pages(env, corpus, shared_entities(corpus)))
    pages[REFERENCE] = reference
    return dict(sorted(pages.items()))


def render_site_pages(
    env: jinja2.Environment, corpus: Corpus, shared: SharedEntities
) -> dict[str, str]:
    """The home page, and a page per shared entity with an index of them."""
    views = {story.slug: StoryView(story) for story in corpus.stories}
    stories = sorted(
        corpus.stories, key=lambda s: (views[s.slug].latest_update() or "", s.slug), reverse=True
    )
    pages = {
        "index.md": env.get_template("home.md.j2").render(
            stories=stories,
            views=views,
            links={s.slug: Markup(f"{s.slug}/index.md") for s in corpus.stories},
            shared=sorted(shared),
        )
    }
    if shared:
        names = {entity_id: _entity(stories[0], entity_id) for entity_id, stories in shared.items()}
        pages[SHARED_INDEX] = env.get_template("shared_index.md.j2").render(
            entities=[names[entity_id] for entity_id in sorted(shared)],
            links={entity_id: Markup(f"{entity_id}.md") for entity_id in shared},
        )
    for entity_id, appearances in shared.items():
        pages[shared_path(entity_id)] = _render_shared(env, entity_id, appearances)
    return pages


def _entity(story: Story, entity_id: str) -> Entity:
    return story.entity(entity_id)


def _render_shared(env: jinja2.Environment, entity_id: str, stories: list[Story]) -> str:
    path, notes = shared_path(entity_id), PageNotes()  # one list, whichever story cites
    contexts = [
        (
            story,
            PageContext(path, story, paths_for(story), None, {}, site=SiteContext(), notes=notes),
        )
        for story in stories
    ]
    markdown = env.get_template("shared_entity.md.j2").render(
        entity=stories[0].entity(entity_id), appearances=contexts, views=StoryView
    )
    return with_references(env, markdown, notes)
