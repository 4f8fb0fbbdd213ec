"""Coordinates on events: validated, shown with a geo: link, carried by every data file."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import build_strict, event_file, run_mkdocs, write_project

WHERE = """
coordinates:
  latitude: 34.4536
  longitude: 40.9185
  precision: town
place: Albu Kamal
"""


@pytest.fixture(scope="module")
def mapped(tmp_path_factory):
    events = {"strike.md": event_file("Strike", "2023-12-25", WHERE), "talk.md": event_file("Talk", "2023-12-26")}
    config = "site_url: https://example.org/chronology/\n"
    return build_strict(tmp_path_factory.mktemp("mapped"), events, {}, config)


def test_the_page_shows_coordinates_with_a_geo_link(mapped):
    shown = mapped.page("events/strike/").select_one(".tl-coordinates")
    assert shown.a["href"] == "geo:34.4536,40.9185"
    assert " ".join(shown.get_text().split()) == "34.4536, 40.9185 (precision: the town, about 5 km)"
    assert mapped.page("events/talk/").select_one(".tl-coordinates") is None


def test_coordinates_in_json_csv_json_ld_and_geojson(mapped):
    events = {e["id"]: e for e in json.loads((mapped.site / "events.json").read_text())["events"]}
    assert events["strike"]["coordinates"] == {
        "latitude": 34.4536,
        "longitude": 40.9185,
        "precision": "town",
        "radius_m": 5000.0,
    }
    assert events["talk"]["coordinates"] is None
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((mapped.site / "timeline.csv").read_text("utf-8-sig")))}
    assert (rows["strike"]["latitude"], rows["strike"]["longitude"]) == ("34.4536", "40.9185")
    script = mapped.page("events/strike/").select_one('script[type="application/ld+json"]')
    location = json.loads(script.string)["location"]
    assert location == {
        "@type": "Place",
        "name": "Albu Kamal",
        # Known to the town: a circle of the town's size, not a point.
        "geo": {
            "@type": "GeoCircle",
            "geoMidpoint": {"@type": "GeoCoordinates", "latitude": 34.4536, "longitude": 40.9185},
            "geoRadius": 5000.0,
        },
    }
    geo = json.loads((mapped.site / "events.geojson").read_text())
    assert geo["type"] == "FeatureCollection" and [f["id"] for f in geo["features"]] == ["strike"]
    feature = geo["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [40.9185, 34.4536]}  # longitude first
    assert feature["properties"]["url"] == "https://example.org/chronology/events/strike/"
    assert feature["properties"]["date"]["earliest"] == "2023-12-25"


@pytest.mark.parametrize(
    ("coordinates", "message"),
    [
        ("{latitude: 40.9, longitude: 134.45}", None),
        (
            "{latitude: 134.45, longitude: 40.9}",
            "latitude 134.45 is not between -90 and 90; latitude and longitude look swapped; expected decimal degrees north (negative: south); did you mean 'latitude: 40.9, longitude: 134.45'?",
        ),
        ("{latitude: 10, longitude: 200}", "longitude 200 is not between -180 and 180"),
        ("{latitude: 10}", "coordinates"),
        (
            "{latitude: north, longitude: 2}",
            "coordinates.latitude: 'north' is not valid; expected a number of decimal degrees",
        ),
    ],
)
def test_wrong_coordinates_are_named(tmp_path, coordinates, message):
    write_project(tmp_path, {"a.md": event_file("A", "2023-01-01", f"coordinates: {coordinates}")}, {})
    build = run_mkdocs(tmp_path, "--strict")
    if message is None:
        assert build.returncode == 0, build.output
        return
    assert build.returncode != 0 and "Traceback" not in build.output
    assert "content/events/a.md:4: coordinates" in build.output and message in build.output, build.output
