"""The overview picture in the browser: zoom by keyboard and by pinching, a zoomed view
kept in the address, and the subset the filter leaves."""

from __future__ import annotations

import datetime

from tests.browser.conftest import drawn_marks, shown_in_list
from tests.conftest import KINDS, actor_file, build_strict, event_file


def test_keyboard_zoom_changes_the_address_and_the_list(kinds_build, browser, serve_site):
    base = serve_site(kinds_build.site)
    page = browser.new_page()
    page.goto(base)
    everything = shown_in_list(page)
    assert len(everything) == len(KINDS)
    assert page.is_visible(".tl-zoom")
    page.focus(".tl-picture svg")
    for _ in range(3):
        page.keyboard.press("+")  # an eighth of the period, around its middle
    query = dict(item.split("=") for item in page.evaluate("location.search").lstrip("?").split("&"))
    assert set(query) == {"from", "to"} and query["from"] > "2022-01-01" and query["to"] < "2023-12-31"
    zoomed = shown_in_list(page)
    assert 0 < len(zoomed) < len(everything) and "undated" not in zoomed
    page.keyboard.press("ArrowRight")
    moved = dict(item.split("=") for item in page.evaluate("location.search").lstrip("?").split("&"))
    assert moved["from"] > query["from"]
    page.keyboard.press("Home")  # the whole period again
    assert page.evaluate("location.search") == ""
    assert shown_in_list(page) == everything
    page.close()


def test_a_linked_view_opens_zoomed(kinds_build, browser, serve_site):
    page = browser.new_page()
    page.goto(serve_site(kinds_build.site) + "?from=2023-05-01&to=2023-07-31")
    shown = shown_in_list(page)
    marks = drawn_marks(page)
    page.close()
    assert shown == ["range"]
    assert marks == ["range"]


def test_the_picture_shows_the_subset_the_filter_leaves(tmp_path, browser, serve_site):
    events = {
        "a.md": event_file("A", "2023-03-15", "actors: [one]"),
        "b.md": event_file("B", "2023-06-15", "actors: [two]"),
        "c.md": event_file("C", "2023-09-15", "actors: [one]"),
    }
    build = build_strict(tmp_path, events, {"one.md": actor_file("One"), "two.md": actor_file("Two")})
    page = browser.new_page()
    page.goto(serve_site(build.site) + "?actor=one&from=2023-03-01&to=2023-08-31")
    assert drawn_marks(page) == ["a"]  # actor one, and in view
    page.select_option("select[name=actor]", "")
    query = page.evaluate("location.search")
    assert "from=2023-03-01" in query and "actor" not in query  # the filter keeps the picture's view
    drawn = drawn_marks(page)
    page.close()
    assert drawn == ["a", "b"]


def test_the_embeddable_timeline_zooms_from_its_address(kinds_build, browser, serve_site):
    page = browser.new_page()
    page.goto(serve_site(kinds_build.site) + "embed/?from=2023-05-01&to=2023-07-31")  # zoom from the address
    shown = shown_in_list(page)
    page.close()
    assert shown == ["range"]


PINCH = """([svg, from, to]) => {
  const box = svg.getBoundingClientRect(), era = svg.querySelector("g.tl-picture__era rect").getBoundingClientRect();
  const y = box.top + box.height / 2, middle = era.left + era.width / 2;  // around the first era
  const fire = (type, id, x) => svg.dispatchEvent(new PointerEvent(type, {pointerId: id, clientX: x, clientY: y,
    pointerType: "touch", isPrimary: id === 1, bubbles: true}));
  fire("pointerdown", 1, middle - from); fire("pointerdown", 2, middle + from);
  fire("pointermove", 1, middle - to); fire("pointermove", 2, middle + to);
  fire("pointerup", 1, middle - to); fire("pointerup", 2, middle + to);
}"""


def test_pinching_zooms_and_the_eras_follow(eras_build, browser, serve_site):
    page = browser.new_page()
    page.goto(serve_site(eras_build.site))
    band = "document.querySelector('g.tl-picture__era rect').getAttribute('width')"
    before = float(page.evaluate(band))
    svg = page.query_selector(".tl-picture svg")
    page.evaluate(PINCH, [svg, 20, 80])  # fingers apart: four times closer
    query = dict(item.split("=") for item in page.evaluate("location.search").lstrip("?").split("&"))
    assert set(query) == {"from", "to"}
    span = datetime.date.fromisoformat(query["to"]) - datetime.date.fromisoformat(query["from"])
    assert 90 < span.days < 200  # a quarter of the 2022-2023 picture (730 days)
    assert query["from"] < "2023-03-01" and query["to"] > "2023-05-31"  # around the spring offensive
    assert float(page.evaluate(band)) > 2 * before  # the spring offensive's band widened with the zoom
    page.evaluate(PINCH, [svg, 80, 20])  # together again: the whole period
    page.close()
