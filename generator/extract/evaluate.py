"""Score an extraction against a labelled article (``tests/extract_corpus/``).

Entities are matched by name or alias and type; roles by their office words (without country,
demonym or organisation words, so "Kosovo's Prime Minister" and "Prime Minister of Kosovo" agree);
dates by overlapping text in the same paragraph; quotes by overlapping text in the same paragraph,
and a speaker by any of its names or aliases (the extractor may call the Security Council "UN
Security Council", with "Security Council" as an alias).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.extract.confidence import speaker_rule
from generator.extract.entitydraft import EntityDraft
from generator.extract.extraction import Extraction
from generator.extract.gazetteer import Gazetteer
from generator.reading.article import Article, parse_article

_GOLD_TYPES = {"anonymous": "person"}


@dataclass
class Score:
    """Counts behind precision, recall and accuracy figures."""

    entity_true: int = 0
    entity_predicted: int = 0
    entity_gold: int = 0
    predicted_true: int = 0
    roles_right: int = 0
    roles_gold: int = 0
    dates_right: int = 0
    dates_gold: int = 0
    dates_predicted: int = 0
    quotes_right: int = 0
    quotes_gold: int = 0
    speakers_given: int = 0
    """Quotes with a label that the extractor gave a speaker."""
    speakers_given_right: int = 0
    mistakes: list[str] = field(default_factory=list)
    confidences: list[tuple[float, bool]] = field(default_factory=list)
    """(confidence, right) of each drafted entity and each quote given a speaker."""
    outcomes: list[tuple[str, bool]] = field(default_factory=list)
    """(rule, right) of the same items, in the same order: what the calibration is fitted on."""

    def add(self, other: Score) -> None:
        """Add another article's counts to these."""
        for name in self.__dataclass_fields__:
            if name not in ("mistakes", "confidences", "outcomes"):
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.mistakes.extend(other.mistakes)
        self.confidences.extend(other.confidences)
        self.outcomes.extend(other.outcomes)

    @property
    def precision(self) -> float:
        return _ratio(self.predicted_true, self.entity_predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.entity_true, self.entity_gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def role_accuracy(self) -> float:
        return _ratio(self.roles_right, self.roles_gold)

    @property
    def date_accuracy(self) -> float:
        return _ratio(self.dates_right, self.dates_gold)

    @property
    def quote_accuracy(self) -> float:
        """Quotes given the labelled speaker, or none where the label has none."""
        return _ratio(self.quotes_right, self.quotes_gold)

    @property
    def speaker_precision(self) -> float:
        """Of the speakers given, the share that are right (no speaker beats a wrong one)."""
        return _ratio(self.speakers_given_right, self.speakers_given)

    def reliability(
        self, edges: tuple[float, ...] = (0.5, 0.8, 0.9)
    ) -> list[tuple[str, int, float]]:
        """(confidence bucket, items, share right) for the buckets between ``edges``."""
        bounds = (0.0, *edges, 1.01)
        rows = []
        for low, high in itertools.pairwise(bounds):
            inside = [right for value, right in self.confidences if low <= value < high]
            label = f"{low:.1f}–{min(high, 1.0):.1f}"
            rows.append((label, len(inside), _ratio(sum(inside), len(inside))))
        return rows


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def score(extraction: Extraction, gold: dict[str, Any], gazetteer: Gazetteer) -> Score:
    """Compare what was extracted from one article with its labels."""
    result = Score()
    matches = _score_entities(extraction, gold["entities"], result)
    _score_roles(matches, gazetteer, result, gold["entities"])
    _score_dates(extraction, gold.get("dates", []), result)
    _score_quotes(extraction, gold.get("quotes", []), gold["entities"], result)
    return result


def _names(entity: dict[str, Any]) -> set[str]:
    return {_key(entity["name"]), *(_key(alias) for alias in entity.get("aliases", []))}


def _key(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().removeprefix("the ").split())


def _draft_names(draft: EntityDraft) -> set[str]:
    return {_key(draft.name), *(_key(alias) for alias in draft.aliases)}


def _score_entities(
    extraction: Extraction, gold: list[dict[str, Any]], result: Score
) -> list[tuple[dict[str, Any], EntityDraft]]:
    drafts = list(extraction.entities)
    matched: list[tuple[dict[str, Any], EntityDraft]] = []
    used: set[int] = set()
    for entity in gold:
        wanted = _GOLD_TYPES.get(entity["type"], entity["type"])
        names = _names(entity)
        draft = next(
            (
                d
                for d in drafts
                if id(d) not in used and d.type == wanted and names & _draft_names(d)
            ),
            None,
        )
        if draft is None and entity.get("refers_to"):
            draft = next(
                (
                    d
                    for d in drafts
                    if _key(entity["refers_to"]) in _draft_names(d) and names & _draft_names(d)
                ),
                None,
            )
            if draft is not None:
                result.entity_true += 1
                used.add(id(draft))
                continue
        if draft is None:
            result.mistakes.append(f"missed entity {entity['name']} ({entity['type']})")
            continue
        used.add(id(draft))
        matched.append((entity, draft))
    result.entity_gold = len(gold)
    result.entity_true += len(matched)
    result.entity_predicted = len(drafts)
    result.predicted_true = len(used)
    result.confidences += [(d.confidence, id(d) in used) for d in drafts]
    result.outcomes += [(d.rule, id(d) in used) for d in drafts]
    for draft in drafts:
        if id(draft) not in used:
            result.mistakes.append(f"extra entity {draft.name} ({draft.type})")
    return matched


def office_words(text: str, gazetteer: Gazetteer, body: tuple[str, ...] = ()) -> str:
    """A title's office words: "South Korea's Prime Minister" and "Prime Minister of South
    Korea" both give "prime minister" (names the gazetteer knows go, of up to four words, and
    so do the ``body`` names of the role's labelled affiliation: "deputy secretary at IF
    Metall" is "deputy secretary" when IF Metall is the affiliation)."""
    for name in sorted(body, key=len, reverse=True):
        text = re.sub(rf"(?i)\b(?:at|with|of|for)?\s*(?:the\s+)?{re.escape(name)}\b", " ", text)
    words = re.sub(r"[\u2019']s\b", "", text).replace("\u2013", " ").split()
    kept: list[str] = []
    index = 0
    while index < len(words):
        known = next(
            (n for n in range(min(4, len(words) - index), 0, -1)
             if gazetteer.lookup(" ".join(words[index : index + n]))),
            0,
        )  # fmt: skip
        if not known and words[index].lower() != "the":
            kept.extend(words[index].lower().replace("-", " ").split())
        index += known or 1
    text = re.sub(r"\bof\s*$|^\s*of\b", "", " ".join(kept))
    return " ".join(text.replace("ministers", "minister").split())


def _score_roles(
    matches: list[tuple[dict[str, Any], EntityDraft]],
    gazetteer: Gazetteer,
    result: Score,
    entities: list[dict[str, Any]],
) -> None:
    for entity, draft in matches:
        if entity["type"] != "person" or not entity.get("role"):
            continue
        result.roles_gold += 1
        body = _names_of(entity.get("affiliation"), entities)
        found = office_words(draft.role.text, gazetteer, body) if draft.role else ""
        if found and found == office_words(entity["role"], gazetteer, body):
            result.roles_right += 1
        else:
            result.mistakes.append(f"role of {entity['name']}: {found!r} != {entity['role']!r}")


def _overlaps(paragraph: str, first: str, second: str) -> bool:
    return first in second or second in first or _positions_overlap(paragraph, first, second)


def _positions_overlap(paragraph: str, first: str, second: str) -> bool:
    a, b = paragraph.find(first), paragraph.find(second)
    return a >= 0 and b >= 0 and a < b + len(second) and b < a + len(first)


def _score_dates(extraction: Extraction, gold: list[dict[str, Any]], result: Score) -> None:
    texts = {p.number: " ".join(s.text for s in p.sentences) for p in extraction.article.paragraphs}
    result.dates_gold, result.dates_predicted = len(gold), len(extraction.dates)
    for label in gold:
        paragraph = texts.get(label["paragraph"], "")
        candidates = [
            d
            for d in extraction.dates
            if d.paragraph == label["paragraph"]
            and _overlaps(paragraph, d.expression.text, label["text"])
        ]
        found = candidates[0].expression if candidates else None
        wanted = (str(label["value"]), label["granularity"], bool(label.get("approximate")))
        got = (found.value, found.granularity, found.approximate) if found else None
        if got == wanted:
            result.dates_right += 1
        else:
            result.mistakes.append(
                f"date {label['text']!r} (¶{label['paragraph']}): {got} != {wanted}"
            )


def _score_quotes(
    extraction: Extraction,
    gold: list[dict[str, Any]],
    entities: list[dict[str, Any]],
    result: Score,
) -> None:
    by_name = {entity["name"]: _names(entity) for entity in entities}
    drafts = {draft.name: _draft_names(draft) for draft in extraction.entities}
    result.quotes_gold = len(gold)
    for label in gold:
        candidates = [
            q
            for q in extraction.quotes
            if q.paragraph == label["paragraph"]
            and _overlaps("", _key(q.text), _key(label["text"]))
        ]
        speaker = candidates[0].speaker if candidates else None
        wanted = label.get("speaker")
        right = (
            speaker is None
            if wanted is None
            else speaker is not None
            and bool(drafts.get(speaker, {_key(speaker)}) & by_name.get(wanted, set()))
        )
        if speaker is not None:
            result.speakers_given += 1
            result.speakers_given_right += right
            result.confidences.append((candidates[0].confidence, right))
            result.outcomes.append((speaker_rule(candidates[0].rule), right))
        if right:
            result.quotes_right += 1
        else:
            result.mistakes.append(f"quote {label['text'][:40]!r}: {speaker} != {wanted}")


@dataclass(frozen=True)
class Labelled:
    """One labelled article: its name, the parsed article and its labels."""

    name: str
    article: Article
    gold: dict[str, Any]


def labelled_articles(folder: Path) -> Iterator[Labelled]:
    """The labelled articles of ``folder``: ``<name>.yml`` beside ``<name>.txt`` or ``article:``."""
    for labels in sorted(folder.glob("*.yml")):
        gold = yaml.safe_load(labels.read_text(encoding="utf-8"))
        source = labels.parent / gold.get("article", labels.with_suffix(".txt").name)
        article, _ = parse_article(source.read_text(encoding="utf-8"), labels.stem, str(source))
        yield Labelled(labels.stem, article, gold)


def _names_of(name: str | None, entities: list[dict[str, Any]]) -> tuple[str, ...]:
    """A labelled entity's name and aliases (none for no name)."""
    if not name:
        return ()
    entity = next((e for e in entities if e["name"] == name), {})
    return (name, *entity.get("aliases", []))
