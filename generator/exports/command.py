"""``explainer export STORY --format FORMAT``: one story's data, written for use outside the site.

The output goes to standard output, or with ``--out FILE`` to that file, written whole or not at
all. Links to the site's pages are absolute when the site's address is given (``--site-url`` or
``SITE_URL``), else relative to the story's folder, where the site keeps its own copy of each
download; either way pages are addressed as MkDocs does by default (``page/``).
"""

from __future__ import annotations

import sys
import urllib.parse
from pathlib import Path

from generator.corpus import load_corpus
from generator.diagnostics import Diagnostic, sort_diagnostics
from generator.exports import export
from generator.exports.links import StoryLinks, story_folder_address
from generator.writer import atomic_write


def run(
    content: Path, story_slug: str, format_name: str, out: Path | None, site: str | None
) -> int:
    """Export one story; the exit status (0 written, 1 content errors, 2 no such story or an
    address that is not the site's)."""
    address = urllib.parse.urlsplit(site or "")
    if site and (address.scheme not in ("http", "https") or not address.netloc):
        print(
            f"explainer export: --site-url {site!r} is not an http(s) address; give the full "
            "address the site is published at, like https://example.org/explainers/",
            file=sys.stderr,
        )
        return 2
    folders = _story_folders(content)
    if story_slug not in folders:
        print(f"explainer export: {_no_story(content, story_slug, folders)}", file=sys.stderr)
        return 2
    corpus, diagnostics = load_corpus(content)
    if corpus is None:
        _print(diagnostics)
        print("explainer export: the content has errors; nothing written", file=sys.stderr)
        return 1
    story = next(story for story in corpus.stories if story.slug == story_slug)
    base = story_folder_address(site, story.slug) if site else ""
    text = export(story, format_name, StoryLinks(story, base))
    if out is None:
        sys.stdout.write(text)
    else:
        atomic_write(out, text.encode("utf-8"))
    return 0


def _story_folders(content: Path) -> list[str]:
    """The folders of ``content`` that hold a story (a ``story.yml``)."""
    if not content.is_dir():
        return []
    return sorted(
        folder.name
        for folder in content.iterdir()
        if folder.is_dir() and (folder / "story.yml").is_file()
    )


def _no_story(content: Path, story_slug: str, folders: list[str]) -> str:
    if not content.is_dir():
        return f"no story '{story_slug}': the content folder '{content}' does not exist"
    if not folders:
        return f"no story '{story_slug}': '{content}' holds no story (a folder with a story.yml)"
    return f"no story '{story_slug}' in '{content}'; the stories there are: {', '.join(folders)}"


def _print(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in sort_diagnostics(diagnostics):
        print(diagnostic, file=sys.stderr)
