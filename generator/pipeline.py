"""The one place that knows the stage order: load, validate, resolve, render."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.corpus import Corpus, cache_folder, load_corpus
from generator.diagnostics import Diagnostic
from generator.exports import corpus_downloads
from generator.metadata.feeds import corpus_feeds
from generator.metadata.headmeta import page_heads, with_heads
from generator.metadata.pageaddress import Addresses
from generator.metadata.sharecards import corpus_cards
from generator.pages.reference import reference_page
from generator.pages.site import render_site


@dataclass(frozen=True)
class BuildResult:
    """Pages (None when the content has errors) and every diagnostic found."""

    pages: dict[str, str] | None
    diagnostics: list[Diagnostic]
    corpus: Corpus | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    """Other generated files by path: each story's downloads (its facts, timeline, places and
    quotes) and, when the site has an address, its Atom feed and the share cards (the site's
    and each story's preview image)."""


def build(
    content_dir: Path,
    now: datetime | None = None,
    templates: Path | None = None,
    site: SiteAddress | None = None,
    directory_urls: bool = True,
) -> BuildResult:
    """Read every story in ``content_dir``, check it, and render the site's pages (with their
    structured data and share tags in their front matter), downloads, feeds and share cards.
    ``directory_urls``: pages will be served as ``page/`` rather than ``page.html`` (the
    downloads link them)."""
    corpus, diagnostics = load_corpus(content_dir, now)
    if corpus is None:
        return BuildResult(None, diagnostics)
    cache = cache_folder(content_dir)
    pages = render_site(corpus, reference_page(), templates, feeds=site is not None, cache=cache)
    addresses = (
        Addresses(_folder(site.url), site.name, site.directory_urls)
        if site is not None
        else Addresses(directory_urls=directory_urls)
    )
    pages = with_heads(pages, page_heads(corpus, addresses))
    files = corpus_downloads(corpus, directory_urls)
    if site is not None:
        files.update(corpus_feeds(corpus, site.url, site.name, site.directory_urls))
        files.update(corpus_cards(corpus, site.name, cache))
    return BuildResult(pages, diagnostics, corpus, files)


def _folder(url: str) -> str:
    return url if url.endswith("/") else url + "/"


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is published: what absolute links (feeds) are made from."""

    url: str
    """The site's address, ``https://example.org/explainers/``."""
    name: str = "Explainer"
    """The site's name, the feeds' author."""
    directory_urls: bool = True
    """Pages are served as ``page/`` (MkDocs' default) rather than ``page.html``."""
