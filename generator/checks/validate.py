"""Cross-reference checks on a loaded story: sentences, quotes, ids, references and dates.

Schema errors (types, unknown keys, missing fields) are found while loading; this module finds
what only the whole story can tell: that a cited sentence exists, that a quote is really in its
sentence, that every id referred to is defined, and that every date is real.

A loaded story goes in, its diagnostics come out. This module checks each kind of item and runs
every check; the checks they share (ids, sources, dates) are in
:mod:`generator.checks.refchecks`, those of disagreements and the changelog in
:mod:`generator.checks.updatechecks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.checks.positions import Loc
from generator.checks.quotetext import normalise_quote, quoted, word_matches
from generator.checks.refchecks import resolve_sentence
from generator.checks.updatechecks import UpdateChecks
from generator.diagnostics import Diagnostic, Severity
from generator.facts.editorial import GlossaryTerm, SourceCheck
from generator.facts.schema import Entity, Event, Quote
from generator.reading.frontmatter import did_you_mean

if TYPE_CHECKING:
    from generator.reading.storyfiles import StoryFiles


def validate_story(story: StoryFiles) -> list[Diagnostic]:
    """Every cross-reference problem in the story's facts file, in one pass."""
    checker = _Checker(story)
    checker.run()
    return checker.diagnostics


class _Checker(UpdateChecks):
    def run(self) -> None:
        for index, entity in enumerate(self.facts.entities):
            self._check_entity(("entities", index), entity)
        for index, event in enumerate(self.facts.events):
            self._check_event(("events", index), event)
        for index, quote in enumerate(self.facts.quotes):
            self._check_quote(("quotes", index), quote)
        for section in ("summary", "background", "questions"):
            for index, point in enumerate(getattr(self.facts, section)):
                self._check_sources((section, index), point.sources)
        for index, check in enumerate(self.facts.source_checks):
            self._check_source_check(("source_checks", index), check)
        for index, term in enumerate(self.facts.glossary):
            self._check_term(("glossary", index), term)
        for index, disagreement in enumerate(self.facts.disagreements):
            self._check_disagreement(("disagreements", index), disagreement)
        for index, change in enumerate(self.facts.changes):
            self._check_change(("changes", index), change)
        self._check_drafts()
        self._check_empty()

    def _check_empty(self) -> None:
        if any(getattr(self.facts, name) for name in type(self.facts).model_fields):
            return
        self.diagnostics.append(
            Diagnostic(
                self.document.path,
                1,
                1,
                "empty-facts",
                "the facts file states nothing, so the story would be published as an empty "
                "shell; add a summary, entities and events (`explainer extract` drafts them)",
                Severity.WARNING,
            )
        )

    def _check_drafts(self) -> None:
        """Items `explainer extract` proposed that nobody has reviewed: one warning per file,
        at the first of them, so that a strict build (the published site) refuses them."""
        drafts = {
            section: [
                i for i, item in enumerate(getattr(self.facts, section)) if item.status == "draft"
            ]
            for section in ("entities", "events", "quotes")
        }
        found = [(section, index) for section, indexes in drafts.items() for index in indexes]
        if not found:
            return
        counts = ", ".join(f"{len(i)} {section}" for section, i in drafts.items() if i)
        self.report(
            (*found[0], "status"),
            "unreviewed-draft",
            f"{len(found)} item(s) are still drafts from `explainer extract` ({counts}), the "
            "first here; check each against its cited sentences, correct it and set "
            "`status: reviewed`: until then the site shows the extractor's guesses as facts",
            severity=Severity.WARNING,
        )

    def _check_entity(self, loc: Loc, entity: Entity) -> None:
        for field in ("affiliation", "side"):
            self._check_ref((*loc, field), getattr(entity, field), self.entities, "entity")
        if entity.coordinates and entity.type != "place":
            self.report((*loc, "coordinates"), "invalid-value", "only places have coordinates")
        self._check_geometry(loc, entity)
        for index, note in enumerate(entity.notes):
            self._check_sources((*loc, "notes", index), note.sources)
        self._check_sources(loc, entity.sources)
        self._check_cite(loc, entity, "aliases", entity.aliases)

    def _check_event(self, loc: Loc, event: Event) -> None:
        self._check_ref((*loc, "place"), event.place, self.entities, "entity")
        for index, participant in enumerate(event.participants):
            self._check_ref(
                (*loc, "participants", index), participant.entity, self.entities, "entity"
            )
        for index, earlier in enumerate(event.preceded_by):
            self._check_ref((*loc, "preceded_by", index), earlier, self.events, "event")
        self._check_when((*loc, "when"), event.when)
        for index, point in enumerate(event.agenda):
            self._check_sources((*loc, "agenda", index), point.sources)
        self._check_sources(loc, event.sources)
        participants = [participant.entity for participant in event.participants]
        self._check_cite(loc, event, "participants", participants)

    def _check_cite(self, loc: Loc, item: Entity | Event, keyed: str, known: list[str]) -> None:
        """The sources named under ``cite:``, and that each alias or participant named there
        is one of the item's."""
        if item.cite is None:
            return
        cite_loc = (*loc, "cite")
        for name, value in item.cite:
            if isinstance(value, list):
                self._check_sources(cite_loc, value, name)
        for key, sources in getattr(item.cite, keyed).items():
            self._check_sources((*cite_loc, keyed), sources, key)
            if key not in known:
                listed = ", ".join(known) or "none"
                self.report(
                    (*cite_loc, keyed, key),
                    "unknown-claim",
                    f"'{key}' is not one of the {keyed} of '{item.id}' ({listed}); cite only "
                    f"{keyed} the item has{did_you_mean(key, known)}",
                    value=False,
                )

    def _check_quote(self, loc: Loc, quote: Quote) -> None:
        self._check_ref((*loc, "speaker"), quote.speaker, self.entities, "entity")
        self._check_ref((*loc, "reported_by"), quote.reported_by, self.entities, "entity")
        self._check_ref((*loc, "event"), quote.event, self.events, "event")
        sentences = list(self._check_sources(loc, quote.sources))
        if not sentences and not self._has_bad_sentence(quote):
            self.report(
                (*loc, "sources"),
                "missing-source",
                f"quote '{quote.id}' cites no article sentence; cite the sentence that contains it",
            )
            return
        wanted = normalise_quote(quote.text)
        texts = [normalise_quote(sentence.text) for sentence in sentences]
        found = [(text, start) for text in texts for start in word_matches(text, wanted)]
        cited = ", ".join(s.id for s in sentences)
        if sentences and not found:
            self.report(
                (*loc, "text"),
                "quote-not-in-source",
                f"quote '{quote.id}' is not in its cited sentence {cited}: "
                f"{_excerpt(quote.text)!r} does not appear there as whole words; "
                "copy the words exactly",
            )
        elif found and not any(quoted(text, start, wanted) for text, start in found):
            self.report(
                (*loc, "text"),
                "quote-not-quoted",
                f"quote '{quote.id}': {cited} has {_excerpt(quote.text)!r} outside quotation "
                "marks, in the article's own words, not the speaker's; quote only words the "
                "article puts in quotation marks (what it reports belongs in an event or a "
                "summary point)",
            )

    # ── Reader features ─────────────────────────────────────────────────────────────────────

    def _check_geometry(self, loc: Loc, entity: Entity) -> None:
        for field in ("path", "extent_km", "outline", "coordinates_source", "map_reason"):
            if getattr(entity, field) and entity.type != "place":
                self.report((*loc, field), "invalid-value", f"only places have '{field}'")
        if 0 < len(entity.outline) < 3:
            self.report(
                (*loc, "outline"),
                "invalid-value",
                "an outline needs at least three points around the area; add more",
            )
        self._check_sources(loc, list(entity.coordinates_source), "coordinates_source")
        self._check_map_reason(loc, entity)
        if len(entity.path) == 1:
            self.report(
                (*loc, "path"), "invalid-value", "a path needs at least two points; add the next"
            )
        if entity.extent_km and not entity.coordinates:
            self.report(
                (*loc, "extent_km"),
                "invalid-value",
                "'extent_km' is measured from 'coordinates'; add the area's rough centre",
            )

    def _check_map_reason(self, loc: Loc, entity: Entity) -> None:
        """A place no article mentions is on the map only with a reason the reader sees."""
        cites_article = any(isinstance(source, str) for source in entity.sources)
        if entity.type == "place" and not cites_article and not entity.map_reason:
            self.report(
                (*loc, "sources"),
                "missing-field",
                f"place '{entity.id}' cites no article sentence; say why the map shows it "
                "under 'map_reason' (the town where the road begins)",
            )

    def _check_source_check(self, loc: Loc, check: SourceCheck) -> None:
        for index, item in enumerate(check.about):
            known = {**self.entities, **self.events}
            if item not in known:
                self.report(
                    (*loc, "about", index),
                    "unknown-entity",
                    f"no entity or event has the id '{item}'{did_you_mean(item, known)}; "
                    "'about' names the entities and events whose pages show the check",
                )
        sentences = list(self._check_sources(loc, list(check.sentences), field="sentences"))
        for index, source in enumerate(check.evidence):
            self._check_external((*loc, "evidence", index), source)
        wanted = normalise_quote(check.article_says)
        if sentences and not word_matches(normalise_quote(sentences[0].text), wanted):
            self.report(
                (*loc, "article_says"),
                "check-not-in-source",
                f"source check '{check.id}': {_excerpt(check.article_says)!r} is not in its "
                f"first sentence {sentences[0].id}; copy the article's words exactly",
            )

    def _check_term(self, loc: Loc, term: GlossaryTerm) -> None:
        self._check_ref((*loc, "entity"), term.entity, self.entities, "entity")
        for index, point in enumerate(term.names):
            self._check_sources((*loc, "names", index), point.sources)
        self._check_sources(loc, term.sources)

    def _has_bad_sentence(self, quote: Quote) -> bool:
        return any(
            isinstance(s, str) and resolve_sentence(s, self.articles)[2] for s in quote.sources
        )


def _excerpt(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
