"""The review list: each item ``explainer extract`` drafted, beside the sentence it rests on.

In: a resolved :class:`~generator.corpus.Story`. Out: one :class:`Draft` per draft item, in the
order of the facts file (entities, events, quotes), with the first sentence it cites as HTML in
which the words that would support it are marked (``<mark>``): its name and other names, the
words of its role, its date's own words, the quote's text. A reviewer reads the marked words,
checks them against the draft, and sets ``status: reviewed`` in ``facts.yml``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markupsafe import Markup

from generator.checks.refchecks import resolve_sentence
from generator.corpus import Story
from generator.facts.schema import Entity, Event, Quote
from generator.layout import drafts

_KIND = {"person": "Person", "country": "Country", "organisation": "Organisation"}


@dataclass(frozen=True)
class Draft:
    """One draft item as the review page lists it."""

    kind: str
    """What it was drafted as: ``Person``, ``Place``, ``Event``, ``Quote``."""
    role: str
    """The role of the page it is shown on (``entity:<id>``, ``event:<id>``, ``quotes``)."""
    label: str
    """Its name, title or words."""
    detail: str
    """What else was drafted: a role, a date, a speaker."""
    confidence: float | None
    reference: str | None
    """The first sentence it cites (``article#p3s1``); None when it cites only outside pages."""
    evidence: Markup
    """That sentence as HTML, the supporting words marked."""


def review_list(story: Story, pages: dict[str, str]) -> list[Draft]:
    """Every draft item of ``story``; ``pages`` are its page paths by role."""
    found = []
    for item in drafts(story.facts):
        kind, role, label, detail, words = _describe(story, item)
        if role not in pages:
            role = "quotes" if isinstance(item, Quote) else "actors"
        reference = next((s for s in item.sources if isinstance(s, str)), None)
        text = _sentence_text(story, reference)
        found.append(
            Draft(kind, role, label, detail, item.confidence, reference, highlight(text, words))
        )
    return found


def _describe(story: Story, item: Entity | Event | Quote) -> tuple[str, str, str, str, list[str]]:
    if isinstance(item, Entity):
        words = [item.name, *item.aliases, *re.findall(r"[\w’'-]{4,}", item.role or "")]
        kind = _KIND.get(item.type, item.type.capitalize())
        return kind, f"entity:{item.id}", item.name, item.role or "", words
    if isinstance(item, Event):
        when = item.when.expression or ""
        return "Event", f"event:{item.id}", item.title, when, [when] if when else []
    speaker = story.entity(item.speaker).name
    return "Quote", "quotes", item.text, f"said by {speaker}", [item.text, speaker]


def _sentence_text(story: Story, reference: str | None) -> str:
    if reference is None:
        return ""
    _, sentence, _ = resolve_sentence(reference, story.articles_by_id)
    return sentence.text if sentence is not None else ""


def highlight(text: str, phrases: list[str]) -> Markup:
    """``text`` as HTML with each occurrence of each phrase (any case, whole words) marked."""
    spans: list[tuple[int, int]] = []
    for phrase in filter(None, (p.strip() for p in phrases)):
        pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)
        spans += [match.span() for match in pattern.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    pieces, position = [], 0
    for start, end in merged:
        pieces += [
            html.escape(text[position:start]),
            f"<mark>{html.escape(text[start:end])}</mark>",
        ]
        position = end
    pieces.append(html.escape(text[position:]))
    return Markup("".join(pieces))
