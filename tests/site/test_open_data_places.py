"""Places in the open data: events.json names an event's place and says where a map
draws it (its own coordinates, else its place's, else those of a place it lies in);
places.json and places.geojson list every place; events.kml, read as a KML reader reads
it, draws each event as precisely as it is known: a point at the site, a faint circle of
the precision's radius past it, never a sharp pin for a province."""

from __future__ import annotations

import bz2
import csv
import io
import json
import math
import warnings
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from tests.conftest import SOURCE_BLOCK, build_strict, event_file

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "Package `lxml` missing")  # lxml only pretty-prints; the reading is the same
    from fastkml import kml

SITE = "https://example.org/chronology/"
KML = "{http://www.opengis.net/kml/2.2}"
HOSTILE = '<script>alert(1)</script> & "T-4"'


def place_file(name: str, extra: str = "") -> str:
    return f"---\nname: {json.dumps(name)}\n{extra.strip()}\n{SOURCE_BLOCK}---\n\nA place.[^src]\n"


PLACES = {
    "syria.md": place_file("Syria"),  # an area with no coordinates
    "deir-ez-zor.md": place_file(
        "Deir ez-Zor", "part_of: syria\ncoordinates: {latitude: 35.33, longitude: 40.14, precision: province}"
    ),
    "albu-kamal.md": place_file(
        "Albu Kamal",
        "aliases: [البوكمال]\npart_of: deir-ez-zor\n"
        "coordinates: {latitude: 34.4536, longitude: 40.9185, precision: town}",
    ),
    "base.md": place_file(HOSTILE, "part_of: syria\ncoordinates: {latitude: 34.52, longitude: 37.63, precision: site}"),
    "village.md": place_file("A village the sources do not place", "part_of: deir-ez-zor"),
}
EVENTS = {
    "strike.md": event_file("Strike", "2023-12-25", "place: albu-kamal"),
    "raid.md": event_file(
        "Raid", "2023-12-26", "place: albu-kamal\ncoordinates: {latitude: 34.45, longitude: 40.92, precision: district}"
    ),
    "talk.md": event_file("Talk", "2023-12-27", "place: Geneva"),
    "base-attack.md": event_file(HOSTILE, "2023-12-20/2023-12-27", "place: base"),
    "village-raid.md": event_file("Village raid", "2024-01", "place: village"),
    "near.md": event_file("Near", "2023~", "coordinates: {latitude: 36.2, longitude: 37.1, precision: 2 km}"),
}


def build_placed(root, config: str = ""):
    (root / "content" / "places").mkdir(parents=True)
    for name, text in PLACES.items():
        (root / "content" / "places" / name).write_text(text, encoding="utf-8")
    return build_strict(root, EVENTS, {}, f"site_url: {SITE}\n{config}")


@pytest.fixture(scope="module")
def placed(tmp_path_factory):
    return build_placed(tmp_path_factory.mktemp("placed"))


def data(build, name: str) -> dict:
    return json.loads((build.site / name).read_text(encoding="utf-8"))


def test_events_json_names_the_place_and_where_a_map_draws_the_event(placed):
    events = {event["id"]: event for event in data(placed, "events.json")["events"]}
    assert events["strike"]["place"] == {"id": "albu-kamal", "name": "Albu Kamal", "url": f"{SITE}places/albu-kamal/"}
    # Its place's coordinates and precision; an event's own win; free text stays text.
    assert events["strike"]["coordinates"] == {
        "latitude": 34.4536,
        "longitude": 40.9185,
        "precision": "town",
        "radius_m": 5000.0,
    }
    assert events["raid"]["coordinates"]["precision"] == "district"
    assert events["talk"]["place"] == "Geneva" and events["talk"]["coordinates"] is None
    # A place the sources do not locate is drawn as its province is: as large, never sharper.
    assert events["village-raid"]["coordinates"] == {
        "latitude": 35.33,
        "longitude": 40.14,
        "precision": "province",
        "radius_m": 100_000.0,
    }
    assert events["near"]["coordinates"]["precision"] == "2000 m" and events["near"]["coordinates"]["radius_m"] == 2000
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((placed.site / "timeline.csv").read_text("utf-8-sig")))}
    assert (rows["strike"]["place"], rows["strike"]["latitude"]) == ("Albu Kamal", "34.4536")


def test_places_json_has_every_place_with_its_chain_and_events(placed):
    places = {place["id"]: place for place in data(placed, "places.json")["places"]}
    assert set(places) == {name.removesuffix(".md") for name in PLACES}
    town = places["albu-kamal"]
    assert town["url"] == f"{SITE}places/albu-kamal/" and town["aliases"] == ["البوكمال"]
    assert town["coordinates"] == {"latitude": 34.4536, "longitude": 40.9185, "precision": "town", "radius_m": 5000.0}
    assert town["part_of"] == {"id": "deir-ez-zor", "name": "Deir ez-Zor", "url": f"{SITE}places/deir-ez-zor/"}
    assert town["events"] == ["strike", "raid"] and town["sources"][0]["id"] == "src"
    assert places["syria"]["coordinates"] is None and places["syria"]["part_of"] is None
    assert places["syria"]["places"] == ["base", "deir-ez-zor"]  # by name
    assert set(places["syria"]["events"]) == {"strike", "raid", "base-attack", "village-raid"}
    assert places["base"]["name"] == HOSTILE


def test_geojson_carries_the_precision_in_words_and_metres(placed):
    features = {f["id"]: f for f in data(placed, "events.geojson")["features"]}
    assert list(features) == ["near", "base-attack", "strike", "raid", "village-raid"]  # timeline order
    strike = features["strike"]
    assert strike["geometry"] == {"type": "Point", "coordinates": [40.9185, 34.4536]}
    assert strike["properties"]["place"] == {"id": "albu-kamal", "name": "Albu Kamal"}
    assert (strike["properties"]["precision"], strike["properties"]["radius_m"]) == ("town", 5000.0)
    assert features["village-raid"]["properties"]["precision"] == "province"
    places = {f["id"]: f for f in data(placed, "places.geojson")["features"]}
    assert set(places) == {"albu-kamal", "base", "deir-ez-zor"}  # those with coordinates
    assert places["deir-ez-zor"]["properties"]["events"] == 3  # its own and those of the places in it
    assert places["base"]["properties"]["radius_m"] == 250.0


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (longitude, latitude) on the sphere KML draws on."""
    (lon1, lat1), (lon2, lat2) = (tuple(map(math.radians, point)) for point in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_008.8 * math.asin(math.sqrt(h))


def test_kml_reads_as_kml_with_the_precision_drawn(placed):
    raw = (placed.site / "events.kml").read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">")
    document = kml.KML.from_string(raw, strict=True).features[0]
    assert {style.id for style in document.styles} == {"point", "area"}
    marks = {{d.name: d.value for d in mark.extended_data.elements}["id"]: mark for mark in document.features}
    assert list(marks) == ["near", "base-attack", "strike", "raid", "village-raid"]
    # Known to the site: a point.  Known to the town, the district, the province: an area
    # of that radius around the place, every vertex that far from it.
    base = marks["base-attack"]
    assert type(base.geometry).__name__ == "Point" and base.style_url.url == "#point"
    assert base.name == HOSTILE
    for event, centre, radius in (
        ("strike", (40.9185, 34.4536), 5000),
        ("raid", (40.92, 34.45), 25_000),
        ("village-raid", (40.14, 35.33), 100_000),
        ("near", (37.1, 36.2), 2000),
    ):
        mark = marks[event]
        assert type(mark.geometry).__name__ == "Polygon" and mark.style_url.url == "#area", event
        ring = list(mark.geometry.exterior.coords)
        assert len(ring) == 33 and ring[0] == ring[-1]
        assert all(abs(_metres(centre, vertex) / radius - 1) < 0.002 for vertex in ring), event
    assert {d.name: d.value for d in marks["village-raid"].extended_data.elements}["precision"] == "province"
    # The balloon's HTML: the editor's words as text, a link to the event's page.
    balloon = BeautifulSoup(base.description, "html.parser")
    assert balloon.find("script") is None and HOSTILE in balloon.get_text()
    assert balloon.a["href"] == f"{SITE}events/base-attack/"


def test_kml_times_are_at_the_dates_precision_in_schema_order(placed):
    root = ET.fromstring((placed.site / "events.kml").read_bytes())
    assert root.tag == f"{KML}kml" and [child.tag for child in root] == [f"{KML}Document"]
    marks = {
        mark.find(f"{KML}ExtendedData/{KML}Data[@name='id']/{KML}value").text: mark
        for mark in root.iter(f"{KML}Placemark")
    }
    assert marks["strike"].find(f"{KML}TimeStamp/{KML}when").text == "2023-12-25"
    assert marks["village-raid"].find(f"{KML}TimeStamp/{KML}when").text == "2024-01"
    span = marks["base-attack"].find(f"{KML}TimeSpan")
    assert (span.find(f"{KML}begin").text, span.find(f"{KML}end").text) == ("2023-12-20", "2023-12-27")
    order = [child.tag.removeprefix(KML) for child in marks["strike"]]
    assert order == ["name", "description", "TimeStamp", "styleUrl", "ExtendedData", "Polygon"]


def test_the_home_page_links_the_places_and_maps(placed):
    hrefs = [a["href"] for a in placed.page("").select(".tl-browse a[href]")]
    assert {"places.json", "events.geojson", "events.kml"} <= set(hrefs)
    assert all((placed.site / href).is_file() for href in hrefs if href.endswith((".json", ".geojson", ".kml")))


def test_past_the_limit_the_places_stay_whole_and_the_kml_goes_by_year(placed, tmp_path):
    split = build_placed(tmp_path, "plugins:\n  - timeline:\n      open_data_limit: 1\n")
    files = json.loads((split.site / "data" / "index.json").read_text(encoding="utf-8"))["files"]

    def part(entry) -> bytes:
        return bz2.decompress((split.site / entry["url"].removeprefix(SITE)).read_bytes())

    for name in ("places.json", "places.geojson"):
        assert [entry["url"] for entry in files[name]] == [f"{SITE}data/{name}.bz2"]
        assert part(files[name][0]) == (placed.site / name).read_bytes()
    assert [(entry["year"], entry["events"]) for entry in files["events.kml"]] == [(2023, 4), (2024, 1)]

    def drawn(kml_bytes: bytes) -> list[tuple[str | None, ...]]:
        """Each placemark's id, time and geometry (its words follow the plugin's locale,
        which the second build's options leave at its default)."""
        return [
            (
                mark.findtext(f"{KML}ExtendedData/{KML}Data[@name='id']/{KML}value"),
                mark.findtext(f"{KML}TimeStamp/{KML}when") or mark.findtext(f"{KML}TimeSpan/{KML}begin"),
                mark.findtext(f".//{KML}coordinates"),
            )
            for mark in ET.fromstring(kml_bytes).iter(f"{KML}Placemark")
        ]

    by_year = [mark for entry in files["events.kml"] for mark in drawn(part(entry))]
    assert by_year == drawn((placed.site / "events.kml").read_bytes())
