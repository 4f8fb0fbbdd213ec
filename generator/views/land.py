"""Natural Earth's land, coasts and borders as SVG path data for a map's view.

The basemap is vendored in `basemap/` (see its SOURCE.md: Natural Earth 4.1.0 at 1:50m,
public domain, from the npm package world-atlas).  A view gets only what lies in it:
rings are clipped to a box a little larger than the view (Sutherland–Hodgman, so a ring
stays a ring whose cut edges run outside the viewBox), lines cut with Liang–Barsky, then
projected and thinned to the drawn scale (whole units of the viewBox; Ramer–Douglas–
Peucker within half a unit).  Views are snapped by `views.map` to a few scales and
centres, so each is clipped once a build (`lru_cache`).
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

METRES_PER_DEGREE = 111_320.0  # along a meridian (and along the equator)


@dataclass(frozen=True, slots=True)
class Projection:
    """A map's projection, fitted to its marks: x = (lon - west) · k · s and
    y = (north - lat) · s in units of the viewBox, where k = cos(lat0) and s =
    `px_per_degree` (equirectangular, its standard parallel at lat0)."""

    width: int
    height: int
    west: float
    north: float
    px_per_degree: float  # along a meridian
    k: float  # cos(lat0)

    @property
    def east(self) -> float:
        return self.west + self.width / (self.px_per_degree * self.k)

    @property
    def south(self) -> float:
        return self.north - self.height / self.px_per_degree

    @property
    def lat0(self) -> float:
        return math.degrees(math.acos(self.k))

    @property
    def metres_per_px(self) -> float:
        return METRES_PER_DEGREE / self.px_per_degree

    def x(self, lon: float) -> float:
        return (lon - self.west) * self.k * self.px_per_degree

    def y(self, lat: float) -> float:
        return (self.north - lat) * self.px_per_degree


_Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class _Shape:
    points: _Ring
    west: float
    south: float
    east: float
    north: float


@cache
def _shapes() -> tuple[tuple[_Shape, ...], tuple[_Shape, ...]]:
    """The vendored land rings and border lines, as degrees, each with its bounds."""
    raw = json.loads(resources.files(__package__).joinpath("basemap/basemap.json").read_text(encoding="utf-8"))
    scale = raw["scale"]

    def decode(flat: list[int]) -> _Shape:
        points = []
        x = y = 0
        for i in range(0, len(flat), 2):
            x += flat[i]
            y += flat[i + 1]
            points.append((x / scale, y / scale))
        lons = [p[0] for p in points]
        lats = [p[1] for p in points]
        return _Shape(tuple(points), min(lons), min(lats), max(lons), max(lats))

    return tuple(decode(ring) for ring in raw["land"]), tuple(decode(line) for line in raw["borders"])


def land_paths(view: Projection) -> tuple[str, str]:
    """The land and the borders in view, as SVG path data."""
    return _paths(view.width, view.height, view.west, view.north, view.px_per_degree, view.k)


@lru_cache(maxsize=256)
def _paths(width: int, height: int, west: float, north: float, px_per_degree: float, k: float) -> tuple[str, str]:
    """The land and borders in view as SVG path data: clipped a little outside the view,
    projected, and thinned to what the scale can show (points closer than a unit merge;
    points within half a unit of a straight line are dropped)."""
    view = Projection(width, height, west, north, px_per_degree, k)
    margin = 4 / px_per_degree  # degrees: clipped edges fall outside the viewBox
    south, east = view.south - margin, view.east + margin / k
    lands, borders = _shapes()
    land_parts: list[str] = []
    border_parts: list[str] = []
    # The view may reach past 180° (a view across the antimeridian): the basemap is drawn
    # once more, moved by 360°, where it does.
    for offset in (-360.0, 0.0, 360.0):
        box = (west - margin / k - offset, south, east - offset, north + margin)
        if box[2] < -180 or box[0] > 180:
            continue
        for shape in lands:
            if _outside(shape, box):
                continue
            clipped = _clip_ring(shape.points, box)
            path = _path(clipped, view, offset, closed=True)
            if path:
                land_parts.append(path)
        for shape in borders:
            if _outside(shape, box):
                continue
            for piece in _clip_line(shape.points, box):
                path = _path(piece, view, offset, closed=False)
                if path:
                    border_parts.append(path)
    return "".join(land_parts), "".join(border_parts)


def _outside(shape: _Shape, box: tuple[float, float, float, float]) -> bool:
    west, south, east, north = box
    return shape.east < west or shape.west > east or shape.north < south or shape.south > north


def _clip_ring(points: _Ring, box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """Sutherland–Hodgman against each side of the box: a ring stays a ring (its cut
    edges run along the box, outside the viewBox)."""
    west, south, east, north = box
    output = list(points)
    # Each side: the coordinate it bounds (0 longitude, 1 latitude), its value, and
    # whether the inside is above it.
    for axis, bound, above in ((0, west, True), (0, east, False), (1, south, True), (1, north, False)):
        if not output:
            break
        source, output = output, []
        previous = source[-1]
        was_inside = (previous[axis] >= bound) == above
        for point in source:
            inside = (point[axis] >= bound) == above
            if inside != was_inside:
                output.append(_cut(previous, point, axis, bound))
            if inside:
                output.append(point)
            previous, was_inside = point, inside
    return output


def _cut(a: tuple[float, float], b: tuple[float, float], axis: int, bound: float) -> tuple[float, float]:
    """Where the segment ab crosses the line at `bound` on `axis`."""
    t = (bound - a[axis]) / (b[axis] - a[axis])
    crossing = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
    return (bound, crossing[1]) if axis == 0 else (crossing[0], bound)


def _clip_line(points: _Ring, box: tuple[float, float, float, float]) -> list[list[tuple[float, float]]]:
    """The pieces of a line inside the box (each segment cut with Liang–Barsky)."""
    west, south, east, north = box
    pieces: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    for a, b in itertools.pairwise(points):
        dx, dy = b[0] - a[0], b[1] - a[1]
        low, high = 0.0, 1.0
        keep = True
        for p, q in ((-dx, a[0] - west), (dx, east - a[0]), (-dy, a[1] - south), (dy, north - a[1])):
            if p == 0:
                if q < 0:
                    keep = False
                    break
                continue
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
            if low > high:
                keep = False
                break
        if not keep:
            if current:
                pieces.append(current)
                current = []
            continue
        start = (a[0] + dx * low, a[1] + dy * low)
        end = (a[0] + dx * high, a[1] + dy * high)
        if not current:
            current = [start]
        current.append(end)
        if high < 1.0:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return pieces


def _path(points: Sequence[tuple[float, float]], view: Projection, offset: float, *, closed: bool) -> str:
    """Points as SVG path data in whole units of the viewBox, relative after the first."""
    projected: list[tuple[int, int]] = []
    for lon, lat in points:
        here = (round(view.x(lon + offset)), round(view.y(lat)))
        if not projected or projected[-1] != here:
            projected.append(here)
    if closed and len(projected) > 1 and projected[0] == projected[-1]:
        projected.pop()
    projected = _thin(projected, closed=closed)
    if len(projected) < (3 if closed else 2):
        return ""
    x0, y0 = projected[0]
    parts = [f"M{x0} {y0}"]
    step = []
    for (ax, ay), (bx, by) in itertools.pairwise(projected):
        step.append(_pair(bx - ax, by - ay))
    parts.append("l" + "".join(step).lstrip(" "))
    if closed:
        parts.append("z")
    return "".join(parts)


def _pair(dx: int, dy: int) -> str:
    # SVG needs no separator before a minus sign.
    return f"{'' if dx < 0 else ' '}{dx}{'' if dy < 0 else ' '}{dy}"


def _thin(points: list[tuple[int, int]], *, closed: bool) -> list[tuple[int, int]]:
    """Ramer–Douglas–Peucker with a tolerance of half a unit (iterative, on whole units)."""
    if len(points) < 3:
        return points
    if closed:
        points = [*points, points[0]]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        ax, ay = points[start]
        bx, by = points[end]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        farthest, index = 0.0, -1
        for i in range(start + 1, end):
            px, py = points[i]
            distance = abs(dy * (px - ax) - dx * (py - ay)) / length if length else math.hypot(px - ax, py - ay)
            if distance > farthest:
                farthest, index = distance, i
        if farthest > 0.5 and index > 0:
            keep[index] = True
            stack += ((start, index), (index, end))
    thinned = [point for point, kept in zip(points, keep, strict=True) if kept]
    return thinned[:-1] if closed else thinned
