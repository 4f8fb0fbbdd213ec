"""Timelines too long for one page are split by year, then month; indexes by number.
Every event stays reachable without JavaScript."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.conftest import actor_file, build_strict, event_file

DATES = ["2021-03-01", "2021-03-05", "2021-04-01", "2022-01-01", "2022", "XXXX-05-01", "2023-06-06"]


@pytest.fixture(scope="module")
def split_build(tmp_path_factory):
    events = {f"e{i}.md": event_file(f"Event {i}", date, "tags: [common]") for i, date in enumerate(DATES)}
    return build_strict(tmp_path_factory.mktemp("split"), events, {}, "plugins:\n  - timeline:\n      page_limit: 2\n")


def cards(page) -> list[str]:
    """The events a listing page lists, as cards or as one-line rows."""
    return [li.select_one("a[href]")["href"].rstrip("/").split("/")[-1] for li in page.select("ol.tl-events > li")]


def test_home_lists_years_and_shows_the_latest_events(split_build):
    home = split_build.page("")
    assert cards(home) == ["e4", "e6"]  # the most recent page_limit events whose year is known
    assert [a["href"] for a in home.select(".tl-overview a")] == [
        "years/2021/",
        "years/2022/",
        "years/2023/",
        "years/not-given/",
    ]


def test_a_year_with_too_many_events_is_split_by_month(split_build):
    year = split_build.page("years/2021/")
    assert cards(year) == []
    # Months are numbered in addresses, so that they do not change with the site's language.
    assert split_build.links("years/2021/", ".tl-overview a") == ["years/2021/03/", "years/2021/04/"]
    assert cards(split_build.page("years/2021/03/")) == ["e0", "e1"]
    assert cards(split_build.page("years/2022/")) == ["e3", "e4"]  # 1 January 2022, then 2022


def test_every_event_is_reachable_from_the_home_page_by_links(split_build):
    seen_pages, seen_events, queue = set(), set(), [""]
    while queue:
        path = queue.pop()
        if path in seen_pages:
            continue
        seen_pages.add(path)
        page = split_build.page(path)
        seen_events.update(cards(page))
        for link in page.select(".tl-overview a"):
            queue.append(urljoin("/" + path, link["href"]).lstrip("/"))
    assert seen_events == {f"e{i}" for i in range(len(DATES))}


def test_tag_pages_and_the_events_index_are_split_too(split_build):
    tag = split_build.page("tags/common/")
    assert cards(tag) == ["e4", "e6"] and tag.select(".tl-overview a")
    assert cards(split_build.page("tags/common/years/2022/")) == ["e3", "e4"]
    first = split_build.page("events/")
    assert len(first.select(".tl-index li")) == 2
    pages = split_build.links("events/", ".tl-index-pager a")
    assert pages == ["events/page-2/", "events/page-3/", "events/page-4/"]
    assert len(split_build.page("events/page-4/").select(".tl-index li")) == 1


def test_counts_agree_with_their_number(split_build):
    # Every count is written through the catalogue's plural forms ("1 event", never "1 events").
    counts = {
        path: [span.get_text() for span in split_build.page(path).select(".tl-overview .tl-count")]
        for path in ("", "years/2021/", "tags/common/")
    }
    assert counts[""] == ["3 events", "2 events", "1 event", "1 event"]
    assert counts["years/2021/"] == ["2 events", "1 event"]
    assert all(text.startswith("1 event") == (text == "1 event") for texts in counts.values() for text in texts)


def test_no_page_shows_more_than_page_limit_events(dense_build):
    pages = [path.parent.relative_to(dense_build.site).as_posix() for path in dense_build.site.rglob("index.html")]
    listings = [path for path in pages if path == "." or path.startswith("years")]
    assert all(len(cards(dense_build.page("" if path == "." else path + "/"))) <= 2 for path in listings)


def test_a_month_with_too_many_events_gets_day_pages_and_a_day_numbered_pages(dense_build):
    month = "years/2023/12/"
    assert dense_build.links(month, ".tl-overview a") == [
        "years/2023/12/day-not-given/",
        "years/2023/12/20/",
        "years/2023/12/25/",
        "years/2023/12/27/",
    ]
    day = "years/2023/12/25/"
    assert dense_build.page(day).h1.get_text() == "December 25, 2023"  # plain `en`: CLDR's American order
    assert len(cards(dense_build.page(day))) == 2
    numbered = dense_build.links(day, ".tl-overview a")
    assert numbered == ["years/2023/12/25/page-2/", "years/2023/12/25/page-3/"]
    every = cards(dense_build.page(day)) + [c for path in numbered for c in cards(dense_build.page(path))]
    assert sorted(every) == [f"d{i}" for i in range(5)]
    # Neighbours at each level: the day before and after, the month before.
    assert dense_build.links(day, ".tl-pager a[rel=prev]") == ["years/2023/12/20/"]
    assert dense_build.links(day, ".tl-pager a[rel=next]") == ["years/2023/12/27/"]
    assert dense_build.links(month, ".tl-pager a[rel=prev]") == ["years/2023/11/"]
    assert dense_build.links(day, ".tl-lede a") == [month]  # up one level


def test_a_tag_month_page_is_titled_once_with_the_tag(split_build):
    assert split_build.page("tags/common/years/2021/03/").h1.get_text() == "Tag: common: March (2021)"
    assert split_build.page("years/2021/03/").h1.get_text() == "March (2021)"


def test_the_actors_index_is_split_into_pages_too(tmp_path):
    actors = {f"a{i}.md": actor_file(f"Actor {i}", kind="person" if i % 2 else "group") for i in range(5)}
    events = {"e.md": event_file("E", "2023-01-01", "actors: [a0]")}
    build = build_strict(tmp_path, events, actors, "plugins:\n  - timeline:\n      page_limit: 2\n")
    pages = ["actors/", "actors/page-2/", "actors/page-3/"]
    listed = [path for page in pages for path in build.links(page, ".tl-actors li > a")]
    assert sorted(listed) == sorted(f"actors/a{i}/" for i in range(5))  # each once
    assert all(len(build.links(page, ".tl-actors li > a")) <= 2 for page in pages)
    assert build.links("actors/page-2/", ".tl-index-pager a") == ["actors/", "actors/page-3/"]  # not itself
    assert not (build.site / "actors" / "page-4").exists()


def test_each_events_card_is_printed_once_and_a_row_elsewhere(split_build):
    # The period pages show cards; a tag's pages and the latest events of the split home page
    # (and its embeddable copy) list the same events as one-line rows: date and linked title.
    pages = [
        path.parent.relative_to(split_build.site).as_posix() + "/" for path in split_build.site.rglob("index.html")
    ]
    printed = [card["id"] for page in pages for card in split_build.page(page).select("article.tl-card")]
    assert sorted(printed) == [f"e{i}" for i in range(len(DATES))]
    for path in ("", "embed/", "tags/common/", "tags/common/years/2022/"):
        rows = split_build.page(path).select("ol.tl-rows > li")
        assert rows and all(row.time and row.a["href"].startswith(("events/", "../")) for row in rows), path
