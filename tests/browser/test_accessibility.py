"""Accessibility: no axe-core violations in light or dark scheme, in English and in
Arabic (right to left), and a visible keyboard focus."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, keep_report
from tests.conftest import SAMPLE_PAGES, static_server


def axe_report(browser, scheme: str, base: str, paths: dict[str, str]) -> dict[str, list[tuple]]:
    """axe-core's violations on each page (name: path from ``base``) in a colour scheme."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    report = {}
    for name, path in paths.items():
        page.goto(base + path)
        report[name] = axe_violations(page)
    context.close()
    return report


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(sample_url, browser, scheme):
    report = axe_report(browser, scheme, sample_url, SAMPLE_PAGES)
    keep_report(f"axe-{scheme}.json", report)
    assert report == {name: [] for name in SAMPLE_PAGES}


# The other kinds of page a reader meets: (the build that has one, its address, what to wait for).
MORE_KINDS = {
    "search, results shown": ("sample_build", "search/?q=strike", ".tl-search__results a"),
    "embed": ("sample_build", "embed/", None),
    "404": ("sample_build", "404.html", None),
    "corrections": ("corrected_build", "corrections/", None),
    "month": ("dense_build", "years/2023/12/", None),
    "day": ("dense_build", "years/2023/12/25/", None),
}


@pytest.mark.parametrize(("kind", "scheme"), [(kind, scheme) for kind in MORE_KINDS for scheme in ("light", "dark")])
def test_more_page_kinds_have_no_accessibility_violations(request, browser, serve_site, kind, scheme):
    build_name, path, ready = MORE_KINDS[kind]
    base = serve_site(request.getfixturevalue(build_name).site)
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base + path)
    if ready:
        page.wait_for_selector(ready)
    assert page.locator("main, [role=main], .md-content").count() > 0  # a page of the site, not the server's
    violations = axe_violations(page)
    context.close()
    keep_report(f"axe-{kind.split(',')[0]}-{scheme}.json", {path: violations})
    assert violations == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_arabic_pages_have_no_accessibility_violations(arabic_build, browser, scheme):
    paths = [
        "",
        "events/strike/",
        "actors/kataib/",
        "events/",
        "actors/",
        "tags/",
        "years/2023/",
        "places/",
        "places/border/",
    ]
    with static_server(arabic_build.site) as base:
        report = axe_report(browser, scheme, base, {path: path for path in paths})
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
