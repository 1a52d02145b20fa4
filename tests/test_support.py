"""The support check: each kind of claim, supported and not, on an article unlike the shipped one.

The article is the project's own short wire report of an invented meeting: its rules must hold
on a story about anything, so none of these cases is about the Caucasus.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from textwrap import dedent

import pytest

from generator.corpus import load_corpus

ARTICLE = "\n".join(
    (
        "LISBON, March 14 (Wire) - Portugal's Prime Minister Luis Montenegro met Spanish Foreign "
        "Minister Jose Manuel Albares in Lisbon on Tuesday to discuss water sharing on the Tagus "
        "river.",
        "The two governments signed a treaty on the river in 1998, the ministry said.",
        '"We will not accept further cuts," Montenegro said after the meeting.',
        "Albares told reporters the talks would resume next month. He said 120 experts were "
        "working on the text.",
        "Environmental groups in Madrid criticised the plan.",
        "2024-03-14 10:00:00",
        "",
    )
)

ENTITIES = """\
entities:
  - id: portugal
    type: country
    name: Portugal
    sources: [p1s1]
  - id: spain
    type: country
    name: Spain
    sources: [p1s1]
  - id: luis-montenegro
    type: person
    name: Luis Montenegro
    role: {montenegro_role}
    affiliation: portugal
    sources: [p1s1, p3s1]
  - id: jose-albares
    type: person
    name: Jose Manuel Albares
    aliases: [{albares_alias}]
    role: {albares_role}
    affiliation: spain
    sources: [p1s1]
  - id: lisbon
    type: place
    name: Lisbon
    sources: [p1s1]
"""

Check = Callable[..., list[str]]


@pytest.fixture
def check(tmp_path: Path, make_story: Callable[..., Path]) -> Check:
    """The ``unsupported-claim`` warnings for the entities above (with the given role and
    alias) followed by ``more`` facts, as ``line:column: message``."""

    def run(
        more: str = "",
        montenegro_role: str = "Prime Minister of Portugal",
        albares_role: str = "Foreign Minister of Spain",
        albares_alias: str = "Albares",
    ) -> list[str]:
        facts = ENTITIES.format(
            montenegro_role=montenegro_role, albares_role=albares_role, albares_alias=albares_alias
        )
        content = make_story(tmp_path, facts + dedent(more), articles={"wire": ARTICLE})
        _, diagnostics = load_corpus(content, now=datetime(2025, 1, 1))
        return [
            f"{d.line}:{d.column}: {d.message}"
            for d in diagnostics
            if d.code == "unsupported-claim"
        ]

    return run


def test_supported_claims_raise_nothing(check: Check) -> None:
    assert check() == []


def test_a_role_of_the_other_person_named_in_the_sentence_is_not_supported(check: Check) -> None:
    assert check(albares_role="Prime Minister of Spain") == [
        "20:11: entity 'jose-albares', role 'Prime Minister of Spain': no cited sentence says it "
        "of Jose Manuel Albares ('Prime' not said of them); cite the one that does"
    ]


def test_a_role_with_a_word_no_sentence_gives_is_not_supported(check: Check) -> None:
    assert check(montenegro_role="Former Prime Minister of Portugal") == [
        "13:11: entity 'luis-montenegro', role 'Former Prime Minister of Portugal': no cited "
        "sentence says it of Luis Montenegro ('Former' not said of them); cite the one that does"
    ]


def test_an_alias_found_elsewhere_in_the_article_names_the_sentence(check: Check) -> None:
    assert check(albares_alias="the ministry") == [
        "19:15: entity 'jose-albares', alias 'the ministry': 'the ministry' appears in no cited "
        "sentence; 'the ministry' is in p2s1: cite it as "
        "`cite: {aliases: {the ministry: [p2s1]}}`"
    ]


def test_an_alias_found_nowhere_needs_an_outside_source(check: Check) -> None:
    assert check(albares_alias="Pepe Albares") == [
        "19:15: entity 'jose-albares', alias 'Pepe Albares': 'Pepe Albares' appears in no cited "
        "sentence nor anywhere in the articles; cite an outside source or drop it"
    ]


def test_an_alias_cited_to_an_outside_source_is_supported(
    tmp_path: Path, make_story: Callable[..., Path]
) -> None:
    facts = ENTITIES.replace(
        "    aliases: [{albares_alias}]\n",
        "    aliases: [{albares_alias}]\n    cite:\n      aliases:\n        Pepe Albares:\n"
        "          - {{url: 'https://example.org/profile', title: Profile}}\n",
    ).format(
        montenegro_role="Prime Minister of Portugal",
        albares_role="Foreign Minister of Spain",
        albares_alias="Pepe Albares",
    )
    content = make_story(tmp_path, facts, articles={"wire": ARTICLE})
    corpus, diagnostics = load_corpus(content, now=datetime(2025, 1, 1))
    assert [d for d in diagnostics if d.code == "unsupported-claim"] == []
    assert corpus is not None
    albares = corpus.stories[0].entity("jose-albares")
    [profile] = corpus.stories[0].cited(albares, "alias", "Pepe Albares")
    assert not isinstance(profile, str) and profile.url == "https://example.org/profile"


def _event(when: str, sources: str = "[p1s1]", participants: str = "[luis-montenegro]") -> str:
    return f"""\
        events:
          - id: meeting
            title: Montenegro meets Albares in Lisbon
            when: {when}
            place: lisbon
            participants: {participants}
            sources: {sources}
        """


def test_a_date_resolved_from_the_cited_sentence_is_supported(check: Check) -> None:
    assert check(_event("2024-03-12")) == []


def test_a_date_no_cited_expression_resolves_to_is_not_supported(check: Check) -> None:
    assert check(_event("2024-03-13")) == [
        "30:11: event 'meeting', date: no cited sentence holds a time expression that resolves "
        "to 2024-03-13; cite the sentence that dates it, or an outside source"
    ]


def test_a_date_more_precise_than_the_sentence_is_not_supported(check: Check) -> None:
    later = _event("2024-04-15", sources="[p4s1, p1s1]")
    assert check(later) == [
        "30:11: event 'meeting', date: no cited sentence holds a time expression that resolves "
        "to 2024-04-15; cite the sentence that dates it, or an outside source"
    ]
    assert check(later.replace("2024-04-15", "2024-04")) == []


def test_a_participant_the_cited_sentence_does_not_name(check: Check) -> None:
    assert check(_event("2024-03-12", participants="[luis-montenegro, spain]")) == []
    found = check(_event("2024-03-12", sources="[p3s1]", participants="[jose-albares]"))
    assert (
        "32:20: event 'meeting', participant 'jose-albares': no cited sentence names "
        "Jose Manuel Albares (it is named in p1s1); cite one that does"
    ) in found
    assert (
        "31:12: event 'meeting', place: no cited sentence names Lisbon (it is named in p1s1); "
        "cite one that does"
    ) in found


def test_numbers_and_years_of_a_statement_must_be_in_its_sentences(check: Check) -> None:
    good = """\
        summary:
          - text: Some 120 experts were working on a text; the treaty dates from 1998.
            sources: [p2s1, p4s2]
        """
    assert check(good) == []
    assert check(good.replace("120", "150").replace("1998", "1999")) == [
        "28:11: summary statement 1: '150', '1999' appear in no cited sentence nor anywhere "
        "in the articles; cite an outside source or drop it"
    ]


def test_a_name_in_a_statement_must_be_in_its_sentences(check: Check) -> None:
    statement = """\
        summary:
          - text: Environmental groups in Madrid and Seville criticised the plan.
            sources: [p5s1]
        """
    assert check(statement) == [
        "28:11: summary statement 1: 'Seville' appears in no cited sentence nor anywhere in "
        "the articles; cite an outside source or drop it"
    ]


def test_the_answer_to_a_question_is_checked_like_a_statement(check: Check) -> None:
    question = """\
        questions:
          - question: Who criticised the plan?
            answer: Environmental groups in Madrid criticised it.
            sources: [p5s1]
        """
    assert check(question) == []
    problems = check(question.replace("in Madrid", "in Madrid and Seville"))
    assert len(problems) == 1 and "'Seville' appears in no cited sentence" in problems[0]


def test_a_quoted_phrase_must_be_in_its_sentences(check: Check) -> None:
    statement = """\
        summary:
          - text: Montenegro said Portugal would "not accept further cuts".
            sources: [p3s1, p1s1]
        """
    assert check(statement) == []
    assert check(statement.replace("further cuts", "any cuts")) != []


def test_a_quote_speaker_named_before_a_pronoun_is_supported(check: Check) -> None:
    quotes = """\
        quotes:
          - id: no-cuts
            text: We will not accept further cuts,
            speaker: {speaker}
            sources: [p3s1]
        """
    assert check(quotes.format(speaker="luis-montenegro")) == []
    assert check(quotes.format(speaker="jose-albares")) == [
        "30:14: quote 'no-cuts', speaker: no cited sentence names Jose Manuel Albares "
        "(it is named in p1s1); cite one that does"
    ]


def test_a_page_cites_only_the_sources_that_support_a_claim(
    tmp_path: Path, make_story: Callable[..., Path]
) -> None:
    facts = ENTITIES.format(
        montenegro_role="Prime Minister of Portugal",
        albares_role="Foreign Minister of Spain",
        albares_alias="Albares",
    )
    content = make_story(tmp_path, facts, articles={"wire": ARTICLE})
    corpus, _ = load_corpus(content, now=datetime(2025, 1, 1))
    assert corpus is not None
    story = corpus.stories[0]
    montenegro = story.entity("luis-montenegro")
    assert montenegro.sources == ["p1s1", "p3s1"]
    assert story.cited(montenegro, "role") == ("p1s1",)
    assert story.cited(montenegro, "name") == ("p1s1",)


LATER = "\n".join(
    (
        "LISBON, March 28 (Wire) - The water talks between Portugal and Spain ended on Thursday "
        "without an agreement, Albares said.",
        "2024-03-28 17:00:00",
        "",
    )
)

TWO_ARTICLES = """\
        summary:
          - text: Montenegro and Albares {tense} discussing water sharing on the Tagus river.
            sources: [wire#p1s1]
        entities:
          - id: luis-montenegro
            type: person
            name: Luis Montenegro
            sources: [wire#p1s1]
          - id: jose-albares
            type: person
            name: Jose Manuel Albares
            sources: [wire#p1s1]
        events:
          - id: water-talks
            title: Water talks in Lisbon
            when: 2024-03-12
            stage: {stage}
            participants: [luis-montenegro, jose-albares]
            cite:
              stage: [{stage_source}]
            sources: [wire#p1s1]
        """


def _two_articles(
    tmp_path: Path, make_story: Callable[..., Path], tense: str, stage: str, stage_source: str
) -> list[str]:
    facts = dedent(TWO_ARTICLES).format(tense=tense, stage=stage, stage_source=stage_source)
    story = "title: Water talks\narticles:\n  - id: wire\n  - id: later\n"
    content = make_story(
        tmp_path, facts, articles={"wire": ARTICLE, "later": LATER}, story_yaml=story
    )
    _, diagnostics = load_corpus(content, now=datetime(2025, 1, 1))
    return [f"{d.line}:{d.column}: {d.severity}[{d.code}]: {d.message}" for d in diagnostics]


def test_a_present_tense_statement_about_an_ended_event_is_stale(
    tmp_path: Path, make_story: Callable[..., Path]
) -> None:
    found = _two_articles(tmp_path, make_story, "are", "ended", "later#p1s1")
    assert found == [
        "2:11: warning[stale-statement]: summary statement 1 speaks of 'Water talks in Lisbon' "
        "in the present ('are'), but later of 28 March 2024 says it ended; write it in the past "
        "tense, as of the article it rests on"
    ]
    assert _two_articles(tmp_path, make_story, "were", "ended", "later#p1s1") == []


def test_a_stage_needs_a_sentence_that_says_it(
    tmp_path: Path, make_story: Callable[..., Path]
) -> None:
    assert _two_articles(tmp_path, make_story, "were", "ended", "wire#p1s1") == [
        "17:12: warning[unsupported-claim]: event 'water-talks', stage 'ended': no cited "
        "sentence says the event is ended; cite the sentence (of the latest article) that does"
    ]
    assert _two_articles(tmp_path, make_story, "were", "cancelled", "later#p1s1") != []


DEV_SET = Path(__file__).parent / "support_corpus" / "dev"
TEST_SET = Path(__file__).parent / "support_corpus" / "test"
TEST_SET_SHA256 = "54b54d08d2420f0ea1e47d80c34a5dc7e2b3d60213bf3cd84f3d723c3d9e5ec5"
"""The held-out test set of the support check, written apart from its rules: frozen. Never
design a rule from it; ``benchmarks/support_quality.py`` prints its figures beside the
development set's."""


def _tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and ".cache" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def test_the_test_set_is_frozen() -> None:
    assert _tree_hash(TEST_SET) == TEST_SET_SHA256


def test_the_shipped_story_has_no_unsupported_claim() -> None:
    _, diagnostics = load_corpus(Path(__file__).parent.parent / "content")
    assert [str(d) for d in diagnostics if d.code == "unsupported-claim"] == []


def test_a_demonym_in_a_statement_is_supported_by_the_country_and_back(check: Check) -> None:
    """ "Portuguese" is supported by "Portugal's", and "Spain" by "Spanish"."""
    statement = """\
        summary:
          - text: The Portuguese prime minister met the foreign minister of Spain in Lisbon.
            sources: [p1s1]
        """
    assert check(statement) == []
    assert check(statement.replace("Spain", "Italy")) != []


def test_what_each_page_cites_for_a_claim_supports_that_claim_alone() -> None:
    """The checker, run again on the page model: for every claim of the shipped story, the
    sources its pages cite (and nothing else) support it, and for a name, role, mention,
    speaker or stage each citation supports it on its own."""
    from dataclasses import replace

    from generator.checks.claims import claims
    from generator.checks.support import _Support

    corpus, _ = load_corpus(Path(__file__).parent.parent / "content")
    assert corpus is not None
    story = corpus.stories[0]
    checker = _Support(story.facts, story.articles_by_id)
    checked = 0
    for claim in claims(story.facts):
        shown = story.claim_sources[claim.key]
        _, problem = checker.check(replace(claim, sources=shown, explicit=True))
        assert problem is None, (claim.key, shown)
        if claim.kind not in ("statement", "date"):  # each citation says it on its own
            for source in shown:
                _, alone = checker.check(replace(claim, sources=(source,), explicit=True))
                assert alone is None, (claim.key, source)
        checked += 1
    assert checked > 250


@pytest.mark.parametrize("folder", [Path(__file__).parent.parent / "content", DEV_SET])
def test_the_entities_a_sentence_refers_to_are_found_without_comparing_each(folder: Path) -> None:
    """Only the entities whose last name-word a sentence (or a pronoun's sentences before)
    holds are compared with it; none that the comparison with every entity finds is lost."""
    from generator.checks.claims import Cited
    from generator.checks.support import _Support

    corpus, _ = load_corpus(folder)
    assert corpus is not None
    referring = 0
    for story in corpus.stories:
        checker = _Support(story.facts, story.articles_by_id)
        for article in story.articles:
            for index, sentence in enumerate(checker.sentences[article.id]):
                cited = Cited(f"{article.id}#{sentence.id}", article, sentence, index)
                every = {e.id for e in story.facts.entities if checker._refers_to(cited, e.id)}
                assert checker.referred(cited) == every, sentence.text
                referring += bool(every)
    assert referring > 20
