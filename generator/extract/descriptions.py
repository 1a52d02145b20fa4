"""People named by description only: an unnamed source ("A US official, speaking on condition
of anonymity, said") is an entity of its own, and "the US Secretary of State" stands for the one
person the article gave that office."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.document import ParagraphDoc
from generator.extract.entitydraft import EntityDraft, EntityTable
from generator.extract.gazetteer import Gazetteer
from generator.extract.nlp import lemma
from generator.extract.roles import Role, is_title_word, role_from

if TYPE_CHECKING:
    from spacy.tokens import Token

_ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}


def find_anonymous(paragraph: ParagraphDoc, table: EntityTable, gazetteer: Gazetteer) -> None:
    """Unnamed sources: "A US official, speaking on condition of anonymity, said"."""
    for chunk in paragraph.doc.noun_chunks:
        head = chunk.root
        if head.lower_ not in gazetteer.anonymous_heads or chunk[0].lower_ not in {
            "a",
            "an",
            "one",
        }:
            continue
        if any(token.ent_type_ == "PERSON" for token in chunk):
            continue
        if not (_speaks(head, gazetteer) or "anonymity" in head.sent.text):
            continue
        words = chunk[1:]
        while len(words) > 1 and (
            words[0].lower_ in {"senior", "top", "high-ranking", "junior"}
            or (words[0].tag_ == "JJ" and words[0].is_lower)  # "a tearful resident"
        ):
            words = words[1:]
        name = words.text
        draft = EntityDraft(name, "person", anonymous=True, confidence=0.7)
        country = next((gazetteer.lookup(t.text) for t in chunk if t.ent_type_), None)
        if country is not None:
            affiliation = country.name if country.kind == "country" else country.country
            draft.role = Role(head.text, affiliation, False, None, head.lower_)
        table.record(draft, paragraph, chunk, alias=False)


def _speaks(token: Token, gazetteer: Gazetteer) -> bool:
    return token.dep_ in _ACTOR_DEPS and lemma(token.head) in gazetteer.reporting_verbs


def find_descriptions(
    paragraph: ParagraphDoc,
    table: EntityTable,
    gazetteer: Gazetteer,
    before: ParagraphDoc | None = None,
) -> None:
    """ "The US Secretary of State said" → the one person the article gave that title (``before``
    is the paragraph before, whose last subject a description opening this one may stand for)."""
    doc = paragraph.doc
    for article in doc:
        if article.lower_ != "the":
            continue
        end = article.i + 1
        while end < len(doc) and is_title_word(doc[end], gazetteer):
            end += 1
        while end > article.i + 1 and doc[end - 1].lower_ in {"of", "for", "and", "to"}:
            end -= 1  # "the former president of crimes …"
        title = doc[article.i + 1 : end]
        if not title or not any(t.lower_ in gazetteer.title_heads for t in title):
            continue
        if (paragraph.number, title.root.i) in table.by_token and title.root.ent_type_ == "PERSON":
            continue
        role = role_from(title, gazetteer)
        holders = _holders(table, role)
        argument = title.root.dep_ in {"nsubj", "nsubjpass", "dobj", "dative"}
        untitled = _untitled_before(paragraph, table, article, before) if argument else None
        if not holders and untitled is not None:
            untitled.role, holders = role, [untitled]  # "sentenced X, convicting the former …"
        if len(holders) == 1:
            table.record(holders[0], paragraph, doc[article.i : end], alias=False)


def _untitled_before(
    paragraph: ParagraphDoc, table: EntityTable, article: Token, previous: ParagraphDoc | None
) -> EntityDraft | None:
    """The one person without a title named earlier in the sentence, else the untitled subject
    of the sentence before (the last of the paragraph before, for a paragraph's first sentence):
    whom a description no one holds stands for."""
    sentence = article.sent
    named = {
        entity.name: entity
        for token in sentence[: article.i - sentence.start]
        if (entity := table.entity_at(paragraph.number, token.i)) is not None
        and entity.type == "person"
    }
    if not named:
        where, before = paragraph, [s for s in paragraph.doc.sents if s.end <= sentence.start][-1:]
        if not before and previous is not None:
            where, before = previous, list(previous.doc.sents)[-1:]
        subjects = [t for s in before for t in s if t.dep_ == "nsubj" and t.head == s.root]
        named = {
            entity.name: entity
            for token in subjects
            if (entity := table.entity_at(where.number, token.i)) is not None
            and entity.type == "person"
        }
    people = list(named.values())
    if len(people) != 1 or people[0].role is not None or people[0].anonymous:
        return None
    return people[0]


def _holders(table: EntityTable, wanted: Role) -> list[EntityDraft]:
    """The people whose office a description names: the same head, past or present, and the
    same affiliation; else one whose title left out the affiliation the description gives
    ("the Norwegian prime minister" for "Prime Minister X")."""
    fitting = [
        person
        for person in table.people()
        if (role := person.role) is not None
        and role.head == wanted.head
        and role.former == wanted.former
    ]
    exact = [p for p in fitting if p.role is not None and p.role.affiliation == wanted.affiliation]
    if exact or wanted.affiliation is None:
        return exact
    return [p for p in fitting if p.role is not None and p.role.affiliation is None]
