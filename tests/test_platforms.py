"""The site builds on ProperDocs (MkDocs 1.6 continued) as on MkDocs, and the project that
``explainer render --out`` writes builds on MkDocs, ProperDocs and Zensical without the plugin:
Material's end of life must not stop a newsroom publishing."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
import yaml
from support import copy_project
from test_bad_input import build_strict, materialise

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def _site(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): GENERATOR_TAG.sub(b"", path.read_bytes())
        for path in folder.rglob("*")
        if path.is_file() and path.suffix != ".gz"  # the compressed sitemap holds a date
    }


@pytest.mark.slow
def test_properdocs_builds_the_site_mkdocs_builds(tmp_path: Path) -> None:
    mkdocs, properdocs = copy_project(tmp_path / "mkdocs"), copy_project(tmp_path / "properdocs")
    assert build_strict(mkdocs).returncode == 0
    done = build_strict(properdocs, "properdocs")
    assert done.returncode == 0, done.stderr
    built = _site(properdocs / "site")
    assert len(built) > 40
    assert built == _site(mkdocs / "site")


@pytest.mark.slow
def test_a_warning_fails_a_strict_properdocs_build(tmp_path: Path) -> None:
    """The plugin logs through the engine's plugin logger, which ProperDocs counts too: an
    empty facts file (a warning) stops a strict build there as it does under MkDocs."""
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "content" / "armenia-azerbaijan-talks")
    materialise("empty-facts", project)
    done = build_strict(project, "properdocs")
    assert done.returncode != 0
    assert "content/talks/facts.yml:1:1: warning[empty-facts]" in done.stderr


# ── The site as a plain project: explainer render --out ─────────────────────────────────────


def _broken_links(site: Path) -> tuple[int, list[str]]:
    """Every relative link of every built page, and those whose file or anchor is missing."""
    pages = {page: page.read_text("utf-8") for page in site.rglob("*.html")}
    anchors = {page: set(re.findall(r'\bid="([^"]+)"', text)) for page, text in pages.items()}
    links, broken = 0, []
    for page, text in pages.items():
        for href in map(html.unescape, re.findall(r'\bhref="([^"]+)"', text)):
            address = urllib.parse.urlsplit(href)
            if address.scheme or address.netloc or href.startswith("#"):
                continue
            links += 1
            path = urllib.parse.unquote(address.path)
            target = (site / path.lstrip("/")) if path.startswith("/") else page.parent / path
            target = Path(os.path.normpath(target / "index.html" if target.is_dir() else target))
            fragment = urllib.parse.unquote(address.fragment)
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif fragment and target.suffix == ".html" and fragment not in anchors[target]:
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return links, broken


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``explainer render --out`` of the shipped content: mkdocs.yml and docs/."""
    out = tmp_path_factory.mktemp("project")
    done = subprocess.run(
        [BIN / "explainer", "render", str(ROOT / "content"), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "properdocs", "zensical"])
def test_each_engine_builds_the_rendered_project_with_every_link_resolving(
    tmp_path: Path, project: Path, engine: str
) -> None:
    """No explainer plugin: the engine alone turns the pages into a site, and every link, the
    citations in the pages' finished HTML too, leads to a page and an anchor that exist."""
    copy = tmp_path / engine
    shutil.copytree(project, copy)
    done = build_strict(copy, engine)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "plugins" not in yaml.safe_load((copy / "mkdocs.yml").read_text("utf-8"))
    links, broken = _broken_links(copy / "site")
    assert links > 1000
    assert broken == []
    overview = (copy / "site" / "armenia-azerbaijan-talks" / "index.html").read_text("utf-8")
    assert 'class="cite"' in overview
    assert 'href="sources/000_d5e6e064cd57f212.html#p1s1"' in overview
    # The project's theme overrides give its pages the share tags and structured data too.
    assert '<meta property="og:title" content="Armenia–Azerbaijan peace talks' in overview
    [data] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', overview, re.S)
    article = json.loads(data)["@graph"][0]
    assert (article["@type"], article["url"], article["dateModified"]) == (
        "Article",
        "index.html",
        "2023-05-10",
    )


def test_the_check_of_links_finds_a_broken_one(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<a href="b.html#x">b</a> <a href="c.html">c</a>', "utf-8")
    (tmp_path / "b.html").write_text('<p id="y">b</p>', "utf-8")
    assert _broken_links(tmp_path) == (2, ["a.html: b.html#x (no such anchor)", "a.html: c.html"])
