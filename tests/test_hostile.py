"""A hostile story renders inert: every page of a real site built from it, opened in Chromium.

``tests/hostile/content/hostile`` is a valid story whose article and facts carry ``<script>``,
``onerror`` handlers, ``javascript:`` and ``data:`` links, raw HTML, Jinja, Markdown that would
change a page's structure and a 300-letter word. The site is built with a real ``mkdocs build
--strict`` and served on 127.0.0.1; each page is opened at desktop and phone width. Every script
in the content tries to set ``window.__pwned`` or open a dialog; neither may happen, no request
may leave the local server and nothing may be wider than the screen.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from support import copy_project, serve_folder

playwright_api = pytest.importorskip("playwright.sync_api")

HOSTILE = Path(__file__).parent / "hostile" / "content" / "hostile"
CHROMIUM = Path("/usr/bin/chromium")
WIDTHS = {"desktop": 1280, "phone": 390}
ARTICLE_PAGE = "hostile/sources/wire/"
MARKDOWN_PAGE = "hostile/sources/feature/"
LITERALS = [
    '<script>window.__pwned = "article script"',
    "# This line must not become a heading",
    "| Armenia | Azerbaijan |",
    "[the map](javascript:window.__pwned='link')",
    '{{ config }} and {% include "base.html" %}',
    "--- The talks continued [^1]",
    "[^1]: This line must not become a footnote",
    "- This paragraph starts with a list marker",
    "1. This one starts with a number",
    "`rm -rf /` and ```code fences```",
    '<iframe src="https://evil.example/frame"></iframe>',
    "***bold*** _under_ ~~strike~~ ==mark== ^sup^ &amp; &lt;tag&gt; \\ backslash",
]
"""Text of the article that must reach the reader as these very characters."""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium (make test installs it)"
    ),
]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    for story in (project / "content").iterdir():
        if (story / "story.yml").is_file():
            shutil.rmtree(story)
    shutil.copytree(HOSTILE, project / "content" / "hostile")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=project,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    return project / "site"


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_folder(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


def _pages(site: Path) -> list[str]:
    folders = sorted(path.parent for path in site.rglob("index.html") if path.parent != site)
    return ["", *(folder.relative_to(site).as_posix() + "/" for folder in folders)]


def test_the_hostile_story_builds_every_page_type(built_site: Path) -> None:
    pages = _pages(built_site)
    for expected in ("hostile/", ARTICLE_PAGE, MARKDOWN_PAGE, "hostile/actors/evil-minister/"):
        assert expected in pages
    assert "hostile/events/evil-talks/" in pages


class _LiveMarkup(HTMLParser):
    """Collects what in an HTML page could run or load: elements, handlers and link targets."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.structured_data: list[str] = []
        """The text of each ``<script type="application/ld+json">``: data, checked apart."""
        self._in_script = False
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_data = tag == "script" and ("type", "application/ld+json") in attrs
        self._in_script = tag == "script" and not self._in_data
        if tag in ("iframe", "object", "embed", "base"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            target = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"{tag} {name}={value}")
            if name in ("href", "src", "action") and target.startswith(("javascript:", "data:")):
                self.found.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_data = False

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.structured_data.append(data)
        elif self._in_script and ("__pwned" in data or "alert(" in data):
            self.found.append(f"script: {data[:80]}")


def test_no_content_script_handler_or_link_reaches_the_html(built_site: Path) -> None:
    for html_path in built_site.rglob("*.html"):
        parser = _LiveMarkup()
        parser.feed(html_path.read_text(encoding="utf-8"))
        assert parser.found == [], html_path


def test_structured_data_holds_the_hostile_text_as_data(built_site: Path) -> None:
    """Each page's JSON-LD is one script whose text has no ``<`` or ``>`` (escaped as ``\\u003c``,
    so no ``</script>`` or ``<!--`` in a name can end it or hide the rest of the page), and the
    JSON, read back, gives the hostile names exactly as written."""
    names: set[str] = set()
    for html_path in built_site.rglob("*.html"):
        parser = _LiveMarkup()
        parser.feed(html_path.read_text(encoding="utf-8"))
        assert len(parser.structured_data) == 1, html_path
        [text] = parser.structured_data
        assert "<" not in text and ">" not in text, html_path
        names |= set(re.findall(r'"(?:name|headline)": "((?:[^"\\]|\\.)*)"', text))
    decoded = {json.loads(f'"{name}"') for name in names}
    assert "<script>window.__pwned='name'</script>Evil Minister" in decoded
    assert "Evil & <Country>" in decoded
    assert any(n.startswith("<script>window.__pwned='story title'</script>") for n in decoded)


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_every_page_is_inert_local_and_fits(
    browser: Any, site_url: str, built_site: Path, width: str
) -> None:
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    dialogs: list[str] = []
    foreign: list[str] = []
    for path in _pages(built_site):
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda r: None if r.url.startswith(site_url) else foreign.append(r.url))
        response = page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert response is not None and response.status == 200, path
        assert page.evaluate("() => window.__pwned") is None, path
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 2, f"{path} is {overflow}px wider than the {width} screen"
        assert page.locator("article h1").count() == 1, path
        page.close()
    context.close()
    assert dialogs == []
    assert foreign == []


def test_article_markdown_syntax_stays_text(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + ARTICLE_PAGE)
    article = page.locator("article")
    text = article.inner_text()
    for literal in LITERALS:
        assert literal in text
    assert article.locator("h2, h3, h4, h5, h6").count() == 0
    for tag in ("table", "hr", "code", "pre", "iframe", "img", "script", "style", "del", "mark"):
        assert article.locator(tag).count() == 0, tag
    assert article.locator(".footnote, sup").count() == 0
    assert article.locator("li").count() == article.locator(".article-meta li").count()
    assert article.locator("a[href^='javascript'], a[href^='data']").count() == 0
    assert page.locator("#p2s1").inner_text().startswith("# This line must not become a heading")
    page.close()


def test_facts_markup_stays_text(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "hostile/actors/evil-minister/")
    article = page.locator("article")
    assert article.locator("h1").inner_text().startswith("<script>window.__pwned='name'</script>")
    text = article.inner_text()
    assert "| Minister | of Tables |" in text
    assert "[^1]: footnote --- `tick`" in text
    assert article.locator("hr, code, img, script").count() == 0
    # The one table is the template's infobox; the role's pipes stay inside one of its cells.
    assert article.locator("table").count() == article.locator("aside.infobox table").count() == 1
    for row in article.locator("aside.infobox tr").all():
        assert row.locator("th, td").count() == 2
    page.close()


def test_markdown_article_front_matter_and_body_stay_text(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + MARKDOWN_PAGE)
    article = page.locator("article")
    assert article.locator("h1").inner_text().startswith("<script>window.__pwned='md title'")
    text = article.inner_text()
    assert "<img src=x onerror=\"window.__pwned='md source'\">" in text
    assert "Topics: <b>tag</b>" in text
    address = article.locator(".article-meta a")
    assert address.get_attribute("href") == (
        "https://evil.example/story?x='onclick='window.__pwned=1'&y=(){}[]*_`|~^"
    )
    # Raw HTML in a Markdown article is markup a reader never sees: it is read as nothing.
    assert page.locator("#p3s1").inner_text() == "A quoted line stays a paragraph of text."
    assert article.locator("script, img, iframe, blockquote").count() == 0
    page.close()


_TRAP = """Object.defineProperty(window, '__pwned', {
    configurable: false, set(value) { window.__reportPwned(String(value)); }, get() { return null; }
});"""
"""Any content script's ``window.__pwned = …`` is reported, whatever page or frame it runs in."""


def _click(page: Any, index: int) -> None:
    page.evaluate("index => document.querySelectorAll('a[href]')[index].click()", index)


def test_clicking_every_link_runs_no_script_and_leaves_no_host(
    browser: Any, site_url: str, built_site: Path
) -> None:
    """Every link of the hostile site is clicked where it stands, but a link to another of the
    site's pages: that page must exist, and the sweep above opens each one.

    A link within its page is clicked in place; one that leaves the page (an outside address,
    ``mailto:``) is clicked in a page of its own, which is then closed with what it opened.
    """
    context = browser.new_context()
    foreign: list[str] = []
    pwned: list[str] = []
    dialogs: list[str] = []
    context.expose_function("__reportPwned", lambda value: pwned.append(value))
    context.add_init_script(_TRAP)
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(site_url)
            else (foreign.append(route.request.url), route.abort())
        ),
    )
    context.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pages = {site_url + path for path in _pages(built_site)}
    clicked: set[str] = set()
    for path in _pages(built_site):
        page = context.new_page()
        page.goto(site_url + path)
        links = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
        for index, href in enumerate(links):
            target = href.split("#")[0]
            assert href.split(":")[0] in ("http", "https", "mailto"), (path, href)
            if target == site_url + path and "#" in href:
                _click(page, index)
                clicked.add(href)
            elif target.startswith(site_url):
                assert target in pages or (built_site / target[len(site_url) :]).is_file(), href
            elif href not in clicked:
                clicked.add(href)
                leaving = context.new_page()
                leaving.goto(site_url + path)
                _click(leaving, index)
                leaving.wait_for_timeout(100)
                for opened in context.pages:
                    if opened is not page:
                        opened.close()
        page.wait_for_timeout(30)
        page.close()
    context.close()
    assert (pwned, dialogs) == ([], [])
    assert len(clicked) > 50
    # Outside addresses (the facts' own links, the theme's credit) were clicks, not loads, and
    # were refused here before they left the machine.
    assert any(url.startswith("https://evil.example/") for url in foreign)
