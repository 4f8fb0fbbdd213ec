"""The overview picture: every kind of date drawn as it means, links that lead somewhere,
and a histogram instead of marks when there are many events (asserted on the SVG)."""

from __future__ import annotations

import pytest
from conftest import build_strict, event_file

from generator.views.overview import MARKS

KINDS = {
    "day": "2023-03-15",
    "range": "2023-05-01/2023-07-20",
    "approximate": "2023-09~",
    "uncertain": "2023-10-02?",
    "open": "2023-11/..",
    "month": "2023-02",
    "year": "2022",
    "undated": "XXXX-06-01",
}


@pytest.fixture(scope="module")
def kinds_build(tmp_path_factory):
    events = {f"{name}.md": event_file(name.title(), date) for name, date in KINDS.items()}
    return build_strict(tmp_path_factory.mktemp("kinds"), events, {})


def marks(build, path=""):
    return {a["href"].rstrip("/").split("/")[-1]: a for a in build.page(path).select("svg a.tl-picture__mark")}


def test_every_kind_of_date_is_drawn_as_it_means(kinds_build):
    svg = kinds_build.page("").select_one(".tl-picture svg")
    assert svg.title.get_text() and svg.desc.get_text().startswith("8 events")
    drawn = marks(kinds_build)
    assert set(drawn) == set(KINDS) - {"undated"}  # every dated event, once
    assert drawn["day"].circle is not None and drawn["day"].rect is None  # a day is a mark
    for name in ("range", "month", "year", "open", "approximate"):
        assert drawn[name].rect is not None, name  # a period is a bar over the time it may cover
    assert float(drawn["year"].rect["width"]) > 10 * float(drawn["month"].rect["width"]) / 2
    fuzzy = {name for name, a in drawn.items() if "tl-picture__mark--fuzzy" in a["class"]}
    assert fuzzy == {"approximate", "uncertain"}
    assert [name for name, a in drawn.items() if "tl-picture__mark--open" in a["class"]] == ["open"]
    # Placed in time: 2022 before February 2023 before 15 March before May.
    x = {name: float((a.rect or a.circle).get("x") or a.circle["cx"]) for name, a in drawn.items()}
    assert x["year"] < x["month"] < x["day"] < x["range"] < x["approximate"] < x["open"]
    assert all(a["aria-label"] and a.title.get_text() for a in drawn.values())
    assert kinds_build.links("", "svg a.tl-picture__mark") and all(
        path.startswith("events/") for path in kinds_build.links("", "svg a.tl-picture__mark")
    )
    undated = kinds_build.page("").select_one("svg a.tl-picture__undated")
    assert undated.get_text(strip=True) == "Year not given: 1 event"
    assert kinds_build.links("", "svg a.tl-picture__undated") == ["years/not-given/"]


def test_a_year_page_draws_its_own_period(kinds_build):
    assert set(marks(kinds_build, "years/2023/")) == {"day", "range", "approximate", "uncertain", "open", "month"}


@pytest.fixture(scope="module")
def crowded_build(tmp_path_factory):
    events = {
        f"e{i}.md": event_file(f"Event {i}", f"{2022 + i // 90}-{1 + (i % 90) // 8:02d}-{1 + i % 28:02d}")
        for i in range(MARKS + 30)
    }
    return build_strict(tmp_path_factory.mktemp("crowded"), events, {})


def test_many_events_are_counted_per_period_and_the_bars_lead_to_them(crowded_build):
    page = crowded_build.page("")
    assert not page.select("svg a.tl-picture__mark")
    bins = page.select("svg a.tl-picture__bin")
    assert len(bins) == 24  # a bar a month over two years
    assert sum(int(a["aria-label"].split(": ")[1].split()[0]) for a in bins) == MARKS + 30
    for target in crowded_build.links("", "svg a.tl-picture__bin"):
        path, _, anchor = target.partition("#")
        assert crowded_build.page(path).find(id=anchor) is not None, target


def test_keyboard_zoom_changes_the_address_and_the_list(kinds_build, browser, serve_site):
    base = serve_site(kinds_build.site)
    page = browser.new_page()
    page.goto(base)
    shown = "items => items.filter(i => i.offsetParent).map(i => i.querySelector('article').id)"
    everything = page.eval_on_selector_all("li[data-first]", shown)
    assert len(everything) == len(KINDS)
    assert page.is_visible(".tl-zoom")
    page.focus(".tl-picture svg")
    for _ in range(3):
        page.keyboard.press("+")  # an eighth of the period, around its middle
    query = dict(item.split("=") for item in page.evaluate("location.search").lstrip("?").split("&"))
    assert set(query) == {"from", "to"} and query["from"] > "2022-01-01" and query["to"] < "2023-12-31"
    zoomed = page.eval_on_selector_all("li[data-first]", shown)
    assert 0 < len(zoomed) < len(everything) and "undated" not in zoomed
    page.keyboard.press("ArrowRight")
    moved = dict(item.split("=") for item in page.evaluate("location.search").lstrip("?").split("&"))
    assert moved["from"] > query["from"]
    page.keyboard.press("Home")  # the whole period again
    assert page.evaluate("location.search") == ""
    assert page.eval_on_selector_all("li[data-first]", shown) == everything
    page.close()


def test_a_linked_view_opens_zoomed(kinds_build, browser, serve_site):
    page = browser.new_page()
    page.goto(serve_site(kinds_build.site) + "?from=2023-05-01&to=2023-07-31")
    shown = page.eval_on_selector_all(
        "li[data-first]", "items => items.filter(i => i.offsetParent).map(i => i.querySelector('article').id)"
    )
    marks = page.eval_on_selector_all(
        "svg a.tl-picture__mark",
        "links => links.filter(a => a.style.display !== 'none').map(a => a.getAttribute('href'))",
    )
    page.close()
    assert shown == ["range"]
    assert [href.rstrip("/").split("/")[-1] for href in marks] == ["range"]


def test_the_picture_shows_the_subset_the_filter_leaves(tmp_path, browser, serve_site):
    from conftest import actor_file

    events = {
        "a.md": event_file("A", "2023-03-15", "actors: [one]"),
        "b.md": event_file("B", "2023-06-15", "actors: [two]"),
        "c.md": event_file("C", "2023-09-15", "actors: [one]"),
    }
    build = build_strict(tmp_path, events, {"one.md": actor_file("One"), "two.md": actor_file("Two")})
    page = browser.new_page()
    page.goto(serve_site(build.site) + "?actor=one&from=2023-03-01&to=2023-08-31")
    drawn = page.eval_on_selector_all(
        "svg a.tl-picture__mark",
        "links => links.filter(a => a.style.display !== 'none').map(a => a.getAttribute('href'))",
    )
    assert [href.rstrip("/").split("/")[-1] for href in drawn] == ["a"]  # actor one, and in view
    page.select_option("select[name=actor]", "")
    query = page.evaluate("location.search")
    assert "from=2023-03-01" in query and "actor" not in query  # the filter keeps the picture's view
    drawn = page.eval_on_selector_all(
        "svg a.tl-picture__mark",
        "links => links.filter(a => a.style.display !== 'none').map(a => a.getAttribute('href'))",
    )
    page.close()
    assert [href.rstrip("/").split("/")[-1] for href in drawn] == ["a", "b"]


def test_an_embeddable_timeline_without_the_sites_chrome(kinds_build, browser, serve_site):
    embed = kinds_build.page("embed/")
    assert not embed.select(".md-header, .md-footer, .md-sidebar")
    assert embed.select_one(".tl-picture svg") and len(embed.select("article.tl-card")) == len(KINDS)
    assert embed.find("base")["target"] == "_top"  # links open in the whole window, not the frame
    snippet = kinds_build.page("").select_one(".tl-embed pre code").get_text()
    assert snippet.startswith('<iframe src="embed/"') and "</iframe>" in snippet
    page = browser.new_page()
    page.goto(serve_site(kinds_build.site) + "embed/?from=2023-05-01&to=2023-07-31")  # zoom from the address
    shown = page.eval_on_selector_all(
        "li[data-first]", "items => items.filter(i => i.offsetParent).map(i => i.querySelector('article').id)"
    )
    page.close()
    assert shown == ["range"]
