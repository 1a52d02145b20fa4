"""What a page template gets as ``page``: links, citations and prose for one page of a story.

Autoescaping is on and its escape (:func:`generator.pages.mdtext.escape`) makes a value written
as ``{{ value }}`` show as the text it is, in a line of Markdown and in finished HTML alike. What a
template may emit as markup comes from the :class:`PageContext` helpers (citations, links, prose
with first-mention links): finished HTML, the same in either place, whose text they escape.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from markupsafe import Markup

from generator.corpus import Story
from generator.facts.editorial import GlossaryTerm
from generator.facts.fieldtypes import Point, is_allowed_url
from generator.facts.schema import Entity, Event
from generator.pages.linker import Found, NameFinder
from generator.pages.mdtext import continued, escape
from generator.pages.references import CitedSentence, PageNotes, Source, cited_sentence
from generator.reading.segment import split_sentences


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
    notes: PageNotes = field(default_factory=PageNotes)
    """The page's sets of sources, each cited by one marker."""
    cited: dict[str, CitedSentence] = field(default_factory=dict)
    """What a note shows of each sentence cited, by reference, for every page of the story."""

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
            return escape(text or url)
        return _anchor(escape(text or url), escape(url), None)

    def link(self, entity_id: str | None, text: str | None = None) -> Markup:
        """The entity's name linking to its page (plain on its own page)."""
        if entity_id is None:
            return Markup("")
        entity = self.story.entity(entity_id)
        self.mentioned.add(entity_id)
        label = escape(text or entity.name)
        if entity_id == self.self_entity:
            return label
        return _anchor(label, self.url("entity:" + entity_id), _entity_preview(entity))

    def event_link(self, event: Event) -> Markup:
        """The event's title, linking to its page if it has one."""
        label = escape(event.title)
        if f"event:{event.id}" in self.paths and self.path != self.paths[f"event:{event.id}"]:
            return _anchor(label, self.url("event:" + event.id), None)
        return label

    def cite(self, sources: Iterable[Source]) -> Markup:
        """One marker for a claim resting on ``sources``: a superscript number, once the page
        is finished (:meth:`generator.pages.references.PageNotes.number`), that points to the
        page's list of sources. Search leaves the markers out of its index."""
        key = tuple(dict.fromkeys(sources))
        if not key:
            return Markup("")
        return Markup(self.notes.marker(self, key))

    def cited_sentence(self, reference: str) -> CitedSentence:
        """What a note shows of the sentence ``reference`` (looked up once per story)."""
        cited = self.cited.get(reference)
        if cited is None:
            cited = self.cited[reference] = cited_sentence(self.story, reference)
        return cited

    def prose(self, text: str) -> Markup:
        """Escaped text; the first mention on this page of each entity links to its page.

        Where the text names an entity both by an alias and by its name ("the US Secretary of
        State Antony Blinken"), the name is the one linked. Glossary terms link the same way,
        to their entity's page or to the glossary, and show their definition on hover.
        """
        if self.linker is None:
            return escape(text)
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
            before = text[position : match.start]
            pieces.append(continued(before) if position else escape(before))
            pieces.append(self._mention(self.names[match.name], match.name))
            position = match.end
        pieces.append(continued(text[position:]) if position else escape(text))
        return Markup("".join(pieces))

    def _display_name(self, key: str) -> str:
        if key.startswith("term:"):
            return self.story.glossary_term(key[5:]).term
        return self.story.entity(key).name

    def _mention(self, key: str, text: str) -> Markup:
        """A first mention: a link to the entity or glossary entry, with the term's definition."""
        term = self.story.glossary_for(key)
        if key.startswith("term:"):
            self.mentioned.add(key)
            return _anchor(escape(text), self.url("glossary", key[5:]), _glossary_preview(term))
        if term is None or key == self.self_entity:
            return self.link(key, text)
        self.mentioned.add(key)
        return _anchor(escape(text), self.url("entity:" + key), _glossary_preview(term))

    def statement(self, point: Point) -> Markup:
        """A cited statement: its prose followed by its citations."""
        return Markup(f"{self.prose(point.text)} {self.cite(point.sources)}")

    def takeaway(self, point: Point) -> Markup:
        """A cited statement with its first sentence in bold: a takeaway of "What we know"."""
        first, *rest = split_sentences(point.text) or [point.text]
        lead = Markup(f"**{self.prose(first)}**")
        body = f" {self.prose(' '.join(rest))}" if rest else ""
        return Markup(f"{lead}{body} {self.cite(point.sources)}")


class Preview(NamedTuple):
    """What a link's preview shows: a name, a line about it, and its kind (the CSS class,
    ``gloss`` for a glossary term, ``entity`` for a person, place or organisation)."""

    kind: str
    name: str
    text: str


def _entity_preview(entity: Entity) -> Preview:
    """An entity's preview: its role as of the story and the first sentence of what the
    story says of it ("US Secretary of State. The host of the talks.")."""
    lines = [entity.role or ""]
    if entity.description:
        first = (split_sentences(entity.description) or [entity.description])[0]
        words = [w for w in re.findall(r"\w+", (entity.role or "").lower()) if len(w) > 3]
        if words and all(word in first.lower() for word in words):
            lines = []  # the description says the role already ("Armenia's foreign minister")
        lines.append(first)
    elif entity.map_reason:  # a place on the map for orientation, which no article mentions
        lines.append(entity.map_reason[:1].upper() + entity.map_reason[1:])
    text = " ".join(line if line.endswith(".") else f"{line}." for line in lines if line)
    return Preview(
        "entity", entity.name, text or f"{_KINDS.get(entity.type, 'Named')} in this story."
    )


_KINDS = {
    "person": "A person",
    "country": "A country",
    "organisation": "An organisation",
    "group": "A group",
    "place": "A place",
}


def _glossary_preview(term: GlossaryTerm | None) -> Preview | None:
    return None if term is None else Preview("gloss", term.term, term.definition)


def _anchor(label: Markup, url: str, preview: Preview | None) -> Markup:
    """A link as finished HTML; with a ``preview``, it shows a name and a line on hover, focus
    and tap. The plugin carries it past Markdown (:mod:`generator.pages.verbatim`)."""
    if preview is None:
        return Markup(f'<a href="{url}">{label}</a>')
    text, name = escape(preview.text), escape(preview.name)
    return Markup(
        f'<a class="{preview.kind}" data-term="{name}" href="{url}" title="{text}">{label}</a>'
    )


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
