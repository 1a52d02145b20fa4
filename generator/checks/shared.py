"""Checks across stories: an entity id used by two stories names one and the same entity.

The site gives such an entity one shared page linking every story it appears in, so two
stories that use one id for two different things (``jordan`` the country and ``jordan`` a
person) would merge them. An entity of another type under the same id is an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from generator.diagnostics import Diagnostic
from generator.facts.schema import Facts
from generator.reading.yamlsafe import YamlDocument


class FactsFile(NamedTuple):
    """A story's facts as loaded, with the document that knows their lines."""

    facts: Facts
    document: YamlDocument


def shared_id_conflicts(files: Iterable[FactsFile]) -> list[Diagnostic]:
    """An error at each entity whose id an earlier story gives to an entity of another type."""
    first_seen: dict[str, tuple[str, FactsFile, int]] = {}
    problems: list[Diagnostic] = []
    for current in files:
        for index, entity in enumerate(current.facts.entities):
            earlier = first_seen.setdefault(entity.id, (entity.type, current, index))
            if earlier[0] != entity.type:
                problems.append(_conflict(current, index, earlier))
    return problems


def _conflict(current: FactsFile, index: int, earlier: tuple[str, FactsFile, int]) -> Diagnostic:
    entity = current.facts.entities[index]
    earlier_type, earlier_file, earlier_index = earlier
    earlier_line, _ = earlier_file.document.position(("entities", earlier_index, "id"))
    line, column = current.document.position(("entities", index, "type", "__value__"))
    message = (
        f"entity '{entity.id}' is a {entity.type} here but a {earlier_type} in "
        f"{earlier_file.document.path}:{earlier_line}; an id shared by two stories must name the "
        "same entity: give one of them another id"
    )
    return Diagnostic(current.document.path, line, column, "shared-id-conflict", message)
