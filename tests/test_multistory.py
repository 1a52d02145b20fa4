"""A site of several stories with several articles each: a real ``mkdocs build --strict``.

The fixture ``tests/fixtures/multistory/content`` holds two stories. The dock strike has two
articles that disagree on the day the strike began and on Maria Lopez's title; the port
expansion shares Maria Lopez and Valmar with it. The build must show the home page listing both
stories by their latest update, events merged from both articles, each disagreement with both
sources, the changelog, a shared page for each shared entity, and a valid Atom feed per story.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest
from support import copy_project
from test_site import SITE_URL, Build, Node, article_of, cited_links, parse_html, run_build

from generator.corpus import load_corpus
from generator.metadata.feeds import story_feed

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).parent / "fixtures" / "multistory" / "content"
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("multistory"))
    for story in [p for p in (project / "content").iterdir() if (p / "story.yml").is_file()]:
        shutil.rmtree(story)
    shutil.copytree(FIXTURE, project / "content", dirs_exist_ok=True)
    return run_build(project)


def page(site: Path, path: str) -> Node:
    return article_of(parse_html((site / path).read_text(encoding="utf-8")))


def words(node: Node) -> str:
    """The node's text as a reader reads it (without the headings' permalink sign)."""
    return (
        " ".join(node.text().replace("¶", " ").split())
        if node.tag[0] == "h"
        else (" ".join(node.text().split()))
    )


def claim(node: Node) -> str:
    """The node's words without its source markers."""
    return " ".join(_without_markers(node).split())


def _without_markers(node: Node) -> str:
    if "cite" in node.classes:
        return ""
    return "".join(c if isinstance(c, str) else _without_markers(c) for c in node.children)


def cited_articles(node: Node) -> set[str]:
    """The article pages the node's citations point to (``a1``, ``a2``)."""
    found = (
        re.search(r"(?:^|/)sources/([^/#]+)/", a.attrs.get("href", "")) for a in cited_links(node)
    )
    return {match.group(1) for match in found if match}


def test_home_lists_every_story_newest_first(site: Path) -> None:
    home = page(site, "index.html")
    titles = [words(h) for h in home.find_all("h2")]
    assert titles[:2] == ["Valmar port expansion", "Valmar dock strike"]
    updated = [words(p) for p in home.find_all("p", "story-updated")]
    assert updated == ["Updated 10 Apr 2024 · 1 article", "Updated 15 Mar 2024 · 2 articles"]
    descriptions = [words(p) for p in home.find_all("p", "story-description")]
    assert descriptions[1] == "Dock workers in Valmar strike for higher wages."


def test_sources_page_lists_every_article_with_its_date(site: Path) -> None:
    sources = words(page(site, "dock-strike/sources/index.html"))
    assert "Valmar dockers strike — 4 March 2024, 18:00 · Test wire" in sources
    assert "Valmar strike talks open — 15 March 2024, 09:30 · Test wire" in sources


def test_an_event_cites_for_its_date_only_the_article_that_gives_that_date(site: Path) -> None:
    """Both articles report the strike; only the first dates it 4 March (the second says 5
    March, and the disagreement box gives both): the date cites the first alone."""
    timeline = page(site, "dock-strike/timeline/index.html")
    item = next(li for li in timeline.find_all("li") if "The dock strike begins" in li.text())
    assert cited_articles(item) == {"a1"}


def test_a_date_disagreement_shows_both_dates_with_their_sources(site: Path) -> None:
    timeline = page(site, "dock-strike/timeline/index.html")
    boxes = [b for b in timeline.find_all("div", "admonition") if "differ" in b.text()]
    assert len(boxes) == 1
    accounts = boxes[0].find_all("li")
    assert [claim(li) for li in accounts] == ["4 Mar 2024", "5 Mar 2024"]
    assert [cited_articles(li) for li in accounts] == [{"a1"}, {"a2"}]
    assert "The first report was filed on the day" in boxes[0].text()


def test_a_role_disagreement_shows_both_roles_on_the_actor_page(site: Path) -> None:
    actor = page(site, "dock-strike/actors/maria-lopez/index.html")
    box = next(b for b in actor.find_all("div", "admonition") if "differ on the role" in b.text())
    accounts = [(claim(li), cited_articles(li)) for li in box.find_all("li")]
    assert accounts == [
        ("General secretary of the Valmar Dockers Union", {"a1"}),
        ("President of the Valmar Dockers Union", {"a2"}),
    ]


def test_the_actor_page_cites_for_the_role_only_the_article_that_gives_it(site: Path) -> None:
    """Maria Lopez's sources are sentences of both articles, but only the first calls her
    general secretary (the second, president): the role row cites the first alone; the page
    still draws on both (her quote is from the second)."""
    actor = page(site, "dock-strike/actors/maria-lopez/index.html")
    rows = [tr for tr in actor.find_all("tr") if words(tr).startswith("Role ")]
    assert len(rows) == 1
    assert cited_articles(rows[0]) == {"a1"}
    assert "long overdue" in actor.text()


def test_the_overview_shows_the_changelog_newest_first(site: Path) -> None:
    overview = page(site, "dock-strike/index.html")
    heading = next(h for h in overview.find_all("h2") if words(h) == "What's new")
    entries = heading.parent.find_all("li") if heading.parent else []
    changes = [li for li in entries if li.find_all("span", "change-type")]
    assert [words(li.find_all("span", "change-type")[0]) for li in changes] == [
        "Corrected",
        "Added",
        "Added",
    ]
    assert words(changes[0]).startswith("15 Mar 2024 · Corrected: The reports differ")
    assert words(changes[0]).endswith("Source: Valmar strike talks open. See Maria Lopez.")
    assert words(changes[2]).endswith("Source: Valmar dockers strike. See Maria Lopez.")
    sources = [a.attrs["href"] for li in changes for a in li.find_all("a", "changelog-source")]
    assert sources == ["sources/a2/", "sources/a2/", "sources/a1/"]
    links = [a.attrs["href"] for a in overview.find_all("a")]
    assert "feed.xml" in links


def test_a_shared_entity_has_one_page_linking_every_story(site: Path) -> None:
    shared = page(site, "entities/maria-lopez/index.html")
    stories = [words(h) for h in shared.find_all("h2")]
    assert stories == ["Valmar dock strike", "Valmar port expansion", "Sources on this page"]
    # Each story's citations lead to that story's articles, from one list of sources.
    sources = {a.attrs["href"].split("/sources/")[0] for a in shared.find_all("a", "ref-where")}
    assert sources == {"../../dock-strike", "../../port-expansion"}
    links = {a.attrs["href"] for a in shared.find_all("a")}
    assert "../../dock-strike/actors/maria-lopez/" in links
    assert "../../port-expansion/actors/maria-lopez/" in links
    each_story = page(site, "port-expansion/actors/maria-lopez/index.html")
    hrefs = {a.attrs["href"] for a in each_story.find_all("a")}
    assert "../../../entities/maria-lopez/" in hrefs
    assert "../../../dock-strike/actors/maria-lopez/" in hrefs


def feed_of(site: Path, story: str) -> ET.Element:
    return ET.fromstring((site / story / "feed.xml").read_bytes())


@pytest.mark.parametrize("story", ["dock-strike", "port-expansion"])
def test_each_story_has_a_valid_atom_feed(site: Path, story: str) -> None:
    """RFC 4287: the required elements, absolute IRIs, RFC 3339 dates, unique entry ids."""
    feed = feed_of(site, story)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, f"feed needs exactly one atom:{name}"
    assert feed.findtext(f"{ATOM}id") == f"{SITE_URL}{story}/"
    assert RFC3339.fullmatch(feed.findtext(f"{ATOM}updated") or "")
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    self_links = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [f"{SITE_URL}{story}/feed.xml"]
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, f"entry needs one atom:{name}"
        ids.append(entry.findtext(f"{ATOM}id") or "")
        assert RFC3339.fullmatch(entry.findtext(f"{ATOM}updated") or "")
        alternate = entry.find(f"{ATOM}link")
        assert alternate is not None and (alternate.get("href") or "").startswith(SITE_URL)
    assert ids and len(set(ids)) == len(ids)
    assert all(i.startswith(f"{SITE_URL}{story}/#change-") for i in ids)


def test_the_feed_lists_the_changelog_newest_last_with_its_dates(site: Path) -> None:
    entries = feed_of(site, "dock-strike").findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert len(titles) == 3 and "Corrected: The reports differ" in " ".join(map(str, titles))
    days = sorted(
        datetime.fromisoformat(e.findtext(f"{ATOM}updated") or "").date().isoformat()
        for e in entries
    )
    assert days == ["2024-03-04", "2024-03-15", "2024-03-15"]
    updated = feed_of(site, "dock-strike").findtext(f"{ATOM}updated") or ""
    assert updated.startswith("2024-03-15")


def _feed_ids(content: Path) -> dict[str, str]:
    """Entry id → entry title of the dock strike's feed, built from ``content``."""
    corpus, diagnostics = load_corpus(content, datetime(2026, 1, 1))
    assert corpus is not None, [str(d) for d in diagnostics]
    feed = ET.fromstring(story_feed(corpus.stories[0], SITE_URL, "Explainer"))
    return {
        e.findtext(f"{ATOM}id") or "": e.findtext(f"{ATOM}title") or ""
        for e in feed.findall(f"{ATOM}entry")
    }


def test_an_entry_added_for_an_earlier_day_leaves_the_other_feed_ids_alone(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE / "dock-strike", content / "dock-strike")
    before = _feed_ids(content)
    assert f"{SITE_URL}dock-strike/#change-2024-03-15-2" in before
    facts = content / "dock-strike" / "facts.yml"
    text = facts.read_text("utf-8")
    backfilled = text.replace(
        "changes:\n",
        "changes:\n  - date: 2024-03-01\n    type: added\n    article: a1\n"
        "    text: Background on the port, added later.\n",
    )
    assert backfilled != text
    facts.write_text(backfilled, "utf-8")
    after = _feed_ids(content)
    assert len(after) == len(before) + 1
    assert {i: t for i, t in after.items() if i in before} == before


def test_a_story_without_background_has_no_empty_background_page(site: Path) -> None:
    assert not (site / "dock-strike" / "background").exists()
    overview = page(site, "dock-strike/index.html")
    hrefs = [a.attrs.get("href", "") for a in overview.find_all("a")]
    assert not [h for h in hrefs if "background" in h]


def test_an_entity_known_only_from_its_sentences_shows_them(site: Path) -> None:
    """Maria Lopez has no description, notes, events or quotes in the port expansion story:
    her page quotes the sentence that names her, with its citation, instead of standing empty."""
    lopez = page(site, "port-expansion/actors/maria-lopez/index.html")
    assert "In the articles" in [words(h) for h in lopez.find_all("h2")]
    quoted = [q for q in lopez.find_all("blockquote")]
    assert len(quoted) == 1
    assert words(quoted[0]).startswith(
        "Maria Lopez, who leads the dockers' union, welcomed the plan."
    )
    cites = cited_links(quoted[0])
    assert [c.attrs["href"].rsplit("#", 1)[-1] for c in cites] == ["p2s1"]
