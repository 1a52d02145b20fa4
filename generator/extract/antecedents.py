"""Who a subject stands for: a name, a pronoun, a relative "who" or a definite description.

Every rule gives up rather than guess: a pronoun whose antecedent is not clear, or a description
("the bank", "the President") that fits more than one entity of the article, stands for nobody.
Words inside quotation marks are never antecedents ("“… Milosevic did …,” she said").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.extract.bodynouns import class_antecedent
from generator.extract.document import ParagraphDoc
from generator.extract.entitydraft import BODIES, EntityDraft, EntityTable
from generator.extract.gazetteer import Gazetteer
from generator.extract.nlp import lemma
from generator.extract.titleholders import title_holder, title_word
from generator.extract.titlewords import definite, someone_new

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJECTS = {"nsubj", "nsubjpass"}
PRONOUNS = {"he", "she"}
_RELATIVES = {"who", "which", "that", "whom"}
_NAME_PARTS = ("appos", "compound", "flat", "nmod")
SPEAKER_TYPES = {"person", "organisation", "country", "group"}
_INHERITS = {"conj", "advcl", "xcomp", "ccomp", "relcl", "acl"}
_ASIDE_WORDS = 8
"""The most words of an aside between a subject and its verb."""
_RELATIVE_WORDS = 25
"""The most words of a relative clause between a subject and its verb ("X, whose …, said")."""
_LOOKBACK = 4
"""Sentences to look back for the subject a pronoun continues."""


@dataclass
class Reading:
    """The article as read so far: the paragraphs before, and which tokens lie inside quotes."""

    table: EntityTable
    gazetteer: Gazetteer
    paragraphs: list[ParagraphDoc] = field(default_factory=list)
    quoted: set[tuple[int, int]] = field(default_factory=set)
    last_speaker: tuple[int, EntityDraft] | None = None
    """The paragraph and person of the last quote given a person as speaker."""

    pronouns: dict[str, str] = field(default_factory=dict)
    """The pronoun ("he", "she") each person was last referred to by."""

    def recent_speaker(self, paragraph: ParagraphDoc, pronoun: str) -> EntityDraft | None:
        """The last named speaker, if they spoke in this paragraph or the one before and were
        never called by the other pronoun."""
        if self.last_speaker is None or self.last_speaker[0] < paragraph.number - 1:
            return None
        speaker = self.last_speaker[1]
        return speaker if self.pronouns.get(speaker.name, pronoun) == pronoun else None

    def is_quoted(self, paragraph: ParagraphDoc, token: Token) -> bool:
        """Whether the token lies between quotation marks."""
        return (paragraph.number, token.i) in self.quoted


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it hangs from. Of two subjects
    the parse gave one verb, the nearer before it ("United Nations: Secretary-General Ban said")."""
    for _ in range(4):
        subjects = [child for child in verb.children if child.dep_ in SUBJECTS]
        before = [child for child in subjects if child.i < verb.i]
        if subjects:
            return before[-1] if before else subjects[0]
        if verb.dep_ not in _INHERITS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def named_entity(paragraph: ParagraphDoc, token: Token, table: EntityTable) -> EntityDraft | None:
    """The entity a noun phrase names: a person in apposition first ("Syria's ambassador, Bassam
    Sabbagh,"), then the head itself, then the name words hanging from it."""
    children = sorted(
        (c for c in token.children if c.dep_ in _NAME_PARTS),
        key=lambda c: _NAME_PARTS.index(c.dep_),
    )
    apposed = [c for c in children if c.dep_ == "appos"]
    if not any(c.dep_ == "cc" for c in token.children):  # "the chief mediator, X," misparsed
        apposed += [c for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    for candidate in [*apposed, token, *children]:
        entity = table.entity_at(paragraph.number, candidate.i)
        if entity is not None and entity.type in SPEAKER_TYPES:
            return entity
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    return one_person_within(paragraph, token, table, apposed=True)


def one_person_within(
    paragraph: ParagraphDoc,
    token: Token,
    table: EntityTable,
    skipped: frozenset[int] = frozenset(),
    *,
    apposed: bool = False,
) -> EntityDraft | None:
    """ "the representative of the United States, Samantha Power,": the one person the phrase
    names, outside its relative clauses; with ``apposed``, only a person in apposition, not one
    the phrase is about ("a lawyer for X", "X's wife")."""
    people: dict[str, EntityDraft] = {}
    stack = [token]
    while stack:
        current = stack.pop()
        entity = table.entity_at(paragraph.number, current.i)
        if apposed and not _apposed(current):
            entity = None
        if entity is not None and entity.type == "person" and current.i not in skipped:
            people[entity.name] = entity
        stack.extend(c for c in current.children if c.dep_ not in {"relcl", "acl", "punct"})
    return next(iter(people.values())) if len(people) == 1 else None


def _apposed(token: Token) -> bool:
    """Whether a name word belongs to a name in apposition ("…, Samantha Power,")."""
    while token.dep_ in {"compound", "flat"} and token.head.i != token.i:
        token = token.head
    return token.dep_ == "appos"


def adjacent_entity(paragraph: ParagraphDoc, verb: Token, table: EntityTable) -> EntityDraft | None:
    """ "…, Swiss President Alain Berset said": the name just before a verb the parse left
    without a subject (an auxiliary, an adverb or one comma may stand between)."""
    doc, index = verb.doc, verb.i - 1
    while index >= 0 and doc[index].dep_ in {"aux", "advmod", "neg"}:
        index -= 1
    if index > 0 and doc[index].text == "," and doc[index - 1].dep_ == "appos":
        index -= 1  # "the Sinn Féin chairman, Mitchell McLaughlin, said"
    elif index > 0 and doc[index].text == ",":
        index = _before_aside(doc[verb.sent.start : index])  # "X, asked about it, said"
    entity = table.entity_at(paragraph.number, index) if index >= 0 else None
    return entity if entity is not None and entity.type in SPEAKER_TYPES else None


def _before_aside(words: Span) -> int:
    """Where the subject before an aside in commas ends ("Berg, asked about the vote,"; "Berg,
    whose party lost in 2019,"), or -1: the aside is short (or a relative clause), has no
    quotation mark, and follows a subject."""
    doc = words.doc
    for token in reversed(words[-_RELATIVE_WORDS:]):
        if token.text in {"\u201c", "\u201d", '"'}:
            return -1
        if token.text != ",":
            continue
        relative = token.i + 1 < len(doc) and doc[token.i + 1].lower_ in {"who", "whose"}
        appositive = _is_appositive(doc[token.i + 1 : words.end])
        if words.end - token.i > _ASIDE_WORDS and not (relative or appositive):
            return -1
        before = token.i - 1
        return before if before >= 0 and (appositive or _in_subject(doc[before])) else -1
    return -1


def _is_appositive(aside: Span) -> bool:
    """ "a health worker with Médecins Sans Frontières (MSF)": a noun phrase with an article and
    no verb, which can only describe the name before it, whatever the parse attached that to."""
    return (
        len(aside) > 1
        and aside[0].lower_ in {"a", "an", "the"}
        and not any(t.pos_ in {"VERB", "AUX"} or t.lower_ in _RELATIVES for t in aside)
    )


def relative_entity(
    paragraph: ParagraphDoc, verb: Token, subject: Token, table: EntityTable
) -> EntityDraft | None:
    """ "X, who said …": the relative pronoun stands for the noun the clause describes."""
    if subject.lower_ in _RELATIVES and verb.dep_ == "relcl":
        return named_entity(paragraph, verb.head, table)
    return None


def resolve_pronoun(
    paragraph: ParagraphDoc, pronoun: Token, reading: Reading
) -> EntityDraft | None:
    """Who "he" or "she" is: a person named before it in its sentence as (part of) a subject,
    outside quotes ("Berg's office said she …"); else the person who is the subject of the
    sentences before (or the one person a sentence names), walking back over sentences whose
    subject is the same pronoun; else nobody."""
    sentence = pronoun.sent
    for token in reversed(sentence[: pronoun.i - sentence.start]):
        if reading.is_quoted(paragraph, token) or not _in_subject(token):
            continue
        entity = reading.table.entity_at(paragraph.number, token.i)
        if entity is not None and entity.type == "person":
            return entity
    for before_paragraph, before in _sentences_before(paragraph, sentence, reading):
        if reading.is_quoted(before_paragraph, before.root):
            continue
        subject = _sentence_subject(before)
        if subject is None:
            return _subject_the_parse_missed(before_paragraph, before, reading.table)
        if reading.is_quoted(before_paragraph, subject):
            return None
        if subject.lower_ == pronoun.lower_:
            continue
        quoted = frozenset(i for n, i in reading.quoted if n == before_paragraph.number)
        others = quoted | {token.i for token in subject.subtree}
        if lemma(pronoun.head) in _GOES_ON:
            others |= _reported_words(before, reading)
        entity = named_entity(before_paragraph, subject, reading.table)
        mentioned = _people_in(before_paragraph, before, reading.table, others, named_only=True)
        if entity is not None and mentioned - {entity.name}:
            return None  # "Hale met Berg. She said …": either could be meant
        if entity is None and _describes_a_person(subject, reading.gazetteer):
            # "The prime minister said he spoke to X": the prime minister named lately, not X
            return title_holder(before_paragraph.number, subject, reading.table, reading.gazetteer)
        if entity is None or entity.type != "person":
            entity = one_person_within(before_paragraph, before.root, reading.table, quoted)
        if entity is None:  # "The announcement, made by X, drew applause. “…,” he said."
            named = _people_in(before_paragraph, before, reading.table, quoted)
            entity = reading.table.drafts[named.pop()] if len(named) == 1 else None
        return entity if entity is not None and entity.type == "person" else None
    return None


_GOES_ON = {"say", "add", "tell", "continue", "explain", "note"}
"""Verbs with which a speaker goes on ("he said"); with others ("she denied it"), someone the
speaker just spoke about may be answering."""


def _reported_words(sentence: Span, reading: Reading) -> set[int]:
    """ "Peskov told reporters that the men who followed Prigozhin …": the words a reporting verb
    reports; a name among them is what the speaker spoke about, not a "he said" after it."""
    root = sentence.root
    if lemma(root) not in reading.gazetteer.reporting_verbs:
        return set()
    clauses = (c for c in root.children if c.dep_ == "ccomp")
    return {token.i for clause in clauses for token in clause.subtree}


def _subject_the_parse_missed(
    paragraph: ParagraphDoc, sentence: Span, table: EntityTable
) -> EntityDraft | None:
    """The person named just before a main verb the parse left without a subject ("Speaking
    from X, Jackson Niamah, a health worker, said …")."""
    if sentence.root.pos_ != "VERB":
        return None
    entity = adjacent_entity(paragraph, sentence.root, table)
    return entity if entity is not None and entity.type == "person" else None


def _describes_a_person(subject: Token, gazetteer: Gazetteer) -> bool:
    """ "the prime minister", "a witness": a common noun for a person as the subject."""
    heads = gazetteer.title_heads | gazetteer.anonymous_heads
    noun = subject.pos_ == "NOUN" or (subject.pos_ == "PROPN" and subject.is_lower)
    return noun and title_word(subject) in heads


def _people_in(
    paragraph: ParagraphDoc,
    sentence: Span,
    table: EntityTable,
    skipped: frozenset[int],
    *,
    named_only: bool = False,
) -> set[str]:
    """The people a sentence mentions outside ``skipped``; with ``named_only``, those it names by
    a proper noun and not inside a prepositional phrase (one it only describes, "sat in the
    president's chair", or names as an object of a preposition, is not as likely a pronoun's
    antecedent as its subject)."""
    found = (table.entity_at(paragraph.number, token.i) for token in sentence)
    return {
        entity.name
        for token, entity in zip(sentence, found, strict=True)
        if entity is not None
        and entity.type == "person"
        and token.i not in skipped
        and (token.pos_ == "PROPN" or not named_only)
        and not (named_only and _in_a_phrase(token))
    }


def _in_a_phrase(token: Token) -> bool:
    """ "spoke to Fujimori", "a portrait of Pope John Paul II": a name that is the object of a
    preposition is a less likely antecedent of the next sentence's "he" than the subject."""
    while token.dep_ in {"compound", "flat", "appos"} and token.head.i != token.i:
        token = token.head  # "prorogued by the Governor, Sir Charles Arden-Clarke"
    return token.dep_ == "pobj"


def _sentence_subject(sentence: Span) -> Token | None:
    """The subject of the sentence's main verb, or its first subject when the parse put no verb
    at the root ("In a speech at a hotel he promised …")."""
    root = sentence.root
    if root.pos_ in {"VERB", "AUX"}:
        return subject_of(root)
    return next((t for t in sentence if t.dep_ in SUBJECTS), None)


def _in_subject(token: Token) -> bool:
    """Whether the token is part of a subject: the name, or the owner of the subject noun
    ("Berg's office said"), and not an object ("the ambush of Saddam's motorcade")."""
    while token.dep_ in {"compound", "flat", "appos", "poss", "case"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in SUBJECTS


def _sentences_before(
    paragraph: ParagraphDoc, sentence: Span, reading: Reading
) -> list[tuple[ParagraphDoc, Span]]:
    found = [(paragraph, s) for s in paragraph.doc.sents if s.end <= sentence.start]
    for earlier in reversed(reading.paragraphs):
        if len(found) >= _LOOKBACK:
            break
        found = [(earlier, s) for s in earlier.doc.sents] + found
    return list(reversed(found))[:_LOOKBACK]


def described_entity(
    paragraph: ParagraphDoc, subject: Token, reading: Reading
) -> EntityDraft | None:
    """ "the central bank said", "the army said", "the official said": an organisation whose name
    has the description's head noun, or an unnamed source of that kind; the one mentioned last,
    in this paragraph or the one before, else the only organisation the article has named so
    far; else, for a kind of body ("the company"), the body the text has just been about."""
    if not definite(subject):
        return None
    table, here = reading.table, (paragraph.number, subject.i)
    earlier = sorted((p for p in table.by_token if p < here), reverse=True)
    fitting = [
        (number, table.drafts[table.by_token[(number, token)]])
        for number, token in earlier
        if _fits(table.drafts[table.by_token[(number, token)]], subject.lower_)
    ]
    if fitting and fitting[0][0] >= paragraph.number - 1:
        return fitting[0][1]
    named = {draft.name for _, draft in fitting if not draft.anonymous}
    if len(named) == 1 and not fitting[0][1].anonymous:
        return fitting[0][1]
    return class_antecedent(paragraph, subject, reading.paragraphs, table)


def _fits(draft: EntityDraft, head: str) -> bool:
    """ "the bank" for the Central Bank of X; "the official" for an unnamed "Fund official" just
    before (an unnamed source only in this paragraph or the one before)."""
    if draft.anonymous:
        return draft.name.lower().split()[-1] == head
    return draft.type in {"organisation", "group"} and head in draft.name.lower().split()


def resolve_it(paragraph: ParagraphDoc, pronoun: Token, reading: Reading) -> EntityDraft | None:
    """Who "it" (or "they") is: the body named before it in its sentence as (part of) a subject,
    else the subject of the sentences before (walking back over sentences whose subject is the
    same pronoun) if that is one body ("Fenwick Bank lost money. “…,” it said."); a person or
    several names there mean nobody."""
    sentence = pronoun.sent
    for token in reversed(sentence[: pronoun.i - sentence.start]):
        if reading.is_quoted(paragraph, token) or not _in_subject(token):
            continue
        entity = reading.table.entity_at(paragraph.number, token.i)
        if entity is not None:
            return entity if entity.type in BODIES else None
    for before_paragraph, before in _sentences_before(paragraph, sentence, reading):
        if reading.is_quoted(before_paragraph, before.root):
            continue
        subject = _sentence_subject(before)
        if subject is None or reading.is_quoted(before_paragraph, subject):
            return None
        if subject.lower_ == pronoun.lower_:
            continue
        if any(child.dep_ == "conj" for child in subject.children):
            return None
        entity = named_entity(before_paragraph, subject, reading.table)
        entity = entity or described_entity(before_paragraph, subject, reading)
        return entity if entity is not None and entity.type in BODIES else None
    return None


def last_speaker_for(
    paragraph: ParagraphDoc, pronoun: Token, reading: Reading
) -> EntityDraft | None:
    """ "he added" with no antecedent the parse can show: the last named speaker, unless another
    person is named in this sentence before the pronoun or in the sentence before."""
    speaker = reading.recent_speaker(paragraph, pronoun.lower_)
    if speaker is None:
        return None
    sentence = pronoun.sent
    quoted = frozenset(i for n, i in reading.quoted if n == paragraph.number)
    named = _people_in(paragraph, sentence[: pronoun.i - sentence.start], reading.table, quoted)
    before = _sentences_before(paragraph, sentence, reading)[:1]
    for where, earlier in before:
        skipped = frozenset(i for n, i in reading.quoted if n == where.number)
        named |= _people_in(where, earlier, reading.table, skipped)
        subject = _sentence_subject(earlier)
        if subject is not None and someone_new(subject, reading.gazetteer.reporting_verbs):
            return None  # "A dealer said …. “…,” he said": whoever the dealer is, not X
        if subject is not None and _describes_a_person(subject, reading.gazetteer):
            described = reading.table.entity_at(where.number, subject.i)
            if described is not speaker:
                return None  # "A delegate said …. “…,” he said": not the speaker before
    return speaker if named <= {speaker.name} else None
