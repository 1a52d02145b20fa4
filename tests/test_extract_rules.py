"""The extractor's rule parts on their own: time expressions under news conventions and the
gazetteer (no NLP model needed), then the entity and quote rules on short articles written here."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from generator.extract.calibration import confidence, cross_validated, fit
from generator.extract.confidence import entity_confidence, speaker_confidence
from generator.extract.dateline import find_dateline
from generator.extract.draft import SUGGESTION_BELOW, build_draft
from generator.extract.extraction import Extraction, extract
from generator.extract.gazetteer import load_gazetteer
from generator.extract.merge import render_new, render_suggestions
from generator.extract.timevalues import Context
from generator.extract.timex import find_time_expressions
from generator.facts.schema import Facts
from generator.reading.article import parse_article
from generator.reading.loading import load_model

MONDAY = date(2023, 5, 1)


def resolve(
    sentence: str, published: date = MONDAY, future: bool = False
) -> list[tuple[str, str, str, bool]]:
    found = find_time_expressions(sentence, Context(published, future))
    return [(e.text, e.value, e.granularity, e.approximate) for e in found]


@pytest.mark.parametrize(
    ("sentence", "future", "expected"),
    [
        ("Blinken will meet them on Monday.", True, ("on Monday", "2023-05-01", "day", False)),
        (
            "A US official said Monday he expected progress.",
            False,
            ("Monday", "2023-05-01", "day", False),
        ),
        (
            "The talks are supposed to continue until Thursday.",
            True,
            ("until Thursday", "2023-05-04", "day", False),
        ),
        (
            "Miller said on Sunday that the call took place.",
            False,
            ("on Sunday", "2023-04-30", "day", False),
        ),
        (
            "They met last November in Brussels.",
            False,
            ("last November", "2022-11", "month", False),
        ),
        ("They met in February in Munich.", False, ("in February", "2023-02", "month", False)),
        (
            "The first war was in the early 1990s.",
            False,
            ("the early 1990s", "1990/1993", "range", False),
        ),
        ("It broke away three decades ago.", False, ("three decades ago", "1993", "year", True)),
        (
            "The checkpoint was set up ten days ago.",
            False,
            ("ten days ago", "2023-04-21", "day", False),
        ),
        ("He has called for dialogue for months.", False, ("for months", "PXM", "duration", True)),
        (
            "The minister toured the region last week.",
            False,
            ("last week", "2023-W17", "week", False),
        ),
        (
            "They spoke over the weekend.",
            False,
            ("over the weekend", "2023-04-29/2023-04-30", "range", False),
        ),
        ("The war of the 1990s ended.", False, ("the 1990s", "1990/1999", "decade", False)),
        (
            "Belgrade has refused since 2008 to recognise it.",
            False,
            ("since 2008", "2008/2023-05-01", "range", False),
        ),
        ("The truce lasted for three years.", False, ("for three years", "P3Y", "duration", False)),
        ("The deal was signed on 12 July.", False, ("on 12 July", "2022-07-12", "day", False)),
        ("The talks ran on 1–4 May.", False, ("1–4 May", "2023-05-01/2023-05-04", "range", False)),
        ("It was extended by two days.", False, ("by two days", "P2D", "duration", False)),
        (
            "The aid stalled for more than a year.",
            False,
            ("for more than a year", "P1Y", "duration", True),
        ),
    ],
)
def test_news_conventions(
    sentence: str, future: bool, expected: tuple[str, str, str, bool]
) -> None:
    assert resolve(sentence, future=future) == [expected]


def test_previous_day_is_anchored_on_the_day_just_mentioned() -> None:
    found = resolve("Miller said in a statement Saturday that the previous day Blinken called.")
    assert found == [
        ("Saturday", "2023-04-29", "day", False),
        ("the previous day", "2023-04-28", "day", False),
    ]


def test_a_limit_is_not_an_anchor() -> None:
    friday = date(2023, 7, 21)
    found = resolve(
        "Moscow said on Wednesday that from Thursday ships were targets, "
        "and Kyiv replied the following day.",
        friday,
    )
    assert found[-1] == ("the following day", "2023-07-20", "day", False)


def test_a_day_without_a_year_takes_the_year_the_sentence_just_gave() -> None:
    found = resolve("The waves struck on 26 December 2004 and again on 28 December.")
    assert [value for _, value, _, _ in found] == ["2004-12-26", "2004-12-28"]


def test_a_limit_in_a_past_clause_is_the_nearest_such_day() -> None:
    assert resolve("The court adjourned until 12 June.")[0][1] == "2023-06-12"
    assert resolve("The curfew lasted until 28 April.")[0][1] == "2023-04-28"
    assert resolve("The court adjourned on 12 June.")[0][1] == "2022-06-12"


def test_a_span_of_days_in_words_is_a_range() -> None:
    assert resolve("The talks ran from 3 to 5 April.") == [
        ("from 3 to 5 April", "2023-04-03/2023-04-05", "range", False)
    ]
    assert resolve("Voting is held between June 8 and 10.", future=True)[0][1] == (
        "2023-06-08/2023-06-10"
    )


def test_days_later_count_from_the_day_just_given_or_are_not_resolved() -> None:
    found = resolve("Fighting resumed on 5 May 2009 and stopped two days later.")
    assert found[-1] == ("two days later", "2009-05-07", "day", False)
    assert resolve("Two days later the talks ended.") == []


def test_days_without_a_year_and_short_decades_fall_nearest_the_story() -> None:
    january = date(2023, 1, 5)
    assert resolve("Storms on December 28-30 flooded towns.", january)[0][1] == (
        "2022-12-28/2022-12-30"
    )
    assert resolve("Rain fell on December 28 and 30.", january)[0][1] == "2022-12-28/2022-12-30"
    assert resolve("Prices were last so high in the '20s.", january)[0][1] == "1920/1929"
    assert resolve("It was a hit in the '90s.", january)[0][1] == "1990/1999"


def test_a_label_or_a_day_before_a_dash_is_no_dateline() -> None:
    assert find_dateline("BREAKING \u2014 The port closed.") is None
    assert find_dateline("Friday, March 3 \u2014 The port closed.") is None
    assert find_dateline("PARIS \u2014 The port closed.") is not None


def test_weekdays_depend_on_the_publication_day_and_tense() -> None:
    wednesday = date(2023, 3, 15)
    assert resolve("They met on Monday.", wednesday)[0][1] == "2023-03-13"
    assert resolve("They will meet on Saturday.", wednesday, future=True)[0][1] == "2023-03-18"
    assert resolve("They met on Wednesday.", wednesday)[0][1] == "2023-03-15"
    assert (
        resolve("Fighting has gone on since Tuesday.", wednesday)[0][1] == "2023-03-14/2023-03-15"
    )


def test_may_the_verb_is_not_a_month() -> None:
    assert resolve("The talks may fail, and they may resume.") == []


@pytest.mark.parametrize(
    ("name", "kind", "stands_for"),
    [
        ("Yerevan", "capital", "Armenia"),
        ("Canberra", "capital", "Australia"),
        ("Ottawa", "capital", "Canada"),
        ("Washington", "capital", "United States"),
        ("Azerbaijani", "demonym", "Azerbaijan"),
        ("American", "demonym", "United States"),
        ("Pristina", "capital", "Kosovo"),
        ("Brussels", "capital", "European Union"),
    ],
)
def test_gazetteer_knows_every_capital_and_demonym(name: str, kind: str, stands_for: str) -> None:
    known = load_gazetteer().lookup(name)
    assert known is not None
    assert (known.kind, known.country) == (kind, stands_for)


def test_gazetteer_knows_organisations_and_regions_by_any_name() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("the EU").name == "European Union"  # type: ignore[union-attr]
    assert gazetteer.lookup("Berdzor corridor").name == "Lachin Corridor"  # type: ignore[union-attr]
    assert gazetteer.lookup("Artsakh").name == "Nagorno-Karabakh"  # type: ignore[union-attr]
    for short, name in [("MSF", "Médecins Sans Frontières"), ("AFP", "Agence France-Presse")]:
        assert gazetteer.lookup(short).name == name  # type: ignore[union-attr]


def test_a_short_month_name_alone_is_not_a_month() -> None:
    assert resolve("Wildfires reached Vina del Mar, officials said.") == []
    assert resolve("Jan Novak said the fire was under control.") == []
    assert resolve("The deal was signed on 5 Mar 2023.") == [
        ("on 5 Mar 2023", "2023-03-05", "day", False)
    ]
    assert resolve("It was signed in Dec 2021.")[0][1] == "2021-12"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The storm raged for six hours.", ("for six hours", "PT6H", "duration", False)),
        ("The siege lasted 14 months.", ("14 months", "P14M", "duration", False)),
        ("He faces about 7.5 years in jail.", ("about 7.5 years", "P7Y6M", "duration", True)),
        ("The charge carries up to 20 years.", ("20 years", "P20Y", "duration", False)),
        (
            "The exile ended after more than two and a half years.",
            ("more than two and a half years", "P2Y6M", "duration", True),
        ),
        (
            "The speech ran for 3 minutes and 10 seconds.",
            ("for 3 minutes and 10 seconds", "PT3M10S", "duration", False),
        ),
        ("It was a twelve-hour shift.", ("twelve-hour", "PT12H", "duration", False)),
        (
            "The firm had stood for almost a century.",
            ("for almost a century", "P100Y", "duration", True),
        ),
        ("It may be months before the port reopens.", ("months", "PXM", "duration", True)),
        (
            "Prices had not risen so fast in eleven years.",
            ("in eleven years", "P11Y", "duration", False),
        ),
    ],
)
def test_counted_durations(sentence: str, expected: tuple[str, str, str, bool]) -> None:
    assert resolve(sentence) == [expected]


def test_an_age_or_an_event_offset_is_not_a_duration() -> None:
    assert resolve("A 52-year-old farmer was hurt.") == []
    assert resolve("She came back two days later.") == []
    assert resolve("They meet once a week.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mayor spoke this afternoon.", ("this afternoon", "2023-05-01", "day", False)),
        (
            "Earlier in the day the rain stopped.",
            ("Earlier in the day", "2023-05-01", "day", False),
        ),
        ("He left yesterday evening.", ("yesterday evening", "2023-04-30", "day", False)),
        (
            "The army held the town from 1975 to 1979.",
            ("from 1975 to 1979", "1975/1979", "range", False),
        ),
        (
            "Growth slowed in the third quarter of 2011.",
            ("in the third quarter of 2011", "2011-07/2011-09", "range", False),
        ),
        (
            "The summit meets on June 8 and 9.",
            ("on June 8 and 9", "2023-06-08/2023-06-09", "range", False),
        ),
        ("The bridge was built in 1883.", ("in 1883", "1883", "year", False)),
        ("The raid began on Sept. 3, 2004.", ("on Sept. 3, 2004", "2004-09-03", "day", False)),
    ],
)
def test_parts_of_days_spans_and_old_years(
    sentence: str, expected: tuple[str, str, str, bool]
) -> None:
    assert resolve(sentence) == [expected]


def drafted(*paragraphs: str) -> Extraction:
    """Extract a short article written for a test (published on a Monday)."""
    text = "\n".join(paragraphs) + "\n#x\n2023-05-01 10:00:00\n"
    return extract(parse_article(text, "a", "a.txt")[0])


def entity_types(extraction: Extraction) -> dict[str, str]:
    return {draft.name: draft.type for draft in extraction.entities}


def test_a_dateline_names_a_place_and_an_agency() -> None:
    found = find_dateline("PORT LOUIS, Aug. 3 (Newswire) — The port reopened.")
    assert found is not None
    assert (found.place_name, found.agency) == ("Port Louis", "Newswire")
    assert find_dateline("Oslo — a word") is None  # a title-case place needs its date
    types = entity_types(drafted("LYON, March 2 (Newswire) — Lyon's mayor opened the bridge."))
    assert types["Lyon"] == "place"
    assert types["Newswire"] == "organisation"
    assert "LYON" not in types


def test_a_name_ending_in_an_organisation_or_place_word_takes_that_type() -> None:
    types = entity_types(
        drafted(
            "Members of the Green Harvest Party met at Marlow Castle on Monday.",
            "The talks were held in Fenwick Buildings, officials said.",
        )
    )
    assert types["Green Harvest Party"] == "organisation"
    assert types["Marlow Castle"] == "place"
    assert types["Fenwick Buildings"] == "place"


def test_the_body_a_title_belongs_to_is_not_its_holder() -> None:
    types = entity_types(
        drafted("Tom Reed, leader of the Northern Farmers Union, rejected the plan.")
    )
    assert types["Tom Reed"] == "person"
    assert types["Northern Farmers Union"] == "organisation"


def test_a_name_qualifying_a_title_is_an_organisation() -> None:
    types = entity_types(drafted("The Lega Nord leader, Ian Moor, said the vote was lost."))
    assert types["Lega Nord"] == "organisation"


def test_a_cut_name_is_joined_and_a_coordinated_one_split() -> None:
    names = set(entity_types(drafted("Lenders such as Lloyds and Bank of Japan lost money.")))
    assert {"Lloyds", "Bank of Japan"} <= names
    assert not any(name.endswith(" of") or " and " in name for name in names)


def test_an_elided_pair_gives_two_entities() -> None:
    types = entity_types(drafted("Exports to North and South America fell on Monday."))
    assert types["North America"] == types["South America"] == "place"


def test_an_elided_pair_with_a_known_second_name_gives_two_entities() -> None:
    names = set(entity_types(drafted("Trade between East and West Germany grew in 1989.")))
    assert {"East Germany", "West Germany"} <= names
    assert "East" not in names


def test_a_name_that_holds_a_known_name_is_one_name() -> None:
    types = entity_types(
        drafted(
            "Lakeview bought Credit Suisse on Sunday.",
            "Floods hit homes in Brooklyn Center on Monday.",
        )
    )
    assert types["Credit Suisse"] == "organisation"
    assert types["Brooklyn Center"] == "place"
    assert not {"Credit", "Suisse", "Brooklyn", "Switzerland"} & set(types)


def test_a_name_defined_by_its_abbreviation_is_whole() -> None:
    extraction = drafted(
        "The Liberation Front of Upper Vardia (LFUV) said its leader was safe.",
        "The National League for Renewal (NLR) won, and the NLR said it was ready.",
    )
    names = {draft.name: draft.aliases for draft in extraction.entities}
    assert "LFUV" in names["Liberation Front of Upper Vardia"]
    assert "NLR" in names["National League for Renewal"]
    assert not {"LFUV", "NLR"} & set(names)


def test_a_name_holds_no_count_and_no_honorific() -> None:
    names = set(
        entity_types(
            drafted(
                "The 512th Meeting of the Assembly opened on Monday. The 3rd Division moved.",
                "Count: Halvorsen 41.3 percent, Dagny Moe 39 percent.",
                "The talks in Côte d\u2019Ivoire brought together Ratu Sefo Vakadra, Commodore "
                "Jone Kalou and Lord Ashby.",
            )
        )
    )
    assert {"Sefo Vakadra", "Jone Kalou", "Ivory Coast", "3rd Division"} <= names
    assert not any(any(c.isdigit() for c in name) for name in names - {"3rd Division"})
    assert not {"Meeting", "Ratu Sefo Vakadra", "Commodore Jone Kalou"} & names


def test_a_body_named_with_and_stays_whole() -> None:
    names = set(
        entity_types(
            drafted(
                "Mr Otieno chairs the Independent Media and Broadcasting Commission in Kisumu.",
                "Lenders such as Lloyds and Bank of Japan lost money.",
            )
        )
    )
    assert "Independent Media and Broadcasting Commission" in names
    assert {"Lloyds", "Bank of Japan"} <= names


def test_romance_names_keep_their_small_words_and_street_words() -> None:
    types = entity_types(
        drafted("Voters queued in Santo Tomé do Campo and marched along Rua Augusta on Sunday.")
    )
    assert "Santo Tomé do Campo" in types
    assert types["Rua Augusta"] == "place"
    assert "Campo" not in types


def test_initials_make_a_person_and_titles_alone_make_no_one() -> None:
    types = entity_types(
        drafted(
            "Police said Arnold T. Mbeki was found near the port.",
            "Crowds gathered around K.L. Dranoff outside the court.",
            "The Chief Executive Officer and the Vice President spoke, and the Foreign Ministry "
            "agreed.",
        )
    )
    assert types["Arnold T. Mbeki"] == types["K.L. Dranoff"] == "person"
    assert types["Foreign Ministry"] == "organisation"
    assert not {"Executive Officer", "Vice President", "Chief Executive Officer"} & set(types)


def test_a_member_is_a_role_only_of_a_body() -> None:
    extraction = drafted(
        "Sarah Green, a member of the public, said the road was closed.",
        "Tom Reed, a member of Parliament, said it would reopen.",
    )
    roles = {draft.name: draft.role.text if draft.role else None for draft in extraction.entities}
    assert roles["Sarah Green"] is None
    assert roles["Tom Reed"] == "member of Parliament"


def test_a_storm_is_not_a_person_or_a_place() -> None:
    names = set(
        entity_types(
            drafted(
                "Cyclone Wanda hit Beira on Thursday, and Tropical Storm Orla flooded Houston.",
                "Typhoon Kiko weakened on Tuesday. Storm Lake, Iowa, was spared.",
            )
        )
    )
    assert {"Beira", "Houston", "Storm Lake"} <= names
    assert not any("Wanda" in name or "Orla" in name or "Kiko" in name for name in names)


def test_a_headline_in_title_case_keeps_its_names_apart() -> None:
    names = set(entity_types(drafted("Assembly Passes Budget Bill With Canada Abstaining")))
    assert "Canada Abstaining" not in names


def test_a_legal_name_and_the_short_name_are_one_company() -> None:
    extraction = drafted(
        "Harbour Lines Group AG agreed to buy a rival on Monday.",
        "Harbour Lines said the deal would close in June.",
    )
    names = {draft.name: draft.aliases for draft in extraction.entities}
    assert "Harbour Lines" in names["Harbour Lines Group AG"]
    assert "Harbour Lines" not in names


def test_the_tense_of_the_clause_decides_which_year_or_week() -> None:
    extraction = drafted(
        "Ms Varga said the new governor takes office on Sept. 1.",
        "By Tuesday, water covered most of the city.",
        "The strike has gone on since October.",
    )  # published on Monday 1 May 2023
    dates = {d.expression.text: d.expression.value for d in extraction.dates}
    assert dates["on Sept. 1"] == "2023-09-01"  # a present tense: the nearest 1 September
    assert dates["By Tuesday"] == "2023-04-25"  # a past tense: the Tuesday gone
    assert dates["since October"] == "2022-10/2023-05-01"


def test_a_hyphenated_given_name_stays_in_the_name() -> None:
    extraction = drafted(
        "Governor Paik Jae-in met Rhee Dong-hwan and the Bush-Carter family on Monday."
    )
    names = set(entity_types(extraction))
    assert {"Paik Jae-in", "Rhee Dong-hwan"} <= names
    assert not {"Paik Jae", "Rhee Dong", "Bush-Carter"} & names


def test_a_dateline_date_is_never_after_the_day_of_publication() -> None:
    extraction = drafted(
        "BUSAN, April 30 (Newswire) \u2014 President Paik Jae-in and Governor Rhee Dong-hwan "
        "will meet on Friday at the border, officials said."
    )  # published on Monday 1 May 2023
    dates = {d.expression.text: d.expression.value for d in extraction.dates}
    assert dates["April 30"] == "2023-04-30"
    assert dates["on Friday"] == "2023-05-05"


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Opposition leader Mara Quist said she would fight on.", "Opposition leader"),
        ("Central bank governor Ivo Brandt said rates would stay.", "Central bank governor"),
        ("The Supreme Leader Omid Farsi spoke on Monday.", "Supreme Leader"),
    ],
)
def test_a_title_keeps_the_words_that_say_which_office(sentence: str, title: str) -> None:
    roles = [draft.role.text for draft in drafted(sentence).entities if draft.role]
    assert roles == [title]


def test_short_forms_of_an_organisation_link_to_it() -> None:
    extraction = drafted(
        "The Coastal Relief Agency sent boats. CRA officials said more were needed.",
        "Fenwick Holdings collapsed on Monday. Fenwick had sought a buyer.",
    )
    names = {draft.name: draft.aliases for draft in extraction.entities}
    assert "CRA" in names["Coastal Relief Agency"]
    assert "Fenwick" in names["Fenwick Holdings"]
    assert "CRA" not in names and "Fenwick" not in names


def test_an_unattributed_quote_gets_no_speaker_outside_its_speaker_paragraph() -> None:
    quotes = drafted(
        "Health Minister Ruth Olsen said on Monday that the clinics were “ready”.",
        "Queues formed outside. “Nobody told us anything.”",
    ).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("ready", "Ruth Olsen"),
        ("Nobody told us anything.", None),
    ]


def test_confidence_follows_the_rule_that_made_the_draft() -> None:
    extraction = drafted(
        "Finance Minister Ruth Olsen met Karl Brandt in Paris on Monday.",
        "Mr Brandt said the European Union would help.",
    )
    drafts = {draft.name: draft for draft in extraction.entities}
    assert drafts["Ruth Olsen"].rule == "entity:person-with-role:single"  # a title, one sentence
    assert drafts["Karl Brandt"].rule == "entity:person-without-role:multi"  # a full name, no role
    assert drafts["European Union"].rule == "entity:known-body:single"  # the gazetteer knows it
    for draft in drafts.values():
        assert draft.confidence == entity_confidence(draft.rule)
    assert drafts["Ruth Olsen"].confidence > drafts["Karl Brandt"].confidence


def test_a_fitted_confidence_is_a_floor_that_small_counts_keep_low() -> None:
    outcomes = [("entity:sure", True)] * 200 + [("entity:few", True)] * 3
    outcomes += [("entity:half", True), ("entity:half", False)] * 5
    table = fit(outcomes)
    assert table["entity:sure"] == 0.95  # the ceiling: no rule is certain
    assert 0.5 < table["entity:few"] < table["entity:sure"]  # three right out of three is little
    assert table["entity:half"] < 0.5
    assert confidence(table, "entity:unseen") == table["entity"]
    unsure = fit([("entity:guess:single", False)] * 5 + [("entity:sure", True)] * 50)
    assert confidence(unsure, "entity:guess:multi") == unsure["entity:guess:single"] < 0.5


def test_cross_validation_gives_each_article_a_table_fitted_without_it() -> None:
    articles = [[("entity:common", True)] * 20, [("entity:rare", False)] * 3]
    in_sample = fit(outcome for article in articles for outcome in article)
    held_out = cross_validated(articles)
    assert in_sample["entity:rare"] < 0.5
    assert held_out[-1] == (confidence(fit(articles[0]), "entity:rare"), False)
    assert held_out[-1][0] > 0.5  # a rule only that article used is judged by its kind


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(  # a name inside the quote is never the pronoun's antecedent
            (
                "Judge Anna Berg opened the hearing on Monday.",
                "“Tom Kell lied to everyone,” she said.",
            ),
            [("Tom Kell lied to everyone,", "Anna Berg", None)],
            id="pronoun-skips-quoted-names",
        ),
        pytest.param(  # the attribution sits in the sentence where the quote closes
            (
                "Mayor Paul Dunn spoke on Monday. "
                "“The bridge is safe. Traffic resumes soon,” he said.",
            ),
            [("The bridge is safe. Traffic resumes soon,", "Paul Dunn", None)],
            id="quote-over-two-sentences",
        ),
        pytest.param(  # the person in apposition, not the body named in the title
            ("Norway’s UN envoy, Lars Vik, said the meeting had been “useful and frank”.",),
            [("useful and frank", "Lars Vik", None)],
            id="apposition-over-title-body",
        ),
        pytest.param(  # a description resolves to the organisation last named with that noun
            (
                "The Bank of Nordland raised its main rate on Monday. "
                "In a statement, the bank said “inflation is still too high.”",
            ),
            [("inflation is still too high.", "Bank of Nordland", None)],
            id="the-bank-said",
        ),
        pytest.param(  # "the words of X" are X's, relayed by the one who borrows them
            (
                "Mayor Paul Dunn called the flood “a wake-up call,” "
                "borrowing the words of engineer Hannah Price.",
            ),
            [("a wake-up call,", "Hannah Price", "Paul Dunn")],
            id="words-of",
        ),
        pytest.param(  # a subject that names nobody: no speaker, not the nearest name
            ("Critics, unlike Finance Minister Ruth Olsen, called the budget “a disaster”.",),
            [("a disaster", None, None)],
            id="no-guess-from-a-nearby-name",
        ),
        pytest.param(  # a double surname the model leaves unlabelled is still the person
            (
                "Finance Minister Ana María Ruiz Soto spoke on Monday.",
                "“We will not raise taxes,” Ruiz Soto said.",
            ),
            [("We will not raise taxes,", "Ana María Ruiz Soto", None)],
            id="double-surname",
        ),
        pytest.param(  # a quote that names a theme or a campaign is no one's words
            (
                "The summit opens on Tuesday under the theme \u201cBuild Back Together,\u201d "
                "with Prime Minister Ann Bell among the leaders attending.",
                "The party launched a campaign called \u201cFair Pay Now\u201d on Monday. "
                "Senator Tom Reed called the budget \u201ca disgrace\u201d.",
            ),
            [
                ("Build Back Together,", None, None),
                ("Fair Pay Now", None, None),
                ("a disgrace", "Tom Reed", None),
            ],
            id="names-no-speech",
        ),
    ],
)
def test_speakers_come_from_syntax_or_not_at_all(
    paragraphs: tuple[str, ...], expected: list[tuple[str, str | None, str | None]]
) -> None:
    quotes = drafted(*paragraphs).quotes
    assert [(q.text, q.speaker, q.via) for q in quotes] == expected


def test_a_speakers_confidence_is_its_rules() -> None:
    quotes = drafted(
        "“We lost the vote,” John Carter said. “But we will be back.”",
        "Mayor Paul Dunn spoke on Monday. “The bridge is safe,” he said.",
    ).quotes
    assert [(q.speaker, q.rule) for q in quotes] == [
        ("John Carter", "named"),
        ("John Carter", "continuation"),
        ("Paul Dunn", "pronoun"),
    ]
    assert [q.confidence for q in quotes] == [speaker_confidence(q.rule) for q in quotes]


def test_hoped_is_the_verb_hope() -> None:
    """The small model lemmatises "hoped" as "hop"; an intention looks forward all the same."""
    dates = drafted("The minister hoped to meet her counterpart on Friday.").dates
    assert [(d.expression.text, d.expression.value) for d in dates] == [("on Friday", "2023-05-05")]


@pytest.mark.parametrize(
    ("sentence", "person", "role"),
    [
        ("Chile’s Foreign Minister, Eva Lind, arrived in Lima on Monday.", "Eva Lind",
         "Foreign Minister of Chile"),
        ("When the union leader, Tom Reed, walked out, the talks stalled.", "Tom Reed",
         "union leader"),
        ("Attorney General Keith Ross said the case was closed.", "Keith Ross",
         "Attorney General"),
        ("The court heard former vice-president Tom Reed on Monday.", "Tom Reed",
         "former vice-president"),
        ("The Red Cross’s chief delegate for the region, Anna Berg, arrived on Monday.",
         "Anna Berg", "Red Cross chief delegate for the region"),
        ("Derek Vale, a former Oslo police officer, was convicted on Monday.", "Derek Vale",
         "former Oslo police officer"),
    ],
)  # fmt: skip
def test_roles_from_titles_appositions_and_possessives(
    sentence: str, person: str, role: str
) -> None:
    roles = {d.name: d.role.text for d in drafted(sentence).entities if d.role}
    assert roles[person] == role


def test_a_title_is_shared_only_by_a_coordinated_pair_under_a_plural() -> None:
    extraction = drafted(
        "Treasury Secretary Hank Wells met bankers on Monday. "
        "Lenders such as Fenwick Mae and Fenwick Mac lost money.",
        "Finance Ministers Paul Martin and Canadian David Miller met on Tuesday.",
    )
    roles = {d.name: d.role.text for d in extraction.entities if d.role}
    assert roles["Hank Wells"] == "Treasury Secretary"
    assert "Fenwick Mac" not in roles
    assert roles["David Miller"] == "Canadian Finance Minister"


def test_items_below_the_threshold_are_commented_out_suggestions_and_the_file_loads() -> None:
    extraction = drafted(
        "Finance Minister Ruth Olsen met Karl Brandt in Paris on Monday.",
        "“We will help,” Mr Brandt said.",
    )
    unsure = [
        replace(e, confidence=SUGGESTION_BELOW - 0.3) if e.name == "Karl Brandt" else e
        for e in extraction.entities
    ]
    draft = build_draft(replace(extraction, entities=tuple(unsure)))
    assert [e["id"] for e in draft.suggestions["entities"]] == ["karl-brandt"]
    assert [q["speaker"] for q in draft.suggestions["quotes"]] == ["karl-brandt"]
    assert draft.facts["quotes"] == []
    assert draft.facts["events"][0]["participants"] == ["ruth-olsen"]
    text = render_new(draft.facts, "# drafted\n")
    block, suggested = render_suggestions(draft.suggestions, text)
    assert suggested == ["entities/karl-brandt", "quotes/karl-brandt-we-will-help"]
    assert "#   - id: karl-brandt" in block.splitlines()
    assert all(line == "" or line.startswith("#") for line in block.splitlines())
    facts, _, problems = load_model(text + block, "facts.yml", Facts)
    assert facts is not None and problems == []
    assert [e.id for e in facts.entities] == ["ruth-olsen", "paris"]
    assert render_suggestions(draft.suggestions, text + block) == ("", [])  # no second copy


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(  # an abbreviation the article defines beats the gazetteer (not Panama)
            ("The Popular Action Party (PAN) won the vote on Sunday.",
             "The PAN will govern alone."),
            [("Popular Action Party", "organisation", ["PAN"])],
            id="bracketed-abbreviation",
        ),
        pytest.param(  # the same name without its accents
            ("Finance Minister Andrés López Ruiz spoke on Monday.",
             "“It is done,” said Andres Lopez Ruiz."),
            [("Andrés López Ruiz", "person", ["Andres Lopez Ruiz"])],
            id="accents",
        ),
        pytest.param(  # a surname with its particle
            ("Prosecutor Carla Del Ponte opened the case on Monday.",
             "Del Ponte said the evidence was clear."),
            [("Carla Del Ponte", "person", ["Del Ponte"])],
            id="surname-particle",
        ),
        pytest.param(  # a religious honorific is no part of the name
            ("Ayatollah Ali Khamenei spoke on Monday.",),
            [("Ali Khamenei", "person", [])],
            id="honorific",
        ),
    ],
)  # fmt: skip
def test_one_entity_per_name_however_the_article_writes_it(
    paragraphs: tuple[str, ...], expected: list[tuple[str, str, list[str]]]
) -> None:
    found = [(d.name, d.type, d.aliases) for d in drafted(*paragraphs).entities]
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "person", "role"),
    [
        ("Tom Reed, the former mayor of Leeds and the best-known Liberal in the north, said he "
         "would stand.", "Tom Reed", "former mayor of Leeds"),
        ("Paul Dunn, a retired FBI agent who vanished in 2007, was freed on Monday.", "Paul Dunn",
         "retired FBI agent"),
    ],
)  # fmt: skip
def test_an_appositive_title_may_end_at_and_or_a_relative_clause(
    sentence: str, person: str, role: str
) -> None:
    roles = {d.name: d.role.text for d in drafted(sentence).entities if d.role}
    assert roles[person] == role


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Special Tribunal for Lebanon heard the case on Monday.",
         [("Special Tribunal for Lebanon", "organisation")]),
        ("Investors trusted the independence of the Bank of Chile.",
         [("Bank of Chile", "organisation")]),
        ("Aid ships docked at Port Sudan on Monday.", [("Port Sudan", "place")]),
    ],
)  # fmt: skip
def test_a_name_is_not_cut_at_a_country_inside_it(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.name, d.type) for d in drafted(sentence).entities] == expected


def test_a_company_named_after_a_country_is_one_name() -> None:
    extraction = drafted("The strike at Air France ended when Air France agreed to pay more.")
    assert [d.name for d in extraction.entities] == ["Air France"]


def test_a_pronoun_after_a_sentence_naming_two_people_has_no_antecedent() -> None:
    quotes = drafted(
        "Mayor John Hale met Anna Berg on Monday. She told him the plan was “dead”.",
        "Governor Paul Dunn’s aide, Lisa Holm, spoke next. She said the budget was “fine”.",
    ).quotes
    assert [(q.text, q.speaker) for q in quotes] == [("dead", None), ("fine", "Lisa Holm")]


def test_a_plural_title_is_shared_along_a_list_with_each_holders_country() -> None:
    extraction = drafted(
        "Presidents Mirko Kovacevic of Bosnia, Paul Martin of Canada and David Miller of "
        "Australia met on Monday."
    )
    roles = {d.name: d.role.text for d in extraction.entities if d.role}
    assert roles == {
        "Mirko Kovacevic": "President of Bosnia",
        "Paul Martin": "President of Canada",
        "David Miller": "President of Australia",
    }


def test_a_first_name_the_model_left_out_after_a_title_is_part_of_the_name() -> None:
    extraction = drafted(
        "Presidents Alija Kovacevic of Bosnia and Paul Martin of Canada met on Monday."
    )
    roles = {d.name: d.role.text for d in extraction.entities if d.role}
    assert roles["Alija Kovacevic"] == "President of Bosnia"


@pytest.mark.parametrize(
    ("sentence", "person", "role"),
    [
        ("Lisa Holm, 54, a nurse at the hospital, said she was tired.", "Lisa Holm",
         "nurse at the hospital"),
        ("Lisa Holm, the spokeswoman for the ministry, said the report was false.", "Lisa Holm",
         "spokeswoman for the ministry"),
        ("Tom Reed, leader of the opposition Labour Party, said he would vote no.", "Tom Reed",
         "leader of the opposition Labour Party"),
        ("Anna Berg, a senior economist at Fenwick Bank, said rates would rise.", "Anna Berg",
         "senior economist at Fenwick Bank"),
        ("Tom Reed, the candidate of the ruling Green Party (GP), conceded on Sunday.",
         "Tom Reed", "candidate of the ruling Green Party"),
        ("Paul Dunn, a lawyer for Lisa Holm, said they would appeal.", "Paul Dunn",
         "lawyer for Lisa Holm"),
        ("Economist Lisa Holm said the recession was over.", "Lisa Holm", "Economist"),
    ],
)  # fmt: skip
def test_an_apposition_is_a_noun_phrase_headed_by_a_title(
    sentence: str, person: str, role: str
) -> None:
    roles = {d.name: d.role.text for d in drafted(sentence).entities if d.role}
    assert roles[person] == role


@pytest.mark.parametrize(
    ("sentence", "person", "role"),
    [
        ("Tom Reed is the chief negotiator for the union.", "Tom Reed",
         "chief negotiator for the union"),
        ("Anna Berg, who is the governor of the province, declined to comment.", "Anna Berg",
         "governor of the province"),
        ("Paul Dunn was named prime minister on Monday.", "Paul Dunn", "prime minister"),
        ("Mark Odero became president in 2010.", "Mark Odero", "president"),
        ("Tom Reed, who chairs the committee, said hearings would begin.", "Tom Reed",
         "chair of the committee"),
        ("Anna Berg, who headed the court, was freed on Monday.", "Anna Berg",
         "former head of the court"),
    ],
)  # fmt: skip
def test_a_copula_or_a_verb_of_holding_gives_a_title(sentence: str, person: str, role: str) -> None:
    roles = {d.name: d.role.text for d in drafted(sentence).entities if d.role}
    assert roles[person] == role


def test_a_copula_without_a_title_gives_none() -> None:
    extraction = drafted("Tom Reed is the first farmer to win the prize. Anna Berg is a friend.")
    assert all(d.role is None for d in extraction.entities)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("President-elect Tom Reed named his cabinet on Monday.", {"Tom Reed": "President-elect"}),
        ("Ministers Karl Brandt and Ruth Olsen resigned on Monday.",
         {"Karl Brandt": "Minister", "Ruth Olsen": "Minister"}),
        ("Kenya’s President Mark Odero flew to Rome.", {"Mark Odero": "President of Kenya"}),
        ("The country’s finance minister, Ruth Olsen, resigned.",
         {"Ruth Olsen": "finance minister"}),
        ("Interior Minister Karl Brandt and his deputy, Lisa Holm, visited the camp.",
         {"Karl Brandt": "Interior Minister", "Lisa Holm": "deputy"}),
        ("Chile’s Supreme Leader, General Ana Soto, spoke on Monday.",
         {"Ana Soto": "Supreme Leader of Chile"}),
    ],
)  # fmt: skip
def test_titles_before_a_name_in_their_english_forms(
    sentence: str, expected: dict[str, str]
) -> None:
    roles = {d.name: d.role.text for d in drafted(sentence).entities if d.role}
    assert roles == expected


@pytest.mark.parametrize(
    ("paragraphs", "person", "role"),
    [
        pytest.param(("Tom Reed spoke on Monday. Reed, the union leader, said the strike would "
                      "go on.",), "Tom Reed", "union leader", id="title-at-a-surname"),
        pytest.param(("Fenwick Bank lost money. “We will recover,” said Lisa Holm, the bank’s "
                      "chief executive.",), "Lisa Holm", "chief executive of Fenwick Bank",
                     id="the-bank-is-the-one-bank"),
        pytest.param(("Derek Vale was charged on Monday. Vale’s lawyer, Anna Berg, said he "
                      "would plead not guilty.",), "Anna Berg", "lawyer of Derek Vale",
                     id="a-surname-owner-is-the-person"),
        pytest.param(("The union’s envoy for the north, former Chilean President Ana Soto, "
                      "arrived on Monday.",), "Ana Soto", "union envoy for the north",
                     id="present-office-beats-a-past-one"),
        pytest.param(("Sen. Anna Berg said the bill would pass.",), "Anna Berg", "Senator",
                     id="abbreviated-title"),
        pytest.param(("“We will not stop,” said Anna Berg, head of the nurses’ union.",),
                     "Anna Berg", "head of the nurses’ union", id="plural-possessive"),
    ],
)  # fmt: skip
def test_a_title_anywhere_in_the_article_and_its_owner(
    paragraphs: tuple[str, ...], person: str, role: str
) -> None:
    roles = {d.name: d.role.text for d in drafted(*paragraphs).entities if d.role}
    assert roles[person] == role


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(("Fenwick Bank lost money. “We regret the losses,” it said in a statement.",),
                     ["Fenwick Bank"], id="it-is-the-body-before"),
        pytest.param(("Mayor Paul Dunn lost money. “We regret the losses,” it said.",),
                     [None], id="it-is-never-a-person"),
        pytest.param(("A statement from the Riverton City Council said the bridge was “unsafe”.",),
                     ["Riverton City Council"], id="a-statement-from"),
        pytest.param(("Anna Berg put it bluntly: “We will win.”",), ["Anna Berg"], id="colon"),
        pytest.param(("Anna Berg met Paul Dunn and Tom Reed: “We will win.”",), [None],
                     id="colon-needs-one-subject"),
        pytest.param(("Anna Berg, asked about the vote, said: “It was fair.”",), ["Anna Berg"],
                     id="aside-between-subject-and-verb"),
    ],
)  # fmt: skip
def test_bodies_statements_and_colons_as_speakers(
    paragraphs: tuple[str, ...], expected: list[str | None]
) -> None:
    assert [q.speaker for q in drafted(*paragraphs).quotes] == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "“We will appeal,” a lawyer for Anna Berg told reporters.",
        "The wife of Paul Dunn said he was “innocent”.",
        "Paul Dunn’s lawyer said the charges were “absurd”.",
        "Supporters of Anna Berg chanted “Berg for president”.",
        "Paul Dunn’s book, “The Long Road”, was published on Monday.",
    ],
)
def test_a_person_a_subject_is_about_is_not_the_speaker(paragraph: str) -> None:
    speakers = [q.speaker for q in drafted(paragraph).quotes]
    assert len(speakers) == 1
    assert speakers[0] not in {"Anna Berg", "Paul Dunn"}  # an anonymous lawyer, or nobody


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(("Mayor Paul Dunn said on Monday that the city would rebuild.",
                      "“Nobody will be left behind.”"), ["Paul Dunn"], id="after-reported-speech"),
        pytest.param(("“We will rebuild,” Mayor Paul Dunn said.", "“Nobody will be left behind.”"),
                     ["Paul Dunn", "Paul Dunn"], id="after-a-quote"),
        pytest.param(("Mayor Paul Dunn said: “We will rebuild every house.",
                      "“Nobody will be left behind.”"), ["Paul Dunn", "Paul Dunn"],
                     id="unclosed-quote-runs-on"),
        pytest.param(("Mayor Paul Dunn toured the town. The damage was severe.",
                      "“Nobody will be left behind.”"), [None], id="no-speaker-last"),
    ],
)  # fmt: skip
def test_a_paragraph_that_is_only_a_quote_goes_on_with_the_last_speaker(
    paragraphs: tuple[str, ...], expected: list[str | None]
) -> None:
    assert [q.speaker for q in drafted(*paragraphs).quotes] == expected


@pytest.mark.parametrize(
    ("sentence", "person", "role"),
    [
        ("The strike was called by union leader Tom Reed on Monday.", "Tom Reed", "union leader"),
        ("They met opposition leader Tom Reed.", "Tom Reed", "opposition leader"),
        ("UN human rights chief Tom Reed condemned the attack.", "Tom Reed",
         "UN human rights chief"),
        ("Many voters backed popular former mayor Tom Reed.", "Tom Reed", "former mayor"),
        ("The attack was condemned by outgoing Prime Minister Tom Reed.", "Tom Reed",
         "outgoing Prime Minister"),
    ],
)  # fmt: skip
def test_a_title_before_a_name_keeps_its_noun_modifiers_and_wording(
    sentence: str, person: str, role: str
) -> None:
    roles = {d.name: d.role.text for d in drafted(sentence).entities if d.role}
    assert roles[person] == role


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(("The vote was held yesterday.", "The night before, the polls had closed."),
                     [("yesterday", "2023-04-30"), ("The night before", "2023-04-29")],
                     id="anchor-from-an-earlier-sentence"),
        pytest.param(("By Thursday the rescuers had found ten people.",),
                     [("By Thursday", "2023-04-27")], id="by-in-the-past"),
        pytest.param(("The fee must be paid by Thursday.",), [("by Thursday", "2023-05-04")],
                     id="by-with-a-modal"),
        pytest.param(("The new mayor takes office on Friday.",), [("on Friday", "2023-05-05")],
                     id="simple-present-timetable"),
        pytest.param(("A plan announced on Friday failed to calm the markets.",),
                     [("on Friday", "2023-04-28")], id="past-participle-is-past"),
        pytest.param(("The vote on Friday puts the city on course for a new mayor.",),
                     [("on Friday", "2023-04-28")], id="present-of-a-noun-date-is-not-a-timetable"),
    ],
)  # fmt: skip
def test_the_verb_a_date_hangs_from_sets_its_direction(
    paragraphs: tuple[str, ...], expected: list[tuple[str, str]]
) -> None:
    dates = drafted(*paragraphs).dates
    assert [(d.expression.text, d.expression.value) for d in dates] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two leaders, Anna Berg and Tom Reed, met on Monday.",
         {"Anna Berg": "leader", "Tom Reed": "leader"}),
        ("Three former officers, Anna Berg, Tom Reed and Paul Dunn, were charged.",
         {"Anna Berg": "former officer", "Tom Reed": "former officer",
          "Paul Dunn": "former officer"}),
        ("Anna Berg, 54, who heads the court, was freed.", {"Anna Berg": "head of the court"}),
        ("Anna Berg — the former president — was freed.", {"Anna Berg": "former president"}),
        ("Anna Berg, the newly elected mayor, spoke.", {"Anna Berg": "newly elected mayor"}),
    ],
)  # fmt: skip
def test_plural_titles_over_a_list_ages_dashes_and_adverbs(
    sentence: str, expected: dict[str, str]
) -> None:
    roles = {d.name: d.role.text for d in drafted(sentence).entities if d.role}
    assert roles == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "Anna Berg and Tom Reed said in a joint statement that the deal was “historic”.",
        "Norway and Sweden said in a joint statement that the deal was “historic”.",
        "Anna Berg and Tom Reed called the deal “historic”.",
    ],
)
def test_a_coordinated_subject_names_no_single_speaker(paragraph: str) -> None:
    assert [q.speaker for q in drafted(paragraph).quotes] == [None]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param("Former President Tom Reed spoke on Monday. “We failed,” the former "
                     "president said.", ["Tom Reed"], id="a-former-holder"),
        pytest.param("Prime Minister Anna Berg met Tom Reed. “We agreed,” the Norwegian prime "
                     "minister said.", ["Anna Berg"], id="a-description-more-specific"),
        pytest.param("President Mark Odero met President Anna Berg of Norway. “We agreed,” the "
                     "President said.", ["Mark Odero"], id="the-one-without-a-country"),
    ],
)  # fmt: skip
def test_a_description_names_the_one_holder_of_that_office(
    paragraph: str, expected: list[str]
) -> None:
    assert [q.speaker for q in drafted(paragraph).quotes] == expected


def test_an_apposition_before_a_name_starts_after_a_conjunction() -> None:
    extraction = drafted(
        "They stayed home because their leaders, Anna Berg and Tom Reed, were ill."
    )
    roles = {d.name: d.role.text for d in extraction.entities if d.role}
    assert roles == {"Anna Berg": "leader", "Tom Reed": "leader"}


def test_the_citys_mayor_is_the_mayor() -> None:
    roles = {
        d.name: d.role.text for d in drafted("The city’s mayor, Paul Dunn, resigned.").entities
    }
    assert roles == {"Paul Dunn": "mayor"}


def test_an_apposition_does_not_make_a_company_a_person() -> None:
    extraction = drafted("Goldman Sachs, an adviser to the bank, declined to comment.")
    assert [(d.name, d.type, d.role) for d in extraction.entities] == [
        ("Goldman Sachs", "organisation", None)
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The Coastal Liberation Front seized the town. “We will protect civilians,” they said.",
         ["Coastal Liberation Front"]),
        ("Anna Berg and Tom Reed met. “We agreed,” they said.", [None]),
        ("Norway and Sweden met. “We agreed,” they said.", [None]),
    ],
)  # fmt: skip
def test_they_is_one_body_before_it_or_nobody(paragraph: str, expected: list[str | None]) -> None:
    assert [q.speaker for q in drafted(paragraph).quotes] == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Anna Berg was told by Paul Dunn that the deal was “a disgrace”.", ["Paul Dunn"]),
        ("Anna Berg was told that the deal was “a disgrace”.", [None]),
        ("The Riverton Herald quoted Anna Berg as saying the vote was “fair”.", ["Anna Berg"]),
        ("Anna Berg was quoted as saying the vote was “fair”.", ["Anna Berg"]),
        ("The deal was called “a disgrace” by Paul Dunn.", ["Paul Dunn"]),
    ],
)  # fmt: skip
def test_a_passive_speaks_through_its_agent_and_quoted_is_the_one_quoted(
    paragraph: str, expected: list[str | None]
) -> None:
    assert [q.speaker for q in drafted(paragraph).quotes] == expected


def test_an_age_inside_an_apposition_is_no_part_of_the_title() -> None:
    extraction = drafted("Anna Berg, a 45-year-old teacher, lost her house.")
    assert [(d.name, d.role.text if d.role else None) for d in extraction.entities] == [
        ("Anna Berg", "teacher")
    ]


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Anna Berg, who serves as the chief negotiator, spoke.", "chief negotiator"),
        ("Anna Berg, elected mayor in 2019, spoke.", "mayor"),
        ("Anna Berg, elected in 2019, spoke.", None),
    ],
)
def test_serving_as_and_a_reduced_relative_give_a_title(sentence: str, role: str | None) -> None:
    drafts = {d.name: d for d in drafted(sentence).entities}
    found = drafts["Anna Berg"].role
    assert (found.text if found else None) == role


def test_a_pronoun_with_no_clear_antecedent_is_the_last_named_speaker() -> None:
    quotes = drafted(
        "“We will appeal,” Anna Berg said on Monday.",
        "The court met on Tuesday. “It was unfair,” she said.",
        "Tom Reed met Paul Dunn on Wednesday. “It was fair,” she said.",
    ).quotes
    assert [q.speaker for q in quotes] == ["Anna Berg", "Anna Berg", None]
    assert quotes[1].rule == "last-speaker"


def test_the_last_named_speaker_keeps_the_pronoun_they_were_given() -> None:
    quotes = drafted(
        "Paul Dunn spoke on Monday. “We will appeal,” he said.",
        "Tom Reed met Anna Berg on Tuesday. “It was unfair,” she said.",
    ).quotes
    assert [q.speaker for q in quotes] == ["Paul Dunn", None]


def test_storms_and_market_indices_are_no_entities() -> None:
    extraction = drafted(
        "Hurricane Ike hit Texas on Monday.",
        "The Dow Jones industrial average fell and the FTSE 100 lost 3 percent.",
    )
    assert [(d.name, d.type) for d in extraction.entities] == [("Texas", "place")]


def test_a_lone_word_is_a_person_only_when_it_speaks() -> None:
    extraction = drafted(
        "Turnout was high in Riverton on Monday.",
        "“We won,” Okonjo said.",
    )
    people = [d.name for d in extraction.entities if d.type == "person"]
    assert "Turnout" not in people
    assert [q.speaker for q in extraction.quotes] == ["Okonjo"]


def test_a_numbered_meeting_is_no_entity() -> None:
    extraction = drafted("The council held its 7853rd Meeting in Riverton on Monday.")
    assert all(not any(c.isdigit() for c in d.name) for d in extraction.entities)


def test_a_name_of_letters_and_digits_is_still_a_name() -> None:
    names = [d.name for d in drafted("Leaders of the G7 met in Riverton on Monday.").entities]
    assert "G7" in names


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ("“We lost everything,” said a tearful resident.", "resident"),
        ("A defence lawyer told reporters the trial was “a farce”.", "defence lawyer"),
        ("A senior Western diplomat said the talks were “stuck”.", "Western diplomat"),
    ],
)
def test_an_anonymous_speaker_is_named_by_its_nouns(paragraph: str, name: str) -> None:
    extraction = drafted(paragraph)
    assert [(d.name, d.anonymous) for d in extraction.entities] == [(name, True)]
    assert [q.speaker for q in extraction.quotes] == [name]


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ("Some legal observers said the charges were “far too light”.", "legal observer"),
        ("About 90 people were hurt, according to organisers.", "organiser"),
        ("The envoy’s youngest son said the family was “relieved”.", "youngest son"),
        ("Frightened passengers told reporters the ship was “listing badly”.", "passenger"),
    ],
)
def test_people_of_a_kind_and_a_relative_are_unnamed_sources(paragraph: str, name: str) -> None:
    extraction = drafted(paragraph)
    assert [(d.name, d.anonymous) for d in extraction.entities] == [(name, True)]


def test_people_of_a_kind_who_only_act_are_no_source() -> None:
    """ "officers accused him": the officers act in the story; they are not its source."""
    extraction = drafted("Officers accused him of theft, and residents argued about it.")
    assert not [d for d in extraction.entities if d.anonymous]


def test_a_ministry_named_in_lower_case_after_a_demonym_is_a_body() -> None:
    extraction = drafted(
        "The Norwegian foreign ministry met on Monday. The ministry said the plan was “illegal”."
    )
    assert [(d.name, d.type) for d in extraction.entities] == [
        ("Norwegian foreign ministry", "organisation")
    ]
    assert [q.speaker for q in extraction.quotes] == ["Norwegian foreign ministry"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Paul Dunn rejected the so-called “peace plan” on Monday.",
        "The “peace plan” was rejected by Paul Dunn on Monday.",
        "Paul Dunn, the mayor, said Anna Berg was “a liar”. She denied it, calling it “absurd”.",
    ],
)
def test_a_term_or_an_unclear_pronoun_has_no_speaker(paragraph: str) -> None:
    assert [q.speaker for q in drafted(paragraph).quotes][-1] is None


def test_other_holders_share_the_office_named_before() -> None:
    extraction = drafted(
        "Former Riverton police officer Derek Vale was convicted on Monday.",
        "Two other former officers, Anna Berg and General Tom Reed, go on trial in August.",
    )
    roles = {d.name: d.role.text for d in extraction.entities if d.role}
    assert roles["Anna Berg"] == roles["Tom Reed"] == "former Riverton police officer"


def test_a_description_no_one_holds_names_the_untitled_person_before_it() -> None:
    extraction = drafted(
        "Former vice-president Tom Reed was jailed in 2004.",
        "The court sentenced Paul Dunn on Sunday, convicting the former president of fraud.",
        "Anna Berg won on Sunday at the head of the Green Party.",
    )
    roles = {d.name: d.role.text if d.role else None for d in extraction.entities}
    assert roles["Tom Reed"] == "former vice-president"
    assert roles["Paul Dunn"] == "former president"  # not the vice-president's alias
    assert roles["Anna Berg"] is None  # "at the head of" is no description of her


def test_a_lone_name_before_a_title_qualifies_it() -> None:
    extraction = drafted(
        "Floods hit Biloxi and Gulfport. Biloxi Mayor Paul Dunn called it a disaster."
    )
    roles = {d.name: d.role.text for d in extraction.entities if d.role}
    assert roles == {"Paul Dunn": "Biloxi Mayor"}


def test_a_relative_clause_aside_reaches_back_to_its_subject() -> None:
    from generator.extract.antecedents import _before_aside
    from generator.extract.nlp import load_pipeline

    doc = load_pipeline()(
        "Paul Dunn, whose party lost the long and bitter vote in the city in 2019, said it."
    )
    comma = [token.i for token in doc if token.text == ","][-1]
    assert doc[_before_aside(doc[:comma])].text == "Dunn"


def test_a_headings_present_tense_is_no_timetable() -> None:
    dates = drafted("Mayor meets unions on Friday", "The new mayor takes office on Friday.").dates
    assert [d.expression.value for d in dates] == ["2023-04-28", "2023-05-05"]


def test_a_title_complement_goes_on_through_a_participle_and_by() -> None:
    extraction = drafted(
        "Anna Berg, the candidate of a coalition led by the Green Unity Party (GUP), conceded."
    )
    roles = {d.name: d.role.text for d in extraction.entities if d.role}
    assert roles == {"Anna Berg": "candidate of a coalition led by the Green Unity Party"}


def test_a_description_opening_a_paragraph_names_the_last_subject_before_it() -> None:
    extraction = drafted(
        "Anna Berg won the vote on Sunday, and her rivals conceded.",
        "The count gave the former Oslo mayor 53 percent of the vote.",
    )
    roles = {d.name: d.role.text for d in extraction.entities if d.role}
    assert roles == {"Anna Berg": "former Oslo mayor"}


def test_a_name_beside_a_relative_or_a_title_only_a_person_holds_is_a_person() -> None:
    types = entity_types(
        drafted(
            "Aid was announced by Harriet Strongbow, the Vardian Ambassador to the United Nations.",
            "The envoy’s eldest daughter said their mother, Kesia, had flown home.",
        )
    )
    assert types["Harriet Strongbow"] == "person"
    assert types["Kesia"] == "person"


def test_a_name_before_a_kind_of_building_or_ground_is_a_place() -> None:
    types = entity_types(
        drafted(
            "He walked out of Harold Mbeki prison at noon on Sunday.",
            "The fleet sailed for Tarawa Atoll, and the court sat in the old High Court building.",
        )
    )
    assert types["Harold Mbeki"] == "place"
    assert types["Tarawa Atoll"] == "place"
    assert types["High Court"] == "organisation"  # the building does not make the court a place


def test_a_name_ends_at_its_possessive() -> None:
    names = set(
        entity_types(
            drafted(
                "Regulators ordered the write-down of Banca Lakeview’s Additional Tier 1 bonds."
            )
        )
    )
    assert "Banca Lakeview" in names
    assert not any("Additional" in name for name in names)


def test_a_country_s_name_in_its_own_language_is_no_given_name() -> None:
    """countryinfo lists "Dominique" (Dominica in French) and "Island" (Iceland in Icelandic)."""
    types = entity_types(
        drafted(
            "Dominique Marchal and Alain Roux pleaded guilty. Marchal, a captain, said nothing.",
            "Robben Island was closed on Monday.",
        )
    )
    assert not {"Dominica", "Iceland"} & set(types)
    assert types["Robben Island"] == "place"


def test_a_possessive_title_s_owner_is_the_whole_name_and_stops_at_a_dateline() -> None:
    extraction = drafted(
        "LIMA, May 3 (Meridian) — Peru’s army chief, General Luis Vega, resigned on Monday.",
        "Costa Rica’s President Ana Mora called him on Tuesday.",
        "The EU’s envoy for the Lima–Quito dialogue, Karel Novak, met them.",
    )
    roles = {d.name: d.role.text for d in extraction.entities if d.role is not None}
    assert roles["Luis Vega"] == "army chief of Peru"
    assert roles["Ana Mora"] == "President of Costa Rica"
    assert "Lima–Quito dialogue" in roles["Karel Novak"]  # a dash inside a name goes on


def test_an_occupation_is_a_role() -> None:
    extraction = drafted(
        "Tomas Berg, a photographer, was hurt on Monday.",
        "Carlos Mendoza, his running mate, said he was safe.",
    )
    roles = {d.name: d.role.text for d in extraction.entities if d.role is not None}
    assert roles["Tomas Berg"] == "photographer"
    assert roles["Carlos Mendoza"] == "running mate"


def test_a_pronoun_continues_the_subject_past_a_person_only_described() -> None:
    extraction = drafted(
        "President Ivo Marek fled on Monday.",
        "Rosa Kline, an opposition leader, said by telephone that the president had fled. "
        "“He has not resigned yet,” she said.",
        "Tomas Hale met Anna Berg on Tuesday. “We agreed on nothing,” she said.",
    )
    speakers = {q.text: q.speaker for q in extraction.quotes}
    assert speakers["He has not resigned yet,"] == "Rosa Kline"
    assert speakers["We agreed on nothing,"] is None  # two named people: either could be meant


def test_a_title_keeps_words_between_its_rank_and_its_head_and_a_list_is_no_title() -> None:
    extraction = drafted(
        "The plan will be run by chief financial officer Pia Holm, Mats Arle and "
        "deputy agreement secretary Karl Munk.",
        "Vardia Motors co-founder Peter Lund left, and another activist, Alina Kos, stayed.",
    )
    roles = {d.name: d.role.text if d.role else None for d in extraction.entities}
    assert roles["Pia Holm"] == "chief financial officer"
    assert roles["Karl Munk"] == "deputy agreement secretary"
    assert roles.get("Mats Arle") is None  # not "chief financial officer Pia Holm"
    assert roles["Peter Lund"].endswith("co-founder")
    assert roles["Alina Kos"] == "activist"


def test_a_party_or_bank_named_first_is_a_body_and_a_square_named_first_a_place() -> None:
    types = entity_types(
        drafted(
            "Mora, the leader of the Parti Vardien, conceded on Monday.",
            "Crowds gathered at Place du Canada on Monday night.",
        )
    )
    assert types["Parti Vardien"] == "organisation"
    assert types["Place du Canada"] == "place"


def test_an_unknown_name_that_speaks_is_a_body_and_a_place_that_reports_stays_a_place() -> None:
    types = entity_types(
        drafted(
            "In January, Skellevolt told staff that jobs would go.",
            "Vardia Province reported 361 new cases on Monday.",
        )
    )
    assert types["Skellevolt"] == "organisation"  # the model calls it a place
    assert types.get("Vardia Province", "place") == "place"


def test_two_surnames_of_one_person_are_that_person_and_an_origin_is_no_part_of_a_name() -> None:
    extraction = drafted(
        "Rui Gama Vaz, the agency’s representative, spoke on Monday. Gama Vaz said it was over.",
        "Tomas Sirak, a member of the National Assembly of Greek origin, was angry.",
    )
    names = {d.name: d.aliases for d in extraction.entities}
    assert "Gama Vaz" not in names and "Gama Vaz" in names["Rui Gama Vaz"]
    assert "National Assembly" in names and "National Assembly of Greek" not in names


def test_a_tag_after_an_exclamation_and_a_quote_after_a_long_tag_keep_their_speaker() -> None:
    extraction = drafted(
        "The two craft met at noon. “We have done it!” Tomas Berg called out in Russian.",
        "“The wards are full,” said Anna Kos, a doctor and former senator, as she helped the "
        "injured. “We all need to pray together.”",
        "“The wards are full,” said Anna Kos, moments after Tomas Berg had spoken to the crowd "
        "outside. “We all need help.”",
    )
    speakers = [q.speaker for q in extraction.quotes]
    assert speakers[:3] == ["Tomas Berg", "Anna Kos", "Anna Kos"]
    assert speakers[4] is None  # the tag names someone else: the second quote may be theirs


def test_an_unnamed_source_is_taken_up_by_its_kind_and_its_pronoun() -> None:
    extraction = drafted(
        "Vice President Tomas Berg spoke first. “We are ready,” Berg said.",
        "A Vardian delegate, who asked not to be named, said the president had given way. "
        "“Without that clause there would be no deal,” he said.",
        "A Norland delegate said Berg had given way. “He had no choice,” he said.",
        "A currency analyst in Lisbon said the peg was high. “They are buying calm,” the analyst "
        "said.",
    )
    speakers = {q.text: q.speaker for q in extraction.quotes}
    assert speakers["We are ready,"] == "Tomas Berg"
    assert speakers["Without that clause there would be no deal,"] == "Vardian delegate"
    assert speakers["He had no choice,"] != "Tomas Berg"  # the delegate, or no one
    assert speakers["They are buying calm,"] == "currency analyst"


def test_a_surname_the_tagger_took_for_a_common_noun_is_still_the_person() -> None:
    extraction = drafted(
        "Evo Morales won on Sunday, and Jorge Quiroga conceded. “It is over,” Quiroga said.",
        "Morales, 46, spoke to supporters in Cochabamba. “A new history has started,” he said.",
    )
    speakers = {q.text: q.speaker for q in extraction.quotes}
    assert speakers["A new history has started,"] == "Evo Morales"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A crowd had waited for hours before he appeared.", ("for hours", "PTXH")),
        ("A ruling could come within days.", ("within days", "PXD")),
        ("Prices will rise in the coming days.", ("in the coming days", "PXD")),
        ("Shares fell in recent weeks.", ("in recent weeks", "PXW")),
        ("It was the worst quake in decades.", ("in decades", "PXY")),
        ("A full count could take several days.", ("several days", "PXD")),
    ],
)
def test_an_uncounted_span_is_an_approximate_duration(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert [(e[0], e[1]) for e in resolve(sentence)] == [expected]
    assert all(e[3] for e in resolve(sentence))


def test_a_few_days_later_is_no_duration_and_a_month_last_year_is_last_year_s() -> None:
    assert not [e for e in resolve("He left a few days later.") if e[2] == "duration"]
    assert resolve("The baht was floated in July last year.") == [
        ("in July last year", "2022-07", "month", False)
    ]


def test_a_colon_quote_is_its_subject_s_and_a_description_s_words_count() -> None:
    extraction = drafted(
        "Anna Berg, Managing Director of the IMF, issued the following statement: “The plan is "
        "sound. It is a multi-year program that begins with large efforts to cut the deficit.”",
        "Tomas Holm, a deputy director of the Fund’s European Department, led the mission. "
        "The Managing Director said the Fund was “ready to move quickly.”",
    )
    speakers = {q.text: q.speaker for q in extraction.quotes}
    assert speakers[next(t for t in speakers if t.startswith("The plan"))] == "Anna Berg"
    assert speakers["ready to move quickly."] != "Tomas Holm"


def test_a_named_spokeswoman_is_no_unnamed_source_and_words_are_not_their_owner_s_quote() -> None:
    extraction = drafted(
        "A spokeswoman for the Vardian Foreign Ministry, Anna Berg, said in Lisbon that “there "
        "is no more need to yield”.",
        "Army commander Constantin Mbewe had warned the party. Its spokesman, Simon Dube, said "
        "Mbewe’s words suggested “treasonable conduct” on his part.",
    )
    speakers = {q.text: q.speaker for q in extraction.quotes}
    assert not [d for d in extraction.entities if d.anonymous]
    assert speakers["there is no more need to yield"] == "Anna Berg"
    assert speakers["treasonable conduct"] != "Constantin Mbewe"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It has been held since November 2006.", ("since November 2006", "2006-11/2023-05-01")),
        (
            "Talks ran from 14 September to 2 October 2009.",
            ("from 14 September to 2 October 2009", "2009-09-14/2009-10-02"),
        ),
        ("Funds must be home by the end of the month.", ("by the end of the month", "2023-05")),
        ("It rose over the past few years.", ("over the past few years", "PXY")),
    ],
)
def test_spans_since_a_month_across_months_and_to_a_month_s_end(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert [(e[0], e[1]) for e in resolve(sentence)] == [expected]


def test_a_company_s_last_word_makes_it_a_body() -> None:
    types = entity_types(
        drafted(
            "Karsten Gold said it was disappointed.",
            "The lease was held by Karsten Niugini Limited, a joint venture.",
        )
    )
    assert types["Karsten Gold"] == "organisation"  # the model calls it a person
    assert types["Karsten Niugini Limited"] == "organisation"


def test_an_appositive_title_is_the_noun_phrase_of_its_head_only() -> None:
    extraction = drafted(
        "The curbs follow the resignation last Friday of the central bank governor, Ahmad Karim, "
        "after a dispute.",
        "On Monday the commander of the Vardian Defence Forces, General Tomas Holm, spoke.",
    )
    roles = {d.name: d.role.text for d in extraction.entities if d.role is not None}
    assert roles["Ahmad Karim"] == "central bank governor"
    assert roles["Tomas Holm"].startswith("commander of the Vardian Defence Forces")


def test_a_quote_goes_on_past_a_long_tag_that_names_only_a_place() -> None:
    extraction = drafted(
        "“Investors inside are locked in,” said an economist at a European bank in Lisbon, who "
        "asked not to be named because of his employer’s rules. “The door is shut.”",
    )
    speakers = [q.speaker for q in extraction.quotes]
    assert speakers == ["economist", "economist"]


def test_of_two_subjects_the_parse_gives_a_verb_the_nearer_one_speaks() -> None:
    """A section label ("Red Cross:") is parsed as a second subject of the verb after it."""
    extraction = drafted(
        "The storm passed on Sunday.",
        "Red Cross: Director-General Anna Lindqvist said 12 staff were missing and that 40 "
        "more were hurt. “Many are still trapped inside the building,” she said.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Anna Lindqvist"]


def test_he_is_the_name_before_an_appositive_when_the_parse_lost_the_subject() -> None:
    """After a participial opener the small model attaches the name to the opener's object, and
    "said" is left with no subject; the appositive between name and verb still marks the speaker."""
    extraction = drafted(
        "The clinic is full.",
        "Speaking by video link from Monrovia, Jackson K.P. Niamah, a health worker with Médecins "
        "Sans Frontières (MSF), said people were dying outside the gates. “We cannot fight this "
        "alone,” he said.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Jackson K.P. Niamah"]


def test_capitals_in_a_heading_in_headline_case_name_only_what_the_body_names() -> None:
    extraction = drafted(
        "Security Council, Plenary Meeting",
        "General Assembly Admits Republic of Norland as 194th Member of United Nations",
        "The General Assembly this morning admitted the Republic of Norland. “I declare Norland "
        "admitted,” said Assembly President Tomas Holm of Sweden.",
        "Mr. Holm called it a joyous day. “I am confident,” the Assembly President said.",
    )
    names = set(entity_types(extraction))
    assert "UN General Assembly" in names  # "General" is no rank here
    assert not any("Admits" in name for name in names)
    assert [q.speaker for q in extraction.quotes] == ["Tomas Holm", "Tomas Holm"]


def test_the_title_stands_for_the_one_person_named_lately_who_holds_it() -> None:
    extraction = drafted(
        "Prime Minister Kaito Mori and Foreign Minister Ren Sato met the envoy on Sunday.",
        "“We are grateful,” Mori said at a news conference.",
        "The prime minister said he had spoken to Sato by telephone. “I thanked him,” he said.",
        "“It was a long night,” the foreign minister said.",
        "Mori and Sato left the hall together.",
        "“We will see,” the minister said.",  # either minister, both named just before: nobody
    )
    speakers = [q.speaker for q in extraction.quotes]
    assert speakers == ["Kaito Mori", "Kaito Mori", "Ren Sato", None]


def test_an_unnamed_source_keeps_the_hyphens_of_its_words() -> None:
    extraction = drafted("“Nobody has a plan B,” a senior euro-zone official said on Monday.")
    assert [q.speaker for q in extraction.quotes] == ["euro-zone official"]


def test_a_title_looks_back_for_its_holder_never_forward() -> None:
    extraction = drafted(
        "President Wu Bin sat on the stage.",
        "Mr Wu answered with a speech. “This is a festival,” the Chinese leader said.",
        "Outside, Tomas Lindqvist, leader of the Democratic Party, addressed supporters.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Wu Bin"]  # not Lindqvist, named after


def test_chants_have_no_speaker_and_a_director_general_is_no_general() -> None:
    extraction = drafted(
        "“Police arrested him at the border,” the interior minister, Karim Osei, told reporters, "
        "as the crowd broke into chants of “Hang him”.",
        "The agency’s director general, Tomas Holm, said the owner had fled. “We found him,” he "
        "said.",
        "Major General Ana Ruiz, the coordinator of the rescue, spoke on Sunday.",
        "Later the general told a briefing that cranes were coming. “Nobody answers,” he said.",
    )
    speakers = {q.text: q.speaker for q in extraction.quotes}
    assert speakers["Hang him"] is None
    assert speakers["Nobody answers,"] != "Tomas Holm"


def test_he_is_the_one_person_a_sentence_names_when_its_subject_is_a_thing() -> None:
    extraction = drafted(
        "The announcement, made by WHO Representative Ana Lindqvist at a news conference in the "
        "capital, drew applause. “This is a success story,” she said.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Ana Lindqvist"]


def test_a_sentence_that_is_only_a_quote_goes_on_with_the_reported_speaker_before_it() -> None:
    extraction = drafted(
        "Anna Lindqvist, the foreign minister, said the talks had failed. “We are disappointed.”",
        "The war had ended, Lindqvist said. “But the journey continues,” she said later.",
        "The mood was grim. “Nobody slept.”",
    )
    speakers = {q.text: q.speaker for q in extraction.quotes}
    assert speakers["We are disappointed."] == "Anna Lindqvist"
    assert speakers["Nobody slept."] is None  # no reporting verb before it


def test_what_is_urged_scheduled_or_ordered_for_a_day_looks_forward() -> None:
    text = (
        "He urged voters to approve the deal in a vote on Sunday.\n"
        "The deal still has to be approved in the vote on Sunday.\n"
        "Tusk called a summit of leaders for Tuesday.\n"
        "The signing had been set for Wednesday, but it was held up.\n"
        "The court was asked to declare him the winner on the strength of his lead on April 21.\n"
        "Oil for June delivery fell $2.\n"
        "#x\n2024-05-02 10:00:00\n"
    )  # a Thursday
    article, _ = parse_article(text, "a", "a.txt")
    dates = [(m.expression.text, m.expression.value) for m in extract(article).dates]
    assert dates == [
        ("on Sunday", "2024-05-05"),
        ("on Sunday", "2024-05-05"),
        ("Tuesday", "2024-05-07"),
        ("Wednesday", "2024-05-01"),
        ("on April 21", "2024-04-21"),
        ("June", "2024-06"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It would take a day or two to know.", ("a day or two", "P2D", "duration", True)),
        ("They gain within a year or two.", ("within a year or two", "P2Y", "duration", True)),
        ("It took two and a half hours.", ("two and a half hours", "PT2H30M", "duration", False)),
        ("The rain had not stopped for hours.", ("for hours", "PTXH", "duration", True)),
        ("He seized power after weeks of threats.", ("weeks", "PXW", "duration", True)),
    ],
)  # fmt: skip
def test_uncounted_alternative_and_fractional_durations(
    sentence: str, expected: tuple[str, str, str, bool]
) -> None:
    assert resolve(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A loan approved in February 2010 went off track the following year.",
            ("the following year", "2011", "year", False),
        ),
        (
            "The lease expired last August, and the court ruled that month that work could go on.",
            ("that month", "2022-08", "month", False),
        ),
        (
            "He asked for help on April 23, and the Fund said the same day that it was ready.",
            ("the same day", "2023-04-23", "day", False),
        ),
    ],
)
def test_that_year_month_or_day_is_the_one_the_text_gave_last(
    sentence: str, expected: tuple[str, str, str, bool]
) -> None:
    assert resolve(sentence)[-1] == expected
    assert resolve(expected[0] + " it rained.") == []  # with nothing before, no value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Banks have been shut since last Wednesday.",
            ("since last Wednesday", "2023-04-26/2023-05-01", "range", False),
        ),
        (
            "It will set aside money in the third quarter.",
            ("in the third quarter", "2023-07/2023-09", "range", False),
        ),
    ],
)
def test_since_last_weekday_and_a_quarter_without_its_year(
    sentence: str, expected: tuple[str, str, str, bool]
) -> None:
    assert resolve(sentence) == [expected]


def test_titles_in_ing_and_owners_in_s_apostrophe_stay_whole() -> None:
    extraction = drafted(
        "Odinga and, on Thursday, his running mate, Kalonzo Musyoka, went to court.",
        "Nordic Airlines’ chief executive, Tomas Holm, said the plane was new.",
        "The acting Administrator, Daniel Brandt, signed the order.",
    )
    roles = {d.name: d.role.text for d in extraction.entities if d.role is not None}
    assert roles["Kalonzo Musyoka"] == "running mate"
    assert roles["Tomas Holm"] == "chief executive of Nordic Airlines"
    assert roles["Daniel Brandt"] == "acting Administrator"


def test_common_words_and_the_points_of_the_compass_are_no_names() -> None:
    names = set(
        entity_types(
            drafted(
                "“Hong Kong has shown how East and West can live together,” Tomas Holm said.",
                "The ministry signed a deal on peace & friendship with the federal motor "
                "transport authority.",
            )
        )
    )
    assert not any(name.islower() or name == "East and West" for name in names), names


def test_a_full_name_described_by_who_is_a_person() -> None:
    types = entity_types(
        drafted(
            "Alejandro Toledo, who lost the vote in May, has rushed home from Madrid.",
            "Nordic Holdings Group, who own the mine, said nothing.",
        )
    )
    assert types["Alejandro Toledo"] == "person"  # the model calls Toledo a city
    assert types.get("Nordic Holdings Group") != "person"


def test_a_quote_goes_on_past_a_tag_with_initials_and_the_speaker_s_own_bodies() -> None:
    extraction = drafted(
        "“We are pleased,” said Mr Karan N. Mehta, Chairman of Mehta Sons and Mehta Motors. "
        "“We respect the two brands.”",
        "At the campus, the president-elect spoke. “We accept our obligations,” he said.",
    )
    speakers = [q.speaker for q in extraction.quotes]
    assert speakers == ["Karan N. Mehta", "Karan N. Mehta", None]  # not the last speaker


def test_said_a_person_of_a_kind_after_a_quote_is_the_speaker_whatever_the_parse() -> None:
    extraction = drafted(
        "“I am not waiting around to find out,” said a woman loading suitcases outside her house.",
        "“It was flying very low,” said a mechanic at a garage near the hotel.",
    )
    assert [q.speaker for q in extraction.quotes] == ["woman", "mechanic"]


def test_a_tag_stays_in_its_sentence_and_an_agent_s_apposition_does_not_compete() -> None:
    extraction = drafted(
        "Nordic Air resumed its flights. The company said it had “complete faith” in the plane. "
        "A spokeswoman said its jets had been checked.",
        "Dr. Kwame Osei addressed the assembly before it was closed by the Governor, Sir Tomas "
        "Holm. He told members that he would also be foreign minister.",
        "He said the country would stay in the union. “The union is of value to us,” he said.",
    )
    speakers = {q.text: q.speaker for q in extraction.quotes}
    assert speakers["complete faith"] != "spokeswoman"
    assert speakers["The union is of value to us,"] == "Kwame Osei"


def test_the_company_is_the_one_body_the_text_was_just_about() -> None:
    extraction = drafted(
        "Nordvik Motors admitted on Tuesday that its engines cheated emissions tests.",
        "The company said the engines showed a “noticeable deviation” on the road.",
        "Nordvik Motors and Karsten Gold both reported losses. The company said it was “not "
        "worried” about the results.",  # either body: nobody
    )
    speakers = {q.text: q.speaker for q in extraction.quotes}
    assert speakers["noticeable deviation"] == "Nordvik Motors"
    assert speakers["not worried"] is None


def test_a_dateline_with_its_year_and_a_headline_with_little_words() -> None:
    found = find_dateline("ULAANBAATAR, August 21, 2014 — The president held talks.")
    assert found is not None and found.place_name == "Ulaanbaatar"
    names = set(
        entity_types(
            drafted(
                "President Wu Bin Meets with Nordland President Tomas Holm in Bali",
                "On Monday, President Wu Bin met Nordland President Tomas Holm in Bali.",
            )
        )
    )
    assert not any("Meets" in name for name in names), names


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He will visit this weekend.", ("this weekend", "2023-05-06/2023-05-07", "range", False)),
        ("Cuts come by the end of the year.", ("by the end of the year", "2023", "year", False)),
        ("Debt rose at the end of last year.", ("the end of last year", "2022", "year", False)),
        ("The wave struck on Boxing Day.", ("on Boxing Day", "2022-12-26", "day", False)),
        (
            "Growth fell in the first half of 2018.",
            ("in the first half of 2018", "2018-01/2018-06", "range", False),
        ),
    ],
)
def test_weekends_year_ends_holidays_and_halves(
    sentence: str, expected: tuple[str, str, str, bool]
) -> None:
    assert resolve(sentence) == [expected]


def test_quoted_as_saying_by_a_spokesman_gives_the_speaker_and_the_relayer() -> None:
    extraction = drafted(
        "President Ana Lindqvist met the envoy on Monday.",
        "“Peace is within reach,” Lindqvist was quoted as saying by her spokesman, Tomas Holm.",
    )
    assert [(q.speaker, q.via) for q in extraction.quotes] == [("Ana Lindqvist", "Tomas Holm")]


def test_a_name_does_not_run_on_into_a_small_word_after_it() -> None:
    names = set(
        entity_types(
            drafted(
                "Aung San Suu Kyi defended Myanmar at the International Court of Justice in The "
                "Hague against Gambia's genocide case."
            )
        )
    )
    assert not any(name.split()[-1].islower() for name in names), names


def test_military_as_an_adjective_makes_no_body() -> None:
    types = entity_types(
        drafted(
            "The pact would not allow a Chinese military base on the islands.",
            "The Sudanese army said it had taken the bridge.",
        )
    )
    assert "Chinese military" not in types
    assert types["Sudanese army"] == "organisation"


def test_a_country_of_several_words_before_a_title_is_its_affiliation() -> None:
    extraction = drafted("Solomon Islands Prime Minister Manasseh Sogavare signed the pact.")
    role = next(d.role for d in extraction.entities if d.name == "Manasseh Sogavare")
    assert role is not None
    assert (role.title, role.affiliation) == ("Prime Minister", "Solomon Islands")


def test_a_court_s_registrar_has_a_title() -> None:
    extraction = drafted("“This is a historic day,” said the court’s registrar, Binta Mansaray.")
    role = next(d.role for d in extraction.entities if d.name == "Binta Mansaray")
    assert role is not None and role.title == "registrar of the court"


def test_a_name_with_an_age_is_a_person_and_a_brother_is_not_his_namesake() -> None:
    extraction = drafted(
        "In Kyoto Prefecture, Junichi Miyashita, 69, whose younger brother, Akira Miyashita, is "
        "president of a trading house, was jubilant. “I am really happy,” he said.",
    )
    assert entity_types(extraction).get("Junichi Miyashita") == "person"
    assert [q.speaker for q in extraction.quotes] != ["Akira Miyashita"]


def test_a_tag_after_a_long_apposition_names_a_quote_with_its_own_subject() -> None:
    extraction = drafted(
        "“At the present, we don’t see that the radiation will decrease,” Sven Åkerlund, a "
        "spokesman for the Radiation Safety Office, said on Monday night.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Sven Åkerlund"]


def test_he_after_a_report_is_its_speaker_not_a_name_in_what_was_reported() -> None:
    extraction = drafted(
        "Ministry spokesman Ivan Petrov told reporters that none of the men who had followed Oleg "
        "Sidorov would be charged. “The case will be closed,” he said.",
        "Ivan Petrov met Oleg Sidorov on Monday. “It went well,” he said.",  # either: nobody
    )
    assert [q.speaker for q in extraction.quotes] == ["Ivan Petrov", None]


def test_a_rank_or_a_style_before_a_name_answers_to_its_description() -> None:
    extraction = drafted(
        "“Time is short,” said Major General Tomas Ruiz, the coordinator of the rescue.",
        "Later the general told a briefing that cranes were coming. “Nobody answers,” he said.",
        "“What chance would a child have?” asked the Rev. Paul Crane.",
        "“They may be hiding somewhere,” the priest said.",
        "General Ana Osei and General Lena Dube arrived. “We are ready,” the general said.",
    )
    speakers = [q.speaker for q in extraction.quotes]
    assert speakers == ["Tomas Ruiz", "Tomas Ruiz", "Paul Crane", "Paul Crane", None]


def test_a_peer_is_named_by_the_title() -> None:
    extraction = drafted(
        "Before: Lord Hale of Ripon, Lord Moss and Baroness Kerr. The Lord Chancellor attended.",
        "Lord Hale said the appeal failed. “It is immune,” Lord Moss said.",
    )
    people = {d.name: d.aliases for d in extraction.entities if d.type == "person"}
    assert set(people) == {"Lord Hale of Ripon", "Lord Moss", "Baroness Kerr"}
    assert "Lord Hale" in people["Lord Hale of Ripon"]
    assert [q.speaker for q in extraction.quotes] == ["Lord Moss"]


def test_a_description_in_what_someone_said_is_not_their_title() -> None:
    extraction = drafted(
        "John Smith said the general was immune.", "Jane Doe said that the minister was wrong."
    )
    assert {d.name: d.role for d in extraction.entities} == {"John Smith": None, "Jane Doe": None}


def test_a_quote_goes_on_past_a_tag_that_places_its_unnamed_speaker() -> None:
    extraction = drafted(
        "“Investors who were inside are now locked in,” said an economist at a European bank in "
        "Singapore, who asked not to be identified. “The message is that the door is shut.”",
        "“We just walked through,” said a young woman from Prenzlauer Berg who crossed with her "
        "husband. “I still can’t believe it.”",
    )
    speakers = [q.speaker for q in extraction.quotes]
    assert speakers == ["economist", "economist", "woman", "woman"]


def test_the_leader_is_the_one_who_heads_a_country_or_the_body_its_letters_name() -> None:
    extraction = drafted(
        "President Wu Bin and Vice President Lin Tao sat on the stage.",
        "Mr Wu answered with a speech. “This is a festival,” the Chinese leader said.",
        "Karim Osei, chairman of the Freedom Alliance of Ruritania, spoke next.",
        "“Our peoples want peace,” the F.A.R. leader said.",
        "“We are ready,” the Dutch leader said.",  # neither is Dutch
    )
    assert [q.speaker for q in extraction.quotes] == ["Wu Bin", "Karim Osei", None]


def test_a_building_named_only_as_where_things_happen_is_a_place() -> None:
    where = entity_types(
        drafted(
            "The president spoke to reporters at the White House on Monday.",
            "Supporters gathered outside State House in the capital.",
        )
    )
    acting = entity_types(
        drafted(
            "The president spoke to reporters at the White House on Monday.",
            "The White House said the talks would go on. A statement from State House followed.",
        )
    )
    assert (where["White House"], where["State House"]) == ("place", "place")
    assert (acting["White House"], acting["State House"]) == ("organisation", "organisation")


def test_a_name_the_model_cut_or_left_a_word_of_is_whole() -> None:
    names = set(
        entity_types(
            drafted(
                "The representative of Brazil, Maria Luiza Ribeiro Viotti, spoke first.",
                "Libya’s ambassador to the United Nations, Abuzed Omar Dorda, said it was unjust.",
                "The bench was Lord Sutherland, Lord Coulsfield and Lord MacLean.",
                "Prime Minister Mieczyslaw Jagielski signed.",
            )
        )
    )
    assert {"Maria Luiza Ribeiro Viotti", "Abuzed Omar Dorda", "Lord MacLean"} <= names
    assert "Mieczyslaw Jagielski" in names


def test_a_quote_after_a_report_a_tag_a_vice_president_and_a_title_of_two_words() -> None:
    extraction = drafted(
        "Foreign Minister Ana Lindqvist spoke first. “Today we are happy,” Lindqvist said, as "
        "relatives embraced. She warned that the rescue would be long. “It will take months.”",
        "In the capital, President Tomas Berg, speaking with Vice President Karl Dahl at his side, "
        "said the deal was fair. The President told a sceptical parliament that “no deal means "
        "war,” and said he would veto any bill against it.",
        "The judges recommended that Erik Holm serve at least 20 years “in view of the horrendous "
        "nature of this crime”.",
        "Fenwick’s chairman and chief executive, Olof Sand, dismissed the lawsuit as “frivolous” "
        "on Monday.",
    )
    speakers = [q.speaker for q in extraction.quotes]
    assert speakers == ["Ana Lindqvist", "Ana Lindqvist", "Tomas Berg", None, "Olof Sand"]


def test_a_reigning_title_stays_in_the_name_and_is_the_role() -> None:
    extraction = drafted(
        "King Hussein of Jordan met Pope John Paul II and King Juan Carlos on Monday.",
        "Prince Faisal bin Farhan arrived later. Hussein said the talks went well.",
    )
    roles = {d.name: d.role.title if d.role else None for d in extraction.entities}
    assert roles["King Hussein"] == "King"
    assert roles["Pope John Paul II"] == "Pope"
    assert roles["King Juan Carlos"] == "King"
    assert "Faisal bin Farhan" in roles and "Hussein" not in roles


def test_a_counterpart_holds_the_office_of_the_person_before_in_its_own_country() -> None:
    extraction = drafted(
        "Chile’s President, Tomas Berg, and his Argentine counterpart, Lucia Moreno, will meet.",
        "Secretary of State Karl Dahl met his Soviet counterpart, Ivan Petrov, on Monday.",
    )
    roles = {d.name: d.role.text if d.role else None for d in extraction.entities}
    assert roles["Lucia Moreno"] == "Argentine President"
    assert roles["Ivan Petrov"] == "Soviet Foreign Minister"


def test_a_joint_statement_listeners_a_recent_holder_and_a_new_unnamed_speaker() -> None:
    extraction = drafted(
        "The associations, the AEA and ACI Europe, asked governments in a joint statement to act. "
        "“The rules go too far,” the statement said.",
        "“The decision was made on the basis of a simulation,” Tomas Berg, the chief executive of "
        "the airline, told the Financial Times. “Not one weather balloon has been sent up.”",
        "President Ivan Petrov spoke to President Karl Dunn by telephone on Monday.",
        "Mr. Petrov, on holiday, spoke on Wednesday. “It is critical,” he told a broadcaster.",
        "“The weather is very bad,” the President said.",
        "“Markets bled on a double shock,” said Vinod Nair, head of research at a brokerage.",
        "A chef at a Mumbai hotel said guests had tried to leave at once. “Nobody knew where to "
        "go,” he said.",
    )
    speakers = [q.speaker for q in extraction.quotes]
    assert speakers[:5] == [None, "Tomas Berg", "Tomas Berg", "Ivan Petrov", "Ivan Petrov"]
    assert speakers[5:] == ["Vinod Nair", None]  # the chef is not the last named speaker


def test_a_title_written_short_or_said_to_be_held_now_is_the_office() -> None:
    extraction = drafted(
        "Gov. Bobby Jindal of Louisiana said it was too early.",
        "Incumbent President Susilo Bambang Yudhoyono congratulated him.",
        "The outgoing governor, Chris Patten, left on the royal yacht.",
        "New Zealand's Prime Minister, Helen Clark, spoke on Monday.",
    )
    roles = {d.name: d.role.text if d.role else None for d in extraction.entities}
    assert roles["Bobby Jindal"] == "Governor"
    assert roles["Susilo Bambang Yudhoyono"] == "President"
    assert roles["Chris Patten"] == "outgoing governor"  # the article's word, which says more
    assert roles["Helen Clark"] == "Prime Minister of New Zealand"


def test_a_name_beside_a_body_noun_is_a_body_and_a_legislature_is_never_a_place() -> None:
    types = entity_types(
        drafted(
            "He ran at the head of Renova, a party that did not exist six years ago.",
            "The mine, owned by the Lindqvist company, had been closed, and the state copper "
            "company Cobrex took over the rescue.",
            "“We work with 600,000 people,” said Tomas Berg, a spokesman for Aidwell.",
            "The result spares the country a vote in Congress, where the Senate is split.",
            "Its operator, Cristian González, ran to tell the families.",
        )
    )
    assert types["Renova"] == types["Cobrex"] == types["Aidwell"] == "organisation"
    assert types["Congress"] == types["Senate"] == "organisation"
    assert types["Cristian González"] == "person"


def test_an_and_inside_a_ministry_s_fields_keeps_one_name() -> None:
    names = set(
        entity_types(
            drafted(
                "The New Zealand Ministry of Foreign Affairs and Trade warned of more eruptions.",
                "Lehman held talks with Barclays and Bank of America.",
            )
        )
    )
    assert "Ministry of Foreign Affairs and Trade" in names
    assert {"Barclays", "Bank of America"} <= names


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The court rose and returned in the afternoon for sentence.", "in the afternoon"),
        ("The gunmen struck again late in the evening.", "late in the evening"),
        ("Earlier in the evening he had addressed the assembly.", "Earlier in the evening"),
        ("Troops moved in before dawn.", "before dawn"),
    ],
)
def test_a_part_of_a_day_with_no_day_given_is_the_day_of_publication(
    sentence: str, text: str
) -> None:
    assert resolve(sentence) == [(text, "2023-05-01", "day", False)]


def test_a_part_of_a_named_day_is_not_read_twice() -> None:
    assert [found[0] for found in resolve("He spoke in the morning of May 3.")] == ["May 3"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Fighting has gone on since last year.", ("since last year", "2022/2023-05-01")),
        ("Prices have risen since last week.", ("since last week", "2023-W17/2023-05-01")),
        ("The party has won every vote since the 1920s.", ("since the 1920s", "1920/2023-05-01")),
        ("Talks have stalled since last December.", ("since last December", "2022-12/2023-05-01")),
    ],
)
def test_since_a_period_runs_to_the_day_of_publication(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert [(e[0], e[1], e[2]) for e in resolve(sentence)] == [(*expected, "range")]


def test_a_day_someone_is_to_do_something_lies_ahead() -> None:
    extraction = drafted("The freed man is to fly home on Thursday, an official said.")
    found = [(d.expression.text, d.expression.value) for d in extraction.dates]
    assert found == [("on Thursday", "2023-05-04")]


def test_a_span_of_counts_is_its_larger_count_about() -> None:
    assert resolve("Healing takes 15-20 days.") == [("15-20 days", "P20D", "duration", True)]
    assert resolve("Symptoms appear from six to 48 hours after exposure.") == [
        ("from six to 48 hours", "PT48H", "duration", True)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Talks intensified over the past year.", ("over the past year", "P1Y", False)),
        ("Within the past week, evidence appeared.", ("Within the past week", "P1W", False)),
        ("Rates fell over the last three decades.", ("over the last three decades", "P30Y", False)),
        ("Prices rose in the last few days.", ("in the last few days", "PXD", True)),
    ],
)
def test_the_past_span_of_time_is_a_duration(
    sentence: str, expected: tuple[str, str, bool]
) -> None:
    text, value, approximate = expected
    assert resolve(sentence) == [(text, value, "duration", approximate)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The talks ran from July 26 to August 7.", [("from July 26 to August 7", "range")]),
        ("Flights rose from January to April.", [("from January to April", "range")]),
        ("The court moved the trial from April to July.", [("April", "month"), ("July", "month")]),
        ("It covers Passats from 2014 and 2015.", [("from 2014", "year"), ("2015", "year")]),
        (
            "The killings took place between April and the end of June 1994.",
            [("between April and the end of June 1994", "range")],
        ),
    ],
)
def test_from_one_date_to_another_is_a_span_unless_a_date_is_moved(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert [(found[0], found[2]) for found in resolve(sentence)] == expected
    assert all(
        "/1994" not in found[1] or found[1].startswith("1994") for found in resolve(sentence)
    )


def test_an_unnamed_subject_taken_up_as_the_noun_later_is_a_source() -> None:
    extraction = drafted(
        "A Western diplomat in the capital was more cautious. “Signing was the easy day,” the "
        "diplomat said.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Western diplomat"]


def test_a_titled_person_whose_surname_is_a_place_word_is_a_person() -> None:
    extraction = drafted(
        "Assistant Secretary of State Christopher Hill, the chief negotiator, left the session. "
        "“We have an agreement,” he told reporters.",
        "The talks were held at Castle Buildings.",
    )
    assert entity_types(extraction)["Christopher Hill"] == "person"
    assert entity_types(extraction)["Castle Buildings"] == "place"
    assert [q.speaker for q in extraction.quotes] == ["Christopher Hill"]


def test_last_night_is_the_day_before_publication() -> None:
    assert resolve("The deal was struck late last night.") == [
        ("late last night", "2023-04-30", "day", False)
    ]


def test_a_title_before_a_name_of_a_country_and_a_misparsed_apposition_name_the_speaker() -> None:
    extraction = drafted(
        "“Violence must never return,” said the chief mediator, Abdulsalami Abubakar, a retired "
        "Nigerian general.",
        "The presiding judge, Almiro Rodrigues of Portugal, turned to the defendant. “You agreed "
        "to evil,” the presiding judge said.",
        "Presidents Alija Izetbegovic of Bosnia, Franjo Tudjman of Croatia and Slobodan "
        "Milosevic of Serbia initialled the text.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Abdulsalami Abubakar", "Almiro Rodrigues"]
    roles = {d.name: d.role.title if d.role else None for d in extraction.entities}
    assert roles["Almiro Rodrigues"] == "presiding judge"
    assert "Izetbegovic" not in (roles["Franjo Tudjman"] or "")


def test_one_of_an_unnamed_source_is_that_source() -> None:
    extraction = drafted(
        "Riyadh had dropped its demand, delegates said. “Nobody got everything,” one of the "
        "delegates said.",
        "Oil executives were gloomy. “Nobody planned for this,” one of them said.",
    )
    assert [q.speaker for q in extraction.quotes] == ["delegate", None]


def test_a_person_of_any_kind_who_says_something_is_an_unnamed_source() -> None:
    extraction = drafted(
        "Outside a polling station, a voter said she had weighed the question for weeks. “We "
        "want to stay,” she said.",
        "A medical ethicist in London said the law would have to catch up. “Nobody asked the "
        "public,” she said.",
        "When a reporter asked about oil, the President cut in: “It would not be fair.”",
    )
    speakers = [q.speaker for q in extraction.quotes]
    assert speakers[:2] == ["voter", "medical ethicist"]
    assert speakers[2] != "reporter"  # who asks is not who answers


def test_a_later_title_that_names_the_office_more_closely_is_the_role() -> None:
    extraction = drafted(
        "Bench: Judge Almiro Rodrigues, presiding; Judge Fouad Riad; Judge Patricia Wald",
        "The presiding judge, Almiro Rodrigues of Portugal, turned to the defendant. “You agreed "
        "to evil,” the presiding judge said.",
    )
    roles = {d.name: d.role.title if d.role else None for d in extraction.entities}
    assert roles["Almiro Rodrigues"] == "presiding judge"
    assert roles["Fouad Riad"] == "Judge"
    assert [q.speaker for q in extraction.quotes] == ["Almiro Rodrigues"]


def test_a_description_no_one_holds_that_speaks_is_the_titled_speaker_just_before() -> None:
    extraction = drafted(
        "Adama Barrow, the opposition candidate, won the vote. Mr. Barrow said he was sure the "
        "President would hand over power. “Power belongs to the people. It is the people who "
        "have spoken,” the president-elect said.",
        "The ELN delegation is led by its commander, Pablo Beltrán. Speaking for the ELN, Pablo "
        "Beltrán said the sides should agree on a ceasefire. “We are trying,” the rebel "
        "commander said.",
        "Lisa Tan, the finance minister, met the bankers. The talks went well. “We are close,” "
        "the trade envoy said.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Adama Barrow", "Pablo Beltrán", None]
    roles = {d.name: d.role.title if d.role else None for d in extraction.entities}
    assert roles["Adama Barrow"] == "opposition candidate"
    assert roles["Pablo Beltrán"] == "commander"
