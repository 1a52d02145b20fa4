"""Words before a name that belong to its title though they are no title words themselves:
"union" in "union leader X", "financial" in "chief financial officer X", "Biloxi" in "Biloxi
Mayor X"; and where a title in apposition before a name begins and ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.gazetteer import Gazetteer
from generator.extract.nlp import lemma

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PASSING = {"incumbent", "current", "sitting", "serving"}
"""Words before a title that only say it is held now ("the incumbent President"); "outgoing",
"new" and "last" say more and stay, as the article's wording."""
ABBREVIATED = {
    "Gov.": "Governor", "Sen.": "Senator", "Rep.": "Representative", "Lt.": "Lieutenant",
    "Atty.": "Attorney", "Amb.": "Ambassador", "Supt.": "Superintendent", "Cmdr.": "Commander",
}  # fmt: skip
"""Titles written short before a name ("Gov. Bobby Jindal"), as the office is written out."""


def lone_name_qualifies(token: Token, name: Span) -> bool:
    """A one-word name the model took for a person, right before the title of the next name:
    "Biloxi Mayor X", "Obama adviser X"."""
    doc = token.doc
    return (
        token.ent_type_ == "PERSON"
        and token.ent_iob_ == "B"
        and token.i + 1 < name.start
        and doc[token.i + 1].ent_iob_ != "I"
        and token.is_title
    )


_RANK_OPENERS = {"chief", "deputy", "vice", "assistant", "senior", "executive"}


def ranked_office_word(token: Token, name: Span, gazetteer: Gazetteer) -> bool:
    """A lower-case word between a rank and the head of a title: "financial" in "chief
    financial officer X", "agreement" in "deputy agreement secretary X"."""
    doc = token.doc
    if not (token.is_lower and token.is_alpha) or token.i < 1:
        return False
    if not any(doc[j].lower_ in _RANK_OPENERS for j in (token.i - 1, token.i - 2) if j >= 0):
        return False
    return any(t.lower_ in gazetteer.title_heads for t in doc[token.i + 1 : name.start])


def modifies_title(token: Token, name: Span, gazetteer: Gazetteer) -> bool:
    """A lower-case noun inside the title before a name: "union" in "union leader
    X", "rights" in "rights activist X" (the title's head must follow), or an adjective of such a
    noun ("human" in "human rights chief X"; not "popular" in "popular mayor X")."""
    head = token.head
    if token.pos_ == "ADJ" and token.dep_ == "amod" and token.is_lower and head.i > token.i:
        return modifies_title(head, name, gazetteer) and head.lower_ not in gazetteer.title_heads
    if not (token.is_lower and token.is_alpha and token.pos_ == "NOUN"):
        return False
    if token.dep_ not in {"compound", "nmod"}:
        return False
    following = token.doc[token.i + 1 : name.start]
    return any(t.lower_ in gazetteer.title_heads for t in following)


def possessive_mark(token: Token) -> bool:
    """ "'s", or the bare apostrophe of a plural owner ("Ethiopian Airlines’ chief executive")."""
    bare = token.text in {"'", "\u2019"} and (token.tag_ == "POS" or token.dep_ == "case")
    return token.text in {"'s", "\u2019s"} or bare


_GERUNDS = {"running", "acting", "presiding", "managing", "ruling", "founding", "governing"}
"""Words in "-ing" that belong to a title ("running mate", "acting Administrator")."""


def ends_phrase(token: Token) -> bool:
    """A word an appositive title before a name cannot run back past: a comma, a clause word, a
    verb (not the "-ing" of "running mate")."""
    return (
        token.text in {",", ";", ":", "(", ")", "\u201c", "\u201d"}
        or (token.text in {"\u2014", "\u2013"} and bool(token.whitespace_))  # not "A–B talks"
        or token.lower_ in {"and", "because", "that", "while", "when", "if", "although"}
        or (token.pos_ in {"VERB", "AUX"} and token.lower_ not in _GERUNDS)
    )


def opens_phrase(token: Token) -> bool:
    """A word before an appositive title that is not part of it: "when", "by", "to", "the"."""
    return (
        token.lower_ in {"the", "a", "an", "another", "other", "both", "all"}
        or token.like_num  # "three former officers, X, Y and Z,"
        or token.tag_ == "PRP$"  # "his deputy, X,"
        or token.pos_ == "SCONJ"
        or token.tag_ in {"WRB", "TO"}
        or token.ent_type_ in {"DATE", "TIME"}  # "on Thursday his running mate, X,"
        or (token.pos_ == "ADP" and token.lower_ != "of")
    )


def said_before(noun: Token, reporting_verbs: frozenset[str]) -> Token | None:
    """ "“…,” said a woman loading suitcases": the reporting verb just before a noun phrase that
    the parse took into a clause of its own, read from the surface (an article and modifiers
    between), or None."""
    index = noun.i - 1
    while index > 0 and noun.doc[index].dep_ in {"det", "amod", "compound", "nmod"}:
        index -= 1
    verb = noun.doc[index]
    if index == noun.i - 1 or verb.tag_ != "VBD" or lemma(verb) not in reporting_verbs:
        return None
    return verb if index > 0 and noun.doc[index - 1].text in {"\u201d", '"', ","} else None


def country_before(span: Span, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """A country of two to four words opening a title, and how many words it takes."""
    for size in range(min(4, len(span) - 1), 1, -1):
        known = gazetteer.lookup(span[:size].text)
        if known is not None and known.kind == "country":
            return size, known.name
    return None


def hyphen_prefix(token: Token) -> str:
    """The word joined to a token by a hyphen before it, with the hyphen: "vice-" of
    "vice-president", "president-" of "president-elect" (the parse splits such words)."""
    doc, i = token.doc, token.i
    joined = i >= 2 and doc[i - 1].text in {"-", "\u2013"} and not doc[i - 1].whitespace_
    return f"{doc[i - 2].lower_}-" if joined and doc[i - 2].is_alpha else ""


def definite(noun: Token) -> bool:
    """Whether the noun has "the" before it: "the minister", "the company"."""
    return any(child.dep_ == "det" and child.lower_ == "the" for child in noun.children)


def coordinated(subject: Token) -> bool:
    """ "X and Y said", "the minister and the ambassador said": a subject of two, where either
    could have spoken; "its chairman and chief executive" is one person's title."""
    joined = [child for child in subject.children if child.dep_ == "conj"]
    linked = any(c.dep_ == "cc" for t in [subject, *joined] for c in t.children)
    return linked and any(  # no "and": "the chief mediator, X," is one person, misparsed
        child.pos_ in {"PROPN", "PRON"} or any(c.dep_ in {"det", "poss"} for c in child.children)
        for child in joined
    )


def someone_new(subject: Token, reporting_verbs: frozenset[str]) -> bool:
    """ "A dealer at a brokerage said …": a speaker brought in with "a", someone not named yet."""
    article = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in subject.children)
    return subject.pos_ == "NOUN" and article and lemma(subject.head) in reporting_verbs
