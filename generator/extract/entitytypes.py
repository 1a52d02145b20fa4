"""What kind of thing an unknown name is, from its own words and its context: a name span in,
``organisation``, ``place`` or None (no evidence) out.

A name ending in an organisation noun ("… Party", "… Agency", "… Bank", "Trial Chamber III") is
an organisation, and so is a name that qualifies a title ("the Sinn Féin chairman") or a
platform something is written on ("wrote on Twitter"); a name ending in a place noun ("Castle
Buildings", "… Canal") is a place, and so is a name used as one ("in Shire", "the provinces of
Diyala and Salahuddin", "through Bab al-Hawa, a crossing"). The model's own label comes after
these: it calls many unknown buildings and parties people.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.entitydraft import EntityTable
from generator.extract.gazetteer import Gazetteer
from generator.extract.namefixes import MILITARY_UNITS, ORGANISATION_HEADS
from generator.extract.nlp import lemma

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ORGANISATION_WORDS = (
    ORGANISATION_HEADS
    | MILITARY_UNITS
    | {
        "Bank",
        "Party",
        "Chamber",
        "Tribunal",
        "Group",
        "Exchange",
        "Brothers",
        "Holdings",
        "AG",
        "Inc",
        "Inc.",
        "Corp",
        "Corp.",
        "Ltd",
        "Reserve",
        "Board",
        "Union",
        "Army",
        "Unionists",
        "Limited",
        "Corporation",
        "Company",
        "Co",
        "Co.",
        "plc",
        "PLC",
        "LLC",
        "GmbH",
        "SA",
        "NV",
        "Mining",
        "Gold",
        "Resources",
        "Motors",
        "Airlines",
        "Airways",
        "Petroleum",
        "Steel",
        "Telecom",
        "Industries",
        "Securities",
        "Insurance",
        "Investments",
        "Pharmaceuticals",
    }
)
"""Last words that make a name an organisation (a numeral may follow: "Chamber III")."""
PLACE_WORDS = {
    "Castle",
    "Buildings",
    "Building",
    "Street",
    "Canal",
    "Square",
    "Hill",
    "Airport",
    "Base",
    "Bridge",
    "Avenue",
    "Road",
    "Palace",
    "Hall",
    "Park",
    "Stadium",
    "Crossing",
    "River",
    "Lake",
    "Island",
    "Islands",
    "Mountains",
    "Valley",
    "Province",
    "County",
    "Airfield",
    "Harbour",
    "Harbor",
    "Port",
    "Atoll",
    "Bay",
    "Gulf",
    "Peninsula",
    "Desert",
    "Sea",
    "Ocean",
    "Strait",
    "Coast",
    "Reef",
    "Falls",
    "Plateau",
    "Mountain",
    "Dam",
    "Prison",
    "Jail",
    "Hospital",
    "Station",
    "Cathedral",
    "Mosque",
    "Temple",
    "Church",
}
"""Last words that make a name a place: kinds of ground, water and building."""
PLACE_OPENINGS = {
    "Avenida", "Rua", "Calle", "Plaza", "Praça", "Piazza", "Rue", "Jalan", "Wadi", "Mount",
    "Lake", "Cape", "Fort", "Place",
}  # fmt: skip
"""First words that make a name a place (English ones, and languages that put the street or
square first)."""
ORGANISATION_OPENINGS = {
    "Parti", "Partido", "Partito", "Partei", "Bloc", "Bloque", "Frente", "Front", "Movimiento",
    "Mouvement", "Movimento", "Banco", "Banca", "Banque", "Société", "Compagnie", "Congrès",
    "Congreso", "Rassemblement", "Alianza", "Alliance", "Union", "Unión",
}  # fmt: skip
"""First words that make a name a body, in languages that put the party or bank first ("Parti
Québécois", "Banco do Brasil")."""
FACILITY_NOUNS = {
    "prison", "jail", "hospital", "airport", "stadium", "station", "camp", "base", "square",
    "bridge", "dam", "mosque", "church", "cathedral", "temple", "shrine", "palace", "hotel",
    "building", "compound", "barracks", "airbase", "harbour", "harbor", "market", "mine",
    "crossing", "checkpoint", "park", "street", "avenue", "road", "highway", "canal", "river",
    "lake", "island", "valley", "district", "province", "county", "atoll", "reservoir",
}  # fmt: skip
"""Common nouns after a name that make the name a place ("Victor Verster prison", "the Rafah
crossing"), whatever the name's own words suggest."""
KINSHIP = {
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow",
    "widower", "uncle", "aunt", "nephew", "niece", "cousin", "grandson", "granddaughter",
    "grandmother", "grandfather", "stepson", "stepdaughter", "spouse", "fiancé", "fiancée",
    "child", "sibling", "parent",
}  # fmt: skip
"""Nouns for relatives: a name in apposition with one is a person ("his wife, Leah")."""
BODY_TITLES = {
    "adviser", "advisor", "member", "owner", "founder", "co-founder", "representative",
    "counsel", "agent", "observer", "mediator", "negotiator", "candidate", "leader", "head",
    "chief", "counterpart", "counterparts", "delegate", "official", "expert", "specialist",
    "investigator", "administrator", "trustee", "coordinator", "organiser", "organizer",
    "campaigner", "incumbent", "challenger", "nominee", "executive", "manager", "economist",
    "analyst", "strategist", "deputy", "speaker",
}  # fmt: skip
"""Title heads that a company, a party or a body can be too ("Fenwick Capital, an adviser to
the government"; "the party, the leader in the polls"): in apposition they prove no person."""
LOCATIVE = {
    "in", "at", "near", "outside", "around", "across", "into", "toward", "towards", "through",
    "inside", "within",
}  # fmt: skip
PLACE_NOUNS = {
    "city", "town", "village", "region", "province", "port", "district", "capital", "state",
    "county", "area", "island", "border", "crossing", "checkpoint", "camp", "neighbourhood",
    "neighborhood", "suburb",
}  # fmt: skip
_WRITING = {"write", "post", "tweet", "say", "announce", "publish", "share"}


def type_by_words(span: Span) -> str | None:
    """ "Ulster Unionist Party" → organisation, "Castle Buildings" → place, from the last word;
    "Victor Verster prison" → place, from the common noun the name qualifies."""
    words = [t.text for t in span if not t.is_punct]
    if words and words[0] == "the":
        words = words[1:]  # "the Parti Québécois"
    while len(words) > 1 and _is_numeral(words[-1]):
        words = words[:-1]
    last = words[-1] if words else ""
    if len(words) >= 2 and (last in ORGANISATION_WORDS or words[0] in ORGANISATION_OPENINGS):
        return "organisation"  # "the High Court building" is still the court
    if len(words) >= 2 and (last in PLACE_WORDS or words[0] in PLACE_OPENINGS):
        return "place"
    if span.end == len(span.doc):
        return None
    after = span.doc[span.end]
    facility = after.is_lower and after.lower_ in FACILITY_NOUNS
    return "place" if facility and span.root.head.i == after.i else None


_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$|^(?:[A-Z]\.)+[A-Z]\.?$")


def person_by_relative(span: Span) -> bool:
    """ "Alejandro Toledo, who lost to Fujimori", "Junichi Miyashita, 69,": a full name described
    by "who" or by an age in commas is a person's, whatever the model called it (a body takes
    "which", and has no age)."""
    doc, end = span.doc, span.end
    if len(span) < 2 or end + 1 >= len(doc) or doc[end].text != ",":
        return False
    after = doc[end + 1]
    aged = after.text.isdigit() and end + 2 < len(doc) and doc[end + 2].text == ","
    return (after.lower_ == "who" or aged) and span[-1].text not in ORGANISATION_WORDS


def person_by_apposition(span: Span, gazetteer: Gazetteer) -> bool:
    """ "Samantha Power, the United States Ambassador to the United Nations", "his wife, Leah":
    a name in apposition with a noun only a person can be (a relative, or a title no body
    holds) is a person's, whatever the model called it."""
    root = span.root
    nouns = [child for child in root.children if child.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    return any(_only_a_person(noun, gazetteer) for noun in nouns)


def _only_a_person(noun: Token, gazetteer: Gazetteer) -> bool:
    word = noun.lower_
    if word in KINSHIP:
        return True
    return (
        word in gazetteer.title_heads
        and word not in BODY_TITLES
        and noun.ent_type_ not in {"GPE", "ORG", "NORP"}
    )


def initialled(span: Span) -> bool:
    """ "Edward D. Reyes", "P.W. Botha": initials before a last word in title case are a
    person's name (whatever the sentence makes of it), unless that word is a body's or a place's."""
    words = [token.text for token in span]
    return (
        len(words) >= 2
        and any(_INITIALS.match(word) for word in words[:-1])
        and words[-1].istitle()
        and words[-1] not in ORGANISATION_WORDS | PLACE_WORDS
    )


def _is_numeral(word: str) -> bool:
    return word.isdigit() or (word.isupper() and set(word) <= set("IVXL"))


def type_by_context(span: Span, gazetteer: Gazetteer) -> str | None:
    """How the sentence uses the name: as a place, as a title's organisation, as a platform."""
    root = span.root
    if (
        root.dep_ in {"compound", "nmod"}
        and root.head.lower_ in gazetteer.title_heads
        and root.ent_type_ not in {"GPE", "LOC", "NORP"}
    ):
        return "organisation"
    if _is_platform(root) or _body_by_noun(root):
        return "organisation"
    if span[-1].text in _LEGISLATURES:
        return None  # "a vote in Congress": the body, even where it sits
    return "place" if is_place_by_context(root) else None


_BODY_NOUNS = {
    "agency", "company", "firm", "party", "group", "bank", "movement", "organisation",
    "organization", "charity", "network", "newspaper", "broadcaster", "institute", "council",
    "commission", "airline", "insurer", "carmaker", "automaker", "regulator", "watchdog",
    "ministry", "authority", "coalition", "alliance", "federation", "association",
    "corporation", "conglomerate", "manufacturer", "lender", "utility", "militia", "faction",
    "magazine", "consultancy",
}  # fmt: skip
"""Common nouns for a body: a name in apposition with one, or qualifying one, is a body
("Morena, a party that …", "the San Esteban company", "the state copper company Codelco")."""
_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
_LEGISLATURES = {"Congress", "Senate", "Parliament", "Assembly", "Duma", "Knesset", "Bundestag"}


def _body_by_noun(root: Token) -> bool:
    if root.ent_type_ == "PERSON":
        return False
    if any(c.dep_ == "appos" and c.lower_ in _BODY_NOUNS for c in root.children):
        return True
    if root.dep_ in {"appos", "compound"} and root.head.lower_ in _BODY_NOUNS:
        return root.head.is_lower  # not "the Federal Reserve Bank"
    spoken_for = root.dep_ == "pobj" and root.head.lower_ == "for"
    return spoken_for and root.head.head.lower_ in _SPOKESPEOPLE  # "a spokesman for Oxfam"


def _is_platform(root: Token) -> bool:
    """ "wrote on Twitter", "posted on Telegram": where words are published."""
    head = root.head
    return (
        root.dep_ == "pobj"
        and head.lower_ == "on"
        and head.head.pos_ == "VERB"
        and lemma(head.head) in _WRITING
    )


def is_place_by_context(root: Token) -> bool:
    """ "the city of Ohrid", "ports of Odesa", "in Shire", "Diyala and Salahuddin" after a
    place, "Bab al-Hawa, a crossing": an unknown name used as a place."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and lemma(head.head) in PLACE_NOUNS:
        return True
    if root.dep_ == "appos" and lemma(head) in PLACE_NOUNS:
        return True
    return any(child.dep_ == "appos" and lemma(child) in PLACE_NOUNS for child in root.children)


_BUILDINGS = {"house", "palace", "hall", "castle", "building", "buildings", "tower"}
_ACTS = {"nsubj", "nsubjpass", "poss", "agent"}


def acts_as_body(span: Span, gazetteer: Gazetteer) -> bool:
    """ "the White House said", "the White House's view", "White House spokesman X": a name used
    as someone who acts or speaks, not as where something happens."""
    root = span.root
    if root.dep_ in _ACTS or any(child.dep_ == "case" for child in root.children):
        return True
    if root.dep_ == "compound":
        return root.head.lower_ in gazetteer.title_heads | gazetteer.anonymous_heads
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    if preposition.lower_ == "from" and preposition.head.pos_ == "NOUN":
        return True  # "a statement from Government House", "calls from the White House"
    return preposition.lower_ not in LOCATIVE | {"from", "to", "of"}


def buildings_as_places(table: EntityTable, actors: set[str]) -> None:
    """A named building the article names only as where things happen ("at the White House",
    "outside State House") is a place; used once as an actor, it stands for those inside it."""
    for draft in table.drafts.values():
        words = draft.name.lower().split()
        if draft.type == "organisation" and words[-1] in _BUILDINGS and "of" not in words:
            draft.type = draft.type if draft.name in actors else "place"
