"""`python -m generator import`: a spreadsheet in TimelineJS's template, TimelineJS JSON
and ACLED CSV (current and older columns), from small fixture files. A dry run writes
nothing; --write writes files that build with the real MkDocs; the site's own TimelineJS
export imports back (tests/unit/test_import.py: what needs no build)."""

from __future__ import annotations

import json

import frontmatter

from tests.conftest import IMPORT_FIXTURES, build_strict, event_file, imported, meta, run_import, run_mkdocs


def test_a_timelinejs_spreadsheet_imports_and_builds(tmp_path):
    done, content = imported(tmp_path, "sheet", "timelinejs-template.csv")
    assert "5 new, 0 updated, 0 unchanged, 0 in conflict" in done.stdout
    rocket = meta(content, "events/rocket-attack-on-k-1-base.md")
    assert rocket["date"] == "2019-12-27" and rocket["tags"] == ["attacks"]
    assert rocket["sources"][1] == {
        "id": "media",
        "title": "The base after the attack",
        "publisher": "Example Wire",
        "url": "https://example.org/k1.jpg",
    }
    assert rocket["imported_from"]["record"] == "3"
    body = (content / "events/rocket-attack-on-k-1-base.md").read_text()
    assert "near **Kirkuk**; a US contractor was killed.[^import][^media]" in body  # HTML as Markdown
    assert meta(content, "events/strike-at-baghdad-airport.md")["date"] == "2020-01-03T01:00:00"
    assert meta(content, "events/strike-at-baghdad-airport.md")["date_note"] == "Early on 3 January"
    assert meta(content, "events/tensions.md")["date"] == "2020-01/2020-03"  # at the precision given
    assert meta(content, "events/an-ancient-raid.md")["date"] == "-0499"  # TimelineJS's -500 is 500 BCE
    # What it could not map, row by row; the era for mkdocs.yml; nothing silently dropped.
    assert "timelinejs-template.csv:8: start_date: no year" in done.stderr
    assert "timelinejs-template.csv:2: Type: the title slide ('Escalation in Iraq and Syria')" in done.stderr
    assert "- {name: \"Winter crisis\", date: '2019-12/2020-01'}" in done.stdout
    assert done.returncode == 1  # a row was left out
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    assert build.page("events/an-ancient-raid/").select_one(".tl-facts dd").get_text(strip=True) == "500 BCE"


def test_a_sheets_location_columns_put_events_on_the_map(tmp_path):
    done, _ = imported(tmp_path, "sheet", "sheet-with-places.csv")
    assert "6 new" in done.stdout and "sheet-with-places.csv:4: Precision: 'Town' is not a precision" in done.stderr
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    features = {f["id"]: f["properties"] for f in json.loads((build.site / "events.geojson").read_text())["features"]}
    assert set(features) == {"rocket-attack-on-k-1-base", "us-strikes-in-al-qaim", "strike-at-baghdad-airport"}
    assert (features["us-strikes-in-al-qaim"]["precision"], features["us-strikes-in-al-qaim"]["radius_m"]) == (
        "2000 m",
        2000.0,
    )
    assert features["rocket-attack-on-k-1-base"]["place"] == "K-1 Air Base"


def test_timelinejs_json_imports_and_builds(tmp_path):
    done, content = imported(tmp_path, "timelinejs", "timelinejs.json")
    assert "3 new" in done.stdout
    assert "timelinejs.json:events[3]: start_date: no year" in done.stderr
    assert "timelinejs.json:events[4]: event: not an object; left out" in done.stderr
    airport = meta(content, "events/strike-at-baghdad-airport.md")
    assert airport["title"] == "Strike at Baghdad airport" and airport["date"] == "2020-01-03T01:00:00"
    body = (content / "events/rocket-attack-on-k-1-base.md").read_text()
    assert "[Kirkuk](https://example.org/kirkuk)" in body
    assert run_mkdocs(tmp_path, "--strict").returncode == 0


def test_acled_imports_with_honest_dates_actors_and_coordinates(tmp_path):
    done, content = imported(tmp_path, "acled", "acled.csv")
    assert "3 new events" not in done.stdout and "17 new" in done.stdout  # 3 events, 5 actors, 9 places
    strike = meta(content, "events/acled-irq1002.md")
    assert strike["date"] == "2019-12-23/2020-01-04"  # precision 2: the week around the coded day
    assert "the sources give the week, not the day" in strike["date_note"]
    assert meta(content, "events/acled-irq1003.md")["date"] == "2020-01"  # precision 3: the month
    # Coded near the town (geo_precision 2): its own coordinates, as precise as the row says.
    assert strike["place"] == "al-qaim-al-anbar-iraq-town"
    assert strike["coordinates"] == {
        "latitude": "34.3729",
        "longitude": "41.0949",
        "precision": "district",
    }
    # At the town: its place's coordinates, in the place's file only.
    base = meta(content, "events/acled-irq1001.md")
    assert base["place"] == "k-1-air-base-kirkuk-iraq" and "coordinates" not in base
    assert meta(content, "places/k-1-air-base-kirkuk-iraq.md")["coordinates"] == {
        "latitude": "35.5019",
        "longitude": "44.2833",
        "precision": "town",
    }
    assert meta(content, "places/kirkuk-iraq-district.md")["part_of"] == "kirkuk-iraq"  # admin2 named as its admin1
    assert "coordinates" not in meta(content, "places/kirkuk-iraq.md")  # ACLED gives areas none
    assert strike["actors"] == [
        {"id": "military-forces-of-the-united-states-2017-2021", "role": "external or other forces"},
        {"id": "kataib-hezbollah", "role": "political militia"},
        {"id": "popular-mobilization-forces", "role": "associated with Kataib Hezbollah"},
    ]
    assert meta(content, "actors/military-forces-of-the-united-states-2017-2021.md")["kind"] == "organisation"
    assert [source["publisher"] for source in meta(content, "events/acled-irq1001.md")["sources"]] == [
        "Armed Conflict Location & Event Data Project (ACLED)",
        "Shafaq News",
        "Rudaw",
    ]
    protest = (content / "events/acled-irq1003.md").read_text()
    assert "embassy’s gate" in protest and "\x92" not in protest
    assert "acled.csv:4: notes: control character U+0092 at column 26 replaced by '’'" in done.stderr
    assert "acled.csv:5: event_date: 'not a date' is not a date ACLED writes; row left out" in done.stderr
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    assert build.page("events/acled-irq1002/").select_one(".tl-coordinates a")["href"] == "geo:34.3729,41.0949"


def test_a_real_acled_export_writes_places_and_builds(tmp_path):
    """404 rows of ACLED's own export (Syria and Iraq, April and May 2020; provenance:
    tests/fixtures/README.md): many events at few locations, geo_precision 1, 2 and 3,
    one location coded at several."""
    done, content = imported(tmp_path, "acled", "acled-syria-iraq-2020.csv")
    assert "error:" not in done.stderr and "the chronology builds with --strict" in done.stdout, done.stderr[-3000:]
    places = {path.stem: frontmatter.load(path).metadata for path in (content / "places").glob("*.md")}
    assert len(list((content / "events").glob("*.md"))) == 404 and len(places) == 333
    # A location within its admin2, admin1 and country, each a file; only the location has coordinates.
    chain, place = [], "al-bukamal-abu-kamal-deir-ez-zor-syria"
    while place:
        chain.append((places[place]["name"], "coordinates" in places[place]))
        place = places[place].get("part_of")
    assert chain == [("Al-Bukamal", True), ("Abu Kamal", False), ("Deir-ez-Zor", False), ("Syria", False)]
    # Dar'a, coded at the town and, in other rows, at the district and the province: the
    # place is the town; a coarser row keeps its own precision, drawn as large as it says.
    assert places["dar-a-syria-town"]["coordinates"]["precision"] == "town"
    coarse = meta(content, "events/acled-syr78192.md")
    assert coarse["place"] == "dar-a-syria-town" and coarse["coordinates"]["precision"] == "province"
    precisions = {p["coordinates"]["precision"] for p in places.values() if "coordinates" in p}
    assert precisions == {"town", "district", "province"}
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode == 0, build.output[-3000:]
    features = json.loads((build.site / "events.geojson").read_text())["features"]
    assert len(features) == 404  # every row had coordinates: every event is on the map
    by_id = {feature["id"]: feature["properties"] for feature in features}
    assert (by_id["acled-syr78192"]["precision"], by_id["acled-syr78192"]["radius_m"]) == ("province", 100_000.0)
    assert by_id["acled-syr78192"]["place"] == {"id": "dar-a-syria-town", "name": "Dar'a"}
    assert json.loads((build.site / "places.json").read_text())["places"][0]["id"] in places
    # Imported again: nothing changes.
    again = run_import("acled", IMPORT_FIXTURES / "acled-syria-iraq-2020.csv", "--into", content)
    assert "0 new, 0 updated, 837 unchanged, 0 in conflict" in again.stdout


def test_older_acled_columns(tmp_path):
    done, content = imported(tmp_path, "acled", "acled-older.csv")
    assert done.returncode == 0, done.stderr
    event = meta(content, "events/acled-syr20.md")
    assert event["date"] == "2020-01-04"
    assert {"id": "kataib-hezbollah", "role": "associated with Popular Mobilization Forces"} in event["actors"]
    assert run_mkdocs(tmp_path, "--strict").returncode == 0


def test_the_site_exports_timelinejs_json_that_imports_back(tmp_path):
    events = {
        "day.md": event_file("A day", "2019-12-27", "tags: [attacks]"),
        "month.md": event_file("A month", "2020-01"),
        "range.md": event_file("A range", "2020-01/2020-03"),
        "timed.md": event_file("At one", "2020-01-03T01:00:00"),
        "ancient.md": event_file("Ancient", "-0499"),
        "undated.md": event_file("Undated", "XXXX-05-01"),
    }
    config = (
        "plugins:\n  - timeline:\n      locale: en_GB\n      eras: [{name: Winter crisis, date: '2019-12/2020-01'}]\n"
    )
    (tmp_path / "project").mkdir()
    build = build_strict(tmp_path / "project", events, {}, config)
    data = json.loads((build.site / "timelinejs.json").read_text())
    by_id = {entry["unique_id"]: entry for entry in data["events"]}
    assert set(by_id) == {name.removesuffix(".md") for name in events} - {"undated"}  # TimelineJS needs a year
    assert by_id["day"]["start_date"] == {"year": "2019", "month": "12", "day": "27"}
    assert by_id["day"]["group"] == "attacks" and by_id["day"]["display_date"] == "27 December 2019"
    assert by_id["ancient"]["start_date"] == {"year": "-500"}  # TimelineJS counts 500 BCE as -500
    assert by_id["range"]["end_date"] == {"year": "2020", "month": "3"}
    assert "<cite>A test source</cite>, Test Publisher" in by_id["day"]["text"]["text"]
    assert data["eras"][0]["text"]["headline"] == "Winter crisis"
    # Imported back, each date is the one written.
    exported = tmp_path / "timeline.json"
    exported.write_text(json.dumps(data))
    back = tmp_path / "back" / "content"
    assert run_import("timelinejs", exported, "--into", back, "--write").returncode == 0
    dates = {
        meta(back, f"events/{path.name}")["title"]: meta(back, f"events/{path.name}")["date"]
        for path in (back / "events").iterdir()
    }
    assert dates == {
        "A day": "2019-12-27",
        "A month": "2020-01",
        "A range": "2020-01/2020-03",
        "At one": "2020-01-03T01:00:00",
        "Ancient": "-0499",
    }
