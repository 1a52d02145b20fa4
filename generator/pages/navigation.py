"""The site's navigation: small and of bounded size, however large the archive grows.

Material renders the whole navigation into every page, so a sidebar that lists every page makes
a build cost grow with the square of the number of pages. Actor, place and article pages are
reached from their index pages and from search, never listed. While the site has few stories
(at most ``NAV_STORY_LIMIT``) the sidebar lists each story's sections; beyond that it lists the
home page, which lists the stories, and every story page ends with the story's own menu.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.corpus import Corpus
from generator.layout import paths_for, shared_path, story_sections
from generator.pages.mdtext import html_text
from generator.pages.render import NAV_STORY_LIMIT
from generator.pages.sharing import shared_entities
from generator.reading.mdsource import inline_text


def site_navigation(corpus: Corpus, hand_written: dict[str, str]) -> list[Any]:
    """MkDocs ``nav``: home, one section per story, hand-written pages. (The facts file's
    reference is for editors: it is left out of the readers' menu and search.)

    ``hand_written`` maps the path of each hand-written page but the home page to its Markdown:
    its entry carries the page's title, so that the navigation does not depend on whether the
    engine has read the page in this build (``serve --dirty`` reads only changed pages)."""
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
    nav.extend(_entry(path, hand_written[path]) for path in sorted(hand_written))
    return nav


def _shared_paths(corpus: Corpus) -> list[str]:
    return [shared_path(entity_id) for entity_id in shared_entities(corpus)]


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
_HEADING = re.compile(r"^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)


def _entry(path: str, markdown: str) -> str | dict[str, str]:
    """A page's navigation entry: ``{title: path}``, its title from its front matter or else
    its first heading, as MkDocs finds it; the bare path when it has neither."""
    front = _FRONT_MATTER.match(markdown)
    if front is not None:
        try:
            meta = yaml.safe_load(front.group(1))
        except yaml.YAMLError:
            meta = None
        if isinstance(meta, dict) and isinstance(meta.get("title"), str):
            return {meta["title"]: path}
        markdown = markdown[front.end() :]
    heading = _HEADING.search(markdown)
    return {inline_text(heading.group(1)): path} if heading else path
