"""Reading one story folder: ``story.yml``, ``facts.yml`` and ``articles/`` in; the files as
read (:class:`StoryFiles`, each article parsed) and the problems found while reading out.

Each file is read only if it is a regular file of the content folder (no link out of it); an
article is parsed once per content, however many builds ask.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from generator.diagnostics import Diagnostic, display_path, errors_in
from generator.facts.schema import Facts, StoryInfo
from generator.reading.article import MAX_ARTICLE_BYTES, Article, decode_article, parse_article
from generator.reading.contentfiles import refused
from generator.reading.ids import article_file_problems
from generator.reading.loading import M, load_model
from generator.reading.storyfiles import StoryFiles
from generator.reading.yamlsafe import YamlDocument, YamlError, decode_yaml

ARTICLE_SUFFIXES = (".txt", ".md")

_article_cache: dict[tuple[str, str, str], tuple[Article, tuple[Diagnostic, ...]]] = {}


def paragraph_candidates(directories: list[Path]) -> Iterator[str]:
    """What may be a paragraph in the stories' articles: each line of a wire story, each block
    between blank lines of a Markdown one. Only read to segment the paragraphs ahead."""
    for directory in directories:
        for path in sorted((directory / "articles").glob("*")):
            if path.suffix not in ARTICLE_SUFFIXES or not path.is_file():
                continue
            if path.stat().st_size > MAX_ARTICLE_BYTES:
                continue  # refused when it is read
            with contextlib.suppress(OSError):
                lines = [line.strip() for line in read_text(path).split("\n")]
                if path.suffix == ".md":
                    blocks = "\n".join(lines).split("\n\n")
                    yield from (block.replace("\n", " ") for block in blocks)
                else:
                    yield from lines


def future_dates(articles: list[Article], now: datetime) -> list[Diagnostic]:
    """Articles published after ``now``: checked on every build, since the clock moves."""
    return [
        Diagnostic(
            article.path,
            article.published_line,
            1,
            "article-future-date",
            f"publication time {article.published.isoformat(' ')} is in the future; check the date",
        )
        for article in articles
        if article.published is not None and article.published > now
    ]


def read_story(directory: Path, content_dir: Path, diagnostics: list[Diagnostic]) -> StoryFiles:
    story = StoryFiles(directory.name, directory)
    root = content_dir.parent
    story.info, info_document, found = _load_file(directory / "story.yml", content_dir, StoryInfo)
    diagnostics.extend(found)
    facts_path = directory / "facts.yml"
    if facts_path.exists() or facts_path.is_symlink():
        story.facts, story.facts_document, found = _load_file(facts_path, content_dir, Facts)
        diagnostics.extend(found)
    else:
        message = "the story has no facts.yml; write one (or run 'explainer extract')"
        diagnostics.append(Diagnostic(display_path(facts_path, root), 1, 1, "no-facts", message))
    story.articles = _read_articles(story, root, diagnostics, info_document)
    return story


def _load_file(
    path: Path, content_dir: Path, model: type[M]
) -> tuple[M | None, YamlDocument | None, list[Diagnostic]]:
    """:func:`load_model` on a YAML file of ``content_dir``, named in diagnostics from the
    content folder's parent."""
    shown = display_path(path, content_dir.parent)
    problem = refused(path, content_dir, shown)
    if problem is not None:
        return None, None, [problem]
    try:
        text = decode_yaml(path.read_bytes(), shown)
    except YamlError as error:
        return None, None, [error.diagnostic]
    return load_model(text, shown, model)


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    return raw.decode("utf-8", "replace").removeprefix("\ufeff").replace("\r\n", "\n")


def _article_files(story: StoryFiles, root: Path, diagnostics: list[Diagnostic]) -> list[Path]:
    folder = story.directory / "articles"
    paths = [p for p in sorted(folder.glob("*")) if p.suffix in ARTICLE_SUFFIXES]
    diagnostics += article_file_problems(paths, root)
    files = {p.stem: p for p in paths}
    listed = [a.id for a in story.info.articles] if story.info else []
    ordered = [files[i] for i in listed if i in files]
    return ordered + [p for stem, p in sorted(files.items()) if stem not in listed]


def _read_articles(
    story: StoryFiles,
    root: Path,
    diagnostics: list[Diagnostic],
    info_document: YamlDocument | None = None,
) -> list[Article]:
    articles = []
    folder = display_path(story.directory / "articles", root)
    content_dir = story.directory.parent  # a story is a folder of the content folder
    for path in _article_files(story, root, diagnostics):
        problem = refused(path, content_dir, f"{folder}/{path.name}")
        if problem is not None:
            diagnostics.append(problem)
            continue
        article, found = read_article(path, f"{folder}/{path.name}")
        diagnostics.extend(found)
        if article is not None:
            articles.append(article)
    if story.info:
        present = {a.id for a in articles}
        for index, info in enumerate(story.info.articles):
            if info.id not in present and not any(
                (story.directory / "articles").glob(f"{info.id}.*")
            ):
                shown = display_path(story.directory / "story.yml", root)
                message = (
                    f"article '{info.id}' is listed but articles/{info.id}.txt or .md is missing"
                )
                line, column = (
                    info_document.position(("articles", index, "id", "__value__"))
                    if info_document is not None
                    else (1, 1)
                )
                diagnostics.append(Diagnostic(shown, line, column, "unknown-article", message))
    if not articles and not errors_in(diagnostics):
        shown = display_path(story.directory, root)
        message = "the story has no articles; put them in articles/<id>.txt or .md"
        diagnostics.append(Diagnostic(shown, 1, 1, "no-articles", message))
    return articles


def read_article(
    path: Path, shown_path: str, now: datetime | None = None
) -> tuple[Article | None, list[Diagnostic]]:
    """Parse one article file; parsed once per content, however many builds ask."""
    raw = path.read_bytes()
    key = (hashlib.sha256(raw).hexdigest(), path.stem, shown_path)
    cached = _article_cache.get(key)
    if cached is None:
        text, found = decode_article(raw, shown_path)
        if text is None:
            return None, found
        article, found = parse_article(text, path.stem, shown_path)
        cached = (article, tuple(found))
        _article_cache[key] = cached
    article, known = cached
    return article, [*known, *(future_dates([article], now) if now is not None else [])]
