"""Open data past `open_data_limit`: each file by year, compressed, listed in
data/index.json, holding together exactly what the single files hold."""

from __future__ import annotations

import bz2
import csv
import io
import json

import pytest

from tests.conftest import build_strict, event_file, mkdocs_env, run_mkdocs
from tests.site.test_configuration import build_with

SITE = "https://example.org/chronology/"
WHOLE = (
    "events.json",
    "actors.json",
    "timeline.csv",
    "events.geojson",
    "events.kml",
    "timelinejs.json",
)
EVENTS = {
    "old.md": event_file("Old", "1999-03-04", "coordinates: {latitude: 34.5, longitude: 40.9}\ntags: [strike]"),
    "span.md": event_file("Span", "2023-12-30/2024-01-02", "actors: [group]"),
    "later.md": event_file("Later", "2023-05", "actors: [group]"),
    "day.md": event_file("Day", "2024-02-01", "place: Erbil"),
    "undated.md": event_file("Undated", "XXXX-12-25"),
}
ACTORS = {"group.md": "---\nname: A Group\nkind: organisation\n---\n\nA group.\n"}
ERAS = "      eras: [{name: Siege, date: '2023-11/2024-01'}, {name: Before, date: '1998/1999'}]\n"


def config(limit: str = "") -> str:
    return f"site_url: {SITE}\nplugins:\n  - timeline:\n{ERAS}{limit}"


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The same chronology with the default limit (single files) and a limit of one byte."""
    whole = build_strict(tmp_path_factory.mktemp("whole"), EVENTS, ACTORS, config())
    split = build_strict(tmp_path_factory.mktemp("split"), EVENTS, ACTORS, config("      open_data_limit: 1\n"))
    return whole, split


def part(build, entry) -> bytes:
    assert entry["url"].startswith(SITE)
    data = (build.site / entry["url"].removeprefix(SITE)).read_bytes()
    assert len(data) == entry["bytes"]
    return bz2.decompress(data)


def test_small_chronologies_keep_their_single_files(builds):
    whole, _ = builds
    assert all((whole.site / name).is_file() for name in WHOLE)
    assert not (whole.site / "data").exists()


def test_past_the_limit_every_file_is_split_by_year_and_listed(builds):
    _, split = builds
    assert not any((split.site / name).exists() for name in WHOLE)
    index = json.loads((split.site / "data" / "index.json").read_text(encoding="utf-8"))
    assert index["events"] == 5 and index["compression"] == "bzip2"
    files = index["files"]
    assert [(p["year"], p["events"]) for p in files["events.json"]] == [(1999, 1), (2023, 2), (2024, 1), (None, 1)]
    assert files["events.json"][0]["url"] == f"{SITE}data/1999/events.json.bz2"
    assert files["events.json"][-1]["url"] == f"{SITE}data/not-given/events.json.bz2"
    assert files["actors.json"][0]["url"] == f"{SITE}data/actors.json.bz2"
    # A chronology without places has no file of them (tests/site/test_open_data_places.py: one with).
    assert files["places.json"] == files["places.geojson"] == []
    # Every compressed file of the site is listed, and nothing else is in data/.
    listed = {p["url"].removeprefix(SITE) for parts in files.values() for p in parts}
    published = {path.relative_to(split.site).as_posix() for path in (split.site / "data").rglob("*.bz2")}
    assert listed == published


def test_the_parts_hold_what_the_single_files_hold(builds):
    whole, split = builds
    files = json.loads((split.site / "data" / "index.json").read_text(encoding="utf-8"))["files"]
    single = json.loads((whole.site / "events.json").read_text(encoding="utf-8"))["events"]
    parts = [event for p in files["events.json"] for event in json.loads(part(split, p))["events"]]
    assert parts == single  # in timeline order, each year after the one before
    assert [e["id"] for e in json.loads(part(split, files["events.json"][1]))["events"]] == ["later", "span"]
    assert part(split, files["actors.json"][0]) == (whole.site / "actors.json").read_bytes()
    rows = (whole.site / "timeline.csv").read_text(encoding="utf-8-sig").splitlines()
    csv_parts = [part(split, p).decode("utf-8-sig").splitlines() for p in files["timeline.csv"]]
    assert all(lines[0] == rows[0] for lines in csv_parts)  # each part has the header
    assert [line for lines in csv_parts for line in lines[1:]] == rows[1:]
    assert next(csv.DictReader(io.StringIO(part(split, files["timeline.csv"][0]).decode("utf-8-sig"))))["id"] == "old"
    # Only the years with mapped events have a map.
    assert [(p["year"], p["events"]) for p in files["events.geojson"]] == [(1999, 1)]
    geo = json.loads(part(split, files["events.geojson"][0]))
    assert geo == json.loads((whole.site / "events.geojson").read_text(encoding="utf-8"))
    assert [(p["year"], p["events"]) for p in files["events.kml"]] == [(1999, 1)]
    assert part(split, files["events.kml"][0]) == (whole.site / "events.kml").read_bytes()


def test_timelinejs_parts_have_the_years_events_and_eras(builds):
    whole, split = builds
    files = json.loads((split.site / "data" / "index.json").read_text(encoding="utf-8"))["files"]
    assert [p["year"] for p in files["timelinejs.json"]] == [1999, 2023, 2024]  # TimelineJS needs a year
    by_year = {p["year"]: json.loads(part(split, p)) for p in files["timelinejs.json"]}
    assert [e["unique_id"] for e in by_year[2023]["events"]] == ["later", "span"]
    assert [era["text"]["headline"] for era in by_year[2023]["eras"]] == ["Siege"]
    assert [era["text"]["headline"] for era in by_year[1999]["eras"]] == ["Before"]
    single = json.loads((whole.site / "timelinejs.json").read_text(encoding="utf-8"))
    assert [e for year in by_year.values() for e in year["events"]] == single["events"]
    assert by_year[2024]["title"] == single["title"]


def test_split_files_are_the_same_in_every_build(builds):
    _, split = builds
    before = {p: p.read_bytes() for p in (split.site / "data").rglob("*") if p.is_file()}
    # Another hash seed and time zone: the threads that compress change no byte either.
    again = run_mkdocs(split.root, "--strict", env={**mkdocs_env(), "PYTHONHASHSEED": "7", "TZ": "Asia/Tokyo"})
    assert again.returncode == 0, again.output
    assert {p: p.read_bytes() for p in (again.site / "data").rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("value", ["0", "-1", "true", "big"])
def test_a_bad_limit_is_named_and_stops_the_build(tmp_path, value):
    build = build_with(tmp_path, f"      open_data_limit: {value}\n")
    assert build.returncode != 0
    assert "option 'open_data_limit': Expected a whole number of 1 or more" in build.output


def test_the_home_page_links_the_data_as_published(builds):
    """Single files link each file; data split by year links its index (and no file that is
    not there)."""
    for build, expected in zip(
        builds, (("events.json", "actors.json", "timeline.csv"), ("data/index.json",)), strict=True
    ):
        hrefs = [a["href"] for a in build.page("").select(".tl-browse a[href]")]
        data = [href for href in hrefs if href.endswith((".json", ".csv"))]
        assert data == list(expected)
        assert all((build.site / href).is_file() for href in data)
        maps = [href for href in hrefs if href.endswith((".geojson", ".kml"))]
        assert maps == ([] if "data/index.json" in expected else ["events.geojson", "events.kml"])
        assert all((build.site / href).is_file() for href in maps)
