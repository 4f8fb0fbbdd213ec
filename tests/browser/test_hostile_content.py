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
    assert visited > len(PAYLOADS)
    assert dialogs == []
    # Search results draw titles and excerpts that are all payloads: as text.
    page.goto(base)
    page.fill("input.md-search__input", "alert")
    page.wait_for_selector(".md-search .tl-search__results a")
    for link in page.query_selector_all(".md-search .tl-search__results a"):
        link.dispatch_event("mouseover")  # hover payloads
    page.wait_for_timeout(300)  # time for an injected handler to run
    titles = page.eval_on_selector_all(".md-search .tl-search__results a", "links => links.map(a => a.textContent)")
    injected = page.eval_on_selector_all(
        ".md-search .tl-search__results *",
        "nodes => nodes.map(n => n.tagName).filter(t => !['LI', 'A', 'P', 'MARK'].includes(t))",
    )
    status = page.inner_text(".md-search .tl-search__status")
    context.close()
    assert len(titles) == 10 and set(titles) <= set(PAYLOADS), titles  # the first ten of the results
    assert any("<" in title for title in titles)  # markup among them, shown as written
    assert status.startswith("Results: ") and int(status.split()[-1]) > 10, status
    assert injected == []
    assert dialogs == []
