"""The search index in its canonical order is the index Pagefind's own browser code reads:
its filters list every value with the right pages, and a filtered search finds them."""

from __future__ import annotations

from tests.conftest import actor_file, build_strict, event_file


def test_pagefind_reads_the_canonical_index_and_its_filters(tmp_path, browser, serve_site):
    actors = {f"group-{n}.md": actor_file(f"Group {n}") for n in range(6)}
    events = {
        f"e{n}.md": event_file(
            f"Strike number {n}",
            f"20{10 + n % 5}-0{1 + n % 9}-1{n % 10}",
            f"tags: [tag-{n % 4}, shared]\nactors:\n  - id: group-{n % 6}\n",
            body=f"A strike on the bridge{' at dawn' if n % 3 == 0 else ''}.[^src]",
        )
        for n in range(30)
    }
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
