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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from generator.article import Article, Sentence
from generator.dates import parse_moment
from generator.extract.timex import Context, find_time_expressions
from generator.schema import Entity, Event, ExternalSource, Facts, Point, Quote, When
from generator.validate import Loc, normalise_quote, resolve_sentence

Source = str | ExternalSource
ClaimKey = tuple[str, ...]
"""What a page asks for: ``("entity", id, "role")``, ``("entity", id, "alias", alias)``,
``("event", id, "participant", entity_id)``…"""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)*")
_MINOR = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "its",
        "his",
        "her",
        "their",
    ]
)
_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000, "million": 10**6,
    "billion": 10**9,
}  # fmt: skip
_PRONOUN = re.compile(
    r"\b(?:he|she|they|it|his|her|their|its"
    r"|the\s+(?:statement|readout|spokes(?:man|woman|person)|ministry|department|official"
    r"|minister|president|secretary|agency|office|government|report|source|company))\b",
    re.IGNORECASE,
)
"""A word that refers back to someone named before: a pronoun, or a definite title or
attribution noun ("the statement added", "the ministry said")."""
_DEMONYMS = {
    "france": "french", "netherlands": "dutch", "britain": "british", "kingdom": "british",
    "switzerland": "swiss", "greece": "greek", "turkey": "turkish", "poland": "polish",
    "spain": "spanish", "denmark": "danish", "sweden": "swedish", "finland": "finnish",
    "ireland": "irish", "wales": "welsh", "scotland": "scottish", "england": "english",
    "philippines": "filipino", "portugal": "portuguese", "japan": "japanese",
    "vietnam": "vietnamese", "thailand": "thai", "iceland": "icelandic", "norway": "norwegian",
    "germany": "german", "belgium": "belgian", "cyprus": "cypriot", "yemen": "yemeni",
    "pakistan": "pakistani", "afghanistan": "afghan", "madagascar": "malagasy",
    "argentina": "argentine", "peru": "peruvian", "uzbekistan": "uzbek",
    "kazakhstan": "kazakh", "tajikistan": "tajik", "kyrgyzstan": "kyrgyz",
    "turkmenistan": "turkmen", "mongolia": "mongolian", "slovakia": "slovak",
    "czechia": "czech", "croatia": "croatian", "serbia": "serbian", "iraq": "iraqi",
}  # fmt: skip
"""Country names whose adjective shares too little of the name to be found by spelling."""
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
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


@dataclass(frozen=True)
class Claim:
    """One checkable statement of a facts file."""

    loc: Loc
    """Where it is written (a path into the facts file)."""
    key: ClaimKey
    kind: str
    """``name``, ``role``, ``mention``, ``date``, ``speaker`` or ``statement``."""
    value: str
    sources: tuple[Source, ...]
    subject: str | None = None
    """The entity a role or a mention is about (the entity mentioned, for ``mention``)."""
    explicit: bool = True
    """Whether the sources were named for this claim, not inherited from the item."""
    when: When | None = None


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


# ── The claims of a facts file ──────────────────────────────────────────────────────────────


def claims(facts: Facts) -> Iterator[Claim]:
    """Every claim of the facts file, with the sources it is checked against."""
    for section in ("summary", "background"):
        for index, point in enumerate(getattr(facts, section)):
            yield _point((section, index), (section, str(index)), point)
    for index, entity in enumerate(facts.entities):
        yield from _entity_claims(("entities", index), entity)
    for index, event in enumerate(facts.events):
        yield from _event_claims(("events", index), event)
    for index, quote in enumerate(facts.quotes):
        yield from _quote_claims(("quotes", index), quote)
    for index, term in enumerate(facts.glossary):
        loc, key = ("glossary", index), ("glossary", term.id)
        sources = tuple(term.sources)
        # The term's notes on its names are where the sources of its other names are cited.
        naming = sources + tuple(source for point in term.names for source in point.sources)
        yield Claim((*loc, "term"), (*key, "term"), "name", term.term, sources)
        for number, alias in enumerate(term.aliases):
            yield Claim((*loc, "aliases", number), (*key, "alias", alias), "name", alias, naming)
        yield Claim(
            (*loc, "definition"), (*key, "definition"), "statement", term.definition, sources
        )
        for number, point in enumerate(term.names):
            yield _point((*loc, "names", number), (*key, "names", str(number)), point)


def _point(loc: Loc, key: ClaimKey, point: Point) -> Claim:
    return Claim((*loc, "text"), key, "statement", point.text, tuple(point.sources))


def _cited(item: Entity | Event, name: str, *extra: str) -> tuple[tuple[Source, ...], bool]:
    """The sources named for one claim under ``cite:``, or the item's own."""
    own = item.cite.sources(name, *extra) if item.cite else None
    return (tuple(own), True) if own else (tuple(item.sources), False)


def _entity_claims(loc: Loc, entity: Entity) -> Iterator[Claim]:
    key = ("entity", entity.id)

    def claim(name: str, kind: str, value: str, *, at: Loc = (), subject: str | None = None,
              extra: tuple[str, ...] = ()) -> Claim:  # fmt: skip
        sources, explicit = _cited(entity, name, *extra)
        where, what = (*loc, *(at or (name,))), (*key, name, *extra)
        return Claim(where, what, kind, value, sources, subject, explicit=explicit)

    yield claim("name", "name", entity.name)
    for number, alias in enumerate(entity.aliases):
        yield claim("alias", "name", alias, at=("aliases", number), extra=(alias,))
    if entity.role:
        yield claim("role", "role", entity.role, subject=entity.id)
    for name in ("affiliation", "side"):
        target = getattr(entity, name)
        if target and target != entity.id:
            yield claim(name, "mention", target, subject=target)
    if entity.description:
        yield claim("description", "statement", entity.description)
    for number, point in enumerate(entity.notes):
        yield _point((*loc, "notes", number), (*key, "notes", str(number)), point)


def _event_claims(loc: Loc, event: Event) -> Iterator[Claim]:
    key = ("event", event.id)
    sources, explicit = _cited(event, "title")
    yield Claim((*loc, "title"), (*key, "title"), "statement", event.title, sources, None, explicit)
    sources, _ = _cited(event, "when")
    yield Claim((*loc, "when"), (*key, "when"), "date", "", sources, when=event.when)
    if event.place:
        sources, _ = _cited(event, "place")
        yield Claim((*loc, "place"), (*key, "place"), "mention", event.place, sources, event.place)
    for number, participant in enumerate(event.participants):
        sources, _ = _cited(event, "participant", participant.entity)
        yield Claim(
            (*loc, "participants", number),
            (*key, "participant", participant.entity),
            "mention",
            participant.entity,
            sources,
            participant.entity,
        )
    if event.stage:
        sources, _ = _cited(event, "stage")
        yield Claim((*loc, "stage"), (*key, "stage"), "stage", event.stage, sources)
    if event.summary:
        sources, explicit = _cited(event, "summary")
        yield Claim(
            (*loc, "summary"),
            (*key, "summary"),
            "statement",
            event.summary,
            sources,
            None,
            explicit,
        )
    for number, point in enumerate(event.agenda):
        yield _point((*loc, "agenda", number), (*key, "agenda", str(number)), point)


def _quote_claims(loc: Loc, quote: Quote) -> Iterator[Claim]:
    key = ("quote", quote.id)
    sources = tuple(quote.sources[:1])
    yield Claim(
        (*loc, "speaker"), (*key, "speaker"), "speaker", quote.speaker, sources, quote.speaker
    )
    if quote.reported_by:
        yield Claim(
            (*loc, "reported_by"),
            (*key, "reported_by"),
            "speaker",
            quote.reported_by,
            tuple(quote.sources),
            quote.reported_by,
        )
    if quote.context:
        context = tuple(quote.sources)
        yield Claim((*loc, "context"), (*key, "context"), "statement", quote.context, context)


# ── The rules ───────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class _Cited:
    """A cited sentence, with the article it is in and its place there."""

    reference: str
    article: Article
    sentence: Sentence
    index: int
    """Its position among the article's sentences."""


class _Support:
    def __init__(self, facts: Facts, articles: Mapping[str, Article]) -> None:
        self.articles = dict(articles)
        self.entities = {entity.id: entity for entity in facts.entities}
        self.sentences = {
            article.id: [s for paragraph in article.paragraphs for s in paragraph.sentences]
            for article in articles.values()
        }
        self._mentions: dict[tuple[str, str, str], bool] = {}
        self._date_words: dict[tuple[str, str], frozenset[str]] = {}

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

    def _statement_citations(self, statement: str, cited: list[_Cited]) -> tuple[str, ...]:
        """The fewest cited sentences that say the statement's words: each chosen in turn for
        the most words of the statement it adds, while it adds a checked word (a name, a
        number, a date) or at least two others."""
        wanted = {word.lower() for word in _content_words(statement)}
        checked = {word.lower() for word in _checked_words(statement, self._entity_words())}
        chosen: list[_Cited] = []
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

    def _covered(self, cited: _Cited, wanted: set[str]) -> set[str]:
        words = _tokens(cited.sentence.text) + sorted(self._dates_in(cited))
        return {word for word in wanted if _in(word, words) or _number_in(word, set(words))}

    def _date_citations(self, claim: Claim, cited: list[_Cited]) -> tuple[str, ...]:
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
            next(c.reference for c in cited if _date_supported(end, [c]))
            for end in ends
            if any(_date_supported(end, [c]) for c in cited)
        }
        if len(chosen) < 2:  # the end is given as a length ("to last four days")
            chosen |= {next((c.reference for c in cited if _durations(c)), "")} - {""}
        return tuple(c.reference for c in cited if c.reference in chosen)

    def _cited(self, reference: str) -> _Cited | None:
        article, sentence, _ = resolve_sentence(reference, self.articles)
        if article is None or sentence is None:
            return None
        index = self.sentences[article.id].index(sentence)
        return _Cited(reference, article, sentence, index)

    def _supports(self, claim: Claim, cited: list[_Cited]) -> bool:
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
            return _date_supported(claim.when, cited)
        if claim.kind == "stage":
            return any(_STAGES[claim.value].search(c.sentence.text) for c in cited)
        return not self._missing_words(claim.value, cited)

    # names and mentions

    def _names(self, cited: _Cited, claim: Claim) -> bool:
        """The name as written, or without its initials ("George Shultz"); a group's or an
        organisation's descriptive name ("Russian peacekeepers") may instead be made of words
        of the sentence and of the entities it names."""
        text = cited.sentence.text
        if _contains(text, claim.value) or _contains(text, _without_initials(claim.value)):
            return True
        entity = self.entities.get(claim.key[1]) if claim.key[0] == "entity" else None
        if entity is None or entity.type not in ("group", "organisation"):
            return False
        return not self._missing_words(claim.value, [cited], every_word=True)

    def _mentions_entity(self, cited: _Cited, entity_id: str) -> bool:
        key = (cited.article.id, cited.sentence.id, entity_id)
        if key not in self._mentions:
            entity = self.entities.get(entity_id)
            text = cited.sentence.text
            self._mentions[key] = entity is not None and any(
                _contains(text, form) for form in _forms(entity)
            )
        return self._mentions[key]

    def _refers_to(self, cited: _Cited, entity_id: str) -> bool:
        """Named in the sentence; or named just before and referred to by a pronoun or a title
        ("he said", "the statement added"); or named in the same article and referred to by the
        head of its name ("the union" for the Valmar Dockers Union) and named in the story."""
        if self._mentions_entity(cited, entity_id):
            return True
        sentences = self.sentences[cited.article.id]
        entity = self.entities.get(entity_id)
        if entity is not None and _definite_head(cited.sentence.text, entity, qualified=True):
            return True  # "the port authority" for the Valmar port authority
        if entity is not None and _definite_head(cited.sentence.text, entity):
            return any(
                self._mentions_entity(
                    _Cited("", self.articles[article_id], sentence, -1), entity_id
                )
                for article_id, story_sentences in self.sentences.items()
                for sentence in story_sentences
            )
        if not _PRONOUN.search(cited.sentence.text):
            return False
        before = sentences[max(0, cited.index - _LOOK_BACK) : cited.index]
        return any(self._mentions_entity(self._at(cited, s), entity_id) for s in before)

    @staticmethod
    def _at(cited: _Cited, sentence: Sentence) -> _Cited:
        return _Cited(f"{cited.article.id}#{sentence.id}", cited.article, sentence, -1)

    def _states_role(self, cited: _Cited, entity_id: str, role: str) -> bool:
        if not self._refers_to(cited, entity_id):
            return False
        words = self._role_window(cited, entity_id)
        return all(_in(word, words) for word in _content_words(role))

    def _role_window(self, cited: _Cited, entity_id: str) -> list[str]:
        """The words a sentence says of one person: from the end of the person named before
        to the start of the one named after ("Portugal's Prime Minister Luis Montenegro met
        Spanish Foreign Minister Jose Albares": "Prime" is not Albares's). A plural title
        shared by a pair ("Foreign Ministers X and Y") is said of both."""
        words = _tokens(cited.sentence.text)
        own = _spans(words, self.entities[entity_id])
        if not own:
            return words  # named by a pronoun: the sentence cannot be split
        others = sorted(
            span
            for other in self.entities.values()
            if other.id != entity_id and other.type == "person"
            for span in _spans(words, other)
            if not _overlaps(span, own[0])
        )
        before = [span for span in others if span[1] <= own[0][0]]
        after = [span for span in others if span[0] >= own[0][1]]
        start = before[-1][1] if before else 0
        end = after[0][0] if after else len(words)
        window = words[start:end]
        text = " ".join(window)
        window += [  # "the general secretary of the union": the union's name is said
            word
            for other in self.entities.values()
            if other.type != "person" and _definite_head(text, other)
            and self._refers_to(cited, other.id)
            for word in _tokens(other.name)
        ]  # fmt: skip
        if before and words[start : start + 1] and words[start].lower() in ("and", "or"):
            previous_start = before[-2][1] if len(before) > 1 else 0
            shared = words[previous_start : before[-1][0]]
            if any(word.endswith("s") and word[:1].isupper() for word in shared):
                window += shared  # "Foreign Ministers X and Y"
        return window

    # statements

    def _missing_words(
        self, statement: str, cited: list[_Cited], every_word: bool = False
    ) -> list[str]:
        """The numbers, dates, names and quoted phrases of ``statement`` that no cited
        sentence holds, resolves to or names."""
        texts = [c.sentence.text for c in cited]
        words = {word for text in texts for word in _tokens(text)}
        words |= {word for c in cited for word in self._dates_in(c)}
        named = {
            word.lower()
            for entity in self.entities.values()
            if any(self._refers_to(c, entity.id) for c in cited)
            for form in (*_forms(entity), entity.role or "")
            for word in _tokens(form)
        }
        missing = []
        checked = (
            _content_words(statement)
            if every_word
            else _checked_words(statement, self._entity_words())
        )
        for word in checked:
            if not (_in(word, words) or _in(word, named) or _number_in(word, words)):
                missing.append(word)
        joined = normalise_quote(" ".join(texts)).lower()
        for phrase in re.findall(r'"([^"]+)"', normalise_quote(statement)):
            if phrase.strip(" ,.").lower() not in joined:
                missing.append(f'"{phrase}"')
        return list(dict.fromkeys(missing))

    def _entity_words(self) -> frozenset[str]:
        return frozenset(
            word.lower()
            for entity in self.entities.values()
            for form in _forms(entity)
            for word in _tokens(form)
        )

    def _dates_in(self, cited: _Cited) -> frozenset[str]:
        """The words of every date a time expression of the sentence resolves to."""
        key = (cited.article.id, cited.sentence.id)
        if key not in self._date_words:
            self._date_words[key] = frozenset(
                word
                for first, last, _ in _resolved(cited)
                for day in (first, last)
                for word in (str(day.day), _MONTH_NAMES[day.month - 1], str(day.year),
                             _DAY_NAMES[day.weekday()], f"{day.year // 10 * 10}s")
            )  # fmt: skip
        return self._date_words[key]

    # messages

    def _problem(self, claim: Claim, cited: list[_Cited]) -> str:
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
                f"{_when_text(claim.when)}; cite the sentence that dates it, or an outside source"
            )
        missing = self._missing_words(claim.value, cited)
        shown = ", ".join(f"'{word}'" if not word.startswith('"') else word for word in missing)
        where = self._nowhere(shown, missing[0].strip('"'), len(missing) > 1, claim)
        return f"{label}: {where}"

    def _role_problem(self, label: str, claim: Claim, cited: list[_Cited]) -> str:
        assert claim.subject is not None
        entity = self.entities[claim.subject]
        if not any(self._refers_to(c, claim.subject) for c in cited):
            return (
                f"{label}: no cited sentence names {entity.name}; cite the one that gives the role"
            )
        absent = min(
            (
                [w for w in _content_words(claim.value) if not _in(w, window)]
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
        found = self._find(probe) or self._find(_without_initials(probe))
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
        for form in _forms(entity):
            found = self._find(form)
            if found:
                return f" (it is named in {found})"
        return ""

    def _find(self, words: str) -> str | None:
        several = len(self.articles) > 1
        for article_id, sentences in self.sentences.items():
            for sentence in sentences:
                if _contains(sentence.text, words):
                    return f"{article_id}#{sentence.id}" if several else sentence.id
        return None


# ── Words ───────────────────────────────────────────────────────────────────────────────────


def _tokens(text: str) -> list[str]:
    return [re.sub(r"['’]s$", "", word) for word in _WORD.findall(text)]


def _same(a: str, b: str) -> bool:
    """One word, allowing for an inflection or a demonym (``minister``/``ministers``,
    ``Armenia``/``Armenian``, ``Ukraine``/``Ukrainian``)."""
    a, b = a.lower(), b.lower()
    if a == b or _DEMONYMS.get(a) == b or _DEMONYMS.get(b) == a:
        return True
    if a.isdecimal() or b.isdecimal():
        return False
    shorter, longer = sorted((a, b), key=len)
    common = len(_common_prefix(a, b))
    return common >= max(4, len(shorter) - 1) and len(longer) - len(shorter) <= 3


def _common_prefix(a: str, b: str) -> str:
    end = 0
    while end < min(len(a), len(b)) and a[end] == b[end]:
        end += 1
    return a[:end]


def _in(word: str, words: set[str] | list[str]) -> bool:
    return any(_same(word, other) for other in words)


def _contains(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, each allowing an inflection."""
    wanted = _tokens(phrase)
    have = _tokens(text)
    if not wanted:
        return False
    return any(
        all(_same(wanted[i], have[start + i]) for i in range(len(wanted)))
        for start in range(len(have) - len(wanted) + 1)
    )


def _without_initials(name: str) -> str:
    return " ".join(word for word in _tokens(name) if len(word) > 1)


def _definite_head(text: str, entity: Entity, qualified: bool = False) -> bool:
    """Whether ``text`` refers to an organisation, group or place by the last word of its name
    after "the" ("the union", "the dockers' union"); ``qualified``: with another word of the
    name before it ("the port authority" for the Valmar port authority)."""
    words = _tokens(entity.name)
    if entity.type == "person" or len(words) < 2:
        return False
    head = re.escape(words[-1])
    found = re.search(rf"\bthe\s+((?:[\w'’]+\s+){{0,2}}){head}\b", text, re.IGNORECASE)
    if found is None:
        return False
    return not qualified or any(_in(word, words[:-1]) for word in _tokens(found.group(1)))


def _spans(words: list[str], entity: Entity) -> list[tuple[int, int]]:
    """Where ``entity`` is named among ``words``, by name, alias or surname (longest first)."""
    found: list[tuple[int, int]] = []
    forms = [form for form in _forms(entity) if form != entity.role]
    for form in sorted(forms, key=lambda form: -len(_tokens(form))):
        wanted = _tokens(form)
        for start in range(len(words) - len(wanted) + 1):
            span = (start, start + len(wanted))
            if all(_same(wanted[i], words[start + i]) for i in range(len(wanted))) and not any(
                _overlaps(span, other) for other in found
            ):
                found.append(span)
    return sorted(found)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _forms(entity: Entity) -> list[str]:
    """The ways a sentence may name ``entity``: name, aliases, and a person's surnames."""
    forms = [entity.name, *entity.aliases]
    if entity.type == "person" and not entity.anonymous:
        # A surname, from the forms that are personal names ("US Secretary of State" is not).
        forms += [
            form.split()[-1]
            for form in forms
            if len(form.split()) > 1
            and all(word[:1].isupper() for word in form.split())
            and form != entity.role
        ]
    if entity.type == "person" and entity.role and len(entity.role.split()) > 1:
        forms.append(entity.role)  # a title names its holder: "the US Secretary of State"
    return forms


def _content_words(text: str) -> list[str]:
    return [word for word in _tokens(text) if word.lower() not in _MINOR]


def _checked_words(statement: str, entity_words: frozenset[str]) -> list[str]:
    """Numbers, date words and names: capitalised words not opening a sentence, and opening
    words that name an entity of the story or are numbers."""
    found = []
    for sentence in re.split(r"(?<=[.!?;:])\s+", normalise_quote(statement)):
        for position, word in enumerate(_tokens(sentence.strip("\"' ("))):
            lower = word.lower()
            if (
                word[0].isdecimal()
                or lower in _NUMBER_WORDS
                or (
                    word[0].isupper()
                    and word != "I"
                    and lower not in _MINOR
                    and (position or lower in entity_words)
                )
            ):
                found.append(word)
    return found


def _number_in(word: str, words: set[str]) -> bool:
    """Whether a number written in words is in ``words`` in figures, or the other way."""
    value = _NUMBER_WORDS.get(word.lower())
    if value is not None:
        return str(value) in words
    if not word.isdecimal():
        return False
    return any(_NUMBER_WORDS.get(other.lower()) == int(word) for other in words)


# ── Dates ───────────────────────────────────────────────────────────────────────────────────


def _resolved(cited: _Cited) -> list[tuple[date, date, str]]:
    """Every date the sentence's time expressions resolve to, read as past and as future
    (the tense that decides it is not known here): (first day, last day, granularity)."""
    published = cited.article.published
    if published is None:
        return []
    found = []
    for future in (False, True):
        context = Context(published.date(), future=future)
        for expression in find_time_expressions(cited.sentence.text, context):
            if expression.first and expression.last:
                found.append((expression.first, expression.last, expression.granularity))
    return found


def _date_supported(when: When, cited: list[_Cited]) -> bool:
    first, last = date_span(when)
    if first is None or last is None:
        return True
    resolved = [r for c in cited for r in _resolved(c)]
    if when.start and when.end and _spans_whole(resolved, first, last):
        return True  # one expression for the whole span ("last week")
    if when.start and when.end:
        start_first, start_last = date_span(When(date=when.start))
        end_first, end_last = date_span(When(date=when.end))
        if not _covers(resolved, start_first, start_last, when.approximate):
            return False
        lasting = {f"P{(last - first).days + 1}D", f"P{(last - first).days}D"}
        durations = {value for c in cited for value in _durations(c)}
        return bool(lasting & durations) or _covers(resolved, end_first, end_last, when.approximate)
    return _covers(resolved, first, last, when.approximate)


def _durations(cited: _Cited) -> list[str]:
    """The durations a sentence gives ("to last four days": ``P4D``)."""
    if cited.article.published is None:
        return []
    context = Context(cited.article.published.date())
    return [
        expression.value
        for expression in find_time_expressions(cited.sentence.text, context)
        if expression.granularity == "duration"
    ]


def _spans_whole(resolved: list[tuple[date, date, str]], first: date, last: date) -> bool:
    """Whether one resolved expression covers the span from ``first`` to ``last`` and little
    more (at most twice as long)."""
    width = (last - first).days + 1
    return any(
        start <= first and end >= last and (end - start).days + 1 <= 2 * width
        for start, end, _ in resolved
    )


def _covers(
    resolved: list[tuple[date, date, str]], first: date | None, last: date | None, loose: bool
) -> bool:
    if first is None or last is None:
        return True
    width = last - first
    for found_first, found_last, _ in resolved:
        overlaps = found_first <= last and found_last >= first
        precise = found_last - found_first <= width + timedelta(days=1)
        if overlaps and (precise or loose):
            return True
    return False


def date_span(when: When) -> tuple[date | None, date | None]:
    """The first and last day ``when`` covers (none for a date that does not parse)."""
    text = when.date or when.start
    if not text:
        return None, None
    try:
        start = parse_moment(text)
        end = parse_moment(when.end) if when.end else start
    except ValueError:
        return None, None
    return start.first_day(), end.last_day()


def _when_text(when: When) -> str:
    if when.start and when.end:
        return f"{when.start} to {when.end}"
    return when.date or when.start or "?"


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
