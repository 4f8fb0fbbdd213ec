"""The circles events.kml draws for a place known only to a radius: that far from it on
the sphere, counter-clockwise as KML's rings are, and within the map's longitudes where
they cross the antimeridian or reach a pole."""

from __future__ import annotations

import itertools
import math

import pytest

from generator.core.model import Coordinates
from generator.exports import EARTH_RADIUS, circle


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lon1, lat1), (lon2, lat2) = (tuple(map(math.radians, point)) for point in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("latitude", "longitude", "radius"),
    [(34.4536, 40.9185, 5_000), (0, 179.99, 100_000), (89.9, 10, 400_000), (-60, -179.5, 25_000)],
)
def test_every_vertex_is_the_radius_away_and_on_the_map(latitude, longitude, radius):
    ring = circle(Coordinates(latitude, longitude), radius, vertices=32)
    assert len(ring) == 33 and ring[0] == ring[-1]
    for lon, lat in ring:
        assert -180 <= lon < 180 and -90 <= lat <= 90
        assert metres((longitude, latitude), (lon, lat)) == pytest.approx(radius, rel=1e-9)


def test_the_ring_turns_counter_clockwise():
    ring = circle(Coordinates(34.4536, 40.9185), 25_000)
    # The shoelace formula: positive for a counter-clockwise ring (longitude as x, latitude as y).
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))
    assert area > 0
    assert ring[0][1] > 34.4536 and ring[1][0] < ring[0][0]  # it starts north and turns west
