"""Who said a quote, and by which rule: attribution only on syntactic evidence, else nobody.

The rules, tried in this order (each names itself in :attr:`Attribution.rule`):

- ``words-of``: "in the words of X", "borrowing the words of X" (the reporter is the channel);
- ``named`` / ``pronoun`` / ``description`` / ``statement``: the subject of a reporting verb that
  governs the quote, in the sentence where the quote closes or opens ("“…,” Nice said", "said X",
  "X said that …“…”"), is a name (or, ``adjacent``, the name just before a verb the parse left
  without a subject), "he"/"she", a description ("the central bank said") or "the
  statement" (whose author is the subject of the sentence that mentioned it);
- ``lead-in``: a reporting verb before the quote in its sentence ("He said …: “…”");
- ``according-to``: "according to X" (the channel, when a verb already gave the speaker);
- ``clause``: the named subject of the clause the quote belongs to ("X blamed it on “…”");
- ``colon``: the one named subject before a colon that opens the quote ("X put it: “…”");
- ``continuation``: a quote that goes on after its attribution ("“…,” X said. “…”");
- ``it``: "it said" for the body that is the subject before it;
- ``next-paragraph`` (in :mod:`generator.extract.quotes`): a paragraph that is only a quote.

The phrase rules (``according-to``, ``words-of``, ``colon``) are in
:mod:`generator.extract.phrases`.

A subject that is a pronoun or description the rules cannot resolve ends the search: no speaker
beats a wrong one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.antecedents import (
    PRONOUNS,
    SPEAKER_TYPES,
    SUBJECTS,
    Reading,
    adjacent_entity,
    described_entity,
    last_speaker_for,
    named_entity,
    relative_entity,
    resolve_it,
    resolve_pronoun,
    subject_of,
)
from generator.extract.bodynouns import one_of
from generator.extract.continuation import Previous, continuation
from generator.extract.document import ParagraphDoc
from generator.extract.entitydraft import EntityDraft
from generator.extract.nlp import lemma
from generator.extract.phrases import (
    NOBODY,
    Attribution,
    according_to,
    colon,
    governing_verbs,
    inverted,
    inverted_subject,
    quoted_as_saying,
    words_of,
)
from generator.extract.titleholders import body_before_a_title, title_holder
from generator.extract.titlewords import coordinated

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_CHANNELS = {"statement", "communique", "communiqué", "readout", "release", "post", "letter"}
_SCARE_MARK = re.compile(
    r"\b(?:so-called|(?:the|a|an|its|their|his|her)\s+(?:theme|slogan|motto|title|banner|"
    r"headline|hashtag|catchphrase|chant|campaign|operation|programme|program|initiative)|"
    r"(?:campaign|operation|programme|program|initiative|plan|book|film|song|group|party|"
    r"movement|event)\s+(?:called|named|dubbed|titled|entitled|known\s+as|branded)|"
    r"(?:chants|cries|shouts|slogans|placards|banners)\s+of)\s*$",
    re.IGNORECASE,
)
"""Words before a quote that make it a term or a name, not someone's words ("the so-called
“…”", "under the theme “…”", "a campaign called “…”", "chants of “…”")."""
_TAIL_WORDS = 6
"""The most words after a quote's closing mark to look for "X said"."""
_FINITE = {"VBD", "VBZ", "VBP"}
_GOES_ON = {"continue"}
"""Verbs that report speech only right after a quote ("“…,” she continued")."""
_CONTENT = {
    "word", "remark", "comment", "speech", "tone", "language", "claim", "allegation", "action",
    "move", "decision", "conduct", "behaviour", "behavior", "silence", "absence",
}  # fmt: skip
"""Nouns for what someone said or did: as the subject of "suggest" or "show", their owner is
not the speaker of the quote the verb governs."""
_CLAUSE_WORDS = {"while", "whereas", "as", "when", "after", "before", "because"}


def attribute(
    paragraph: ParagraphDoc, start: int, end: int, reading: Reading, previous: Previous | None
) -> Attribution:
    """Who said the words between characters ``start`` and ``end`` of the paragraph."""
    opening = paragraph.doc.char_span(start, start + 1, alignment_mode="expand")
    if opening is None:
        return NOBODY
    sentence = opening.sent
    if _SCARE_MARK.search(paragraph.doc.text[: max(start - 1, 0)]):
        return NOBODY  # "the so-called “peace plan”", "the theme “…”": a term, no one's words
    reported = _reported(paragraph, start, end, reading)
    borrowed = words_of(paragraph, sentence, start, reading)
    if borrowed is not None:
        via = reported.speaker if reported is not None else None
        return Attribution(
            borrowed.speaker, via if via is not borrowed.speaker else None, "words-of"
        )
    according = according_to(paragraph, sentence, start, reading)
    if reported is not None and reported.via is None and according is not None:
        channel = according.speaker if according.speaker is not reported.speaker else None
        return Attribution(reported.speaker, channel, reported.rule)
    if reported is not None:
        return reported
    for rule in (_lead_in, according_to, colon):
        found = rule(paragraph, sentence, start, reading)
        if found is not None:
            return found
    if (found := _clause_subject(paragraph, start, end, reading)) is not None:
        return found
    found = continuation(paragraph, start, previous, reading) if previous else NOBODY
    after = previous.end if previous else 0
    return found if found.speaker else _after_reported_speech(paragraph, sentence, after, reading)


def _after_reported_speech(
    paragraph: ParagraphDoc, sentence: Span, after: int, reading: Reading
) -> Attribution:
    """ "X said the talks had failed. “We are disappointed.”": a sentence that is only a quote,
    after a sentence of the same paragraph that reports X's words (and holds no quote, which
    the quote before has ended before ``after``), goes on with X."""
    if any(t.is_alpha and not reading.is_quoted(paragraph, t) for t in sentence):
        return NOBODY
    before = [s for s in paragraph.doc.sents if s.end <= sentence.start][-1:]
    if not before or before[0].start_char < after:
        return NOBODY
    found = speaker_of_sentence(paragraph, before[0], reading)
    return Attribution(found.speaker, found.via, "reported-before") if found else NOBODY


def speaker_of_sentence(
    paragraph: ParagraphDoc, sentence: Span, reading: Reading
) -> Attribution | None:
    """The named speaker of a sentence whose main verb reports speech ("X said the city …")."""
    root = sentence.root
    if lemma(root) not in reading.gazetteer.reporting_verbs or reading.is_quoted(paragraph, root):
        return None
    subject = subject_of(root)
    found = _subject_attribution(paragraph, root, subject, reading) if subject else None
    return found if found is not None and found.speaker is not None else None


def _reported(
    paragraph: ParagraphDoc, start: int, end: int, reading: Reading
) -> Attribution | None:
    """The subject of a reporting verb right after the quote, or of one that governs it."""
    if (found := _tail(paragraph, end, reading)) is not None:
        return found
    for fragment in _fragments(paragraph, start, end):
        found = _by_reporting_verb(paragraph, fragment, reading)
        if found is not None:
            return found
    return None


def _fragments(paragraph: ParagraphDoc, start: int, end: int) -> list[Span]:
    """The quote's part in the sentence where it closes, then in the one where it opens."""
    doc = paragraph.doc
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return []
    closing_sentence = doc[max(first.end - 1, first.start)].sent
    opening_sentence = first[0].sent
    parts = []
    closing = doc[max(first.start, closing_sentence.start) : first.end]
    parts.append(closing)
    if opening_sentence.start != closing_sentence.start:
        parts.append(doc[first.start : min(first.end, opening_sentence.end)])
    return [part for part in parts if len(part)]


def _by_reporting_verb(paragraph: ParagraphDoc, span: Span, reading: Reading) -> Attribution | None:
    verbs = [v for v in governing_verbs(span) if lemma(v) in reading.gazetteer.reporting_verbs]
    found: list[Attribution] = []
    for verb in verbs:
        subject = subject_of(verb)
        if subject is None:
            adjacent = adjacent_entity(paragraph, verb, reading.table)
            if adjacent is not None:
                found.append(Attribution(adjacent, rule="adjacent"))
            continue
        if subject.left_edge.i <= span.start <= subject.right_edge.i:
            continue  # "the “peace plan” was rejected by X": the quote is what X acted on
        attribution = _subject_attribution(paragraph, verb, subject, reading)
        if attribution is None and subject.head.i != verb.i:
            continue  # a subject borrowed from the verb above, which may not be the speaker
        if attribution is None:
            return NOBODY if not found else found[0]
        found.append(attribution)
    if not found:
        return None
    inner = _reporter_between(paragraph, span, verbs, reading)
    speaker = inner or found[0].speaker
    outer = next((a.speaker for a in found if a.speaker is not speaker), None)
    via = outer or (_statement_author(paragraph, span.sent, reading) if _channel(span) else None)
    rule = "named" if inner else found[0].rule
    return Attribution(speaker, via if via is not speaker else None, rule)


def _subject_attribution(
    paragraph: ParagraphDoc, verb: Token, subject: Token, reading: Reading
) -> Attribution | None:
    """What the subject of a reporting verb stands for; ``None`` if it is a word no rule reads
    or names several speakers ("X and Y said in a joint statement")."""
    if coordinated(subject):
        return None
    speaker = _speaking(subject)
    if speaker is None:
        return None
    subject = speaker
    if subject.lower_ in PRONOUNS:
        pronoun = resolve_pronoun(paragraph, subject, reading)
        if pronoun is not None:
            reading.pronouns[pronoun.name] = subject.lower_
            return Attribution(pronoun, rule="pronoun")
        last = last_speaker_for(paragraph, subject, reading)
        return Attribution(last, rule="last-speaker") if last is not None else None
    if subject.lower_ in {"it", "they"}:
        body = resolve_it(paragraph, subject, reading)
        return Attribution(body, rule="it") if body else None
    if subject.pos_ == "NOUN" and lemma(subject) in _CONTENT:
        return None  # "X said Chiwenga's words suggested “…”": Chiwenga did not say it
    entity = relative_entity(paragraph, verb, subject, reading.table)
    entity = entity or named_entity(paragraph, subject, reading.table)
    if entity is not None and not body_before_a_title(
        paragraph.number, subject, entity, reading.table, reading.gazetteer
    ):
        return Attribution(entity, rule="named")
    holder = title_holder(paragraph.number, subject, reading.table, reading.gazetteer)
    if holder is not None:
        return Attribution(holder, rule="title")
    if entity is not None:
        return None  # "the Assembly President said": not the Assembly, and no one named fits
    if lemma(subject) in _CHANNELS:
        author = _channel_owner(paragraph, subject, reading)
        author = author or _statement_author(paragraph, subject.sent, reading)
        return Attribution(author, rule="statement") if author else None
    described = described_entity(paragraph, subject, reading)
    described = described or one_of(paragraph, subject, reading.table)
    return Attribution(described, rule="description") if described else None


def _channel_owner(paragraph: ParagraphDoc, channel: Token, reading: Reading) -> EntityDraft | None:
    """ "A statement from the council", "the council's statement": whose statement it is."""
    for child in channel.children:
        if child.dep_ == "poss":
            return named_entity(paragraph, child, reading.table)
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            return named_entity(paragraph, target, reading.table) if target is not None else None
    return None


def _speaking(subject: Token) -> Token | None:
    """The words for who speaks, given the subject: the agent of a passive ("was told by X"),
    the one quoted ("quoted X as saying", "X was quoted as saying"), never the one spoken to
    ("X was told")."""
    verb = subject.head
    if subject.dep_ == "nsubjpass":
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        agent = next((g for g in agents if g.dep_ == "pobj"), None)
        return agent if agent is not None else subject if lemma(verb) == "quote" else None
    if lemma(verb) == "quote":
        return next((c for c in verb.children if c.dep_ == "dobj"), None)
    return subject


def _statement_author(
    paragraph: ParagraphDoc, sentence: Span, reading: Reading
) -> EntityDraft | None:
    """The subject of the latest sentence before this one, in this paragraph or the one before,
    that mentions a statement ("In a statement, Ban welcomed …")."""
    earlier = [(paragraph, s) for s in paragraph.doc.sents if s.end <= sentence.start]
    if reading.paragraphs:
        earlier = [(reading.paragraphs[-1], s) for s in reading.paragraphs[-1].doc.sents] + earlier
    for where, before in reversed(earlier):
        if not any(lemma(token) in _CHANNELS for token in before):
            continue
        subject = subject_of(before.root)
        if subject is None or coordinated(subject) or _apposed_pair(subject):
            return None  # "the AEA and ACI Europe, asked … in a joint statement"
        return named_entity(where, subject, reading.table)
    return None


def _apposed_pair(subject: Token) -> bool:
    """ "The associations, the AEA and ACI Europe,": a subject whose apposition names two."""
    return any(c.dep_ == "appos" and coordinated(c) for c in subject.children)


def _reporter_between(
    paragraph: ParagraphDoc, span: Span, verbs: list[Token], reading: Reading
) -> EntityDraft | None:
    """A reporting verb between the governing verb and the quote, whose subject is an entity:
    "Miller said that Blinken expressed “…”" is Blinken's, though the parse hangs it on "said"."""
    outside = [verb for verb in verbs if verb.i < span.start]
    if not outside:
        return None
    for token in reversed(span.doc[outside[0].i + 1 : span.start]):
        if token.pos_ == "VERB" and lemma(token) in reading.gazetteer.reporting_verbs:
            subject = subject_of(token)
            if subject is not None and subject.lower_ not in PRONOUNS:
                return named_entity(paragraph, subject, reading.table)
    return None


def _tail(paragraph: ParagraphDoc, end: int, reading: Reading) -> Attribution | None:
    """ "“…,” Anaya told supporters", "“…,” said a woman": a reporting verb just after the
    closing mark, with its subject before or after it."""
    after = [t for t in paragraph.doc if t.idx > end and not t.is_punct][:_TAIL_WORDS]
    if not after or (
        after[0].sent.start > paragraph.doc[max(after[0].i - 1, 0)].sent.start
        and not _exclaimed_then_tagged(paragraph, end, after[0])
    ):
        return None
    for verb in after:
        if verb.pos_ in {"CCONJ", "SCONJ"} or verb.lower_ in _CLAUSE_WORDS:
            return None
        if verb.sent.start != after[0].sent.start:
            return None  # "… “complete faith” in it. A spokeswoman said …": another sentence
        reporting = lemma(verb) in reading.gazetteer.reporting_verbs or lemma(verb) in _GOES_ON
        if verb.tag_ in _FINITE and reporting:
            subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
            subject = subject or next((c for c in verb.children if inverted(verb, c)), None)
            subject = subject or inverted_subject(verb, reading)
            if subject is None or reading.is_quoted(paragraph, subject):
                return None
            return _subject_attribution(paragraph, verb, subject, reading) or NOBODY
        if verb.dep_ == "auxpass" and lemma(verb.head) == "quote":
            return quoted_as_saying(paragraph, verb.head, reading)
        if verb.pos_ in {"VERB", "AUX"} or reading.is_quoted(paragraph, verb):
            return None
    return None


def _exclaimed_then_tagged(paragraph: ParagraphDoc, end: int, first: Token) -> bool:
    """ "“We have succeeded!” Stafford called out.": after a quote that ends in "!" or "?", the
    model starts a new sentence, but a short one right after it is the quote's tag."""
    text = paragraph.doc.text
    ends_sentence = text[max(end - 1, 0) : end + 1].rstrip('\u201d"')[-1:] in {"!", "?"}
    return ends_sentence and len(first.sent) <= _TAIL_WORDS + 2


def _channel(span: Span) -> bool:
    """ "The statement added that …": the words come through the statement just reported."""
    return any(t.dep_ in SUBJECTS and lemma(t) in _CHANNELS for t in span.sent)


def _lead_in(
    paragraph: ParagraphDoc, sentence: Span, start: int, reading: Reading
) -> Attribution | None:
    """ "He said he would not call it justice: “…”": the last reporting verb before the quote."""
    before = [t for t in sentence if t.idx < start and not reading.is_quoted(paragraph, t)]
    if not before or before[-1].text not in {":", ",", "\u201c", '"'}:
        return None
    for verb in reversed(before):
        if verb.pos_ == "VERB" and lemma(verb) in reading.gazetteer.reporting_verbs:
            subject = subject_of(verb)
            if subject is None:
                return None
            found = _subject_attribution(paragraph, verb, subject, reading)
            return Attribution(found.speaker, rule="lead-in") if found else NOBODY
    return None


def _clause_subject(
    paragraph: ParagraphDoc, start: int, end: int, reading: Reading
) -> Attribution | None:
    """ "Reid blamed the turmoil on “…”", "Saddam shouted “…”": the named subject of the verb the
    quote hangs from."""
    span = paragraph.doc.char_span(start, end, alignment_mode="expand")
    verbs = governing_verbs(span) if span is not None else []
    if not verbs:
        return None
    subject = next((c for c in verbs[0].children if c.dep_ in SUBJECTS), None)
    if subject is None or reading.is_quoted(paragraph, subject):
        return None
    if any(c.dep_ in SUBJECTS for verb in verbs[1:] for c in verb.children):
        return None  # "the judges recommended that X serve 20 years “…”": X did not say it
    if coordinated(subject):
        return None  # "X and Y called it “…”": either could have
    entity = named_entity(paragraph, subject, reading.table)
    if entity is None or entity.type not in SPEAKER_TYPES:
        return None
    return Attribution(entity, rule="clause")
