"""The map drawn at build time, in built sites: where it is shown, what its marks lead to,
that its list says what its marks say, and that a chronology without coordinates pays
nothing for it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.core.geo import PRECISION_RADII
from tests.conftest import REPO, Build, actor_file, event_file, located_place_file, run_mkdocs, write_project

NAUGHTY = REPO.parent / "shared" / "testdata" / "naughty-strings.json"
FALLBACK_NAUGHTY = ['"><script>alert(123)</script>', "<svg><script>123<1>alert(123)</script>", "A & B <b>"]


def naughty_names() -> list[str]:
    strings = json.loads(NAUGHTY.read_text(encoding="utf-8"))["strings"] if NAUGHTY.exists() else FALLBACK_NAUGHTY
    return [s for s in strings if "<script" in s.lower() and s.isprintable()][:3]


PLACES = {
    "iraq.md": located_place_file("Iraq", 33.0, 44.0, "country"),
    "anbar.md": located_place_file("Anbar", 33.4, 42.0, "province", "iraq"),
    "al-qaim.md": located_place_file("Al-Qaim", 34.37, 41.09, "town", "anbar"),
    "erbil.md": located_place_file("Erbil", 36.19, 44.01, "town", "iraq"),
    **{f"naughty-{n}.md": located_place_file(name, 30.5 + n, 47.8, "town") for n, name in enumerate(naughty_names())},
}
EVENTS = {
    "drone-at-erbil.md": event_file("Drone at Erbil", "2023-12-25", "place: erbil\nactors:\n  - id: militia"),
    "rockets-at-erbil.md": event_file("Rockets at Erbil", "2024-01-03", "place: erbil"),
    "strike-at-al-qaim.md": event_file("Strike at Al-Qaim", "2024-02-02", "place: al-qaim\nactors:\n  - id: militia"),
    "raids-in-anbar.md": event_file("Raids somewhere in Anbar", "2024-02", "place: anbar"),
    "airport-drone.md": event_file(
        "Drone near the airport",
        "2024-02-10",
        "place: Erbil airport\ncoordinates:\n  latitude: '36.2376'\n  longitude: '43.9632'\n  precision: site",
    ),
    "statement.md": event_file("A statement from nowhere in particular", "2024-02-11", "place: A capital"),
    **{
        f"naughty-{n}.md": event_file(f"Naughty {n}", "2024-03-01", f"place: naughty-{n}")
        for n in range(len(naughty_names()))
    },
}
LOCATED = len(EVENTS) - 1  # every event but the statement


def write_places(root: Path, places: dict[str, str]) -> None:
    folder = root / "content" / "places"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in places.items():
        (folder / name).write_text(text, encoding="utf-8")


def build_mapped(root: Path) -> Build:
    write_project(root, EVENTS, {"militia.md": actor_file("Militia")})
    write_places(root, PLACES)
    built = run_mkdocs(root, "--strict")
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="module")
def mapped(tmp_path_factory) -> Build:
    return build_mapped(tmp_path_factory.mktemp("mapped"))


def marks(build: Build, page: str):
    return build.page(page).select(".tl-map a.tl-map__mark")


def target(page: str, href: str) -> str:
    return urljoin(f"/{page}", href).lstrip("/")


def test_listing_pages_actor_pages_and_located_events_have_a_map(mapped):
    for page in ("", "years/2024/", "actors/militia/"):
        assert mapped.page(page).select_one("figure.tl-map.tl-map--page svg"), page
        assert mapped.page(page).select_one('link[href$="assets/stylesheets/map.css"]'), page
    assert mapped.page("events/drone-at-erbil/").select_one("figure.tl-map--locator svg")
    assert mapped.page("events/statement/").select_one(".tl-map") is None
    assert mapped.page("events/statement/").select_one('link[href$="map.css"]') is None


def test_marks_lead_to_pages_that_exist(mapped):
    site = mapped.site
    for page in ("", "years/2024/", "actors/militia/", "events/raids-in-anbar/"):
        soup = mapped.page(page)
        for mark in soup.select(".tl-map a.tl-map__mark"):
            href = mark["href"]
            if href.startswith("#"):
                assert soup.find(id=href[1:]) is not None, href
                continue
            path = target(page, href)
            if path.startswith("places/") and not (site / "places").exists():
                # Place pages come with views/pages.py's place_page: until then, an address of a known place.
                assert path.removeprefix("places/").removesuffix("/") + ".md" in PLACES
                continue
            assert (site / path / "index.html").exists(), (page, path)
        for link in soup.select(".tl-map__list a"):
            path = target(page, link["href"])
            if not path.startswith("places/"):
                assert (site / path / "index.html").exists(), (page, path)


def test_the_marks_count_every_located_event_once(mapped):
    counts = [int(mark["data-count"]) for mark in marks(mapped, "")]
    assert sum(counts) == LOCATED
    assert mapped.page("").select_one(".tl-map title").get_text() == f"Map of {LOCATED} events"


def test_a_province_is_never_drawn_as_a_point(mapped):
    svg = mapped.page("").select_one(".tl-map svg")
    scale = float(svg["data-scale"])  # metres per unit of the viewBox
    anbar = next(mark for mark in marks(mapped, "") if mark.get("data-place") == "anbar")
    assert "tl-map__mark--area" in anbar["class"]
    assert float(anbar.circle["r"]) >= PRECISION_RADII["province"] / scale - 0.1
    assert (
        anbar.title.get_text().replace("\u2068", "").replace("\u2069", "")
        == "Raids somewhere in Anbar, at Anbar (precision: province)"
    )
    assert target("", anbar["href"]) == "events/raids-in-anbar/"


def test_the_list_under_the_map_says_what_the_marks_say(mapped):
    soup = mapped.page("")
    drawn = soup.select(".tl-map a.tl-map__mark")
    listed = soup.select(".tl-map__list > ol > li")
    assert len(drawn) == len(listed)
    summary = soup.select_one(".tl-map__list summary").get_text()
    assert summary == f"The map as a list ({len(drawn)} marks)"
    for mark, item in zip(drawn, listed, strict=True):
        label = mark.title.get_text()
        assert " ".join(item.get_text().split()).startswith(" ".join(label.split()))
        if not mark["href"].startswith("#"):
            assert item.a["href"] == mark["href"]
        else:
            assert item["id"] == mark["href"][1:]


def test_marks_carry_what_the_scripts_need(mapped):
    for mark in marks(mapped, ""):
        for attribute in ("data-first", "data-last", "data-count", "data-lat", "data-lon", "data-r"):
            assert mark.has_attr(attribute), attribute
        assert -90 <= float(mark["data-lat"]) <= 90 and -180 <= float(mark["data-lon"]) <= 180
    # Erbil and its airport, a few kilometres apart, are one mark at this scale.
    erbil = next(mark for mark in marks(mapped, "") if "drone-at-erbil" in mark.get("data-events", ""))
    assert (erbil["data-first"], erbil["data-last"]) == ("2023-12-25", "2024-02-10")
    assert erbil["data-events"] == "drone-at-erbil rockets-at-erbil airport-drone"
    assert (
        erbil.title.get_text().replace("\u2068", "").replace("\u2069", "")
        == "3 events near Erbil (precision: site to town)"
    )
    assert erbil["href"].startswith("#") and not erbil.has_attr("data-place")


def test_place_names_land_escaped(mapped):
    soup = mapped.page("")
    assert soup.select(".tl-map script") == []
    titles = {mark.title.get_text().replace("\u2068", "").replace("\u2069", "") for mark in marks(mapped, "")}
    listed = " ".join(soup.select_one(".tl-map__list").get_text().split())
    for name in naughty_names():
        assert any(name in title for title in titles), name
        assert " ".join(name.split()) in listed
    raw = (mapped.site / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(123)" not in raw


def test_a_chronology_without_coordinates_has_no_map_and_no_map_style(tmp_path):
    events = {"talk.md": event_file("Talk", "2023-12-26", "place: Somewhere"), "other.md": event_file("Other", "2024")}
    write_project(tmp_path, events, {})
    built = run_mkdocs(tmp_path, "--strict")
    assert built.returncode == 0, built.output
    for page in tmp_path.joinpath("site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "tl-map" not in html and "map.css" not in html, page


def test_two_builds_draw_the_same_maps(mapped, tmp_path):
    again = build_mapped(tmp_path)
    for page in ("", "years/2024/", "actors/militia/", "events/drone-at-erbil/"):
        first = (mapped.site / page / "index.html").read_text(encoding="utf-8")
        second = (again.site / page / "index.html").read_text(encoding="utf-8")
        assert re.search(r"<figure class=\"?tl-map.*?</figure>", first, re.S)
        assert first == second, page


def test_the_map_speaks_the_sites_language_right_to_left(tmp_path):
    from tests.conftest import ARABIC_CONFIG, add_config

    write_project(tmp_path, EVENTS, {"militia.md": actor_file("Militia")})
    write_places(tmp_path, PLACES)
    add_config(tmp_path, ARABIC_CONFIG)
    built = run_mkdocs(tmp_path, "--strict")
    assert built.returncode == 0, built.output
    soup = built.page("")
    assert soup.body["dir"] == "rtl"
    assert soup.select_one(".tl-map title").get_text() == f"خريطة {LOCATED} أحداث"
    assert soup.select_one(".tl-map__list summary").get_text().startswith("الخريطة قائمةً")
    anbar = next(mark for mark in soup.select(".tl-map a.tl-map__mark") if mark.get("data-place") == "anbar")
    assert (
        anbar.title.get_text().replace("\u2068", "").replace("\u2069", "")
        == "Raids somewhere in Anbar، في Anbar (الدقة: محافظة)"
    )
