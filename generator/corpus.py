"""Reading a content folder: stories, their articles and facts files, validated and resolved.

Layout: ``content/<story>/story.yml``, ``content/<story>/facts.yml`` and
``content/<story>/articles/<article-id>.txt`` (wire) or ``.md`` (front matter). Any folder of
``content/`` without a ``story.yml`` (``content/pages``, say) is not a story.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator import segment
from generator.article import MAX_ARTICLE_BYTES, Article, decode_article, parse_article
from generator.claims import ClaimKey
from generator.contentfiles import readable, refused
from generator.corrections import corrections_not_applied
from generator.currency import stale_statements
from generator.dates import FuzzyDate, parse_moment
from generator.diagnostics import Diagnostic, Severity, display_path, errors_in
from generator.ids import article_file_problems, story_folder_problems
from generator.loading import M, load_model
from generator.outputs import PlannedStory, page_collisions
from generator.positions import positioned
from generator.schema import (
    Entity,
    Event,
    ExternalSource,
    Facts,
    GlossaryTerm,
    SourceCheck,
    StoryInfo,
    When,
)
from generator.shared import FactsFile, shared_id_conflicts
from generator.storyfiles import StoryFiles
from generator.support import check_support
from generator.validate import validate_story
from generator.yamlsafe import YamlDocument, YamlError, decode_yaml

ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Story:
    """A valid story, with its articles parsed and every date resolved."""

    slug: str
    info: StoryInfo
    facts: Facts
    articles: tuple[Article, ...]
    dates: dict[str, FuzzyDate]
    fingerprint: str = ""
    """Hash of every file the story was read from: equal fingerprints, equal stories."""
    claim_sources: Mapping[ClaimKey, tuple[str | ExternalSource, ...]] = field(default_factory=dict)
    """Each claim's own citations: those of its sources that support it (the support check)."""

    def cited(
        self, item: Entity | Event | GlossaryTerm, claim: str, *detail: str
    ) -> tuple[str | ExternalSource, ...]:
        """The sources a page cites for one claim of ``item``: those that support it."""
        kind = (
            "entity"
            if isinstance(item, Entity)
            else "event"
            if isinstance(item, Event)
            else "glossary"
        )
        found = self.claim_sources.get((kind, item.id, claim, *detail))
        return found if found is not None else tuple(item.sources)

    @functools.cached_property
    def articles_by_id(self) -> dict[str, Article]:
        """The story's articles by id, in story order."""
        return {article.id: article for article in self.articles}

    @functools.cached_property
    def _entities(self) -> dict[str, Entity]:
        return {entity.id: entity for entity in self.facts.entities}

    @functools.cached_property
    def _events(self) -> dict[str, Event]:
        return {event.id: event for event in self.facts.events}

    @functools.cached_property
    def event_order(self) -> tuple[Event, ...]:
        """Every event, earliest first; events with the same dates in the order ``preceded_by``
        gives them (a war before the ceasefire that ended it, both "2020"), then by id."""
        depth = _chain_depths(self.facts.events)
        return tuple(
            sorted(
                self.facts.events, key=lambda e: (self.dates[e.id].sort_key(), depth[e.id], e.id)
            )
        )

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (validation guarantees it exists)."""
        return self._entities[entity_id]

    def event(self, event_id: str) -> Event:
        """The event with this id (validation guarantees it exists)."""
        return self._events[event_id]

    # ── Reader features: glossary and source checks ─────────────────────────────────────────

    @functools.cached_property
    def _glossary(self) -> dict[str, GlossaryTerm]:
        terms = {f"term:{term.id}": term for term in self.facts.glossary}
        for term in self.facts.glossary:
            if term.entity:
                terms.setdefault(term.entity, term)
        return terms

    def glossary_term(self, term_id: str) -> GlossaryTerm:
        """The glossary term with this id."""
        return self._glossary[f"term:{term_id}"]

    def glossary_for(self, key: str) -> GlossaryTerm | None:
        """The glossary term for an entity id or a ``term:<id>`` key, if there is one."""
        return self._glossary.get(key)

    def checks_about(self, item_id: str) -> list[SourceCheck]:
        """Source checks that concern the entity or event with this id."""
        return [check for check in self.facts.source_checks if item_id in check.about]


def _chain_depths(events: list[Event]) -> dict[str, int]:
    """How many ``preceded_by`` links lead back from each event (cycles are cut)."""
    by_id = {event.id: event for event in events}
    depths: dict[str, int] = {}

    def depth(event_id: str, seen: frozenset[str]) -> int:
        if event_id not in depths:
            earlier = [e for e in by_id[event_id].preceded_by if e in by_id and e not in seen]
            inner = seen | {event_id}
            depths[event_id] = 1 + max((depth(e, inner) for e in earlier), default=-1)
        return depths[event_id]

    for event in events:
        depth(event.id, frozenset())
    return depths


@dataclass(frozen=True)
class Corpus:
    """Every story of a site."""

    stories: tuple[Story, ...]


@dataclass(frozen=True)
class _LoadedStory:
    """A story read and validated once for one fingerprint, kept for the next build."""

    fingerprint: str
    files: StoryFiles
    diagnostics: tuple[Diagnostic, ...]
    story: Story | None


_article_cache: dict[tuple[str, str, str], tuple[Article, tuple[Diagnostic, ...]]] = {}
_story_cache: dict[Path, _LoadedStory] = {}
_sentence_caches_read: set[Path] = set()
"""The last version of each story folder read by this process; ``mkdocs serve`` rebuilds from it."""


def load_corpus(
    content_dir: Path, now: datetime | None = None
) -> tuple[Corpus | None, list[Diagnostic]]:
    """Read, validate and resolve every story under ``content_dir``; None if any error."""
    now = now or datetime.now()
    diagnostics: list[Diagnostic] = []
    if not content_dir.is_dir():
        message = f"content folder '{content_dir}' does not exist; create it or set content_dir"
        if content_dir.is_file():
            message = (
                f"'{content_dir}' is a file; give the content folder, which holds a folder "
                "for each story"
            )
        return None, [Diagnostic(str(content_dir), 1, 1, "no-content", message)]
    folders = [d for d in sorted(content_dir.iterdir()) if d.is_dir()]
    directories = [d for d in folders if (d / "story.yml").is_file()]
    diagnostics += story_folder_problems(directories, content_dir.parent)
    others = [d for d in folders if d not in directories]
    diagnostics += _stories_without_story_file(others, content_dir.parent)
    sentences_file = sentence_cache_path(content_dir)
    if sentences_file not in _sentence_caches_read:
        segment.load_cache(sentences_file)
        _sentence_caches_read.add(sentences_file)
        segment.segment_ahead(_paragraph_candidates(directories))
    loaded = [_load_story(directory, content_dir) for directory in directories]
    segment.save_cache(sentences_file)
    if not loaded:
        message = "no story found: a story is a folder with a story.yml"
        if (content_dir / "story.yml").is_file():
            message = (
                f"'{display_path(content_dir)}' is a story folder, not the content folder; "
                f"check the folder that holds the stories ('{display_path(content_dir.parent)}')"
            )
        diagnostics.append(Diagnostic(display_path(content_dir), 1, 1, "no-story", message))
    for entry in loaded:
        diagnostics.extend(entry.diagnostics)
        diagnostics.extend(_future_dates(entry.files.articles, now))
    diagnostics += shared_id_conflicts(
        FactsFile(entry.story.facts, entry.files.facts_document)
        for entry in loaded
        if entry.story is not None and entry.files.facts_document is not None
    )
    diagnostics += page_collisions(
        PlannedStory(
            entry.story,
            entry.files.facts_document,
            display_path(entry.files.directory, content_dir.parent),
        )
        for entry in loaded
        if entry.story is not None and entry.files.facts_document is not None
    )
    if errors_in(diagnostics):
        return None, diagnostics
    return Corpus(tuple(entry.story for entry in loaded if entry.story)), diagnostics


def _stories_without_story_file(folders: list[Path], root: Path) -> list[Diagnostic]:
    """Of ``folders`` (none has a story.yml), those that hold a story's files: they would be
    left out unseen."""
    found = []
    for folder in folders:
        held = [name for name in ("facts.yml", "articles") if (folder / name).exists()]
        if held:
            message = (
                f"folder '{folder.name}' holds {' and '.join(held)} but no story.yml, so it is "
                "left out of the site; add a story.yml (title, articles) or move the folder "
                "out of the content folder"
            )
            found.append(
                Diagnostic(
                    display_path(folder, root), 1, 1, "no-story-file", message, Severity.WARNING
                )
            )
    return found


def _paragraph_candidates(directories: list[Path]) -> Iterator[str]:
    """What may be a paragraph in the stories' articles: each line of a wire story, each block
    between blank lines of a Markdown one. Only read to segment the paragraphs ahead."""
    for directory in directories:
        for path in sorted((directory / "articles").glob("*")):
            if path.suffix not in ARTICLE_SUFFIXES or not path.is_file():
                continue
            if path.stat().st_size > MAX_ARTICLE_BYTES:
                continue  # refused when it is read
            with contextlib.suppress(OSError):
                lines = [line.strip() for line in _read_text(path).split("\n")]
                if path.suffix == ".md":
                    blocks = "\n".join(lines).split("\n\n")
                    yield from (block.replace("\n", " ") for block in blocks)
                else:
                    yield from lines


def cache_folder(content_dir: Path) -> Path:
    """Where work that need not be done twice is kept between runs (``.cache/explainer`` beside
    the content folder, ignored by git): anything in it may be deleted at any time."""
    return content_dir.resolve().parent / ".cache" / "explainer"


def sentence_cache_path(content_dir: Path) -> Path:
    """Where the sentences of already segmented paragraphs are kept between runs."""
    return cache_folder(content_dir) / "sentences.json"


def _load_story(directory: Path, content_dir: Path) -> _LoadedStory:
    """Read and validate one story folder, or reuse the last result if no file changed."""
    fingerprint = story_fingerprint(directory, content_dir)
    cached = _story_cache.get(directory)
    if cached is not None and cached.fingerprint == fingerprint:
        return cached
    diagnostics: list[Diagnostic] = []
    files = _read_story(directory, content_dir, diagnostics)
    claim_sources: dict[ClaimKey, tuple[str | ExternalSource, ...]] = {}
    if files.facts is not None and files.articles:
        diagnostics.extend(validate_story(files))
        if not errors_in(diagnostics):
            articles = {article.id: article for article in files.articles}
            corrections = corrections_not_applied(files.facts, articles)
            diagnostics.extend(
                positioned(files, corrections, "correction-not-applied", Severity.ERROR)
            )
            support = check_support(files.facts, files.articles)
            diagnostics.extend(positioned(files, support.unsupported, "unsupported-claim"))
            stale = stale_statements(files.facts, articles, support.sources)
            diagnostics.extend(positioned(files, stale, "stale-statement"))
            claim_sources = support.sources
    story = None if errors_in(diagnostics) else _resolve(files, fingerprint, claim_sources)
    loaded = _LoadedStory(fingerprint, files, tuple(diagnostics), story)
    _story_cache[directory] = loaded
    return loaded


def story_fingerprint(directory: Path, content_dir: Path) -> str:
    """Hash of every file a story is read from, and of where diagnostics will say they are."""
    digest = hashlib.sha256(f"{content_dir.resolve()}\0{Path.cwd()}".encode())
    candidates = [directory / "story.yml", directory / "facts.yml"]
    candidates += sorted((directory / "articles").glob("*"))
    for path in candidates:
        if readable(path, content_dir):
            digest.update(f"\0{path.relative_to(directory).as_posix()}\0".encode())
            digest.update(path.read_bytes())
        elif path.exists() or path.is_symlink():  # refused: its name still changes the story
            digest.update(f"\0refused {path.relative_to(directory).as_posix()}\0".encode())
    return digest.hexdigest()


def _future_dates(articles: list[Article], now: datetime) -> list[Diagnostic]:
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


def _read_story(directory: Path, content_dir: Path, diagnostics: list[Diagnostic]) -> StoryFiles:
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


def _read_text(path: Path) -> str:
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
    return article, [*known, *(_future_dates([article], now) if now is not None else [])]


def _resolve(
    story: StoryFiles,
    fingerprint: str,
    claim_sources: dict[ClaimKey, tuple[str | ExternalSource, ...]],
) -> Story:
    assert story.info is not None and story.facts is not None
    dates = {event.id: to_fuzzy_date(event.when) for event in story.facts.events}
    articles = tuple(story.articles)
    return Story(story.slug, story.info, story.facts, articles, dates, fingerprint, claim_sources)


def to_fuzzy_date(when: When) -> FuzzyDate:
    """A validated ``when`` as a :class:`FuzzyDate`."""
    start = parse_moment(when.date or when.start or "")
    end = parse_moment(when.end) if when.end else None
    return FuzzyDate(start, end, when.part, when.approximate, when.expression)
