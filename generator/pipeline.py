"""The one place that knows the stage order: load, validate, resolve, render."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from generator.corpus import Corpus, load_corpus
from generator.diagnostics import Diagnostic
from generator.reference import reference_page
from generator.render import render_corpus


@dataclass(frozen=True)
class BuildResult:
    """Pages (None when the content has errors) and every diagnostic found."""

    pages: dict[str, str] | None
    diagnostics: list[Diagnostic]
    corpus: Corpus | None = None


def build(
    content_dir: Path, now: datetime | None = None, templates: Path | None = None
) -> BuildResult:
    """Read every story in ``content_dir``, check it, and render the site's Markdown pages."""
    corpus, diagnostics = load_corpus(content_dir, now)
    if corpus is None:
        return BuildResult(None, diagnostics)
    pages = render_corpus(corpus, reference_page(), templates)
    return BuildResult(pages, diagnostics, corpus)
