"""Merge a draft into a story's facts file without touching what a person curated.

Existing items are never changed, reordered or deleted, and comments survive: the file is edited
with ruamel.yaml's round-trip mode and new items are only appended. A drafted entity is the same as
a curated one when their ids match or when a name or alias is shared (the curated "Antony Blinken"
with alias "Anthony Blinken" absorbs the draft's "Anthony Blinken"); references in new items are
rewritten to the curated ids. A quote already curated (same words) and an event citing a sentence
an existing event already cites are left out. What differs is reported, never applied.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.checks.quotetext import normalise_quote

SECTIONS = ("entities", "events", "quotes")
_COMPARED = ("type", "role", "name")


@dataclass
class MergeReport:
    """What a merge added, and where the draft disagrees with curated items."""

    added: list[str] = field(default_factory=list)
    differs: list[str] = field(default_factory=list)
    kept: int = 0

    @property
    def changed(self) -> bool:
        """Whether the merge added anything."""
        return bool(self.added)


def yaml_engine() -> YAML:
    """A round-trip YAML reader/writer in the facts files' house style."""
    engine = YAML()
    engine.indent(mapping=2, sequence=4, offset=2)
    # Never re-wrap: a curated line must come back exactly as the editor wrote it.
    engine.width = 10_000
    engine.preserve_quotes = True
    return engine


def render_new(facts: dict[str, Any], header: str) -> str:
    """A whole new facts file: the draft, under a header comment."""
    stream = io.StringIO()
    stream.write(header)
    yaml_engine().dump(_commented(facts), stream)
    return stream.getvalue()


def render_suggestions(
    suggestions: dict[str, list[dict[str, Any]]], existing_text: str = ""
) -> tuple[str, list[str]]:
    """The suggestions as a commented-out block to append to a facts file, and their
    ``section/id``; those whose id the file already has are left out (a second run adds no
    second copy). ``("", [])`` if none is left."""
    fresh = {
        section: [item for item in items if f"id: {item['id']}" not in existing_text]
        for section, items in suggestions.items()
    }
    fresh = {section: items for section, items in fresh.items() if items}
    if not fresh:
        return "", []
    stream = io.StringIO()
    yaml_engine().dump(_commented(fresh), stream)
    lines = [f"# {line}".rstrip() for line in stream.getvalue().splitlines()]
    ids = [f"{section}/{item['id']}" for section, items in fresh.items() for item in items]
    return SUGGESTIONS_HEADER + "\n".join(lines) + "\n", ids


SUGGESTIONS_HEADER = """\

# Suggestions: items `explainer extract` is less sure of (confidence below 0.5), left out of
# the facts above. To keep one, move it under its section, uncomment it and check it.
"""


def merge(existing_text: str, facts: dict[str, Any]) -> tuple[str, MergeReport]:
    """``existing_text`` with the draft's new items appended; the report says what and why."""
    engine = yaml_engine()
    document = engine.load(existing_text) or CommentedMap()
    report = MergeReport()
    ids = _entity_ids(document, facts.get("entities", []), report)
    for section in SECTIONS:
        for item in facts.get(section, []):
            _merge_item(document, section, _remap(item, ids), report)
    if not report.changed:
        return existing_text, report
    stream = io.StringIO()
    engine.dump(document, stream)
    return stream.getvalue(), report


def _entity_ids(
    document: CommentedMap, drafted: list[dict[str, Any]], report: MergeReport
) -> dict[str, str]:
    """Draft entity id → curated id, for every drafted entity a curated one already covers."""
    curated = list(document.get("entities") or [])
    ids: dict[str, str] = {}
    for entity in drafted:
        match = next((c for c in curated if _same_entity(c, entity)), None)
        if match is None:
            continue
        ids[entity["id"]] = str(match["id"])
        for key in _COMPARED:
            if (
                key in entity
                and key in match
                and str(match[key]).lower() != str(entity[key]).lower()
            ):
                report.differs.append(
                    f"entities/{match['id']}: {key} is {match[key]!r}; the article suggests "
                    f"{entity[key]!r}"
                )
    return ids


def _names(item: Any) -> set[str]:
    names = [item.get("name", ""), *(item.get("aliases") or [])]
    return {" ".join(str(name).lower().split()) for name in names if name}


def _same_entity(curated: Any, drafted: dict[str, Any]) -> bool:
    """Same id, or a shared name of the same type ("Washington" the city is not the country
    that a curated alias "Washington" stands for)."""
    if curated.get("id") == drafted["id"]:
        return True
    return curated.get("type") == drafted["type"] and bool(_names(curated) & _names(drafted))


def _remap(item: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    item = dict(item)
    for key in ("speaker", "reported_by", "affiliation", "place"):
        if key in item:
            item[key] = ids.get(item[key], item[key])
    if "participants" in item:
        item["participants"] = list(dict.fromkeys(ids.get(p, p) for p in item["participants"]))
    return item


def _merge_item(
    document: CommentedMap, section: str, item: dict[str, Any], report: MergeReport
) -> None:
    items = document.get(section)
    if items is None:
        items = document[section] = CommentedSeq()
    if section == "entities" and any(_same_entity(c, item) for c in items):
        report.kept += 1
        return
    if any(c.get("id") == item["id"] for c in items) or _covered(section, items, item, report):
        report.kept += 1
        return
    items.append(_commented(item))
    report.added.append(f"{section}/{item['id']}")


def _covered(section: str, items: CommentedSeq, item: dict[str, Any], report: MergeReport) -> bool:
    if section == "quotes":
        words = _quote_words(item["text"])
        for curated in items:
            other = _quote_words(str(curated.get("text", "")))
            if other and (other in words or words in other):
                if curated.get("speaker") != item["speaker"]:
                    report.differs.append(
                        f"quotes/{curated['id']}: speaker is {curated.get('speaker')!r}; the "
                        f"article suggests {item['speaker']!r}"
                    )
                return True
    if section == "events":
        cited = set(item["sources"])
        return any(
            cited & {str(s) for s in curated.get("sources") or [] if isinstance(s, str)}
            for curated in items
        )
    return False


def _quote_words(text: str) -> str:
    """Quoted words without the punctuation an editor may keep or drop at either end."""
    return normalise_quote(text).strip(" .,;:!?\"'")


def _commented(value: Any) -> Any:
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, inner in value.items():
            mapping[key] = _commented(inner)
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(_commented(inner) for inner in value)
        if all(isinstance(inner, str) and len(inner) < 40 for inner in value):
            sequence.fa.set_flow_style()
        return sequence
    return value
