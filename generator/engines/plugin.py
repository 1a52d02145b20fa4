"""The MkDocs adapter: the only module that imports mkdocs (and Material).

Adds the generated pages to the build in memory (nothing is written into the docs folder), builds
the navigation when mkdocs.yml has none, watches the content folder during ``mkdocs serve``, and
logs every diagnostic through MkDocs' logger so that ``--strict`` makes warnings binding. During
``serve`` a content error does not stop the server: the last good pages stay up with the errors
shown at the top of every page, and the site is rebuilt as soon as the file is fixed.

It uses MkDocs' public plugin events and objects only, so the same plugin runs under ProperDocs.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from generator.corpus import cache_folder
from generator.diagnostics import Diagnostic, Severity, display_path, sort_diagnostics
from generator.engines.fragments import FragmentCache
from generator.engines.searchindex import merge_into, read_entries
from generator.pages import mdtext, verbatim
from generator.pages.navigation import site_navigation
from generator.pipeline import BuildResult, SiteAddress, build
from generator.writer import write_if_changed

log = get_plugin_logger("explainer")
"""MkDocs' plugin logger (ProperDocs' under ProperDocs): its warnings fail a ``--strict`` build."""

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
        self.dirty = False
        self.errors: list[Diagnostic] = []
        self._result = BuildResult({}, [])
        self.verbatim: dict[str, list[str]] = {}
        self.late: dict[str, tuple[list[str], Callable[[str, str], str]]] = {}
        self.generated: set[str] = set()
        self.pages: set[str] = set()
        self.rebuilt: set[str] = set()
        self.previous_search: list[dict[str, Any]] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

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
        result = build(
            content, templates=templates, site=site, directory_urls=config.use_directory_urls
        )
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
        # Compared by the file each one becomes: 'about.md' and 'about/index.md' collide.
        taken = {file.dest_uri: file for file in files}
        banner = self._banner_pages(result.pages) if self.dirty else set()
        for path, markdown in result.pages.items():
            in_nav = listed is None or path in listed
            inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
            text = _error_banner(self.errors) + markdown if path in banner else markdown
            self._add(files, taken, self._generated(config, path, text.encode(), inclusion))
        for path, data in result.files.items():
            self._add(files, taken, self._generated(config, path, data))
        if nav:
            config.nav = nav
        if self.dirty:
            # A page's address as search entries give it: the home page's is "", not "./".
            self.pages = {"" if f.url == "./" else f.url for f in files.documentation_pages()}
            index = Path(config.site_dir) / "search" / "search_index.json"
            self.previous_search, self.rebuilt = read_entries(index), set()
        return files

    def _generated(
        self,
        config: MkDocsConfig,
        path: str,
        data: bytes,
        inclusion: InclusionLevel = InclusionLevel.UNDEFINED,
    ) -> File:
        """A generated file: in memory; or, in a dirty build (``serve --dirty``), a file in the
        cache that is rewritten only when it changes, so that MkDocs rebuilds only the pages
        whose Markdown changed (it compares the source's time with the built page's)."""
        if not self.dirty:
            return File.generated(config, path, content=data, inclusion=inclusion)
        cache = cache_folder(self._path(config, self.config.content_dir)) / "serve"
        source = write_if_changed(cache, path, data)
        return File.generated(config, path, abs_src_path=str(source), inclusion=inclusion)

    def _banner_pages(self, pages: dict[str, str]) -> set[str]:
        """In a dirty build, the pages that show the error banner: the home page and the pages
        of each story with an error (the others are not rebuilt, so they could not)."""
        if not self.errors:
            return set()
        stories = {part for error in self.errors for part in Path(error.path).parts}
        return {path for path in pages if path == "index.md" or path.split("/")[0] in stories}

    def _add(self, files: Files, taken: dict[str, File], file: File) -> None:
        """Add a generated file, unless a file of the docs folder or theme is published there."""
        other = taken.get(file.dest_uri)
        if other is None:
            files.append(file)
            taken[file.dest_uri] = file
            if file.is_documentation_page():
                self.generated.add(file.src_uri)
            return
        where = display_path(Path(other.abs_src_path)) if other.abs_src_path else other.src_uri
        message = (
            f"'{other.src_uri}' of the docs folder and the generated page '{file.src_uri}' would "
            f"both be published as '{file.dest_uri}'; the first is kept and the generated page "
            "is left out. Rename one of them (or the story, entity or article that makes it)"
        )
        collision = Diagnostic(where, 1, 1, "page-collision", message)
        self.errors.append(collision)
        self._log([collision])

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        # The theme's {% cache %} tag; MkDocs makes a new environment, so a new cache, per build.
        env.add_extension(FragmentCache)
        return env

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.generated_by:
            markdown, self.verbatim[page.file.src_uri] = verbatim.lift(markdown)
        if not self.errors or self.dirty:  # a dirty build has the banner in the files
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

        html = verbatim.restore(html, pieces, link)
        if verbatim.has_late(html):
            self.late[page.file.src_uri] = (pieces, link)
        return html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        # After the search plugin has read the page: it would only leave these blocks out.
        late = self.late.pop(page.file.src_uri, None)
        return output if late is None else verbatim.restore_late(output, *late)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self.rebuilt.add(page.url)  # a dirty build calls this for the pages it builds only
        return context

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.dirty or self.previous_search is None:
            return
        index = Path(config.site_dir) / "search" / "search_index.json"
        if merge_into(index, self.previous_search, self.rebuilt, self.pages):
            log.info("%d of %d pages built again", len(self.rebuilt), len(self.pages))

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


def _nav_paths(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_paths(value)]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_paths(item)]
    return []


def _hand_written(files: Files) -> dict[str, str]:
    return {
        f.src_uri: f.content_string
        for f in files.documentation_pages()
        if not f.generated_by and f.src_uri != "index.md"
    }


def _error_banner(errors: list[Diagnostic]) -> str:
    items = "\n".join(f"    - {mdtext.escape(str(e))}" for e in errors[:50])
    return (
        f'!!! failure "The content has errors: showing the last version that built"\n\n{items}\n\n'
    )
