"""The facts schema: what a facts file and a story file may contain.

Every field's docstring is also the user's reference: ``explainer schema`` and the site's
reference page are generated from these classes, and so is ``facts.schema.json``.

This module declares the items (entities, events, quotes), the facts file and the story file;
the field types they are made of are in :mod:`generator.facts.fieldtypes`, and the editor's notes
(source checks, glossary, disagreements, changelog) in :mod:`generator.facts.editorial`.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, model_validator

from generator.facts.editorial import Change, Disagreement, GlossaryTerm, SourceCheck
from generator.facts.fieldtypes import (
    ArticleId,
    Coordinates,
    ExternalSource,
    Id,
    Model,
    Point,
    ShortText,
    Source,
    Sources,
    Text,
    Url,
    When,
)


class Reviewable(Model):
    """Fields every extracted item carries until a person has reviewed it."""

    status: Literal["draft", "reviewed"] = "reviewed"
    """``draft`` when ``explainer extract`` proposed the item and nobody has checked it yet; set
    it to ``reviewed`` (or delete the line) once you have."""
    confidence: Annotated[float, Field(ge=0, le=1)] | None = None
    """How sure the extractor was, from 0 to 1; review low values first."""


class _Citations(Model):
    """Sources named for single claims: one list per claim, and one per alias or participant
    under the mapping that :attr:`_keyed` names."""

    _keyed: ClassVar[tuple[str, str]]
    """The claim whose sources are keyed (``alias``) and the field that holds them."""

    def sources(self, claim: str, *detail: str) -> list[Source] | None:
        """The sources named for ``claim`` (an alias or a participant: ``detail`` says which)."""
        if claim == self._keyed[0]:
            keyed: dict[str, list[Source]] = getattr(self, self._keyed[1])
            return keyed.get(detail[0]) if detail else None
        value = getattr(self, claim, None)
        return value if isinstance(value, list) else None


class EntityCitations(_Citations):
    """Sources for single claims of an entity, where its ``sources`` say more than one claim.

    A claim not named here is checked against the entity's ``sources``, and a page cites only
    those of them that support it; name a claim here when none does, or to cite an outside
    source for it (``aliases: {Berdzor corridor: [{url: …, title: …}]}``).
    """

    name: Sources | None = None
    """Sources that give the name."""
    aliases: dict[ShortText, Sources] = {}
    """Sources for each alias, by the alias as written under ``aliases``."""
    role: Sources | None = None
    """Sources that state the role of this entity."""
    affiliation: Sources | None = None
    """Sources that tie it to its ``affiliation``."""
    side: Sources | None = None
    """Sources that tie it to its ``side``."""
    description: Sources | None = None
    """Sources for the description."""

    _keyed = ("alias", "aliases")


class EventCitations(_Citations):
    """Sources for single claims of an event, where its ``sources`` say more than one claim.

    A claim not named here is checked against the event's ``sources``, and a page cites only
    those of them that support it.
    """

    title: Sources | None = None
    """Sources for the words of the title."""
    when: Sources | None = None
    """Sources that date the event (an outside source where the article's date is wrong)."""
    place: Sources | None = None
    """Sources that name the place."""
    participants: dict[Id, Sources] = {}
    """Sources for each participant, by entity id."""
    summary: Sources | None = None
    """Sources for the summary."""
    stage: Sources | None = None
    """Sources that say where the event stands (the later article that says it ended)."""

    _keyed = ("participant", "participants")


EntityType = Literal["person", "organisation", "country", "place", "group"]


class Entity(Reviewable):
    """A person, organisation, country, group or place that the story involves."""

    id: Id
    """Unique id, used in links and references (``nikol-pashinyan``). The same id in two stories
    names the same entity: it gets one shared page linking to every story it appears in (give
    two different people of the same name different ids; an id that two stories give to entities
    of different types is an error)."""
    type: EntityType
    """``person``, ``organisation``, ``country``, ``group`` (e.g. peacekeepers) or ``place``."""
    name: ShortText
    """Name as the explainer writes it (the correct spelling, even where the article errs)."""
    aliases: list[ShortText] = []
    """Other names and spellings seen in sources or in use (``Berdzor corridor``, ``Ceyhun
    Bayramov``); searchable and recognised in prose."""
    role: ShortText | None = None
    """Role or title as of the article (``Prime Minister of Armenia``)."""
    affiliation: Id | None = None
    """Id of the entity this one belongs to or works for (a minister's country)."""
    side: Id | None = None
    """Id of the party this entity stands with or for; groups the actors index."""
    description: Text | None = None
    """One or two sentences on who or what this is, supported by ``sources``."""
    anonymous: bool = False
    """True for an unnamed source ("a US official")."""
    coordinates: Coordinates | None = None
    """Where a place is (places only); for an area, its rough centre."""
    path: list[Coordinates] = []
    """For a place that is a line (a road, a corridor): its points in order, at least two; the
    map draws it as a line and calls the route approximate (places only)."""
    extent_km: Annotated[float, Field(gt=0, le=2000)] | None = None
    """For an area whose border the map data does not have (a disputed region): its rough
    radius in kilometres, used to frame the map and in the data exports; the map marks the area
    with a small sign "approximate area" unless ``outline`` gives more (places only)."""
    outline: list[Coordinates] = []
    """For an area whose border the map data does not have: at least three points on or just
    inside its rough edge (its main towns), in any order; the map draws a dashed line around
    them, called an approximate outline, never a border (places only)."""
    coordinates_source: list[ExternalSource] = []
    """Where ``coordinates``, ``path`` and ``outline`` come from: a public gazetteer entry
    (GeoNames, OpenStreetMap, an encyclopedia's coordinates) or a report that places it; the
    map's list of places names it (places only)."""
    map_reason: ShortText | None = None
    """Why a place that no article mentions is on the map, in words a reader sees in the map's
    list (``the Armenian town where the road to the corridor begins``); required for a place
    whose ``sources`` cite no article sentence (places only)."""
    notes: list[Point] = []
    """Further statements about this entity, each with its own sources (for a place: what it is,
    why it matters)."""
    sources: Sources
    """Sentences and references that support the entity's claims: its name, aliases, role,
    affiliation, side and description. Each claim must be supported by one of them, and a page
    cites only those that support it."""
    cite: EntityCitations | None = None
    """Sources for single claims, where ``sources`` has none that supports the claim (an alias
    the articles do not use, a role from an outside page)."""


class Participant(Model):
    """An entity taking part in an event, with the part it plays."""

    entity: Id
    """Id of the entity."""
    role: ShortText | None = None
    """Its part in the event (``host``, ``mediator``, ``party``)."""


def _participant(value: Any) -> Any:
    return {"entity": value} if isinstance(value, str) else value


class Event(Reviewable):
    """Something that happened or is scheduled, with a date as precise as the sources allow."""

    id: Id
    """Unique id (``washington-talks``)."""
    title: ShortText
    """Short title (``Peace talks near Washington``)."""
    when: When
    """When it happened, with the precision the sources give."""
    place: Id | None = None
    """Id of the place entity where it happened."""
    participants: list[Participant] = []
    """Entity ids, or ``{entity: id, role: mediator}``."""
    summary: Text | None = None
    """What happened, in one or two sentences supported by ``sources``."""
    stage: Literal["scheduled", "under way", "ended", "postponed", "cancelled"] | None = None
    """Where the event stood in the latest article that says so: ``scheduled``, ``under way``,
    ``ended``, ``postponed`` or ``cancelled``; a cited sentence must say it ("ended",
    "was called off"…). Pages show it dated by that article, and ``explainer check`` warns of
    a statement that still speaks of an ended, postponed or cancelled event in the present."""
    page: bool = False
    """True to give this event a page of its own (the talks a story is about)."""
    agenda: list[Point] = []
    """What is discussed or at stake, each point with its sources (for events with a page)."""
    preceded_by: list[Id] = []
    """Ids of earlier events that led to this one ("what came before")."""
    sources: Sources
    """Sentences and references that support the event's claims: its title, date, place,
    participants and summary. Each claim must be supported by one of them, and a page cites
    only those that support it."""
    cite: EventCitations | None = None
    """Sources for single claims, where ``sources`` has none that supports the claim (a date
    that an outside source corrects)."""

    @model_validator(mode="before")
    @classmethod
    def _participants(cls, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("participants"), list):
            value = {**value, "participants": [_participant(p) for p in value["participants"]]}
        return value


class Quote(Reviewable):
    """Words someone said, exactly as the article quotes them."""

    id: Id
    """Unique id (``official-frank-conversations``)."""
    text: Text
    """The quoted words, exactly as in the cited sentence, without the quotation marks."""
    speaker: Id
    """Id of the entity who said it."""
    sources: Sources
    """The sentence that contains the quote (first), and any other support."""
    reported_by: Id | None = None
    """Id of whoever relayed the words (a spokesman quoting a minister)."""
    channel: ShortText | None = None
    """How the words were delivered (``statement``, ``phone call``, ``briefing``)."""
    context: Text | None = None
    """When, where or to whom it was said, in a sentence supported by ``sources``."""
    event: Id | None = None
    """Id of the event the quote belongs to."""


class Question(Model):
    """A question a reader would ask about the story, answered in the editor's words from the
    sources: a card on the overview page ("Why does the corridor matter?")."""

    question: ShortText
    """The question, as a reader would put it, ending with a question mark."""
    answer: Text
    """The answer, one to three sentences of plain text, supported by ``sources``."""
    sources: Sources
    """Sentences and/or external references that support the answer."""


class Facts(Model):
    """A story's curated facts file (``facts.yml``)."""

    summary: list[Point] = []
    """What is happening, in a few cited statements; opens the overview page."""
    background: list[Point] = []
    """The history behind the story, as cited statements grouped by ``topic``."""
    questions: list[Question] = []
    """Questions a reader would ask, each with a cited answer: cards on the overview page."""
    entities: list[Entity] = []
    """People, organisations, countries, groups and places."""
    events: list[Event] = []
    """Dated events, past and scheduled."""
    quotes: list[Quote] = []
    """Who said what."""
    source_checks: list[SourceCheck] = []
    """Where the article itself is wrong or loose, with outside sources (shown as notes)."""
    glossary: list[GlossaryTerm] = []
    """Terms defined for readers (shown on hover and on the glossary page)."""
    disagreements: list[Disagreement] = []
    """Points on which the story's sources contradict each other, each account with its source."""
    changes: list[Change] = []
    """The changelog, newest last: shown on the overview page and as the story's Atom feed."""


class ArticleInfo(Model):
    """What the story file says about one of its articles."""

    id: ArticleId
    """The article file's name without extension (``articles/<id>.txt`` or ``.md``)."""
    title: ShortText | None = None
    """Headline to show (wire copy often has none)."""
    source: ShortText | None = None
    """Who published or wrote it (``Wire service, translated``). ``Written for this project``
    marks an article the desk wrote from outside sources: its structured data names the site
    as its author and the outside sources cited next to it as what it is based on."""
    url: Url | None = None
    """Where it was published, if online."""
    note: Text | None = None
    """A note for readers, e.g. that the article was written for this project."""


class StoryInfo(Model):
    """A story's description (``story.yml``)."""

    title: ShortText
    """The story's title."""
    description: Text | None = None
    """One line shown in listings and in search results."""
    language: str = "en"
    """Language of the explainer, as an IETF tag (``en``)."""
    tags: list[ShortText] = []
    """Topics of the story (from the articles' hashtags), shown with the story and searchable."""
    articles: list[ArticleInfo] = []
    """The story's articles in the order they were received; articles found in ``articles/`` but
    not listed here are added after them."""
