"""The ``explainer`` command line: check, render, extract, export and schema."""

from __future__ import annotations

import argparse
import os
import sys
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

from generator import __version__
from generator.diagnostics import Diagnostic, errors_in, sort_diagnostics, warnings_in

if TYPE_CHECKING:
    from generator.pipeline import BuildResult

DEFAULT_CONTENT = Path("content")
EXPORT_FORMATS = ("json", "timelinejs", "geojson", "csv", "jsonld")
"""What ``explainer export --format`` writes (:data:`generator.exports.EXPORTERS`)."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 content errors, 2 usage errors)."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    if not hasattr(arguments, "run"):
        parser.print_help()
        return 2
    try:
        return int(arguments.run(arguments))
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        print(f"explainer: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explainer",
        description="Turn news articles and their curated facts into a cited explainer site.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="validate every story's articles and facts; print each problem as path:line:col",
        description="Validate every story under CONTENT: articles parse, facts match the schema, "
        "every cited sentence exists, every quote is in its sentence, every reference resolves.",
    )
    _content_argument(check)
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.set_defaults(run=_run_check)
    render = commands.add_parser(
        "render",
        help="write the site as a complete MkDocs project to a folder",
        description="Write the site to OUT as a complete project: OUT/mkdocs.yml and OUT/docs/ "
        "with the pages, the hand-written pages of CONTENT/pages and the assets of the theme "
        "folder beside CONTENT, for `mkdocs build`, `properdocs build` or `zensical build` "
        "(-f OUT/mkdocs.yml). Only files this command wrote before are ever replaced or removed.",
    )
    _content_argument(render)
    render.add_argument("--out", required=True, type=Path, help="folder to write the project to")
    render.add_argument(
        "--site-url",
        metavar="URL",
        help="where the pages will be published (https://example.org/explainers/): with it, "
        "each story also gets its Atom feed, <story>/feed.xml, which needs absolute links",
    )
    render.add_argument(
        "--site-name", default="Explainer", help="the site's name (default: %(default)s)"
    )
    render.set_defaults(run=_run_render)
    extract = commands.add_parser(
        "extract",
        help="draft the facts of an article into its story's facts file (needs the extract extra)",
        description="Find the people, organisations, places, roles, dates and quotes of ARTICLE "
        "and write them as draft items into its story's facts.yml. Items already in the file are "
        "never changed or removed; new ones are appended with status: draft.",
    )
    extract.add_argument("article", type=Path, help="the article file (content/<story>/articles/…)")
    extract.add_argument("--story", type=Path, help="story folder, if the article is elsewhere")
    extract.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    extract.set_defaults(run=_run_extract)
    export = commands.add_parser(
        "export",
        help="write one story's facts, timeline, places or quotes for use outside the site",
        description="Write STORY's data in one format to standard output or to FILE: json (the "
        "facts, as the facts schema describes them), timelinejs (the timeline, in Knight Lab "
        "TimelineJS's JSON format), geojson (the places), csv (the quotes) or jsonld (every "
        "schema.org node of the story's pages). Links to the "
        "site's pages are relative to the story's folder, or absolute with --site-url.",
    )
    export.add_argument("story", help="the story's folder name (armenia-azerbaijan-talks)")
    _content_argument(export)
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="what to write")
    export.add_argument(
        "--out", type=Path, metavar="FILE", help="write to FILE (whole or not at all), not stdout"
    )
    export.add_argument(
        "--site-url",
        metavar="URL",
        default=os.environ.get("SITE_URL") or None,
        help="where the site is published (default: $SITE_URL): links to its pages are then "
        "absolute, https://example.org/explainers/<story>/sources/<article>/#p3s1",
    )
    export.set_defaults(run=_run_export)
    schema = commands.add_parser(
        "schema",
        help="print the facts file's JSON Schema",
        description="Print the JSON Schema of facts.yml (or of story.yml with --story).",
    )
    schema.add_argument("--story", action="store_true", help="the schema of story.yml instead")
    schema.set_defaults(run=_run_schema)
    return parser


def _content_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "content",
        nargs="?",
        type=Path,
        default=DEFAULT_CONTENT,
        help="content folder holding one folder per story (default: ./content)",
    )


def _print(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in sort_diagnostics(diagnostics):
        print(diagnostic, file=sys.stderr)


def _summary(diagnostics: list[Diagnostic]) -> str:
    errors = len(errors_in(diagnostics))
    warnings = len(warnings_in(diagnostics))
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def _run_check(arguments: argparse.Namespace) -> int:
    from generator.corpus import load_corpus

    corpus, diagnostics = load_corpus(arguments.content)
    _print(diagnostics)
    failed = corpus is None or (arguments.strict and bool(warnings_in(diagnostics)))
    if failed:
        print(f"explainer check: {_summary(diagnostics)}", file=sys.stderr)
        return 1
    assert corpus is not None
    stories = len(corpus.stories)
    articles = sum(len(story.articles) for story in corpus.stories)
    print(
        f"ok: {stories} stor{'ies' if stories != 1 else 'y'}, {articles} article(s); "
        f"{_summary(diagnostics)}"
    )
    return 0


def _run_render(arguments: argparse.Namespace) -> int:
    from generator.pipeline import SiteAddress, build
    from generator.writer import write_pages

    address = urllib.parse.urlsplit(arguments.site_url or "")
    if arguments.site_url and (address.scheme not in ("http", "https") or not address.netloc):
        print(
            f"explainer render: --site-url {arguments.site_url!r} is not an http(s) address; "
            "give the full address the site is published at, like https://example.org/explainers/",
            file=sys.stderr,
        )
        return 2
    # The project's pages are files (page.html): the downloads and structured data link them so.
    site = (
        SiteAddress(arguments.site_url, arguments.site_name, directory_urls=False)
        if arguments.site_url
        else None
    )
    result = build(arguments.content, site=site, directory_urls=False)
    _print(result.diagnostics)
    if result.pages is None:
        print(f"explainer render: {_summary(result.diagnostics)}; nothing written", file=sys.stderr)
        return 1
    written = write_pages(_project(arguments, result), arguments.out)
    for kept in written.kept:
        print(
            f"explainer render: left {arguments.out / kept} alone: it was not written by "
            "explainer or was edited since; move it away to regenerate it",
            file=sys.stderr,
        )
    print(
        f"wrote {written.written} file(s) to {arguments.out} "
        f"({written.unchanged} unchanged, {written.removed} removed)"
    )
    return 0


def _project(arguments: argparse.Namespace, result: BuildResult) -> dict[str, str | bytes]:
    from generator.engines.project import project_files, read_tree, theme_overrides

    assert result.pages is not None and result.corpus is not None
    theme = arguments.content.parent / "theme"
    return project_files(
        result.pages,
        result.files,
        result.corpus,
        read_tree(arguments.content / "pages", (".md",)),
        read_tree(theme / "assets", (".css", ".js")),
        arguments.site_name,
        arguments.site_url,
        theme_overrides(theme),
    )


def _run_extract(arguments: argparse.Namespace) -> int:
    from generator.extract.command import run

    return run(arguments.article, arguments.story, arguments.dry_run)


def _run_export(arguments: argparse.Namespace) -> int:
    from generator.exports.command import run

    return run(
        arguments.content, arguments.story, arguments.format, arguments.out, arguments.site_url
    )


def _run_schema(arguments: argparse.Namespace) -> int:
    from generator.pages.reference import json_schema

    print(json_schema(story=arguments.story))
    return 0
