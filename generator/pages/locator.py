"""A story's locator map, computed at build time: the region, its countries, its places.

The region is the largest group of the story's places that lie within ``CLUSTER_KM`` of one
another; places far away (a summit abroad) are listed as "not on this map" rather than
shrinking the map to a dot. The overview frames those places and the whole of the story's
countries they lie in; places so close together that they would crowd one another there (a
corridor and the towns it connects) get an inset, a second map at their own scale, and the
overview marks its frame. Positions are drawn as the facts give them and the map says they are
approximate: a route is a line through a few points, an area without a border in the data a
dashed line around the points the facts list, never a border.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.corpus import Story
from generator.facts.schema import Entity
from generator.pages.geo import KM_PER_DEGREE, Box, Point, country_at, distance_km, home_box
from generator.pages.mapgeometry import Rect
from generator.pages.mappanel import (
    COUNTRY_NAMES,
    MapCountry,
    MapPanel,
    MapPlace,
    Projection,
    draw_panel,
)

CLUSTER_KM = 1500.0
WIDTH = 640
MIN_HEIGHT, MAX_HEIGHT = 320, 460
MIN_SPAN_DEGREES = 3.0
INSET_MIN_SPAN_DEGREES = 0.25
CLOSE_UNITS = 110.0
"""Places whose points all lie within this many map units of one another on the overview
crowd it: they get an inset."""

__all__ = ["LocatorMap", "MapCountry", "MapPanel", "MapPlace", "located_places", "story_map"]


@dataclass(frozen=True)
class LocatorMap:
    """Everything the map template draws: the overview, an inset if places crowd it, and the
    places too far away to be on either."""

    overview: MapPanel
    inset: MapPanel | None
    elsewhere: tuple[Entity, ...]

    @property
    def panels(self) -> tuple[MapPanel, ...]:
        """The overview, then the inset if there is one."""
        return (self.overview,) if self.inset is None else (self.overview, self.inset)

    @property
    def places(self) -> tuple[MapPlace, ...]:
        """Every place drawn, on the inset or the overview."""
        return tuple(place for panel in self.panels for place in panel.places)

    @property
    def countries(self) -> tuple[MapCountry, ...]:
        """The countries of the overview."""
        return self.overview.countries

    @property
    def box(self) -> Box:
        """The overview's frame."""
        return self.overview.box

    @property
    def width(self) -> int:
        """The overview's width, in map units."""
        return self.overview.width

    @property
    def height(self) -> int:
        """The overview's height, in map units."""
        return self.overview.height


def located_places(story: Story) -> list[Entity]:
    """The story's places that have coordinates, a path or an outline."""
    return [e for e in story.facts.entities if e.type == "place" and _points(e)]


def story_map(story: Story, focus: str | None = None) -> LocatorMap | None:
    """The locator map of the story's region (or, for a faraway ``focus``, of its region)."""
    places = located_places(story)
    if not places:
        return None
    members = _cluster(places, focus)
    countries = _story_countries(story)
    frame = [p for m in members for p in _extent_points(m)]
    frame += [corner for m in members for corner in _home_corners(countries, _centre(m))]
    box, height = _frame(frame, MIN_SPAN_DEGREES)
    homes = frozenset(
        name.casefold() for m in members for p in _points(m) if (name := country_at(p))
    )
    group = _close_group(members, Projection(box, WIDTH, height))
    inset = None
    detail: Rect | None = None
    if group:
        inset_box, inset_height = _frame(
            [p for m in group for p in _extent_points(m)], INSET_MIN_SPAN_DEGREES
        )
        inset = _panel("inset", group, focus, homes, inset_box, inset_height, None)
        detail = _detail_rect(inset_box, Projection(box, WIDTH, height))
    shown = [m for m in members if m not in group]
    overview = _panel("overview", shown, focus, homes, box, height, detail)
    elsewhere = tuple(p for p in places if p not in members)
    return LocatorMap(overview, inset, elsewhere)


def _panel(
    name: str,
    members: list[Entity],
    focus: str | None,
    homes: frozenset[str],
    box: Box,
    height: int,
    detail: Rect | None,
) -> MapPanel:
    project = Projection(box, WIDTH, height)
    drawn = tuple(_place(entity, project, focus) for entity in members)
    return draw_panel(name, project, homes, drawn, detail)


def _place(entity: Entity, project: Projection, focus: str | None) -> MapPlace:
    x, y = project(_anchor(entity))
    route = tuple(project((c.lon, c.lat)) for c in entity.path)
    outline = tuple(project((c.lon, c.lat)) for c in entity.outline)
    return MapPlace(entity, x, y, route, outline, entity.id == focus)


def _points(entity: Entity) -> list[Point]:
    points = [(c.lon, c.lat) for c in (*entity.path, *entity.outline)]
    if entity.coordinates:
        points.append((entity.coordinates.lon, entity.coordinates.lat))
    return points


def _anchor(entity: Entity) -> Point:
    if entity.coordinates:
        return (entity.coordinates.lon, entity.coordinates.lat)
    return _centre(entity)


def _extent_points(entity: Entity) -> list[Point]:
    """The points a map must show for the entity: its path, outline, centre and rough size."""
    points = _points(entity)
    if entity.coordinates and entity.extent_km and not entity.outline:
        lon, lat = entity.coordinates.lon, entity.coordinates.lat
        d_lat = entity.extent_km / KM_PER_DEGREE
        d_lon = d_lat / max(math.cos(math.radians(lat)), 0.05)
        points += [(lon - d_lon, lat - d_lat), (lon + d_lon, lat + d_lat)]
    return points


def _centre(entity: Entity) -> Point:
    points = _points(entity)
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def _cluster(places: list[Entity], focus: str | None) -> list[Entity]:
    def near(a: Entity) -> list[Entity]:
        return [b for b in places if distance_km(_centre(a), _centre(b)) <= CLUSTER_KM]

    groups = [near(place) for place in places]
    best = max(groups, key=len)
    if focus and not any(p.id == focus for p in best):
        best = near(next(p for p in places if p.id == focus))
    return best


def _story_countries(story: Story) -> frozenset[str]:
    return frozenset(
        COUNTRY_NAMES.get(name, name).casefold()
        for e in story.facts.entities
        if e.type == "country"
        for name in (e.name, *e.aliases)
    )


def _home_corners(countries: frozenset[str], point: Point) -> list[Point]:
    """The corners of the story's country that holds ``point``, if one does and it is not
    so large that framing it whole would shrink the places to dots."""
    box = home_box(point, countries)
    if box is None:
        return []
    return [(box.west, box.south), (box.east, box.north)]


def _close_group(members: list[Entity], project: Projection) -> list[Entity]:
    """The largest group of places that would crowd one another on the overview."""
    drawn = {m.id: [project(p) for p in _points(m)] for m in members}

    def spread(a: Entity, b: Entity) -> float:
        return max(math.dist(p, q) for p in drawn[a.id] for q in drawn[b.id])

    groups = [[b for b in members if spread(a, b) <= CLOSE_UNITS] for a in members]
    best = max(groups, key=len, default=[])
    return best if len(best) >= 2 else []


def _detail_rect(inset: Box, project: Projection) -> Rect:
    left, top = project((inset.west, inset.north))
    right, bottom = project((inset.east, inset.south))
    return (left, top, right, bottom)


def _frame(points: list[Point], min_span: float) -> tuple[Box, int]:
    """The box around the points, padded, at least ``min_span`` degrees, in a usable aspect
    ratio; and the map's height for ``WIDTH``."""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    mid_lat = (min(lats) + max(lats)) / 2
    squeeze = math.cos(math.radians(mid_lat))
    half_lat = max((max(lats) - min(lats)) * 0.62, min_span / 2)
    half_lon = max((max(lons) - min(lons)) * 0.62, half_lat / squeeze)
    height = round(WIDTH * half_lat / (half_lon * squeeze))
    if height > MAX_HEIGHT:
        half_lon *= height / MAX_HEIGHT
    elif height < MIN_HEIGHT:
        half_lat *= MIN_HEIGHT / height
    height = max(MIN_HEIGHT, min(MAX_HEIGHT, height))
    mid_lon = (min(lons) + max(lons)) / 2
    box = Box(mid_lon - half_lon, mid_lat - half_lat, mid_lon + half_lon, mid_lat + half_lat)
    return box, height
