"""The site loads nothing from third parties, and every page and link works without JavaScript."""

from __future__ import annotations

from tests.browser.conftest import visible_cards
from tests.conftest import REPO, SAMPLE_PAGES, html_pages


def test_nothing_is_loaded_from_a_third_party(sample_url, browser):
    requests: list[str] = []
    context = browser.new_context()
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    for path in SAMPLE_PAGES.values():
        page.goto(sample_url + path, wait_until="networkidle")
    page.fill(".md-search input[name=q]", "strike")
    page.wait_for_selector(".md-search .tl-search__results a")
    context.close()
    assert len(requests) > len(SAMPLE_PAGES)
    outside = [url for url in requests if not url.startswith(sample_url)]
    assert outside == []


def test_every_page_and_link_works_without_javascript(sample_build, sample_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    checked = set()
    for path in html_pages(sample_build.site):
        url = sample_url + path.relative_to(sample_build.site).as_posix()
        response = page.goto(url)
        assert response.status == 200
        if path.name == "404.html":
            continue
        assert page.is_visible("article.md-content__inner h1"), url
        # getAttribute: an SVG link's href property is an object, not the address.
        script = "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"
        for href in page.eval_on_selector_all("a[href]", script):
            target = href.split("#")[0]
            if target.startswith(sample_url) and target not in checked:
                checked.add(target)
                assert context.request.get(target).status == 200, (url, href)
    timeline = sample_url
    page.goto(timeline)
    assert len(visible_cards(page)) == len(list((REPO / "content/events").glob("*.md")))
    assert not page.is_visible("form.tl-filter")  # the filter needs JavaScript; the pages do not
    context.close()
    assert len(checked) > 40
