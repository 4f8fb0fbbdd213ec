"""The timeline's filter by actor, tag and year, in place, kept in the address."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.browser.conftest import visible_cards


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
