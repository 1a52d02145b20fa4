"""Who "the prime minister", "the priest" or "the Assembly President" is: the person the article
has given that title, named in this paragraph or the two before.

Every word of the description must fit the holder's role ("the prime minister" is not the
foreign minister; "the Chinese president" belongs to China), a description that fits two people
named in that stretch stands for nobody, and a former holder answers only to "the former …".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.entitydraft import BODIES, EntityDraft, EntityTable
from generator.extract.gazetteer import Gazetteer
from generator.extract.titlewords import definite, hyphen_prefix

if TYPE_CHECKING:
    from spacy.tokens import Token

_NON_RESTRICTIVE = {"new", "current", "incumbent", "veteran", "embattled", "visiting", "then"}
"""Words that describe a holder without narrowing the office."""
_RANKS = {
    "general": {"general", "gen"}, "admiral": {"admiral", "adm"}, "colonel": {"colonel", "col"},
    "priest": {"rev", "reverend", "father", "fr"}, "pastor": {"rev", "reverend", "pastor"},
    "bishop": {"bishop"}, "archbishop": {"archbishop"}, "cardinal": {"cardinal"},
    "rabbi": {"rabbi"}, "imam": {"imam"}, "judge": {"judge"}, "senator": {"senator", "sen"},
    "governor": {"governor", "gov"}, "captain": {"captain", "capt"}, "sheikh": {"sheikh"},
    "commander": {"commander", "cmdr"}, "major": {"major", "maj"},
}  # fmt: skip
"""Descriptions a rank or style written before a name answers to ("Major General X" is "the
general", "the Rev. X" "the priest"), whatever role the article gives that person."""
_LEADING = (
    "president", "prime minister", "premier", "chairman", "chairwoman", "chancellor", "king",
    "queen", "emir", "sultan", "general secretary", "secretary-general",
)  # fmt: skip
"""Offices whose holder is "the leader" of their country or body."""
_DEPUTIES = {"vice", "deputy", "acting", "assistant"}
_PARAGRAPHS_BACK = 2
_REFUSED = {"poss", "prep", "relcl", "acl", "appos", "conj"}
"""Dependents that make a description something other than a bare title ("the country's
president", "the president of the club")."""


def title_word(token: Token) -> str:
    """The token's word in lower case, with the word joined to it by a hyphen before it: the
    parse splits "president-elect" and makes "elect" the head."""
    return hyphen_prefix(token) + token.lower_


def title_holder(
    paragraph: int, subject: Token, table: EntityTable, gazetteer: Gazetteer
) -> EntityDraft | None:
    """The one person named lately whose role the definite description ``subject`` fits."""
    head = title_word(subject)
    known = head in gazetteer.title_heads or head in _RANKS
    if subject.pos_ not in {"NOUN", "PROPN"} or not known:
        return None
    children = list(subject.children)
    if not definite(subject) or any(c.dep_ in _REFUSED for c in children):
        return None
    words = [w.lower_ for c in children if c.dep_ != "det" for w in c.subtree if _word(w)]
    former = "former" in words
    words = [w for w in words if w not in _NON_RESTRICTIVE and w != "former"]
    here = (paragraph, subject.i)
    named = {
        table.by_token[(number, token)]
        for number, token in table.by_token
        if paragraph - _PARAGRAPHS_BACK <= number and (number, token) < here
    }
    people = [table.drafts[name] for name in sorted(named) if table.drafts[name].type == "person"]
    holders = [
        p
        for p in people
        if _holds(p, head, words, former, gazetteer) or _ranked(p, head, words, former)
    ]
    if not holders and not former:  # "the Chinese leader" for President X, of no country given
        holders = [p for p in people if _leads(p, head, words, gazetteer)]
    if len(holders) > 1:  # "Presidents X and Y" two paragraphs back, "Mr. X" in the one before
        lately = {
            table.by_token[at] for at in table.by_token if paragraph - 1 <= at[0] and at < here
        }
        holders = [p for p in holders if p.name in lately]
    return holders[0] if len(holders) == 1 else None


def _word(token: Token) -> bool:
    return token.is_alpha or (token.text.endswith(".") and token.text[:1].isupper())


def _leads(draft: EntityDraft, head: str, words: list[str], gazetteer: Gazetteer) -> bool:
    """ "the leader" for the one who heads a country or a body (a president, a chairman), and a
    demonym or an abbreviation ("the P.L.O. leader") that fits its affiliation or the body its
    title names; a demonym also fits a bare title whose country the article has not given."""
    role = draft.role
    if head != "leader" or role is None or role.former:
        return False
    office = role.text.split(" of ")[0].lower()
    if not office.endswith(_LEADING) or _DEPUTIES & set(office.split()):
        return False
    capitals = "".join(w[0] for w in role.text.split() if w[:1].isupper())
    for word in words:
        known = gazetteer.lookup(word.capitalize())
        if word.replace(".", "").upper() in capitals:
            continue
        unknown = role.affiliation is None and " of " not in role.text  # a bare "President"
        if known is None or not (unknown or role.affiliation == known.country):
            return False
    return True


def _holds(
    draft: EntityDraft, head: str, words: list[str], former: bool, gazetteer: Gazetteer
) -> bool:
    """Whether the draft's office has the description's head noun ("the general" is no director
    general) and every other word of the description is a word of its role or names its
    affiliation ("Chinese" for China)."""
    role = draft.role
    if role is None or role.former != former or head not in {role.head, role.head.split("-")[-1]}:
        return False
    office = " ".join(filter(None, [role.text, role.affiliation, role.qualifier]))
    fitting = set(office.lower().replace("-", " ").split())
    if (_DEPUTIES & set(role.text.lower().split())) - set(words):
        return False  # "the President" is not the Vice President
    for word in words:
        if all(part in fitting for part in word.split("-")):
            continue
        known = gazetteer.lookup(word.capitalize())
        if known is None or known.country != role.affiliation:
            return False
    return True


def _ranked(draft: EntityDraft, head: str, words: list[str], former: bool) -> bool:
    """ "the general" for "Major General X": a bare description whose noun is a rank or style
    written before the name."""
    return not (words or former) and bool(draft.styles & _RANKS.get(head, set()))


def body_before_a_title(
    paragraph: int, subject: Token, entity: EntityDraft, table: EntityTable, gazetteer: Gazetteer
) -> bool:
    """ "the Assembly President", "the UN spokesman": a body named in front of a title is whom
    the holder serves, not the speaker."""
    return (
        entity.type in BODIES
        and title_word(subject) in gazetteer.title_heads
        and table.entity_at(paragraph, subject.i) is None
    )
