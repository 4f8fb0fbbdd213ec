"""The repository's sample chronology, built with the real MkDocs and read as HTML."""

from __future__ import annotations

import itertools
import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ARTIFACTS_DIR, REPO, SAMPLE_PAGES, html_pages
from tests.site.conftest import SAMPLE_ACTORS as ACTORS
from tests.site.conftest import SAMPLE_EVENTS as EVENTS
from tests.site.conftest import broken_links, count_internal_links


def actor_id(entry) -> str:
    return entry if isinstance(entry, str) else entry["id"]


def timeline_ids(build) -> list[str]:
    return [card["id"] for card in build.page("").select("article.tl-card")]


def test_sample_has_enough_events_and_actors():
    assert len(EVENTS) >= 8 and len(ACTORS) >= 8


def test_every_event_is_on_the_timeline_exactly_once(sample_build):
    ids = timeline_ids(sample_build)
    assert sorted(ids) == sorted(EVENTS)
    assert len(ids) == len(set(ids))


def test_timeline_order_follows_dates_then_sequence(sample_build):
    ids = timeline_ids(sample_build)
    expected_sequence = [
        "kataib-hezbollah-us-terrorist-designation",  # the only event with a year
        "erbil-rocket-attack-us-contractor-killed",
        "february-us-strikes",
        "erbil-air-base-drone-attack",
        "us-strikes-christmas-night",
    ]
    positions = [ids.index(event_id) for event_id in expected_sequence]
    assert positions == sorted(positions)
    strikes = ids.index("us-strikes-christmas-night")
    for event_id, front in EVENTS.items():
        if "us-strikes-christmas-night" in front.get("follows", []):
            assert ids.index(event_id) > strikes, event_id


def test_timeline_groups_under_year_and_month_headings(sample_build):
    page = sample_build.page("")
    years = [h2.get_text(strip=True) for h2 in page.select("section.tl-year > h2")]
    assert years == ["2009", "Year not given"]
    undated = page.find(id="year-not-given").parent
    months = [h3.get_text(strip=True) for h3 in undated.find_all("h3")]
    assert "February" in months and "December" in months
    christmas = page.find(id="us-strikes-christmas-night")
    assert christmas.find_previous("h3").get_text(strip=True) == "December"


def test_dates_are_shown_no_more_precisely_than_the_source(sample_build):
    page = sample_build.page("")

    def date_of(event_id):
        return page.find(id=event_id).select_one(".tl-card__date")

    assert date_of("us-strikes-christmas-night").time["datetime"] == "12-25"
    assert date_of("us-strikes-christmas-night").time.get_text() == "25 December, year not given"
    assert date_of("february-us-strikes").get_text(" ", strip=True).startswith("February, year not given")
    assert date_of("february-us-strikes").time is None
    assert date_of("kataib-hezbollah-us-terrorist-designation").get_text(" ", strip=True).startswith("since 2009")
    assert date_of("erbil-air-base-drone-attack").get_text(" ", strip=True).startswith("date not given")


def test_every_event_page_cites_its_sources_as_resolving_footnotes(sample_build):
    for event_id, front in EVENTS.items():
        page = sample_build.page(f"events/{event_id}/")
        notes = page.select("div.footnote ol > li")
        assert len(notes) == len(front["sources"]), event_id
        for source, note in zip(front["sources"], notes, strict=True):
            assert note.select_one("cite").get_text() == source["title"]
            assert source["publisher"] in note.get_text()
        assert page.select_one("div.footnote h2").get_text(strip=True).startswith("Sources")
        refs = page.select("a.footnote-ref")
        assert refs, f"{event_id} has no footnote references"
        for ref in refs:
            assert page.find(id=ref["href"][1:]) is not None, (event_id, ref["href"])
        # Every paragraph of the body ends with a citation.
        for paragraph in page.select("div.tl-body > p"):
            assert paragraph.select("a.footnote-ref"), (event_id, paragraph.get_text())


def test_every_actor_page_lists_exactly_the_events_that_name_it(sample_build):
    for actor in ACTORS:
        page = sample_build.page(f"actors/{actor}/")
        listed = [a["href"].strip("/").split("/")[-1] for a in page.select("section.tl-appearances li > a")]
        naming = [e for e, front in EVENTS.items() if actor in [actor_id(x) for x in front.get("actors", [])]]
        assert sorted(listed) == sorted(naming), actor
        timeline = timeline_ids(sample_build)
        assert listed == sorted(listed, key=timeline.index), f"{actor}: events not in timeline order"


def test_event_page_lists_actors_with_roles(sample_build):
    page = sample_build.page("events/us-strikes-christmas-night/")
    items = {
        li.a["href"].strip("/").split("/")[-1]: li.get_text(" ", strip=True)
        for li in page.select(".tl-participants li")
    }
    assert "(attacker)" in items["united-states"]
    assert "(authorised the strikes)" in items["joe-biden"]


def test_related_events_appear_both_ways(sample_build):
    pairs = [(e, r) for e, front in EVENTS.items() for r in front.get("related", [])]
    assert pairs
    for a, b in pairs:
        for here, there in ((a, b), (b, a)):
            links = sample_build.links(f"events/{here}/", "section.tl-related a")
            assert f"events/{there}/" in links, (here, there)


def test_members_appear_on_their_parents_page(sample_build):
    memberships = [(a, x["organisation"]) for a, front in ACTORS.items() for x in front.get("affiliations", [])]
    assert memberships
    for member, parent in memberships:
        members = sample_build.links(f"actors/{parent}/", "section.tl-members a")
        assert f"actors/{member}/" in members, (member, parent)
        parents = sample_build.links(f"actors/{member}/", ".tl-affiliations a")
        assert f"actors/{parent}/" in parents


def test_previous_and_next_follow_the_timeline(sample_build):
    ids = timeline_ids(sample_build)
    for before, after in itertools.pairwise(ids):
        assert sample_build.links(f"events/{before}/", "a[rel=next]") == [f"events/{after}/"]
        assert sample_build.links(f"events/{after}/", "a[rel=prev]") == [f"events/{before}/"]


def test_indexes_list_everything(sample_build):
    events = {a["href"].strip("/").split("/")[-1] for a in sample_build.page("events/").select(".tl-index a")}
    assert events == set(EVENTS)
    actors = {path.removeprefix("actors/").strip("/") for path in sample_build.links("actors/", ".tl-actors li > a")}
    assert actors == set(ACTORS)


def test_every_internal_link_resolves(sample_build):
    assert broken_links(sample_build.site) == []
    assert count_internal_links(sample_build.site) > 500


def test_content_folder_is_untouched_and_site_holds_only_build_output(sample_build):
    written = {
        p.relative_to(sample_build.root / "content").as_posix() for p in (sample_build.root / "content").rglob("*")
    }
    original = {p.relative_to(REPO / "content").as_posix() for p in (REPO / "content").rglob("*")}
    assert written == original
    assert not list(sample_build.site.rglob("*.md"))


def test_event_and_actor_pages_stay_out_of_the_navigation(sample_build):
    nav = sample_build.page("").select_one("nav.md-nav--primary")
    links = {a.get_text(strip=True) for a in nav.select("a.md-nav__link")}
    assert {"Timeline", "Events", "Actors"} <= links
    assert not any(re.search(r"Kataib|Erbil", text) for text in links)


def script_bytes(path, counted=None) -> int:
    """A script's bytes, with those of the modules it imports (once each)."""
    counted = set() if counted is None else counted
    if path in counted:
        return 0
    counted.add(path)
    imported = re.findall(r'^import [^;]*? from "(\./[^"]+)";', path.read_text(encoding="utf-8"), re.MULTILINE)
    return path.stat().st_size + sum(script_bytes((path.parent / name).resolve(), counted) for name in imported)


def test_page_weights_stay_small(sample_build):
    """HTML + CSS + JS bytes each page makes a reader download (recorded for review)."""
    weights = {}
    for name, path in SAMPLE_PAGES.items():
        html_path = sample_build.site / path / "index.html"
        soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
        folder = html_path.parent
        css = sum((folder / link["href"]).resolve().stat().st_size for link in soup.find_all("link", rel="stylesheet"))
        js = sum(script_bytes((folder / script["src"]).resolve()) for script in soup.find_all("script", src=True))
        weights[name] = {
            "html": html_path.stat().st_size,
            "css": css,
            "js": js,
            "total": html_path.stat().st_size + css + js,
        }
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    (ARTIFACTS_DIR / "page-weights.json").write_text(json.dumps(weights, indent=1))
    assert all(weight["total"] < 400_000 for weight in weights.values()), weights


def test_every_page_is_valid_html(sample_build):
    vnu = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    pages = [str(p) for p in html_pages(sample_build.site)]
    result = subprocess.run(
        ["java", "-jar", str(vnu), "--errors-only", "--format", "json", *pages], capture_output=True, text=True
    )
    try:
        messages = json.loads(result.stderr)["messages"]  # its report, on standard error
    except ValueError:
        pytest.fail(f"the Nu HTML checker gave no report (exit status {result.returncode}): {result.stderr[-2000:]}")
    assert messages == [], messages[:5]
    assert result.returncode == 0, f"the Nu HTML checker failed (exit status {result.returncode})"
    assert len(pages) > 30
