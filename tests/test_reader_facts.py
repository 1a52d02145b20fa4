"""Source checks and glossary terms in the facts file: their diagnostics, exact messages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from textwrap import dedent

import pytest

from generator.corpus import load_corpus
from generator.diagnostics import Severity

FACTS = "content/story/facts.yml"
EVIDENCE = "      - {url: 'https://example.org/a', title: A source}\n"

Check = Callable[[str], list[str]]


@pytest.fixture
def check(tmp_path: Path, make_story: Callable[..., Path], now: datetime) -> Check:
    def run(facts_yaml: str) -> list[str]:
        corpus, diagnostics = load_corpus(make_story(tmp_path, facts_yaml), now=now)
        assert (corpus is None) == any(d.severity is Severity.ERROR for d in diagnostics)
        return [str(d) for d in diagnostics if d.severity is not Severity.NOTE]

    return run


def _source_check(article_says: str, about: str = "[]", sentences: str = "[p1s1]") -> str:
    return (
        dedent(
            f"""\
        source_checks:
          - id: blinken-spelling
            kind: spelling
            article_says: {article_says}
            finding: The name is Antony.
            sentences: {sentences}
            about: {about}
            evidence:
        """
        )
        + EVIDENCE
    )


def test_a_valid_source_check_loads(check: Check) -> None:
    assert check(_source_check("Anthony Blinken")) == []


def test_source_check_words_must_be_in_the_sentence(check: Check) -> None:
    assert check(_source_check("Tony Blinken")) == [
        f"{FACTS}:4:19: error[check-not-in-source]: source check 'blinken-spelling': "
        "'Tony Blinken' is not in its first sentence p1s1; copy the article's words exactly"
    ]


def test_source_check_about_must_name_an_entity_or_event(check: Check) -> None:
    assert check(_source_check("Anthony Blinken", about="[antony-blinkn]")) == [
        f"{FACTS}:7:13: error[unknown-entity]: no entity or event has the id 'antony-blinkn'; "
        "'about' names the entities and events whose pages show the check"
    ]


def test_source_check_sentence_must_exist(check: Check) -> None:
    found = check(_source_check("Anthony Blinken", sentences="[p99s1]"))
    assert found == [
        f"{FACTS}:6:17: error[unknown-sentence]: sentence 'p99s1' does not exist in article "
        "'seed' (18 paragraphs, last sentence p18s1)"
    ]


def test_source_check_needs_outside_evidence(check: Check) -> None:
    facts = (
        _source_check("Anthony Blinken")
        .replace(EVIDENCE, "")
        .replace("evidence:\n", "evidence: []\n")
    )
    assert check(facts) == [
        f"{FACTS}:8:15: error[missing-field]: source_checks item 'blinken-spelling', field "
        "'evidence': list should have at least 1 item after validation, not 0"
    ]


def test_glossary_term_entity_must_exist(check: Check) -> None:
    facts = dedent(
        """\
        glossary:
          - id: corridor
            term: Lachin Corridor
            entity: lachin-corridor
            definition: The only land link.
            sources: [p3s1]
        """
    )
    assert check(facts) == [
        f"{FACTS}:4:13: error[unknown-entity]: no entity has the id 'lachin-corridor'; "
        "define it under 'entities' or fix the id"
    ]


def test_map_geometry_rules(check: Check) -> None:
    facts = dedent(
        """\
        entities:
          - id: corridor
            type: place
            name: Corridor
            path: [{lat: 39.5, lon: 46.4}]
            sources: [p3s1]
          - id: region
            type: place
            name: Region
            extent_km: 40
            sources: [p2s1]
          - id: armenia
            type: country
            name: Armenia
            path: [{lat: 40, lon: 44}, {lat: 40.1, lon: 44.2}]
            sources: [p2s1]
        """
    )
    assert check(facts) == [
        f"{FACTS}:5:11: error[invalid-value]: a path needs at least two points; add the next",
        f"{FACTS}:10:16: error[invalid-value]: 'extent_km' is measured from 'coordinates'; "
        "add the area's rough centre",
        f"{FACTS}:15:11: error[invalid-value]: only places have 'path'",
    ]


def test_what_happens_next_names_the_events_still_to_come(
    tmp_path: Path, make_story: Callable[..., Path], now: datetime
) -> None:
    """As of the 1 May article, the talks' last day (Thursday 4 May) is still to come: the
    overview's "What we know" box says so, dated and cited; once it has ended, it does not."""
    from generator.pipeline import build

    facts = dedent(
        """\
        summary:
          - text: The foreign ministers of Armenia and Azerbaijan met for talks.
            sources: [p1s1]
        events:
          - id: last-day
            title: Last day of the talks
            when: {date: 2023-05-04}
            stage: scheduled
            sources: [p1s1]
        """
    )
    pages = build(make_story(tmp_path, facts), now=now).pages
    assert pages is not None
    overview = pages["story/index.md"]
    assert '!!! note what-we-know "What we know, as of 1 May 2023"' in overview
    nexts = [line for line in overview.splitlines() if "What happens next" in line]
    assert len(nexts) == 1 and "Last day of the talks" in nexts[0] and "4 May 2023" in nexts[0]
    assert 'class="cite"' in nexts[0]
    ended = facts.replace("stage: scheduled", "stage: ended")
    pages = build(make_story(tmp_path, ended), now=now).pages
    assert pages is not None and "What happens next" not in pages["story/index.md"]


def test_drafts_are_marked_and_listed_beside_their_sentences(
    tmp_path: Path, make_story: Callable[..., Path], now: datetime
) -> None:
    """A story with drafts has a "Drafts to review" page: each draft beside the sentence it
    cites, the words that would support it marked, lowest confidence first; a draft's own page
    says it is one. A story without drafts has no such page."""
    from generator.pipeline import build

    facts = dedent(
        """\
        entities:
          - id: anthony-blinken
            type: person
            name: Anthony Blinken
            role: US Secretary of State
            status: draft
            confidence: 0.85
            sources: [p1s1]
          - id: ararat-mirzoyan
            type: person
            name: Ararat Mirzoyan
            status: draft
            confidence: 0.6
            sources: [p1s1]
        """
    )
    pages = build(make_story(tmp_path, facts), now=now).pages
    assert pages is not None
    review = pages["story/review.md"]
    assert "Two items of this story were drafted by `explainer extract`" in review
    rows = [line for line in review.splitlines() if line.startswith("<tr><td>")]
    assert len(rows) == 2 and "Ararat Mirzoyan" in rows[0] and "0.60" in rows[0]
    assert "<mark>Anthony Blinken</mark>" in rows[1]
    assert "<mark>Secretary</mark> of <mark>State</mark>" in rows[1]
    assert 'class="cite"' in rows[1]
    assert "Draft, not yet reviewed" in pages["story/actors/anthony-blinken.md"]
    assert "with a confidence of 0.85" in pages["story/actors/anthony-blinken.md"]
    reviewed = facts.replace("status: draft", "status: reviewed")
    pages = build(make_story(tmp_path, reviewed), now=now).pages
    assert pages is not None and "story/review.md" not in pages
    assert "Draft, not yet reviewed" not in pages["story/actors/anthony-blinken.md"]


def test_quotes_are_grouped_by_the_sides_of_the_talks_alone(
    tmp_path: Path, make_story: Callable[..., Path], now: datetime
) -> None:
    """The sides on "Who said what" are the parties to the talks and their host and mediator,
    each listed even when no one of it is quoted; a country that stands only for itself
    (Ukraine, France) is no side of the talks: its people are among the others, and it heads no
    group of its own."""
    from generator.pipeline import build

    def entity(id_: str, type_: str, name: str, side: str, sentence: str) -> str:
        return (
            f"  - {{id: {id_}, type: {type_}, name: {name}, side: {side}, sources: [{sentence}]}}\n"
        )

    facts = (
        "entities:\n"
        + entity("antony-blinken", "person", "Blinken", "united-states", "p1s1")
        + entity("united-states", "country", "US", "united-states", "p1s1")
        + entity("us-official", "person", "US official", "united-states", "p7s1")
        + entity("ararat-mirzoyan", "person", "Ararat Mirzoyan", "armenia", "p1s1")
        + entity("armenia", "country", "Armenia", "armenia", "p2s1")
        + entity("jeyhun-bayramov", "person", "Jeyhun Bayramov", "azerbaijan", "p1s1")
        + entity("azerbaijan", "country", "Azerbaijan", "azerbaijan", "p2s1")
        + entity("catherine-colonna", "person", "Catherine Colonna", "france", "p4s1")
        + entity("france", "country", "France", "france", "p4s1")
        + entity("ukraine", "country", "Ukraine", "ukraine", "p18s1")
        + dedent(
            """\
            events:
              - id: talks
                title: Talks near Washington
                when: {date: 2023-05-01}
                page: true
                participants:
                  - {entity: antony-blinken, role: host and mediator}
                  - {entity: ararat-mirzoyan, role: party}
                  - {entity: jeyhun-bayramov, role: party}
                sources: [p1s1]
            quotes:
              - {id: frank, text: frank conversations, speaker: us-official, sources: [p7s1]}
              - id: restore
                text: restore movement without obstacles along the Lachin Corridor
                speaker: catherine-colonna
                sources: [p5s1]
            """
        )
    )
    pages = build(make_story(tmp_path, facts), now=now).pages
    assert pages is not None
    rows = [line for line in pages["story/quotes.md"].splitlines() if line.startswith("| ")]
    assert rows[2:] == [
        "| Armenia | no one quoted in these sources |",
        "| Azerbaijan | no one quoted in these sources |",
        "| [US, host and mediator](#side-united-states) | US official, once |",
        "| [Others](#side-others) | Catherine Colonna, once |",
    ]
