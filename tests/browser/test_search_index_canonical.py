"""The search index in its canonical order is the index Pagefind's own browser code reads:
its filters list every value with the right pages, and a filtered search finds them."""

from __future__ import annotations

from tests.browser.conftest import thirty_strikes
from tests.conftest import build_strict


def test_pagefind_reads_the_canonical_index_and_its_filters(tmp_path, browser, serve_site):
    events, actors = thirty_strikes()
    build = build_strict(tmp_path, events, actors)
    page = browser.new_page()
    page.goto(serve_site(build.site) + "search/")
    found = page.evaluate(
        """async () => {
            const pagefind = await import("../pagefind/pagefind.js");
            await pagefind.init();
            const filters = await pagefind.filters();
            const all = await pagefind.search("strike", {filters: {kind: "Event"}});
            const dawn = await pagefind.search("dawn", {filters: {tag: "tag-0"}});
            const group = await pagefind.search(null, {filters: {actor: "Group 2", kind: "Event"}});
            return {filters, all: all.results.length, dawn: dawn.results.length, group: group.results.length};
        }"""
    )
    assert found["filters"]["tag"] == {**{f"tag-{n}": len(range(n, 30, 4)) for n in range(4)}, "shared": 30}
    assert found["filters"]["kind"] == {"Event": 30, "Actor": 6}
    assert sum(found["filters"]["year"].values()) == 30
    assert found["all"] == 30
    assert found["dawn"] == len([n for n in range(30) if n % 3 == 0 and n % 4 == 0])
    assert found["group"] == len(range(2, 30, 6))
