"""The real site: ``mkdocs build --strict`` on a copy of the project, checked on the built HTML.

The build runs once per module (``site`` fixture) in a temporary copy of mkdocs.yml, content/ and
theme/, through the same ``mkdocs`` the Makefile uses, so the plugin is found by its entry point.
HTML is read with the standard library's ``html.parser`` into a small tree (:class:`Node`).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from mkdocs.utils import get_relative_url
from support import copy_project

ROOT = Path(__file__).resolve().parent.parent
STORY = "armenia-azerbaijan-talks"
ARTICLE = "000_d5e6e064cd57f212"
SITE_URL = "http://127.0.0.1:8000/"
LACHIN_SENTENCE = "the only land link between Armenia and the Nagorno-Karabakh region"

PAGES = {
    "home": "index.html",
    "overview": f"{STORY}/index.html",
    "background": f"{STORY}/background/index.html",
    "actors": f"{STORY}/actors/index.html",
    "lachin": f"{STORY}/places/lachin-corridor/index.html",
    "talks": f"{STORY}/events/washington-talks/index.html",
    "timeline": f"{STORY}/timeline/index.html",
    "quotes": f"{STORY}/quotes/index.html",
    "sources": f"{STORY}/sources/index.html",
    "glossary": f"{STORY}/glossary/index.html",
    "checks": f"{STORY}/source-checks/index.html",
    "blinken": f"{STORY}/actors/antony-blinken/index.html",
    "article": f"{STORY}/sources/{ARTICLE}/index.html",
    "reference": "reference/facts/index.html",
    "about": "about/index.html",
}
NOT_PROSE = {PAGES["home"], PAGES["reference"], PAGES["about"], "404.html"}
"""Pages that are not generated, cited prose: the home listing, the reference, hand-written."""


# ── A small HTML tree ──────────────────────────────────────────────────────────────────────────

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = field(default=None, repr=False)
    children: list[Node | str] = field(default_factory=list, repr=False)

    def __repr__(self) -> str:
        return f"Node({self.describe()})"

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Node]:
        """Every descendant element, in document order."""
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
        ]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def describe(self) -> str:
        return f"<{self.tag} class={sorted(self.classes)}> {' '.join(self.text().split())[:120]!r}"


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


# ── The build ──────────────────────────────────────────────────────────────────────────────────


@dataclass
class Build:
    project: Path
    returncode: int
    log: str

    @property
    def site(self) -> Path:
        return self.project / "site"


def run_build(project: Path) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, "NO_COLOR": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    return Build(project, completed.returncode, completed.stdout + completed.stderr)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return run_build(copy_project(tmp_path_factory.mktemp("site-build")))


@pytest.fixture(scope="module")
def html_pages(site: Path) -> dict[str, Node]:
    """Every built HTML page, parsed, keyed by its path in site/ (``a/b/index.html``)."""
    return {
        path.relative_to(site).as_posix(): parse_html(path.read_text(encoding="utf-8"))
        for path in sorted(site.rglob("*.html"))
    }


def article_of(page: Node) -> Node:
    found = [n for n in page.find_all("article") if "md-content__inner" in n.classes]
    assert len(found) == 1, "a page has exactly one article.md-content__inner"
    return found[0]


def page_url(path: str) -> str:
    """The site-relative URL a page is served at (``a/b/index.html`` -> ``a/b/``)."""
    return path.removesuffix("index.html")


def target_file(site: Path, url_path: str) -> Path:
    path = unquote(url_path)
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def ids_in(page: Node) -> set[str]:
    return {n.attrs["id"] for n in page.iter() if "id" in n.attrs}


# ── The build itself ───────────────────────────────────────────────────────────────────────────


def test_build_succeeds_without_warnings(build: Build) -> None:
    assert build.returncode == 0, build.log
    bad = [line for line in build.log.splitlines() if re.match(r"\s*(WARNING|ERROR)\b", line)]
    assert not bad, "the build logged warnings or errors:\n" + "\n".join(bad)
    assert "Traceback" not in build.log


@pytest.mark.parametrize("role", sorted(PAGES))
def test_page_exists(site: Path, role: str) -> None:
    assert (site / PAGES[role]).is_file(), f"{role} page {PAGES[role]} was not built"


def test_actor_pages_exist(site: Path) -> None:
    actors = sorted((site / STORY / "actors").glob("*/index.html"))
    assert len(actors) >= 8, f"only {len(actors)} actor pages: {actors}"
    assert (site / STORY / "actors" / "nikol-pashinyan" / "index.html").is_file()


# ── Citations ──────────────────────────────────────────────────────────────────────────────────


def test_lachin_corridor_cites_the_land_link_sentence(html_pages: dict[str, Node]) -> None:
    spans = [
        span
        for span in html_pages[PAGES["article"]].find_all("span", "sentence")
        if LACHIN_SENTENCE in " ".join(span.text().split())
    ]
    assert len(spans) == 1, f"exactly one sentence says {LACHIN_SENTENCE!r}"
    sentence_id = spans[0].attrs.get("id", "")
    assert sentence_id, "the sentence span has an id"
    cites = [a.attrs["href"] for a in cited_links(article_of(html_pages[PAGES["lachin"]]))]
    assert any(href.endswith(f"#{sentence_id}") for href in cites), (
        f"the Lachin Corridor page does not cite #{sentence_id}; it cites {sorted(set(cites))}"
    )


def test_every_citation_resolves(site: Path, html_pages: dict[str, Node]) -> None:
    checked = 0
    broken: list[str] = []
    ids_cache: dict[str, set[str]] = {}
    for path, page in html_pages.items():
        # A marker leads to its note on the page; the note's links, to the sentences.
        for link in page.find_all("a", "cite") + page.find_all("a", "ref-where"):
            checked += 1
            href = link.attrs.get("href", "")
            target = urlsplit(urljoin(page_url(path), href))
            if target.scheme or target.netloc or not target.fragment:
                broken.append(f"{path}: {href!r} is not a link to a sentence of this site")
                continue
            file = target_file(site, target.path)
            if not file.is_file():
                broken.append(f"{path}: {href!r} points to a missing page {file}")
                continue
            key = file.relative_to(site).as_posix()
            if key not in ids_cache:
                ids_cache[key] = ids_in(html_pages[key])
            if unquote(target.fragment) not in ids_cache[key]:
                broken.append(f"{path}: {href!r}: no element with that id in {key}")
    assert checked > 100, f"only {checked} citations found; is the a.cite markup missing?"
    assert not broken, f"{len(broken)} broken citation(s):\n" + "\n".join(broken[:40])


def _excluded(node: Node) -> bool:
    """Navigation, metadata about the page (its article's origin, the story's topics), notes
    and the map's legend (what the map draws, not what the articles say)."""
    if node.parent is not None and node.parent.find_all("li", "map-legend"):
        return True
    for element in (node, *node.ancestors()):
        if element.classes & {
            "explainer-nav", "article-meta", "admonition", "story-tags", "story-updated",
            "map-legend", "references",
        }:  # fmt: skip
            return True
        if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            return True
    return False


def _is_source_body(node: Node) -> bool:
    """A paragraph of an article's own text (its sentences are what citations point to)."""
    return "source-paragraph" in node.classes or bool(node.find_all("span", "sentence"))


def _cited_by_its_run(node: Node) -> bool:
    """Whether a run of blocks that ``node`` opens or continues cites its sources at its end:
    the next sibling of the same kind carries citations, or continues such a run."""
    if node.parent is None:
        return False
    siblings = [child for child in node.parent.children if isinstance(child, Node)]
    for later in siblings[siblings.index(node) + 1 :]:
        if later.tag != node.tag:
            return False
        if later.find_all("a", "cite"):
            return True
    return False


def test_every_statement_is_cited(html_pages: dict[str, Node]) -> None:
    """Every paragraph and list item of generated prose carries at least one citation, or is
    followed in its run by the block that cites the run's sources once (cite once per block).

    A quote block is one statement: the quote and its attribution line, which holds the citation.
    """
    uncited: list[str] = []
    checked = 0
    for path, page in html_pages.items():
        if path in NOT_PROSE:
            continue
        for node in article_of(page).iter():
            if node.tag not in {"p", "li", "blockquote"} or _excluded(node):
                continue
            if node.tag == "p" and any(a.tag == "blockquote" for a in node.ancestors()):
                continue
            if _is_source_body(node) or not node.text().strip():
                continue
            checked += 1
            if not node.find_all("a", "cite") and not _cited_by_its_run(node):
                uncited.append(f"{path}: {node.describe()}")
    assert checked > 100
    assert not uncited, f"{len(uncited)} uncited statement(s):\n" + "\n".join(uncited)


def test_sources_page_lists_each_article_as_an_item(html_pages: dict[str, Node]) -> None:
    """One list item per article, each with its link, date and note (a note in Markdown once
    swallowed the next article's item)."""
    body = article_of(html_pages[PAGES["sources"]])
    items = [
        li
        for li in body.find_all("li")
        if not any("story-downloads" in node.classes for node in li.ancestors())
    ]
    articles = sorted((ROOT / "content" / STORY / "articles").iterdir())
    assert len(items) == len(articles) == 3
    for item, article in zip(items, articles, strict=True):
        links = item.find_all("a")
        assert [link.attrs.get("href") for link in links] == [f"{article.stem}/"]
        assert len(item.find_all("em")) == 1  # the note that says what the text is


def test_source_paragraphs_are_anchored(html_pages: dict[str, Node]) -> None:
    """Each paragraph of the article text is a p.source-paragraph with id pN: no stray markup."""
    body = article_of(html_pages[PAGES["article"]])
    paragraphs = [p for p in body.find_all("p") if p.find_all("span", "sentence")]
    assert len(paragraphs) >= 18
    wrong = [
        p.describe()
        for number, p in enumerate(paragraphs, 1)
        if "source-paragraph" not in p.classes or p.attrs.get("id") != f"p{number}"
    ]
    assert not wrong, (
        f"{len(wrong)} article paragraph(s) lack class source-paragraph / id pN:\n"
        + "\n".join(wrong[:5])
    )


def test_no_attribute_list_shows_as_text(html_pages: dict[str, Node]) -> None:
    """An attr_list that Markdown did not apply (``{: #id .class }``) would show to readers."""
    shown = [
        f"{path}: {' '.join(p.text().split())[-100:]!r}"
        for path, page in html_pages.items()
        for p in article_of(page).find_all()
        if p.tag in {"p", "li", "td", "th"} and re.search(r"\{:?\s*[#.][\w-]", p.text())
    ]
    assert not shown, "attribute lists rendered as text:\n" + "\n".join(shown[:10])


def test_article_artifacts_are_inside_their_admonition(html_pages: dict[str, Node]) -> None:
    body = article_of(html_pages[PAGES["article"]])
    boxes = [box for box in body.find_all("div", "admonition") if "Lines left out" in box.text()]
    assert len(boxes) == 1
    assert "honest" in boxes[0].text(), (
        "the 'Lines left out of the text above' admonition is empty; its text follows it instead"
    )


def test_the_overview_opens_with_what_we_know_as_of_its_date(
    html_pages: dict[str, Node],
) -> None:
    """The first block after the title and its date and topics is the "What we know" box,
    dated, holding a takeaway per summary point, each in bold and cited."""
    body = article_of(html_pages[PAGES["overview"]])
    blocks = [
        n
        for n in body.children
        if isinstance(n, Node)
        and n.tag not in ("h1", "a")
        and not n.classes & {"story-updated", "story-tags"}
    ]
    first = blocks[0]
    assert {"admonition", "what-we-know"} <= first.classes, first.describe()
    assert first.find_all("p", "admonition-title")[0].text() == "What we know, as of 10 May 2023"
    takeaways = first.find_all("li")
    assert 3 <= len(takeaways) <= 5
    for takeaway in takeaways:
        assert takeaway.find_all("strong") and takeaway.find_all("a", "cite"), takeaway.describe()
    headings = [h.text().strip() for h in body.find_all("h2")]
    glance = next(i for i, h in enumerate(headings) if h.startswith("At a glance"))
    assert glance < next(i for i, h in enumerate(headings) if h.startswith("What's new"))


MACHINE_LIKE = {
    "an attribution without a speaker": r"— said\.",
    "the article talking about itself": r"\bthe article (?:notes|adds|says neither)\b",
    "a bare count of relayed quotes": r"\brelayed \d|\b\d+ relayed\b",
    "a zero where a reader writes 'no'": r"(?<![\d.,])0 (?:quotes?|events?|statements?)\b",
    "a singular after a plural count": (
        r"\b(?:[2-9]|\d\d+|two|three|four|five|six|seven|eight|nine) (?:quote|event|statement)\b"
    ),
    "a plural after one": r"\b(?:1|one) (?:quotes|events|statements)\b",
    "'no dated event' in the singular": r"\bno dated event\b(?!s)",
    "a database's column name": r"\bFirst appearance\b",
    "a definition that opens with 'Here,'": r"(?:^|: )Here, ",
    "a line number as a label": r"\bLine \d+:",
    "a hashtag": r"(?<![\w&])#[A-Za-z]\w+",
    "a changelog's '— from'": r" — from ",
    "an internal term": r"\bartifacts?\b|\bsentence ids?\b|\bp\d+s\d+\b",
    "a value of the code": r"\bNone\b|\bnull\b|\{\{|\}\}",
    "a Markdown escape shown as text": r"\\[-.,()\[\]!*_]",
}
"""Patterns of text no editor would write, with what each one catches."""


def _reader_text(page: Node) -> str:
    """The words a reader sees on a page and in its previews (title attributes), but not the
    articles' own text, shown as it was received, nor the source page's explanation of its
    sentence anchors."""
    article = article_of(page)
    parts = []
    for node in article.iter():
        if any(
            {"source-paragraph", "sentence", "ref-text"} & a.classes
            for a in (node, *node.ancestors())
        ):
            continue
        if node.attrs.get("data-search-exclude") is not None and node.tag == "li":
            continue
        parts += [child for child in node.children if isinstance(child, str)]
        parts += [node.attrs[name] for name in ("title",) if node.attrs.get(name)]
    return "\n".join(parts)


def test_no_page_reads_like_machine_output(html_pages: dict[str, Node]) -> None:
    found = []
    for path, page in sorted(html_pages.items()):
        if path.startswith("reference/"):
            continue  # the facts file's reference, for editors, names the file's fields
        text = _reader_text(page)
        for what, pattern in MACHINE_LIKE.items():
            for match in re.finditer(pattern, text, re.M):
                start = max(0, match.start() - 40)
                found.append(f"{path}: {what}: …{text[start : match.end() + 40]!r}")
    assert found == [], "\n".join(found[:40])


@pytest.mark.parametrize(
    "sample",
    ["— said. What the official", "0 quotes", "two event,", "relayed 5", "Line 7: x", "#hosts"],
)
def test_the_machine_like_patterns_catch_what_they_are_for(sample: str) -> None:
    assert any(re.search(pattern, sample, re.M) for pattern in MACHINE_LIKE.values())


def test_the_overview_answers_the_readers_questions_in_cards(
    html_pages: dict[str, Node],
) -> None:
    body = article_of(html_pages[PAGES["overview"]])
    cards = body.find_all("div", "explainer-questions")
    assert len(cards) == 1
    items = cards[0].find_all("li")
    assert [item.find_all("strong")[0].text() for item in items] == [
        "Why does the Lachin Corridor matter?",
        "What were the two ministers negotiating?",
    ]
    assert all(item.find_all("a", "cite") for item in items)
    assert "the only land link between Armenia and Nagorno-Karabakh" in items[0].text()


# ── Links, search ──────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("Nagorno-Karabakh", "places/nagorno-karabakh/"),
        ("Armenia", "actors/armenia/"),
        ("Azerbaijan", "actors/azerbaijan/"),
        ("Lachin Corridor", "places/lachin-corridor/"),
        ("Russia", "actors/russia/"),
    ],
)
def test_entity_links_at_first_mention(html_pages: dict[str, Node], name: str, page: str) -> None:
    """On the background page, an entity's first mention links to its page, later ones do not."""
    paragraphs = [
        p for p in article_of(html_pages[PAGES["background"]]).find_all("p") if not _excluded(p)
    ]

    def links(p: Node) -> list[Node]:
        return [
            a
            for a in p.find_all("a")
            if "cite" not in a.classes and a.attrs.get("href", "").endswith(page)
        ]

    first = next(i for i, p in enumerate(paragraphs) if name in p.text())
    assert links(paragraphs[first]), (
        f"the first mention of {name} ({paragraphs[first].describe()}) does not link to {page}"
    )
    linked_text = links(paragraphs[first])[0].text()
    before = paragraphs[first].text().split(linked_text, 1)[0]
    assert name not in before, f"{name} is mentioned before the link in the same paragraph"
    later = [p.describe() for p in paragraphs[first + 1 :] if links(p)]
    assert not later, f"{name} is linked again after its first mention: {later}"


@pytest.fixture(scope="module")
def search_docs(site: Path) -> list[dict[str, str]]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs: list[dict[str, str]] = index["docs"]
    return docs


def test_search_finds_the_lachin_corridor_page(search_docs: list[dict[str, str]]) -> None:
    location = f"{STORY}/places/lachin-corridor/"
    found = [
        d["location"]
        for d in search_docs
        if "Lachin" in d.get("text", "") and d["location"].split("#")[0] == location
    ]
    assert found, f"no search document at {location} has 'Lachin' in its text"


def test_search_titles_the_pashinyan_page(search_docs: list[dict[str, str]]) -> None:
    location = f"{STORY}/actors/nikol-pashinyan/"
    docs = [d for d in search_docs if d["location"] == location]
    assert docs, f"no search document at {location}"
    assert any("Pashinyan" in d.get("title", "") for d in docs)


def test_search_leaves_out_citation_labels_and_page_furniture(
    search_docs: list[dict[str, str]],
) -> None:
    """A reader who searches finds what the pages say, not the ¶3.2 of every citation or the
    note on sentence ids that every article page carries."""
    story = [d for d in search_docs if d["location"].startswith(f"{STORY}/")]
    texts = " ".join(d.get("text", "") for d in story)
    assert "Lachin" in texts
    assert not re.search(r"¶\s*\d", texts), "a citation label is in the search index"
    assert "Sentence ids" not in texts
    assert "Sources on this page" not in texts and not re.search(r"Paragraph \d", texts), (
        "a page's list of sources is in the search index"
    )


# ── No third-party host ────────────────────────────────────────────────────────────────────────

ALLOWED_HOSTS = {urlsplit(SITE_URL).netloc, "127.0.0.1", "localhost"}
REQUEST_ATTRIBUTES = {"src", "srcset", "poster", "data"}
"""Attributes whose URL the browser fetches on its own (``data`` of <object>)."""
LINK_NOT_FETCHED = {"canonical", "alternate", "prev", "next", "author", "license", "search"}
"""``<link rel>`` values that name a page without fetching it."""
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""", re.IGNORECASE)
JS_REQUEST = re.compile(
    r"""\b(?:fetch|importScripts)\s*\(\s*["'`]((?:https?:)?//[^"'`]+)["'`]""", re.IGNORECASE
)


def _third_party(url: str) -> str | None:
    """The host ``url`` requests, if it is absolute and not this site; None otherwise."""
    url = url.strip()
    if not url or url.startswith(("data:", "#", "blob:")):
        return None
    parts = urlsplit(url)
    if parts.scheme not in {"", "http", "https"}:
        return None
    if not parts.netloc:
        return None
    host = parts.hostname or ""
    return None if parts.netloc in ALLOWED_HOSTS or host in ALLOWED_HOSTS else parts.netloc


def _css_requests(css: str) -> list[str]:
    urls = [next(g for g in match.groups() if g is not None) for match in CSS_URL.finditer(css)]
    return urls + CSS_IMPORT.findall(css)


def _html_requests(page: Node) -> list[str]:
    urls: list[str] = []
    for node in page.iter():
        for name, value in node.attrs.items():
            if name in REQUEST_ATTRIBUTES and not (name == "data" and node.tag != "object"):
                if name == "srcset":
                    urls += [part.strip().split(" ")[0] for part in value.split(",")]
                else:
                    urls.append(value)
            if name == "style":
                urls += _css_requests(value)
        rel = set(node.attrs.get("rel", "").lower().split())
        if node.tag == "link" and "href" in node.attrs and not rel <= LINK_NOT_FETCHED:
            urls.append(node.attrs["href"])
        if node.tag in {"use", "image"}:
            urls += [node.attrs[k] for k in ("href", "xlink:href") if k in node.attrs]
        if node.tag == "style":
            urls += _css_requests(node.text())
        if node.tag == "script" and "src" not in node.attrs:
            urls += JS_REQUEST.findall(node.text())
    return urls


def test_navigation_is_relative_to_each_page(site: Path, html_pages: dict[str, Node]) -> None:
    """The theme renders the sidebar once per key (theme/partials/nav.html): on every page each
    entry still has the address MkDocs writes from that page and leads to a page, and only a
    listed page is marked as the current one."""
    wrong: list[str] = []
    for path, page in html_pages.items():
        if path == "404.html":  # served at any address, so its links are absolute
            continue
        here = page_url(path)
        primary = [n for n in page.find_all("nav") if "md-nav--primary" in n.classes]
        links = [a for nav in primary for a in nav.find_all("a", "md-nav__link")]
        for link in (a for a in links if not a.attrs["href"].startswith("#")):
            href = link.attrs["href"]
            target = urlsplit(urljoin("/" + here, href)).path.lstrip("/")
            if href != get_relative_url(target, here) or not target_file(site, target).exists():
                wrong.append(f"{path}: {href} (to {target or 'the home page'})")
            if "md-nav__link--active" in link.classes and target != here:
                wrong.append(f"{path}: {target} is marked as the current page")
    assert not wrong, "\n".join(wrong[:20])


def test_no_request_to_a_third_party_host(site: Path, html_pages: dict[str, Node]) -> None:
    found: list[str] = []
    for path, page in html_pages.items():
        found += [f"{path}: {u}" for u in _html_requests(page) if _third_party(u)]
    for path in sorted(site.rglob("*.css")):
        css = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.relative_to(site)}: {u}" for u in _css_requests(css) if _third_party(u)]
    for path in sorted(site.rglob("*.js")):
        js = path.read_text(encoding="utf-8", errors="replace")
        found += [
            f"{path.relative_to(site)}: {u}" for u in JS_REQUEST.findall(js) if _third_party(u)
        ]
    assert not found, "requests to other hosts:\n" + "\n".join(sorted(set(found)))


def test_external_citations_are_plain_links(html_pages: dict[str, Node]) -> None:
    """External sources are cited as hyperlinks (followed by the reader, never fetched)."""
    external = [a for page in html_pages.values() for a in page.find_all("a", "ref-external")]
    assert external, "the shipped facts cite outside sources"
    assert all(urlsplit(a.attrs.get("href", "")).scheme == "https" for a in external)


def test_no_google_fonts(site: Path) -> None:
    mentions = [
        path.relative_to(site).as_posix()
        for path in sorted(site.rglob("*"))
        if path.suffix in {".html", ".css", ".js", ".json", ".xml"}
        and re.search(
            r"fonts\.(googleapis|gstatic)\.com", path.read_text(encoding="utf-8", errors="replace")
        )
    ]
    assert not mentions, f"Google Fonts referenced in: {mentions}"


def test_scanner_catches_third_party_requests() -> None:
    """The scanner above is only as good as what it recognises: check it on known cases."""
    page = parse_html(
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<link rel="canonical" href="https://elsewhere.example/">'
        '<script src="//cdn.example/x.js"></script>'
        '<img srcset="a.png 1x, https://img.example/b.png 2x">'
        '<style>@import "https://fonts.example/f.css"; body{background:url(https://bg.example/i.png)}</style>'
        "<script>fetch('https://api.example/data')</script>"
        '<a class="cite cite-external" href="https://news.example/">x</a>'
        f'<img src="{SITE_URL}assets/i.png"><img src="assets/j.png">'
        "<i style=\"background:url('data:image/svg+xml;utf8,<svg xmlns=\\'http://www.w3.org/2000/svg\\'/>')\"></i>"
    )
    hosts = sorted({h for u in _html_requests(page) if (h := _third_party(u))})
    assert hosts == ["api.example", "bg.example", "cdn.example", "fonts.example", "img.example"]


# ── A broken facts file ────────────────────────────────────────────────────────────────────────


def test_misquoted_facts_fail_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    facts = project / "content" / STORY / "facts.yml"
    lines = facts.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line == "    text: frank conversations\n")
    lines[number] = "    text: frank and open conversations\n"
    facts.write_text("".join(lines), encoding="utf-8")
    column = lines[number].index("frank") + 1

    result = run_build(project)
    assert result.returncode != 0, result.log
    expected = f"facts.yml:{number + 1}:{column}: error[quote-not-in-source]"
    assert expected in result.log, result.log
    assert "Traceback" not in result.log, result.log


# ── Reader components ──────────────────────────────────────────────────────────────────────────


def _admonitions(page: Node, title: str) -> list[Node]:
    return [
        box
        for box in article_of(page).find_all("div", "admonition")
        if any(title in t.text() for t in box.find_all("p", "admonition-title"))
    ]


@pytest.mark.parametrize(
    ("page", "article_says", "finding"),
    [
        ("lachin", "ten days ago", "23 April 2023"),
        ("blinken", "Anthony Blinken", "Antony J. Blinken"),
    ],
)
def test_affected_page_shows_a_source_check(
    html_pages: dict[str, Node], page: str, article_says: str, finding: str
) -> None:
    boxes = _admonitions(html_pages[PAGES[page]], "Source check")
    assert boxes, f"the {page} page shows no 'Source check' note"
    text = " ".join(" ".join(box.text().split()) for box in boxes)
    assert f"“{article_says}”" in text and finding in text
    external = [
        link for box in boxes for link in cited_links(box) if "ref-external" in link.classes
    ]
    assert external, "a source check cites its outside evidence"


def test_source_checks_page_lists_every_check(html_pages: dict[str, Node]) -> None:
    headings = [h.text().strip() for h in article_of(html_pages[PAGES["checks"]]).find_all("h2")]
    assert {"“Anthony Blinken”", "“George Schultz”", "“ten days ago”"} <= {
        h.rstrip("¶").strip() for h in headings
    }


def test_timeline_lists_events_in_date_order(html_pages: dict[str, Node]) -> None:
    items = article_of(html_pages[PAGES["timeline"]]).find_all("li", "timeline-event")
    starts = [item.attrs["data-start"] for item in items]
    assert len(starts) >= 10 and starts == sorted(starts)
    ids = [item.attrs["id"] for item in items]
    assert ids.index("second-karabakh-war") < ids.index("russian-brokered-ceasefire"), (
        "same-year events follow preceded_by: the war before the ceasefire that ended it"
    )
    labels = {
        n.text() for n in article_of(html_pages[PAGES["timeline"]]).find_all(cls="timeline-date")
    }
    assert {"early 1990s", "Nov 2022", "1–4 May 2023"} <= labels


def _heading(node: Node) -> str:
    return " ".join(node.text().split()).rstrip("¶").strip()


def _quote_groups(html_pages: dict[str, Node]) -> dict[str, list[Node]]:
    """The quotes page's groups: each side's heading with the blocks under it."""
    groups: dict[str, list[Node]] = {}
    for child in article_of(html_pages[PAGES["quotes"]]).children:
        if isinstance(child, Node) and child.attrs.get("id") == "sources-on-this-page":
            break
        if isinstance(child, Node) and child.tag == "h2":
            groups[_heading(child)] = []
        elif isinstance(child, Node) and groups:
            groups[list(groups)[-1]].append(child)
    return groups


def test_quotes_page_groups_the_parties_then_the_host_then_others(
    html_pages: dict[str, Node],
) -> None:
    """The sides are the parties to the talks and their host and mediator; anyone else quoted
    (France's foreign minister) is among the others, and a country the story only mentions
    (Ukraine) heads no group. Counts are in words."""
    groups = _quote_groups(html_pages)
    assert list(groups) == ["Armenia", "Azerbaijan", "United States, host and mediator", "Others"]
    body = article_of(html_pages[PAGES["quotes"]])
    rows = [[_heading(td) for td in tr.find_all("td")] for tr in body.find_all("tr")]
    assert [row[0] for row in rows if row] == list(groups)
    assert rows[-1][1] == "Catherine Colonna, once"
    others = [_heading(h) for h in groups["Others"] if h.tag == "h3"]
    assert others == ["Catherine Colonna, quoted once"]
    assert not [name for name in [*groups, *(row[0] for row in rows if row)] if "Ukraine" in name]


@pytest.mark.parametrize("side", ["Armenia", "Azerbaijan"])
def test_quotes_page_hears_each_party_in_the_third_article(
    html_pages: dict[str, Node], side: str
) -> None:
    quotes = [block for block in _quote_groups(html_pages)[side] if block.tag == "blockquote"]
    assert quotes, f"no one from {side} is quoted"
    cited = [a.attrs["href"] for quote in quotes for a in cited_links(quote)]
    assert [href for href in cited if "sources/002_yerevan-and-baku/#p" in href], cited


def test_actor_infobox_derives_appearances(html_pages: dict[str, Node]) -> None:
    box = article_of(html_pages[PAGES["blinken"]]).find_all("aside", "infobox")
    assert len(box) == 1
    rows = {
        " ".join(tr.find_all("td")[0].text().split()): " ".join(tr.find_all("td")[1].text().split())
        for tr in box[0].find_all("tr")
        if tr.find_all("td")
    }
    assert rows["First mentioned"].startswith("Nov 2022, Tripartite meeting with Blinken")
    assert rows["Latest appearance"].startswith("4 May 2023, The talks end")
    assert rows["Quotes"] == "11"


def test_glossary_terms_show_definition_and_link_at_first_mention(
    html_pages: dict[str, Node],
) -> None:
    terms = article_of(html_pages[PAGES["background"]]).find_all("a", "gloss")
    by_text = {a.text(): a for a in terms}
    assert "checkpoint" in by_text
    assert by_text["checkpoint"].attrs["href"].endswith("glossary/#checkpoint")
    assert "Azerbaijan announced at the entrance" in by_text["checkpoint"].attrs["title"]
    assert len([a for a in terms if a.text() == "checkpoint"]) == 1
    glossary = " ".join(article_of(html_pages[PAGES["glossary"]]).text().split())
    for name in ("Berdzor corridor", "Artsakh", "Ceyhun Bayramov"):
        assert name in glossary


def test_the_map_draws_the_corridor_as_a_line(html_pages: dict[str, Node]) -> None:
    for page in ("lachin", "overview"):
        figure = article_of(html_pages[PAGES[page]]).find_all("figure", "locator-map")
        assert len(figure) == 1, f"the {page} page has no locator map"
        corridor = [
            g for g in figure[0].find_all("g") if g.attrs.get("data-place") == "lachin-corridor"
        ]
        assert corridor, "the corridor is on the map"
        points = corridor[0].find_all("polyline")[0].attrs["points"].split()
        assert len(points) >= 2
        svg = figure[0].find_all("svg")[0]
        assert svg.attrs["role"] == "img" and svg.attrs.get("aria-labelledby")
        assert "approximate" in " ".join(figure[0].find_all("desc")[0].text().split())


def test_the_shipped_story_shows_its_second_article_changelog_and_feed(
    site: Path, html_pages: dict[str, Node]
) -> None:
    import xml.etree.ElementTree as ET

    sources = " ".join(article_of(html_pages[PAGES["sources"]]).text().split())
    assert "— 4 May 2023, 21:30 · Written for this project" in sources
    second = " ".join(
        article_of(html_pages[f"{STORY}/sources/001_talks-end/index.html"]).text().split()
    )
    assert "Written for this project, not a wire report" in second
    overview = article_of(html_pages[PAGES["overview"]])
    changes = [li for li in overview.find_all("li") if li.find_all("span", "change-type")]
    assert [" ".join(li.text().split())[:11] for li in changes] == [
        "10 May 2023",
        "4 May 2023 ",
        "1 May 2023 ",
    ]
    assert "feed.xml" in {a.attrs.get("href") for a in overview.find_all("a")}
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring((site / STORY / "feed.xml").read_bytes())
    assert feed.findtext(f"{atom}id") == f"{SITE_URL}{STORY}/"
    titles = [e.findtext(f"{atom}title") or "" for e in feed.findall(f"{atom}entry")]
    assert sorted(t.split(":")[0] for t in titles) == ["Added", "Added", "Added"]
    assert any("How the talks ended" in t for t in titles)


def test_the_third_article_says_it_was_written_for_the_project(
    html_pages: dict[str, Node],
) -> None:
    sources = " ".join(article_of(html_pages[PAGES["sources"]]).text().split())
    assert (
        "What Yerevan and Baku said about the talks near Washington — 10 May 2023, 20:00 · "
        "Written for this project" in sources
    )
    third = article_of(html_pages[f"{STORY}/sources/002_yerevan-and-baku/index.html"])
    text = " ".join(third.text().split())
    assert "Source: Written for this project" in text
    assert "Written for this project, not a wire report" in text


# ── Downloads ───────────────────────────────────────────────────────────────────────────────

DOWNLOADS = ("facts.json", "timeline.json", "places.geojson", "quotes.csv")
"""Each story's downloads, in the order of its sources page; tests/test_exports.py checks them
against their formats' specifications."""


def test_each_story_folder_holds_its_downloads(site: Path) -> None:
    folder = site / STORY
    facts = json.loads((folder / "facts.json").read_text("utf-8"))
    assert "lachin-corridor" in {entity["id"] for entity in facts["entities"]}
    timeline = json.loads((folder / "timeline.json").read_text("utf-8"))
    assert len(timeline["events"]) == len(facts["events"]) > 10
    places = json.loads((folder / "places.geojson").read_text("utf-8"))
    assert places["type"] == "FeatureCollection"
    assert "lachin-corridor/route" in {feature["id"] for feature in places["features"]}
    quotes = (folder / "quotes.csv").read_text("utf-8")
    assert len(list(csv.DictReader(io.StringIO(quotes, newline="")))) == len(facts["quotes"])


def test_sources_page_links_the_downloads_relatively(
    site: Path, html_pages: dict[str, Node]
) -> None:
    """The site is served under a sub-path (/<repo>/): every link is relative to the page."""
    page = PAGES["sources"]
    body = article_of(html_pages[page])
    links = [a for div in body.find_all("div", "story-downloads") for a in div.find_all("a")]
    hrefs = [a.attrs["href"] for a in links]
    for href in hrefs:
        parts = urlsplit(href)
        assert not parts.scheme and not parts.netloc and not href.startswith("/"), href
    served = "/repo/"
    targets = [urlsplit(urljoin(served + page_url(page), href)).path for href in hrefs]
    assert targets == [f"{served}{STORY}/{name}" for name in DOWNLOADS]
    assert all((site / STORY / name).is_file() for name in DOWNLOADS)
    texts = [" ".join(a.text().split()) for a in links]
    assert "Download the timeline (TimelineJS JSON)" in texts
    assert all(text.startswith("Download ") for text in texts)


def _download_links(site: Path) -> list[tuple[str, str]]:
    """(download, link) of every link to a page of the site in the story's downloads."""
    folder = site / STORY
    timeline = json.loads((folder / "timeline.json").read_text("utf-8"))
    found = [
        ("timeline.json", href)
        for slide in timeline["events"]
        for href in re.findall(r'<a href="([^"]+)"', slide["text"]["text"])
    ]
    quotes = (folder / "quotes.csv").read_text("utf-8")
    found += [
        ("quotes.csv", row["sentence_link"])
        for row in csv.DictReader(io.StringIO(quotes, newline=""))
    ]
    places = json.loads((folder / "places.geojson").read_text("utf-8"))["features"]
    found += [("places.geojson", feature["properties"]["page"]) for feature in places]
    return [(name, href) for name, href in found if not urlsplit(href).scheme]


def test_download_links_lead_to_the_cited_sentences(
    site: Path, html_pages: dict[str, Node]
) -> None:
    """Each link in a download, read from where the download is, leads to a built page and,
    for a citation, to the sentence with that id."""
    links = _download_links(site)
    assert {name for name, _ in links} == {"timeline.json", "quotes.csv", "places.geojson"}
    broken = []
    for name, href in links:
        target = urlsplit(urljoin(f"/{STORY}/{name}", href))
        file = target_file(site, target.path.lstrip("/"))
        if not file.is_file():
            broken.append(f"{name}: {href} leads to no page")
        elif target.fragment and target.fragment not in ids_in(
            html_pages[file.relative_to(site).as_posix()]
        ):
            broken.append(f"{name}: {href}: no element with that id")
    assert len(links) > 40 and not broken, "\n".join(broken)


def test_overview_and_home_show_the_story_topics(html_pages: dict[str, Node]) -> None:
    for role in ("overview", "home"):
        topics = article_of(html_pages[PAGES[role]]).find_all("p", "story-tags")
        assert [" ".join(p.text().split()) for p in topics] == [
            "Topics: Washington · peace negotiations · Armenia · Azerbaijan"
        ], role


# ── Claims: each cites what supports it; corrections win; where the story stands ─────────────


def _line(page: Node, starts: str) -> Node:
    """The list item or paragraph of the page's article whose text starts with ``starts``."""
    for node in article_of(page).iter():
        if node.tag in ("li", "p") and " ".join(node.text().split()).startswith(starts):
            return node
    raise AssertionError(f"no line starting {starts!r}")


def _cited(node: Node) -> list[str]:
    """What the source markers inside ``node`` point to, in reading order: the id of each
    sentence their notes list (``p3s1``), or the address of an outside source."""
    return [_source_of(link) for link in cited_links(node)]


def _source_of(link: Node) -> str:
    return link.attrs.get("data-sentence") or link.attrs["href"]


def cited_links(node: Node) -> list[Node]:
    """The links of the notes that the markers inside ``node`` point to: one per sentence (its
    ``Paragraph 3`` link) or outside source, as "Sources on this page" lists them."""
    root = next(iter(reversed([node, *node.ancestors()])))
    notes = {li.attrs["id"]: li for li in root.find_all("li") if "id" in li.attrs}
    links: list[Node] = []
    for marker in node.find_all("a", "cite"):
        note = notes[marker.attrs["href"].rpartition("#")[2]]
        links += [a for a in note.find_all("a") if a.classes & {"ref-where", "ref-external"}]
    return links


def test_each_claim_has_one_marker_and_its_note_groups_the_sentences_by_article(
    html_pages: dict[str, Node],
) -> None:
    """A claim ends in one number, never a cluster; numbers run 1, 2, 3 in reading order (a
    claim cited again with the same sources reuses its number); each note lists what the claim
    rests on, under one heading per article."""
    problems: list[str] = []
    for path, page in html_pages.items():
        if not path.startswith(f"{STORY}/"):
            continue
        body = article_of(page)
        markers = body.find_all("a", "cite")
        firsts = [int(m.text()) for m in markers if m.attrs["id"] == f"cite-{m.text()}"]
        if firsts != list(range(1, len(firsts) + 1)):
            problems.append(f"{path}: numbers in reading order {firsts}")
        if re.search(r"\]\s*\[\d", _marker_text(body)):
            problems.append(f"{path}: two markers side by side")
        for note in body.find_all("li"):
            if not note.attrs.get("id", "").startswith("ref-"):
                continue
            origins = [" ".join(p.text().split()) for p in note.find_all("p", "ref-origin")]
            if not origins or len(set(origins)) != len(origins):
                problems.append(f"{path}: {note.attrs['id']} groups {origins}")
    assert not problems, "\n".join(problems[:20])


def _marker_text(node: Node) -> str:
    """The node's text with each marker written ``[n]``."""
    if "cite" in node.classes:
        return f"[{node.text()}]"
    return "".join(c if isinstance(c, str) else _marker_text(c) for c in node.children)


def test_an_alias_cites_its_own_source_not_the_entitys(html_pages: dict[str, Node]) -> None:
    """'Berdzor corridor' is in no sentence of the articles: it cites the outside page that
    gives it, where the entity's own sources (two sentences) would have cited neither word."""
    aliases = _line(html_pages[PAGES["lachin"]], "Also written:")
    cited = _cited(aliases)
    assert len([c for c in cited if "wikipedia.org/wiki/Lachin" in c]) == 1
    assert [c for c in cited if not c.startswith("https://")] == ["p3s1"]


def test_the_place_of_the_talks_cites_the_sentence_that_names_it(
    html_pages: dict[str, Node],
) -> None:
    where = _line(html_pages[PAGES["talks"]], "Where:")
    assert _cited(where) == ["p2s1"]
    assert "001_talks-end" in cited_links(where)[0].attrs["href"]


def test_the_corrected_checkpoint_date_is_shown_everywhere(html_pages: dict[str, Node]) -> None:
    """The article's 'ten days ago' gives 21 April; the source check finds 23 April."""
    timeline = article_of(html_pages[PAGES["timeline"]])
    checkpoint = [li for li in timeline.find_all("li") if "sets up a checkpoint" in li.text()]
    assert checkpoint and all("23 Apr 2023" in li.text() for li in checkpoint)
    for path, page in html_pages.items():
        if path.startswith(STORY) and "/sources/" not in path and "source-checks" not in path:
            assert "21 Apr" not in _text_outside_notes(article_of(page)), path


def _text_outside_notes(node: Node) -> str:
    """The text of ``node`` without its notes (a source check says what the article has)."""
    if node.classes & {"admonition", "timeline-check", "references"}:
        return ""
    return "".join(c if isinstance(c, str) else _text_outside_notes(c) for c in node.children)


def test_the_talks_say_how_they_ended_and_when_the_story_was_updated(
    html_pages: dict[str, Node],
) -> None:
    talks = html_pages[PAGES["talks"]]
    status = _line(talks, "Status:")
    assert " ".join(status.text().split()).startswith("Status: Ended, as of 4 May 2023")
    assert "001_talks-end" in cited_links(status)[0].attrs["href"]
    assert "are supposed to continue" not in _text_outside_notes(article_of(talks))
    story_pages = [p for path, p in html_pages.items() if path.startswith(f"{STORY}/")]
    assert len(story_pages) > 30
    for page in story_pages:
        updated = article_of(page).find_all("p", "story-updated")
        assert [" ".join(p.text().split()) for p in updated] == ["Updated 10 May 2023"]


def test_no_block_repeats_the_citations_of_the_block_before(html_pages: dict[str, Node]) -> None:
    """Cite once per block: two adjacent paragraphs or list items never end in the same
    citations (the run cites them once, after its last line). A record whose citation sits
    inside it (an actor card, a timeline entry) is a block of its own."""
    repeated = []
    for path, page in html_pages.items():
        if not path.startswith(f"{STORY}/"):
            continue
        for node in article_of(page).iter():
            elements = [child for child in node.children if isinstance(child, Node)]
            for before, after in itertools.pairwise(elements):
                ends_cited = _ends_with_citation(before) and _ends_with_citation(after)
                if (
                    {before.tag, after.tag} <= {"p", "li"}
                    and before.tag == after.tag
                    and ends_cited
                ):
                    cited = _cited(before)
                    if cited and cited == _cited(after):
                        repeated.append(f"{path}: {before.describe()}")
    assert repeated == []


def _ends_with_citation(block: Node) -> bool:
    """Whether nothing but white space follows the block's last citation."""
    citations = block.find_all("a", "cite")
    if not citations:
        return False
    text = block.text()
    return not text[text.rfind(citations[-1].text()) + len(citations[-1].text()) :].strip()
