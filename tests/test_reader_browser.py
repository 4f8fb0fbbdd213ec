"""The published site in a real browser (Debian's chromium, offline): search, filters,
privacy, no JavaScript, accessibility (axe-core), valid HTML (Nu checker), mobile."""

from __future__ import annotations

import json
import re
import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ARTIFACTS_DIR as ARTIFACTS
from conftest import AXE, REPO, actor_file, build_strict, event_file, html_pages, static_server

PAGES = {  # one of each kind a reader sees
    "timeline": "",
    "event": "events/us-strikes-christmas-night/",
    "actor": "actors/kataib-hezbollah/",
    "events index": "events/",
    "actors index": "actors/",
    "tags index": "tags/",
    "tag": "tags/airstrike/",
    "year": "years/2009/",
}


@pytest.fixture(scope="module")
def sample_url(sample_build):
    with static_server(sample_build.site) as url:
        yield url


@pytest.fixture(scope="module")
def filter_build(tmp_path_factory):
    events = {
        "strike.md": event_file("Strike", "2023-12-25", "actors: [kataib-hezbollah, united-states]\ntags: [airstrike]"),
        "drone.md": event_file("Drone attack", "2023-12-20", "actors: [kataib-hezbollah]\ntags: [drone]"),
        "statement.md": event_file("Statement", "2022-05", "actors: [united-states]\ntags: [statement]"),
    }
    actors = {
        "kataib-hezbollah.md": actor_file("Kataib Hezbollah", extra="aliases: [KH]"),
        "united-states.md": actor_file("United States", "state"),
    }
    return build_strict(tmp_path_factory.mktemp("filters"), events, actors)


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all("article.tl-card", "cards => cards.filter(c => c.offsetParent).map(c => c.id)")


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


@pytest.mark.parametrize("query", ["Erbil", "airstrike", "Popular Mobilisation Forces", "PMF", "Albu Kamal"])
def test_search_finds_events_by_place_tag_actor_and_body(sample_url, browser, query):
    hits = search(browser, sample_url, query)
    assert any("/events/" in href or "/actors/" in href for href in hits), (query, hits)


def test_timeline_filters_in_place_and_keeps_the_filter_in_the_address(filter_build, browser, serve_site):
    base = serve_site(filter_build.site)
    page = browser.new_page()
    page.goto(base + "?actor=kataib-hezbollah")
    assert visible_cards(page) == ["drone", "strike"]
    assert page.is_visible("form.tl-filter")
    assert "Showing 2 of 3 events" in page.inner_text(".tl-filter__status")
    assert not page.is_visible("#year-2022")  # a year with no match is hidden
    page.select_option("select[name=tag]", "airstrike")
    assert visible_cards(page) == ["strike"]
    assert parse_qs(urlsplit(page.url).query) == {"actor": ["kataib-hezbollah"], "tag": ["airstrike"]}
    page.goto(page.url)  # the address alone reproduces the view
    assert visible_cards(page) == ["strike"]
    page.select_option("select[name=actor]", "")
    page.select_option("select[name=tag]", "")
    page.select_option("select[name=year]", "year-2022")
    assert visible_cards(page) == ["statement"]
    page.close()


def test_nothing_is_loaded_from_a_third_party(sample_url, browser):
    requests: list[str] = []
    context = browser.new_context()
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    for path in PAGES.values():
        page.goto(sample_url + path, wait_until="networkidle")
    page.fill(".md-search input[name=q]", "strike")
    page.wait_for_selector(".md-search .tl-search__results a")
    context.close()
    assert len(requests) > len(PAGES)
    outside = [url for url in requests if not url.startswith(sample_url)]
    assert outside == []


def script_bytes(path, counted=None) -> int:
    """A script's bytes, with those of the modules it imports (once each)."""
    counted = set() if counted is None else counted
    if path in counted:
        return 0
    counted.add(path)
    imported = re.findall(r'^import [^;]*? from "(\./[^"]+)";', path.read_text(encoding="utf-8"), re.MULTILINE)
    return path.stat().st_size + sum(script_bytes((path.parent / name).resolve(), counted) for name in imported)


def test_page_weights_stay_small(sample_build):
    """HTML + CSS + JS bytes each page makes a reader download (recorded for review)."""
    from bs4 import BeautifulSoup

    weights = {}
    for name, path in PAGES.items():
        html_path = sample_build.site / path / "index.html"
        soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
        folder = html_path.parent
        css = sum((folder / link["href"]).resolve().stat().st_size for link in soup.find_all("link", rel="stylesheet"))
        js = sum(script_bytes((folder / script["src"]).resolve()) for script in soup.find_all("script", src=True))
        weights[name] = {
            "html": html_path.stat().st_size,
            "css": css,
            "js": js,
            "total": html_path.stat().st_size + css + js,
        }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "page-weights.json").write_text(json.dumps(weights, indent=1))
    assert all(weight["total"] < 400_000 for weight in weights.values()), weights


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(sample_url, browser, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    report = {}
    for name, path in PAGES.items():
        page.goto(sample_url + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        report[name] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{scheme}.json").write_text(json.dumps(report, indent=1))
    assert report == {name: [] for name in PAGES}


def test_keyboard_focus_is_visible(sample_url, browser):
    page = browser.new_page()
    page.goto(sample_url + PAGES["event"])
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
    page.goto(sample_url + PAGES[name], wait_until="networkidle")
    page.wait_for_timeout(200)
    shifts = page.evaluate("window.tlShifts")
    shown = page.evaluate("[...document.querySelectorAll('.tl-filter, .tl-zoom')].map(e => !e.hidden)")
    context.close()
    assert shown and all(shown), "the controls whose room is kept are shown"
    assert sum(shift["value"] for shift in shifts) < 0.01, shifts


def test_every_page_is_valid_html(sample_build):
    vnu = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    pages = [str(p) for p in html_pages(sample_build.site)]
    result = subprocess.run(
        ["java", "-jar", str(vnu), "--errors-only", "--format", "json", *pages], capture_output=True, text=True
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert messages == [], messages[:5]
    assert len(pages) > 30


@pytest.mark.parametrize("name", ["timeline", "event", "actor", "events index", "actors index", "tag"])
def test_no_page_scrolls_sideways_on_a_phone(sample_url, browser, name):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=1)
    page = context.new_page()
    page.goto(sample_url + PAGES[name])
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    context.close()
    assert widths[0] <= widths[1], widths


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_for_review(sample_url, browser, width):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for name in ("timeline", "event"):
        page.goto(sample_url + PAGES[name])
        path = ARTIFACTS / f"{name.replace(' ', '-')}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
    context.close()


def test_search_loads_nothing_until_the_reader_goes_to_it(sample_url, browser):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(sample_url + PAGES["event"], wait_until="networkidle")
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
