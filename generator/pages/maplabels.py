"""Where a locator map's labels go: next to their place, inside their country, never on top of
one another or of another place's marker.

Labels are placed greedily, most important first (places, then the story's countries, then
the others, largest first): each takes the first of its candidate spots whose box stays on the
map and overlaps no label placed before it and no marker. A box is estimated from the number of
characters at a width per character that errs wide, so labels drawn in a narrower font keep
their distance; the browser tests measure the real boxes.
"""

from __future__ import annotations

import functools
import math
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.pages.mapgeometry import XY, Rect, contains, edge_distance, overlaps

CHAR_EM = {"place": 0.64, "area": 0.64, "country": 0.8, "note": 0.6}
"""Width of an average character, in ems, by kind of label (country names are capitals,
spaced out)."""
LINE = 1.15
MARGIN = 3.0
GRID = 12.0


@dataclass(frozen=True)
class Label:
    """A label's lines, where its first baseline starts, and the box it takes."""

    lines: tuple[str, ...]
    x: float
    y: float
    anchor: str
    kind: str
    box: Rect
    step: float
    """Distance between baselines, in map units."""


@dataclass(frozen=True)
class Request:
    """A label to place: its text, and the spots it may take, best first."""

    name: str
    lines: tuple[str, ...]
    kind: str
    markers: tuple[tuple[float, float, float], ...] = ()
    """Points it may stand beside, each with the radius kept clear around it."""
    polygon: tuple[XY, ...] = ()
    """An outline it may stand inside (a country, an area), preferred where given."""


@dataclass
class Layout:
    """The labels of one map at one text size, and what got none."""

    width: float
    height: float
    size: float
    obstacles: list[Rect] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def place(self, request: Request) -> Label | None:
        """Give ``request`` the first free spot, or note that it has none."""
        for label in self._candidates(request):
            if self._free(label.box):
                self.labels.append(label)
                return label
        self.missed.append(request.name)
        return None

    def _free(self, box: Rect) -> bool:
        on_map = box[0] >= 1 and box[1] >= 1 and box[2] <= self.width - 1
        if not (on_map and box[3] <= self.height - 1):
            return False
        grown = (box[0] - MARGIN, box[1] - MARGIN, box[2] + MARGIN, box[3] + MARGIN)
        taken = [label.box for label in self.labels]
        return not any(overlaps(grown, other) for other in taken) and not any(
            overlaps(box, other) for other in self.obstacles
        )

    def _candidates(self, request: Request) -> Iterator[Label]:
        if request.polygon:
            yield from self._inside(request)
        for x, y, radius in request.markers:
            yield from self._beside(request, x, y, radius)

    def _inside(self, request: Request) -> Iterator[Label]:
        """Spots inside the outline, deepest first; wholly inside before partly."""
        polygon = list(request.polygon)
        partly = []
        for x, y in _deepest_spots(request.polygon):
            label = self._label(request, x, y, "middle", centred=True)
            if _box_inside(polygon, label.box):
                yield label
            else:
                partly.append(label)
        yield from partly

    def _beside(self, request: Request, x: float, y: float, radius: float) -> Iterator[Label]:
        gap = radius + 0.3 * self.size
        diagonal = gap * math.sqrt(0.5)
        for dx, dy, anchor in (
            (gap, 0.0, "start"),
            (-gap, 0.0, "end"),
            (0.0, -gap, "middle"),
            (0.0, gap, "middle"),
            (diagonal, -diagonal, "start"),
            (diagonal, diagonal, "start"),
            (-diagonal, -diagonal, "end"),
            (-diagonal, diagonal, "end"),
        ):
            yield self._label(request, x + dx, y + dy, anchor, centred=dy == 0, below=dy > 0)

    def _label(
        self,
        request: Request,
        x: float,
        y: float,
        anchor: str,
        *,
        centred: bool,
        below: bool = False,
    ) -> Label:
        """The label whose box is beside (x, y) on the side ``anchor`` and ``below`` say."""
        size, count = self.size, len(request.lines)
        width = max(len(line) for line in request.lines) * size * CHAR_EM[request.kind] + 2
        height = size * (LINE * (count - 1) + 1.1)
        left = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
        top = y - height / 2 if centred else y if below else y - height
        baseline = top + 0.85 * size
        box = (left, top, left + width, top + height)
        return Label(request.lines, x, baseline, anchor, request.kind, box, LINE * size)


@functools.lru_cache(maxsize=256)
def _deepest_spots(polygon: tuple[XY, ...]) -> tuple[XY, ...]:
    """Grid points inside the outline, farthest from its edge first: the same for every page
    that draws the same region, so computed once."""
    ring = list(polygon)
    return tuple(sorted(_grid_inside(ring), key=lambda p: -edge_distance(ring, p)))


def _grid_inside(polygon: list[XY]) -> list[XY]:
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    columns = range(int(min(xs) // GRID), int(max(xs) // GRID) + 1)
    rows = range(int(min(ys) // GRID), int(max(ys) // GRID) + 1)
    spots = [((c + 0.5) * GRID, (r + 0.5) * GRID) for c in columns for r in rows]
    return [spot for spot in spots if contains(polygon, spot)]


def _box_inside(polygon: list[XY], box: Rect) -> bool:
    corners = [(box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])]
    return all(contains(polygon, corner) for corner in corners)


def label_lines(name: str, longest: int = 18) -> tuple[str, ...]:
    """A name on the lines of its label: another name in brackets ("Stepanakert
    (Khankendi)") on a line of its own, and a long name wrapped between words."""
    head, bracket, rest = name.partition(" (")
    parts = [head, f"({rest}"] if bracket and len(name) > longest - 4 else [name]
    return tuple(
        line for part in parts for line in textwrap.wrap(part, longest, break_long_words=False)
    )
