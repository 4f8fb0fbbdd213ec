"""Hostile content in a real browser: no payload of tests/xss_payloads.py runs, on any
page or in search results."""

from __future__ import annotations

from tests.conftest import html_pages
from tests.xss_payloads import PAYLOADS


def test_no_payload_runs_in_a_browser(hostile_build, browser, serve_site):
    base = serve_site(hostile_build.site)
    dialogs: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visited = 0
    for path in html_pages(hostile_build.site):
        url = base + path.relative_to(hostile_build.site).as_posix()
        page.goto(url, wait_until="load")
        page.mouse.move(200, 300)  # give hover payloads their chance
        page.keyboard.press("Tab")  # and focus payloads theirs
        visited += 1
    page.goto(base)
    page.fill("input.md-search__input", "alert")  # search results render titles
    page.wait_for_timeout(500)
    context.close()
    assert visited > len(PAYLOADS)
    assert dialogs == []
