"""Attribution by a phrase rather than a reporting verb: "according to X", "in the words of X",
and a quote after a colon ("X put it bluntly: “…”")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.antecedents import SPEAKER_TYPES, SUBJECTS, Reading, named_entity
from generator.extract.document import ParagraphDoc
from generator.extract.entitydraft import EntityDraft
from generator.extract.titlewords import said_before

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True)
class Attribution:
    """A quote's speaker, the channel that relayed the words, and the rule that found them."""

    speaker: EntityDraft | None
    via: EntityDraft | None = None
    rule: str = "none"


NOBODY = Attribution(None)


def colon(
    paragraph: ParagraphDoc, sentence: Span, start: int, reading: Reading
) -> Attribution | None:
    """ "Berg put it bluntly: “…”": a quote after a colon is the words of the one named subject
    of the words before the colon."""
    before = [t for t in sentence if t.idx < start and not reading.is_quoted(paragraph, t)]
    marks = [t.text for t in before[-2:]]
    if marks not in ([":", "\u201c"], [":", '"']):
        return None
    subjects = {
        entity.name: entity
        for t in before
        if t.dep_ in SUBJECTS and (entity := named_entity(paragraph, t, reading.table)) is not None
    }
    inside = {w.i for t in before if t.dep_ in SUBJECTS for w in t.subtree}
    named = {
        entity.name
        for t in before
        if (entity := reading.table.entity_at(paragraph.number, t.i)) is not None
        and entity.type in SPEAKER_TYPES
        and (t.i not in inside or entity.name in subjects)
    }
    if len(subjects) != 1 or named != set(subjects):
        return None  # "Berg met Dunn:" could be either's words; "X, head of Y," is X's
    return Attribution(next(iter(subjects.values())), rule="colon")


def according_to(
    paragraph: ParagraphDoc, sentence: Span, start: int, reading: Reading
) -> Attribution | None:
    for token in sentence:
        if token.lower_ != "according" or reading.is_quoted(paragraph, token):
            continue
        objects = [
            o for to in token.children if to.lower_ == "to" for o in to.children if o.dep_ == "pobj"
        ]
        if not objects and token.i + 2 < len(sentence.doc):
            objects = [sentence.doc[token.i + 2]]
        for target in objects:
            entity = named_entity(paragraph, target, reading.table)
            if entity is not None:
                return Attribution(entity, rule="according-to")
    return None


def words_of(
    paragraph: ParagraphDoc, sentence: Span, start: int, reading: Reading
) -> Attribution | None:
    """ "borrowing the words of prosecutor Jerry Blackwell": the words are his."""
    for token in sentence:
        if token.lower_ != "words" or reading.is_quoted(paragraph, token):
            continue
        for preposition in (c for c in token.children if c.lower_ == "of"):
            for target in (c for c in preposition.children if c.dep_ == "pobj"):
                entity = named_entity(paragraph, target, reading.table)
                if entity is not None and entity.type == "person":
                    return Attribution(entity, rule="words-of")
    return None


_INVERTED = {"dobj", "attr", "nsubj", "npadvmod", "oprd"}


def inverted_subject(verb: Token, reading: Reading) -> Token | None:
    """ "said a woman loading suitcases": the noun after the verb that the parse hung elsewhere."""
    nouns = (t for t in verb.doc[verb.i + 1 : verb.i + 5] if t.pos_ in {"NOUN", "PROPN"})
    noun = next(nouns, None)
    found = said_before(noun, reading.gazetteer.reporting_verbs) if noun is not None else None
    return noun if found is not None and found.i == verb.i else None


def inverted(verb: Token, child: Token) -> bool:
    """ "said a woman": the noun after the verb is its subject."""
    return child.i > verb.i and child.pos_ in {"NOUN", "PROPN"} and child.dep_ in _INVERTED


def quoted_as_saying(paragraph: ParagraphDoc, verb: Token, reading: Reading) -> Attribution:
    """ "“…,” Moon was quoted as saying by his spokesman, Y": the subject of the passive is the
    speaker, and whoever quoted him ("by …") relays the words."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    speaker = named_entity(paragraph, subject, reading.table) if subject is not None else None
    if speaker is None or speaker.type not in SPEAKER_TYPES:
        return NOBODY
    by = next((t for t in verb.subtree if t.lower_ == "by" and t.dep_ in {"prep", "agent"}), None)
    target = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    via = named_entity(paragraph, target, reading.table) if target is not None else None
    return Attribution(speaker, via if via is not speaker else None, "quoted-as-saying")


def governing_verbs(span: Span) -> list[Token]:
    """Verbs from the quote up to the sentence root, innermost first; the quote's own main verb
    counts when its subject stands outside the quote ("Assad had “confirmed …”")."""
    root = span.root
    outside_subject = any(c.dep_ in SUBJECTS and not _inside(c, span) for c in root.children)
    inside = _inside(root, span)
    verbs = [root] if root.pos_ in {"VERB", "AUX"} and (outside_subject or not inside) else []
    token = root
    while token.head.i != token.i:
        if _own_clause(token, span):
            break  # a clause of its own ("…, while Hale called it '…'"), not reported speech
        token = token.head
        if token.pos_ in {"VERB", "AUX"} and not _inside(token, span):
            verbs.append(token)
    return verbs


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def _own_clause(token: Token, span: Span) -> bool:
    """A clause with a subject of its own, outside the quote (the quote's own clause may be one:
    "“…, we don’t see …,” X said")."""
    own = token.dep_ in {"advcl", "conj"} and not _inside(token, span)
    return own and any(c.dep_ in SUBJECTS for c in token.children)
