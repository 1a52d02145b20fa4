"""A ``{% cache key, ... %}…{% endcache %}`` tag: theme fragments rendered once per key.

Material renders its header, search box, colour-scheme toggles, scripts and configuration into
every page, although they differ from page to page only by the relative path to the site's root
(``base_url``). On a site of a thousand pages that repeated work is a large share of the build.
The theme wraps such fragments in ``{% cache %}`` with every value the fragment depends on as the
key; the first page that renders a fragment with a key stores its HTML and every later page with
the same key reuses it. The cache lives in the Jinja environment, which MkDocs creates anew for
each build, so nothing outlives a build (``mkdocs serve`` rebuilds with a fresh one).

This is the fragment cache from Jinja's own documentation on writing extensions.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from jinja2 import nodes
from jinja2.environment import Environment
from jinja2.ext import Extension
from jinja2.parser import Parser


class FragmentCache(Extension):
    """Adds ``{% cache key, ... %}`` to an environment; ``fragment_cache`` holds the HTML."""

    tags = {"cache"}  # noqa: RUF012  (Jinja's Extension declares it as a class attribute)

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.extend(fragment_cache={})

    def parse(self, parser: Parser) -> nodes.Node:
        """``{% cache a, b %}body{% endcache %}`` → a call of :meth:`_render` with ``(a, b)``."""
        lineno = next(parser.stream).lineno
        key = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            key.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        call = self.call_method("_render", [nodes.Tuple(key, "load")])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _render(self, key: tuple[Hashable, ...], caller: Callable[[], str]) -> str:
        cache: dict[tuple[Any, ...], str] = self.environment.fragment_cache  # type: ignore[attr-defined]
        if key not in cache:
            cache[key] = caller()
        return cache[key]
