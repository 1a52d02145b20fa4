"""What a reader sees, in a real Chromium (Debian's package) driven by Playwright.

The site is built with a real ``mkdocs build`` and served on 127.0.0.1; every page type is opened
and must log no console error and make no request to any other host.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import copy_project, serve_folder

playwright_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / ".artifacts" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}
WIDTHS_PHONE = {"width": WIDTHS["phone"], "height": 844}
STORY = "armenia-azerbaijan-talks"
PAGE_TYPES = {
    "home": "",
    "overview": f"{STORY}/",
    "background": f"{STORY}/background/",
    "actors": f"{STORY}/actors/",
    "actor": f"{STORY}/actors/nikol-pashinyan/",
    "place": f"{STORY}/places/lachin-corridor/",
    "talks": f"{STORY}/events/washington-talks/",
    "timeline": f"{STORY}/timeline/",
    "quotes": f"{STORY}/quotes/",
    "glossary": f"{STORY}/glossary/",
    "source-checks": f"{STORY}/source-checks/",
    "source": f"{STORY}/sources/000_d5e6e064cd57f212/",
    "reference": "reference/facts/",
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium (make test installs it)"
    ),
]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("project"))
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=project,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    with serve_folder(project / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


@pytest.mark.parametrize("page_type", sorted(PAGE_TYPES))
def test_page_loads_cleanly_from_the_local_server_only(browser, site_url, page_type):
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(site_url + PAGE_TYPES[page_type])
    page.wait_for_load_state("networkidle")
    assert response is not None and response.status == 200
    assert errors == []
    assert [url for url in requests if not url.startswith(site_url)] == []
    assert page.locator("article h1").count() == 1
    page.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Pashinyan", "actors/nikol-pashinyan/"),
        ("Lachin", "places/lachin-corridor/"),
        ("Berdzor", "places/lachin-corridor/"),
    ],
)
def test_search_finds_the_page(browser, site_url, query, expected):
    page = browser.new_page()
    page.goto(site_url + f"{STORY}/")
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=50)
    first = page.locator("li.md-search-result__item a").first
    first.wait_for(state="attached", timeout=15_000)
    assert first.get_attribute("href").split("?")[0].endswith(expected)
    page.close()


def _marker_citing(page, sentence_id: str):
    """The first marker in the text whose note lists the sentence ``sentence_id``."""
    number = page.evaluate(
        """id => {
            const link = document.querySelector(`.references a.ref-where[data-sentence='${id}']`);
            return link.closest("li[id^='ref-']").id.slice(4);
        }""",
        sentence_id,
    )
    return page.locator(f"#cite-{number}")


def test_a_marker_leads_to_its_note_and_the_note_to_the_highlighted_sentence(browser, site_url):
    """One number per claim: it opens the claim's note in "Sources on this page", and the note
    links each sentence it lists to that sentence in its article."""
    page = _open(browser, site_url + f"{STORY}/places/lachin-corridor/")
    marker = _marker_citing(page, "p3s1")
    number = marker.inner_text()
    assert number.isdigit()
    marker.click()
    page.wait_for_url(f"**/places/lachin-corridor/#ref-{number}")
    note = page.locator(f"#ref-{number}")
    # The address changes first; the note becomes the page's target as the navigation ends.
    page.wait_for_function(f"() => document.getElementById('ref-{number}').matches(':target')")
    assert "US hosts Armenian and Azerbaijani foreign ministers" in note.inner_text()
    note.locator("a.ref-where[data-sentence='p3s1']").click()
    page.wait_for_url("**/sources/000_d5e6e064cd57f212/#p3s1")
    target = page.locator("#p3s1")
    assert "the only land link between Armenia" in target.inner_text()
    page.wait_for_function("() => document.getElementById('p3s1').matches(':target')")
    page.close()


def _open(browser, url: str, **options):
    page = browser.new_page(**options)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


def test_citation_preview_shows_the_sentence_on_hover_and_focus(browser, site_url):
    page = _open(browser, site_url + f"{STORY}/places/lachin-corridor/")
    citation = _marker_citing(page, "p3s1")
    citation.hover()
    preview = page.locator("#explainer-preview")
    preview.wait_for(state="visible")
    assert "the only land link between Armenia and the Nagorno-Karabakh region" in (
        preview.inner_text()
    )
    assert "1 May 2023" in preview.inner_text()
    assert citation.get_attribute("aria-describedby") == "explainer-preview"
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    _marker_citing(page, "p17s1").focus()
    preview.wait_for(state="visible")
    assert "deployed peacekeeping forces along the Lachin Corridor" in preview.inner_text()
    page.close()


def test_citation_preview_on_touch_first_tap_previews_second_tap_follows(browser, site_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport=WIDTHS_PHONE)
    page = context.new_page()
    page.goto(site_url + f"{STORY}/places/lachin-corridor/")
    page.wait_for_load_state("networkidle")
    citation = _marker_citing(page, "p3s1")
    citation.scroll_into_view_if_needed()
    box = citation.bounding_box()
    assert box is not None and box["width"] >= 24 and box["height"] >= 24, box
    citation.tap()
    preview = page.locator("#explainer-preview")
    preview.wait_for(state="visible")
    assert "/places/lachin-corridor/" in page.url
    assert "the only land link" in preview.inner_text()
    citation.tap()
    page.wait_for_url(f"**/places/lachin-corridor/#ref-{citation.inner_text()}")
    context.close()


def test_timeline_lists_events_in_date_order(browser, site_url):
    page = _open(browser, site_url + f"{STORY}/timeline/")
    starts = page.locator("ol.timeline > li.timeline-event").evaluate_all(
        "items => items.map(item => item.dataset.start)"
    )
    assert len(starts) >= 10
    assert starts == sorted(starts)
    labels = page.locator("ol.timeline .timeline-date").all_inner_texts()
    assert {"early 1990s", "Nov 2022", "1–4 May 2023"} <= set(labels)
    page.close()


AXE_WCAG22_AA = """async () => {
  const rules = {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]};
  const result = await axe.run(document, {runOnly: rules, resultTypes: ["violations"]});
  return result.violations
    .map(v => v.id + " (" + v.impact + "): " + v.nodes.map(n => n.target.join(" ")).join(", "));
}"""
"""Every WCAG 2.2 A and AA rule of axe-core (target-size, the 24-pixel touch targets, among
them), whatever the impact of a violation."""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_type", sorted(PAGE_TYPES))
def test_page_is_accessible_and_screenshotted(browser, site_url, page_type, scheme):
    """axe-core's WCAG 2.2 AA rules find no violation of any impact, on a phone and on a
    desktop; screenshots of both go to .artifacts/."""
    assert AXE.is_file(), f"{AXE} is missing; run 'make setup-test' (npm ci)"
    size = {"width": WIDTHS["desktop"], "height": 900}
    page = _open(browser, site_url + PAGE_TYPES[page_type], color_scheme=scheme, viewport=size)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    page.add_script_tag(path=str(AXE))
    violations = []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width_name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(500)  # Material's layout transitions end (the sidebar's colours)
        violations += [f"{width_name}: {v}" for v in page.evaluate(AXE_WCAG22_AA)]
        page.screenshot(
            path=str(SCREENSHOTS / f"{page_type}-{width_name}-{scheme}.png"), full_page=True
        )
    page.close()
    assert violations == [], "\n".join(violations)


def test_the_map_draws_the_corridor(browser, site_url):
    page = _open(browser, site_url + f"{STORY}/places/lachin-corridor/")
    route = page.locator("figure.locator-map [data-place='lachin-corridor'] polyline")
    box = route.bounding_box()
    assert box is not None and box["width"] + box["height"] > 20
    colour = route.evaluate("line => getComputedStyle(line).stroke")
    assert colour not in ("none", "rgba(0, 0, 0, 0)")
    assert page.locator("figure.locator-map path.map-country").count() >= 4
    page.close()


def test_print_hides_navigation_and_keeps_the_sources(browser, site_url):
    page = _open(browser, site_url + f"{STORY}/places/lachin-corridor/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} shows in print"
    notes = page.locator(".references-list > li")
    assert notes.count() >= 5 and notes.first.is_visible()
    texts = notes.all_inner_texts()
    assert any("the only land link between Armenia" in t and "1 May 2023" in t for t in texts)
    printed_address = page.locator("a.ref-external").first.evaluate(
        "link => getComputedStyle(link, '::after').content"
    )
    assert "https://" in printed_address, "outside sources print their address"
    assert page.locator("a.cite").first.is_visible()
    page.screenshot(path=str(_screenshot_path("print-place")), full_page=True)
    page.close()


def _screenshot_path(name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


def test_an_entity_link_previews_the_entity_on_hover_focus_and_tap(browser, site_url):
    """A link to a person's page shows their name and a line about them, like a glossary
    term: on hover, on keyboard focus, and on a first tap (a second tap follows it)."""
    page = _open(browser, site_url + f"{STORY}/")
    person = page.locator("a.entity", has_text="Ararat Mirzoyan").first
    preview = page.locator("#explainer-preview")
    person.hover()
    preview.wait_for(state="visible")
    assert "Ararat Mirzoyan" in preview.inner_text()
    assert "Armenia's foreign minister" in preview.inner_text()
    assert "Open the page" in preview.inner_text()
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    page.locator("a.entity", has_text="Jeyhun Bayramov").first.focus()
    preview.wait_for(state="visible")
    assert "Azerbaijan's foreign minister" in preview.inner_text()
    page.close()
    context = browser.new_context(has_touch=True, is_mobile=True, viewport=WIDTHS_PHONE)
    page = context.new_page()
    page.goto(site_url + f"{STORY}/")
    page.wait_for_load_state("networkidle")
    person = page.locator("a.entity", has_text="Ararat Mirzoyan").first
    person.scroll_into_view_if_needed()
    person.tap()
    page.locator("#explainer-preview").wait_for(state="visible")
    assert page.url.endswith(f"{STORY}/")
    person.tap()
    page.wait_for_url("**/actors/ararat-mirzoyan/")
    context.close()


def test_glossary_term_shows_its_definition_on_focus(browser, site_url):
    page = _open(browser, site_url + f"{STORY}/background/")
    term = page.locator("a.gloss", has_text="checkpoint").first
    term.focus()
    preview = page.locator("#explainer-preview")
    preview.wait_for(state="visible")
    assert "checkpoint" in preview.inner_text()
    assert "Azerbaijan announced at the entrance to the Lachin" in preview.inner_text()
    page.close()


@pytest.fixture(scope="module")
def zensical_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site Zensical builds from the project ``explainer render --out`` writes."""
    project = tmp_path_factory.mktemp("zensical") / "project"
    bin_folder = Path(sys.executable).parent
    subprocess.run(
        [bin_folder / "explainer", "render", str(ROOT / "content"), "--out", str(project)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    subprocess.run(
        [bin_folder / "zensical", "build", "--strict", "-f", "mkdocs.yml"],
        cwd=project, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    with serve_folder(project / "site") as url:
        yield url


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        f"{STORY}/index.html",
        f"{STORY}/actors/ararat-mirzoyan.html",
        f"{STORY}/places/lachin-corridor.html",
        f"{STORY}/timeline.html",
        f"{STORY}/quotes.html",
        f"{STORY}/sources/000_d5e6e064cd57f212.html",
    ],
)
def test_the_zensical_site_is_accessible_and_previews_citations(browser, zensical_url, page):
    """Zensical, without the plugin, on its own theme: the WCAG 2.2 AA rules find nothing, on a
    phone and a desktop, and a citation still previews its sentence (behaviour, not markup)."""
    view = _open(browser, zensical_url + page, viewport={"width": 1280, "height": 900})
    view.add_script_tag(path=str(AXE))
    violations = []
    for width in WIDTHS.values():
        view.set_viewport_size({"width": width, "height": 900})
        view.wait_for_timeout(500)
        violations += [f"{width}: {v}" for v in view.evaluate(AXE_WCAG22_AA)]
    assert violations == [], "\n".join(violations)
    citation = view.locator("a.cite").first
    if citation.count():
        citation.scroll_into_view_if_needed()
        citation.hover()
        preview = view.locator("#explainer-preview")
        preview.wait_for(state="visible")
        assert "Read it in the article" in preview.inner_text()
    view.close()
