"""Country outlines for locator maps: the vendored Natural Earth data, clipped to a box.

``generator/data/countries.json`` is written by ``scripts/update_map_data.py`` from the npm
package world-atlas; it covers the whole world, so any story's region can be drawn offline.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parents[1] / "data" / "countries.json"
KM_PER_DEGREE = 111.32
"""Kilometres per degree of latitude."""

Point = tuple[float, float]
"""(longitude, latitude) in degrees."""


@dataclass(frozen=True)
class Box:
    """A longitude/latitude rectangle."""

    west: float
    south: float
    east: float
    north: float

    def intersects(self, other: Box) -> bool:
        """Whether the two boxes overlap."""
        return not (
            other.west > self.east
            or other.east < self.west
            or other.south > self.north
            or other.north < self.south
        )


@dataclass(frozen=True)
class Country:
    """A country's outline: rings of (lon, lat), with the box around them."""

    name: str
    rings: tuple[tuple[Point, ...], ...]
    box: Box


@functools.cache
def world() -> tuple[Country, ...]:
    """Every country of the vendored data set."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    grid = data["grid"]
    return tuple(_country(c["name"], c["rings"], grid) for c in data["countries"])


def data_source() -> str:
    """Where the outlines come from and under which licence, for map captions."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return f"{data['source']}. {data['licence']}"


def _country(name: str, encoded: list[list[int]], grid: int) -> Country:
    rings = tuple(_decode(flat, grid) for flat in encoded)
    lons = [p[0] for ring in rings for p in ring]
    lats = [p[1] for ring in rings for p in ring]
    return Country(name, rings, Box(min(lons), min(lats), max(lons), max(lats)))


def _decode(flat: list[int], grid: int) -> tuple[Point, ...]:
    x = y = 0
    points = []
    for index in range(0, len(flat), 2):
        x, y = x + flat[index], y + flat[index + 1]
        points.append((x / grid, y / grid))
    return tuple(points)


def clip_ring(ring: tuple[Point, ...], box: Box) -> list[Point]:
    """The part of a closed ring inside ``box`` (Sutherland–Hodgman, one edge at a time)."""
    points = list(ring)
    for axis, bound, keep_above in (
        (0, box.west, True),
        (0, box.east, False),
        (1, box.south, True),
        (1, box.north, False),
    ):
        points = _clip_edge(points, axis, bound, keep_above)
    return points


def _clip_edge(points: list[Point], axis: int, bound: float, keep_above: bool) -> list[Point]:
    def inside(point: Point) -> bool:
        return point[axis] >= bound if keep_above else point[axis] <= bound

    def cross(a: Point, b: Point) -> Point:
        t = (bound - a[axis]) / (b[axis] - a[axis])
        other = 1 - axis
        value = a[other] + t * (b[other] - a[other])
        return (bound, value) if axis == 0 else (value, bound)

    clipped: list[Point] = []
    for index, current in enumerate(points):
        previous = points[index - 1]
        if inside(current):
            if not inside(previous):
                clipped.append(cross(previous, current))
            clipped.append(current)
        elif inside(previous):
            clipped.append(cross(previous, current))
    return clipped


def distance_km(a: Point, b: Point) -> float:
    """Great-circle distance between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


HOME_BOX_DEGREES = 25.0
"""A country wider or taller than this is never framed whole (Russia, Chile)."""


def home_box(point: Point, names: frozenset[str]) -> Box | None:
    """The box of the country among ``names`` (casefolded) whose outline holds ``point``, if it
    is small enough to frame whole."""
    for country in world():
        box = country.box
        if country.name.casefold() not in names or not _box_holds(box, point):
            continue
        small = (
            box.east - box.west <= HOME_BOX_DEGREES and box.north - box.south <= HOME_BOX_DEGREES
        )
        if small and any(_ring_holds(ring, point) for ring in country.rings):
            return box
    return None


def _box_holds(box: Box, point: Point) -> bool:
    return box.west <= point[0] <= box.east and box.south <= point[1] <= box.north


def _ring_holds(ring: tuple[Point, ...], point: Point) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, (*ring[1:], ring[0]), strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def country_at(point: Point) -> str | None:
    """The name of the country whose outline holds ``point``, if any."""
    for country in world():
        if _box_holds(country.box, point) and any(_ring_holds(r, point) for r in country.rings):
            return country.name
    return None
