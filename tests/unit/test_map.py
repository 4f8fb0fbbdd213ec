"""The map drawn at build time (generator/views/map.py): precision drawn, never hidden;
marks merged with counts that add up; the vendored basemap as its SOURCE.md says."""

from __future__ import annotations

import hashlib
import math
import random
import re
from pathlib import Path

import pytest

from generator import urls
from generator.core.dates import parse_date
from generator.core.geo import PRECISION_RADII, Precision, parse_precision
from generator.core.model import Coordinates, Event, Place
from generator.text import load_text
from generator.views import map as drawing
from generator.views.map import MAX_MARKS, MIN_RADIUS, Located, map_view

BASEMAP = Path(drawing.__file__).parent / "basemap"
TEXT = load_text("en")


def event(number: int, date: str = "2023-12-25", place: str | None = None) -> Event:
    return Event(
        id=f"event-{number}",
        path=f"content/events/event-{number}.md",
        body="Happened.\n",
        title=f"Event {number}",
        date=parse_date(date),
        place=place,
    )


def at(number: int, lat: float, lon: float, precision: str | None = "town", **fields: object) -> Located:
    where = Coordinates(lat, lon, parse_precision(precision) if precision else None)
    return Located(event(number, **fields), where, None)  # type: ignore[arg-type]


def place(place_id: str, lat: float, lon: float, precision: str = "town") -> Place:
    return Place(
        id=place_id,
        path=f"content/places/{place_id}.md",
        body="",
        name=place_id.title(),
        coordinates=Coordinates(lat, lon, parse_precision(precision)),
    )


def plain(label: str) -> str:
    """A label without the marks that isolate an editor's words (FSI, PDI)."""
    return label.replace("\u2068", "").replace("\u2069", "")


def test_an_editors_words_keep_their_own_direction():
    view = map_view([at(1, 36.19, 44.01, "site", place="أربيل")], load_text("ar"))
    assert view is not None
    assert "\u2068Event 1\u2069" in view.marks[0].label and "\u2068أربيل\u2069" in view.marks[0].label


def test_the_basemap_is_the_one_its_source_names():
    source = (BASEMAP / "SOURCE.md").read_text(encoding="utf-8")
    recorded = re.search(r"`basemap.json`'s SHA-256[^`]*`([0-9a-f]{64})`", source)
    assert recorded, "SOURCE.md records basemap.json's checksum"
    assert hashlib.sha256((BASEMAP / "basemap.json").read_bytes()).hexdigest() == recorded[1]
    assert "public domain" in source and "`world-atlas` 2.0.2" in source and "4.1.0" in source


def test_a_chronology_without_locations_has_no_map():
    assert map_view([], TEXT) is None


@pytest.mark.parametrize("word", ["district", "province", "country"])
def test_a_coarse_place_is_drawn_as_large_as_it_is_known_and_never_as_a_point(word):
    located = [at(1, 34.45, 40.92, word), at(2, 36.19, 44.01, "exact")]
    view = map_view(located, TEXT)
    assert view is not None
    coarse = next(mark for mark in view.marks if mark.events == "event-1")
    assert coarse.coarse  # a faint, dashed area
    assert coarse.r >= PRECISION_RADII[word] / view.scale - 0.1  # its radius at the drawn scale
    assert coarse.r > MIN_RADIUS
    assert coarse.metres == PRECISION_RADII[word]
    sharp = next(mark for mark in view.marks if mark.events == "event-2")
    assert not sharp.coarse and sharp.r == MIN_RADIUS  # exact: a small solid dot


def test_a_radius_in_metres_is_drawn_at_scale():
    view = map_view([at(1, 34.45, 40.92, "60 km"), at(2, 30.0, 47.0, "site")], TEXT)
    assert view is not None
    mark = next(mark for mark in view.marks if mark.events == "event-1")
    assert mark.coarse and mark.r >= 60_000 / view.scale - 0.1
    assert "precision: 60 km" in plain(mark.label)


def test_a_precision_not_given_is_drawn_as_a_town_dashed_and_said():
    view = map_view([at(1, 34.45, 40.92, None)], TEXT, "locator")
    assert view is not None
    (mark,) = view.marks
    assert mark.coarse and mark.metres == PRECISION_RADII["town"]
    assert plain(mark.label) == "Event 1 (precision: not given)"


def test_one_event_at_a_town_shows_its_region_not_its_streets():
    view = map_view([at(1, 36.19, 44.01, "exact")], TEXT)
    assert view is not None
    assert view.north - view.south >= 3.0
    assert view.land  # some land is in view
    assert view.west <= 44.01 <= view.east and view.south <= 36.19 <= view.north


def test_marks_that_overlap_are_merged_and_their_counts_add_up():
    rng = random.Random(3)
    towns = [(rng.uniform(30, 40), rng.uniform(35, 48)) for _ in range(12)]
    located = []
    for number in range(2000):
        lat, lon = towns[number % len(towns)]
        precision = rng.choice(("exact", "site", "neighbourhood", "town", "district", "province", None))
        located.append(at(number, lat + rng.uniform(-0.05, 0.05), lon + rng.uniform(-0.05, 0.05), precision))
    view = map_view(located, TEXT)
    assert view is not None
    assert sum(mark.count for mark in view.marks) == len(located) == view.located
    assert len(view.marks) <= 100  # a dozen towns, not 2,000 dots
    for mark in view.marks:
        if mark.count > 1:
            assert mark.path == f"#{mark.anchor}" or mark.place
            assert plain(mark.label).startswith(f"{mark.count:,} events")
    assert len({mark.anchor for mark in view.marks}) == len(view.marks)


def test_the_list_names_the_busiest_places_of_a_mark_and_counts_the_rest():
    located = [at(n, 36.19 + n / 10_000, 44.01, "exact") for n in range(30)]
    view = map_view(located, TEXT)
    assert view is not None
    (mark,) = view.marks
    assert len(mark.parts) == drawing.MAX_PARTS and mark.more == 30 - drawing.MAX_PARTS
    assert mark.events == ""  # too many to list: the list under the map links them


def test_no_map_draws_more_than_its_cap_of_marks():
    rng = random.Random(5)
    located = [at(number, rng.uniform(-60, 70), rng.uniform(-180, 180), "exact") for number in range(20_000)]
    view = map_view(located, TEXT)
    assert view is not None
    assert len(view.marks) <= MAX_MARKS
    assert sum(mark.count for mark in view.marks) == 20_000


def test_a_merged_mark_covers_its_members():
    located = [at(1, 36.19, 44.01, "exact"), at(2, 36.20, 44.03, "site"), at(3, 36.18, 44.00, "exact")]
    view = map_view(located, TEXT)
    assert view is not None
    (mark,) = view.marks
    assert mark.count == 3 and mark.path == f"#{mark.anchor}"
    assert plain(mark.label) == "3 events near Event 1 (precision: exact to site)"
    assert [part.name for part in mark.parts] == ["Event 1", "Event 2", "Event 3"]
    assert mark.events == "event-1 event-2 event-3"


def test_events_at_one_place_lead_to_its_page():
    erbil = place("erbil", 36.19, 44.01)
    located = [Located(event(n), erbil.coordinates, erbil) for n in range(3)]  # type: ignore[arg-type]
    view = map_view(located, TEXT)
    assert view is not None
    (mark,) = view.marks
    assert mark.path == urls.place("erbil") == "places/erbil/"
    assert mark.place == "erbil" and plain(mark.label) == "3 events at Erbil (precision: town)"


def test_one_event_leads_to_its_page():
    view = map_view([at(7, 36.19, 44.01, "site", place="Erbil airport")], TEXT)
    assert view is not None
    assert (
        view.marks[0].path == "events/event-7/"
        and plain(view.marks[0].label) == "Event 7, at Erbil airport (precision: site)"
    )


def test_a_group_carries_the_days_of_its_events():
    located = [at(1, 36.19, 44.01, date="2023-12-25"), at(2, 36.19, 44.01, date="2024-01")]
    located[1] = Located(located[1].event, located[0].where, None)
    view = map_view(located, TEXT)
    assert view is not None
    (mark,) = view.marks
    assert (mark.first, mark.last) == ("2023-12-25", "2024-01-31")


def test_marks_across_the_antimeridian_are_drawn_side_by_side():
    view = map_view([at(1, -17.7, 178.0, "town"), at(2, -13.8, -172.0, "town")], TEXT)  # Fiji, Samoa
    assert view is not None
    assert view.east - view.west < 40  # not the whole world
    assert view.west < 178 and view.east > 188
    assert all(0 <= mark.x <= view.width for mark in view.marks)
    assert {mark.longitude for mark in view.marks} == {178.0, -172.0}
    assert view.land  # Fiji's islands, drawn once more east of 180°


def test_the_same_events_draw_the_same_map_in_any_order():
    rng = random.Random(9)
    located = [at(n, rng.uniform(30, 37), rng.uniform(38, 45), rng.choice(("exact", "province"))) for n in range(300)]
    first = map_view(located, TEXT)
    assert first == map_view(located, TEXT)


def test_the_view_fits_every_mark():
    located = [at(1, 10.0, 10.0, "exact"), at(2, 50.0, 60.0, "province")]
    view = map_view(located, TEXT)
    assert view is not None
    for mark in view.marks:
        assert 0 <= mark.x <= view.width and 0 <= mark.y <= view.height


def test_the_land_path_stays_near_the_view():
    view = map_view([at(1, 36.19, 44.01, "town")], TEXT)
    assert view is not None
    xs, ys = _absolute(view.land)
    assert min(xs) >= -10 and max(xs) <= view.width + 10
    assert min(ys) >= -10 and max(ys) <= view.height + 10


def _absolute(path: str) -> tuple[list[int], list[int]]:
    xs, ys = [], []
    for piece in re.findall(r"M[^M]*", path):
        numbers = [int(n) for n in re.findall(r"-?\d+", piece)]
        x, y = numbers[0], numbers[1]
        xs.append(x)
        ys.append(y)
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            xs.append(x)
            ys.append(y)
    return xs, ys


def test_precision_words_are_translated():
    french = load_text("fr")
    view = map_view([at(1, 34.45, 40.92, "province")], french, "locator")
    assert view is not None
    assert plain(view.marks[0].label) == "Event 1 (précision : province)"
    assert view.title == "Carte de 1 événement"


def test_radius_words_at_every_precision_are_positive():
    for word, metres in PRECISION_RADII.items():
        assert parse_precision(word) == Precision(metres, word)
        assert math.isfinite(metres) and metres > 0


def test_events_with_their_own_coordinates_are_listed_under_the_place_they_name():
    erbil = place("erbil", 36.19, 44.01, "neighbourhood")
    located = [Located(event(n), erbil.coordinates, erbil) for n in range(2)]  # type: ignore[arg-type]
    own = Event(**{**_fields(event(5)), "coordinates": Coordinates(36.2, 44.02, parse_precision("site"))})
    located.append(Located(own, own.coordinates, erbil))  # type: ignore[arg-type]
    view = map_view(located, TEXT)
    assert view is not None
    (mark,) = view.marks
    assert plain(mark.label) == "3 events at Erbil (precision: site to neighbourhood)"
    assert mark.path == "places/erbil/" and mark.place == "erbil" and mark.parts == ()


def _fields(value: Event) -> dict[str, object]:
    return {name: getattr(value, name) for name in ("id", "path", "body", "title", "date", "place")}


def test_marks_all_over_the_world_are_drawn_on_the_usual_world_map():
    rng = random.Random(4)
    located = [at(n, rng.uniform(-45, 65), rng.uniform(-170, 175), "exact") for n in range(500)]
    view = map_view(located, TEXT)
    assert view is not None
    assert view.east - view.west <= 360.0001 and -90 <= view.south < view.north <= 90
    assert view.west >= -181 and view.east <= 181  # not moved across the antimeridian
    assert all(-1 <= mark.x <= view.width + 1 and -1 <= mark.y <= view.height + 1 for mark in view.marks)


def test_a_ring_is_clipped_to_the_box_and_stays_a_ring():
    from generator.views.land import _clip_line, _clip_ring

    square = ((-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0))
    clipped = _clip_ring(square, (0.0, 0.0, 20.0, 20.0))
    assert sorted(clipped) == [(0.0, 0.0), (0.0, 10.0), (10.0, 0.0), (10.0, 10.0)]
    assert _clip_ring(square, (20.0, 20.0, 30.0, 30.0)) == []
    line = ((-10.0, 5.0), (30.0, 5.0))
    assert _clip_line(line, (0.0, 0.0, 20.0, 20.0)) == [[(0.0, 5.0), (20.0, 5.0)]]
