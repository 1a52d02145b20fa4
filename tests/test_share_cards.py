"""Share tags, share cards and the sitemap: what a link to the site shows, and when pages changed.

Every built page has Open Graph and Twitter card tags (its title, description, canonical
address and an absolute image); each story has a 1200×630 PNG card with its title, its as-of
date and the site's name, drawn once and then taken from ``.cache/explainer/cards/``; the
sitemap dates each generated page by the articles and changelog entries it rests on.
"""

from __future__ import annotations

import io
import shutil
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from support import copy_project
from test_site import SITE_URL, STORY, Build, Node, parse_html, run_build

from generator.metadata import sharecards
from generator.metadata.sharecards import HEIGHT, WIDTH, ShareCard, card_png
from generator.pipeline import SiteAddress, build

NOW = datetime(2026, 1, 1)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def build_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return run_build(copy_project(tmp_path_factory.mktemp("share")))


@pytest.fixture(scope="module")
def site(build_site: Build) -> Path:
    if build_site.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{build_site.log}")
    return build_site.site


def _meta(page: Node) -> dict[str, str]:
    return {
        node.attrs.get("property") or node.attrs["name"]: node.attrs["content"]
        for node in page.find_all("meta")
        if "content" in node.attrs and ("property" in node.attrs or "name" in node.attrs)
    }


def _png(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        return image.size


def test_every_page_has_share_tags_with_an_absolute_image(site: Path) -> None:
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 40
    for path in pages:
        page = parse_html(path.read_text("utf-8"))
        meta = _meta(page)
        address = SITE_URL + path.relative_to(site).as_posix().removesuffix("index.html")
        canonical = [
            n.attrs["href"] for n in page.find_all("link") if n.attrs["rel"] == "canonical"
        ]
        assert meta["og:url"] == canonical[0] == address, path
        assert meta["og:title"] and meta["og:description"] and meta["twitter:title"], path
        assert meta["twitter:card"] == "summary_large_image", path
        image = meta["og:image"]
        assert image.startswith(SITE_URL) and image == meta["twitter:image"], path
        assert _png((site / image.removeprefix(SITE_URL)).read_bytes()) == (WIDTH, HEIGHT)


def test_a_story_page_shares_the_story_card(site: Path) -> None:
    page = parse_html((site / STORY / "actors" / "armenia" / "index.html").read_text("utf-8"))
    meta = _meta(page)
    assert meta["og:title"] == "Armenia"
    assert meta["og:type"] == "article"
    assert meta["og:image"] == f"{SITE_URL}{STORY}/card.png"
    assert meta["og:image:alt"] == (
        "Armenia–Azerbaijan peace talks near Washington, as of 10 May 2023"
    )
    home = _meta(parse_html((site / "index.html").read_text("utf-8")))
    assert home["og:type"] == "website"
    assert home["og:image"] == f"{SITE_URL}card.png"


def test_the_story_card_shows_its_title_date_and_the_site(site: Path) -> None:
    card = ShareCard("Armenia–Azerbaijan peace talks near Washington", "10 May 2023", "Explainer")
    drawn = (site / STORY / "card.png").read_bytes()
    assert drawn == sharecards.draw(card)
    assert drawn != sharecards.draw(ShareCard(card.title, "1 May 2023", card.site_name))
    assert (site / "card.png").read_bytes() != drawn


def test_a_card_is_drawn_once_and_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = ShareCard("Talks resume", "2 May 2023", "Explainer")
    first = card_png(card, tmp_path)
    [kept] = (tmp_path / "cards").iterdir()
    assert kept.name == f"{card.key()}.png"
    stamp = kept.stat().st_mtime_ns

    def no_drawing(card: ShareCard) -> bytes:
        raise AssertionError(f"{card.title!r} drawn again")

    monkeypatch.setattr(sharecards, "draw", no_drawing)
    assert card_png(card, tmp_path) == first
    assert kept.stat().st_mtime_ns == stamp
    kept.write_bytes(first[:-20])  # a truncated file is drawn again
    monkeypatch.undo()
    assert card_png(card, tmp_path) == first
    assert kept.read_bytes() == first


def test_a_second_build_with_nothing_changed_draws_no_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped_content: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(shipped_content, content)
    site = SiteAddress("https://example.org/explainers/", "Newsdesk")
    first = build(content, now=NOW, site=site)
    cards = sorted((tmp_path / ".cache" / "explainer" / "cards").iterdir())
    assert len(cards) == 2  # the site's and the story's
    stamps = [path.stat().st_mtime_ns for path in cards]

    def no_drawing(card: ShareCard) -> bytes:
        raise AssertionError(f"{card.title!r} drawn again")

    monkeypatch.setattr(sharecards, "draw", no_drawing)
    second = build(content, now=NOW, site=site)
    assert second.files[f"{STORY}/card.png"] == first.files[f"{STORY}/card.png"]
    assert [path.stat().st_mtime_ns for path in cards] == stamps
    monkeypatch.undo()
    without_address = build(content, now=NOW)
    assert "card.png" not in without_address.files
    assert without_address.pages is not None
    assert "\nimage:" not in without_address.pages[f"{STORY}/index.md"]


def test_the_sitemap_dates_each_page_by_its_articles_and_changelog(site: Path) -> None:
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    dated = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.findall(f"{SITEMAP}url")
    }
    assert len(dated) > 40 and all(dated.values())
    base = f"{SITE_URL}{STORY}/"
    assert dated[base] == "2023-05-10"  # the third article and the latest changelog entry
    assert dated[f"{base}sources/000_d5e6e064cd57f212/"] == "2023-05-01"
    assert dated[f"{base}actors/armenia/"] == "2023-05-01"  # only the first article names it
    assert dated[f"{base}actors/antony-blinken/"] == "2023-05-04"  # in the 4 May changelog entry
    assert dated[SITE_URL] == "2023-05-10"
