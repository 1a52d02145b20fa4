"""Pages as addresses: what structured data and share tags link, where pages link docs paths.

With the site's address (``site_url``) a page is ``https://example.org/explainers/<story>/``;
without one, an address is relative to the page that gives it, which is how a JSON-LD processor
reads a relative IRI (against the page's own address).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from generator.outputs import site_file


@dataclass(frozen=True)
class Addresses:
    """Where the site is published and how its pages are addressed."""

    site_url: str | None = None
    """The site's address, ending in ``/``; None when the site has none."""
    site_name: str | None = None
    """The site's name (its ``site_name``); None when the site has no address."""
    directory_urls: bool = True
    """Pages are served as ``page/`` (MkDocs' default) rather than ``page.html``."""

    def path(self, page: str) -> str:
        """The address of the page made from the docs path ``page``, from the site's root
        (``''`` for the home page, ``<story>/actors/armenia/``)."""
        built = site_file(page, self.directory_urls)
        return built.removesuffix("index.html") if self.directory_urls else built

    def url(self, page: str, anchor: str = "", here: str = "index.md") -> str:
        """The address of ``page`` (a docs path, or a file such as ``card.png``): absolute
        with the site's address, else relative to the page ``here``."""
        target = self.path(page)
        fragment = f"#{anchor}" if anchor else ""
        if self.site_url is not None:
            return self.site_url + target + fragment
        return _relative(target, self.path(here)) + fragment


def _relative(target: str, here: str) -> str:
    """The link from the address ``here`` to ``target``, both from the site's root."""
    folder = here.rpartition("/")[0] or "."
    relative = posixpath.relpath(target.rstrip("/") or ".", folder)
    if target.endswith("/") or not target:
        return "./" if relative == "." else relative + "/"
    return relative
