"""One map of a locator figure (the overview or the inset): its projection, its countries, its
places, its scale bar, and its labels laid out twice, for a wide map and for a phone's.

The SVG is scaled to the page's width, so a label's size on screen is its size in map units
times that scale. Each panel therefore carries two label sets: ``wide`` (13 units, at least
12 CSS px on a map 600 px wide or more) and ``narrow`` (23 units, at least 12.5 px on a phone's
map about 350 px wide); the stylesheet shows the one that fits the map's width.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass

from generator.facts.schema import Entity
from generator.pages.geo import KM_PER_DEGREE, Box, Point, clip_ring, world
from generator.pages.mapgeometry import XY, Rect, along, area, overlaps, round_km, rounded_outline
from generator.pages.maplabels import CHAR_EM, Label, Layout, Request, label_lines

COUNTRY_NAMES = {"United States": "United States of America"}
"""Story names that Natural Earth writes differently."""
OUTLINE_PAD = 6.0
DETAIL_NOTE = "Enlarged below"


@dataclass(frozen=True)
class Tier:
    """A label size and marker radius, in map units, for one range of map widths."""

    name: str
    size: float
    marker: float


TIERS = (Tier("wide", 13.0, 4.5), Tier("narrow", 23.0, 7.0))


class Projection:
    """Equirectangular, scaled at the box's middle latitude: fine for a region."""

    def __init__(self, box: Box, width: int, height: int) -> None:
        self.box, self.width, self.height = box, width, height
        self.kx = width / (box.east - box.west)
        self.ky = height / (box.north - box.south)

    def __call__(self, point: Point) -> XY:
        return ((point[0] - self.box.west) * self.kx, (self.box.north - point[1]) * self.ky)

    @property
    def km_per_unit(self) -> float:
        """Kilometres per map unit (the same both ways: the frame keeps the aspect)."""
        return KM_PER_DEGREE / self.ky


@dataclass(frozen=True)
class MapCountry:
    """A country's clipped outline as an SVG path, and its largest visible part."""

    name: str
    path: str
    in_story: bool
    """Whether one of the story's places on the map lies in it (it is shaded darker)."""
    ring: tuple[XY, ...]


@dataclass(frozen=True)
class MapPlace:
    """A place drawn on the map: a point, a line (``route``) or an approximate area."""

    entity: Entity
    x: float
    y: float
    route: tuple[XY, ...]
    outline: tuple[XY, ...]
    focused: bool

    @property
    def shape(self) -> str:
        """``line``, ``area`` (an outline), ``mark`` (an area with no outline) or ``point``."""
        if len(self.route) >= 2:
            return "line"
        if len(self.outline) >= 3:
            return "area"
        return "mark" if self.entity.extent_km else "point"

    @property
    def route_data(self) -> str:
        """The route as SVG polyline points."""
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.route)

    @property
    def outline_ring(self) -> list[XY]:
        """The dashed line drawn around the area's points."""
        return rounded_outline(list(self.outline), OUTLINE_PAD) if self.outline else []

    @property
    def outline_data(self) -> str:
        """The outline as SVG path data."""
        return "M" + " ".join(f"{x:.1f},{y:.1f}" for x, y in self.outline_ring) + "Z"

    @property
    def publishers(self) -> tuple[str, ...]:
        """Who published the place's coordinates, each once (ignoring case), in the order of
        ``coordinates_source``; a source with no publisher is "an outside source"."""
        first: dict[str, str] = {}
        for source in self.entity.coordinates_source:
            name = source.publisher or "an outside source"
            first.setdefault(name.lower(), name)
        return tuple(first.values())


@dataclass(frozen=True)
class ScaleBar:
    """A bar ``length`` units long standing for ``km`` kilometres, its left end at (x, y)."""

    x: float
    y: float
    length: float
    km: int
    label: Label


@dataclass(frozen=True)
class LabelSet:
    """A panel's labels at one size, with the countries too small to name and any name that
    found no room (none, on a map that works)."""

    tier: Tier
    labels: tuple[Label, ...]
    scale: ScaleBar
    slivers: tuple[str, ...]
    missed: tuple[str, ...]


@dataclass(frozen=True)
class MapPanel:
    """One map: the overview or the inset."""

    name: str
    width: int
    height: int
    box: Box
    countries: tuple[MapCountry, ...]
    places: tuple[MapPlace, ...]
    detail: Rect | None
    label_sets: tuple[LabelSet, ...]

    @property
    def country_names(self) -> tuple[str, ...]:
        """The names of the countries drawn on the panel."""
        return tuple(country.name for country in self.countries)

    @property
    def story_countries(self) -> tuple[str, ...]:
        """The names of the countries shaded darker, those where the story's places are."""
        return tuple(country.name for country in self.countries if country.in_story)

    @property
    def slivers(self) -> tuple[str, ...]:
        """Countries drawn but too small here to hold their name at the wide size."""
        return self.label_sets[0].slivers

    @property
    def missed(self) -> tuple[str, ...]:
        """Names that found no room at some size (none, on a map that works)."""
        return tuple(dict.fromkeys(name for s in self.label_sets for name in s.missed))


def draw_panel(
    name: str,
    project: Projection,
    homes: frozenset[str],
    places: tuple[MapPlace, ...],
    detail: Rect | None,
) -> MapPanel:
    """The panel's countries (those in ``homes``, casefolded, shaded) and its labels at every
    size."""
    countries = tuple(
        MapCountry(country, path, country.casefold() in homes, ring)
        for country, path, ring in _clipped_world(project.box, project.width, project.height)
    )
    sets = tuple(_label_set(tier, project, countries, places, detail) for tier in TIERS)
    return MapPanel(
        name, project.width, project.height, project.box, countries, places, detail, sets
    )


def _label_set(
    tier: Tier,
    project: Projection,
    countries: tuple[MapCountry, ...],
    places: tuple[MapPlace, ...],
    detail: Rect | None,
) -> LabelSet:
    layout = Layout(project.width, project.height, tier.size)
    layout.obstacles = [box for place in places for box in _marker_boxes(place, tier)]
    if detail:
        layout.obstacles.append(detail)
    scale = _scale_bar(project, tier, layout.obstacles)
    layout.obstacles.append(scale.label.box)
    for place in sorted(places, key=_priority):
        layout.place(_place_request(place, tier))
    if detail:
        centre = ((detail[0] + detail[2]) / 2, (detail[1] + detail[3]) / 2)
        radius = max(detail[2] - detail[0], detail[3] - detail[1]) / 2
        layout.place(Request(DETAIL_NOTE, (DETAIL_NOTE,), "note", ((*centre, radius),)))
    slivers = []
    for country in sorted(countries, key=lambda c: (not c.in_story, -area(list(c.ring)))):
        if _is_sliver(country, tier):
            slivers.append(country.name)
        else:
            layout.place(Request(country.name, (country.name,), "country", polygon=country.ring))
    return LabelSet(tier, tuple(layout.labels), scale, tuple(slivers), tuple(layout.missed))


def _priority(place: MapPlace) -> tuple[bool, int, str]:
    order = {"point": 0, "mark": 1, "line": 2, "area": 3}
    return (not place.focused, order[place.shape], place.entity.id)


def _place_request(place: MapPlace, tier: Tier) -> Request:
    name = place.entity.name
    if place.shape == "mark":
        lines = (*label_lines(name), "approximate area")
        return Request(name, lines, "area", ((place.x, place.y, tier.marker * 2),))
    if place.shape == "line":
        segments = sorted(itertools.pairwise(place.route), key=lambda s: -math.dist(*s))
        middles = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in segments]
        markers = tuple((x, y, tier.marker + 2) for x, y in middles)
        return Request(name, label_lines(name), "place", markers)
    if place.shape == "area":
        ring = tuple(place.outline_ring)
        return Request(name, label_lines(name), "area", ((place.x, place.y, 0.0),), ring)
    return Request(name, label_lines(name), "place", ((place.x, place.y, tier.marker),))


def _marker_boxes(place: MapPlace, tier: Tier) -> list[Rect]:
    """What a label must not cover: a point, an area's sign, a route."""
    if place.shape == "line":
        return [(x - 3, y - 3, x + 3, y + 3) for x, y in along(list(place.route), 5.0)]
    if place.shape == "area":
        return []
    radius = tier.marker * (2 if place.shape == "mark" else 1) + 1
    return [(place.x - radius, place.y - radius, place.x + radius, place.y + radius)]


def _scale_bar(project: Projection, tier: Tier, obstacles: list[Rect]) -> ScaleBar:
    """A bar of round kilometres about a fifth of the map wide, in a free bottom corner."""
    km = round_km(project.km_per_unit * project.width * 0.22)
    length = km / project.km_per_unit
    text = f"{km:,} km"
    width = max(length, len(text) * tier.size * CHAR_EM["note"]) + 4
    bottom = project.height - 8
    height = tier.size * 1.1 + 8
    best = None
    for left in (10.0, project.width - 10.0 - width):
        box = (left - 2, bottom - height, left + width, bottom + 2)
        label = Label((text,), left, bottom - 8, "start", "note", box, tier.size)
        best = best or ScaleBar(left, bottom, length, km, label)
        if not any(overlaps(box, other) for other in obstacles):
            return ScaleBar(left, bottom, length, km, label)
    assert best is not None
    return best


def _is_sliver(country: MapCountry, tier: Tier) -> bool:
    """Too little of the country is on the map to hold its name."""
    label_area = len(country.name) * tier.size * CHAR_EM["country"] * tier.size * 1.1
    return area(list(country.ring)) < 1.5 * label_area


@functools.lru_cache(maxsize=32)
def _clipped_world(
    box: Box, width: int, height: int
) -> tuple[tuple[str, str, tuple[XY, ...]], ...]:
    """Every country's outline clipped to the box and projected, with its largest part inside
    the frame: the same for every page and every build that frames the same region, and the
    slow part of a map, so computed once."""
    project = Projection(box, width, height)
    margin = Box(box.west - 1, box.south - 1, box.east + 1, box.north + 1)
    found = []
    for country in world():
        if not margin.intersects(country.box):
            continue
        rings = [
            r for r in (_svg_ring(clip_ring(ring, margin), project) for ring in country.rings) if r
        ]
        if not rings:
            continue
        path = " ".join(
            " ".join(f"{x:.1f},{y:.1f}" for x, y in ring).join(("M", "Z")) for ring in rings
        )
        inside = [_svg_ring(clip_ring(ring, box), project, 3.0) for ring in country.rings]
        largest = max(inside, key=area)
        if largest:
            found.append((country.name, path, tuple(largest)))
    return tuple(found)


def _svg_ring(points: list[Point], project: Projection, step: float = 0.8) -> list[XY]:
    ring: list[XY] = []
    for point in points:
        x, y = project(point)
        if not ring or abs(x - ring[-1][0]) + abs(y - ring[-1][1]) >= step:
            ring.append((x, y))
    return ring if len(ring) >= 3 else []
