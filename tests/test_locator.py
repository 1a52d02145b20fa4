"""The locator map: region, clipping, countries and places, on the shipped story and others."""

from __future__ import annotations

import importlib.util
import json
import math
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from generator.corpus import Story, load_corpus
from generator.pages.geo import Box, clip_ring, distance_km, world
from generator.pages.locator import located_places, story_map
from generator.pages.mapgeometry import contains, convex_hull, overlaps, round_km, rounded_outline
from generator.pages.maplabels import label_lines
from generator.pipeline import build

SOUTH_AMERICA = """\
entities:
  - id: santiago
    type: place
    name: Santiago
    coordinates: {lat: -33.45, lon: -70.67}
    sources: [p1s1]
  - id: valparaiso
    type: place
    name: Valparaíso
    coordinates: {lat: -33.05, lon: -71.62}
    sources: [p1s1]
"""
PROVIDENCIA = """\
  - id: providencia
    type: place
    name: Providencia
    coordinates: {lat: -33.43, lon: -70.61}
    sources: [p1s1]
"""


def _story(content: Path, now: datetime) -> Story:
    corpus, diagnostics = load_corpus(content, now=now)
    assert corpus is not None, [str(d) for d in diagnostics]
    return corpus.stories[0]


def test_clip_ring_keeps_only_the_part_inside_the_box() -> None:
    square = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0))
    clipped = clip_ring(square, Box(5, -5, 20, 5))
    assert sorted(clipped) == [(5.0, 0.0), (5.0, 5.0), (10.0, 0.0), (10.0, 5.0)]
    assert clip_ring(square, Box(20, 20, 30, 30)) == []


def test_the_data_set_covers_the_world() -> None:
    names = {country.name for country in world()}
    assert {"Armenia", "Azerbaijan", "Chile", "Japan", "New Zealand"} <= names
    assert len(names) > 200


def test_shipped_map_draws_the_region_and_an_inset_of_the_corridor(
    shipped_content: Path, now: datetime
) -> None:
    located = story_map(_story(shipped_content, now))
    assert located is not None and located.inset is not None
    box = located.box
    assert box.west < 44 < 50 < box.east and box.south < 39 < 41.5 < box.north
    overview = {c.name for c in located.overview.countries}
    assert {"Armenia", "Azerbaijan", "Georgia", "Iran", "Russia", "Turkey"} <= overview
    assert {c.name for c in located.countries if c.in_story} == {"Armenia", "Azerbaijan"}
    drawn = {place.entity.id: place for place in located.inset.places}
    assert set(drawn) == {
        "lachin-corridor",
        "nagorno-karabakh",
        "goris",
        "lachin-town",
        "stepanakert",
        "hakari-checkpoint",
    }
    assert located.overview.places == ()
    assert drawn["lachin-corridor"].shape == "line" and len(drawn["lachin-corridor"].route) == 3
    assert drawn["nagorno-karabakh"].shape == "area"
    corridor = drawn["lachin-corridor"].route
    assert math.dist(corridor[0], corridor[-1]) > 150, "the corridor is drawn at its own scale"
    assert {e.id for e in located.elsewhere} == {"munich", "washington-dc", "shultz-center"}


def test_every_country_on_the_shipped_maps_is_named_at_both_sizes(
    shipped_content: Path, now: datetime
) -> None:
    located = story_map(_story(shipped_content, now))
    assert located is not None
    overview_names = {country.name for country in located.overview.countries}
    for panel in located.panels:
        for labels in panel.label_sets:
            named = {label.lines[0] for label in labels.labels if label.kind == "country"}
            drawn = {country.name for country in panel.countries}
            if panel is located.overview:
                assert labels.missed == ()
                assert named == drawn - set(labels.slivers), labels.tier.name
            else:
                # Places are labelled first: on a phone's enlarged map a country squeezed into
                # a corner by them may go unnamed (the map's description says so), but only
                # one the overview names.
                assert set(labels.missed) <= overview_names, (panel.name, labels.missed)
                assert named | set(labels.missed) == drawn - set(labels.slivers)
    overview = located.overview.label_sets
    assert all(labels.slivers == () for labels in overview), "Iran and Russia are named"
    two_lines = [
        label.lines
        for labels in located.inset.label_sets  # type: ignore[union-attr]
        for label in labels.labels
        if label.lines[0] == "Stepanakert"
    ]
    assert two_lines == [("Stepanakert", "(Khankendi)")] * 2


def test_labels_overlap_neither_one_another_nor_another_place(
    shipped_content: Path, now: datetime
) -> None:
    located = story_map(_story(shipped_content, now))
    assert located is not None
    for panel in located.panels:
        points = [(p.entity.name, p.x, p.y) for p in panel.places if p.shape == "point"]
        for labels in panel.label_sets:
            boxes = [(label.lines[0], label.box) for label in labels.labels]
            boxes.append(("scale", labels.scale.label.box))
            for index, (name, box) in enumerate(boxes):
                assert box[0] >= 0 and box[2] <= panel.width and box[3] <= panel.height, name
                for other, other_box in boxes[index + 1 :]:
                    assert not overlaps(box, other_box), (labels.tier.name, name, other)
                for place, x, y in points:
                    marker = (x - 4, y - 4, x + 4, y + 4)
                    assert not overlaps(box, marker), (labels.tier.name, name, "covers", place)


def test_the_scale_bar_measures_a_known_distance(shipped_content: Path, now: datetime) -> None:
    """Goris to Stepanakert is about 45 km as the crow flies; measured on the inset with the
    scale bar, it must come out the same."""
    located = story_map(_story(shipped_content, now))
    assert located is not None and located.inset is not None
    drawn = {place.entity.id: place for place in located.inset.places}
    goris, stepanakert = drawn["goris"], drawn["stepanakert"]
    expected = distance_km((46.3386, 39.5078), (46.7519, 39.8153))
    assert 44 < expected < 52
    for labels in located.inset.label_sets:
        scale = labels.scale
        assert scale.label.lines == (f"{scale.km} km",)
        measured = math.dist((goris.x, goris.y), (stepanakert.x, stepanakert.y))
        assert measured * scale.km / scale.length == pytest.approx(expected, rel=0.03)
        assert 0.1 * located.inset.width < scale.length < 0.3 * located.inset.width


def test_an_area_outline_leaves_its_neighbours_outside(
    shipped_content: Path, now: datetime
) -> None:
    located = story_map(_story(shipped_content, now))
    assert located is not None and located.inset is not None
    drawn = {place.entity.id: place for place in located.inset.places}
    outline = drawn["nagorno-karabakh"].outline_ring
    for neighbour in ("goris", "lachin-town", "hakari-checkpoint"):
        assert not contains(outline, (drawn[neighbour].x, drawn[neighbour].y)), neighbour
    corridor = drawn["lachin-corridor"].route
    assert [contains(outline, point) for point in corridor[:2]] == [False, False]
    assert contains(outline, (drawn["stepanakert"].x, drawn["stepanakert"].y))


def test_an_inset_only_where_places_crowd_the_overview(
    tmp_path: Path, make_story: Callable[..., Path], now: datetime
) -> None:
    apart = make_story(tmp_path / "apart", SOUTH_AMERICA)
    located = story_map(_story(apart, now))
    assert located is not None and located.inset is None
    close = SOUTH_AMERICA + PROVIDENCIA
    located = story_map(_story(make_story(tmp_path / "close", close), now))
    assert located is not None and located.inset is not None
    assert {p.entity.id for p in located.inset.places} == {"santiago", "providencia"}
    assert {p.entity.id for p in located.overview.places} == {"valparaiso"}
    assert located.overview.detail is not None


def test_convex_hull_and_round_scale_lengths() -> None:
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (2.0, 2.0)]
    assert sorted(convex_hull(square)) == [(0.0, 0.0), (0.0, 4.0), (4.0, 0.0), (4.0, 4.0)]
    grown = rounded_outline(square, 1.0)
    assert contains(grown, (-0.5, 2.0)) and not contains(grown, (-1.5, 2.0))
    assert [round_km(x) for x in (0.5, 7, 23, 140, 480)] == [1, 5, 20, 100, 200]


def test_a_faraway_place_gets_a_map_of_its_own_region(shipped_content: Path, now: datetime) -> None:
    located = story_map(_story(shipped_content, now), focus="munich")
    assert located is not None
    assert [p.entity.id for p in located.places] == ["munich"]
    assert "Germany" in {c.name for c in located.countries}


def test_any_story_with_located_places_gets_a_map_of_its_region(
    tmp_path: Path, make_story: Callable[..., Path], now: datetime
) -> None:
    content = make_story(tmp_path, SOUTH_AMERICA)
    located = story_map(_story(content, now))
    assert located is not None
    assert {"Chile", "Argentina"} <= {c.name for c in located.countries}
    assert {c.name for c in located.countries if c.in_story} == {"Chile"}
    assert all(0 <= p.x <= located.width and 0 <= p.y <= located.height for p in located.places)
    for labels in located.overview.label_sets:
        texts = {label.lines for label in labels.labels}
        assert {("Santiago",), ("Valparaíso",), ("Chile",), ("Argentina",)} <= texts
        assert labels.missed == ()
    pages = build(content, now=now).pages
    assert pages is not None
    overview = pages["story/index.md"]
    assert '<figure class="locator-map"' in overview and "Valparaíso</text>" in overview


def test_a_story_without_coordinates_has_no_map(
    tmp_path: Path, make_story: Callable[..., Path], now: datetime
) -> None:
    facts = "entities:\n  - {id: armenia, type: country, name: Armenia, sources: [p2s1]}\n"
    pages = build(make_story(tmp_path, facts), now=now).pages
    assert pages is not None
    assert "locator-map" not in pages["story/index.md"]


def test_map_labels_are_html_escaped(
    tmp_path: Path, make_story: Callable[..., Path], now: datetime
) -> None:
    facts = """\
entities:
  - id: odd
    type: place
    name: <script>alert(1)</script> & Co
    coordinates: {lat: 10, lon: 10}
    sources: [p1s1]
"""
    pages = build(make_story(tmp_path, facts), now=now).pages
    assert pages is not None
    overview = pages["story/index.md"]
    assert "<script>" not in overview
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co is drawn as a point" in overview
    assert ">&lt;script&gt;alert(1)&lt;/script&gt;<tspan" in overview  # a label's first line
    assert ">&amp; Co</tspan></text>" in overview


def test_vendored_map_data_is_what_the_update_script_makes(repo_root: Path) -> None:
    """generator/data/countries.json is reproducible from the pinned npm package."""
    script = repo_root / "scripts" / "update_map_data.py"
    spec = importlib.util.spec_from_file_location("update_map_data", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.SOURCE.is_file(), "run 'make setup-test' (npm ci) first"
    topology = json.loads(module.SOURCE.read_text(encoding="utf-8"))
    expected = module.serialise(module.map_data(topology, "2.0.2"))
    assert module.TARGET.read_text(encoding="utf-8") == expected


def test_every_map_of_the_shipped_story_names_every_place_at_both_sizes(
    shipped_content: Path, now: datetime
) -> None:
    """A long name wraps ("George P. Shultz National Foreign Affairs Training Center" on four
    lines) rather than going without a label on a phone."""
    story = _story(shipped_content, now)
    for place in located_places(story):
        located = story_map(story, focus=place.id)
        assert located is not None
        countries = {country.name for country in located.overview.countries}
        for panel in located.panels:
            assert set(panel.missed) <= countries, (place.id, panel.name)
            for labels in panel.label_sets:
                named = {label.lines for label in labels.labels if label.kind != "country"}
                assert {label_lines(p.entity.name) for p in panel.places} <= named
    assert label_lines("George P. Shultz National Foreign Affairs Training Center") == (
        "George P. Shultz",
        "National Foreign",
        "Affairs Training",
        "Center",
    )


def test_an_area_with_no_outline_is_a_small_sign_not_a_circle(
    tmp_path: Path, make_story: Callable[..., Path], now: datetime
) -> None:
    """With only a rough radius, the map marks the area with a small ring and the words
    "approximate area": nothing as large as the radius that could cover its neighbours."""
    facts = (
        SOUTH_AMERICA
        + """\
  - id: region
    type: place
    name: Region
    coordinates: {lat: -33.2, lon: -71.0}
    extent_km: 60
    sources: [p1s1]
"""
    )
    content = make_story(tmp_path, facts)
    located = story_map(_story(content, now))
    assert located is not None
    panel = located.inset or located.overview
    region = next(p for p in panel.places if p.entity.id == "region")
    assert region.shape == "mark"
    for labels in panel.label_sets:
        assert ("Region", "approximate area") in {label.lines for label in labels.labels}
    pages = build(content, now=now).pages
    assert pages is not None
    overview = pages["story/index.md"]
    assert (
        '<circle class="map-mark"' in overview and " r=" not in overview.split("map-mark")[1][:40]
    )
    assert "Region is drawn as a small dashed ring marked" in overview


def test_a_place_shown_for_orientation_says_why_in_its_preview_and_the_map_list(
    shipped_content: Path, now: datetime
) -> None:
    pages = build(shipped_content, now=now).pages
    assert pages is not None
    overview = pages["armenia-azerbaijan-talks/index.md"]
    assert 'title="The Armenian town where the road to the corridor begins."' in overview
    assert (
        "a point; the Armenian town where the road to the corridor begins. "
        "Its position is from Wikipedia. " in overview
    )
    assert 'href="https://en.wikipedia.org/wiki/Goris"' in overview
