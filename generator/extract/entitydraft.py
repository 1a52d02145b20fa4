"""An entity as the article presents it (:class:`EntityDraft`), and the table of an article's
entities (:class:`EntityTable`): each mention recorded adds to its entity's aliases and
sentences, and ties each of its tokens to the entity it stands for.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.extract.document import ParagraphDoc
from generator.extract.roles import Role

if TYPE_CHECKING:
    from spacy.tokens import Span


BODIES = {"organisation", "country", "group"}
"""Entity types that act as bodies: what "it" or "they" may stand for as the subject of a
reporting verb, and never the holder of a title."""


@dataclass
class EntityDraft:
    """An entity as the article presents it, before a person reviews it."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    role: Role | None = None
    anonymous: bool = False
    confidence: float = 0.9
    rule: str = ""
    """The rule that made the draft, as :mod:`generator.extract.confidence` names it."""

    styles: set[str] = field(default_factory=set)
    """Capitalised words written just before a mention ("Major General", "the Rev."), lower
    case and without a full stop: "the general" and "the priest" can then find the holder."""

    def give_role(self, role: Role | None) -> None:
        """Take the role a mention gives, unless one is known already; a later title that names
        the same office more closely replaces it ("Judge X", then "the presiding judge, X")."""
        if role is None:
            return
        known = self.role
        if known is None or _narrows(role, known):
            self.role = role

    def mention(self, surface: str, sentence_id: str) -> None:
        """Record one mention: its surface form as an alias, its sentence as a source."""
        surface = clean_name(surface)
        if surface and surface != self.name and surface not in self.aliases:
            self.aliases.append(surface)
        if sentence_id not in self.sentences:
            self.sentences.append(sentence_id)


def _narrows(role: Role, known: Role) -> bool:
    """Whether ``role`` is ``known`` with words added: the same head and tense, and the same
    affiliation if ``known`` had one."""
    words, known_words = set(role.title.lower().split()), set(known.title.lower().split())
    same = (role.head, role.former) == (known.head, known.former)
    return same and known_words < words and known.affiliation in {None, role.affiliation}


ACTS = "acts"
"""The rule of a guessed organisation that speaks ("Northvolt told staff"): it overrides an
earlier guess that the same name was a place."""


_STYLE_WORDS = 3


@dataclass
class EntityTable:
    """Every entity of an article, and which entity each mentioning token stands for."""

    drafts: dict[str, EntityDraft] = field(default_factory=dict)
    by_token: dict[tuple[int, int], str] = field(default_factory=dict)

    def entity_at(self, paragraph: int, token: int) -> EntityDraft | None:
        """The entity a token of paragraph ``paragraph`` refers to, if any."""
        key = self.by_token.get((paragraph, token))
        return self.drafts[key] if key else None

    def people(self) -> list[EntityDraft]:
        """People, named and anonymous, in order of first mention."""
        return [draft for draft in self.drafts.values() if draft.type == "person"]

    def record(
        self, draft: EntityDraft, paragraph: ParagraphDoc, span: Span, *, alias: bool = True
    ) -> None:
        """Attach a mention (a span of a paragraph) to ``draft``; a name is also an alias."""
        known = self.drafts.setdefault(draft.name, draft)
        if draft.rule == ACTS and known.type == "place" and known.confidence == draft.confidence:
            known.type = "organisation"  # a name guessed a place that speaks is a body
        draft = known
        draft.mention(span.text if alias else draft.name, paragraph.sentence_of(span))
        for word in reversed(span.doc[max(span.start - _STYLE_WORDS, 0) : span.start]):
            if not word.text[:1].isupper():
                break
            draft.styles.add(word.lower_.rstrip("."))
        for token in span:
            self.by_token[(paragraph.number, token.i)] = draft.name


def clean_name(text: str) -> str:
    text = " ".join(text.split())
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text[4:] if text.lower().startswith("the ") else text


def plain(text: str) -> str:
    """The text without accents: "López" → "Lopez" (articles spell a name both ways)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
