"""Layout as a reader sees it: nothing moves while a page loads, nothing scrolls sideways
on a phone, and screenshots for review."""

from __future__ import annotations

import pytest

from tests.conftest import ARTIFACTS_DIR, SAMPLE_PAGES

LAYOUT_SHIFTS = """
    window.tlShifts = [];
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) {
        window.tlShifts.push({value: entry.value, nodes: entry.sources.map(s => s.node && s.node.nodeName)});
      }
    }).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("name", ["timeline", "year", "tag", "actor"])
def test_nothing_moves_while_a_page_loads(sample_url, browser, name):
    # The filter and the zoom buttons are shown by scripts at the end of the page; their
    # room is kept from the first paint, so the list under them does not jump (Lighthouse's
    # layout-shift score counts it against the page).
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFTS)
    page.goto(sample_url + SAMPLE_PAGES[name], wait_until="networkidle")
    page.wait_for_timeout(200)
    shifts = page.evaluate("window.tlShifts")
    shown = page.evaluate("[...document.querySelectorAll('.tl-filter, .tl-zoom')].map(e => !e.hidden)")
    context.close()
    assert shown and all(shown), "the controls whose room is kept are shown"
    assert sum(shift["value"] for shift in shifts) < 0.01, shifts


@pytest.mark.parametrize("name", ["timeline", "event", "actor", "events index", "actors index", "tag"])
def test_no_page_scrolls_sideways_on_a_phone(sample_url, browser, name):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=1)
    page = context.new_page()
    page.goto(sample_url + SAMPLE_PAGES[name])
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    context.close()
    assert widths[0] <= widths[1], widths


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_for_review(sample_url, browser, width):
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for name in ("timeline", "event"):
        page.goto(sample_url + SAMPLE_PAGES[name])
        path = ARTIFACTS_DIR / f"{name.replace(' ', '-')}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
    context.close()
