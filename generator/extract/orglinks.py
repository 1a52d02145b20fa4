"""Short forms of organisations: a drafted organisation and the entities already recorded in,
the entity it stands for out (or None for a generic word with nothing to stand for).

"FEMA" after "Federal Emergency Management Agency" (initials), "Lehman" after "Lehman Brothers"
(the first word, even where the model calls it a person), "the Chamber" or "the bank" after
"Trial Chamber III" or "Swiss National Bank" (a generic organisation word, linked to the
nearest organisation whose name holds it). A generic word that no organisation before it holds
("the Group") is not an entity of its own.
"""

from __future__ import annotations

from generator.extract.entitydraft import EntityDraft, EntityTable
from generator.extract.entitytypes import ORGANISATION_WORDS

_SMALL_WORDS = {"of", "the", "for", "and", "on", "in", "&"}
GENERIC_WORDS = {word.lower() for word in ORGANISATION_WORDS} | {
    "ministry", "tribunal", "court", "chamber", "alliance", "council", "bank", "army", "party",
    "agency", "department", "government", "group", "commission", "committee", "assembly",
}  # fmt: skip


_LEGAL_FORMS = {
    "ag", "co", "co.", "corp", "corp.", "gmbh", "group", "holdings", "inc", "inc.", "limited",
    "llc", "ltd", "ltd.", "n.v.", "nv", "plc", "s.a.", "sa", "se",
}  # fmt: skip
"""Words after a company's name that make its legal name ("UBS Group AG" is UBS)."""


def link_organisation(draft: EntityDraft, table: EntityTable) -> EntityDraft | None:
    """The earlier organisation a short form stands for, the draft itself, or None."""
    if draft.name in table.drafts:
        return draft
    earlier = [d for d in reversed(table.drafts.values()) if d.type == "organisation"]
    if draft.type == "organisation":
        company = _company(draft.name)
        same = [d for d in earlier if d.name != draft.name and _company(d.name) == company]
        if same:
            return same[0]  # "Credit Suisse" and "Credit Suisse Group AG"
    if " " in draft.name:
        return draft
    if draft.type != "organisation" and not (draft.type == "person" and draft.confidence < 0.9):
        return draft
    word = draft.name
    if word.lower() in GENERIC_WORDS and draft.type == "organisation":
        return next((d for d in earlier if _holds(d.name, word)), None)
    for candidate in earlier:
        if _initials(candidate.name) == word or candidate.name.split()[0] == word:
            return candidate
    return draft


def _company(name: str) -> str:
    """The name without its legal form: "Credit Suisse Group AG" → "Credit Suisse"."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def _holds(name: str, word: str) -> bool:
    return word.lower() in name.lower().split()


def _initials(name: str) -> str:
    """ "Federal Emergency Management Agency" → "FEMA"."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _SMALL_WORDS]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) > 1 else ""
