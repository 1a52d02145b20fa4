"""Facts validation: one test per diagnostic code, each pinning the exact message a user reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from textwrap import dedent

import pytest

from generator.checks.quotetext import normalise_quote, quoted, word_matches
from generator.corpus import load_corpus
from generator.diagnostics import Severity

FACTS = "content/story/facts.yml"
SEED_NOTE = (
    "content/story/articles/seed.txt:7:1: note[article-artifact]: line '– honest-' looks like a "
    "stray heading or translation artifact; it is kept out of the body sentences"
)

Check = Callable[..., list[str]]


@pytest.fixture
def check(tmp_path: Path, make_story: Callable[..., Path], now: datetime) -> Check:
    """``check(facts_yaml, **make_story_options)`` -> the diagnostics, as text, minus the seed's
    artifact note. Asserts that a corpus comes back exactly when there is no error."""

    def run(facts_yaml: str, **options: object) -> list[str]:
        content = make_story(tmp_path, dedent(facts_yaml), **options)
        corpus, diagnostics = load_corpus(content, now=now)
        has_errors = any(d.severity is Severity.ERROR for d in diagnostics)
        assert (corpus is None) == has_errors
        # The support check has tests of its own (tests/test_support.py).
        return [
            str(d) for d in diagnostics if str(d) != SEED_NOTE and d.code != "unsupported-claim"
        ]

    return run


ARMENIA = """\
entities:
  - id: armenia
    type: country
    name: Armenia
    sources: [p2s1]
"""

US_OFFICIAL = """\
entities:
  - id: us-official
    type: person
    name: US official
    sources: [p7s1]
"""


# ── YAML ────────────────────────────────────────────────────────────────────────────────────


def test_yaml_syntax_unclosed_quote(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: country
            name: "Armenia
            sources: [p2s1]
        """
    # Points at the opening quote, where the fix goes, not at the end of the file.
    assert check(facts) == [
        f"{FACTS}:4:11: error[yaml-syntax]: found unexpected end of stream "
        "(while scanning a quoted scalar); close the quoted string"
    ]


def test_yaml_syntax_bad_indentation(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: country
           name: Armenia
            sources: [p2s1]
        """
    assert check(facts) == [
        f"{FACTS}:4:4: error[yaml-syntax]: expected <block end>, but found "
        "'<block mapping start>' (while parsing a block collection at line 2); "
        "check the indentation of this line"
    ]


def test_a_quoted_value_over_two_lines_is_not_blamed_for_a_later_error(check: Check) -> None:
    facts = """\
        summary:
          - text: "The talks began near Washington
              on Monday."
            sources: [p2s1]
        entities:
          - id: armenia
            type: country
           name: Armenia
            sources: [p2s1]
        """
    assert check(facts) == [
        f"{FACTS}:8:4: error[yaml-syntax]: expected <block end>, but found "
        "'<block mapping start>' (while parsing a block collection at line 6); "
        "check the indentation of this line"
    ]


def test_yaml_tab(check: Check) -> None:
    facts = "entities:\n  - id: armenia\n\ttype: country\n"
    assert check(facts) == [
        f"{FACTS}:3:1: error[yaml-tab]: tab character in indentation; indent with spaces"
    ]


def test_yaml_duplicate_key(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: country
            name: Armenia
            name: Armenia again
            sources: [p2s1]
        """
    assert check(facts) == [
        f"{FACTS}:5:5: error[yaml-duplicate-key]: key 'name' appears twice in this mapping "
        "(first at line 4); remove one of them"
    ]


def test_yaml_alias_bomb_is_refused(check: Check) -> None:
    facts = """\
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
        """
    assert check(facts) == [
        f"{FACTS}:2:8: error[yaml-alias]: YAML aliases (*name) are not allowed in facts files; "
        "write the value out in full"
    ]


def test_yaml_too_deep(check: Check) -> None:
    facts = "summary: " + "[" * 40 + "]" * 40 + "\n"
    assert check(facts) == [
        f"{FACTS}:1:41: error[yaml-too-deep]: nesting deeper than 32 levels; "
        "facts files never need this much"
    ]


def test_file_too_large(check: Check) -> None:
    facts = "# " + "x" * 2_000_000 + "\n"
    assert check(facts) == [
        f"{FACTS}:1:1: error[file-too-large]: file is 2,000,003 bytes; the limit is "
        "2,000,000 bytes. Split the story or remove pasted material"
    ]


def test_yaml_local_tag(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: !country country
            name: Armenia
            sources: [p2s1]
        """
    assert check(facts) == [
        f"{FACTS}:3:11: error[yaml-tag]: YAML tag '!country' is not allowed in facts files; "
        "remove it"
    ]


def test_yaml_python_tag(check: Check) -> None:
    # ``!!python/...`` expands to ``tag:yaml.org,2002:python/...``: a standard prefix, but not a
    # core-schema type. It must be refused like any other tag, not read as a plain value.
    facts = """\
        entities:
          - id: armenia
            type: !!python/object/apply:os.system ["echo pwned"]
            name: Armenia
            sources: [p2s1]
        """
    assert check(facts) == [
        f"{FACTS}:3:11: error[yaml-tag]: YAML tag '!!python/object/apply:os.system' is not "
        "allowed in facts files; remove it"
    ]


def test_yaml_str_tag_is_accepted(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: !!str country
            name: !!str Armenia
            sources: [p2s1]
        """
    assert check(facts) == []


# ── Schema ──────────────────────────────────────────────────────────────────────────────────


def test_unknown_key_with_did_you_mean(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: country
            name: Armenia
            sources: [p2s1]
            descripton: A country.
        """
    assert check(facts) == [
        f"{FACTS}:6:5: error[unknown-key]: unknown key 'descripton' in entity 'armenia' "
        "(did you mean 'description'?); allowed keys: affiliation, aliases, anonymous, "
        "cite, confidence, coordinates, coordinates_source, description, extent_km, id, "
        "map_reason, name, notes, outline, path, role, side, sources, status, type"
    ]


def test_unknown_top_level_key(check: Check) -> None:
    facts = ARMENIA + "event: []\n"
    assert check(facts) == [
        f"{FACTS}:6:1: error[unknown-key]: unknown key 'event' in the file "
        "(did you mean 'events'?); allowed keys: background, changes, disagreements, entities, "
        "events, glossary, questions, quotes, source_checks, summary"
    ]


def test_missing_field(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: country
            sources: [p2s1]
        """
    assert check(facts) == [
        f"{FACTS}:2:5: error[missing-field]: entity 'armenia' is missing required field 'name'"
    ]


def test_wrong_type_boolean(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: country
            name: Armenia
            anonymous: maybe
            sources: [p2s1]
        """
    assert check(facts) == [
        f"{FACTS}:5:16: error[wrong-type]: entity 'armenia', field 'anonymous': "
        "input should be a valid boolean, unable to interpret input"
    ]


def test_wrong_type_list(check: Check) -> None:
    assert check("entities: armenia\n") == [
        f"{FACTS}:1:11: error[wrong-type]: field 'entities': input should be a valid list, not text"
    ]


def test_wrong_type_literal(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: nation
            name: Armenia
            sources: [p2s1]
        """
    assert check(facts) == [
        f"{FACTS}:3:11: error[wrong-type]: entity 'armenia', field 'type': 'nation' is not one "
        "of 'person', 'organisation', 'country', 'place' or 'group'"
    ]


def test_invalid_id_suggests_a_slug(check: Check) -> None:
    facts = """\
        entities:
          - id: Armenia_1
            type: country
            name: Armenia
            sources: [p2s1]
        """
    assert check(facts) == [
        f"{FACTS}:2:9: error[invalid-id]: entity 'Armenia_1', field 'id': 'Armenia_1' is not "
        "a valid id; use 'armenia-1' (lower-case ASCII letters, digits and single hyphens)"
    ]


def test_invalid_value_javascript_url(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: country
            name: Armenia
            sources:
              - url: javascript:alert(1)
                title: Bad link
        """
    assert check(facts) == [
        f"{FACTS}:6:14: error[invalid-value]: entity 'armenia', source 1, field 'url': "
        "'javascript:alert(1)' is not valid here; only http://, https:// and mailto: addresses "
        "or relative links are allowed"
    ]


def test_missing_source_event_without_sources(check: Check) -> None:
    facts = """\
        events:
          - id: talks
            title: Talks
            when: 2023-05-01
            sources: []
        """
    assert check(facts) == [
        f"{FACTS}:5:14: error[missing-source]: event 'talks' has no source; "
        "cite the sentence(s) it comes from"
    ]


def test_missing_source_quote_citing_only_an_external_source(check: Check) -> None:
    facts = US_OFFICIAL + dedent(
        """\
        quotes:
          - id: frank
            text: frank conversations
            speaker: us-official
            sources:
              - url: https://example.org/briefing
                title: Briefing
        """
    )
    assert check(facts) == [
        f"{FACTS}:11:7: error[missing-source]: quote 'frank' cites no article sentence; "
        "cite the sentence that contains it"
    ]


# ── Cross-references ────────────────────────────────────────────────────────────────────────


def test_duplicate_id(check: Check) -> None:
    facts = ARMENIA + dedent(
        """\
        events:
          - id: armenia
            title: Talks
            when: 2023-05-01
            sources: [p1s1]
        """
    )
    assert check(facts) == [
        f"{FACTS}:7:9: error[duplicate-id]: id 'armenia' is already used at line 2; "
        "ids must be unique"
    ]


def test_unknown_entity_with_did_you_mean(check: Check) -> None:
    facts = ARMENIA + dedent(
        """\
        events:
          - id: talks
            title: Talks
            when: 2023-05-01
            participants: [armenai]
            sources: [p1s1]
        """
    )
    assert check(facts) == [
        f"{FACTS}:10:20: error[unknown-entity]: no entity has the id 'armenai' "
        "(did you mean 'armenia'?); define it under 'entities' or fix the id"
    ]


def test_unknown_event(check: Check) -> None:
    facts = """\
        events:
          - id: talks
            title: Talks
            when: 2023-05-01
            preceded_by: [ceasfire]
            sources: [p1s1]
          - id: ceasefire
            title: Ceasefire
            when: "2020"
            sources: [p17s1]
        """
    assert check(facts) == [
        f"{FACTS}:5:19: error[unknown-event]: no event has the id 'ceasfire' "
        "(did you mean 'ceasefire'?); define it under 'events' or fix the id"
    ]


def test_unknown_sentence(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: country
            name: Armenia
            sources: [p2s1, p19s1]
        """
    assert check(facts) == [
        f"{FACTS}:5:21: error[unknown-sentence]: sentence 'p19s1' does not exist in article "
        "'seed' (18 paragraphs, last sentence p18s1)"
    ]


def test_unknown_article(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: country
            name: Armenia
            sources: ["sed#p2s1"]
        """
    assert check(facts) == [
        f"{FACTS}:5:15: error[unknown-article]: no article has the id 'sed' (did you mean 'seed'?)"
    ]


def test_article_qualified_sentence_is_accepted(check: Check) -> None:
    facts = ARMENIA.replace("[p2s1]", '["seed#p2s1"]')
    assert check(facts) == []


def test_ambiguous_sentence(check: Check, seed_text: str) -> None:
    second = "A second article about the talks.\n2023-05-02 10:00:00\n"
    articles = {"seed.txt": seed_text, "second.txt": second}
    assert check(ARMENIA, articles=articles) == [
        f"{FACTS}:5:15: error[ambiguous-sentence]: 'p2s1' does not say which article; "
        "the story has several, write 'article-id#p2s1' (second, seed)"
    ]


def test_qualified_sentence_in_a_story_with_two_articles(check: Check, seed_text: str) -> None:
    second = "A second article about the talks.\n2023-05-02 10:00:00\n"
    articles = {"seed.txt": seed_text, "second.txt": second}
    facts = ARMENIA.replace("[p2s1]", '["seed#p2s1", "second#p1s1"]')
    assert check(facts, articles=articles) == []


def test_quote_not_in_source(check: Check) -> None:
    facts = US_OFFICIAL + dedent(
        """\
        quotes:
          - id: frank
            text: very frank conversations
            speaker: us-official
            sources: [p7s1]
        """
    )
    assert check(facts) == [
        f"{FACTS}:8:11: error[quote-not-in-source]: quote 'frank' is not in its cited sentence "
        "p7s1: 'very frank conversations' does not appear there as whole words; "
        "copy the words exactly"
    ]


def test_quote_matching_ignores_quote_style_and_extra_whitespace(check: Check) -> None:
    facts = US_OFFICIAL + dedent(
        """\
        quotes:
          - id: frank
            text: "frank   conversations"
            speaker: us-official
            sources: [p7s1]
          - id: deep-concern
            text: "the United States' deep concern that Azerbaijan's establishment of a checkpoint"
            speaker: us-official
            sources: [p11s1]
          - id: peace
            text: “a just and lasting peace.”
            speaker: us-official
            sources: [p8s1]
          - id: reopening
            text: >-
              stressed the importance of reopening the Lachin corridor
              to commercial and private vehicles
            speaker: us-official
            sources: [p12s1]
        """
    )
    assert check(facts) == []


# ── Dates ───────────────────────────────────────────────────────────────────────────────────


def test_invalid_date_day_that_does_not_exist(check: Check) -> None:
    facts = """\
        events:
          - id: talks
            title: Talks
            when: 2023-02-30
            sources: [p1s1]
        """
    # Points at the value, like every other value error.
    assert check(facts) == [
        f"{FACTS}:4:11: error[invalid-date]: '2023-02-30' is not a real date: "
        "February 2023 has 28 days"
    ]


def test_invalid_date_month_13(check: Check) -> None:
    facts = """\
        events:
          - id: talks
            title: Talks
            when:
              date: 2023-13
            sources: [p1s1]
        """
    assert check(facts) == [
        f"{FACTS}:5:13: error[invalid-date]: '2023-13' is not a real date: there is no month 13"
    ]


def test_invalid_date_date_and_start_both(check: Check) -> None:
    facts = """\
        events:
          - id: talks
            title: Talks
            when:
              date: 2023-05-01
              start: 2023-05-01
              end: 2023-05-04
            sources: [p1s1]
        """
    assert check(facts) == [
        f"{FACTS}:4:5: error[invalid-date]: give either 'date', or 'start' with 'end'"
    ]


def test_invalid_date_end_without_start(check: Check) -> None:
    facts = """\
        events:
          - id: talks
            title: Talks
            when:
              date: 2023-05-01
              end: 2023-05-04
            sources: [p1s1]
        """
    assert check(facts) == [f"{FACTS}:6:12: error[invalid-date]: 'end' needs 'start', not 'date'"]


def test_invalid_date_in_an_external_source(check: Check) -> None:
    facts = """\
        events:
          - id: talks
            title: Talks
            when: 2023-05-01
            sources:
              - p1s1
              - url: https://example.org/x
                title: X
                date: 2023-13-01
        """
    assert check(facts) == [
        f"{FACTS}:9:15: error[invalid-date]: '2023-13-01' is not a real date: there is no month 13"
    ]


def test_date_range_reversed(check: Check) -> None:
    facts = """\
        events:
          - id: talks
            title: Talks
            when:
              start: 2023-05-04
              end: 2023-05-01
            sources: [p1s1]
        """
    assert check(facts) == [
        f"{FACTS}:6:12: error[date-range-reversed]: the range ends (2023-05-01) before it "
        "starts (2023-05-04)"
    ]


@pytest.mark.parametrize(
    "when", ['"2023"', '"2022-11"', '"1990s"', "{start: 2023-05-01, end: 2023-05-04}"]
)
def test_valid_dates(check: Check, when: str) -> None:
    facts = f"events:\n  - id: talks\n    title: Talks\n    when: {when}\n    sources: [p1s1]\n"
    assert check(facts) == []


# ── Whole files ─────────────────────────────────────────────────────────────────────────────


def test_all_schema_problems_of_a_file_in_one_pass(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: country
            name: Armenia
            colour: red
            sources: [p2s1]
          - id: azerbaijan
            type: nation
            name: Azerbaijan
            sources: [p2s1]
        events:
          - id: talks
            title: Talks
            when: 2023-05-01
        """
    assert check(facts) == [
        f"{FACTS}:5:5: error[unknown-key]: unknown key 'colour' in entity 'armenia'; allowed "
        "keys: affiliation, aliases, anonymous, cite, confidence, coordinates, "
        "coordinates_source, description, extent_km, id, map_reason, name, notes, outline, "
        "path, role, side, sources, status, type",
        f"{FACTS}:8:11: error[wrong-type]: entity 'azerbaijan', field 'type': 'nation' is not "
        "one of 'person', 'organisation', 'country', 'place' or 'group'",
        f"{FACTS}:12:5: error[missing-field]: event 'talks' is missing required field 'sources'",
    ]


def test_all_reference_problems_of_a_file_in_one_pass(check: Check) -> None:
    facts = """\
        entities:
          - id: armenia
            type: country
            name: Armenia
            sources: [p2s1, p30s1]
        events:
          - id: talks
            title: Talks
            when:
              date: 2023-02-30
            participants: [armenai]
            sources: [p1s1]
        """
    assert sorted(check(facts)) == [
        f"{FACTS}:10:13: error[invalid-date]: '2023-02-30' is not a real date: "
        "February 2023 has 28 days",
        f"{FACTS}:11:20: error[unknown-entity]: no entity has the id 'armenai' "
        "(did you mean 'armenia'?); define it under 'entities' or fix the id",
        f"{FACTS}:5:21: error[unknown-sentence]: sentence 'p30s1' does not exist in article "
        "'seed' (18 paragraphs, last sentence p18s1)",
    ]


def test_shipped_content_checks_clean(shipped_content: Path, now: datetime) -> None:
    corpus, diagnostics = load_corpus(shipped_content, now=now)
    assert corpus is not None
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    assert [d for d in diagnostics if d.severity is Severity.WARNING] == []
    assert [(d.code, d.line) for d in diagnostics] == [("article-artifact", 7)]
    assert [story.slug for story in corpus.stories] == ["armenia-azerbaijan-talks"]
    assert [a.id for a in corpus.stories[0].articles] == [
        "000_d5e6e064cd57f212",
        "001_talks-end",
        "002_yerevan-and-baku",
    ]


@pytest.mark.parametrize(
    ("sentence", "words", "verdict"),
    [
        ('Blinken said he expected "frank conversations".', "frank conversations", "quoted"),
        ('"We had honest conversations," Mirzoyan said.', "We had honest conversations", "quoted"),
        ('He called it "a just and lasting peace."', '"a just and lasting peace."', "quoted"),
        ('We will sign," he said.', "We will sign", "quoted"),  # the quotation opened earlier
        ('He said: "We are ready.', "We are ready.", "quoted"),  # and goes on in the next one
        ("The union called the talks 'long overdue'.", "long overdue", "quoted"),
        ("The union called the talks ‘long overdue’.", "long overdue", "quoted"),
        ("Mundaca, the governor, said it was bad.", "Mundaca, the governor", "unquoted"),
        ("The workers' union said it was bad.", "union said it was bad", "unquoted"),
        ('It said "no" and the governor left.', "the governor left", "unquoted"),
        ("An unprecedented situation, he said.", "nprecedented situ", "absent"),
        ("An unprecedented situation, he said.", "unprecedented situatio", "absent"),
    ],
)
def test_a_quote_is_whole_words_inside_quotation_marks(
    sentence: str, words: str, verdict: str
) -> None:
    text, wanted = normalise_quote(sentence), normalise_quote(words)
    found = word_matches(text, wanted)
    got = "absent" if not found else "unquoted"
    if any(quoted(text, start, wanted) for start in found):
        got = "quoted"
    assert got == verdict


def test_a_map_place_no_article_mentions_says_why_it_is_shown(check: Check) -> None:
    facts = """\
        entities:
          - id: goris
            type: place
            name: Goris
            coordinates: {lat: 39.51, lon: 46.34}
            sources: [{url: "https://en.wikipedia.org/wiki/Goris", title: Goris}]
          - id: region
            type: place
            name: Region
            outline: [{lat: 39.5, lon: 46.5}, {lat: 39.9, lon: 46.9}]
            sources: [p2s1]
        """
    assert check(facts) == [
        f"{FACTS}:6:14: error[missing-field]: place 'goris' cites no article sentence; say why "
        "the map shows it under 'map_reason' (the town where the road begins)",
        f"{FACTS}:10:14: error[invalid-value]: an outline needs at least three points around "
        "the area; add more",
    ]
    with_reason = facts.replace(
        "    name: Goris", "    name: Goris\n            map_reason: a town"
    )
    assert len(check(with_reason)) == 1


def test_a_position_source_is_a_web_address(check: Check) -> None:
    facts = """\
        entities:
          - id: goris
            type: place
            name: Goris
            coordinates: {lat: 39.51, lon: 46.34}
            coordinates_source: [{url: "javascript:alert(1)", title: Goris}]
            sources: [p2s1]
        """
    assert check(facts) == [
        f"{FACTS}:6:32: error[invalid-value]: entity 'goris', coordinates_source item 1, field "
        "'url': 'javascript:alert(1)' is not valid here; only http://, https:// and mailto: "
        "addresses or relative links are allowed"
    ]
