"""Does what a claim cites say it? The support check, and each claim's own citations.

Every claim of a facts file (an entity's name, each alias, its role, affiliation and side; an
event's date, place and each participant; a quote's speaker; every free statement) is checked
against the sentences it cites: those named for the claim under ``cite:``, or else the item's
``sources``, of which a page then shows only the ones that support the claim. The rules are
about language, never about one story:

- a **name** is supported where a cited sentence contains it, word for word;
- a **role** where a cited sentence names the entity (or refers to it by a pronoun after naming
  it just before) and holds every content word of the role;
- an entity **mentioned** (a place, a participant, an affiliation, a speaker) where a cited
  sentence names it by its name, an alias, a surname or a demonym;
- a **date** where a cited sentence holds a time expression that resolves, against the
  article's publication date, to that date at that precision or better;
- a **statement** where every number, date word, capitalised name and quoted phrase in it
  occurs in a cited sentence or is resolved from one (a date) or names an entity that a cited
  sentence names.

An outside source (a URL) supports a name, a role, a date or a mention, and a statement it is
cited for by name (a point's own sources, or ``cite:``): the editor vouches for what it says. An
item's description or summary must be supported by the item's sentences.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from generator.article import Article, Sentence
from generator.claimdates import date_supported, durations, resolved_dates, when_text
from generator.claims import Cited, Claim, ClaimKey, Source, claims
from generator.extract.timex import MONTHS, WEEKDAYS
from generator.positions import Loc
from generator.quotetext import normalise_quote
from generator.refchecks import resolve_sentence
from generator.schema import Entity, ExternalSource, Facts, When
from generator.words import (
    NameIndex,
    Vocabulary,
    among,
    checked_words,
    contains,
    content_words,
    definite_head,
    forms,
    number_in,
    overlaps,
    spans,
    tokens,
    without_initials,
)

_PRONOUN = re.compile(
    r"\b(?:he|she|they|it|his|her|their|its"
    r"|the\s+(?:statement|readout|spokes(?:man|woman|person)|ministry|department|official"
    r"|minister|president|secretary|agency|office|government|report|source|company))\b",
    re.IGNORECASE,
)
"""A word that refers back to someone named before: a pronoun, or a definite title or
attribution noun ("the statement added", "the ministry said")."""
_STAGES = {
    stage: re.compile(pattern, re.IGNORECASE)
    for stage, pattern in {
        "scheduled": r"\b(?:will|would|due to|scheduled|planned|set to|expected to|supposed to"
        r"|to be held)\b",
        "under way": r"\b(?:under\s?way|ongoing|continu\w*|in progress|taking place|began|begun"
        r"|opened|started)\b",
        "ended": r"\b(?:ended|ends|concluded|closed|wrapped up|finished|came to an end|broke up"
        r"|adjourned|was over|were over)\b",
        "postponed": r"\b(?:postponed|delayed|put off|pushed back|rescheduled)\b",
        "cancelled": r"\b(?:cancell?ed|called off|scrapped|abandoned)\b",
    }.items()
}
"""The words that say where an event stands."""
_LOOK_BACK = 3
"""How many sentences before a pronoun its referent may have been named."""


@dataclass
class SupportReport:
    """What the check found: each claim's supporting sources, and what no source supports."""

    sources: dict[ClaimKey, tuple[Source, ...]] = field(default_factory=dict)
    unsupported: list[tuple[Loc, str]] = field(default_factory=list)


def check_support(facts: Facts, articles: Sequence[Article]) -> SupportReport:
    """Check every claim of ``facts`` against what it cites."""
    checker = _Support(facts, {article.id: article for article in articles})
    report = SupportReport()
    for claim in claims(facts):
        supporting, problem = checker.check(claim)
        report.sources[claim.key] = supporting or claim.sources
        if problem:
            report.unsupported.append((claim.loc, problem))
    return report


# ── The rules ───────────────────────────────────────────────────────────────────────────────


class _Support:
    def __init__(self, facts: Facts, articles: Mapping[str, Article]) -> None:
        self.articles = dict(articles)
        self.entities = {entity.id: entity for entity in facts.entities}
        self.names = NameIndex(facts.entities)
        self.sentences = {
            article.id: [s for paragraph in article.paragraphs for s in paragraph.sentences]
            for article in articles.values()
        }
        self._positions = {
            article_id: {sentence.id: index for index, sentence in enumerate(sentences)}
            for article_id, sentences in self.sentences.items()
        }
        self._mentions: dict[tuple[str, str, str], bool] = {}
        self._date_words: dict[tuple[str, str], frozenset[str]] = {}
        self._references: dict[tuple[str, str, str], bool] = {}
        self._in_story: dict[str, bool] = {}
        self._all_entity_words: frozenset[str] | None = None
        self._vocabularies: dict[tuple[str, str], Vocabulary] = {}
        self._referred: dict[tuple[str, str], frozenset[str]] = {}
        self._entity_form_words: dict[str, tuple[str, ...]] = {}

    def check(self, claim: Claim) -> tuple[tuple[Source, ...], str | None]:
        """The sources that support ``claim`` (outside ones only if no sentence does), and a
        message saying what is missing when none does."""
        cited = [c for c in (self._cited(s) for s in claim.sources if isinstance(s, str)) if c]
        outside = tuple(s for s in claim.sources if isinstance(s, ExternalSource))
        if claim.kind == "statement" and cited and self._supports(claim, cited):
            return self._statement_citations(claim.value, cited), None
        if claim.kind == "date" and cited and self._supports(claim, cited):
            return self._date_citations(claim, cited), None
        supporting = [c.reference for c in cited if self._supports(claim, [c])]
        if supporting:
            # One sentence that says it is the citation a reader needs.
            return (supporting[0],), None
        if outside and claim.kind == "statement" and claim.explicit:
            # The editor vouches for what the outside source adds to the sentences.
            return (*self._statement_citations(claim.value, cited), *outside), None
        if outside and (claim.kind != "statement" or claim.explicit):
            return outside, None
        return (), self._problem(claim, cited)

    def _statement_citations(self, statement: str, cited: list[Cited]) -> tuple[str, ...]:
        """The fewest cited sentences that say the statement's words: each chosen in turn for
        the most words of the statement it adds, while it adds a checked word (a name, a
        number, a date) or at least two others."""
        wanted = {word.lower() for word in content_words(statement)}
        checked = {word.lower() for word in checked_words(statement, self._entity_words())}
        chosen: list[Cited] = []
        remaining = list(cited)
        while remaining and wanted:
            gains = [(self._covered(c, wanted), c) for c in remaining]
            gain, best = max(gains, key=lambda pair: len(pair[0]))
            if not (gain & checked or len(gain) >= 2):
                break
            chosen.append(best)
            remaining.remove(best)
            wanted -= gain
        chosen = chosen or cited[:1]
        return tuple(c.reference for c in cited if c in chosen)

    def _covered(self, cited: Cited, wanted: set[str]) -> set[str]:
        words = self._vocabulary(cited)
        return {word for word in wanted if word in words or number_in(word, words.exact)}

    def _vocabulary(self, cited: Cited) -> Vocabulary:
        """The words of a cited sentence and of the dates it resolves to."""
        key = (cited.article.id, cited.sentence.id)
        if key not in self._vocabularies:
            words = [*tokens(cited.sentence.text), *self._dates_in(cited)]
            self._vocabularies[key] = Vocabulary(words)
        return self._vocabularies[key]

    def _date_citations(self, claim: Claim, cited: list[Cited]) -> tuple[str, ...]:
        """The sentences that hold the date's own words (``expression``) if they date it;
        else the first cited sentence that dates the claim alone, or the first for each end."""
        assert claim.when is not None
        parts = [
            part.strip(" .,").casefold()
            for part in re.split(r"…|\.\.\.", claim.when.expression or "")
            if part.strip(" .,")
        ]
        firsts = {
            next((c.reference for c in cited if part in c.sentence.text.casefold()), "")
            for part in parts
        }
        holding = [c for c in cited if c.reference in firsts]
        if holding and self._supports(claim, holding):
            return tuple(c.reference for c in holding)
        alone = [c for c in cited if self._supports(claim, [c])]
        if alone:
            return (alone[0].reference,)
        ends = [When(date=claim.when.start), When(date=claim.when.end)]
        chosen = {
            next(c.reference for c in cited if date_supported(end, [c]))
            for end in ends
            if any(date_supported(end, [c]) for c in cited)
        }
        if len(chosen) < 2:  # the end is given as a length ("to last four days")
            chosen |= {next((c.reference for c in cited if durations(c)), "")} - {""}
        return tuple(c.reference for c in cited if c.reference in chosen)

    def _cited(self, reference: str) -> Cited | None:
        article, sentence, _ = resolve_sentence(reference, self.articles)
        if article is None or sentence is None:
            return None
        return Cited(reference, article, sentence, self._positions[article.id][sentence.id])

    def _supports(self, claim: Claim, cited: list[Cited]) -> bool:
        if claim.kind == "name":
            return any(self._names(c, claim) for c in cited)
        if claim.kind == "mention":
            return any(self._refers_to(c, claim.value) for c in cited)
        if claim.kind == "speaker":
            return any(self._refers_to(c, claim.value) for c in cited)
        if claim.kind == "role":
            assert claim.subject is not None
            return any(self._states_role(c, claim.subject, claim.value) for c in cited)
        if claim.kind == "date":
            assert claim.when is not None
            return date_supported(claim.when, cited)
        if claim.kind == "stage":
            return any(_STAGES[claim.value].search(c.sentence.text) for c in cited)
        return not self._missing_words(claim.value, cited)

    # names and mentions

    def _names(self, cited: Cited, claim: Claim) -> bool:
        """The name as written, or without its initials ("George Shultz"); a group's or an
        organisation's descriptive name ("Russian peacekeepers") may instead be made of words
        of the sentence and of the entities it names."""
        text = cited.sentence.text
        if contains(text, claim.value) or contains(text, without_initials(claim.value)):
            return True
        entity = self.entities.get(claim.key[1]) if claim.key[0] == "entity" else None
        if entity is None or entity.type not in ("group", "organisation"):
            return False
        return not self._missing_words(claim.value, [cited], every_word=True, own=entity.id)

    def _mentions_entity(self, cited: Cited, entity_id: str) -> bool:
        key = (cited.article.id, cited.sentence.id, entity_id)
        if key not in self._mentions:
            entity = self.entities.get(entity_id)
            text = cited.sentence.text
            self._mentions[key] = entity is not None and any(
                contains(text, form) for form in forms(entity)
            )
        return self._mentions[key]

    def _refers_to(self, cited: Cited, entity_id: str) -> bool:
        """Named in the sentence; or named just before and referred to by a pronoun or a title
        ("he said", "the statement added"); or named in the same article and referred to by the
        head of its name ("the union" for the Valmar Dockers Union) and named in the story."""
        key = (cited.article.id, cited.sentence.id, entity_id)
        if key not in self._references:
            self._references[key] = self._find_reference(cited, entity_id)
        return self._references[key]

    def _find_reference(self, cited: Cited, entity_id: str) -> bool:
        if self._mentions_entity(cited, entity_id):
            return True
        entity = self.entities.get(entity_id)
        if entity is not None and definite_head(cited.sentence.text, entity, qualified=True):
            return True  # "the port authority" for the Valmar port authority
        if entity is not None and definite_head(cited.sentence.text, entity):
            return self._named_in_story(entity_id)
        if not _PRONOUN.search(cited.sentence.text):
            return False
        return any(
            self._mentions_entity(self._at(cited, s), entity_id) for s in self._before(cited)
        )

    def _before(self, cited: Cited) -> list[Sentence]:
        """The sentences before ``cited`` that a pronoun of it may point back to."""
        sentences = self.sentences[cited.article.id]
        return sentences[max(0, cited.index - _LOOK_BACK) : cited.index]

    def referred(self, cited: Cited) -> frozenset[str]:
        """The ids of the entities ``cited`` names or refers to (:meth:`_refers_to`), found
        among those whose names' last words the sentence, or the sentences a pronoun of it
        may point back to, hold: an archive's story may name thousands."""
        key = (cited.article.id, cited.sentence.id)
        if key not in self._referred:
            words = tokens(cited.sentence.text)
            if _PRONOUN.search(cited.sentence.text):
                before = self._before(cited)
                words += [word for sentence in before for word in tokens(sentence.text)]
            self._referred[key] = frozenset(
                entity.id
                for entity in self.names.candidates(words)
                if self._refers_to(cited, entity.id)
            )
        return self._referred[key]

    def _words_of(self, entity: Entity) -> tuple[str, ...]:
        """The words of an entity's names and of its role."""
        if entity.id not in self._entity_form_words:
            self._entity_form_words[entity.id] = tuple(
                word for form in (*forms(entity), entity.role or "") for word in tokens(form)
            )
        return self._entity_form_words[entity.id]

    def _named_in_story(self, entity_id: str) -> bool:
        if entity_id not in self._in_story:
            self._in_story[entity_id] = any(
                self._mentions_entity(Cited("", self.articles[article_id], sentence, -1), entity_id)
                for article_id, story_sentences in self.sentences.items()
                for sentence in story_sentences
            )
        return self._in_story[entity_id]

    @staticmethod
    def _at(cited: Cited, sentence: Sentence) -> Cited:
        return Cited(f"{cited.article.id}#{sentence.id}", cited.article, sentence, -1)

    def _states_role(self, cited: Cited, entity_id: str, role: str) -> bool:
        if not self._refers_to(cited, entity_id):
            return False
        words = self._role_window(cited, entity_id)
        return all(among(word, words) for word in content_words(role))

    def _role_window(self, cited: Cited, entity_id: str) -> list[str]:
        """The words a sentence says of one person: from the end of the person named before
        to the start of the one named after ("Portugal's Prime Minister Luis Montenegro met
        Spanish Foreign Minister Jose Albares": "Prime" is not Albares's). A plural title
        shared by a pair ("Foreign Ministers X and Y") is said of both."""
        words = tokens(cited.sentence.text)
        own = spans(words, self.entities[entity_id])
        if not own:
            return words  # named by a pronoun: the sentence cannot be split
        others = sorted(
            span
            for other in self.names.candidates(words)
            if other.id != entity_id and other.type == "person"
            for span in spans(words, other)
            if not overlaps(span, own[0])
        )
        before = [span for span in others if span[1] <= own[0][0]]
        after = [span for span in others if span[0] >= own[0][1]]
        start = before[-1][1] if before else 0
        end = after[0][0] if after else len(words)
        window = words[start:end]
        text = " ".join(window)
        window += [  # "the general secretary of the union": the union's name is said
            word
            for other in self.names.candidates(words)
            if other.type != "person" and definite_head(text, other)
            and self._refers_to(cited, other.id)
            for word in tokens(other.name)
        ]  # fmt: skip
        if before and words[start : start + 1] and words[start].lower() in ("and", "or"):
            previous_start = before[-2][1] if len(before) > 1 else 0
            shared = words[previous_start : before[-1][0]]
            if any(word.endswith("s") and word[:1].isupper() for word in shared):
                window += shared  # "Foreign Ministers X and Y"
        return window

    # statements

    def _missing_words(
        self, statement: str, cited: list[Cited], every_word: bool = False, own: str = ""
    ) -> list[str]:
        """The numbers, dates, names and quoted phrases of ``statement`` that no cited
        sentence holds, resolves to or names (every word of it, with ``every_word``; the names
        of entity ``own`` do not count, when it is one of its own names being checked)."""
        texts = [c.sentence.text for c in cited]
        words = Vocabulary(word for c in cited for word in self._vocabulary(c))
        referred = {entity_id for c in cited for entity_id in self.referred(c)} - {own}
        named = Vocabulary(
            word
            for entity in self.entities.values()
            if entity.id in referred
            for word in self._words_of(entity)
        )
        missing = []
        checked = (
            content_words(statement)
            if every_word
            else checked_words(statement, self._entity_words())
        )
        for word in checked:
            if not (word in words or word in named or number_in(word, words.exact)):
                missing.append(word)
        joined = normalise_quote(" ".join(texts)).lower()
        for phrase in re.findall(r'"([^"]+)"', normalise_quote(statement)):
            if phrase.strip(" ,.").lower() not in joined:
                missing.append(f'"{phrase}"')
        return list(dict.fromkeys(missing))

    def _entity_words(self) -> frozenset[str]:
        if self._all_entity_words is None:
            self._all_entity_words = frozenset(
                word.lower()
                for entity in self.entities.values()
                for form in forms(entity)
                for word in tokens(form)
            )
        return self._all_entity_words

    def _dates_in(self, cited: Cited) -> frozenset[str]:
        """The words of every date a time expression of the sentence resolves to."""
        key = (cited.article.id, cited.sentence.id)
        if key not in self._date_words:
            self._date_words[key] = frozenset(
                word
                for first, last, _ in resolved_dates(cited)
                for day in (first, last)
                for word in (str(day.day), MONTHS[day.month - 1], str(day.year),
                             WEEKDAYS[day.weekday()], f"{day.year // 10 * 10}s")
            )  # fmt: skip
        return self._date_words[key]

    # messages

    def _problem(self, claim: Claim, cited: list[Cited]) -> str:
        label = _label(claim)
        if not cited:
            return f"{label}: it cites no sentence that can be checked; cite one that says it"
        if claim.kind == "name":
            return f"{label}: {self._nowhere(repr(claim.value), claim.value, claim=claim)}"
        if claim.kind in ("mention", "speaker"):
            entity = self.entities.get(claim.value)
            name = entity.name if entity else claim.value
            return (
                f"{label}: no cited sentence names {name}"
                f"{self._elsewhere(entity)}; cite one that does"
            )
        if claim.kind == "role":
            assert claim.subject is not None
            return self._role_problem(label, claim, cited)
        if claim.kind == "stage":
            return (
                f"{label}: no cited sentence says the event is {claim.value}; cite the sentence "
                "(of the latest article) that does"
            )
        if claim.kind == "date":
            assert claim.when is not None
            return (
                f"{label}: no cited sentence holds a time expression that resolves to "
                f"{when_text(claim.when)}; cite the sentence that dates it, or an outside source"
            )
        missing = self._missing_words(claim.value, cited)
        shown = ", ".join(f"'{word}'" if not word.startswith('"') else word for word in missing)
        where = self._nowhere(shown, missing[0].strip('"'), len(missing) > 1, claim)
        return f"{label}: {where}"

    def _role_problem(self, label: str, claim: Claim, cited: list[Cited]) -> str:
        assert claim.subject is not None
        entity = self.entities[claim.subject]
        if not any(self._refers_to(c, claim.subject) for c in cited):
            return (
                f"{label}: no cited sentence names {entity.name}; cite the one that gives the role"
            )
        absent = min(
            (
                [w for w in content_words(claim.value) if not among(w, window)]
                for c in cited
                if self._refers_to(c, claim.subject)
                for window in [self._role_window(c, claim.subject)]
            ),
            key=len,
        )
        return (
            f"{label}: no cited sentence says it of {entity.name} "
            f"({', '.join(repr(w) for w in absent)} not said of them); cite the one that does"
        )

    def _nowhere(
        self, shown: str, probe: str, several: bool = False, claim: Claim | None = None
    ) -> str:
        verb = "appear" if several else "appears"
        found = self._find(probe) or self._find(without_initials(probe))
        if found:
            advice = _how(claim, found)
            return f"{shown} {verb} in no cited sentence; {probe!r} is in {found}: {advice}"
        return (
            f"{shown} {verb} in no cited sentence nor anywhere in the articles; "
            "cite an outside source or drop it"
        )

    def _elsewhere(self, entity: Entity | None) -> str:
        if entity is None:
            return ""
        for form in forms(entity):
            found = self._find(form)
            if found:
                return f" (it is named in {found})"
        return ""

    def _find(self, words: str) -> str | None:
        several = len(self.articles) > 1
        for article_id, sentences in self.sentences.items():
            for sentence in sentences:
                if contains(sentence.text, words):
                    return f"{article_id}#{sentence.id}" if several else sentence.id
        return None


def _how(claim: Claim | None, reference: str) -> str:
    """How to cite ``reference`` for this claim alone."""
    if claim is None or claim.explicit or claim.key[0] not in ("entity", "event"):
        return "cite it"
    name = claim.key[2]
    if name == "alias":
        return f"cite it as `cite: {{aliases: {{{claim.value}: [{reference}]}}}}`"
    if name == "participant":
        return f"cite it as `cite: {{participants: {{{claim.value}: [{reference}]}}}}`"
    return f"cite it as `cite: {{{name}: [{reference}]}}`"


def _label(claim: Claim) -> str:
    kind, item = claim.key[0], claim.key[1]
    what = claim.key[2] if len(claim.key) > 2 else "text"
    names = {
        "alias": f"alias '{claim.value}'",
        "name": "name",
        "role": f"role '{claim.value}'",
        "when": "date",
        "participant": f"participant '{claim.value}'",
        "reported_by": "relayer",
        "stage": f"stage '{claim.value}'",
        "notes": "note",
        "agenda": "agenda point",
        "names": "note on its names",
    }
    if kind in ("summary", "background"):
        return f"{kind} statement {int(item) + 1}"
    return f"{kind} '{item}', {names.get(what, what)}"
