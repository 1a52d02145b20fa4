"""Actor cards and infoboxes: what the fact graph says about an actor at a glance.

Everything here is derived from the facts (events, quotes, affiliations), never typed by hand,
so a card cannot disagree with the pages it summarises.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.corpus import Story
from generator.facts.schema import Entity, Event, Quote
from generator.pages.timeline import ordered_events


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
    """The side (a party, a host or mediator), or None for everyone else quoted."""
    speakers: tuple[tuple[Entity, tuple[Quote, ...]], ...]
    part: str | None = None
    """The side's part in the talks the story is about (``party``, ``host and mediator``);
    None for the others, and for every side of a story that has no such talks."""

    @property
    def count(self) -> int:
        """How many quotes the side has."""
        return sum(len(quotes) for _, quotes in self.speakers)


def quotes_by_side(story: Story) -> list[SideQuotes]:
    """Quotes grouped by the side of the talks their speaker stands with, then by speaker.

    The sides are those of the talks the story is about (its events with a page of their own):
    the parties first, then whoever hosts or mediates them, each with its part; a speaker who
    stands with no side of the talks (a country that comments on them from outside, one named
    in passing) is among the others, last. Every side of the talks is listed, with no quotes if
    the sources quote none of its people: that silence is part of the story. A story without
    such talks groups its quotes by every side its actors stand with, most quoted first."""
    parts: dict[str, str | None] = {**talks_sides(story)}
    parts = parts or {e.side: None for e in story.facts.entities if e.side}
    by_side: dict[str | None, dict[str, list[Quote]]] = {side: {} for side in parts}
    for quote in story.facts.quotes:
        side = story.entity(quote.speaker).side
        group = by_side.setdefault(side if side in parts else None, {})
        group.setdefault(quote.speaker, []).append(quote)
    groups = [
        SideQuotes(
            story.entity(side) if side else None,
            tuple(
                (story.entity(speaker), tuple(quotes))
                for speaker, quotes in sorted(speakers.items(), key=lambda i: (-len(i[1]), i[0]))
            ),
            parts.get(side) if side else None,
        )
        for side, speakers in by_side.items()
    ]
    return sorted(groups, key=_side_order)


def talks_sides(story: Story) -> dict[str, str]:
    """The sides of the talks the story is about, each with its part in them: ``party`` where
    one of its people takes part as a party, else the part of the first of them named
    (``host and mediator``). Empty when no event has a page of its own."""
    roles: dict[str, list[str]] = {}
    for event in story.facts.events:
        for participant in event.participants if event.page else ():
            side = story.entity(participant.entity).side
            if side:
                roles.setdefault(side, []).append(participant.role or "participant")
    return {side: "party" if "party" in parts else parts[0] for side, parts in roles.items()}


def _side_order(group: SideQuotes) -> tuple[int, int, str]:
    """Parties, then hosts and mediators, by name; then sides without a part, most quoted
    first; the others last."""
    if group.side is None:
        return (3, 0, "")
    rank = 0 if group.part == "party" else 1 if group.part else 2
    return (rank, 0 if group.part else -group.count, group.side.name)


@dataclass(frozen=True)
class SideOrder:
    """The order of the sides on the quotes page, for the sentence that introduces it."""

    parties_first: bool
    """Whether the parties to the talks come first (the story is about talks)."""
    other_parts: tuple[str, ...]
    """The parts that the other sides play (``host and mediator``), each once, in order."""
    others_last: bool
    """Whether everyone else quoted comes last, under "Others"."""


def side_order(sides: Sequence[SideQuotes]) -> SideOrder:
    """How ``sides`` (as :func:`quotes_by_side` orders them) follow each other: the parties,
    the other parts (each once, ignoring case), then the speakers with no side."""
    parts = [side.part for side in sides if side.part]
    others: dict[str, str] = {}
    for part in parts:
        if part != "party":
            others.setdefault(part.lower(), part)
    return SideOrder("party" in parts, tuple(others.values()), any(s.side is None for s in sides))
