"""Rebuild generator/data/countries.json from the npm package world-atlas (Natural Earth).

Run after ``npm ci``: ``.venv/bin/python scripts/update_map_data.py``. The output is committed,
so building the site never needs npm. It holds every country's outline at 1:50m scale,
quantised to a grid of 1/50 degree (about 2 km) and delta-encoded, which is as fine as a
locator map drawn a few hundred pixels wide can show.

Natural Earth is in the public domain; world-atlas (ISC licence) only converts it to TopoJSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
TARGET = ROOT / "generator" / "data" / "countries.json"
GRID = 50
"""Grid cells per degree."""

Ring = list[tuple[int, int]]


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as lists of (lon, lat)."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> Ring:
    """One ring joined from its arcs (a negative index is arc ~i reversed), on the grid."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    ring: Ring = []
    for lon, lat in points:
        cell = (round(lon * GRID), round(lat * GRID))
        if not ring or cell != ring[-1]:
            ring.append(cell)
    return ring


def delta_encode(ring: Ring) -> list[int]:
    """A ring as a flat list: first point, then differences."""
    flat: list[int] = []
    previous = (0, 0)
    for x, y in ring:
        flat += [x - previous[0], y - previous[1]]
        previous = (x, y)
    return flat


def country_rings(geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> list[Ring]:
    """Every ring of a Polygon or MultiPolygon; rings that collapse on the grid are dropped."""
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    rings = [ring_points(ring, arcs) for polygon in polygons for ring in polygon]
    return [ring for ring in rings if len(ring) >= 4]


def map_data(topology: dict[str, Any], version: str) -> dict[str, Any]:
    """The vendored data: every country's rings, delta-encoded on the grid, with provenance."""
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") not in {"Polygon", "MultiPolygon"}:
            continue
        rings = country_rings(geometry, arcs)
        if rings:
            name = geometry["properties"]["name"]
            countries.append({"name": name, "rings": [delta_encode(r) for r in rings]})
    return {
        "source": f"Natural Earth 1:50m Admin 0 countries, via npm world-atlas {version}",
        "licence": "Natural Earth: public domain. world-atlas: ISC licence.",
        "grid": GRID,
        "countries": sorted(countries, key=lambda c: c["name"]),
    }


def serialise(data: dict[str, Any]) -> str:
    """The data file's exact text."""
    return json.dumps(data, separators=(",", ":")) + "\n"


def main() -> int:
    if not SOURCE.is_file():
        print(f"{SOURCE} is missing; run 'npm ci' first", file=sys.stderr)
        return 1
    topology = json.loads(SOURCE.read_text(encoding="utf-8"))
    package = json.loads((SOURCE.parent / "package.json").read_text(encoding="utf-8"))
    data = map_data(topology, package["version"])
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(serialise(data), encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(data['countries'])} countries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
