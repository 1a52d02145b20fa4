"""Who "the company", "the airline" or "the party" is: the body that was the subject of a
sentence just before, when it was the only one.

A common noun for a kind of body names none of the body's own words ("Barrick … The company
said"), so it is read as news writers use it: it takes up the body the text has just been about.
That is the subject of a sentence in this paragraph or the one before; two different bodies as
subjects there, or a person subject between, and the noun stands for nobody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.document import ParagraphDoc
from generator.extract.entitydraft import EntityDraft, EntityTable
from generator.extract.nlp import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

CLASS_NOUNS = {
    "company", "firm", "group", "carrier", "airline", "bank", "lender", "insurer", "investor",
    "manufacturer", "automaker", "carmaker", "operator", "party", "union", "agency", "regulator",
    "organisation", "organization", "broadcaster", "network", "newspaper", "movement", "charity",
}  # fmt: skip
"""Nouns for a kind of body that writers use for the body they have just named."""
_BODIES = {"organisation", "group"}
_SUBJECTS = {"nsubj", "nsubjpass"}


def class_antecedent(
    paragraph: ParagraphDoc,
    subject: Token,
    earlier: list[ParagraphDoc],
    table: EntityTable,
) -> EntityDraft | None:
    """The one body that was the subject of a sentence before ``subject`` (a noun with "the",
    which the caller has checked), in its paragraph or the one before, for "the company said";
    else None."""
    if subject.lower_ not in CLASS_NOUNS:
        return None
    found: dict[str, EntityDraft] = {}
    for where in [*earlier[-1:], paragraph]:
        for token in where.doc:
            if where is paragraph and token.i >= subject.i:
                break
            entity = _subject_entity(where, token, table)
            if entity is not None and entity.type == "person":
                found.clear()  # a person has become what the text is about
            elif entity is not None and entity.type in _BODIES:
                found[entity.name] = entity
    return next(iter(found.values())) if len(found) == 1 else None


def _subject_entity(
    paragraph: ParagraphDoc, token: Token, table: EntityTable
) -> EntityDraft | None:
    """The entity a token names when it heads a sentence's subject (or a name inside it)."""
    head = token
    while head.dep_ in {"compound", "flat"} and head.head.i != head.i:
        head = head.head
    if head.i != token.i and head.pos_ != "PROPN":
        return None  # "the Barrick spokesman": a person's subject
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "X and Y reported losses": both are subjects
    if head.dep_ not in _SUBJECTS:
        return None
    return table.entity_at(paragraph.number, token.i)


def one_of(paragraph: ParagraphDoc, subject: Token, table: EntityTable) -> EntityDraft | None:
    """ "Delegates said …. “…,” one of them said": one of an unnamed source, the one of that
    kind named in this paragraph or the one before (for "them", the last in this paragraph)."""
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if subject.lower_ != "one" or group is None:
        return None
    here = (paragraph.number, subject.i)
    for at in sorted((at for at in table.by_token if at < here), reverse=True):
        draft = table.drafts[table.by_token[at]]
        if at[0] < paragraph.number - 1:
            break
        them = group.lower_ == "them" and at[0] == paragraph.number  # said just before
        if draft.anonymous and (them or draft.name.split()[-1] == lemma(group)):
            return draft
    return None
