"""Render a corpus into Markdown pages: ``{page path: Markdown}``, from Jinja template files.

Templates live in ``generator/templates`` (a folder given as ``overrides`` is searched first).
Autoescaping is on and its escape is Markdown's: a value written as ``{{ value }}`` shows as the
text it is. What a template may emit as Markdown comes from the :class:`PageContext` helpers
(citations, links, prose with first-mention links), which escape the text they wrap themselves.
"""

from __future__ import annotations

import contextlib
import functools
import json
import pickle
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from markupsafe import Markup
from markupsafe import escape as escape_html

from generator import mdtext
from generator.article import Article
from generator.cards import ActorCard, SideQuotes, actor_card, quotes_by_side
from generator.citations import cite_once_per_block
from generator.corpus import Corpus, Story, to_fuzzy_date
from generator.dates import FuzzyDate
from generator.geo import data_source
from generator.layout import STORY_PAGES, paths_for, story_sections
from generator.linker import Found, NameFinder
from generator.locator import LocatorMap, story_map
from generator.schema import (
    Account,
    ArticleInfo,
    Change,
    Disagreement,
    Entity,
    Event,
    ExternalSource,
    GlossaryTerm,
    Point,
    Quote,
    When,
    is_allowed_url,
)
from generator.timeline import YearGroup, ordered_events, timeline_groups
from generator.validate import resolve_sentence
from generator.workers import run_all

TEMPLATES = Path(__file__).parent / "templates"
NAV_STORY_LIMIT = 5
"""Up to this many stories, the sidebar lists each story's sections; beyond, it lists only the
home page (which lists the stories) and each story page ends with the story's own menu. Every
page renders the whole sidebar, so its size must not grow with the archive."""
ACTOR_TYPES = ("person", "organisation", "country", "group")


@dataclass(frozen=True)
class SiteContext:
    """What a story's pages need to know about the rest of the site."""

    compact: bool = False
    """The sidebar does not list the story's sections: pages end with the story's menu."""
    feeds: bool = False
    """Stories have an Atom feed (``<story>/feed.xml``): the site has an address."""
    elsewhere: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """For each entity of the story also in other stories: (story title, page path) of each."""

    def key(self) -> tuple[object, ...]:
        """Everything here that a story's pages depend on, for the render cache."""
        return (self.compact, self.feeds, tuple(sorted(self.elsewhere.items())))


def relative_path(target: str, folder: str) -> str:
    """``posixpath.relpath(target, folder)`` for the site's page paths (``a/b.md``, folders
    ``a`` or ``.``: no ``..``, no ``.`` inside), without its trips to the file system."""
    if folder == ".":
        return target
    to, start = target.split("/"), folder.split("/")
    common = 0
    while common < min(len(to) - 1, len(start)) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:])


@dataclass
class PageContext:
    """Per-page helpers for templates: links relative to this page, citations, prose."""

    path: str
    story: Story
    paths: dict[str, str]
    linker: NameFinder | None
    names: dict[str, str]
    self_entity: str | None = None
    mentioned: set[str] = field(default_factory=set)
    site: SiteContext | None = None
    citations: dict[tuple[str, str], str] = field(default_factory=dict)
    """Sentence citations already written, by page folder and sentence reference: shared by
    the pages of one story, where the same sentences are cited many times."""
    cited: dict[str, CitedSentence] = field(default_factory=dict)
    """What a citation shows of each sentence cited, by reference, for every page of the story."""

    def to(self, path: str) -> Markup:
        """Relative link from this page to any page of the site, by its path (``index.md``)."""
        return Markup(relative_path(path, posixpath.dirname(self.path) or "."))

    def elsewhere(self, entity_id: str) -> list[tuple[str, str]]:
        """Other stories the entity appears in: (story title, path of its page there)."""
        return list(self.site.elsewhere.get(entity_id, ())) if self.site else []

    def url(self, role: str, anchor: str = "") -> Markup:
        """Relative link from this page to the page with ``role`` (paths are made of ids)."""
        relative = relative_path(self.paths[role], posixpath.dirname(self.path) or ".")
        return Markup(relative + (f"#{anchor}" if anchor else ""))

    def external(self, url: str, text: str | None = None) -> Markup:
        """A link to an outside address; an address the URL policy refuses is shown as text."""
        if not is_allowed_url(url):
            return mdtext.escape(text or url)
        return Markup(f"[{mdtext.escape(text or url)}]({mdtext.url(url)})")

    def link(self, entity_id: str | None, text: str | None = None) -> Markup:
        """The entity's name linking to its page (plain on its own page)."""
        return self._link(entity_id, text, MARKDOWN)

    def html_link(self, entity_id: str | None, text: str | None = None) -> Markup:
        """:meth:`link` as finished HTML, for a block the plugin carries past Markdown."""
        return self._link(entity_id, text, HTML)

    def _link(self, entity_id: str | None, text: str | None, form: _Form) -> Markup:
        if entity_id is None:
            return Markup("")
        entity = self.story.entity(entity_id)
        self.mentioned.add(entity_id)
        label = form.text(text or entity.name)
        if entity_id == self.self_entity:
            return label
        return form.anchor(label, self.url("entity:" + entity_id), None)

    def event_link(self, event: Event) -> Markup:
        """The event's title, linking to its page if it has one."""
        return self._event_link(event, MARKDOWN)

    def html_event_link(self, event: Event) -> Markup:
        """:meth:`event_link` as finished HTML."""
        return self._event_link(event, HTML)

    def _event_link(self, event: Event, form: _Form) -> Markup:
        label = form.text(event.title)
        if f"event:{event.id}" in self.paths and self.path != self.paths[f"event:{event.id}"]:
            return form.anchor(label, self.url("event:" + event.id), None)
        return label

    def cite(self, sources: Iterable[str | ExternalSource]) -> Markup:
        """Citation links for ``sources``: sentence anchors on the source page, or external URLs.

        Each is a finished ``<a class="cite">`` that the MkDocs plugin carries past Markdown
        (``generator/verbatim.py``): a page of a large story holds hundreds of them. Search
        leaves their labels (``¶3.2``) out of its index."""
        return Markup(" ".join(self._citation(source) for source in sources))

    def _citation(self, source: str | ExternalSource) -> str:
        if isinstance(source, ExternalSource):
            label = mdtext.attribute(source.publisher or source.title)
            title = mdtext.attribute(source.title)
            origin = mdtext.attribute(_external_label(source))
            # The schema already refuses other addresses; a page never links one regardless.
            href = f' href="{mdtext.attribute(source.url)}"' if is_allowed_url(source.url) else ""
            return (
                f'<a class="cite cite-external" data-origin="{origin}" data-search-exclude'
                f'{href} title="{title}">{label}</a>'
            )
        key = (posixpath.dirname(self.path), source)
        if key not in self.citations:
            self.citations[key] = self._sentence_citation(source)
        return self.citations[key]

    def _sentence_citation(self, source: str) -> str:
        cited = self.cited.get(source)
        if cited is None:
            cited = self.cited[source] = _cited_sentence(self.story, source)
        url = self.url(f"article:{cited.article_id}", cited.sentence_id)
        return (
            f'<a class="cite" data-origin="{cited.origin}" data-search-exclude '
            f'data-sentence="{cited.sentence_id}" href="{url}" title="{cited.title}">'
            f"¶{cited.number}</a>"
        )

    def prose(self, text: str) -> Markup:
        """Escaped text; the first mention on this page of each entity links to its page.

        Where the text names an entity both by an alias and by its name ("the US Secretary of
        State Antony Blinken"), the name is the one linked. Glossary terms link the same way,
        to their entity's page or to the glossary, and show their definition on hover.
        """
        return self._prose(text, MARKDOWN)

    def html_prose(self, text: str) -> Markup:
        """:meth:`prose` as finished HTML, for a block the plugin carries past Markdown."""
        return self._prose(text, HTML)

    def _prose(self, text: str, form: _Form) -> Markup:
        if self.linker is None:
            return form.text(text)
        chosen: dict[str, Found] = {}
        for match in self.linker.finditer(text):
            key = self.names[match.name]
            if key in self.mentioned or key == self.self_entity:
                continue
            current = chosen.get(key)
            is_name = match.name == self._display_name(key)
            if current is None or (is_name and current.name != match.name):
                chosen[key] = match
        pieces: list[str] = []
        position = 0
        for match in sorted(chosen.values()):
            pieces.append(form.text(text[position : match.start]))
            pieces.append(self._mention(self.names[match.name], match.name, form))
            position = match.end
        pieces.append(form.text(text[position:]))
        return Markup("".join(pieces))

    def _display_name(self, key: str) -> str:
        if key.startswith("term:"):
            return self.story.glossary_term(key[5:]).term
        return self.story.entity(key).name

    def _mention(self, key: str, text: str, form: _Form) -> Markup:
        """A first mention: a link to the entity or glossary entry, with the term's definition."""
        term = self.story.glossary_for(key)
        if key.startswith("term:"):
            self.mentioned.add(key)
            return form.anchor(form.text(text), self.url("glossary", key[5:]), term)
        if term is None or key == self.self_entity:
            return self._link(key, text, form)
        self.mentioned.add(key)
        return form.anchor(form.text(text), self.url("entity:" + key), term)

    def statement(self, point: Point) -> Markup:
        """A cited statement: its prose followed by its citations."""
        return Markup(f"{self.prose(point.text)} {self.cite(point.sources)}")


def _text(value: object) -> Markup:
    """``value`` as the text of an element of finished HTML. Line breaks become spaces, as in
    :func:`mdtext.escape`: a blank line would end the HTML block in Markdown."""
    return Markup(mdtext.html_text(" ".join(str(value).splitlines())))


def _html_anchor(label: Markup, url: str, term: GlossaryTerm | None) -> Markup:
    """A link as finished HTML; with ``term``, it shows the term's definition on hover. The
    attributes are in the order Markdown writes them (by name)."""
    if term is None:
        return Markup(f'<a href="{url}">{label}</a>')
    definition, name = mdtext.attribute(term.definition), mdtext.attribute(term.term)
    return Markup(
        f'<a class="gloss" data-term="{name}" href="{url}" title="{definition}">{label}</a>'
    )


def _markdown_anchor(label: Markup, url: str, term: GlossaryTerm | None) -> Markup:
    """A Markdown link; with ``term``, an attribute list that shows the term's definition."""
    if term is None:
        return Markup(f"[{label}]({url})")
    definition, name = mdtext.attribute(term.definition), mdtext.attribute(term.term)
    return Markup(f'[{label}]({url}){{ .gloss title="{definition}" data-term="{name}" }}')


class _Form(NamedTuple):
    """How the page helpers write text and links: as Markdown, or as finished HTML."""

    text: Callable[[str], Markup]
    anchor: Callable[[Markup, str, GlossaryTerm | None], Markup]


MARKDOWN = _Form(mdtext.escape, _markdown_anchor)
HTML = _Form(_text, _html_anchor)


class CitedSentence(NamedTuple):
    """What a citation of one sentence shows, wherever it is cited from."""

    article_id: str
    sentence_id: str
    number: str
    """``3.2`` (paragraph 3, sentence 2), ``2:3.2`` in the story's second article."""
    title: str
    """The sentence, as an attribute value (the preview's text)."""
    origin: str
    """The article's headline and date, as an attribute value."""


def _cited_sentence(story: Story, reference: str) -> CitedSentence:
    articles = story.articles_by_id
    article, sentence, _ = resolve_sentence(reference, articles)
    assert article is not None and sentence is not None
    number = sentence.id[1:].replace("s", ".")
    if len(articles) > 1:
        number = f"{list(articles).index(article.id) + 1}:{number}"
    title = mdtext.attribute(sentence.text)
    origin = mdtext.attribute(_article_label(story, article))
    return CitedSentence(article.id, sentence.id, number, title, origin)


def _article_label(story: Story, article: Article) -> str:
    """Where a cited sentence comes from, for citation previews: headline and date."""
    info = next((i for i in story.info.articles if i.id == article.id), None)
    title = (info.title if info else None) or article.title or article.id
    if article.published is None:
        return title
    return f"{title}, {article.published.strftime('%-d %B %Y')}"


def _external_label(source: ExternalSource) -> str:
    """Who published an external source and when, for citation previews."""
    parts = [source.publisher or "External source", source.date]
    return ", ".join(part for part in parts if part)


def _name_index(story: Story) -> tuple[NameFinder | None, dict[str, str]]:
    """Names recognised in prose: entity names and aliases (to the entity's id) and glossary
    terms (to ``term:<id>``, or to their entity's id when the term names an entity)."""
    names: dict[str, str] = {}
    for entity in story.facts.entities:
        for name in (entity.name, *entity.aliases):
            if len(name) >= 3 and not entity.anonymous:
                names.setdefault(name, entity.id)
    for term in story.facts.glossary:
        for name in (term.term, *term.aliases):
            if len(name) >= 3:
                names.setdefault(name, term.entity or f"term:{term.id}")
    if not names:
        return None, names
    return NameFinder(names), names


@functools.lru_cache(maxsize=4)
def environment(overrides: Path | None = None, compiled: Path | None = None) -> jinja2.Environment:
    """The Jinja environment: template files, StrictUndefined, Markdown autoescaping.

    Built once per process and folder: Jinja compiles each template once, which is what keeps
    ``mkdocs serve`` fast. :func:`render_corpus` empties its cache when a template file
    changes, so Jinja need not look at each file again for each page (``auto_reload``). With
    ``compiled``, a folder, the compiled templates are also kept there for the next process
    (compiling them all takes about half a second).
    """
    folders = [str(overrides)] if overrides else []
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*folders, str(TEMPLATES)]),
        bytecode_cache=_BytecodeCache(compiled) if compiled else None,
        autoescape=True,
        finalize=mdtext.escape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["yaml"] = lambda value: Markup(
        json.dumps(mdtext.html_text(value), ensure_ascii=False)
    )
    env.filters["raw_id"] = _raw_id
    env.filters["html"] = escape_html
    env.filters["text"] = _text
    env.filters["number"] = _number
    env.filters["svg_data"] = _svg_data
    env.tests["allowed_url"] = is_allowed_url
    env.globals["map_source"] = data_source()
    return env


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates (keyed by each template's source, so an edited
    template is compiled again), in a folder that may not exist or not be writable: then
    templates are compiled in every process, as without a cache."""

    def __init__(self, folder: Path) -> None:
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """A cached template that cannot be read (a truncated or foreign file, as a restored
        CI cache may hold) is a miss: the template is compiled again and the file rewritten."""
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass
        except (EOFError, ValueError, TypeError, AttributeError, pickle.UnpicklingError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _templates_key(overrides: Path | None) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every template file: changes when one is edited."""
    folders = [f for f in (overrides, TEMPLATES) if f is not None and f.is_dir()]
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.j2")):
            stat = path.stat()
            found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


_RAW_ID = re.compile(r"[A-Za-z0-9_-]+")


def _number(value: float) -> Markup:
    return Markup(f"{float(value):.1f}")


def _svg_data(value: str) -> Markup:
    if not re.fullmatch(r"[0-9.,\sMZ-]*", value):
        raise ValueError(f"not SVG path data: {value[:40]!r}")
    return Markup(value)


def _raw_id(value: str) -> Markup:
    if not _RAW_ID.fullmatch(str(value)):
        raise ValueError(f"not an id: {value!r}")
    return Markup(value)


_templates_seen: dict[jinja2.Environment, tuple[tuple[str, int, int], ...]] = {}
"""The template files each environment last rendered with."""
_story_pages: dict[str, tuple[tuple[object, ...], dict[str, str]]] = {}
"""The last pages rendered for each story slug, with the key they were rendered for."""


def render_corpus(
    corpus: Corpus,
    reference: str,
    overrides: Path | None = None,
    feeds: bool = False,
    cache: Path | None = None,
) -> dict[str, str]:
    """Every generated page of the site, as Markdown, keyed by its path in the docs tree.

    A story whose files, templates and links to other stories are unchanged since the last call
    keeps its pages. Compiled templates are kept in ``cache`` (a folder) between processes.
    """
    from generator import site  # site pages are rendered with this module's helpers

    env = environment(overrides, cache / "templates" if cache else None)
    templates = _templates_key(overrides)
    if _templates_seen.setdefault(env, templates) != templates:
        # Jinja notices an edited template, not a new file that overrides a bundled one
        if env.cache is not None:
            env.cache.clear()
        _templates_seen[env] = templates
    pages: dict[str, str] = {}
    compact = len(corpus.stories) > NAV_STORY_LIMIT
    shared = site.shared_entities(corpus)
    stale: list[tuple[Story, SiteContext, tuple[object, ...]]] = []
    for story in corpus.stories:
        context = SiteContext(compact, feeds, site.elsewhere(story, shared))
        key = (story.fingerprint, templates, context.key())
        cached = _story_pages.get(story.slug)
        if cached is None or cached[0] != key or not story.fingerprint:
            stale.append((story, context, key))
    # A story of thousands of pages is rendered in parts, on every core; each worker prepares
    # a story once (its links, names and views) for all the parts it renders.
    renderers = [_StoryRenderer(env, story, context) for story, context, _ in stale]
    jobs = [
        (number, part)
        for number, renderer in enumerate(renderers)
        for part in _parts(len(renderer.specs))
    ]
    rendered = run_all(lambda job: renderers[job[0]].render(job[1]), jobs)
    fresh: list[dict[str, str]] = [{} for _ in stale]
    for (number, _), part_pages in zip(jobs, rendered, strict=True):
        fresh[number].update(part_pages)
    for (story, _, story_key), story_pages in zip(stale, fresh, strict=True):
        _story_pages[story.slug] = (story_key, story_pages)
    for story in corpus.stories:
        pages.update(_story_pages[story.slug][1])
    pages.update(site.render_site_pages(env, corpus, shared))
    pages["reference/facts.md"] = reference
    return dict(sorted(pages.items()))


PAGES_PER_JOB = 1000
"""A story with more pages than this is rendered in parts of this many pages, on every core."""


def _parts(count: int) -> list[slice]:
    return [slice(start, start + PAGES_PER_JOB) for start in range(0, max(count, 1), PAGES_PER_JOB)]


_PageSpec = tuple[str, str, "str | None", dict[str, Any]]


def _page_specs(story: Story, paths: dict[str, str]) -> list[_PageSpec]:
    """(role, template, the entity the page is about, template values) of each story page."""
    specs: list[_PageSpec] = [
        (page_type.role, page_type.template, None, {})
        for page_type in STORY_PAGES
        if page_type.role in paths
    ]
    specs += [
        (f"entity:{entity.id}", "entity.md.j2", entity.id, {"entity": entity})
        for entity in story.facts.entities
    ]
    specs += [
        (f"event:{event.id}", "event.md.j2", None, {"event": event})
        for event in story.facts.events
        if event.page
    ]
    specs += [
        (f"article:{article.id}", "article.md.j2", None, {"article": article})
        for article in story.articles
    ]
    return specs


class _StoryRenderer:
    """Renders a story's pages, a part at a time; what all its pages share is made once."""

    def __init__(self, env: jinja2.Environment, story: Story, context: SiteContext) -> None:
        self.env, self.story, self.context = env, story, context
        self.citations: dict[tuple[str, str], str] = {}
        self.cited: dict[str, CitedSentence] = {}
        self.menus: dict[str, str] = {}  # the menu's links depend only on the page's folder

    @functools.cached_property
    def paths(self) -> dict[str, str]:
        return paths_for(self.story)

    @functools.cached_property
    def view(self) -> StoryView:
        return StoryView(self.story)

    @functools.cached_property
    def names(self) -> tuple[NameFinder | None, dict[str, str]]:
        return _name_index(self.story)

    @functools.cached_property
    def specs(self) -> list[_PageSpec]:
        return _page_specs(self.story, self.paths)

    @functools.cached_property
    def updated(self) -> str:
        return self.env.get_template("_updated.md.j2").render(view=self.view)

    def render(self, part: slice = slice(None)) -> dict[str, str]:
        """The story's pages (those of ``part`` of them, in :func:`_page_specs` order)."""
        out: dict[str, str] = {}
        for role, template, self_entity, values in self.specs[part]:
            out[self.paths[role]] = self._page(role, template, self_entity, values)
        return out

    def _page(self, role: str, template: str, self_entity: str | None, values: Any) -> str:
        story, paths, context = self.story, self.paths, self.context
        linker, names = self.names
        page = PageContext(paths[role], story, paths, linker, names, self_entity, site=context)
        page.citations, page.cited = self.citations, self.cited
        markdown = self.env.get_template(template).render(
            page=page, story=story, view=self.view, **values
        )
        text = cite_once_per_block(_with_updated(markdown, self.updated))
        if context.compact:
            folder = posixpath.dirname(page.path)
            if folder not in self.menus:
                sections = story_sections(story.facts, paths)
                menu = self.env.get_template("_story_menu.md.j2")
                self.menus[folder] = menu.render(page=page, story=story, sections=sections)
            text += self.menus[folder]
        return text


def _with_updated(markdown: str, updated: str) -> str:
    """``markdown`` with the story's "Updated" line under its title (the first ``# `` line)."""
    head, marker, rest = markdown.partition("\n# ")
    if not marker:
        return markdown
    title, _, body = rest.partition("\n")
    return f"{head}{marker}{title}\n\n{updated}{body}"


class StoryView:
    """Derived views of a story's fact graph, for templates."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.facts = story.facts
        self._maps: dict[str | None, LocatorMap | None] = {}

    def cited(
        self, item: Entity | Event | GlossaryTerm, claim: str, *detail: str
    ) -> tuple[str | ExternalSource, ...]:
        """The sources a page cites next to one claim of ``item``: those that support it."""
        return self.story.cited(item, claim, *detail)

    def actors(self) -> list[Entity]:
        """Entities that act: people, organisations, countries, groups."""
        return [e for e in self.facts.entities if e.type in ACTOR_TYPES]

    def places(self) -> list[Entity]:
        """Entities that are places."""
        return [e for e in self.facts.entities if e.type == "place"]

    def actors_by_side(self) -> list[tuple[Entity | None, list[Entity]]]:
        """Actors grouped by the party they stand with, sides in order of first appearance."""
        groups: dict[str | None, list[Entity]] = {}
        for actor in self.actors():
            groups.setdefault(actor.side, []).append(actor)
        order = sorted(groups, key=lambda side: (side is None, side or ""))
        return [(self.story.entity(s) if s else None, groups[s]) for s in order]

    def when(self, event: Event) -> str:
        """The event's date as a reader sees it (``Nov 2022``, ``early 1990s``)."""
        return self.story.dates[event.id].label()

    def iso(self, event: Event) -> str:
        """The event's date in ISO 8601 form."""
        return self.story.dates[event.id].iso()

    def events_of(self, entity_id: str) -> list[Event]:
        """Events the entity took part in or that happened there, in date order."""
        found = [
            e
            for e in self.facts.events
            if e.place == entity_id or any(p.entity == entity_id for p in e.participants)
        ]
        return sorted(found, key=lambda e: self.story.dates[e.id].sort_key())

    def quotes_by(self, entity_id: str) -> list[Quote]:
        """Quotes the entity said."""
        return [q for q in self.facts.quotes if q.speaker == entity_id]

    def quotes_relayed_by(self, entity_id: str) -> list[Quote]:
        """Quotes of others that the entity relayed."""
        return [q for q in self.facts.quotes if q.reported_by == entity_id]

    def quotes_of_event(self, event_id: str) -> list[Quote]:
        """Quotes that belong to the event."""
        return [q for q in self.facts.quotes if q.event == event_id]

    def members(self, entity_id: str) -> list[Entity]:
        """Entities affiliated with this one."""
        return self._members.get(entity_id, [])

    @functools.cached_property
    def _members(self) -> dict[str, list[Entity]]:
        return _group_by(self.facts.entities, lambda entity: entity.affiliation)

    def speakers(self) -> list[tuple[Entity, list[Quote]]]:
        """Speakers with their quotes, most quoted first."""
        by_speaker: dict[str, list[Quote]] = {}
        for quote in self.facts.quotes:
            by_speaker.setdefault(quote.speaker, []).append(quote)
        ordered = sorted(by_speaker.items(), key=lambda item: (-len(item[1]), item[0]))
        return [(self.story.entity(speaker), quotes) for speaker, quotes in ordered]

    def featured_events(self) -> list[Event]:
        """Events with a page of their own."""
        return [e for e in self.facts.events if e.page]

    def sorted_events(self, event_ids: Iterable[str]) -> list[Event]:
        """The events with these ids, in date order."""
        events = [self.story.event(event_id) for event_id in event_ids]
        return sorted(events, key=lambda e: (self.story.dates[e.id].sort_key(), e.id))

    def article_info(self, article: Article) -> ArticleInfo:
        """What story.yml says about the article (an empty record if nothing)."""
        return self._listed.get(article.id) or ArticleInfo(id=article.id)

    @functools.cached_property
    def _listed(self) -> dict[str, ArticleInfo]:
        return {info.id: info for info in self.story.info.articles}

    def article_title(self, article: Article) -> str:
        """The article's headline, from story.yml, its front matter, or its first words."""
        title = self.article_info(article).title or article.title
        if title:
            return title
        first = article.sentences[0].text if article.sentences else article.id
        return first if len(first) <= 80 else first[:79].rsplit(" ", 1)[0] + "…"

    def event(self, event_id: str) -> Event:
        """The event with this id."""
        return self.story.event(event_id)

    def source_sentences(self, sources: Iterable[str | ExternalSource]) -> list[tuple[str, str]]:
        """(reference, text) of each article sentence among ``sources``, in their order."""
        found = []
        for source in sources:
            if isinstance(source, str):
                sentence = resolve_sentence(source, self.story.articles_by_id)[1]
                if sentence is not None:
                    found.append((source, sentence.text))
        return found

    def background_topics(self) -> list[tuple[str | None, list[Point]]]:
        """Background points grouped by topic, topics in order of first appearance."""
        return _group(self.facts.background, lambda point: point.topic)

    def mentioned_in(self, entity: Entity) -> list[str]:
        """Roles of the story pages whose facts refer to the entity."""
        roles = []
        names = [entity.name, *entity.aliases]
        if any(_mentions(p.text, names) for p in self.facts.summary):
            roles.append("overview")
        if any(_mentions(p.text, names) for p in self.facts.background):
            roles.append("background")
        if self.events_of(entity.id):
            roles.append("timeline")
        if self.quotes_by(entity.id) or self.quotes_relayed_by(entity.id):
            roles.append("quotes")
        for event in self.featured_events():
            if entity.id in {event.place, *(p.entity for p in event.participants)}:
                roles.append(f"event:{event.id}")
        return roles

    # ── Reader components (timeline) ─────────────────────────────────────────────────────────

    def card(self, entity: Entity) -> ActorCard:
        """What the facts say about an actor at a glance: events, first and latest, quotes."""
        return actor_card(self.story, entity)

    def quotes_by_side(self) -> list[SideQuotes]:
        """Quotes grouped by side, then speaker, with counts."""
        return quotes_by_side(self.story)

    def locator_map(self, focus: str | None = None) -> LocatorMap | None:
        """The story's locator map (around ``focus`` if that place is far from the rest)."""
        if focus not in self._maps:
            self._maps[focus] = story_map(self.story, focus)
        return self._maps[focus]

    def glossary_terms(self) -> list[GlossaryTerm]:
        """Glossary terms in alphabetical order."""
        return sorted(self.facts.glossary, key=lambda term: term.term.casefold())

    def entity_ids(self) -> frozenset[str]:
        """Ids of every entity of the story."""
        return self._entity_ids

    @functools.cached_property
    def _entity_ids(self) -> frozenset[str]:
        return frozenset(entity.id for entity in self.facts.entities)

    def date(self, event: Event) -> FuzzyDate:
        """The event's resolved date."""
        return self.story.dates[event.id]

    def ordered_events(self) -> list[Event]:
        """Every event, earliest first."""
        return ordered_events(self.story)

    def timeline_groups(self) -> list[YearGroup]:
        """Events grouped by year (or decade) and month, in date order."""
        return timeline_groups(self.story)

    # ── Several articles: disagreements and the changelog ──────────────────────────────────

    def disagreements_of(self, subject_id: str) -> list[Disagreement]:
        """Recorded disagreements about this event's date or this entity's role."""
        return [
            d for d in self.facts.disagreements if subject_id in (d.event, d.entity) and subject_id
        ]

    def account_value(self, account: Account) -> str:
        """What an account says, as a reader sees it (``4 May 2023``, a role)."""
        if account.when is not None:
            return to_fuzzy_date(account.when).label()
        return account.role or ""

    def changes(self) -> list[Change]:
        """The changelog, newest first (of one day's entries, the one written last first)."""
        indexed = list(enumerate(self.facts.changes))
        indexed.sort(key=lambda item: (item[1].date, item[0]), reverse=True)
        return [change for _, change in indexed]

    def change_date(self, change: Change) -> str:
        """The change's date as a reader sees it."""
        return to_fuzzy_date(When(date=change.date)).label()

    def latest_update(self) -> str | None:
        """The newest of the changelog's dates and the articles' publication days, ISO."""
        dates = [change.date for change in self.facts.changes]
        dates += [a.published.date().isoformat() for a in self.story.articles if a.published]
        return max(dates) if dates else None

    def stage(self, event: Event) -> str:
        """Where the event stands, dated by the article that says so ("Ended, as of 4 May
        2023"); empty for an event without a stage."""
        if event.stage is None:
            return ""
        days = [
            article.published
            for source in self.cited(event, "stage")
            if isinstance(source, str)
            for article, _, _ in [resolve_sentence(source, self.story.articles_by_id)]
            if article is not None and article.published is not None
        ]
        label = event.stage.capitalize()
        if not days:
            return label
        return f"{label}, as of {to_fuzzy_date(When(date=max(days).date().isoformat())).label()}"

    def latest_update_label(self) -> str:
        """:meth:`latest_update` as a reader sees it (empty when the story has no date)."""
        latest = self.latest_update()
        return to_fuzzy_date(When(date=latest)).label() if latest else ""

    def linked_items(self, change: Change) -> list[tuple[str, str]]:
        """(name, page role) of the change's items that have a page (none for a removal)."""
        if change.type == "removed":
            return []
        found = [(item, self.known_id(item)) for item in change.items]
        return [(self.item_name(item), role) for item, role in found if role]

    def item_name(self, item_id: str) -> str:
        """The name of the entity, or the title of the event, with this id."""
        for entity in self.facts.entities:
            if entity.id == item_id:
                return entity.name
        return self.story.event(item_id).title

    def known_id(self, item_id: str) -> str | None:
        """The page role of an entity or featured event with this id, if there is one."""
        if item_id in self._entity_ids:
            return f"entity:{item_id}"
        if any(event.id == item_id and event.page for event in self.facts.events):
            return f"event:{item_id}"
        return None


def _mentions(text: str, names: list[str]) -> bool:
    return any(
        name in text and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in names
    )


def _group_by(items: Iterable[Any], key: Callable[[Any], Any]) -> dict[Any, list[Any]]:
    return dict(_group(items, key))


def _group(items: Iterable[Any], key: Callable[[Any], Any]) -> list[tuple[Any, list[Any]]]:
    groups: dict[Any, list[Any]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return list(groups.items())
