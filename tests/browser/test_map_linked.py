"""The map with JavaScript (javascripts/timeline/map.mjs): zoom and pan keep each mark's
size on the ground; the overview's period shows on the map only its events, recounted; a
place or an area chosen on the map filters the list and the overview, kept in the
address; nothing is asked of another host; axe finds nothing to fault."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import axe_violations, drawn_marks, keep_report, shown_in_list
from tests.conftest import Build, actor_file, build_strict, built_once, event_file, located_place_file, static_server

PLACES = {
    "iraq.md": located_place_file("Iraq", 33.0, 44.0, "country"),
    "anbar.md": located_place_file("Anbar", 33.4, 42.0, "province", "iraq"),
    "al-qaim.md": located_place_file("Al-Qaim", 34.37, 41.09, "town", "anbar"),
    "erbil.md": located_place_file("Erbil", 36.19, 44.01, "town", "iraq"),
}
EVENTS = {
    "drone-at-erbil.md": event_file("Drone at Erbil", "2023-12-25", "place: erbil\nactors: [militia]"),
    "rockets-at-erbil.md": event_file("Rockets at Erbil", "2024-01-03", "place: erbil"),
    "strike-at-al-qaim.md": event_file("Strike at Al-Qaim", "2024-02-02", "place: al-qaim\nactors: [militia]"),
    "raids-in-anbar.md": event_file("Raids somewhere in Anbar", "2024-02", "place: anbar"),
    "more-raids-in-anbar.md": event_file("More raids in Anbar", "2024-02-05", "place: anbar"),
    "airport-drone.md": event_file(
        "Drone near the airport",
        "2024-02-10",
        "place: Erbil airport\ncoordinates:\n  latitude: '36.2376'\n  longitude: '43.9632'\n  precision: site",
    ),
    "statement.md": event_file("A statement from nowhere in particular", "2024-02-11"),
}
LOCATED = len(EVENTS) - 1


@pytest.fixture(scope="module")
def mapped(tmp_path_factory) -> Build:
    return built_once(
        tmp_path_factory,
        "map-linked",
        lambda root: build_strict(root, EVENTS, {"militia.md": actor_file("Militia")}, places=PLACES),
    )


@pytest.fixture
def page(browser):
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def open_map(page, url: str) -> None:
    """Open a page with a map, once its module (loaded only where there is a map) runs."""
    page.goto(url)
    page.wait_for_selector(".tl-map__zoom", state="visible")


def view_box(page) -> list[float]:
    return [float(n) for n in page.get_attribute(".tl-map svg", "viewBox").split()]


def disc(page, selector: str) -> dict[str, float]:
    """A mark's radius in units of the viewBox, in metres (its r times the map's scale),
    and on screen (CSS pixels)."""
    return page.eval_on_selector(
        selector,
        """mark => {
            const circle = mark.querySelector("circle");
            const scale = Number(mark.closest("svg").dataset.scale);
            const r = Number(circle.getAttribute("r"));
            return {r, metres: r * scale, drawn: Number(mark.dataset.r), screen: circle.getBoundingClientRect().width / 2};
        }""",
    )


def counted(page) -> int:
    """What the map's shown marks say they stand for: each count, 1 for a mark without one."""
    return page.eval_on_selector_all(
        "a.tl-map__mark",
        """marks => marks.filter(m => m.style.display !== "none")
            .reduce((sum, m) => sum + Number(m.querySelector("text")?.textContent || m.dataset.count), 0)""",
    )


def located_in_list(page) -> int:
    return page.eval_on_selector_all("li[data-at]", "items => items.filter(i => i.offsetParent).length")


def query(page) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(page.url).query).items()}


def test_zoom_and_pan_change_the_view_box_and_keep_each_disc_its_size_on_the_ground(mapped, page, serve_site):
    open_map(page, serve_site(mapped.site))
    assert page.is_visible(".tl-map__zoom")
    whole = view_box(page)
    province = "a.tl-map__mark[data-place=anbar]"
    before = disc(page, province)
    assert before["metres"] == pytest.approx(before["drawn"], rel=0.01)
    dot = "a.tl-map__mark[data-events=airport-drone]"
    dot_before = disc(page, dot) if page.locator(dot).count() else None

    page.focus(".tl-map svg")
    page.keyboard.press("+")
    page.keyboard.press("+")  # a quarter of the width: four times larger
    zoomed = view_box(page)
    assert zoomed[2] == pytest.approx(whole[2] / 4)
    after = disc(page, province)
    # The province is as large on the ground as before, so four times as large on screen:
    # never shrunk towards a point.
    assert after["metres"] == pytest.approx(after["drawn"], rel=0.01)
    assert after["screen"] == pytest.approx(before["screen"] * 4, rel=0.05)
    if dot_before:  # a dot drawn larger than its site keeps its size on screen
        assert disc(page, dot)["screen"] == pytest.approx(dot_before["screen"], rel=0.05)

    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowUp")
    moved = view_box(page)
    assert moved[2] == zoomed[2] and (moved[0], moved[1]) != (zoomed[0], zoomed[1])
    box = page.locator(".tl-map svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 200)  # the wheel zooms out
    assert view_box(page)[2] > moved[2]
    page.click(".tl-map__zoom button[data-zoom=reset]")
    assert view_box(page) == whole
    assert disc(page, province)["screen"] == pytest.approx(before["screen"], rel=0.01)


def test_a_drag_pans_the_map_and_opens_nothing(mapped, page, serve_site):
    base = serve_site(mapped.site)
    open_map(page, base)
    page.click(".tl-map__zoom button[data-zoom=in]")
    start = view_box(page)
    box = page.locator(".tl-map svg").bounding_box()
    middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(*middle)
    page.mouse.down()
    page.mouse.move(middle[0] - 60, middle[1] - 30, steps=5)
    page.mouse.up()
    assert view_box(page)[0] > start[0]
    assert urlsplit(page.url).path == urlsplit(base).path  # still the same page


def test_the_overviews_period_shows_on_the_map_only_its_events_and_the_counts_add_up(mapped, page, serve_site):
    base = serve_site(mapped.site)
    open_map(page, base)
    assert counted(page) == LOCATED == located_in_list(page)
    open_map(page, base + "?from=2024-01-01&to=2024-02-11")
    in_2024 = located_in_list(page)
    assert in_2024 == LOCATED - 1  # the drone at Erbil (2023) is out of the period
    assert counted(page) == in_2024
    status = page.text_content(".tl-map__zoom .tl-zoom__status")
    assert str(in_2024) in status and str(LOCATED) in status
    # Zoomed in the overview: fewer events, fewer on the map.
    page.focus(".tl-picture svg")
    for _ in range(3):
        page.keyboard.press("+")
    assert counted(page) == located_in_list(page) < in_2024
    page.keyboard.press("Home")  # the whole period: every mark back
    assert counted(page) == LOCATED
    assert page.text_content(".tl-map__zoom .tl-zoom__status") == ""


def test_a_place_chosen_on_the_map_filters_the_list_and_the_overview(mapped, page, serve_site):
    base = serve_site(mapped.site)
    open_map(page, base)
    everything = shown_in_list(page)
    page.focus("a.tl-map__mark[data-place=anbar]")
    page.keyboard.press("Enter")
    assert query(page) == {"place": "anbar"}
    assert urlsplit(page.url).path == urlsplit(base).path  # chosen, not opened
    # Anbar's events, with those of the places inside it (Al-Qaim).
    assert sorted(shown_in_list(page)) == ["more-raids-in-anbar", "raids-in-anbar", "strike-at-al-qaim"]
    assert sorted(drawn_marks(page)) == ["more-raids-in-anbar", "raids-in-anbar", "strike-at-al-qaim"]
    chosen = page.text_content(".tl-map__chosen")
    assert "Anbar" in chosen
    assert page.get_attribute(".tl-map__chosen a", "href").endswith("places/anbar/")  # its page, a click away

    page.click(".tl-map__zoom button[data-map=all]")
    assert query(page) == {}
    assert shown_in_list(page) == everything
    page.go_back()  # back and forward restore the choice
    assert query(page) == {"place": "anbar"}
    assert sorted(shown_in_list(page)) == ["more-raids-in-anbar", "raids-in-anbar", "strike-at-al-qaim"]
    page.go_forward()
    assert shown_in_list(page) == everything


def test_a_place_in_the_list_under_the_map_is_chosen_too(mapped, page, serve_site):
    open_map(page, serve_site(mapped.site))
    page.click(".tl-map__list summary")
    links = page.locator(".tl-map__list a[href$='places/erbil/']")
    assert links.count() >= 1
    links.first.click()
    assert query(page) == {"place": "erbil"}
    assert sorted(shown_in_list(page)) == ["drone-at-erbil", "rockets-at-erbil"]


def test_the_area_in_view_filters_the_list(mapped, page, serve_site):
    open_map(page, serve_site(mapped.site))
    # Zoomed on the north-east of the map (Erbil), then "List only this area".
    page.focus(".tl-map svg")
    page.evaluate(
        """() => {
            const svg = document.querySelector(".tl-map svg");
            const mark = document.querySelector("a.tl-map__mark[data-place=erbil], a.tl-map__mark[data-lat^='36.']");
            const circle = mark.querySelector("circle");
            const box = svg.getBoundingClientRect();
            const [, , w, h] = svg.getAttribute("viewBox").split(" ").map(Number);
            const x = box.left + circle.cx.baseVal.value / w * box.width;
            const y = box.top + circle.cy.baseVal.value / h * box.height;
            for (let i = 0; i < 12; i++) {
                svg.dispatchEvent(new WheelEvent("wheel", {deltaY: -100, clientX: x, clientY: y, bubbles: true, cancelable: true}));
            }
        }"""
    )
    page.click(".tl-map__zoom button[data-map=area]")
    bbox = query(page)["bbox"]
    west, south, east, north = map(float, bbox.split(","))
    assert west < 44.01 < east and south < 36.19 < north
    assert sorted(shown_in_list(page)) == ["airport-drone", "drone-at-erbil", "rockets-at-erbil"]
    assert page.text_content(".tl-map__chosen")


@pytest.mark.parametrize(
    ("address", "listed"),
    [
        ("?place=al-qaim", ["strike-at-al-qaim"]),
        (
            "?place=iraq",
            ["drone-at-erbil", "more-raids-in-anbar", "raids-in-anbar", "rockets-at-erbil", "strike-at-al-qaim"],
        ),
        ("?bbox=43.5,35.9,44.5,36.5", ["airport-drone", "drone-at-erbil", "rockets-at-erbil"]),
        ("?place=al-qaim&from=2024-02-06&to=2024-02-11", []),
    ],
)
def test_an_address_with_a_place_or_an_area_opens_filtered(mapped, page, serve_site, address, listed):
    open_map(page, serve_site(mapped.site) + address)
    assert sorted(shown_in_list(page)) == listed
    assert page.is_hidden(".tl-map__zoom .tl-note")
    assert "?" + urlsplit(page.url).query == address


@pytest.mark.parametrize(
    "address", ["?place=nowhere", "?place=%3Cb%3E", "?bbox=1,2,3", "?bbox=10,50,20,40", "?bbox=-80,10,-70,20"]
)
def test_an_address_the_map_cannot_show_lists_every_place_and_says_so(mapped, page, serve_site, address):
    open_map(page, serve_site(mapped.site) + address)
    assert len(shown_in_list(page)) == len(EVENTS)
    assert page.is_visible(".tl-map__zoom .tl-note")
    assert urlsplit(page.url).query == ""


def test_the_embed_has_the_map_and_its_choices(sample_build, page, serve_site):
    base = serve_site(sample_build.site)
    open_map(page, base + "embed/")
    assert page.is_visible(".tl-map svg") and page.is_visible(".tl-map__zoom")
    open_map(page, base + "embed/?place=erbil")  # Erbil, and the air base in it
    assert sorted(shown_in_list(page)) == ["erbil-air-base-drone-attack", "erbil-rocket-attack-us-contractor-killed"]
    open_map(page, base)
    assert "<code>?place=</code>" in page.inner_html(".tl-embed")


def test_nothing_is_asked_of_another_host(sample_build, mapped, browser):
    requests: list[str] = []
    context = browser.new_context()
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    with static_server(sample_build.site) as sample, static_server(mapped.site) as other:
        for path in ("", "places/erbil/", "events/us-strikes-christmas-night/", "embed/", "embed/?place=erbil"):
            page.goto(sample + path, wait_until="networkidle")
        open_map(page, other + "?place=anbar")
        page.focus(".tl-map svg")
        page.keyboard.press("+")
        page.click(".tl-map__zoom button[data-map=area]")
        page.wait_for_load_state("networkidle")
        context.close()
    assert len(requests) > 6
    assert [url for url in requests if not url.startswith((sample, other))] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_page_with_a_map_has_no_accessibility_violations(mapped, arabic_build, browser, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    report = {}
    with static_server(mapped.site) as base, static_server(arabic_build.site) as arabic:
        open_map(page, base)
        report["home"] = axe_violations(page)
        open_map(page, base + "?place=anbar")  # a place chosen: the others dimmed
        page.focus(".tl-map svg")
        page.keyboard.press("+")
        report["home, a place chosen, zoomed"] = axe_violations(page)
        open_map(page, arabic)  # right to left
        report["Arabic home"] = axe_violations(page)
    context.close()
    keep_report(f"axe-map-{scheme}.json", report)
    assert report == {name: [] for name in report}


def test_on_an_actors_page_the_map_zooms_and_its_marks_open(mapped, page, serve_site):
    base = serve_site(mapped.site)
    open_map(page, base + "actors/militia/")
    assert page.is_visible(".tl-map__zoom") and page.is_hidden(".tl-map__zoom button[data-map=area]")
    page.click(".tl-map__zoom button[data-zoom=in]")
    assert view_box(page)[2] < 800
    mark = page.locator("a.tl-map__mark[href*='events/']").first
    href = mark.get_attribute("href")
    mark.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path.endswith(href.lstrip("./"))


MAP_PINCH = """([svg, from, to]) => {
  const box = svg.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const fire = (type, id, dx, dy) => svg.dispatchEvent(new PointerEvent(type, {pointerId: id, clientX: x + dx,
    clientY: y + dy, pointerType: "touch", isPrimary: id === 1, bubbles: true}));
  fire("pointerdown", 1, -from, -from); fire("pointerdown", 2, from, from);
  fire("pointermove", 1, -to, -to); fire("pointermove", 2, to, to);
  fire("pointerup", 1, -to, -to); fire("pointerup", 2, to, to);
}"""


def test_pinching_zooms_the_map_about_the_fingers(mapped, page, serve_site):
    open_map(page, serve_site(mapped.site))
    whole = view_box(page)
    svg = page.query_selector(".tl-map svg")
    page.evaluate(MAP_PINCH, [svg, 20, 80])  # fingers apart: four times closer
    zoomed = view_box(page)
    assert zoomed[2] == pytest.approx(whole[2] / 4, rel=0.01)
    # The middle of the map stayed in the middle.
    assert zoomed[0] + zoomed[2] / 2 == pytest.approx(whole[2] / 2, abs=1)
    assert zoomed[1] + zoomed[3] / 2 == pytest.approx(whole[3] / 2, abs=1)
    page.evaluate(MAP_PINCH, [svg, 80, 20])  # together again: the whole map
    assert view_box(page) == pytest.approx(whole, abs=0.5)


def test_an_address_naming_a_place_moves_the_map_to_it(mapped, page, serve_site):
    open_map(page, serve_site(mapped.site))
    whole = view_box(page)
    open_map(page, serve_site(mapped.site) + "?place=al-qaim")
    left, top, wide, high = view_box(page)
    assert wide < whole[2]  # zoomed in
    mark = page.locator("a.tl-map__mark[data-place=al-qaim] circle").first
    cx, cy = float(mark.get_attribute("cx")), float(mark.get_attribute("cy"))
    assert left <= cx <= left + wide and top <= cy <= top + high
