"""Reading a content folder: stories, their articles and facts files, validated and resolved.

Layout: ``content/<story>/story.yml``, ``content/<story>/facts.yml`` and
``content/<story>/articles/<article-id>.txt`` (wire) or ``.md`` (front matter). Any folder of
``content/`` without a ``story.yml`` (``content/pages``, say) is not a story.

A content folder goes in; the :class:`Corpus` of its valid stories and every diagnostic come out.
Each story folder is read by :mod:`generator.reading.storyreader` and checked by
:mod:`generator.checks.storychecks`, then resolved here, and kept until one of its files changes.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.checks.claims import ClaimKey
from generator.checks.shared import FactsFile, shared_id_conflicts
from generator.checks.storychecks import check_story
from generator.diagnostics import Diagnostic, Severity, display_path, errors_in
from generator.facts.editorial import GlossaryTerm, SourceCheck
from generator.facts.fieldtypes import ExternalSource, When
from generator.facts.schema import Entity, Event, Facts, StoryInfo
from generator.outputs import PlannedStory, page_collisions
from generator.reading import segment
from generator.reading.article import Article
from generator.reading.contentfiles import readable
from generator.reading.dates import FuzzyDate, parse_moment
from generator.reading.ids import story_folder_problems
from generator.reading.storyfiles import StoryFiles
from generator.reading.storyreader import future_dates, paragraph_candidates, read_story


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
        segment.segment_ahead(paragraph_candidates(directories))
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
        diagnostics.extend(future_dates(entry.files.articles, now))
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
    files = read_story(directory, content_dir, diagnostics)
    claim_sources = check_story(files, diagnostics)
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
