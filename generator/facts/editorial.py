"""The editor's notes beside the facts: source checks, glossary terms, disagreements between
sources, and the changelog.

Each is a schema class of the facts file (:class:`generator.facts.schema.Facts` lists them),
declared from the field types of :mod:`generator.facts.fieldtypes`; every field's docstring is
also the user's reference.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.facts.fieldtypes import (
    ArticleId,
    ExternalSource,
    Id,
    Model,
    Point,
    SentenceRef,
    ShortText,
    Sources,
    Text,
    When,
)

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
