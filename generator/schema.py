"""The facts schema: the one place that says what a facts file and a story file may contain.

Every field's docstring is also the user's reference: ``explainer schema`` and the site's
reference page are generated from these classes, and so is ``facts.schema.json``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ARTICLE_ID_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
SENTENCE_REF_PATTERN = r"^(?:[a-z0-9][a-z0-9_-]*#)?p[1-9][0-9]*s[1-9][0-9]*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
"""An item's id: lower-case letters, digits and single hyphens (``nikol-pashinyan``)."""
ArticleId = Annotated[str, StringConstraints(pattern=ARTICLE_ID_PATTERN, max_length=80)]
SentenceRef = Annotated[str, StringConstraints(pattern=SENTENCE_REF_PATTERN)]
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"
"""Text a page, a feed or a search index can carry: no control character (a YAML escape such
as ``"\\a"`` makes one), line breaks and tabs aside."""
Text = Annotated[str, StringConstraints(min_length=1, max_length=5000, pattern=TEXT_PATTERN)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=TEXT_PATTERN)]
URL_PATTERN = (
    r"^(?:(?:https?://|mailto:)[^\s<>\"\\\x00-\x1f\x7f]+"
    r"|[^\s<>\"\\\x00-\x1f\x7f:/?#]*(?:[/?#][^\s<>\"\\\x00-\x1f\x7f]*)?)$"
)
"""The one URL policy of every input: ``http://``, ``https://`` and ``mailto:`` addresses, or a
relative link (no scheme at all); never ``javascript:``, ``data:`` or any other scheme, white
space, control characters, quotes, angle brackets or backslashes (which browsers read as ``/``)."""
URL_RULE = "only http://, https:// and mailto: addresses or relative links are allowed"
"""What :data:`URL_PATTERN` allows, as a diagnostic says it."""
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=2000)]
"""An address that :data:`URL_PATTERN` allows."""


def is_allowed_url(address: str) -> bool:
    """Whether ``address`` is a link the site may publish (:data:`URL_PATTERN`)."""
    return 0 < len(address) <= 2000 and re.fullmatch(URL_PATTERN, address) is not None


class Model(BaseModel):
    """Base of every schema class: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Reviewable(Model):
    """Fields every extracted item carries until a person has reviewed it."""

    status: Literal["draft", "reviewed"] = "reviewed"
    """``draft`` when ``explainer extract`` proposed the item and nobody has checked it yet; set
    it to ``reviewed`` (or delete the line) once you have."""
    confidence: Annotated[float, Field(ge=0, le=1)] | None = None
    """How sure the extractor was, from 0 to 1; review low values first."""


class ExternalSource(Model):
    """A source outside the story's articles: a web page, report or official record."""

    url: Url
    """Address of the source: ``http``, ``https`` or ``mailto``, or a relative link."""
    title: ShortText
    """Title of the page or document."""
    publisher: ShortText | None = None
    """Who published it (``U.S. Department of State``)."""
    date: str | None = None
    """When it was published, ``YYYY-MM-DD``."""


def _source_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "sentence"
    if isinstance(value, dict):
        return "external"
    return None


Source = Annotated[
    Annotated[SentenceRef, Tag("sentence")] | Annotated[ExternalSource, Tag("external")],
    Discriminator(
        _source_kind,
        custom_error_type="wrong-type",
        custom_error_message=(
            "a source is a sentence id ('p3s2' or 'article-id#p3s2') "
            "or a mapping with 'url' and 'title'"
        ),
    ),
]
"""Where a statement comes from: a sentence of an article, or an external reference."""

Sources = Annotated[list[Source], Field(min_length=1)]


class Point(Model):
    """One statement of fact in the editor's words, with the sentences it rests on."""

    text: Text
    """The statement, one or two sentences of plain text."""
    sources: Sources
    """Sentences (``p3s1``, or ``article-id#p3s1`` when the story has several articles) and/or
    external references that support the statement."""
    topic: ShortText | None = None
    """Optional heading the statement is grouped under (background: ``The wars``)."""


class When(Model):
    """A date as precise as the source allows: a day, month, year or decade, or a range of them.

    Write ``date`` for a single point in time or ``start`` and ``end`` for a range. Each takes
    ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or a decade ``YYYYs``. A bare string is short for
    ``date``: ``when: 2023-05-01``.
    """

    date: str | None = None
    """A single day, month, year or decade."""
    start: str | None = None
    """First day, month, year or decade of a range."""
    end: str | None = None
    """Last day, month, year or decade of a range (inclusive)."""
    part: Literal["early", "mid", "late"] | None = None
    """Part of the period meant (``early`` with ``1990s`` reads "early 1990s")."""
    approximate: bool = False
    """True when the source gives the time loosely ("three decades ago")."""
    expression: ShortText | None = None
    """The words the date was resolved from, as written in the article ("last November")."""

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str | int):
            return {"date": str(value)}
        return value


class Coordinates(Model):
    """A point on the map, in decimal degrees (WGS 84)."""

    lat: Annotated[float, Field(ge=-90, le=90)]
    """Latitude, -90 to 90."""
    lon: Annotated[float, Field(ge=-180, le=180)]
    """Longitude, -180 to 180."""


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
    radius in kilometres; the map draws a dashed circle marked approximate (places only)."""
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


# ── Reader features: source checks, glossary ───────────────────────────────────────────────


SourceCheckKind = Literal["spelling", "date", "fact", "wording"]


class SourceCheck(Model):
    """A place where the article itself is wrong or loose, checked against outside sources.

    The site shows it as a "Source check" note on the pages of the entities and events it is
    ``about`` and lists every check on one page.
    """

    id: Id
    """Unique id (``blinken-spelling``)."""
    kind: SourceCheckKind
    """``spelling`` (a name written wrongly), ``date`` (a date the article gets wrong or gives
    loosely), ``fact`` (a wrong statement) or ``wording`` (loose wording)."""
    article_says: ShortText
    """The article's words that are wrong or loose, copied exactly from the cited sentence
    (``Anthony Blinken``)."""
    finding: Text
    """What is correct, in one or two sentences that the ``evidence`` supports."""
    sentences: Annotated[list[SentenceRef], Field(min_length=1)]
    """The article sentences concerned (``p1s1``); the first must contain ``article_says``."""
    evidence: Annotated[list[ExternalSource], Field(min_length=1)]
    """Outside sources that support the finding: check them before recording them."""
    about: list[Id] = []
    """Ids of the entities and events the check concerns; each of their pages shows it."""


class GlossaryTerm(Model):
    """A word or phrase readers may not know, defined in the glossary and on hover."""

    id: Id
    """Unique id, the anchor on the glossary page (``checkpoint``)."""
    term: ShortText
    """The term as the explainer writes it (``Lachin Corridor``)."""
    aliases: list[ShortText] = []
    """Other names and spellings, contested ones included (``Berdzor corridor``); shown with
    the term, searchable, and recognised in prose."""
    definition: Text
    """What the term means here, in a sentence or two supported by ``sources``; shown when a
    reader hovers or focuses the term."""
    entity: Id | None = None
    """Id of the entity the term names, if any: its mentions link to the entity's page."""
    names: list[Point] = []
    """Statements on the term's names: who uses which, and why it matters, each with sources."""
    sources: Sources
    """Sentences and references that support the definition."""


# ── Several articles: disagreements and the changelog ───────────────────────────────────────


class Account(Model):
    """What one source says on a point on which the sources disagree."""

    when: When | None = None
    """The date this source gives (in a disagreement about an event's ``when``)."""
    role: ShortText | None = None
    """The role this source gives (in a disagreement about an entity's ``role``)."""
    sources: Sources
    """The sentences or references that say it."""


class Disagreement(Model):
    """Sources that contradict each other on one point, as an editor recorded it.

    The site shows every account with its sources where the point appears, rather than picking
    one silently. The event's ``when`` (or the entity's ``role``) must be one of the accounts:
    it is where the event sits on the timeline, not a verdict.
    """

    id: Id
    """Unique id (``talks-end-date``)."""
    event: Id | None = None
    """Id of the event whose ``when`` is disputed."""
    entity: Id | None = None
    """Id of the entity whose ``role`` is disputed."""
    field: Literal["when", "role"]
    """What is disputed: ``when`` (of an event) or ``role`` (of an entity)."""
    accounts: Annotated[list[Account], Field(min_length=2)]
    """Each source's version, two or more."""
    note: Text | None = None
    """The editor's note for readers: what is known about the discrepancy."""


class Change(Model):
    """One entry of the story's changelog: what an update added, corrected or removed."""

    date: str
    """When the explainer changed, ``YYYY-MM-DD``."""
    type: Literal["added", "corrected", "removed"]
    """``added`` (new facts), ``corrected`` (a fact was wrong) or ``removed`` (withdrawn)."""
    article: ArticleId
    """Id of the article that brought the change."""
    text: Text
    """What changed, in a sentence for readers (``Added how the talks ended.``)."""
    items: list[Id] = []
    """Ids of the entities, events or quotes concerned; linked where they still exist."""


class Facts(Model):
    """A story's curated facts file (``facts.yml``)."""

    summary: list[Point] = []
    """What is happening, in a few cited statements; opens the overview page."""
    background: list[Point] = []
    """The history behind the story, as cited statements grouped by ``topic``."""
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
    """Who published or wrote it (``Wire service, translated``)."""
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
