"""Actor cards and infoboxes: what the fact graph says about an actor at a glance.

Everything here is derived from the facts (events, quotes, affiliations), never typed by hand,
so a card cannot disagree with the pages it summarises.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.corpus import Story
from generator.schema import Entity, Event, Quote
from generator.timeline import ordered_events


@dataclass(frozen=True)
class ActorCard:
    """An actor's appearances in the story's facts."""

    entity: Entity
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    relayed: tuple[Quote, ...]

    @property
    def first(self) -> Event | None:
        """The earliest event the actor takes part in."""
        return self.events[0] if self.events else None

    @property
    def latest(self) -> Event | None:
        """The latest event the actor takes part in."""
        return self.events[-1] if self.events else None


def actor_card(story: Story, entity: Entity) -> ActorCard:
    """The card of one entity: its events in date order and its quotes."""
    events = tuple(
        event
        for event in ordered_events(story)
        if event.place == entity.id or any(p.entity == entity.id for p in event.participants)
    )
    quotes = tuple(q for q in story.facts.quotes if q.speaker == entity.id)
    relayed = tuple(q for q in story.facts.quotes if q.reported_by == entity.id)
    return ActorCard(entity, events, quotes, relayed)


@dataclass(frozen=True)
class SideQuotes:
    """The quotes of one side, by speaker, most quoted first."""

    side: Entity | None
    speakers: tuple[tuple[Entity, tuple[Quote, ...]], ...]

    @property
    def count(self) -> int:
        """How many quotes the side has."""
        return sum(len(quotes) for _, quotes in self.speakers)


def quotes_by_side(story: Story) -> list[SideQuotes]:
    """Quotes grouped by the speaker's side, then by speaker; sides with most quotes first,
    speakers without a side last. Every side an actor stands with is listed, with no quotes if
    the sources quote none of its people: that silence is part of the story."""
    by_side: dict[str | None, dict[str, list[Quote]]] = {
        entity.side: {} for entity in story.facts.entities if entity.side
    }
    for quote in story.facts.quotes:
        side = story.entity(quote.speaker).side
        by_side.setdefault(side, {}).setdefault(quote.speaker, []).append(quote)
    groups = [
        SideQuotes(
            story.entity(side) if side else None,
            tuple(
                (story.entity(speaker), tuple(quotes))
                for speaker, quotes in sorted(speakers.items(), key=lambda i: (-len(i[1]), i[0]))
            ),
        )
        for side, speakers in by_side.items()
    ]
    return sorted(groups, key=lambda g: (g.side is None, -g.count, g.side.name if g.side else ""))
