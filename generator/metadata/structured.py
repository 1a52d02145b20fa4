"""What each page of a story says about itself as data: its JSON-LD and the day it last changed.

Each page role (:data:`generator.layout.STORY_PAGES`, entities, events, articles) gets a
``@graph`` of schema.org nodes (:mod:`generator.metadata.schemaorg`): the overview an ``Article``
about the story with ``dateModified``, an article's page its ``NewsArticle``, an entity's page the
entity, an event's page the ``Event``, the source checks page a ``ClaimReview`` per check, the
quotes page a ``Quotation`` per quote, the timeline every ``Event``. A page's last change
(``lastmod``) is the newest of the days of the articles it rests on and of the changelog
entries about it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.checks.refchecks import resolve_sentence
from generator.corpus import Story
from generator.facts.fieldtypes import ExternalSource
from generator.layout import STORY_PAGES, paths_for
from generator.metadata.pageaddress import Addresses
from generator.metadata.schemaorg import Node, StoryNodes
from generator.metadata.sharecards import card_path
from generator.pages.storyview import StoryView

CONTEXT = "https://schema.org"

_PageGraph = Callable[[StoryNodes, str], list[Node]]


def story_structured_data(
    story: Story, addresses: Addresses, image: str | None = None
) -> dict[str, tuple[Node, str | None]]:
    """Each page of the story, by docs path: its JSON-LD document and its ``lastmod`` day.
    ``image`` is the story's share card (a path in the site) when it has one."""
    view = StoryView(story)
    paths = paths_for(story)
    nodes = StoryNodes(story, view, paths, addresses)
    latest = view.latest_update()
    found: dict[str, tuple[Node, str | None]] = {}
    for role, path in paths.items():
        nodes.here = path
        kind, _, item = role.partition(":")
        graph = _GRAPHS.get(kind, _PLAIN_PAGE)(nodes, item or kind)
        changed = _last_change(story, role) or latest
        main = graph[0]
        if role != "overview":
            main["isPartOf"] = {"@id": nodes.url("overview")}
        if changed and main["@type"] in ("Article", "WebPage", "CollectionPage"):
            main["dateModified"] = changed
        if image and role == "overview":
            main["image"] = addresses.url(image, here=path)
        found[path] = ({"@context": CONTEXT, "@graph": graph}, changed)
    return found


def story_graph(story: Story, addresses: Addresses) -> Node:
    """Every schema.org node of the story's pages in one JSON-LD document, each once (the
    fullest description of a node that several pages hold), with addresses seen from the
    story's overview: ``explainer export --format jsonld``."""
    view = StoryView(story)
    paths = paths_for(story)
    nodes = StoryNodes(story, view, paths, addresses)
    found: dict[str, Node] = {}
    anonymous: list[Node] = []
    for role in paths:
        kind, _, item = role.partition(":")
        for node in _GRAPHS.get(kind, _PLAIN_PAGE)(nodes, item or kind):
            key = node.get("@id")
            if not isinstance(key, str):
                anonymous.append(node)
            elif key not in found or len(node) > len(found[key]):
                found[key] = node
    overview = found[nodes.url("overview")]
    latest = view.latest_update()
    if latest:
        overview["dateModified"] = latest
    if addresses.site_url is not None:  # the published site has the story's share card
        overview["image"] = addresses.url(card_path(story.slug), here=paths["overview"])
    return {"@context": CONTEXT, "@graph": [*found.values(), *anonymous]}


def _overview(nodes: StoryNodes, _: str) -> list[Node]:
    story, view = nodes.story, nodes.view
    article: Node = {
        "@type": "Article",
        "@id": nodes.url("overview"),
        "url": nodes.url("overview"),
        "headline": story.info.title,
        "inLanguage": story.info.language,
        "isBasedOn": [nodes.article_ref(a) for a in story.articles],
    }
    if story.info.description:
        article["description"] = story.info.description
    if story.info.tags:
        article["keywords"] = list(story.info.tags)
    first = _first_day(story)
    if first:
        article["datePublished"] = first
    site = nodes.site()
    if site is not None:
        article["author"] = article["publisher"] = site
    featured = [nodes.event(e) for e in view.featured_events()]
    if featured:
        article["about"] = [{"@id": event["@id"]} for event in featured]
    return [article, *featured]


def _section(kind: str, members: Callable[[StoryNodes], list[Node]]) -> _PageGraph:
    """A section page (``CollectionPage`` when it lists items) and the nodes it shows."""

    def graph(nodes: StoryNodes, role: str) -> list[Node]:
        listed = members(nodes)
        page: Node = {
            "@type": kind,
            "@id": nodes.url(role),
            "url": nodes.url(role),
            "name": f"{_TITLES[role]}: {nodes.story.info.title}",
        }
        if listed:
            page["hasPart"] = [{"@id": n["@id"]} if "@id" in n else n for n in listed]
        return [page, *(n for n in listed if "@id" in n)]

    return graph


_TITLES = {page.role: page.title for page in STORY_PAGES}
"""Each section page's title, as the story's menu gives it (the page table)."""


def _glossary(nodes: StoryNodes, role: str) -> list[Node]:
    terms = []
    for term in nodes.view.glossary_terms():
        node: Node = {
            "@type": "DefinedTerm",
            "@id": nodes.url("glossary", term.id),
            "name": term.term,
            "description": term.definition,
        }
        if term.aliases:
            node["alternateName"] = list(term.aliases)
        terms.append(node)
    address = nodes.url("glossary")
    page: Node = {"@type": "DefinedTermSet", "@id": address, "url": address}
    page["name"] = f"Glossary: {nodes.story.info.title}"
    page["hasDefinedTerm"] = terms
    return [page]


def _entity(nodes: StoryNodes, entity_id: str) -> list[Node]:
    entity = nodes.story.entity(entity_id)
    return [nodes.entity(entity), *(nodes.quote(q) for q in nodes.view.quotes_by(entity_id))]


def _event(nodes: StoryNodes, event_id: str) -> list[Node]:
    view = nodes.view
    return [nodes.event(view.event(event_id)), *map(nodes.quote, view.quotes_of_event(event_id))]


def _article(nodes: StoryNodes, article_id: str) -> list[Node]:
    return [nodes.article(nodes.story.articles_by_id[article_id])]


_GRAPHS: dict[str, _PageGraph] = {
    "overview": _overview,
    "background": _section("WebPage", lambda n: []),
    "actors": _section("CollectionPage", lambda n: list(map(n.entity, n.view.actors()))),
    "places": _section("CollectionPage", lambda n: list(map(n.entity, n.view.places()))),
    "timeline": _section("CollectionPage", lambda n: list(map(n.event, n.view.ordered_events()))),
    "quotes": _section("CollectionPage", lambda n: list(map(n.quote, n.story.facts.quotes))),
    "sources": _section("CollectionPage", lambda n: list(map(n.article, n.story.articles))),
    "glossary": _glossary,
    "source-checks": _section(
        "CollectionPage", lambda n: list(map(n.claim_review, n.story.facts.source_checks))
    ),
    "entity": _entity,
    "event": _event,
    "article": _article,
}


_PLAIN_PAGE = _section("WebPage", lambda n: [])
"""The graph of a section page that shows no item of its own (What's new, Drafts to review, and
any page type added to the page table without a graph of its own here)."""


def _first_day(story: Story) -> str | None:
    """The day the explainer was first published: its first changelog entry or article."""
    days = [change.date for change in story.facts.changes]
    days += [a.published.date().isoformat() for a in story.articles if a.published]
    return min(days) if days else None


def _last_change(story: Story, role: str) -> str | None:
    """The newest day among the articles an item's page rests on and the changelog entries
    about the item; an article's page, the day it was published. None for a section page."""
    kind, _, item = role.partition(":")
    if kind == "article":
        published = story.articles_by_id[item].published
        return published.date().isoformat() if published else None
    if kind not in ("entity", "event"):
        return None
    subject: Any = story.entity(item) if kind == "entity" else story.event(item)
    days = [change.date for change in story.facts.changes if item in change.items]
    for source in subject.sources:
        if not isinstance(source, ExternalSource):
            article = resolve_sentence(source, story.articles_by_id)[0]
            if article is not None and article.published is not None:
                days.append(article.published.date().isoformat())
    return max(days) if days else None
