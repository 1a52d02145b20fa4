"""The site's navigation: small and of bounded size, however large the archive grows.

Material renders the whole navigation into every page, so a sidebar that lists every page makes
a build cost grow with the square of the number of pages. Actor, place and article pages are
reached from their index pages and from search, never listed. While the site has few stories
(at most ``NAV_STORY_LIMIT``) the sidebar lists each story's sections; beyond that it lists the
home page, which lists the stories, and every story page ends with the story's own menu.
"""

from __future__ import annotations

from typing import Any

from generator.corpus import Corpus
from generator.layout import paths_for, shared_path, story_sections
from generator.mdtext import html_text
from generator.render import NAV_STORY_LIMIT
from generator.sharing import shared_entities


def site_navigation(corpus: Corpus, hand_written: list[str]) -> list[Any]:
    """MkDocs ``nav``: home, one section per story, hand-written pages, the reference."""
    nav: list[Any] = [{"Home": "index.md"}]
    stories = corpus.stories if len(corpus.stories) <= NAV_STORY_LIMIT else ()
    for story in stories:
        paths = paths_for(story)
        entries = [
            {html_text(title): paths[role]} for role, title in story_sections(story.facts, paths)
        ]
        nav.append({html_text(story.info.title): entries})
    if any(path.startswith("entities/") for path in _shared_paths(corpus)):
        nav.append({"In several stories": "entities/index.md"})
    nav.extend(hand_written)
    nav.append({"Reference": [{"Facts file": "reference/facts.md"}]})
    return nav


def _shared_paths(corpus: Corpus) -> list[str]:
    return [shared_path(entity_id) for entity_id in shared_entities(corpus)]
