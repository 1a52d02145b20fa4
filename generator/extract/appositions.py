"""Titles read from the words after a name: an apposition ("X, a nurse at the hospital,"), a
copula ("X is the chief negotiator", "X, who is the governor of Y", "X was elected president")
and a relative clause naming what the holder does ("X, who heads the court,")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.gazetteer import Gazetteer
from generator.extract.nlp import lemma
from generator.extract.roles import Role, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

DETERMINERS = {"the", "a", "an", "another", "his", "her", "its", "their", "our"}
_PREPOSITIONS = {"of", "for", "at", "to", "with", "from"}
"""Prepositions that may go on inside a title: "ambassador to the UN", "an analyst with X"."""
_CLOSERS = {",", ".", ";", ":", "said", "says", "told", "and", "who", "whose", "which", "in"}
_CLOSERS |= {"\u2014", "\u2013", "\u201d", "since", "until", "on", "when", "after", "before"}
"""Words that may close an apposition; "in" ends it before a place ("a taxi driver in Leeds")."""
_MAX_WORDS = 14
_COPULAS = {"is", "are", "remains"}
_NAMED = {"named", "appointed", "elected", "nominated", "chosen", "installed", "re-elected"}
_HOLDS = {
    "head": "head",
    "lead": "leader",
    "chair": "chair",
    "direct": "director",
    "command": "commander",
    "run": "head",
    "govern": "governor",
    "represent": "representative",
}
"""Verbs of holding an office, and the office: "X, who heads the court," → head of the court."""


def title_after(name: Span, gazetteer: Gazetteer) -> Span | None:
    """An appositive title: "X, the Qatari foreign ministry spokesman,", "X, 54, a nurse at
    the hospital,", "X, chairman and chief executive of Bank Z,"."""
    doc, index = name.doc, after_age(name)
    if index >= len(doc) or doc[index].text not in {",", "\u2014", "\u2013"}:
        return None
    return title_phrase(doc[index + 1 :], gazetteer, closed=True)


def after_age(name: Span) -> int:
    """Where the words after a name go on, past an age in commas ("X, 54, a nurse")."""
    doc, index = name.doc, name.end
    if index + 2 < len(doc) and doc[index].text == "," and doc[index + 1].like_num:
        return index + 2 if doc[index + 2].text == "," else index
    return index


_NEEDS_BODY = {"member", "owner", "founder", "co-founder", "manager", "trustee"}
"""Heads that make a title only with the body they belong to ("a member of Parliament")."""


def title_phrase(words: Span, gazetteer: Gazetteer, *, closed: bool) -> Span | None:
    """The title at the start of ``words`` (after any determiner), if its head noun is a title
    head; with ``closed``, only if the phrase ends where an apposition may end."""
    doc = words.doc
    index = words.start
    if index < len(doc) and doc[index].lower_ in DETERMINERS:
        index += 1
    if doc[index : index + 5].text.replace(" ", "").endswith("-year-old"):
        index += 5  # "a 44-year-old taxi driver": the age is no part of the title
    start = index
    while index < len(doc) and index - start < _MAX_WORDS and _inside(doc[index], gazetteer):
        if doc[index].lower_ in _PREPOSITIONS:
            index = _complement(doc[index + 1 :], gazetteer)
            continue
        if doc[index].lower_ == "and" and _next_opens_phrase(doc[index]):
            break  # "the former mayor of London and the best-known Conservative"
        index += 1
    while index > start and doc[index - 1].lower_ in _PREPOSITIONS | DETERMINERS | {"and"}:
        index -= 1
    span = doc[start:index]
    if not span or not _headed(span, gazetteer):
        return None
    if any(t.lower_ in _NEEDS_BODY for t in span) and not any(t.text[0].isupper() for t in span):
        return None  # "a member of the public", "a shop owner": a description, not an office
    after = index
    if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
        after += 3  # "the candidate of the ruling party (PRI),"
    if closed and after < len(doc) and doc[after].lower_ not in _CLOSERS:
        return None
    return span


def _complement(words: Span, gazetteer: Gazetteer) -> int:
    """Where the object of a preposition inside a title ends: it may name a person or a body
    the model took for one ("attorney of Derek Chauvin", "delegation of Republika Srpska"), and
    go on with a participle and "by" ("candidate of a coalition led by the X Party")."""
    doc, index = words.doc, words.start
    while index < len(doc) and (
        _inside(doc[index], gazetteer) or doc[index].ent_type_ == "PERSON" or _led_by(doc[index])
    ):
        if doc[index].lower_ == "and" and _next_opens_phrase(doc[index]):
            break
        index += 1
    return index


def _led_by(token: Token) -> bool:
    """ "led" and "by" of "a coalition led by …"."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    before = token.nbor(-1) if token.i > 0 else None
    if token.lower_ == "by":
        return before is not None and before.tag_ == "VBN"
    return token.tag_ == "VBN" and after is not None and after.lower_ == "by"


def _inside(token: Token, gazetteer: Gazetteer) -> bool:
    """Whether a word may stand inside a title: title words, lower-case nouns and adjectives
    ("opposition", "economist"), prepositions and determiners after a preposition."""
    if token.ent_type_ == "PERSON" and token.lower_ not in gazetteer.title_heads:
        return False
    if token.lower_ in _PREPOSITIONS or token.text in {"'s", "\u2019s", "-"}:
        return True
    if token.text in {"'", "\u2019"} and token.dep_ == "case":
        return True  # "head of the nurses' union"
    if token.lower_ in DETERMINERS:
        before = token.nbor(-1) if token.i > 0 else None
        return before is not None and before.lower_ in _PREPOSITIONS | {"by"}
    if token.lower_ in _CLOSERS - {"and"}:
        return False
    if is_title_word(token, gazetteer):
        return True
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and before.text == "-" and token.is_alpha:
        return True  # "self-proclaimed", "co-founder"
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.tag_ == "RB" and token.lower_.endswith("ly") and after is not None:
        return after.tag_ in {"VBN", "JJ"}  # "the newly elected mayor"
    if (
        token.tag_ in {"VBG", "VBN"}
        and before is not None
        and (before.lower_ in DETERMINERS or before.lower_.endswith("ly"))
    ):
        return token.i + 1 < len(token.doc) and token.nbor(1).pos_ in {"NOUN", "PROPN", "ADJ"}
    capitalised = token.text[:1].isupper() and token.pos_ == "ADJ"  # "Shi’ite"
    return (token.is_lower or capitalised) and token.pos_ in {"NOUN", "ADJ", "PROPN"}


def _next_opens_phrase(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and token.nbor(1).lower_ in DETERMINERS


def _headed(span: Span, gazetteer: Gazetteer) -> bool:
    """Whether the noun phrase before the first preposition has a title head: "spokeswoman"
    in "spokeswoman for the ministry", not "member" of "friend of a member"."""
    first = next((t.i for t in span if t.lower_ in _PREPOSITIONS), span.end)
    core = span.doc[span.start : first]
    plurals = gazetteer.plural_titles
    return any(t.lower_ in gazetteer.title_heads or t.lower_ in plurals for t in core) and (
        core[-1].lower_ in gazetteer.title_heads or _ends_in_head(core, gazetteer)
    )


def _ends_in_head(core: Span, gazetteer: Gazetteer) -> bool:
    """ "chairman and chief executive", "vice-president", "President-elect": the last word is a
    head, or the head of a hyphenated compound."""
    last = core[-1]
    if last.lower_ in gazetteer.plural_titles:
        return True
    return len(core) >= 3 and core[-2].text == "-" and core[-3].lower_ in gazetteer.title_heads


def title_by_copula(name: Span, gazetteer: Gazetteer) -> Span | None:
    """ "X is the chief negotiator", "X, who is the governor of Y,", "X was named prime
    minister", "X became president", "X, who serves as envoy,", "X, elected mayor in 2019,":
    the title the sentence gives its subject."""
    doc, index = name.doc, after_age(name)
    if index + 2 < len(doc) and doc[index].text == "," and doc[index + 1].lower_ in _NAMED:
        return _after_verb(doc[index + 2 :], gazetteer, named=True)  # "X, elected mayor in 2019,"
    if index + 1 < len(doc) and doc[index].text == "," and doc[index + 1].lower_ == "who":
        index += 2
    serving = index + 1 < len(doc) and doc[index + 1].lower_ == "as"
    if serving and doc[index].lower_ in {"serves", "serve", "acts", "works"}:
        return _after_verb(doc[index + 1 :], gazetteer, named=True)  # "X, who serves as …"
    if index < len(doc) and doc[index].lower_ in {"has", "have", "had"}:
        index += 1
        if index < len(doc) and doc[index].lower_ == "been":
            return _after_verb(doc[index + 1 :], gazetteer)
        return None
    if index < len(doc) and doc[index].lower_ in _COPULAS:
        return _after_verb(doc[index + 1 :], gazetteer)
    if index < len(doc) and doc[index].lower_ in {"became", "becomes"}:
        return _after_verb(doc[index + 1 :], gazetteer, named=True)
    named = index + 1 < len(doc) and doc[index + 1].lower_ in _NAMED
    if named and doc[index].lower_ in {"was", "is", "were", "has"}:
        return _after_verb(doc[index + 2 :], gazetteer, named=True)
    return None


def _after_verb(words: Span, gazetteer: Gazetteer, *, named: bool = False) -> Span | None:
    doc, index = words.doc, words.start
    if index < len(doc) and doc[index].lower_ == "as":
        index += 1
    if index < len(doc) and doc[index].lower_ in {"the", "a", "an"}:
        index += 1
    elif not named:
        return None  # "X is president" reads as a title only with an article, or after "named"
    if index < len(doc) and doc[index].lower_ in {"new", "first", "next"}:
        return None  # "the first woman to …", "the new face of …"
    return title_phrase(doc[index:], gazetteer, closed=False)


def role_by_verb(name: Span) -> Role | None:
    """ "X, who heads the Revolutionary Court," → head of the Revolutionary Court; "who headed"
    → former head. The object is the noun phrase right after the verb."""
    doc, index = name.doc, after_age(name)
    if index + 2 >= len(doc) or doc[index].text != "," or doc[index + 1].lower_ != "who":
        return None
    verb = doc[index + 2]
    office = _HOLDS.get(lemma(verb))
    if office is None or verb.tag_ not in {"VBZ", "VBD"}:
        return None
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    if not objects:
        return None
    thing = doc[verb.i + 1 : objects[0].right_edge.i + 1]
    if not thing or thing[0].lower_ not in {"the", "a", "an"}:
        return None
    return Role(f"{office} of {thing.text}", None, verb.tag_ == "VBD", None, office)
