"""The browser code (theme/assets/javascripts/timeline/*.mjs) in a real browser: what the
address asks for is checked, and a bad value falls back to the default view with a word to
the reader; the axis of a zoomed view is the build's (steps, labels, how many labelled);
every overview picture of a page is wired; a failed search load says so and is tried again."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.core.dates import Day
from generator.text import load_text
from generator.views.overview import _ticks, axis_unit
from tests.conftest import actor_file, build_strict, event_file

KINDS = {
    "day": "2023-03-15",
    "range": "2023-05-01/2023-07-20",
    "month": "2023-02",
    "year": "2022",
    "undated": "XXXX-06-01",
}
BAD_VIEW = "The dates in the address are not valid or not in this period: the whole period is shown."
LEFT_OUT = "The address asks for a choice this page does not offer: it is left out."
UNAVAILABLE = "Search is not available here."
SHOWN_MARKS = "links => links.filter(a => a.style.display !== 'none').length"
SHOWN_CARDS = "cards => cards.filter(c => c.offsetParent).map(c => c.id)"


@pytest.fixture(scope="module")
def kinds_build(tmp_path_factory):
    events = {f"{name}.md": event_file(name.title(), date, "actors: [one]") for name, date in KINDS.items()}
    return build_strict(tmp_path_factory.mktemp("kinds"), events, {"one.md": actor_file("One")})


@pytest.fixture(scope="module")
def kinds_url(kinds_build):
    from tests.conftest import static_server

    with static_server(kinds_build.site) as url:
        yield url


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize(
    "view",
    [
        "from=2020-13-45&to=2023-06-30",  # no such month
        "from=2023-02-30&to=2023-06-30",  # no such day
        "from=soon&to=later",
        "from=%2B300000-01-01&to=%2B300001-01-01",  # past JavaScript's dates
        "from=300000-01-01&to=300001-01-01",
        "from=2023-06-30&to=2023-01-01",  # backwards
        "from=2023-01-01",  # half a view
        "from=1900-01-01&to=1900-12-31",  # not in the period
    ],
)
def test_a_bad_view_in_the_address_shows_the_whole_period_and_says_so(kinds_build, kinds_url, browser, view):
    page = browser.new_page()
    page.goto(f"{kinds_url}?{view}")
    drawn = page.eval_on_selector_all("svg a.tl-picture__mark", SHOWN_MARKS)
    cards = page.eval_on_selector_all("article.tl-card", SHOWN_CARDS)
    note = page.locator(".tl-picture .tl-note")
    assert drawn == len(KINDS) - 1, "every dated event is drawn"  # not an empty picture
    assert len(cards) == len(KINDS)
    assert note.is_visible() and note.inner_text() == BAD_VIEW
    assert note.get_attribute("role") == "status"
    assert "from" not in query(page) and "to" not in query(page)  # the address says what is shown
    page.focus(".tl-picture svg")
    page.keyboard.press("+")  # the reader's next view: the note has done its job
    assert not note.is_visible() and "from" in query(page)
    page.close()


def test_a_good_view_says_nothing_more(kinds_url, browser):
    page = browser.new_page()
    page.goto(kinds_url + "?from=2023-05-01&to=2023-07-31")
    assert not page.is_visible(".tl-picture .tl-note")
    assert page.eval_on_selector_all("svg a.tl-picture__mark", SHOWN_MARKS) == 1
    page.close()


def test_a_filter_the_page_does_not_offer_is_left_out_and_said(kinds_url, browser):
    page = browser.new_page()
    page.goto(kinds_url + "?actor=nobody&tag=none&from=2023-01-01&to=2023-07-31")
    cards = page.eval_on_selector_all("article.tl-card", SHOWN_CARDS)
    assert sorted(cards) == ["day", "month", "range"], "the view stays, the unknown actor is left out"
    note = page.locator("form.tl-filter .tl-note")
    assert note.is_visible() and note.inner_text() == LEFT_OUT
    assert query(page) == {"from": ["2023-01-01"], "to": ["2023-07-31"]}
    page.select_option("select[name=actor]", "one")
    assert not note.is_visible() and query(page)["actor"] == ["one"]
    page.close()


# --- the axis: decided in Python, drawn by the script ------------------------------------------

AXIS_EVENTS = {  # 23 months: Python labels each (23 // 12 = 1), a ceiling would label one in two
    "a.md": event_file("A", "2022-01-15"),
    "b.md": event_file("B", "2022-06-01/2022-08-10"),
    "c.md": event_file("C", "2023-10-20"),
}


def shown_ticks(page) -> list[tuple[float, str]]:
    """The labels on the axis that a reader sees, with where they stand."""
    shown = page.eval_on_selector_all(
        ".tl-picture__axis text",
        "texts => texts.filter(t => t.style.display !== 'none').map(t => [Number(t.getAttribute('x')), t.textContent])",
    )
    return [(x, label) for x, label in shown]


def built_ticks(start: Day, end: Day) -> list[str]:
    """The labels overview.py writes for a view from `start` to `end` (its first day after)."""
    return [tick.label for tick in _ticks(start, end, axis_unit(end.ordinal - start.ordinal), lambda day: 0, TEXT)]


TEXT = load_text("en", "en_GB")


def test_the_whole_period_shows_the_axis_as_built(tmp_path, browser, serve_site):
    build = build_strict(tmp_path, AXIS_EVENTS, {})
    built = [(float(text["x"]), text.get_text()) for text in build.page("").select(".tl-picture__axis text")]
    assert len(built) == 23
    page = browser.new_page()
    page.goto(serve_site(build.site))
    assert shown_ticks(page) == built
    page.focus(".tl-picture svg")
    page.keyboard.press("+")
    assert shown_ticks(page) != built
    page.keyboard.press("Home")  # the whole period again: the build's axis again
    assert shown_ticks(page) == built
    page.close()


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ((2022, 3, 1), (2022, 6, 30)),  # months
        ((2022, 2, 1), (2023, 8, 31)),  # 20 months: each labelled
        ((2022, 5, 1), (2022, 5, 31)),  # days: 32 steps, one in two labelled
        ((2022, 5, 10), (2022, 5, 12)),  # a few days
    ],
)
def test_a_zoomed_view_has_the_steps_and_labels_python_gives_it(tmp_path, browser, serve_site, first, last):
    build = build_strict(tmp_path, AXIS_EVENTS, {})
    start, end = Day.of(*first), Day.of(*last).plus(1)
    page = browser.new_page()
    page.goto(f"{serve_site(build.site)}?from={start.iso()}&to={end.plus(-1).iso()}")
    shown = shown_ticks(page)
    page.close()
    assert [label for _, label in shown] == built_ticks(start, end)
    assert [x for x, _ in shown] == sorted(x for x, _ in shown) and shown[0][0] >= 24 and shown[-1][0] <= 700 - 24


def test_a_long_period_zooms_to_days(tmp_path, browser, serve_site):
    """A period of 35 years zooms in to days (months and days are rules, not steps carried),
    labelled as Python labels them, in a page that carries no step a day."""
    build = build_strict(tmp_path, {"a.md": event_file("A", "1990-03-15"), "b.md": event_file("B", "2024-11-02")}, {})
    axis = json.loads(build.page("").select_one("script.tl-zoom__axis").string)
    assert axis["shortest"] == 1 and [level["unit"] for level in axis["levels"]][-2:] == ["month", "day"]
    assert len(build.page("").select_one("script.tl-zoom__axis").string) < 3000
    page = browser.new_page()
    for start, end in ((Day.of(2001, 2, 25), Day.of(2001, 3, 6)), (Day.of(1999, 11, 1), Day.of(2000, 3, 1))):
        page.goto(f"{serve_site(build.site)}?from={start.iso()}&to={end.plus(-1).iso()}")
        assert [label for _, label in shown_ticks(page)] == built_ticks(start, end)
    page.close()


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ((2009, 1, 1), (2010, 1, 1)),
        ((2020, 3, 1), (2023, 5, 1)),
        ((1990, 1, 1), (2025, 1, 1)),
        ((-999, 1, 1), (2025, 1, 1)),
    ],
)
def test_the_zoom_levels_are_the_units_axis_unit_chooses(first, last):
    from generator.views.overview import RULES, ZOOM_TICKS, _finer_units, _steps, _zoom

    start, end = Day.of(*first), Day.of(*last)
    span = end.ordinal - start.ordinal
    zoom = _zoom(start, end, TEXT)
    units = _finer_units(axis_unit(span))
    assert zoom.levels[0].longest == span and sum(len(level.labels) for level in zoom.levels) <= ZOOM_TICKS
    for unit, level in zip(units, zoom.levels, strict=False):
        assert level.unit == unit
        assert axis_unit(level.longest) == unit and (level is zoom.levels[0] or axis_unit(level.longest + 1) != unit)
        if unit in RULES:  # the script makes these steps: none carried
            assert (level.steps, level.labels) == ("", ())
            continue
        offsets = [
            start.ordinal + sum(int(step) for step in level.steps.split()[: index + 1])
            for index in range(len(level.labels))
        ]
        assert offsets == [day.ordinal for day in _steps(start, end, unit)]
    # Zooming in stops at the finest unit carried: views as short as the build draws in it;
    # a day wherever months and days are carried as rules (periods of fewer than ZOOM_TICKS years).
    finest = units[len(zoom.levels) - 1]
    assert axis_unit(zoom.shortest) == finest and (zoom.shortest == 1 or axis_unit(zoom.shortest - 1) != finest)
    assert (zoom.shortest == 1) == (last[0] - first[0] < ZOOM_TICKS)
    if zoom.months:
        assert len(zoom.months) == 12 and len(zoom.years) == last[0] - first[0] + 1


# --- every picture --------------------------------------------------------------------------


def test_every_picture_on_a_page_is_wired(kinds_build, kinds_url, browser):
    """Two pictures on one page (a page of the site as it would be with a second): each
    shows its controls and zooms on its own."""
    soup = BeautifulSoup((kinds_build.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    figure = soup.select_one("figure.tl-picture")
    figure.insert_after(BeautifulSoup(str(figure), "html.parser"))
    (kinds_build.site / "two-pictures.html").write_text(str(soup), encoding="utf-8")
    page = browser.new_page()
    page.goto(kinds_url + "two-pictures.html")
    assert page.locator(".tl-zoom").count() == 2
    assert all(page.locator(".tl-zoom").nth(index).is_visible() for index in (0, 1))
    second = page.locator(".tl-picture svg").nth(1)
    second.focus()
    page.keyboard.press("+")
    statuses = page.eval_on_selector_all(".tl-zoom__status", "spans => spans.map(s => s.textContent)")
    assert statuses[0] == "" and statuses[1] != "" and "from" in query(page)
    page.close()


# --- search ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_url(sample_build):
    from tests.conftest import static_server

    with static_server(sample_build.site) as url:
        yield url


def test_a_failed_search_on_the_search_page_says_so_and_is_tried_again(sample_url, browser):
    context = browser.new_context()
    context.route("**/pagefind/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(sample_url + "search/?q=Erbil")
    status = page.locator(".md-content .tl-search__status")
    status.filter(has_text=UNAVAILABLE).wait_for(timeout=5000)
    context.unroute("**/pagefind/**")
    page.click(".tl-search-page button")  # the reader tries again (its one button submits): the engine loads now
    page.wait_for_selector(".md-content .tl-search__results a", timeout=5000)
    assert page.locator(".tl-search__filters select").count() == 4  # and the filters come with it
    context.close()


def test_a_failed_search_in_the_header_says_so_and_is_tried_again(sample_url, browser):
    context = browser.new_context()
    context.route("**/pagefind/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(sample_url + "events/")
    page.fill(".md-search input[name=q]", "Erbil")
    page.locator(".md-search .tl-search__status").filter(has_text=UNAVAILABLE).wait_for(timeout=5000)
    context.unroute("**/pagefind/**")
    page.fill(".md-search input[name=q]", "Erbil air")
    page.wait_for_selector(".md-search .tl-search__results a", timeout=5000)
    context.close()


def test_a_search_filter_the_index_does_not_have_is_left_out_and_said(sample_url, browser):
    page = browser.new_page()
    page.goto(sample_url + "search/?q=Erbil&kind=Nonsense")
    page.wait_for_selector(".md-content .tl-search__results a")
    assert page.is_visible(".tl-search-page .tl-note")
    assert page.inner_text(".tl-search-page .tl-note") == LEFT_OUT
    assert query(page) == {"q": ["Erbil"]}
    page.close()


# --- every kind of page ---------------------------------------------------------------------


def test_every_kind_of_page_runs_the_browser_code_without_an_error(tmp_path, browser, serve_site):
    """Home, years, months and days (a small page limit splits them), events, actors, tags,
    search, embed, corrections and the 404 page: the modules load, and nothing throws."""
    events = {f"{name}.md": event_file(name.title(), date, "actors: [one]\ntags: [t]") for name, date in KINDS.items()}
    events |= {f"march{day}.md": event_file(f"March {day}", f"2023-03-{day}", "actors: [one]") for day in (15, 20)}
    build = build_strict(
        tmp_path, events, {"one.md": actor_file("One")}, "plugins:\n  - timeline:\n      page_limit: 2\n"
    )
    pages = sorted(path.relative_to(build.site).as_posix() for path in build.site.rglob("*.html"))
    kinds = {path.split("/")[0] for path in pages}
    assert {"index.html", "years", "events", "actors", "tags", "search", "embed", "corrections", "404.html"} <= kinds
    assert any(path.count("/") >= 4 for path in pages if path.startswith("years/2023/03/"))  # a day's page
    base = serve_site(build.site)
    context = browser.new_context()
    problems: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error.stack}"))
    page.on("console", lambda message: message.type == "error" and problems.append(f"{page.url}: {message.text}"))
    loaded: set[str] = set()
    page.on("response", lambda response: response.url.endswith(".mjs") and loaded.add(response.url.rsplit("/", 1)[1]))
    for path in pages:
        page.goto(base + path, wait_until="networkidle")
        hidden = page.eval_on_selector_all(
            ".tl-zoom, form.tl-filter", "controls => controls.filter(c => c.hidden).length"
        )
        assert hidden == 0, path  # each picture's and filter's controls are shown
    context.close()
    # Not one error on any page kind, Material's own script included (the embed page has
    # no header, and gets an empty one for it).
    assert problems == []
    # A chronology without coordinates never loads the map's module.
    assert loaded == {"main.mjs", "address.mjs", "filter.mjs", "zoom.mjs", "gestures.mjs", "search.mjs"}
