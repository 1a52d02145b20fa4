"""The story's items as schema.org nodes (JSON-LD), from the same resolved story the pages show.

Entities are ``Person``, ``Organization`` (organisations and groups), ``Country`` or ``Place``
(with ``geo`` where the facts give coordinates, a route or an extent, and ``sameAs`` the outside
pages cited for them); events are ``Event`` (dates at their precision, location, organiser and
attendees); articles ``NewsArticle``; quotes ``Quotation``; source checks ``ClaimReview``.
Every address is made by :class:`~generator.metadata.pageaddress.Addresses`, as seen from one page.
"""

from __future__ import annotations

import functools
from typing import Any

from generator.checks.claims import claims
from generator.checks.refchecks import resolve_sentence
from generator.corpus import Story
from generator.facts.editorial import SourceCheck
from generator.facts.fieldtypes import ExternalSource
from generator.facts.schema import Entity, Event, Quote
from generator.metadata.pageaddress import Addresses
from generator.pages.storyview import StoryView
from generator.reading.article import Article
from generator.reading.dates import FuzzyDate

Node = dict[str, Any]

ENTITY_TYPES = {
    "person": "Person",
    "organisation": "Organization",
    "group": "Organization",
    "country": "Country",
    "place": "Place",
}
RATINGS = {
    "spelling": "Incorrect spelling",
    "date": "Inaccurate date",
    "fact": "Incorrect",
    "wording": "Misleading",
}
"""The rating a source check of each kind gives what the article says (``alternateName``)."""
STATUS = {
    "scheduled": "EventScheduled",
    "under way": "EventScheduled",
    "ended": "EventScheduled",
    "postponed": "EventPostponed",
    "cancelled": "EventCancelled",
}
"""schema.org's ``eventStatus`` of each stage: one that happens as planned is "scheduled"."""
ORGANISER_WORDS = frozenset({"host", "hosts", "organiser", "organizer", "convener", "convenor"})
"""A participant whose role has one of these words organises the event; the rest attend it."""
WRITTEN_HERE = "written for this project"
"""How story.yml's ``source`` marks an article the desk wrote from outside sources."""


def written_for_project(source: str | None) -> bool:
    """Whether an article's ``source`` says the desk wrote it (``Written for this project``)."""
    return bool(source) and source.strip().casefold().startswith(WRITTEN_HERE)  # type: ignore[union-attr]


class StoryNodes:
    """schema.org nodes of one story's items, with addresses as seen from the page ``here``."""

    def __init__(
        self, story: Story, view: StoryView, paths: dict[str, str], addresses: Addresses
    ) -> None:
        self.story, self.view, self.paths, self.addresses = story, view, paths, addresses
        self.here = paths["overview"]

    def url(self, role: str, anchor: str = "") -> str:
        """The address of the story's page with ``role``."""
        return self.addresses.url(self.paths[role], anchor, self.here)

    def site(self) -> Node | None:
        """The site as an ``Organization`` (its author and publisher), if it has an address."""
        if self.addresses.site_url is None:
            return None
        return {
            "@type": "Organization",
            "name": self.addresses.site_name or "Explainer",
            "url": self.addresses.site_url,
        }

    # ── Entities ────────────────────────────────────────────────────────────────────────────

    def entity_ref(self, entity: Entity) -> Node:
        """The entity as a reference: type, id, name and page."""
        url = self.url(f"entity:{entity.id}")
        return {
            "@type": ENTITY_TYPES[entity.type],
            "@id": f"{url}#{entity.id}",
            "name": entity.name,
            "url": url,
        }

    def entity(self, entity: Entity) -> Node:
        """Everything the facts say of the entity that schema.org has a word for."""
        node = self.entity_ref(entity)
        if entity.aliases:
            node["alternateName"] = list(entity.aliases)
        if entity.description:
            node["description"] = entity.description
        if entity.role and entity.type == "person":
            node["jobTitle"] = entity.role
        elif entity.role:
            node["disambiguatingDescription"] = entity.role
        affiliation = self.story.entity(entity.affiliation) if entity.affiliation else None
        if affiliation is not None and affiliation.type in ("organisation", "group"):
            key = "affiliation" if entity.type == "person" else "parentOrganization"
            node[key] = self.entity_ref(affiliation)
        geo = _geo(entity)
        if geo:
            node["geo"] = geo[0] if len(geo) == 1 else geo
        outside = _outside_pages(entity)
        if outside:
            node["sameAs"] = outside
        return node

    # ── Events ──────────────────────────────────────────────────────────────────────────────

    def event(self, event: Event) -> Node:
        """The event with its dates at their precision, place and participants."""
        timeline = self.url("timeline", event.id)
        node: Node = {
            "@type": "Event",
            "@id": timeline,
            "name": event.title,
            "url": self.url(f"event:{event.id}") if event.page else timeline,
            **_dates(self.story.dates[event.id]),
        }
        if event.summary:
            node["description"] = event.summary
        if event.place:
            node["location"] = self.entity(self.story.entity(event.place))
        organisers: list[Node] = []
        attendees: list[Node] = []
        for participant in event.participants:
            words = set((participant.role or "").casefold().split())
            ref = self.entity_ref(self.story.entity(participant.entity))
            (organisers if words & ORGANISER_WORDS else attendees).append(ref)
        if organisers:
            node["organizer"] = organisers
        if attendees:
            node["attendee"] = attendees
        if event.stage:
            node["eventStatus"] = f"https://schema.org/{STATUS[event.stage]}"
        return node

    # ── Articles, quotes and source checks ──────────────────────────────────────────────────

    def article_ref(self, article: Article) -> Node:
        """The article as a reference: its page, headline and day."""
        node: Node = {
            "@type": "NewsArticle",
            "@id": self.url(f"article:{article.id}"),
            "headline": self.view.article_title(article),
        }
        if article.published:
            node["datePublished"] = article.published.isoformat()
        return node

    def article(self, article: Article) -> Node:
        """The article as the site keeps it: headline, day, publisher; an article written for
        the project is the site's own, based on the outside sources cited next to it."""
        info = self.view.article_info(article)
        source = info.source or article.source
        node = self.article_ref(article)
        node["url"] = node["@id"]
        node["inLanguage"] = article.language or self.story.info.language
        original = info.url or article.url
        if original and original.startswith(("http://", "https://")):
            node["sameAs"] = original
        if written_for_project(source):
            site = self.site()
            if site is not None:
                node["author"] = node["publisher"] = site
            node["isBasedOn"] = [_creative_work(s) for s in self._based_on(article.id)]
        elif source:
            node["publisher"] = {"@type": "Organization", "name": source}
        if info.note:
            node["description"] = info.note
        return node

    def _based_on(self, article_id: str) -> list[ExternalSource]:
        """The outside sources the facts cite next to the article's sentences, in order."""
        return self._cited_beside.get(article_id, [])

    @functools.cached_property
    def _cited_beside(self) -> dict[str, list[ExternalSource]]:
        found: dict[str, dict[str, ExternalSource]] = {}
        articles = self.story.articles_by_id
        for claim in claims(self.story.facts):
            outside = [s for s in claim.sources if isinstance(s, ExternalSource)]
            for source in claim.sources:
                if isinstance(source, str) and outside:
                    article = resolve_sentence(source, articles)[0]
                    if article is not None:
                        kept = found.setdefault(article.id, {})
                        kept.update({s.url: s for s in outside if s.url not in kept})
        return {article_id: list(kept.values()) for article_id, kept in found.items()}

    def quote(self, quote: Quote) -> Node:
        """The quote, its speaker and the article it is quoted in."""
        articles = self._articles_of(quote.sources)
        node: Node = {
            "@type": "Quotation",
            "text": quote.text,
            "spokenByCharacter": self.entity_ref(self.story.entity(quote.speaker)),
        }
        based_on = [self.article_ref(a) for a in articles] or [
            _creative_work(s) for s in quote.sources if isinstance(s, ExternalSource)
        ]
        node["isBasedOn"] = based_on[0] if len(based_on) == 1 else based_on
        if quote.context:
            node["description"] = quote.context
        return node

    def claim_review(self, check: SourceCheck) -> Node:
        """The source check: what the article says, rated, with the finding and its evidence."""
        article, sentence, _ = resolve_sentence(check.sentences[0], self.story.articles_by_id)
        assert article is not None and sentence is not None, check.sentences[0]
        appearance = self.article_ref(article)
        claim: Node = {
            "@type": "Claim",
            "url": self.url(f"article:{article.id}", sentence.id),
            "appearance": appearance,
            "firstAppearance": appearance,
        }
        source = self.view.article_info(article).source or article.source
        if source and not written_for_project(source):
            claim["author"] = {"@type": "Organization", "name": source}
        if article.published:
            claim["datePublished"] = article.published.date().isoformat()
        address = self.url("source-checks", check.id)
        node: Node = {
            "@type": "ClaimReview",
            "@id": address,
            "url": address,
            "claimReviewed": check.article_says,
            "reviewBody": check.finding,
            "reviewRating": {
                "@type": "Rating",
                "alternateName": RATINGS[check.kind],
                "ratingExplanation": check.finding,
            },
            "itemReviewed": claim,
            "citation": [_creative_work(s) for s in check.evidence],
        }
        site = self.site()
        if site is not None:
            node["author"] = site
        return node

    def _articles_of(self, sources: list[str | ExternalSource]) -> list[Article]:
        found: dict[str, Article] = {}
        for source in sources:
            if isinstance(source, str):
                article = resolve_sentence(source, self.story.articles_by_id)[0]
                if article is not None:
                    found.setdefault(article.id, article)
        return list(found.values())


def _dates(when: FuzzyDate) -> Node:
    """``startDate`` and ``endDate`` at the precision the sources give: ``2023-05-01``,
    ``2022-11`` or ``2020``; a decade (or part of one) as its first and last years."""
    if when.end is not None:
        end = str(when.end.last_day().year) if when.end.decade else when.end.iso()
        start = str(when.first_day().year) if when.start.decade else when.start.iso()
        return {"startDate": start, "endDate": end}
    if when.start.decade:
        return {"startDate": str(when.first_day().year), "endDate": str(when.last_day().year)}
    return {"startDate": when.start.iso()}


def _geo(entity: Entity) -> list[Node]:
    """Where a place is: its point, the line of a route, the circle of an area."""
    found: list[Node] = []
    point = entity.coordinates
    if point is not None:
        found.append({"@type": "GeoCoordinates", "latitude": point.lat, "longitude": point.lon})
    if len(entity.path) >= 2:
        line = " ".join(f"{p.lat} {p.lon}" for p in entity.path)
        found.append({"@type": "GeoShape", "line": line})
    if point is not None and entity.extent_km:
        circle = f"{point.lat} {point.lon} {entity.extent_km * 1000:g}"
        found.append({"@type": "GeoShape", "circle": circle})
    return found


def _outside_pages(entity: Entity) -> list[str]:
    """The outside web pages cited for the entity (its sources and single claims)."""
    sources = list(entity.sources)
    if entity.cite is not None:
        for name in ("name", "role", "affiliation", "side", "description"):
            sources += getattr(entity.cite, name) or []
        sources += [s for cited in entity.cite.aliases.values() for s in cited]
    urls = [s.url for s in sources if isinstance(s, ExternalSource)]
    return list(dict.fromkeys(u for u in urls if u.startswith(("http://", "https://"))))


def _creative_work(source: ExternalSource) -> Node:
    node: Node = {"@type": "CreativeWork", "name": source.title, "url": source.url}
    if source.publisher:
        node["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.date:
        node["datePublished"] = source.date
    return node
