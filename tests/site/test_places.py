"""Places as content: a page per place, the places index, events linked to their place,
the places a place lies in and those inside it, JSON-LD, and the editor's mistakes."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, SOURCE_BLOCK, Build, build_strict, event_file, run_generator, run_mkdocs, write_project


def place_file(name: str, extra: str = "", body: str = "Described here.[^src]") -> str:
    front = f"name: {name}\n{textwrap.dedent(extra).strip()}\n{SOURCE_BLOCK}"
    return f"---\n{front}---\n\n{body}\n"


PLACES = {
    "iraq.md": place_file("Iraq"),
    "anbar.md": place_file(
        "Al-Anbar", "part_of: iraq\ncoordinates: {latitude: '33.0', longitude: '42.0', precision: province}"
    ),
    "qaim.md": place_file(
        "Al-Qa'im",
        "aliases: [القائم, Al Qaim]\npart_of: anbar\ncoordinates: {latitude: '34.37', longitude: '41.09', precision: town}",
    ),
    "nowhere.md": place_file("Nowhere in particular"),
}
EVENTS = {
    "strike.md": event_file("Strike at Al-Qa'im", "2019-12-29", "place: qaim"),
    "rally.md": event_file("Rally in Anbar", "2020-01-03", "place: anbar"),
    "own.md": event_file(
        "Shelling near Al-Qa'im",
        "2020-01-05",
        "place: qaim\ncoordinates: {latitude: '34.4', longitude: '41.0', precision: 20 km}",
    ),
    "words.md": event_file("Talks somewhere", "2020-01-07", "place: A hotel in Geneva"),
}


def with_places(root: Path, places: dict[str, str]) -> None:
    (root / "content" / "places").mkdir(parents=True, exist_ok=True)
    for name, text in places.items():
        (root / "content" / "places" / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def placed(tmp_path_factory) -> Build:
    root = tmp_path_factory.mktemp("placed")
    write_project(root, EVENTS, {})
    with_places(root, PLACES)
    (root / "mkdocs.yml").open("a").write("site_url: https://example.org/chronology/\n")
    build = run_mkdocs(root, "--strict")
    assert build.returncode == 0, build.output
    return build


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_a_place_page_lists_its_events_and_those_of_the_places_inside_it(placed):
    anbar = placed.page("places/anbar/")
    assert placed.links("places/anbar/", ".tl-events a") == ["events/strike/", "events/rally/", "events/own/"]
    assert placed.links("places/anbar/", ".tl-places a") == ["places/qaim/"]
    assert placed.links("places/anbar/", ".tl-facts dd a[href^='..']") == ["places/iraq/"]
    assert "3 events here or in places inside it" in words(anbar)
    # Iraq has no coordinates of its own: its page says how its events are drawn.
    iraq = placed.page("places/iraq/")
    assert "maps draw its events where the place it lies in is" not in words(iraq)
    assert "its events are on no map" in words(iraq)
    assert placed.links("places/iraq/", ".tl-events a") == ["events/strike/", "events/rally/", "events/own/"]


def test_a_place_page_says_how_precisely_the_place_is_known(placed):
    qaim = placed.page("places/qaim/")
    shown = qaim.select_one(".tl-coordinates")
    assert shown.a["href"] == "geo:34.37,41.09"
    assert words(shown) == "34.37, 41.09 (precision: the town, about 5 km)"
    assert [words(a) for a in qaim.select(".tl-facts dd a[href^='..']")] == ["Al-Anbar", "Iraq"]  # nearest first


def test_an_event_links_its_place_and_is_drawn_where_it_or_its_place_is(placed):
    strike = placed.page("events/strike/")
    assert placed.links("events/strike/", ".tl-facts a[href*='places/']") == ["places/qaim/"]
    # No coordinates of its own: the place's, at the place's precision.
    assert words(strike.select_one(".tl-coordinates")) == "34.37, 41.09 (precision: the town, about 5 km)"
    own = placed.page("events/own/")
    assert words(own.select_one(".tl-coordinates")) == "34.4, 41.0 (precision: within 20 km)"
    talks = placed.page("events/words/")
    assert "A hotel in Geneva" in words(talks.select_one(".tl-facts"))
    assert talks.select_one(".tl-facts a[href*='places/']") is None
    assert talks.select_one(".tl-coordinates") is None


def test_the_places_index_lists_every_place_with_where_it_lies_and_its_events(placed):
    index = placed.page("places/")
    items = [words(li) for li in index.select(".tl-places > li")]
    assert items == [
        "Al-Anbar , in Iraq 3 events",
        "Al-Qa'im ( القائم , Al Qaim ) , in Al-Anbar 2 events",
        "Iraq 3 events",
        "Nowhere in particular 0 events",
    ]
    home = placed.page("")
    assert placed.links("", ".tl-browse a[href$='places/']") == ["places/"]
    assert home.select_one(".tl-browse") is not None


def test_place_pages_carry_json_ld_places_within_places(placed):
    data = json.loads(placed.page("places/qaim/").select_one("script[type='application/ld+json']").string)
    assert data["@type"] == "Place" and data["name"] == "Al-Qa'im"
    assert data["url"] == "https://example.org/chronology/places/qaim/"
    assert data["alternateName"] == ["القائم", "Al Qaim"]
    assert data["geo"] == {
        "@type": "GeoCircle",
        "geoMidpoint": {"@type": "GeoCoordinates", "latitude": 34.37, "longitude": 41.09},
        "geoRadius": 5000.0,
    }
    assert data["containedInPlace"]["name"] == "Al-Anbar"
    assert data["containedInPlace"]["containedInPlace"] == {
        "@type": "Place",
        "name": "Iraq",
        "url": "https://example.org/chronology/places/iraq/",
    }
    event = json.loads(placed.page("events/strike/").select_one("script[type='application/ld+json']").string)
    assert event["location"]["url"] == "https://example.org/chronology/places/qaim/"
    assert event["location"]["name"] == "Al-Qa'im"


def test_place_pages_are_searchable_as_places(placed):
    article = placed.page("places/qaim/").select_one("article[data-pagefind-body]")
    assert article["data-pagefind-filter"] == "kind:Place"
    # An event is found by its place's other names too.
    keywords = placed.page("events/strike/").select_one("meta[name='keywords']")
    assert keywords is None or "القائم" in keywords["content"]


def test_a_chronology_without_places_has_no_places_pages(tmp_path):
    build = build_strict(tmp_path, {"a.md": event_file("A", "2020-01-01", "place: Somewhere")}, {})
    assert not (build.site / "places").exists()
    assert build.page("").select_one(".tl-browse a[href$='places/']") is None


def test_the_sample_places_are_as_precise_as_the_article():
    """The sample chronology's places: only as precise as its article allows (it names
    towns and an airport, and "three locations near the Iraq-Syria border")."""
    base = REPO / "content" / "places"
    precision = {path.stem: _precision(path) for path in base.glob("*.md")}
    assert precision == {
        "iraq": None,
        "syria": None,
        "erbil": "town",
        "erbil-air-base": "2 km",
        "albu-kamal": "town",
        "iraq-syria-border": "300 km",
    }


def _precision(path: Path) -> str | None:
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    return (data.get("coordinates") or {}).get("precision")


# --- mistakes ------------------------------------------------------------------------------------


MISTAKES = {
    "iraq.md": place_file("Iraq"),
    "loop-a.md": place_file("Loop A", "part_of: loop-b"),
    "loop-b.md": place_file("Loop B", "part_of: loop-a"),
    "typo.md": place_file("Typo", "part_of: iraqq"),
    "vague.md": place_file("Vague", "coordinates: {latitude: '33', longitude: '44', precision: the town}"),
    "huge.md": place_file("Huge", "coordinates: {latitude: '33', longitude: '44', precision: 30000 km}"),
    "self.md": place_file("Self", "part_of: self"),
}


def test_place_mistakes_name_file_line_field_and_the_likely_fix(tmp_path):
    write_project(tmp_path, {"e.md": event_file("E", "2020-01-01", "place: iraqq")}, {})
    with_places(tmp_path, MISTAKES)
    build = run_mkdocs(tmp_path, "--strict")
    checked = run_generator("--content", "content", "check", cwd=tmp_path)
    for output, code in ((build.output, build.returncode), (checked.stderr, checked.returncode)):
        assert code != 0
        assert "Traceback" not in output
        assert "content/places/loop-a.md:3: part_of: places form a cycle: loop-a -> loop-b -> loop-a" in output
        assert "content/places/typo.md:3: part_of: unknown place 'iraqq'" in output and "did you mean 'iraq'" in output
        assert "content/places/vague.md:3: coordinates.precision: 'the town' is not a precision" in output
        assert "did you mean 'town'" in output
        assert "content/places/huge.md:3: coordinates.precision: '30000 km' is not a radius a map can draw" in output
        assert "content/places/self.md:3: part_of: a place cannot lie in itself" in output
        # A place: that looks like a place's id but names none: a warning (free text is valid).
        assert "content/events/e.md:" in output and "place: 'iraqq' names no file in content/places/" in output
    assert not (tmp_path / "site").exists()


def test_a_place_page_maps_its_events_and_rings_the_place(placed):
    page = placed.page("places/anbar/")
    svg = page.select_one("figure.tl-map svg")
    assert svg is not None and page.select_one("circle.tl-map__focus") is not None
    counted = sum(int(mark["data-count"]) for mark in svg.select("a.tl-map__mark"))
    assert counted == 3  # its own event and the two at Al-Qa'im
    assert placed.page("places/nowhere/").select_one("figure.tl-map") is None  # no event, no coordinates


def test_search_reads_a_place_by_its_first_page_without_its_list_of_events(tmp_path):
    events = {f"e{n}.md": event_file(f"Event {n}", f"2020-01-{n + 1:02d}", "place: town") for n in range(5)}
    places = {"town.md": place_file("Town")}
    build = build_strict(tmp_path, events, {}, "plugins:\n  - timeline:\n      page_limit: 2\n", places=places)
    first = build.page("places/town/")
    assert first.select_one("article[data-pagefind-body]") is not None
    assert first.select_one("section.tl-appearances")["data-pagefind-ignore"] == "all"
    second = build.page("places/town/page-2/")
    assert second.select(".tl-events a")  # the list goes on there ...
    assert second.select_one("[data-pagefind-body]") is None  # ... but search reads it once
