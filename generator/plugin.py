"""The MkDocs adapter: the only module that imports mkdocs (and Material).

Adds the generated pages to the build in memory (nothing is written into the docs folder), builds
the navigation when mkdocs.yml has none, watches the content folder during ``mkdocs serve``, and
logs every diagnostic through MkDocs' logger so that ``--strict`` makes warnings binding. During
``serve`` a content error does not stop the server: the last good pages stay up with the errors
shown at the top of every page, and the site is rebuilt as soon as the file is fixed.

Turning Markdown into HTML is most of a large build's time, and MkDocs does it page after page
on one core. When it is safe (a single-threaded ``mkdocs build``, no other plugin changing page
Markdown), the generated pages are rendered ahead, in :func:`on_nav`, in a worker process per core
(``generator.workers``), each by MkDocs' own ``Page.render``; MkDocs then takes each page's
finished HTML, table of contents, anchors and link warnings instead of rendering it again, and
Material's search the page's entries, made in the worker by its own ``SearchIndex``. The site,
search index included, is byte for byte the same either way.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from material.plugins.search.plugin import SearchIndex, SearchPlugin  # type: ignore[import-untyped]
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import get_relative_url

from generator import mdtext, verbatim
from generator.diagnostics import Diagnostic, Severity, sort_diagnostics
from generator.fragments import FragmentCache
from generator.navigation import site_navigation
from generator.pipeline import BuildResult, SiteAddress, build
from generator.workers import run_all, worker_count

log = logging.getLogger("mkdocs.plugins.explainer")

_last_good: dict[Path, BuildResult] = {}


class ExplainerConfig(Config):
    """Options of the ``explainer`` plugin in mkdocs.yml."""

    content_dir = config_options.Type(str, default="content")
    """Folder holding one folder per story, relative to mkdocs.yml."""
    templates_dir = config_options.Optional(config_options.Type(str))
    """Folder of page templates (``*.md.j2``) that override the built-in ones."""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    """Generates the explainer pages of every story in ``content_dir``."""

    def __init__(self) -> None:
        self.serving = False
        self.errors: list[Diagnostic] = []
        self._result = BuildResult({}, [])
        self.verbatim: dict[str, list[str]] = {}
        self.generated: set[str] = set()
        self.rendered: dict[str, _Rendered] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path or ".").parent / value).resolve()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # MkDocs empties site_dir after this event: checking the content here means that a
        # build that fails on it leaves the last site in place.
        content = self._path(config, self.config.content_dir)
        templates = (
            self._path(config, self.config.templates_dir) if self.config.templates_dir else None
        )
        site = (
            SiteAddress(config.site_url, config.site_name, config.use_directory_urls)
            if config.site_url
            else None
        )
        result = build(content, templates=templates, site=site)
        self._log(result.diagnostics)
        self.errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
        if result.pages is None:
            if not self.serving:
                raise PluginError(f"explainer: {len(self.errors)} error(s) in {content}; see above")
            result = _last_good.get(content, BuildResult({"index.md": "# Explainer\n"}, []))
        else:
            _last_good[content] = result
        self._result = result

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        result = self._result
        assert result.pages is not None
        self.generated = set()
        nav = None
        if not config.nav and result.corpus is not None:
            nav = site_navigation(result.corpus, _hand_written(files))
        listed = set(_nav_paths(nav)) if nav else None
        for path, markdown in result.pages.items():
            if files.get_file_from_path(path) is not None:
                log.error(
                    "explainer: hand-written page '%s' has the path of a generated page; "
                    "it is kept and the generated one is skipped. Rename the hand-written page.",
                    path,
                )
                continue
            in_nav = listed is None or path in listed
            inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=markdown, inclusion=inclusion))
            self.generated.add(path)
        for path, data in result.files.items():
            files.append(File.generated(config, path, content=data))
        if nav:
            config.nav = nav
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.rendered = {}
        # Another plugin's page hooks would run in the parent after the pages were rendered.
        own = all(
            getattr(hook, "__self__", None) is self
            for event in ("pre_page", "page_markdown")
            for hook in config.plugins.events[event]
        )
        paths = sorted(self.generated)
        chunks = [paths[start::_CHUNKS] for start in range(min(_CHUNKS, len(paths)))]
        if own and worker_count(len(chunks)) > 1:
            search = self._search_index(config)
            done = run_all(lambda chunk: self._render_ahead(chunk, config, files, search), chunks)
            self.rendered = {path: page for chunk in done for path, page in chunk.items()}
            if search is not None:
                _index_ahead(search, self.rendered)
            log.debug(
                "explainer: %d pages rendered ahead in worker processes%s",
                len(self.rendered),
                ", with their search index entries" if search is not None else "",
            )
        return nav

    def _search_index(self, config: MkDocsConfig) -> SearchIndex | None:
        """Material's search index, if the workers may index the pages they render: nothing
        but this plugin and search itself changes a page's HTML before search reads it."""
        found = [p for p in config.plugins.values() if isinstance(p, SearchPlugin)]
        if len(found) != 1 or not found[0].config.enabled:
            return None
        search = found[0]
        index = getattr(search, "search_index", None)
        if not isinstance(index, SearchIndex):
            return None
        hooks = [*config.plugins.events["page_content"], *config.plugins.events["page_context"]]
        if any(getattr(hook, "__self__", None) not in (self, search) for hook in hooks):
            return None
        return index

    def _render_ahead(
        self, paths: list[str], config: MkDocsConfig, files: Files, search: SearchIndex | None
    ) -> dict[str, _Rendered]:
        """Render pages as MkDocs would, in a worker: what MkDocs keeps of each, and its log;
        with ``search``, the entries Material's search would add to that index."""
        logger = logging.getLogger("mkdocs")
        handlers, propagate = logger.handlers, logger.propagate
        records = _Records()
        logger.handlers, logger.propagate = [records], False
        rendered: dict[str, _Rendered] = {}
        try:
            for path in paths:
                file = files.get_file_from_path(path)
                if file is None:
                    continue
                page = file.page or Page(None, file, config)
                records.messages = []
                try:
                    page.read_source(config)
                    assert page.markdown is not None
                    page.markdown = self.on_page_markdown(
                        page.markdown, page=page, config=config, files=files
                    )
                    page.render(config, files)
                    assert page.content is not None
                    html = self.on_page_content(page.content, page=page, config=config, files=files)
                except Exception:
                    continue  # MkDocs renders the page again, and reports the error
                entries = None
                if search is not None:
                    page.content = html
                    alone = SearchIndex(**search.config)
                    alone.add_entry_from_context(page)
                    entries = alone.entries
                links = page.links_to_anchors
                rendered[path] = _Rendered(
                    html,
                    page.toc,
                    page._title_from_render,
                    page.present_anchor_ids or set(),
                    None if links is None else {f.src_uri: v for f, v in links.items()},
                    records.messages,
                    entries,
                )
        finally:
            logger.handlers, logger.propagate = handlers, propagate
        return rendered

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        # The theme's {% cache %} tag; MkDocs makes a new environment, so a new cache, per build.
        env.add_extension(FragmentCache)
        return env

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        rendered = self.rendered.pop(page.file.src_uri, None)
        if rendered is not None:
            # MkDocs calls page.render next: let it take what a worker rendered.
            page.render = lambda config, files: rendered.install(page, files)  # type: ignore[method-assign]
            return markdown
        if page.file.generated_by:
            markdown, self.verbatim[page.file.src_uri] = verbatim.lift(markdown)
        if not self.errors:
            return markdown
        return _error_banner(self.errors) + markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        pieces = self.verbatim.pop(page.file.src_uri, None)
        if not pieces:
            return html
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= verbatim.anchor_ids(pieces)
        targets: dict[str, tuple[File, str] | None] = {}

        def link(path: str, anchor: str) -> str:
            if path not in targets:
                targets[path] = _linked(page, files, path)
            found = targets[path]
            if found is None:
                return path + anchor
            target, address = found
            if anchor and page.links_to_anchors is not None:
                page.links_to_anchors.setdefault(target, {}).setdefault(anchor[1:], path + anchor)
            return address + anchor

        return verbatim.restore(html, pieces, link)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self._path(config, self.config.content_dir)))
        if self.config.templates_dir:
            server.watch(str(self._path(config, self.config.templates_dir)))
        return server

    def _log(self, diagnostics: list[Diagnostic]) -> None:
        for diagnostic in sort_diagnostics(diagnostics):
            if self.serving:
                # Under serve, an error logged as such makes a strict config abort the rebuild
                # and the server hang; the banner on every page carries the error instead.
                log.info("%s", diagnostic)
            elif diagnostic.severity is Severity.ERROR:
                log.error("%s", diagnostic)
            elif diagnostic.severity is Severity.WARNING:
                log.warning("%s", diagnostic)
            else:
                log.info("%s", diagnostic)


def _linked(page: Page, files: Files, path: str) -> tuple[File, str] | None:
    """The page a relative link in ``page``'s finished HTML leads to, and its address from
    ``page``: what MkDocs makes of a Markdown link, with the same warning when there is none."""
    wanted = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
    target = files.src_uris.get(wanted)
    if target is None:
        log.warning(
            "Doc file '%s' contains a link '%s', but the target '%s' is not found among "
            "documentation files.",
            page.file.src_uri,
            path,
            wanted,
        )
        return None
    return target, get_relative_url(target.url, page.file.url)


_CHUNKS = 16
"""Generated pages rendered ahead are dealt into this many jobs (every 16th page in each, so
that the large pages spread evenly)."""


class _Records(logging.Handler):
    """What MkDocs logs while a worker renders a page, to be logged again by the parent (whose
    handlers count the warnings that fail a strict build)."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append((record.name, record.levelno, record.getMessage()))


class _Rendered(NamedTuple):
    """What ``Page.render`` and this plugin's ``on_page_content`` leave on a page."""

    html: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]] | None
    """Links to anchors of other pages, by the linked page's path (``Page.links_to_anchors``)."""
    messages: list[tuple[str, int, str]]
    entries: list[dict[str, Any]] | None
    """The page's entries in Material's search index."""

    def install(self, page: Page, files: Files) -> None:
        """Give ``page`` what rendering it would have, in the order MkDocs would log it."""
        for name, level, message in self.messages:
            logging.getLogger(name).log(level, "%s", message)
        page.content, page.toc, page._title_from_render = self.html, self.toc, self.title
        page.present_anchor_ids = set(self.anchors)
        if self.links is not None:
            page.links_to_anchors = {
                target: links
                for path, links in self.links.items()
                if (target := files.src_uris.get(path)) is not None
            }


def _index_ahead(index: SearchIndex, rendered: dict[str, _Rendered]) -> None:
    """Make Material's search take the entries of each page rendered ahead instead of reading
    the page's HTML again (it does so for any other page)."""
    entries = {path: r.entries for path, r in rendered.items() if r.entries is not None}
    read = index.add_entry_from_context

    def add_entry_from_context(page: Page) -> None:
        found = entries.pop(page.file.src_uri, None)
        if found is None:
            read(page)
        else:
            index.entries.extend(found)

    index.add_entry_from_context = add_entry_from_context


def _nav_paths(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_paths(value)]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_paths(item)]
    return []


def _hand_written(files: Files) -> list[str]:
    return sorted(
        f.src_uri
        for f in files.documentation_pages()
        if not f.generated_by and f.src_uri != "index.md"
    )


def _error_banner(errors: list[Diagnostic]) -> str:
    items = "\n".join(f"    - {mdtext.escape(str(e))}" for e in errors[:50])
    return (
        f'!!! failure "The content has errors: showing the last version that built"\n\n{items}\n\n'
    )
