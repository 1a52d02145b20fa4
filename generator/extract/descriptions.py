"""People named by description only: an unnamed source ("A US official, speaking on condition
of anonymity, said") is an entity of its own, and "the US Secretary of State" stands for the one
person the article gave that office."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.bodynouns import CLASS_NOUNS
from generator.extract.document import ParagraphDoc
from generator.extract.entitydraft import EntityDraft, EntityTable
from generator.extract.entitytypes import KINSHIP
from generator.extract.gazetteer import Gazetteer
from generator.extract.nlp import lemma
from generator.extract.roles import Role, is_title_word, role_from
from generator.extract.titlewords import said_before

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}


def find_anonymous(paragraph: ParagraphDoc, table: EntityTable, gazetteer: Gazetteer) -> None:
    """Unnamed sources: "A US official, speaking on condition of anonymity, said", "legal
    observers said", "according to organisers", "the ambassador’s youngest son said"."""
    for chunk in paragraph.doc.noun_chunks:
        head = chunk.root
        words = _source_words(chunk, gazetteer)
        if words is None or any(token.ent_type_ == "PERSON" for token in chunk):
            continue
        if _names_follow(chunk, paragraph, table):
            continue  # "A spokeswoman for the ministry, Zhang Qiyue, said": she is named
        speaks = _speaks(head, gazetteer) and (head.tag_ != "NNS" or lemma(head.head) in _SAY)
        speaks = speaks or said_before(head, gazetteer.reporting_verbs) is not None
        speaks = speaks or _taken_up(chunk, paragraph)
        if not (speaks or _according_to(head) or "anonymity" in head.sent.text):
            continue
        while len(words) > 1 and _qualitative(words[0]):
            words = words[1:]  # "a tearful resident", "a senior official"
        before = "".join(t.text_with_ws for t in words[:-1])  # "euro-zone", not "euro - zone"
        name = f"{before.strip()} {_singular(head, gazetteer)}".strip()
        draft = EntityDraft(name, "person", anonymous=True, confidence=0.7)
        country = next((gazetteer.lookup(t.text) for t in chunk if t.ent_type_), None)
        if country is not None:
            affiliation = country.name if country.kind == "country" else country.country
            draft.role = Role(head.text, affiliation, False, None, head.lower_)
        table.record(draft, paragraph, chunk, alias=False)


def _taken_up(chunk: Span, paragraph: ParagraphDoc) -> bool:
    """ "A Western diplomat was more cautious. “…,” the diplomat said.": someone brought in
    with "a" as a subject and called "the <noun>" later in the paragraph."""
    head = chunk.root
    if chunk[0].lower_ not in {"a", "an"} or head.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    later = paragraph.doc.text[chunk.end_char :].lower()
    return f"the {head.lower_} " in later


_SAY = {"say", "tell", "add", "confirm"}
"""What people of a kind do as a source: "observers said", not "officers accused him"."""
_SOME = {"some", "several", "two", "three", "many", "other"}
_QUALITATIVE_ENDINGS = ("ful", "ed", "ing", "ly", "y", "ous", "less", "ive")


def _source_words(chunk: Span, gazetteer: Gazetteer) -> list[Token] | None:
    """The words that name an unnamed source, after its determiner or its owner's possessive;
    None when the chunk is no unnamed source: one "a" or "one" person of a kind, people of a
    kind with no article or "some", or a relative named by whose relative they are."""
    head, first = chunk.root, chunk[0].lower_
    singular = head.lower_ in gazetteer.anonymous_heads or _someone_speaking(head, gazetteer)
    plural = (
        head.tag_ == "NNS"
        and _may_be_plural_of_a_source(head.lower_, gazetteer)
        and _singular(head, gazetteer) in gazetteer.anonymous_heads
    )
    owned = [t for t in chunk if t.tag_ == "POS"]
    if singular and first in {"a", "an", "one"}:
        return list(chunk[1:])
    if plural and (first in _SOME or chunk[0].tag_ != "DT"):
        return list(chunk[1:] if first in _SOME else chunk)
    if singular and owned and head.lower_ in KINSHIP:
        return list(chunk[owned[-1].i - chunk.start + 1 :])
    return None


_NOT_SOMEONE = CLASS_NOUNS | {
    "statement", "report", "study", "poll", "survey", "document", "letter", "memo", "note",
    "communique", "communiqué", "court", "judge", "tribunal", "panel", "committee", "council",
    "government", "ministry", "department", "team", "crowd", "broadcast", "station", "website",
}  # fmt: skip


_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee")
"""Endings of nouns for people ("voter", "ethicist", "dealer", "insider", "historian")."""


def _someone_speaking(head: Token, gazetteer: Gazetteer) -> bool:
    """ "A voter said", "a medical ethicist in London said": a singular noun for a person that is
    the subject of a verb of saying names someone of that kind (not a statement or a body)."""
    return (
        head.tag_ == "NN"
        and head.dep_ == "nsubj"
        and lemma(head.head) in _SAY
        and head.lower_.endswith(_PERSON_ENDINGS)
        and head.lower_ not in _NOT_SOMEONE
    )


def _names_follow(chunk: Span, paragraph: ParagraphDoc, table: EntityTable) -> bool:
    """Whether a person's name stands in apposition to the phrase ("a spokeswoman for the
    ministry, Zhang Qiyue,")."""
    head = chunk.root
    for child in head.children:
        entity = table.entity_at(paragraph.number, child.i)
        if child.dep_ == "appos" and entity is not None and entity.type == "person":
            return True
    words = [t for t in head.subtree if t.i >= chunk.end]
    comma = next((t.i for t in words if t.text == ","), None)
    if comma is None or comma + 1 >= len(chunk.doc):
        return False
    after = table.entity_at(paragraph.number, comma + 1)
    return after is not None and after.type == "person" and not after.anonymous


def _may_be_plural_of_a_source(word: str, gazetteer: Gazetteer) -> bool:
    """A cheap test before the lemmatizer: whether the word could be the plural of a kind of
    unnamed source ("officials", "spokespeople", "women")."""
    if word in gazetteer.plural_titles:
        return True
    stems = {word[:-1], word[:-2], word[:-3] + "y", word[:-3] + "man", word[:-3] + "person"}
    return bool(stems & gazetteer.anonymous_heads) or word.endswith("men")


def _singular(head: Token, gazetteer: Gazetteer) -> str:
    if head.tag_ != "NNS":
        return head.text
    return gazetteer.plural_titles.get(head.lower_) or lemma(head)


def _qualitative(word: Token) -> bool:
    """ "tearful", "senior", "elderly": a word that describes the source rather than saying what
    kind of source it is ("legal", "foreign" and "Japanese" stay)."""
    if word.lower_ in {"senior", "top", "high-ranking", "junior", "young", "old", "elderly"}:
        return True
    lower = word.is_lower or bool(word.is_sent_start)
    return word.tag_ == "JJ" and lower and word.lower_.endswith(_QUALITATIVE_ENDINGS)


def _according_to(token: Token) -> bool:
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


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
        here = (paragraph.number, article.i)
        holders = [h for h in _holders(table, role) if _named_before(table, h, here)]
        argument = title.root.dep_ in {"nsubj", "nsubjpass", "dobj", "dative"}
        speaking = _speaks(title.root, gazetteer) and title.root.dep_ == "nsubj"
        untitled = (
            _untitled_before(paragraph, table, article, before, speaking=speaking)
            if argument
            else None
        )
        if not holders and untitled is not None:
            untitled.role, holders = untitled.role or role, [untitled]  # "convicting the former …"
        if len(holders) == 1:
            table.record(holders[0], paragraph, doc[article.i : end], alias=False)


def _named_before(table: EntityTable, person: EntityDraft, here: tuple[int, int]) -> bool:
    """Whether the article named the person before ``here``: a description looks back."""
    return any(at < here for at, name in table.by_token.items() if name == person.name)


def _untitled_before(
    paragraph: ParagraphDoc,
    table: EntityTable,
    article: Token,
    previous: ParagraphDoc | None,
    *,
    speaking: bool = False,
) -> EntityDraft | None:
    """The one person without a title named earlier in the sentence, else the untitled subject
    of the sentence before (the last of the paragraph before, for a paragraph's first sentence):
    whom a description no one holds stands for. A description that speaks may also stand for a
    titled subject who spoke in the sentence before ("Mr. Barrow said he was sure. “…,” the
    president-elect said."): the writer named one speaker two ways."""
    sentence = article.sent
    reported = _reported_clause(article)
    mentions = [
        (token, entity)
        for token in sentence[: article.i - sentence.start]
        if (entity := table.entity_at(paragraph.number, token.i)) is not None
        and entity.type == "person"
    ]
    if reported is not None and any(token not in reported for token, _ in mentions):
        return None  # "Smith said the general was immune": the general is someone else
    named, spoke = {entity.name: entity for _, entity in mentions}, False
    if not named:
        start = _quote_closed_before(article) or sentence.start_char
        where, before = paragraph, [s for s in paragraph.doc.sents if s.end_char <= start][-1:]
        if not before and previous is not None:
            where, before = previous, list(previous.doc.sents)[-1:]
        subjects = [t for s in before for t in s if t.dep_ == "nsubj" and t.head == s.root]
        if any(c.dep_ == "conj" for t in subjects for c in t.children):
            return None  # "General X and General Y arrived": either could be "the general"
        spoke = any(lemma(t.head) in _SAY for t in subjects)
        named = {
            entity.name: entity
            for token in subjects
            if (entity := table.entity_at(where.number, token.i)) is not None
            and entity.type == "person"
        }
    people = list(named.values())
    if len(people) != 1 or people[0].anonymous:
        return None
    return people[0] if people[0].role is None or (speaking and spoke) else None


def _quote_closed_before(article: Token) -> int | None:
    """Where the quote opens that closes just before a description ("“…. …,” the president-elect
    said"): the sentences of the quote are the description's own words, not the sentence before."""
    text = article.doc.text[: article.idx].rstrip()
    opening = text.rfind("\u201c") if text.endswith("\u201d") else -1
    return opening if opening >= 0 else None


def _reported_clause(token: Token) -> Span | None:
    """The reported clause the token stands in ("Smith said the general was immune"): someone
    named outside it is the one reporting, not the one described."""
    clause = next((a for a in token.ancestors if a.dep_ == "ccomp"), None)
    return token.doc[clause.left_edge.i : clause.right_edge.i + 1] if clause is not None else None


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
        and _words(wanted.title) <= _words(role.text)
    ]
    exact = [p for p in fitting if p.role is not None and p.role.affiliation == wanted.affiliation]
    if exact or wanted.affiliation is None:
        return exact
    return [p for p in fitting if p.role is not None and p.role.affiliation is None]


def _words(title: str) -> set[str]:
    """A title's words: "the Managing Director" asks for "managing", which a deputy director's
    title lacks (a description's country is its affiliation, not one of these words)."""
    return {word.lower() for word in title.replace("-", " ").split()} - {"the", "of", "and"}
