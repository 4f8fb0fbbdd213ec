"""Accessibility: no axe-core violations in light or dark scheme, in English and in
Arabic (right to left), and a visible keyboard focus."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, keep_report
from tests.conftest import SAMPLE_PAGES, static_server


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(sample_url, browser, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    report = {}
    for name, path in SAMPLE_PAGES.items():
        page.goto(sample_url + path)
        report[name] = axe_violations(page)
    context.close()
    keep_report(f"axe-{scheme}.json", report)
    assert report == {name: [] for name in SAMPLE_PAGES}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_arabic_pages_have_no_accessibility_violations(arabic_build, browser, scheme):
    paths = ["", "events/strike/", "actors/kataib/", "events/", "actors/", "tags/", "years/2023/"]
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    report = {}
    with static_server(arabic_build.site) as base:
        for path in paths:
            page.goto(base + path)
            report[path] = axe_violations(page)
    context.close()
    keep_report(f"axe-arabic-{scheme}.json", report)
    assert report == {path: [] for path in paths}


def test_keyboard_focus_is_visible(sample_url, browser):
    page = browser.new_page()
    page.goto(sample_url + SAMPLE_PAGES["event"])
    styles = []
    for _ in range(8):
        page.keyboard.press("Tab")
        # The focused element, or, for Material's visually hidden scheme toggle, the label
        # beside it that readers see as the button.
        styles.append(
            page.evaluate(
                "() => { const e = document.activeElement;"
                " const hidden = getComputedStyle(e).opacity === '0' && e.nextElementSibling;"
                " const s = getComputedStyle(hidden ? e.nextElementSibling : e);"
                " return [e.tagName, s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
            )
        )
    page.close()
    for tag, outline, width, shadow in styles:
        if tag == "BODY":
            continue
        assert (outline != "none" and width != "0px") or shadow != "none", (tag, outline, width, shadow)
