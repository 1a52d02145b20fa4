"""The site's navigation: a fixed set of pages per story, so it does not grow with the facts.

Actor, place and article pages are reached from their index pages and from search, not listed
in the sidebar: every page renders the whole navigation, so listing them would make each build
cost grow with the square of the number of pages.
"""

from __future__ import annotations

from typing import Any

from generator.corpus import Corpus
from generator.mdtext import html_text
from generator.render import paths_for

STORY_SECTIONS = (
    ("overview", "Overview"),
    ("background", "Background"),
    ("actors", "Who is involved"),
    ("places", "Key places"),
    ("timeline", "Timeline"),
    ("quotes", "Who said what"),
    ("sources", "Sources"),
    ("glossary", "Glossary"),
    ("source-checks", "Source checks"),
)


def site_navigation(corpus: Corpus, hand_written: list[str]) -> list[Any]:
    """MkDocs ``nav``: home, one section per story, hand-written pages, the reference."""
    nav: list[Any] = [{"Home": "index.md"}]
    for story in corpus.stories:
        paths = paths_for(story)
        entries: list[Any] = [
            {title: paths[role]} for role, title in STORY_SECTIONS if role in paths
        ]
        featured = [
            {html_text(e.title): paths[f"event:{e.id}"]} for e in story.facts.events if e.page
        ]
        entries[2:2] = featured
        nav.append({html_text(story.info.title): entries})
    nav.extend(hand_written)
    nav.append({"Reference": [{"Facts file": "reference/facts.md"}]})
    return nav
