"""A title's owner named by a common noun or a surname ("the bank's chief executive",
"Chauvin's attorney") is the one body or person of the article that the word names; "other
officers" hold the office of the officer named before."""

from __future__ import annotations

import re
from dataclasses import replace

from generator.extract.entitydraft import EntityDraft, EntityTable
from generator.extract.gazetteer import Gazetteer
from generator.extract.roles import Role

_OWNER = re.compile(r"^(?P<office>.+) of (?P<the>the )?(?P<word>[\w-]+)$")


def name_owners(table: EntityTable, text: str) -> None:
    """Replace "of the <noun>" in people's roles by the one organisation named with <noun>,
    written as the article writes it ("the Federal Reserve", "Bank of America"), and "of
    <Surname>" by the person's full name."""
    bodies = [d for d in table.drafts.values() if d.type == "organisation"]
    people = table.people()
    for person in people:
        role = person.role
        match = _OWNER.match(role.title) if role is not None and not role.of else None
        if role is None or match is None:
            continue
        word = match.group("word")
        owner = (
            _owner(word, bodies, people, person) if match.group("the") or word.istitle() else None
        )
        if owner is None:
            continue
        written = owner.name
        if owner.type == "organisation" and (f"the {written}" in text or f"The {written}" in text):
            written = f"the {written}"
        title = f"{match.group('office')} of {written}"
        affiliation = role.affiliation or (owner.name if owner.type == "organisation" else None)
        person.role = replace(role, title=title, affiliation=affiliation)


def _owner(
    word: str, bodies: list[EntityDraft], people: list[EntityDraft], holder: EntityDraft
) -> EntityDraft | None:
    if word.islower():
        found = [body for body in bodies if word.capitalize() in body.name.split()]
    else:
        found = [p for p in people if p is not holder and p.name.split()[-1] == word]
        found = found if len(found) == 1 and " " in found[0].name else []
    return found[0] if len(found) == 1 else None


def like_others(table: EntityTable) -> None:
    """ "Three other former officers, X, Y and Z": each holds the office of the one person named
    before with that head noun ("former Minneapolis police officer")."""
    people = table.people()
    for index, person in enumerate(people):
        role = person.role
        if role is None or not role.other:
            continue
        earlier = {
            p.role.text: p.role
            for p in people[:index]
            if p.role is not None
            and not p.role.other
            and p.role.head == role.head
            and p.role.former == role.former
        }
        if len(earlier) == 1:
            person.role = next(iter(earlier.values()))


_FOREIGN_OFFICES = {"Secretary of State": "Foreign Minister"}
"""Offices whose counterpart abroad has another name: the US Secretary of State's is a foreign
minister."""


def counterparts(table: EntityTable, gazetteer: Gazetteer) -> None:
    """ "Uruguay's President, X, and his Argentine counterpart, Y": a counterpart holds the office
    of the person with a title named just before, in the country its adjective names."""
    people = table.people()
    for index, person in enumerate(people):
        role = person.role
        if role is None or role.head != "counterpart":
            continue
        before = [p.role for p in people[:index] if p.role and p.role.head != "counterpart"]
        words = role.title.split()
        demonym = role.qualifier or (" ".join(words[:-1]) if len(words) > 1 else None)
        if not before or before[-1].former or demonym is None:
            continue
        office, known = before[-1], gazetteer.lookup(demonym)
        title = office.title.removesuffix(f" of {office.affiliation}")
        title = _FOREIGN_OFFICES.get(title, title)
        country = known.country if known is not None else role.affiliation
        person.role = Role(title, country, False, demonym, title.split()[-1].lower())
