"""Every built page carries JSON-LD that a JSON-LD processor reads, with what each type needs.

The site is built with a real ``mkdocs build --strict``; each page's ``<script
type="application/ld+json">`` is expanded by pyld (PyPI ``pyld``) with a document loader that
serves a copy of schema.org's context's essentials and refuses every other address, so nothing
is fetched. The required properties per type follow Google's structured-data documentation:

- ClaimReview: https://developers.google.com/search/docs/appearance/structured-data/factcheck
  (required: ``claimReviewed``, ``reviewRating`` with ``alternateName``, ``url``; recommended:
  ``author``, ``itemReviewed``);
- Article and NewsArticle:
  https://developers.google.com/search/docs/appearance/structured-data/article (no required
  property; recommended: ``author``, ``dateModified``, ``datePublished``, ``headline``,
  ``image``), which we require where the facts have them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support import copy_project
from test_site import SITE_URL, STORY, Build, run_build

pyld = pytest.importorskip("pyld")
from pyld import jsonld  # noqa: E402

SCHEMA = "http://schema.org/"
SCHEMA_CONTEXT = {
    "@context": {
        "@vocab": SCHEMA,
        "schema": SCHEMA,
        "id": "@id",
        "type": "@type",
        "url": {"@id": "schema:url", "@type": "@id"},
        "sameAs": {"@id": "schema:sameAs", "@type": "@id"},
        "image": {"@id": "schema:image", "@type": "@id"},
    }
}
"""What the tests need of https://schema.org's own context: its vocabulary, and the properties
whose values are addresses."""
SCHEMA_ADDRESSES = {"https://schema.org", "https://schema.org/", "http://schema.org/"}
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

REQUIRED: dict[str, tuple[str, ...]] = {
    "ClaimReview": ("claimReviewed", "reviewRating", "url", "author", "itemReviewed"),
    "Rating": ("alternateName",),
    "Claim": ("appearance",),
    "Article": ("headline", "datePublished", "dateModified", "author", "publisher", "image"),
    "NewsArticle": ("headline", "datePublished"),
    "Event": ("name", "startDate"),
    "Quotation": ("text", "spokenByCharacter", "isBasedOn"),
    "Person": ("name", "url"),
    "Organization": ("name",),
    "Country": ("name", "url"),
    "Place": ("name", "url"),
    "GeoCoordinates": ("latitude", "longitude"),
    "DefinedTerm": ("name", "description"),
    "WebPage": ("name",),
    "CollectionPage": ("name", "url"),
}
"""Properties every node of a type must have (schema.org names)."""


REFUSED: list[str] = []
"""Every address the JSON-LD asked for that the loader refused."""


def _load(url: str, options: dict[str, Any]) -> dict[str, Any]:
    """pyld's document loader: schema.org's context from here; any other address refused."""
    if url in SCHEMA_ADDRESSES:
        return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}
    REFUSED.append(url)
    raise OSError(f"the JSON-LD asked for a remote document: {url}")


def expand(document: Any, base: str) -> list[dict[str, Any]]:
    """The document expanded and flattened: one node per subject, keys as full IRIs."""
    options = {"documentLoader": _load, "base": base}
    flat: list[dict[str, Any]] = jsonld.flatten(jsonld.expand(document, options), None, options)
    return flat


def types_of(node: dict[str, Any]) -> set[str]:
    return {t.removeprefix(SCHEMA) for t in node.get("@type", [])}


def missing(nodes: list[dict[str, Any]]) -> list[str]:
    """Each required property a node lacks, as ``Type <id>: property``."""
    found = []
    for node in nodes:
        for kind in types_of(node):
            for name in REQUIRED.get(kind, ()):
                if not node.get(SCHEMA + name):
                    found.append(f"{kind} {node.get('@id', '')}: {name}")
    return found


def values(node: dict[str, Any], name: str) -> list[Any]:
    return [v.get("@value", v.get("@id")) for v in node.get(SCHEMA + name, [])]


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return run_build(copy_project(tmp_path_factory.mktemp("structured-data")))


@pytest.fixture(scope="module")
def documents(site: Path) -> dict[str, list[str]]:
    """The text of every JSON-LD script of every built page, by the page's address."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        address = path.relative_to(site).as_posix().removesuffix("index.html")
        found[address] = LD_JSON.findall(path.read_text("utf-8"))
    return found


@pytest.fixture(scope="module")
def graphs(documents: dict[str, list[str]]) -> dict[str, list[dict[str, Any]]]:
    """Every page's JSON-LD, expanded and flattened by pyld, by the page's address."""
    return {
        address: expand(json.loads(texts[0]), SITE_URL + address)
        for address, texts in documents.items()
    }


def _nodes(graphs: dict[str, list[dict[str, Any]]], kind: str) -> Iterator[tuple[str, Any]]:
    for address, nodes in graphs.items():
        for node in nodes:
            if kind in types_of(node):
                yield address, node


def test_every_page_has_one_json_ld_script_safe_inside_html(
    documents: dict[str, list[str]],
) -> None:
    assert len(documents) > 40
    for address, texts in documents.items():
        assert len(texts) == 1, address
        assert not re.search(r"[<>]", texts[0]), f"{address}: < or > not escaped"


def test_every_node_has_the_properties_its_type_requires(
    graphs: dict[str, list[dict[str, Any]]],
) -> None:
    for address, nodes in graphs.items():
        assert nodes, f"{address}: the JSON-LD has no node"
        assert missing(nodes) == [], address
    assert REFUSED == [], "no page's JSON-LD asks for a document from elsewhere"


def test_the_check_of_required_properties_finds_one_that_is_gone() -> None:
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": "https://example.org/checks/#a",
        "url": "https://example.org/checks/#a",
        "reviewRating": {"@type": "Rating", "alternateName": "Incorrect"},
        "author": {"@type": "Organization", "name": "Explainer"},
        "itemReviewed": {"@type": "Claim", "appearance": {"@id": "https://example.org/a/"}},
    }
    assert missing(expand(review, "https://example.org/checks/")) == [
        "ClaimReview https://example.org/checks/#a: claimReviewed"
    ]
    with pytest.raises(jsonld.JsonLdError):
        expand({**review, "@context": "https://example.org/context.jsonld"}, SITE_URL)
    assert REFUSED[-1] == "https://example.org/context.jsonld"


def test_each_page_type_says_what_it_is(graphs: dict[str, list[dict[str, Any]]]) -> None:
    def main_types(address: str) -> set[str]:
        page = SITE_URL + address
        return {t for node in graphs[address] if node.get("@id") == page for t in types_of(node)}

    assert main_types(f"{STORY}/") == {"Article"}
    assert main_types(f"{STORY}/sources/000_d5e6e064cd57f212/") == {"NewsArticle"}
    assert main_types(f"{STORY}/source-checks/") == {"CollectionPage"}
    assert main_types(f"{STORY}/glossary/") == {"DefinedTermSet"}
    assert main_types("") == {"CollectionPage"}
    assert main_types("about/") == {"WebPage"}
    people = [n for n in graphs[f"{STORY}/actors/antony-blinken/"] if "Person" in types_of(n)]
    assert [values(n, "jobTitle") for n in people] == [["US Secretary of State"]]
    assert {types_of(n).pop() for n in graphs[f"{STORY}/actors/armenia/"]} >= {"Country"}


def test_the_overview_is_an_article_about_the_story_dated_by_its_last_update(
    graphs: dict[str, list[dict[str, Any]]],
) -> None:
    [(_, article)] = _nodes({f"{STORY}/": graphs[f"{STORY}/"]}, "Article")
    assert values(article, "headline") == ["Armenia–Azerbaijan peace talks near Washington"]
    assert values(article, "dateModified") == ["2023-05-10"]
    assert values(article, "datePublished") == ["2023-05-01"]
    assert values(article, "image") == [f"{SITE_URL}{STORY}/card.png"]
    based_on = {v for v in values(article, "isBasedOn")}
    assert f"{SITE_URL}{STORY}/sources/001_talks-end/" in based_on


def test_an_article_written_for_the_project_names_its_sources(
    graphs: dict[str, list[dict[str, Any]]],
) -> None:
    address = f"{STORY}/sources/001_talks-end/"
    nodes = {node.get("@id"): node for node in graphs[address]}
    article = nodes[SITE_URL + address]
    assert "NewsArticle" in types_of(article)
    publisher = nodes[values(article, "publisher")[0]]
    assert values(publisher, "name") == ["Explainer"]
    sources = [nodes[ref] for ref in values(article, "isBasedOn")]
    urls = {url for source in sources for url in values(source, "url")}
    assert (
        "https://en.armradio.am/2023/05/04/final-agreement-within-reach-blinken-hails-tangible-progress-in-armenia-azerbaijan-talks/"
        in urls
    )
    wire = {n.get("@id"): n for n in graphs[f"{STORY}/sources/000_d5e6e064cd57f212/"]}
    wire_article = wire[f"{SITE_URL}{STORY}/sources/000_d5e6e064cd57f212/"]
    assert not values(wire_article, "isBasedOn")
    assert values(wire[values(wire_article, "publisher")[0]], "name") == [
        "Wire service (machine-translated)"
    ]


def test_each_source_check_is_a_claim_review_of_what_the_article_says(
    graphs: dict[str, list[dict[str, Any]]],
) -> None:
    address = f"{STORY}/source-checks/"
    nodes = {node.get("@id"): node for node in graphs[address]}
    reviews = {
        node["@id"].partition("#")[2]: node
        for _, node in _nodes({address: graphs[address]}, "ClaimReview")
    }
    assert len(reviews) == 5
    spelling = reviews["blinken-spelling"]
    assert values(spelling, "claimReviewed") == ["Anthony Blinken"]
    rating = nodes[values(spelling, "reviewRating")[0]]
    assert values(rating, "alternateName") == ["Incorrect spelling"]
    claim = nodes[values(spelling, "itemReviewed")[0]]
    assert values(claim, "appearance") == [f"{SITE_URL}{STORY}/sources/000_d5e6e064cd57f212/"]
    assert values(nodes[values(spelling, "author")[0]], "name") == ["Explainer"]


def test_events_places_and_quotes_carry_their_facts(
    graphs: dict[str, list[dict[str, Any]]],
) -> None:
    talks = {n.get("@id"): n for n in graphs[f"{STORY}/events/washington-talks/"]}
    event = talks[f"{SITE_URL}{STORY}/timeline/#washington-talks"]
    assert values(event, "startDate") == ["2023-05-01"]
    assert values(event, "endDate") == ["2023-05-04"]
    organisers = {values(talks[ref], "name")[0] for ref in values(event, "organizer")}
    assert organisers == {"Antony Blinken"}
    assert "Ararat Mirzoyan" in {values(talks[ref], "name")[0] for ref in values(event, "attendee")}
    place = talks[values(event, "location")[0]]
    assert values(talks[values(place, "geo")[0]], "latitude") == [38.868]
    timeline = [n for _, n in _nodes({"t": graphs[f"{STORY}/timeline/"]}, "Event")]
    decades = [values(n, "startDate") + values(n, "endDate") for n in timeline]
    assert ["1990", "1992"] in decades  # "early 1990s"
    quotes = [n for _, n in _nodes({"q": graphs[f"{STORY}/quotes/"]}, "Quotation")]
    assert len(quotes) >= 10
    lachin = {n.get("@id"): n for n in graphs[f"{STORY}/places/lachin-corridor/"]}
    corridor = lachin[f"{SITE_URL}{STORY}/places/lachin-corridor/#lachin-corridor"]
    assert "https://en.wikipedia.org/wiki/Lachin" in values(corridor, "sameAs")


def test_the_export_holds_every_node_of_the_story_once_with_its_required_properties(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``explainer export --format jsonld``: one document with the story's article, its
    sources, entities, events, quotes and source checks, each node once, every required
    property there, and addresses under the site's when it is given."""
    from generator.cli import main

    assert main(["export", STORY, "--format", "jsonld", "--site-url", SITE_URL]) == 0
    document = json.loads(capsys.readouterr().out)
    ids = [node["@id"] for node in document["@graph"] if "@id" in node]
    assert len(ids) == len(set(ids))
    nodes = expand(document, SITE_URL + f"{STORY}/")
    kinds = {kind for node in nodes for kind in types_of(node)}
    assert {"Article", "NewsArticle", "Person", "Event", "Quotation", "ClaimReview"} <= kinds
    assert missing(nodes) == []
    assert all(
        node["@id"].startswith(SITE_URL)
        for node in nodes
        if "@id" in node and not node["@id"].startswith("_:")
    )
    assert main(["export", STORY, "--format", "jsonld"]) == 0
    relative = json.loads(capsys.readouterr().out)
    assert relative["@graph"][0]["@id"] == "./"
