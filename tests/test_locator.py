"""The locator map: region, clipping, countries and places, on the shipped story and others."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from generator.corpus import Story, load_corpus
from generator.pages.geo import Box, clip_ring, world
from generator.pages.locator import story_map
from generator.pipeline import build


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


def test_shipped_map_draws_the_region_corridor_and_area(
    shipped_content: Path, now: datetime
) -> None:
    story = _story(shipped_content, now)
    located = story_map(story)
    assert located is not None
    box = located.box
    assert box.west < 45 < 46.7 < box.east and box.south < 39.5 < 41 < box.north
    drawn = {place.entity.id: place for place in located.places}
    assert drawn["lachin-corridor"].shape == "line"
    assert len(drawn["lachin-corridor"].route.split()) == 4
    assert drawn["nagorno-karabakh"].shape == "area"
    assert drawn["nagorno-karabakh"].label == "Nagorno-Karabakh (approx.)"
    assert {e.id for e in located.elsewhere} == {"munich", "washington-dc", "shultz-center"}
    in_story = {c.name for c in located.countries if c.in_story}
    assert {"Armenia", "Azerbaijan"} <= in_story
    assert "Georgia" not in in_story


def test_a_faraway_place_gets_a_map_of_its_own_region(shipped_content: Path, now: datetime) -> None:
    located = story_map(_story(shipped_content, now), focus="munich")
    assert located is not None
    assert [p.entity.id for p in located.places] == ["munich"]
    assert "Germany" in {c.name for c in located.countries}


def test_any_story_with_located_places_gets_a_map_of_its_region(
    tmp_path: Path, make_story: Callable[..., Path], now: datetime
) -> None:
    facts = """\
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
    content = make_story(tmp_path, facts)
    located = story_map(_story(content, now))
    assert located is not None
    assert {"Chile", "Argentina"} <= {c.name for c in located.countries}
    assert all(0 <= p.x <= located.width and 0 <= p.y <= located.height for p in located.places)
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
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</text>" in overview


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
