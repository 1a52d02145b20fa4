"""The story's places as GeoJSON (RFC 7946): what the site's locator map draws, as data.

Each place with ``coordinates`` is a Point feature (longitude, latitude), and each place with a
``path`` (a corridor, a road) a LineString feature of its points in order. Their properties give
the place's id, name, type and description, the address of its page on the site, what the
geometry stands for (``shape``: ``point``, ``area`` or ``route``) and whether it is
``approximate``: the rough centre of an area whose border the data does not have (with its
``extent_km``, a rough radius), a route drawn through a few points, or the outline the map
draws around an area's listed points (a Polygon feature, ``shape: outline``, their convex hull).
"""

from __future__ import annotations

import json
from typing import Any

from generator.corpus import Story
from generator.exports.links import StoryLinks
from generator.facts.fieldtypes import Coordinates
from generator.facts.schema import Entity
from generator.pages.mapgeometry import convex_hull


def places_geojson(story: Story, links: StoryLinks) -> str:
    """A FeatureCollection of the story's places, in the order of its facts (keys sorted)."""
    features = []
    for entity in story.facts.entities:
        if entity.coordinates is not None:
            features.append(_point(entity, entity.coordinates, links))
        if len(entity.path) >= 2:
            features.append(_route(entity, entity.path, links))
        if len(entity.outline) >= 3:
            features.append(_outline(entity, entity.outline, links))
    document = {"type": "FeatureCollection", "features": features}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _point(entity: Entity, where: Coordinates, links: StoryLinks) -> dict[str, Any]:
    area = entity.extent_km is not None
    geometry = {"type": "Point", "coordinates": _position(where)}
    properties = {
        "shape": "area" if area else "point",
        "approximate": area,
        "extent_km": entity.extent_km,
    }
    return _feature(entity.id, entity, geometry, properties, links)


def _route(entity: Entity, path: list[Coordinates], links: StoryLinks) -> dict[str, Any]:
    geometry = {"type": "LineString", "coordinates": [_position(point) for point in path]}
    properties = {"shape": "route", "approximate": True}
    # Ids never hold a slash: the route's feature id cannot be another place's.
    return _feature(f"{entity.id}/route", entity, geometry, properties, links)


def _outline(entity: Entity, points: list[Coordinates], links: StoryLinks) -> dict[str, Any]:
    """The convex hull of the points, counter-clockwise and closed, as RFC 7946 asks."""
    hull = convex_hull([(point.lon, point.lat) for point in points])
    ring = [[lon, lat] for lon, lat in [*hull, hull[0]]]
    geometry = {"type": "Polygon", "coordinates": [ring]}
    properties = {"shape": "outline", "approximate": True}
    return _feature(f"{entity.id}/outline", entity, geometry, properties, links)


def _feature(
    feature_id: str,
    entity: Entity,
    geometry: dict[str, Any],
    properties: dict[str, Any],
    links: StoryLinks,
) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": feature_id,
        "geometry": geometry,
        "properties": {
            "id": entity.id,
            "name": entity.name,
            "type": entity.type,
            "description": entity.description,
            "page": links.page(f"entity:{entity.id}"),
            **properties,
        },
    }


def _position(point: Coordinates) -> list[float]:
    """RFC 7946 positions are longitude first."""
    return [point.lon, point.lat]
