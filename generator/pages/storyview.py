"""What a story's templates ask of its facts: the queries of :class:`StoryView` (actors by side,
events of an entity, quotes by speaker, the timeline, the map, the changelog...)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from generator.checks.refchecks import resolve_sentence
from generator.corpus import Story, to_fuzzy_date
from generator.facts.editorial import Account, Change, Disagreement, GlossaryTerm
from generator.facts.fieldtypes import ExternalSource, Point, When
from generator.facts.schema import ArticleInfo, Entity, Event, Quote
from generator.layout import paths_for
from generator.pages.cards import (
    ActorCard,
    SideOrder,
    SideQuotes,
    actor_card,
    quotes_by_side,
    side_order,
)
from generator.pages.locator import LocatorMap, story_map
from generator.pages.review import Draft, review_list
from generator.pages.timeline import YearGroup, ordered_events, timeline_groups
from generator.reading.article import Article
from generator.reading.dates import FuzzyDate

ACTOR_TYPES = ("person", "organisation", "country", "group")


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

    def side_order(self, sides: list[SideQuotes]) -> SideOrder:
        """How the quotes page orders ``sides``, for the sentence that introduces it."""
        return side_order(sides)

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

    def disputed_dates(self) -> list[str]:
        """The ids of the events whose date the sources give differently, each once, in the
        order of their first recorded disagreement."""
        found = (d.event for d in self.facts.disagreements if d.field == "when" and d.event)
        return list(dict.fromkeys(found))

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

    def span(self, events: Iterable[Event]) -> str:
        """When ``events`` took place, first day to last, as a reader sees it ("1–4 May
        2023", "from Nov 2022 to May 2023")."""
        dates = [self.story.dates[event.id] for event in events]
        first = min(dates, key=lambda d: d.sort_key())
        last = max(dates, key=lambda d: (d.last_day(), d.sort_key()))
        if first is last or first.last_day() >= last.last_day():
            return first.label()
        if first.precision == last.precision == "day":
            span = When(date=first.first_day().isoformat(), end=last.last_day().isoformat())
            return to_fuzzy_date(span).label()
        return f"from {_with_article(first.label())} to {_with_article(last.label())}"

    def answer_sources(self, index: int) -> tuple[str | ExternalSource, ...]:
        """What the answer to the story's question ``index`` cites: the sources that support
        it (the support check's choice), else all of its sources."""
        found = self.story.claim_sources.get(("questions", str(index)))
        return found if found else tuple(self.facts.questions[index].sources)

    def drafts(self) -> list[Draft]:
        """The story's draft items, each beside the sentence it rests on (the review page),
        lowest confidence first (an item with none first of all)."""
        drafts = review_list(self.story, paths_for(self.story))
        return sorted(drafts, key=lambda d: -1.0 if d.confidence is None else d.confidence)

    def upcoming_events(self) -> list[Event]:
        """What happens next, as the sources tell it: the events still to come as of the
        story's latest update (scheduled, or dated after it), in date order."""
        latest = self.latest_update()
        if latest is None:
            return []
        after = date.fromisoformat(latest)
        coming = [
            e
            for e in self.facts.events
            if e.stage == "scheduled" or self.story.dates[e.id].first_day() > after
        ]
        return self.sorted_events(e.id for e in coming if e.stage not in ("ended", "cancelled"))

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


def _with_article(label: str) -> str:
    """A date label as it reads after "from": "the early 1990s", "the 1990s", "Nov 2022"."""
    first = label.split()[0]
    decade = first.endswith("s") and first[:-1].isdigit()
    return f"the {label}" if decade or first in ("early", "mid", "late") else label
