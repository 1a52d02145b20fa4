"""Cross-reference checks on a loaded story: sentences, quotes, ids, references and dates.

Schema errors (types, unknown keys, missing fields) are found while loading; this module finds
what only the whole story can tell: that a cited sentence exists, that a quote is really in its
sentence, that every id referred to is defined, and that every date is real.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from generator.dates import parse_moment
from generator.diagnostics import Diagnostic, Severity
from generator.frontmatter import did_you_mean
from generator.schema import (
    Account,
    Change,
    Disagreement,
    Entity,
    Event,
    ExternalSource,
    GlossaryTerm,
    Quote,
    SourceCheck,
    When,
)

if TYPE_CHECKING:
    from generator.article import Article, Sentence
    from generator.storyfiles import StoryFiles

_QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„‟″«»"} | {c: "'" for c in "‘’‚‛′"})
_SPACE = re.compile(r"\s+")

Loc = tuple[str | int, ...]


def normalise_quote(text: str) -> str:
    """Text with curly quotes made straight and runs of white space made one space."""
    return _SPACE.sub(" ", text.translate(_QUOTE_MARKS)).strip()


def word_matches(text: str, words: str) -> list[int]:
    """Where ``words`` starts in ``text`` without beginning or ending inside a word."""
    found = []
    start = text.find(words) if words else -1
    while start >= 0:
        end = start + len(words)
        cuts_in = _word_char(text, start - 1) and _word_char(words, 0)
        cuts_out = _word_char(text, end) and _word_char(words, len(words) - 1)
        if not cuts_in and not cuts_out:
            found.append(start)
        start = text.find(words, start + 1)
    return found


def _word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalnum()


def quoted(text: str, start: int, words: str) -> bool:
    """Whether ``words``, found at ``start`` in ``text``, lies inside a quotation: between double
    quotation marks (``text`` has them straight, from :func:`normalise_quote`), or single ones;
    its own opening and closing marks count. A sentence may open inside a quotation an earlier
    one began (``We will sign," he said.``), or end inside one that the next sentence closes."""
    core = words.lstrip("\"'")
    start += len(words) - len(core)
    length = len(core.rstrip("\"'"))
    marks = [i for i, c in enumerate(text) if c == '"']
    inside = bool(marks) and _closes(text, marks[0])
    for index in marks:
        if index >= start:
            break
        inside = not inside
    if inside:
        return True
    end = start + length
    opening = any(
        text[i] == "'" and not _word_char(text, i - 1) and _word_char(text, i + 1)
        for i in range(start)
    )
    closing = any(text[i] == "'" and not _word_char(text, i + 1) for i in range(end, len(text)))
    return opening and closing


def _closes(text: str, index: int) -> bool:
    """Whether the quotation mark at ``index`` ends a quotation: it follows a word or a mark,
    and a space, punctuation or the end follows it."""
    return index > 0 and not text[index - 1].isspace() and not _word_char(text, index + 1)


def resolve_sentence(
    reference: str, articles: dict[str, Article]
) -> tuple[Article | None, Sentence | None, str | None]:
    """Look a sentence reference up: (article, sentence, problem)."""
    article_id, _, sentence_id = reference.rpartition("#")
    if not article_id:
        if len(articles) != 1:
            return None, None, "ambiguous-sentence"
        article_id = next(iter(articles))
    article = articles.get(article_id)
    if article is None:
        return None, None, "unknown-article"
    sentence = article.sentence(sentence_id)
    return article, sentence, None if sentence else "unknown-sentence"


def validate_story(story: StoryFiles) -> list[Diagnostic]:
    """Every cross-reference problem in the story's facts file, in one pass."""
    checker = _Checker(story)
    checker.run()
    return checker.diagnostics


def positioned(
    story: StoryFiles,
    found: Iterable[tuple[Loc, str]],
    code: str,
    severity: Severity = Severity.WARNING,
) -> list[Diagnostic]:
    """Diagnostics for findings of a later check (:mod:`generator.support`,
    :mod:`generator.corrections`), at their places in the facts file."""
    checker = _Checker(story)
    for loc, message in found:
        checker.report(loc, code, message, severity=severity)
    return checker.diagnostics


class _Checker:
    def __init__(self, story: StoryFiles) -> None:
        assert story.facts is not None and story.facts_document is not None
        self.story = story
        self.facts = story.facts
        self.document = story.facts_document
        self.articles = {article.id: article for article in story.articles}
        self.entities = {entity.id: entity for entity in self.facts.entities}
        self.events = {event.id: event for event in self.facts.events}
        self.diagnostics: list[Diagnostic] = []

    def report(
        self,
        loc: Loc,
        code: str,
        message: str,
        *,
        value: bool = True,
        severity: Severity = Severity.ERROR,
    ) -> None:
        positions = self.document.positions
        key = loc
        if value and (*loc, "__value__") in positions:
            key = (*loc, "__value__")
        elif value and loc not in positions:
            # A field that is not in the file as written (``when: 2023-05-01`` is short for
            # ``when: {date: ...}``): point at the nearest written value.
            for end in range(len(loc) - 1, 0, -1):
                if (*loc[:end], "__value__") in positions:
                    key = (*loc[:end], "__value__")
                    break
        line, column = self.document.position(key)
        self.diagnostics.append(
            Diagnostic(self.document.path, line, column, code, message, severity)
        )

    def run(self) -> None:
        for index, entity in enumerate(self.facts.entities):
            self._check_entity(("entities", index), entity)
        for index, event in enumerate(self.facts.events):
            self._check_event(("events", index), event)
        for index, quote in enumerate(self.facts.quotes):
            self._check_quote(("quotes", index), quote)
        for section in ("summary", "background"):
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
        for field in ("path", "extent_km"):
            if getattr(entity, field) and entity.type != "place":
                self.report((*loc, field), "invalid-value", f"only places have '{field}'")
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

    def _check_ref(
        self, loc: Loc, value: str | None, known: Mapping[str, object], kind: str
    ) -> None:
        if value is not None and value not in known:
            self.report(
                loc,
                f"unknown-{kind}",
                f"no {kind} has the id '{value}'{did_you_mean(value, known)}; "
                f"define it under '{'entities' if kind == 'entity' else 'events'}' or fix the id",
            )

    def _check_sources(
        self, loc: Loc, sources: list[str | ExternalSource], field: str = "sources"
    ) -> Iterator[Sentence]:
        found: list[Sentence] = []
        for index, source in enumerate(sources):
            source_loc = (*loc, field, index)
            if isinstance(source, ExternalSource):
                self._check_external(source_loc, source)
                continue
            article, sentence, problem = resolve_sentence(source, self.articles)
            if sentence is not None:
                found.append(sentence)
            elif article is not None and not article.paragraphs:
                # The article itself is reported as empty; one error per citation is noise.
                continue
            elif problem:
                self.report(source_loc, problem, self._sentence_problem(source, problem))
        return iter(found)

    def _sentence_problem(self, reference: str, problem: str) -> str:
        article_id, _, sentence_id = reference.rpartition("#")
        if problem == "ambiguous-sentence":
            return (
                f"'{reference}' does not say which article; the story has several, "
                f"write 'article-id#{sentence_id}' ({', '.join(self.articles)})"
            )
        if problem == "unknown-article":
            return f"no article has the id '{article_id}'{did_you_mean(article_id, self.articles)}"
        article = self.articles[article_id or next(iter(self.articles))]
        last = article.sentences[-1].id if article.sentences else "none"
        return (
            f"sentence '{sentence_id}' does not exist in article '{article.id}' "
            f"({len(article.paragraphs)} paragraphs, last sentence {last})"
        )

    def _check_external(self, loc: Loc, source: ExternalSource) -> None:
        if source.date is not None:
            try:
                parse_moment(source.date)
            except ValueError as error:
                self.report((*loc, "date"), "invalid-date", str(error))

    def _check_when(self, loc: Loc, when: When) -> None:
        if (when.date is None) == (when.start is None):
            self.report(
                loc, "invalid-date", "give either 'date', or 'start' with 'end'", value=False
            )
            return
        if when.date is not None and when.end is not None:
            self.report((*loc, "end"), "invalid-date", "'end' needs 'start', not 'date'")
        moments = {}
        for field in ("date", "start", "end"):
            text = getattr(when, field)
            if text is None:
                continue
            try:
                moments[field] = parse_moment(text)
            except ValueError as error:
                self.report((*loc, field), "invalid-date", str(error))
        start, end = moments.get("start"), moments.get("end")
        if start and end and end.last_day() < start.first_day():
            self.report(
                (*loc, "end"),
                "date-range-reversed",
                f"the range ends ({when.end}) before it starts ({when.start})",
            )

    # ── Several articles: disagreements and the changelog ──────────────────────────────────

    def _check_disagreement(self, loc: Loc, disagreement: Disagreement) -> None:
        for index, account in enumerate(disagreement.accounts):
            account_loc = (*loc, "accounts", index)
            self._check_sources(account_loc, account.sources)
            if getattr(account, disagreement.field) is None:
                self.report(
                    account_loc,
                    "missing-field",
                    f"account {index + 1} of disagreement '{disagreement.id}' does not say which "
                    f"{disagreement.field} its source gives; add '{disagreement.field}'",
                    value=False,
                )
            elif account.when is not None:
                self._check_when((*account_loc, "when"), account.when)
        subject = self._disputed(loc, disagreement)
        values = [_account_value(a, disagreement.field) for a in disagreement.accounts]
        if subject is None or None in values:
            return
        if len(set(values)) < len(values):
            self.report(
                (*loc, "accounts"),
                "disagreement-same",
                f"two accounts of disagreement '{disagreement.id}' give the same "
                f"{disagreement.field}; merge their sources into one account",
                value=False,
            )
        own = _subject_value(subject, disagreement.field)
        if own not in values:
            self.report(
                (*loc, "event" if disagreement.field == "when" else "entity"),
                "disagreement-unlisted",
                f"the {disagreement.field} of '{subject.id}' in the facts is none of the accounts "
                f"of disagreement '{disagreement.id}'; set it to the account it follows",
            )

    def _disputed(self, loc: Loc, disagreement: Disagreement) -> Event | Entity | None:
        if disagreement.field == "when":
            self._check_ref((*loc, "event"), disagreement.event, self.events, "event")
            wanted, other = disagreement.event, disagreement.entity
            subject: Event | Entity | None = self.events.get(wanted or "")
        else:
            self._check_ref((*loc, "entity"), disagreement.entity, self.entities, "entity")
            wanted, other = disagreement.entity, disagreement.event
            subject = self.entities.get(wanted or "")
        kind = "event" if disagreement.field == "when" else "entity"
        if wanted is None or other is not None:
            self.report(
                (*loc, "field"),
                "invalid-value",
                f"a disagreement about '{disagreement.field}' names one {kind} with '{kind}' "
                f"and nothing else",
            )
            return None
        return subject

    def _check_change(self, loc: Loc, change: Change) -> None:
        try:
            if parse_moment(change.date).precision != "day":
                self.report(
                    (*loc, "date"), "invalid-date", "a change is dated to the day: YYYY-MM-DD"
                )
        except ValueError as error:
            self.report((*loc, "date"), "invalid-date", str(error))
        if change.article not in self.articles:
            self.report(
                (*loc, "article"),
                "unknown-article",
                f"no article has the id '{change.article}'"
                f"{did_you_mean(change.article, self.articles)}",
            )
        if change.type == "removed":
            return  # what was removed is gone from the facts, by design
        known = {**self.entities, **self.events, **{q.id: q for q in self.facts.quotes}}
        for index, item in enumerate(change.items):
            if item not in known:
                self.report(
                    (*loc, "items", index),
                    "unknown-id",
                    f"no entity, event or quote has the id '{item}'{did_you_mean(item, known)}",
                )


def _account_value(account: Account, field: str) -> object:
    if field == "when":
        return _when_key(account.when) if account.when else None
    return account.role


def _subject_value(subject: Event | Entity, field: str) -> object:
    if isinstance(subject, Event):
        return _when_key(subject.when)
    return subject.role


def _when_key(when: When) -> tuple[object, ...]:
    """A date without the words it was resolved from: two accounts may word it differently."""
    return (when.date, when.start, when.end, when.part, when.approximate)


def _excerpt(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
