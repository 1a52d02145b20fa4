"""Plane geometry for locator maps, in the map's own units (x right, y down).

Outlines of approximate areas (a convex hull with rounded corners), point-in-polygon, the
distance from a point to a polygon's edge (how deep inside a label sits), rectangles that
overlap, and the length of a scale bar in round kilometres.
"""

from __future__ import annotations

import itertools
import math

XY = tuple[float, float]
Rect = tuple[float, float, float, float]
"""left, top, right, bottom."""

NICE_STEPS = (1, 2, 5)


def convex_hull(points: list[XY]) -> list[XY]:
    """The convex hull, counter-clockwise where y points up, as latitude does (Andrew's
    monotone chain)."""
    unique = sorted(set(points))
    if len(unique) <= 2:
        return unique

    def cross(o: XY, a: XY, b: XY) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[XY] = []
    upper: list[XY] = []
    for point in unique:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    for point in reversed(unique):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return lower[:-1] + upper[:-1]


def rounded_outline(points: list[XY], pad: float, steps: int = 10) -> list[XY]:
    """The hull of ``points`` grown by ``pad`` all round, with round corners: a smooth line
    around the points that keeps as close to them as ``pad`` allows."""
    around = [
        (x + pad * math.cos(2 * math.pi * k / steps), y + pad * math.sin(2 * math.pi * k / steps))
        for x, y in points
        for k in range(steps)
    ]
    return convex_hull(around)


def contains(polygon: list[XY], point: XY) -> bool:
    """Whether ``point`` lies inside ``polygon`` (even-odd rule)."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def edge_distance(polygon: list[XY], point: XY) -> float:
    """How far ``point`` is from the nearest edge of ``polygon``."""
    return min(
        _segment_distance(point, a, b)
        for a, b in zip(polygon, [*polygon[1:], polygon[0]], strict=True)
    )


def _segment_distance(point: XY, a: XY, b: XY) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length
    t = max(0.0, min(1.0, t))
    return math.hypot(point[0] - a[0] - t * dx, point[1] - a[1] - t * dy)


def area(ring: list[XY]) -> float:
    """The area a ring encloses (shoelace formula)."""
    if len(ring) < 3:
        return 0.0
    pairs = zip(ring, [*ring[1:], ring[0]], strict=True)
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in pairs)) / 2


def overlaps(a: Rect, b: Rect) -> bool:
    """Whether two rectangles share any area."""
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


def round_km(most: float) -> int:
    """The largest round distance (1, 2 or 5 times a power of ten) of at most ``most`` km."""
    most = max(most, 1.0)
    power: int = 10 ** math.floor(math.log10(most))
    return max(step * power for step in NICE_STEPS if step * power <= most)


def along(points: list[XY], spacing: float) -> list[XY]:
    """Points every ``spacing`` units along a polyline, its ends included."""
    found = [points[0]]
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        count = max(1, math.ceil(math.hypot(x2 - x1, y2 - y1) / spacing))
        found += [
            (x1 + (x2 - x1) * k / count, y1 + (y2 - y1) * k / count) for k in range(1, count + 1)
        ]
    return found
