"""A story's locator map, computed at build time: the region, its countries, its places.

The region is the largest group of the story's places that lie within ``CLUSTER_KM`` of one
another; places far away (a summit abroad) are listed as "not on this map" rather than
shrinking the map to a dot. Positions are drawn as the facts give them and the map says they
are approximate: a corridor's route, or an area that has no border in the data, is never drawn
with more precision than the facts claim.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from generator.corpus import Story
from generator.facts.schema import Entity
from generator.pages.geo import Box, Point, clip_ring, distance_km, world

CLUSTER_KM = 1500.0
WIDTH = 640
MIN_HEIGHT, MAX_HEIGHT = 320, 480
MIN_SPAN_DEGREES = 3.0
KM_PER_DEGREE = 111.32
COUNTRY_NAMES = {"United States": "United States of America"}
"""Story names that Natural Earth writes differently."""


@dataclass(frozen=True)
class MapCountry:
    """A country's clipped outline as an SVG path, and where to label it."""

    name: str
    path: str
    in_story: bool
    label: tuple[float, float] | None


@dataclass(frozen=True)
class MapPlace:
    """A place drawn on the map: a point, a line (``route``) or an approximate area."""

    entity: Entity
    label: str
    x: float
    y: float
    route: str
    radius: float
    label_x: float
    label_y: float
    anchor: str
    focused: bool

    @property
    def shape(self) -> str:
        """``line``, ``area`` or ``point``."""
        return "line" if self.route else "area" if self.radius else "point"


@dataclass(frozen=True)
class LocatorMap:
    """Everything the map template draws."""

    width: int
    height: int
    box: Box
    countries: tuple[MapCountry, ...]
    places: tuple[MapPlace, ...]
    elsewhere: tuple[Entity, ...]


def located_places(story: Story) -> list[Entity]:
    """The story's places that have coordinates or a path."""
    return [e for e in story.facts.entities if e.type == "place" and _points(e)]


def story_map(story: Story, focus: str | None = None) -> LocatorMap | None:
    """The locator map of the story's region (or, for a faraway ``focus``, of its region)."""
    places = located_places(story)
    if not places:
        return None
    members = _cluster(places, focus)
    box, height = _frame(members)
    project = _projection(box, height)
    countries = _countries(story, box, height)
    drawn = _places(members, project, focus, box)
    elsewhere = tuple(p for p in places if p not in members)
    return LocatorMap(WIDTH, height, box, countries, drawn, elsewhere)


def _points(entity: Entity) -> list[Point]:
    points = [(c.lon, c.lat) for c in entity.path]
    if entity.coordinates:
        points.append((entity.coordinates.lon, entity.coordinates.lat))
    return points


def _extent_points(entity: Entity) -> list[Point]:
    """The points a map must show for the entity: its path, its centre, its area's edge."""
    points = _points(entity)
    if entity.coordinates and entity.extent_km:
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


def _frame(members: list[Entity]) -> tuple[Box, int]:
    """The box around the places, padded, at least a few degrees, in a usable aspect ratio."""
    points = [p for m in members for p in _extent_points(m)]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    mid_lat = (min(lats) + max(lats)) / 2
    squeeze = math.cos(math.radians(mid_lat))
    half_lat = max((max(lats) - min(lats)) * 0.65, MIN_SPAN_DEGREES / 2)
    half_lon = max((max(lons) - min(lons)) * 0.65, half_lat / squeeze)
    height = round(WIDTH * half_lat / (half_lon * squeeze))
    if height > MAX_HEIGHT:
        half_lon *= height / MAX_HEIGHT
    elif height < MIN_HEIGHT:
        half_lat *= MIN_HEIGHT / height
    height = max(MIN_HEIGHT, min(MAX_HEIGHT, height))
    mid_lon = (min(lons) + max(lons)) / 2
    box = Box(mid_lon - half_lon, mid_lat - half_lat, mid_lon + half_lon, mid_lat + half_lat)
    return box, height


class _Projection:
    """Equirectangular, scaled at the box's middle latitude: fine for a region."""

    def __init__(self, box: Box, height: int) -> None:
        self.box = box
        self.kx = WIDTH / (box.east - box.west)
        self.ky = height / (box.north - box.south)

    def __call__(self, point: Point) -> tuple[float, float]:
        return ((point[0] - self.box.west) * self.kx, (self.box.north - point[1]) * self.ky)


def _projection(box: Box, height: int) -> _Projection:
    return _Projection(box, height)


def _countries(story: Story, box: Box, height: int) -> tuple[MapCountry, ...]:
    in_story = {
        COUNTRY_NAMES.get(name, name).casefold()
        for e in story.facts.entities
        if e.type == "country"
        for name in (e.name, *e.aliases)
    }
    return tuple(
        MapCountry(name, path, name.casefold() in in_story, label)
        for name, path, label in _clipped_world(box, height)
    )


@functools.lru_cache(maxsize=32)
def _clipped_world(
    box: Box, height: int
) -> tuple[tuple[str, str, tuple[float, float] | None], ...]:
    """Every country's outline clipped to the box and projected: the same for every page and
    every build that frames the same region, and the slow part of a map, so computed once."""
    project = _projection(box, height)
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
        found.append((country.name, path, _label_point(max(rings, key=_area), project)))
    return tuple(found)


def _svg_ring(points: list[Point], project: _Projection) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for point in points:
        x, y = project(point)
        if not ring or abs(x - ring[-1][0]) + abs(y - ring[-1][1]) >= 0.8:
            ring.append((x, y))
    return ring if len(ring) >= 3 else []


def _area(ring: list[tuple[float, float]]) -> float:
    return (
        abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, [*ring[1:], ring[0]], strict=True)))
        / 2
    )


def _label_point(
    ring: list[tuple[float, float]], project: _Projection
) -> tuple[float, float] | None:
    """The middle of a country's largest visible part, if it is big enough to hold a name."""
    if _area(ring) < 2500:
        return None
    x = sum(p[0] for p in ring) / len(ring)
    y = sum(p[1] for p in ring) / len(ring)
    height = (project.box.north - project.box.south) * project.ky
    if not (40 <= x <= WIDTH - 40 and 20 <= y <= height - 10):
        return None
    return (x, y)


def _places(
    members: list[Entity], project: _Projection, focus: str | None, box: Box
) -> tuple[MapPlace, ...]:
    taken: list[tuple[float, float, float, float]] = []
    drawn = []
    for entity in sorted(members, key=lambda e: (not e.path, e.extent_km is None, e.id)):
        x, y = project(_centre(entity) if not entity.coordinates else _points(entity)[-1])
        route = " ".join(
            f"{px:.1f},{py:.1f}" for px, py in (project((c.lon, c.lat)) for c in entity.path)
        )
        radius = (entity.extent_km or 0) / KM_PER_DEGREE * project.ky
        label = entity.name + (" (approx.)" if entity.path or entity.extent_km else "")
        label_x, label_y, anchor = _label_spot(label, x, y, radius, taken)
        drawn.append(
            MapPlace(
                entity, label, x, y, route, radius, label_x, label_y, anchor, entity.id == focus
            )
        )
    return tuple(drawn)


def _label_spot(
    text: str, x: float, y: float, radius: float, taken: list[tuple[float, float, float, float]]
) -> tuple[float, float, str]:
    """A label position next to a point that overlaps no label placed before it."""
    width, height, gap = len(text) * 7.5 + 4, 15.0, max(radius, 6) + 3
    candidates = [
        (x + gap, y + 4, "start"),
        (x - gap, y + 4, "end"),
        (x, y - gap - 2, "middle"),
        (x, y + gap + height, "middle"),
    ]
    for label_x, label_y, anchor in candidates:
        left = label_x - (width if anchor == "end" else width / 2 if anchor == "middle" else 0)
        box = (left, label_y - height, left + width, label_y)
        inside = box[0] >= 0 and box[2] <= WIDTH
        if inside and not any(_overlap(box, other) for other in taken):
            taken.append(box)
            return label_x, label_y, anchor
    taken.append((x + gap, y - height + 4, x + gap + width, y + 4))
    return candidates[0]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])
