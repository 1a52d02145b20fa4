"""Work MkDocs does page after page on one core, done ahead in a worker process per core.

The second half of the MkDocs adapter (with ``generator/plugin.py``, the only modules that import
mkdocs). Two steps of a large build are spread over the cores (``generator.workers``) when it is
safe, each with MkDocs' and Material's own code, so that the site is byte for byte the same:

- **rendering** (:func:`render_pages`, from ``on_nav``): each generated page's Markdown turned
  into HTML by ``Page.render``, and its entries in Material's search index made by a
  ``SearchIndex`` of its own. MkDocs then takes the HTML, table of contents, anchors and link
  warnings instead of rendering the page again (:meth:`RenderedPage.install`), and search the
  entries instead of reading the HTML again (:func:`index_ahead`).
- **templating** (:func:`start_templating`, from ``on_env``): every page put through the theme's
  template, as ``mkdocs.commands.build._build_page`` does, while MkDocs copies the theme's files;
  when MkDocs asks for the page's template it gets one that returns that HTML
  (:class:`TemplatedPages`). MkDocs still runs the page's ``page_context`` and ``post_page``
  events and writes the file.

What the workers log is logged again by the parent, where MkDocs counts the warnings that fail a
``--strict`` build. A page whose worker failed is done by MkDocs as usual, errors and all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import jinja2
from material.plugins.search.plugin import SearchIndex, SearchPlugin  # type: ignore[import-untyped]
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from generator.workers import Started, run_all, start_all

CHUNKS = 16
"""Pages done ahead are dealt into this many jobs."""

KNOWN = (("mkdocs", "1.6."), ("material", "9."))
"""The releases whose internals this module was written against (and is tested on)."""


def unsupported() -> str | None:
    """Why working ahead cannot be used here (another MkDocs or Material), or None."""
    import material  # type: ignore[import-untyped]
    import mkdocs

    for module, version in ((mkdocs, KNOWN[0]), (material, KNOWN[1])):
        installed = getattr(module, "__version__", "")
        if not installed.startswith(version[1]):
            return f"it knows {version[0]} {version[1]}x, and {version[0]} {installed} is installed"
    return None


Messages = list[tuple[str, int, str]]
"""Log records as (logger name, level, message)."""


class _Records(logging.Handler):
    """What MkDocs logs while a worker works on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: Messages = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append((record.name, record.levelno, record.getMessage()))


@contextmanager
def _captured_log() -> Iterator[_Records]:
    """Everything logged under ``mkdocs`` goes to the handler yielded, and nowhere else."""
    logger = logging.getLogger("mkdocs")
    handlers, propagate = logger.handlers, logger.propagate
    records = _Records()
    logger.handlers, logger.propagate = [records], False
    try:
        yield records
    finally:
        logger.handlers, logger.propagate = handlers, propagate


def _log_again(messages: Messages) -> None:
    for name, level, message in messages:
        logging.getLogger(name).log(level, "%s", message)


def only_hooks_of(config: MkDocsConfig, events: tuple[str, ...], *plugins: BasePlugin[Any]) -> bool:
    """Whether nothing but ``plugins`` handles any of ``events``: what another plugin's hook
    does in a worker would not reach the parent."""
    return all(
        getattr(hook, "__self__", None) in plugins
        for event in events
        for hook in config.plugins.events[event]
    )


class RenderedPage(NamedTuple):
    """What ``Page.render`` and the plugin's ``on_page_content`` leave on a page."""

    html: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]] | None
    """Links to anchors of other pages, by the linked page's path (``Page.links_to_anchors``)."""
    messages: Messages
    entries: list[dict[str, Any]] | None
    """The page's entries in Material's search index."""

    def install(self, page: Page, files: Files) -> None:
        """Give ``page`` what rendering it would have, in the order MkDocs would log it."""
        _log_again(self.messages)
        page.content, page.toc, page._title_from_render = self.html, self.toc, self.title
        page.present_anchor_ids = set(self.anchors)
        if self.links is not None:
            page.links_to_anchors = {
                target: links
                for path, links in self.links.items()
                if (target := files.src_uris.get(path)) is not None
            }


MarkdownHook = Callable[[str, Page], str]
"""The plugin's ``on_page_markdown`` or ``on_page_content``, given the text and the page."""


def render_pages(
    paths: list[str],
    config: MkDocsConfig,
    files: Files,
    hooks: tuple[MarkdownHook, MarkdownHook],
    search: SearchIndex | None,
) -> dict[str, RenderedPage]:
    """Render ``paths`` in worker processes as MkDocs would (``hooks`` being the plugin's
    Markdown and HTML hooks); with ``search``, also each page's entries in that index."""
    chunks = [paths[start::CHUNKS] for start in range(min(CHUNKS, len(paths)))]
    done = run_all(lambda chunk: _render_chunk(chunk, config, files, hooks, search), chunks)
    return {path: page for chunk in done for path, page in chunk.items()}


def _render_chunk(
    paths: list[str],
    config: MkDocsConfig,
    files: Files,
    hooks: tuple[MarkdownHook, MarkdownHook],
    search: SearchIndex | None,
) -> dict[str, RenderedPage]:
    on_markdown, on_content = hooks
    rendered: dict[str, RenderedPage] = {}
    with _captured_log() as records:
        for path in paths:
            file = files.get_file_from_path(path)
            if file is None:
                continue
            page = file.page or Page(None, file, config)
            records.messages = []
            try:
                page.read_source(config)
                assert page.markdown is not None
                page.markdown = on_markdown(page.markdown, page)
                page.render(config, files)
                assert page.content is not None
                html = on_content(page.content, page)
            except Exception:
                continue  # MkDocs renders the page again, and reports the error
            entries = None
            if search is not None:
                page.content = html
                alone = SearchIndex(**search.config)
                alone.add_entry_from_context(page)
                entries = alone.entries
            links = page.links_to_anchors
            rendered[path] = RenderedPage(
                html,
                page.toc,
                page._title_from_render,
                page.present_anchor_ids or set(),
                None if links is None else {f.src_uri: v for f, v in links.items()},
                records.messages,
                entries,
            )
    return rendered


def search_index(config: MkDocsConfig, plugin: BasePlugin[Any]) -> SearchIndex | None:
    """Material's search index, if workers may index the pages they render: nothing but
    ``plugin`` and search itself changes a page's HTML before search reads it."""
    found = [p for p in config.plugins.values() if isinstance(p, SearchPlugin)]
    if len(found) != 1 or not found[0].config.enabled:
        return None
    search = found[0]
    index = getattr(search, "search_index", None)
    if not isinstance(index, SearchIndex):
        return None
    if not only_hooks_of(config, ("page_content", "page_context"), plugin, search):
        return None
    return index


def index_ahead(index: SearchIndex, rendered: dict[str, RenderedPage]) -> None:
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


class _Templated(NamedTuple):
    template: str
    html: str
    messages: Messages


class TemplatedPages:
    """Pages being put through the theme's templates in workers; see :func:`start_templating`."""

    def __init__(self, chunks: list[list[str]], started: Started[dict[str, _Templated]]) -> None:
        self._chunk_of = {path: index for index, chunk in enumerate(chunks) for path in chunk}
        self._started = started
        self._done: dict[int, dict[str, _Templated]] = {}

    def __len__(self) -> int:
        return len(self._chunk_of)

    def take(self, page: Page, template: str) -> str | None:
        """The page's HTML made with ``template``, or None if the parent must make it."""
        index = self._chunk_of.pop(page.file.src_uri, None)
        if index is None:
            return None
        if index not in self._done:
            self._done[index] = self._started.result(index) or {}
        found = self._done[index].pop(page.file.src_uri, None)
        if found is None or found.template != template:
            return None
        _log_again(found.messages)
        return found.html

    def close(self) -> None:
        self._started.close()

    def install(self, env: jinja2.Environment) -> None:
        """Make ``env`` give MkDocs' page loop templates that return the pages made ahead.

        MkDocs asks for a page's template with its name alone; Jinja, for the templates one
        extends, includes or imports, with the name of the one asking: those are left alone.
        """
        get_template = env.get_template

        def get_page_template(name: Any, parent: Any = None, globals: Any = None) -> Any:
            template = get_template(name, parent, globals)
            if parent is not None or globals is not None:
                return template
            return _PageTemplate(template, self)

        env.get_template = get_page_template  # type: ignore[method-assign]


class _PageTemplate:
    """A page template whose ``render`` returns the page made ahead, if there is one."""

    def __init__(self, template: jinja2.Template, pages: TemplatedPages) -> None:
        self._template = template
        self._pages = pages

    def render(self, *args: Any, **kwargs: Any) -> str:
        page = dict(*args, **kwargs).get("page")
        if isinstance(page, Page):
            html = self._pages.take(page, str(self._template.name))
            if html is not None:
                return html
        return self._template.render(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)


def start_templating(
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
    env: jinja2.Environment,
    plugin: BasePlugin[Any],
) -> TemplatedPages | None:
    """Start putting every page of a ``mkdocs build`` through the theme's templates in
    workers, and return at once. Call it from ``plugin``'s ``on_env``, then
    :meth:`TemplatedPages.install` the result in ``env``.

    None where it is not worth it (a small site, one core) or not safe: a plugin other than
    ``plugin`` and search changes the environment or a page's context.
    """
    search = [p for p in config.plugins.values() if isinstance(p, SearchPlugin)]
    if not only_hooks_of(config, ("env", "page_context"), plugin, *search):
        return None
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    paths = [f.src_uri for f in doc_files if f.page is not None]
    size = -(-len(paths) // CHUNKS)  # in MkDocs' order: the first pages are ready first
    chunks = [paths[start : start + size] for start in range(0, len(paths), size or 1)]

    def job(chunk: list[str]) -> dict[str, _Templated]:
        for index in (getattr(p, "search_index", None) for p in search):
            if index is not None:  # the parent indexes the pages; workers need not
                index.add_entry_from_context = lambda page: None
        return _template_chunk(chunk, config, files, nav, env)

    started = start_all(job, chunks)
    return None if started is None else TemplatedPages(chunks, started)


def _template_chunk(
    paths: list[str], config: MkDocsConfig, files: Files, nav: Navigation, env: jinja2.Environment
) -> dict[str, _Templated]:
    """What ``mkdocs.commands.build._build_page`` renders for each page, up to writing it."""
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    done: dict[str, _Templated] = {}
    with _captured_log() as records:
        for path in paths:
            file = files.get_file_from_path(path)
            page = file.page if file is not None else None
            if page is None:
                continue
            records.messages = []
            config._current_page = page
            page.active = True
            try:
                context = get_context(nav, doc_files, config, page)
                name = page.meta.get("template", "main.html")
                template = env.get_template(name)
                context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
                done[path] = _Templated(name, template.render(context), records.messages)
            except Exception:
                continue  # MkDocs makes the page again, and reports the error
            finally:
                page.active = False
                config._current_page = None
    return done
