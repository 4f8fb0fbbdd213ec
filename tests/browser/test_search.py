"""Search in the browser: Pagefind's index, fetched from the site itself only once the
reader goes to the search field; the header's search box and the search page with its
filters kept in the address."""

from __future__ import annotations

import pytest


def search(browser, url: str, query: str) -> list[str]:
    """Type a query into the header's search (Pagefind); the result links."""
    page = browser.new_page()
    page.goto(url)
    page.fill(".md-search input[name=q]", query)
    page.wait_for_function(
        "document.querySelector('.md-search .tl-search__status').textContent.includes(':')"
        " || document.querySelectorAll('.md-search .tl-search__results a').length > 0"
    )
    hits = page.eval_on_selector_all(".md-search .tl-search__results a", "links => links.map(a => a.href)")
    page.close()
    return hits


def test_search_finds_an_actor_by_alias(filter_build, browser, serve_site):
    hits = search(browser, serve_site(filter_build.site), "KH")
    assert any(href.endswith("actors/kataib-hezbollah/") for href in hits), hits


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # places: "Erbil airport, northern Iraq" and "Erbil, Iraq"
        ("Erbil", ["events/erbil-air-base-drone-attack/", "events/erbil-rocket-attack-us-contractor-killed/"]),
        ("airstrike", ["events/us-strikes-christmas-night/"]),  # its tag
        # an actor's name: the actor, and the event that names it
        ("Popular Mobilisation Forces", ["actors/popular-mobilisation-forces/", "events/pmf-condemns-us-strikes/"]),
        ("PMF", ["actors/popular-mobilisation-forces/"]),  # the actor's alias
        ("Albu Kamal", ["events/syrian-state-media-report-child-killed/"]),  # its place and body
    ],
)
def test_search_finds_events_by_place_tag_actor_and_body(sample_url, browser, query, expected):
    hits = [href.removeprefix(sample_url) for href in search(browser, sample_url, query)]
    assert [path for path in expected if path not in hits] == [], (query, hits)


def test_search_loads_nothing_until_the_reader_goes_to_it(sample_url, browser):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(sample_url + "events/us-strikes-christmas-night/", wait_until="networkidle")
    assert not [url for url in requests if "/pagefind/" in url]
    # Going to the field loads the engine and its metadata while the reader types, but
    # no index chunk: those depend on the words.
    with page.expect_request_finished(lambda request: ".pf_meta" in request.url):
        page.keyboard.press("/")
    page.wait_for_timeout(300)
    ready = [url for url in requests if "/pagefind/" in url]
    assert any(url.endswith("pagefind.js") for url in ready)
    assert not [url for url in ready if "/index/" in url or "/fragment/" in url]
    page.keyboard.type("Erbil")
    page.wait_for_selector(".md-search .tl-search__results a")
    fetched = [url for url in requests if "/pagefind/" in url]
    context.close()
    assert [url for url in fetched if "/index/" in url] and [url for url in fetched if "/fragment/" in url]
    assert all(url.startswith(sample_url) for url in fetched)


def results_count(page, other_than: int | None = None) -> int:
    """The number the status reports ("Results: 12"; ten results are shown at a time)."""
    page.wait_for_function(
        "n => { const m = document.querySelector('.md-content .tl-search__status').textContent.match(/(\\d+)\\s*$/);"
        " return m && Number(m[1]) !== n; }",
        arg=-1 if other_than is None else other_than,
    )
    return int(page.inner_text(".md-content .tl-search__status").rsplit(" ", 1)[-1].strip())


def test_search_page_filters_by_kind_actor_and_keeps_them_in_the_address(sample_url, browser):
    page = browser.new_page()
    page.goto(sample_url + "search/?q=strike")
    page.wait_for_selector(".tl-search__results a")
    everything = page.eval_on_selector_all(".tl-search__results a", "links => links.map(a => a.href)")
    assert any("/events/" in href for href in everything)
    found = results_count(page)
    # Filters are built from the index: kind, year, actor and tag.
    assert set(page.eval_on_selector_all("select[data-filter]", "s => s.map(e => e.name)")) == {
        "kind",
        "year",
        "actor",
        "tag",
    }
    page.select_option("select[name=actor]", "Kataib Hezbollah")
    page.wait_for_function("new URLSearchParams(location.search).get('actor') === 'Kataib Hezbollah'")
    narrowed = results_count(page, other_than=found)
    filtered = page.eval_on_selector_all(".tl-search__results a", "links => links.map(a => a.href)")
    assert filtered and narrowed < found
    facts = page.eval_on_selector_all(".tl-search__facts", "p => p.map(e => e.textContent)")
    assert all("Kataib Hezbollah" in text for text in facts), facts
    page.goto(sample_url + "search/?q=Hezbollah&kind=Actor")  # the address alone reproduces the search
    page.wait_for_selector(".tl-search__results a")
    actors_only = page.eval_on_selector_all(".tl-search__results a", "links => links.map(a => a.href)")
    page.close()
    assert actors_only and all("/actors/" in href for href in actors_only)
