"""The site as a complete project that any MkDocs-like engine builds: ``explainer render --out``.

In: the rendered pages and files of :func:`generator.pipeline.build`, the corpus (for the
navigation), the hand-written pages and the theme's assets. Out: the text of every file of the
project by its path — ``mkdocs.yml`` (the navigation, the theme and the Markdown extensions the
pages need, and no explainer plugin) and ``docs/`` with the pages, the feeds and the assets.

MkDocs, ProperDocs and Zensical turn a Markdown link to a ``.md`` file into the built page's
address; the links inside a page's finished HTML (citations, an article's text, the story menu)
are only turned so by the explainer plugin, so here they are written as those addresses
already. Pages are files (``actors/armenia.md`` becomes ``actors/armenia.html``, not
``actors/armenia/``): a link is then the same relative to the page's source and to its
address, so an engine that also turns the links of raw HTML (Zensical) leaves it as it is, and
the site works opened from the disk.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.corpus import Corpus
from generator.metadata.pageaddress import Addresses
from generator.pages import verbatim
from generator.pages.navigation import site_navigation

DOCS = "docs"
ASSETS = "assets"
OVERRIDES = "overrides"


def project_files(
    pages: Mapping[str, str],
    files: Mapping[str, str | bytes],
    corpus: Corpus,
    hand_written: Mapping[str, str],
    assets: Mapping[str, str],
    site_name: str = "Explainer",
    site_url: str | None = None,
    overrides: Mapping[str, str] | None = None,
) -> dict[str, str | bytes]:
    """Every file of the project by its path, ``mkdocs.yml``, ``docs/…`` and ``overrides/…``.

    ``hand_written`` and ``assets`` map paths (``about.md``; ``explainer.css``) to their text;
    ``overrides``, the theme's templates for the project (``main.html``, which adds the share
    tags and structured data of ``explainer-head.html``, and ``sitemap.xml``), to theirs.
    """
    docs = {
        **{path: finish_links(path, text) for path, text in pages.items()},
        **files,
        **hand_written,
        **{f"{ASSETS}/{name}": text for name, text in assets.items()},
    }
    nav = site_navigation(corpus, dict(hand_written))
    config = _config(nav, sorted(assets), site_name, site_url, bool(overrides))
    return {
        "mkdocs.yml": config,
        **{f"{DOCS}/{path}": text for path, text in docs.items()},
        **{f"{OVERRIDES}/{path}": text for path, text in (overrides or {}).items()},
    }


def finish_links(path: str, markdown: str) -> str:
    """``markdown`` of the page at ``path`` with the ``.md`` links of its finished HTML written
    as the addresses of the built pages (``a/b.html``), relative to its own."""

    def address(target: str, anchor: str) -> str:
        wanted = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        return _PAGE_FILES.url(wanted, anchor.removeprefix("#"), here=path)

    return verbatim.finish_links(markdown, address)


_PAGE_FILES = Addresses(directory_urls=False)
"""How the plain project addresses its pages: as files (``use_directory_urls: false``)."""


def _config(
    nav: list[Any], assets: list[str], site_name: str, site_url: str | None, overrides: bool
) -> str:
    config: dict[str, Any] = {"site_name": site_name}
    if site_url:
        config["site_url"] = site_url
    config |= {
        "docs_dir": DOCS,
        "use_directory_urls": False,
        "theme": {
            "name": "material",
            **({"custom_dir": OVERRIDES} if overrides else {}),
            "language": "en",
            "font": False,  # no request to any other host
            "features": [
                "navigation.sections",
                "navigation.top",
                "navigation.footer",
                "search.highlight",
                "search.suggest",
                "toc.follow",
            ],
        },
        "markdown_extensions": [
            "attr_list",
            "md_in_html",
            "admonition",
            "tables",
            {"toc": {"permalink": True}},
        ],
        "extra_css": [f"{ASSETS}/{name}" for name in assets if name.endswith(".css")],
        "extra_javascript": [f"{ASSETS}/{name}" for name in assets if name.endswith(".js")],
        "nav": nav,
        "validation": {"nav": {"omitted_files": "info"}},
    }
    header = (
        "# Written by `explainer render`: the explainer site as a plain MkDocs project, for\n"
        "# `mkdocs build`, `properdocs build` or `zensical build` (-f this file).\n"
    )
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)


def read_tree(folder: Path, suffixes: tuple[str, ...]) -> dict[str, str]:
    """The text of each file under ``folder`` with one of ``suffixes``, by its path there."""
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_text("utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in suffixes
    }


PROJECT_THEME = {
    "main.html": "plain/main.html",
    "explainer-head.html": "explainer-head.html",
    "sitemap.xml": "sitemap.xml",
}
"""The project's theme overrides, by name, and where each is in the theme folder: the page
template with the share tags and structured data, and the sitemap with each page's last change
(the theme's own ``main.html`` needs the plugin's ``{% cache %}`` tag)."""


def theme_overrides(theme: Path) -> dict[str, str]:
    """The text of each of :data:`PROJECT_THEME` that the theme folder has, by name."""
    return {
        name: (theme / path).read_text("utf-8")
        for name, path in PROJECT_THEME.items()
        if (theme / path).is_file()
    }
