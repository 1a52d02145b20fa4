"""A site of more stories than the sidebar lists: a real ``mkdocs build --strict``.

Beyond ``NAV_STORY_LIMIT`` stories the sidebar lists the home page, not each story's sections
(every page renders the whole sidebar, so it must not grow with the archive), and every page of
a story ends with the story's own menu instead. The menu must lead to each section the story
has, from every page of it, and must stay out of the search index: it is the same on every page.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import SHIPPED_CONTENT
from support import copy_project
from test_site import Build, Node, page_url, parse_html, run_build, target_file

from generator.corpus import load_corpus
from generator.layout import paths_for, story_sections
from generator.pages.render import NAV_STORY_LIMIT

pytestmark = pytest.mark.slow

SHIPPED = "armenia-azerbaijan-talks"
COPIES = [f"copy-{n}" for n in range(1, NAV_STORY_LIMIT + 1)]


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("compact"))
    for name in COPIES:
        story = project / "content" / name
        shutil.copytree(SHIPPED_CONTENT / SHIPPED, story)
        info = story / "story.yml"
        text = info.read_text(encoding="utf-8")
        info.write_text(text.replace("title: ", f"title: ({name}) ", 1), encoding="utf-8")
    return run_build(project)


@pytest.fixture(scope="module")
def story_pages(site: Path) -> dict[str, Node]:
    """Every page of every story, parsed, keyed by its path in site/."""
    return {
        path.relative_to(site).as_posix(): parse_html(path.read_text(encoding="utf-8"))
        for story in [SHIPPED, *COPIES]
        for path in sorted((site / story).rglob("*.html"))
    }


def test_the_sidebar_lists_no_story_sections(story_pages: dict[str, Node]) -> None:
    assert len(story_pages) > (NAV_STORY_LIMIT + 1) * 20
    for path, page in story_pages.items():
        primary = [n for n in page.find_all("nav") if "md-nav--primary" in n.classes]
        assert primary, f"{path} has no sidebar"
        titles = {" ".join(a.text().split()) for nav in primary for a in nav.find_all("a")}
        assert "Home" in titles
        assert not titles & {"Who is involved", "Timeline", "Sources", "Glossary"}, path


def test_every_story_page_ends_with_a_menu_of_all_its_sections(
    site: Path, story_pages: dict[str, Node]
) -> None:
    corpus, diagnostics = load_corpus(site.parent / "content")
    assert corpus is not None, diagnostics
    assert len(corpus.stories) == NAV_STORY_LIMIT + 1
    wrong: list[str] = []
    for story in corpus.stories:
        paths = paths_for(story)
        sections = story_sections(story.facts, paths)
        titles = [" ".join(title.split()) for _, title in sections]
        assert {"Glossary", "Source checks", "What's new"} <= set(titles)
        expected = [
            paths[role].removesuffix("index.md").removesuffix(".md") for role, _ in sections
        ]
        expected = [url if url.endswith("/") else url + "/" for url in expected]
        for path, page in story_pages.items():
            if not path.startswith(f"{story.slug}/"):
                continue
            menus = page.find_all("nav", "story-menu")
            if len(menus) != 1:
                wrong.append(f"{path}: {len(menus)} story menus")
                continue
            links = menus[0].find_all("a")
            if [" ".join(a.text().split()) for a in links] != titles:
                wrong.append(f"{path}: menu {[a.text() for a in links]}")
            here = page_url(path)
            targets = [urlsplit(urljoin("/" + here, a.attrs["href"])).path for a in links]
            if [t.lstrip("/") for t in targets] != expected:
                wrong.append(f"{path}: menu leads to {targets}")
            missing = [t for t in targets if not target_file(site, t.lstrip("/")).is_file()]
            if missing:
                wrong.append(f"{path}: menu links to missing pages {missing}")
    assert not wrong, "\n".join(wrong[:20])


def test_the_menu_is_not_in_the_search_index(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if d["location"].split("/")[0] in {SHIPPED, *COPIES}]
    assert len(docs) > (NAV_STORY_LIMIT + 1) * 20
    assert any("Lachin" in d["text"] for d in docs)
    with_menu = [d["location"] for d in docs if "Who is involved · Key places" in d["text"]]
    assert not with_menu, f"{len(with_menu)} search entries hold the story menu: {with_menu[:5]}"
