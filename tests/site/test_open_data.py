"""Feeds, open data, JSON-LD, tag and year pages, citations: what readers take away."""

from __future__ import annotations

import csv
import io
import json

import feedparser
import pytest

from tests.conftest import REPO, actor_file, build_strict, event_file, html_pages, run_mkdocs
from tests.site.conftest import SAMPLE_EVENTS as EVENTS


@pytest.fixture(scope="module")
def small_build(tmp_path_factory):
    """Dates of every precision, tags, a person and an organisation, with a site address."""
    events = {
        "day.md": event_file("Day", "2023-12-25", "actors:\n  - id: person\n    role: speaker\ntags: [Airstrike]"),
        "month.md": event_file("Month", "2023-11", "tags: [airstrike, statement]"),
        "range.md": event_file("Range", "2022-12-20/2022-12-27", "actors: [group]"),
        "undated.md": event_file("Undated", "XXXX-12-25", "place: Erbil"),
    }
    actors = {
        "person.md": actor_file("A Person", "person", "affiliations:\n  - organisation: group"),
        "group.md": actor_file("A Group", "organisation", "aliases: [AG]"),
    }
    return build_strict(
        tmp_path_factory.mktemp("open-data"), events, actors, "site_url: https://example.org/chronology/\n"
    )


def jsonld(page) -> dict:
    (script,) = page.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_feed_is_valid_atom_newest_first_with_stable_ids(small_build):
    feed = feedparser.parse((small_build.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == ["Day", "Month", "Range", "Undated"]
    assert feed.entries[0].link == "https://example.org/chronology/events/day/"
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == 4 and all(i.startswith("urn:uuid:") for i in ids)
    again = run_mkdocs(small_build.root, "--strict")
    assert [e.id for e in feedparser.parse((again.site / "feed.xml").read_bytes()).entries] == ids
    assert feed.entries[0].summary == "25 December 2023"
    assert [tag.term for tag in feed.entries[1].tags] == ["airstrike", "statement"]


def test_feed_is_linked_from_every_page(sample_build):
    from bs4 import BeautifulSoup

    for path in html_pages(sample_build.site):
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        assert head.find("link", rel="alternate", type="application/atom+xml"), path


def test_sample_feed_lists_every_event(sample_build):
    feed = feedparser.parse((sample_build.site / "feed.xml").read_bytes())
    assert not feed.bozo
    assert len(feed.entries) == len(EVENTS)
    assert feed.entries[0].title.startswith("US designation of Kataib Hezbollah")  # the only dated event


def test_events_json_has_every_field_resolved_links_and_bounds(small_build):
    events = {e["id"]: e for e in json.loads((small_build.site / "events.json").read_text())["events"]}
    assert list(events) == ["range", "month", "day", "undated"]  # timeline order
    day = events["day"]
    assert day["date"] == {
        "edtf": "2023-12-25",
        "label": "25 December 2023",
        "earliest": "2023-12-25",
        "latest": "2023-12-25",
        "year_known": True,
    }
    assert day["actors"] == [
        {
            "id": "person",
            "name": "A Person",
            "role": "speaker",
            "url": "https://example.org/chronology/actors/person/",
            # Its affiliation has no period: it may have been at any time.
            "part_of": [{"id": "group", "name": "A Group", "role": None, "at_the_time": "possible"}],
        }
    ]
    assert day["sources"][0]["title"] == "A test source"
    assert events["undated"]["date"]["earliest"] is None and events["undated"]["place"] == "Erbil"
    assert events["range"]["date"]["latest"] == "2022-12-27"


def test_actors_json_has_members_and_events(small_build):
    actors = {a["id"]: a for a in json.loads((small_build.site / "actors.json").read_text())["actors"]}
    assert actors["group"]["members"][0]["id"] == "person"
    assert actors["group"]["aliases"] == ["AG"]
    assert [e["id"] for e in actors["person"]["events"]] == ["day"]
    assert actors["person"]["affiliations"][0]["organisation"]["name"] == "A Group"


def test_csv_opens_as_a_table_with_one_row_per_event(small_build):
    raw = (small_build.site / "timeline.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == ["range", "month", "day", "undated"]
    assert rows[2]["date_label"] == "25 December 2023" and rows[2]["actors"] == "A Person"


def test_json_ld_dates_are_only_as_precise_as_known(small_build):
    assert jsonld(small_build.page("events/day/"))["startDate"] == "2023-12-25"
    month = jsonld(small_build.page("events/month/"))
    assert month["@type"] == "Event" and month["startDate"] == "2023-11" and "endDate" not in month
    ranged = jsonld(small_build.page("events/range/"))
    assert (ranged["startDate"], ranged["endDate"]) == ("2022-12-20", "2022-12-27")
    assert "startDate" not in jsonld(small_build.page("events/undated/"))
    person = jsonld(small_build.page("actors/person/"))
    assert person["@type"] == "Person" and person["memberOf"][0]["name"] == "A Group"
    group = jsonld(small_build.page("actors/group/"))
    assert group["@type"] == "Organization" and group["alternateName"] == ["AG"]


def test_tag_pages_list_exactly_their_events(small_build):
    index = [a.get_text() for a in small_build.page("tags/").select(".tl-tags a")]
    assert index == ["airstrike", "statement"]  # 'Airstrike' shares the page of the first spelling met
    # A tag's page lists its events as rows (their cards are on their periods' pages).
    rows = small_build.page("tags/airstrike/").select("ol.tl-rows > li")
    tagged = [row.a["href"].rstrip("/").split("/")[-1] for row in rows]
    assert tagged == ["month", "day"]
    links = [a["href"] for a in small_build.page("events/day/").select(".tl-facts a[href*='tags/']")]
    assert links == ["../../tags/airstrike/"]


def test_year_pages_list_exactly_their_events(small_build):
    assert [c["id"] for c in small_build.page("years/2023/").select("article.tl-card")] == ["month", "day"]
    assert [c["id"] for c in small_build.page("years/not-given/").select("article.tl-card")] == ["undated"]
    years = [a.get_text() for a in small_build.page("").select(".tl-browse a[href*='years/']")]
    assert years == ["2022", "2023", "Year not given"]


def test_event_page_says_how_to_cite_it_and_each_source_has_a_permalink(small_build):
    page = small_build.page("events/day/")
    cite = page.select_one(".tl-cite").get_text(" ", strip=True)
    assert "“Day”" in cite and "https://example.org/chronology/events/day/" in cite
    for item in page.select("div.footnote li"):
        assert item.select_one("a.tl-permalink")["href"] == f"#{item['id']}"


def test_search_index_knows_actor_names_aliases_places_and_tags(small_build):
    """What Pagefind indexes is marked in the pages (the browser tests search it)."""
    event = small_build.page("events/day/")
    body = event.select_one("[data-pagefind-body]")
    assert body is not None and body.h1.get_text() == event.h1.get_text()
    assert [a.get_text() for a in body.select("[data-pagefind-filter=actor]")] == ["A Person"]
    assert [a.get_text() for a in body.select("[data-pagefind-filter=tag]")] == ["Airstrike"]
    assert body.select_one("[data-pagefind-filter=year]").get_text() == "2023"
    assert body.select_one("[data-pagefind-meta=date]").get_text(strip=True) == "25 December 2023"
    actor = small_build.page("actors/group/").select_one("[data-pagefind-body]")
    assert "AG" in actor.get_text() and actor["data-pagefind-filter"] == "kind:Actor"
    assert "Erbil" in small_build.page("events/undated/").select_one("[data-pagefind-body]").get_text()
    assert (small_build.site / "pagefind" / "pagefind.js").exists()
    assert not (small_build.site / "search" / "search_index.json").exists()


def test_event_and_actor_pages_preview_well_when_shared(small_build):
    def meta(page, key: str) -> str | None:
        tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
        return tag["content"] if tag else None

    event = small_build.page("events/day/")
    assert meta(event, "og:title") == event.h1.get_text()
    assert meta(event, "og:description").startswith("25 December 2023")
    assert meta(event, "og:site_name") and meta(event, "twitter:card") == "summary"
    assert meta(event, "og:image") is None  # no third-party or made-up image
    actor = small_build.page("actors/group/")
    assert meta(actor, "og:title") == "A Group" and meta(actor, "og:description")
    assert meta(small_build.page(""), "og:title") is None  # listings are not previews of one thing


def test_schemas_are_published_in_the_site(sample_build):
    for name in ("event.schema.json", "actor.schema.json", "place.schema.json"):
        published = json.loads((sample_build.site / "schemas" / name).read_text())
        assert published == json.loads((REPO / "generator" / "pipeline" / "schema" / name).read_text())
