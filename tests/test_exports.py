"""The downloads of each story and ``explainer export``: each format checked against its published
specification, read back, and linked to the sentences it cites.

- facts JSON: the JSON Schema ``explainer schema`` prints (validated with ``jsonschema``);
- TimelineJS JSON: :data:`TIMELINEJS_SCHEMA`, written from Knight Lab's documentation;
- GeoJSON: RFC 7946, as the ``geojson`` library checks it;
- CSV: RFC 4180, read back with the ``csv`` module.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import geojson
import jsonschema
import pytest

from generator.cli import EXPORT_FORMATS, main
from generator.corpus import Story, load_corpus
from generator.exports import EXPORTERS, export
from generator.exports.links import StoryLinks
from generator.exports.quotes import COLUMNS
from generator.facts.schema import Facts
from generator.layout import STORY_DOWNLOADS
from generator.pages.reference import json_schema
from generator.pipeline import BuildResult, build

STORY = "armenia-azerbaijan-talks"
FIRST = "000_d5e6e064cd57f212"
SECOND = "001_talks-end"
THIRD = "002_yerevan-and-baku"
SITE = "https://example.org/explainers/"

# The TimelineJS JSON format as Knight Lab documents it, "TimelineJS JSON data format":
# https://timeline.knightlab.com/docs/json-format.html (the page's source is
# website/templates/docs/json-format.html in github.com/NUKnightLab/TimelineJS3). Each table of
# that page is one definition below, its "Required?" column the required list; the page names
# no other properties, so no other is allowed.
_DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": {"type": "integer"},  # "A number. Don't use commas."
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer", "minimum": 0, "maximum": 23},
        "minute": {"type": "integer", "minimum": 0, "maximum": 59},
        "second": {"type": "integer", "minimum": 0, "maximum": 59},
        "millisecond": {"type": "integer"},
        "display_date": {"type": "string"},
    },
    "additionalProperties": False,
}
_TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
_MEDIA = {
    "type": "object",
    "required": ["url"],
    "properties": {
        name: {"type": "string"}
        for name in ("url", "caption", "credit", "thumbnail", "alt", "title", "link")
    }
    | {"link_target": {"type": "string"}},
    "additionalProperties": False,
}
_SLIDE_PROPERTIES = {
    "start_date": {"$ref": "#/$defs/date"},
    "end_date": {"$ref": "#/$defs/date"},
    "text": {"$ref": "#/$defs/text"},
    "media": {"$ref": "#/$defs/media"},
    "group": {"type": "string"},
    "display_date": {"type": "string"},
    "background": {
        "type": "object",
        "properties": {"url": {"type": "string"}, "alt": {"type": "string"}, "color": {}},
        "additionalProperties": False,
    },
    "autolink": {"type": "boolean"},
    "unique_id": {"type": "string"},
}
TIMELINEJS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "TimelineJS JSON data format",
    "type": "object",
    "required": ["events"],
    "properties": {
        "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
        "title": {"$ref": "#/$defs/slide"},
        "eras": {"type": "array", "items": {"$ref": "#/$defs/era"}},
        "scale": {"enum": ["human", "cosmological"]},
    },
    "additionalProperties": False,
    "$defs": {
        # "start_date: Yes, except for title slides"
        "slide": {"type": "object", "properties": _SLIDE_PROPERTIES, "additionalProperties": False},
        "event": {"$ref": "#/$defs/slide", "required": ["start_date"]},
        "era": {
            "type": "object",
            "required": ["start_date", "end_date"],
            "properties": {
                "start_date": {"$ref": "#/$defs/date"},
                "end_date": {"$ref": "#/$defs/date"},
                "text": {"$ref": "#/$defs/text"},
            },
            "additionalProperties": False,
        },
        "date": _DATE,
        "text": _TEXT,
        "media": _MEDIA,
    },
}


# ── The shipped story's downloads ───────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def result(shipped_content: Path) -> BuildResult:
    built = build(shipped_content)
    assert built.pages is not None and built.corpus is not None
    return built


@pytest.fixture(scope="module")
def story(result: BuildResult) -> Story:
    assert result.corpus is not None
    return next(story for story in result.corpus.stories if story.slug == STORY)


def _download(result: BuildResult, name: str) -> str:
    return result.files[f"{STORY}/{name}"].decode("utf-8")


def test_the_shipped_story_has_its_four_downloads(result: BuildResult) -> None:
    assert sorted(result.files) == [
        f"{STORY}/facts.json",
        f"{STORY}/places.geojson",
        f"{STORY}/quotes.csv",
        f"{STORY}/timeline.json",
    ]
    for name, data in result.files.items():
        assert data.endswith(b"\n") and b"\r" not in data, name


def test_every_format_has_an_exporter_a_file_and_a_command_line_name() -> None:
    downloads = tuple(d.format for d in STORY_DOWNLOADS)
    assert tuple(EXPORTERS) == EXPORT_FORMATS == (*downloads, "jsonld")


def _sentence_target(story: Story, base: str, href: str) -> str:
    """The text of the sentence ``href`` (resolved against ``base``) leads to."""
    target = urlsplit(urljoin(base, href))
    match = re.fullmatch(rf"/site/{STORY}/sources/([^/]+)/", target.path)
    assert match, f"{href!r} leads to {target.path}, not an article page of the story"
    sentence = story.articles_by_id[match[1]].sentence(target.fragment)
    assert sentence is not None, f"{href!r}: the article has no sentence {target.fragment}"
    return sentence.text


# facts.json


def test_facts_json_validates_against_the_facts_schema(result: BuildResult) -> None:
    schema = json.loads(json_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    facts = json.loads(_download(result, "facts.json"))
    jsonschema.Draft202012Validator(schema).validate(facts)
    facts["entities"][0]["nickname"] = "not a field of the schema"
    with pytest.raises(jsonschema.ValidationError, match="nickname"):
        jsonschema.Draft202012Validator(schema).validate(facts)


def test_facts_json_reads_back_into_the_same_facts(result: BuildResult, story: Story) -> None:
    text = _download(result, "facts.json")
    assert Facts.model_validate_json(text) == story.facts
    facts = json.loads(text)
    lachin = next(e for e in facts["entities"] if e["id"] == "lachin-corridor")
    assert lachin["name"] == "Lachin Corridor"
    assert lachin["coordinates"] == {"lat": 39.63, "lon": 46.55}


# timeline.json


def test_timeline_validates_against_the_timelinejs_format(result: BuildResult) -> None:
    jsonschema.Draft202012Validator.check_schema(TIMELINEJS_SCHEMA)
    timeline = json.loads(_download(result, "timeline.json"))
    jsonschema.Draft202012Validator(TIMELINEJS_SCHEMA).validate(timeline)
    validator = jsonschema.Draft202012Validator(TIMELINEJS_SCHEMA)
    for broken in (
        {"events": [{"text": {"headline": "no date"}}]},
        {"events": [{"start_date": {"year": 2023, "month": 13}}]},
        {"events": [{"start_date": {"month": 5}}]},
        {"events": [{"start_date": {"year": "2023"}, "headline": "not in a text object"}]},
    ):
        assert not validator.is_valid(broken), broken


def test_timeline_has_every_event_once_earliest_first(result: BuildResult, story: Story) -> None:
    timeline = json.loads(_download(result, "timeline.json"))
    assert [slide["unique_id"] for slide in timeline["events"]] == [
        event.id for event in story.event_order
    ]
    assert timeline["events"][0]["start_date"] == {"year": 1990}
    assert timeline["events"][-1]["start_date"] == {"year": 2023, "month": 5, "day": 4}
    assert timeline["title"]["text"]["headline"] == story.info.title


def _slides(result: BuildResult) -> dict[str, dict[str, Any]]:
    timeline = json.loads(_download(result, "timeline.json"))
    return {slide["unique_id"]: slide for slide in timeline["events"]}


def test_timeline_dates_keep_their_precision(result: BuildResult) -> None:
    slides = _slides(result)
    talks = slides["washington-talks"]
    assert talks["start_date"] == {"year": 2023, "month": 5, "day": 1}
    assert talks["end_date"] == {"year": 2023, "month": 5, "day": 4}
    assert talks["display_date"] == "1–4 May 2023"
    november = slides["tripartite-meeting-november-2022"]
    assert november["start_date"] == {"year": 2022, "month": 11}
    assert "end_date" not in november
    assert slides["second-karabakh-war"]["start_date"] == {"year": 2020}
    war = slides["first-karabakh-war"]
    assert (war["start_date"], war["end_date"]) == ({"year": 1990}, {"year": 1992})
    assert war["display_date"] == "early 1990s"
    checkpoint = slides["lachin-checkpoint"]  # the corrected date, not the article's 21 April
    assert checkpoint["start_date"] == {"year": 2023, "month": 4, "day": 23}


def test_timeline_citations_lead_to_the_cited_sentences(result: BuildResult, story: Story) -> None:
    base = f"https://example.org/site/{STORY}/timeline.json"
    links = 0
    for slide in json.loads(_download(result, "timeline.json"))["events"]:
        for href in re.findall(r'<a href="([^"]+)"', slide["text"]["text"]):
            if href.startswith("https://"):
                continue  # an outside source
            assert not href.startswith("/"), href
            _sentence_target(story, base, href)
            links += 1
    assert links > 20
    checkpoint = _slides(result)["lachin-checkpoint"]["text"]["text"]
    href = re.search(r'\(Source: <a href="([^"]+)"[^>]*>article 1, paragraph 3</a>', checkpoint)
    assert href, checkpoint
    assert "ten days ago" in _sentence_target(story, base, href[1])
    assert "Source check" in checkpoint and "23 April 2023" in checkpoint


def test_timeline_cites_a_run_of_lines_on_the_same_sentence_once(result: BuildResult) -> None:
    war = _slides(result)["first-karabakh-war"]["text"]["text"]
    assert war.count("#p2s1") == 1, war
    assert war.endswith("Azerbaijan (party) (Source: " + war[war.rindex("<a ") :])


# places.geojson


def test_places_validate_as_geojson(result: BuildResult) -> None:
    places = geojson.loads(_download(result, "places.geojson"))
    assert isinstance(places, geojson.FeatureCollection)
    assert places.is_valid, places.errors()
    broken = geojson.loads('{"type": "LineString", "coordinates": [[46.5, 39.5]]}')
    assert not broken.is_valid  # the library does check


def test_places_are_points_and_routes_longitude_first(result: BuildResult) -> None:
    features = json.loads(_download(result, "places.geojson"))["features"]
    by_id = {feature["id"]: feature for feature in features}
    washington = by_id["washington-dc"]
    assert washington["geometry"] == {"type": "Point", "coordinates": [-77.0369, 38.9072]}
    assert washington["properties"]["approximate"] is False
    route = by_id["lachin-corridor/route"]
    assert route["geometry"]["type"] == "LineString"
    assert len(route["geometry"]["coordinates"]) >= 2
    assert route["properties"]["shape"] == "route" and route["properties"]["approximate"] is True
    assert by_id["lachin-corridor"]["geometry"]["type"] == "Point"
    karabakh = by_id["nagorno-karabakh"]["properties"]
    assert (karabakh["shape"], karabakh["approximate"], karabakh["extent_km"]) == ("area", True, 40)
    assert karabakh["page"] == "places/nagorno-karabakh/"
    outline = by_id["nagorno-karabakh/outline"]
    assert outline["geometry"]["type"] == "Polygon"
    ring = outline["geometry"]["coordinates"][0]
    assert len(ring) == 5 and ring[0] == ring[-1]  # four towns, closed
    assert [46.7519, 39.8153] in ring and outline["properties"]["shape"] == "outline"


# quotes.csv


def test_quotes_csv_reads_back_to_the_same_quotes(result: BuildResult, story: Story) -> None:
    text = _download(result, "quotes.csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(story.facts.quotes) > 10
    for row, quote in zip(rows, story.facts.quotes, strict=True):
        speaker = story.entity(quote.speaker)
        side = story.entity(speaker.side).name if speaker.side else ""
        assert (row["id"], row["text"]) == (quote.id, quote.text)
        assert (row["speaker"], row["side"]) == (speaker.name, side)
    first = rows[0]
    assert (first["speaker"], first["side"], first["date"]) == (
        "Catherine Colonna",
        "France",
        "2023-05-01",
    )
    assert first["article"].startswith("US hosts Armenian and Azerbaijani foreign ministers")


def test_quotes_link_the_sentence_that_holds_their_words(result: BuildResult, story: Story) -> None:
    base = f"https://example.org/site/{STORY}/quotes.csv"
    rows = list(csv.DictReader(io.StringIO(_download(result, "quotes.csv"), newline="")))
    for row in rows:
        sentence = _sentence_target(story, base, row["sentence_link"])
        plain = sentence.replace("’", "'").replace("“", '"').replace("”", '"')
        assert row["text"].replace("’", "'") in plain, (row["id"], sentence)
    last = rows[-1]
    assert last["sentence_link"].startswith(f"sources/{THIRD}/#p")
    assert last["date"] == "2023-05-10"


# ── Same input, same bytes; links as the site addresses pages ───────────────────────────────


def test_downloads_are_the_same_bytes_in_another_process(
    result: BuildResult, repo_root: Path
) -> None:
    script = (
        "import json, sys; from pathlib import Path; from generator.pipeline import build; "
        "files = build(Path('content')).files; "
        "sys.stdout.write(json.dumps({p: d.decode() for p, d in files.items()}))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=repo_root, env=env, capture_output=True, check=True
    )
    other = {path: text.encode() for path, text in json.loads(completed.stdout).items()}
    assert other == result.files


def test_links_follow_the_page_addresses(story: Story) -> None:
    plain = StoryLinks(story, directory_urls=False)
    assert plain.sentence(f"{SECOND}#p4s1").url == f"sources/{SECOND}.html#p4s1"
    assert plain.page("overview") == "index.html"
    folders = StoryLinks(story)
    assert folders.sentence(f"{SECOND}#p4s1").label == "article 2, paragraph 4"
    assert folders.page("overview") == "./"
    absolute = StoryLinks(story, f"{SITE}{STORY}/")
    assert absolute.page("entity:lachin-corridor") == f"{SITE}{STORY}/places/lachin-corridor/"


# ── explainer export ────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("format_name", [d.format for d in STORY_DOWNLOADS])
def test_export_writes_the_download_to_stdout(
    capsys: pytest.CaptureFixture[str],
    shipped_content: Path,
    result: BuildResult,
    format_name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    assert main(["export", STORY, str(shipped_content), "--format", format_name]) == 0
    captured = capsys.readouterr()
    path = next(d.path for d in STORY_DOWNLOADS if d.format == format_name)
    assert captured.out == _download(result, path)
    assert captured.err == ""


@pytest.mark.parametrize("format_name", EXPORT_FORMATS)
def test_export_writes_a_file_whole(
    capsys: pytest.CaptureFixture[str],
    shipped_content: Path,
    story: Story,
    tmp_path: Path,
    format_name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    out = tmp_path / "exports" / f"story.{format_name}"
    out.parent.mkdir()
    out.write_text("an older export\n", encoding="utf-8")
    arguments = ["export", STORY, str(shipped_content), "--format", format_name, "--out", str(out)]
    assert main(arguments) == 0
    assert capsys.readouterr() == ("", "")
    assert out.read_text(encoding="utf-8") == export(story, format_name)
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_export_with_a_site_url_links_absolutely(
    capsys: pytest.CaptureFixture[str], shipped_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    arguments = ["export", STORY, str(shipped_content), "--format", "csv", "--site-url", SITE]
    assert main(arguments) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert rows[0]["sentence_link"] == f"{SITE}{STORY}/sources/{FIRST}/#p5s1"
    monkeypatch.setenv("SITE_URL", "https://example.org/other")
    assert main(["export", STORY, str(shipped_content), "--format", "timelinejs"]) == 0
    slides = json.loads(capsys.readouterr().out)["events"]
    text = "".join(slide["text"]["text"] for slide in slides)
    assert f'href="https://example.org/other/{STORY}/sources/{FIRST}/#p1s1"' in text
    assert 'href="sources/' not in text


def test_export_of_an_unknown_story_names_the_stories(
    capsys: pytest.CaptureFixture[str], shipped_content: Path
) -> None:
    assert main(["export", "armenia-talks", str(shipped_content), "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"explainer export: no story 'armenia-talks' in '{shipped_content}'; "
        f"the stories there are: {STORY}\n"
    )


def test_export_from_a_missing_content_folder_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "content"
    assert main(["export", STORY, str(missing), "--format", "csv"]) == 2
    assert capsys.readouterr().err == (
        f"explainer export: no story '{STORY}': the content folder '{missing}' does not exist\n"
    )


def test_export_refuses_a_site_url_that_is_not_an_address(
    capsys: pytest.CaptureFixture[str], shipped_content: Path, tmp_path: Path
) -> None:
    out = tmp_path / "quotes.csv"
    arguments = ["export", STORY, str(shipped_content), "--format", "csv", "--out", str(out)]
    assert main([*arguments, "--site-url", "example.org"]) == 2
    assert "--site-url 'example.org' is not an http(s) address" in capsys.readouterr().err
    assert not out.exists()


def test_export_with_content_errors_writes_nothing(
    capsys: pytest.CaptureFixture[str], make_story: Any, tmp_path: Path
) -> None:
    content = make_story(tmp_path, "entities:\n  - id: Not An Id\n    type: country\n")
    out = tmp_path / "facts.json"
    assert main(["export", "story", str(content), "--format", "json", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "error[" in err and err.endswith("the content has errors; nothing written\n")
    assert not out.exists()


def test_a_story_without_places_or_quotes_still_has_valid_downloads(
    make_story: Any, tmp_path: Path
) -> None:
    facts = (
        "entities:\n  - id: armenia\n    type: country\n    name: Armenia\n    sources: [p2s1]\n"
    )
    corpus, diagnostics = load_corpus(make_story(tmp_path, facts))
    assert corpus is not None, diagnostics
    story = corpus.stories[0]
    places = geojson.loads(export(story, "geojson"))
    assert places.is_valid and places["features"] == []
    assert export(story, "csv") == ",".join(COLUMNS) + "\n"
    timeline = json.loads(export(story, "timelinejs"))
    jsonschema.Draft202012Validator(TIMELINEJS_SCHEMA).validate(timeline)
    assert timeline["events"] == []
