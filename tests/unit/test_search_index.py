"""The search index's command: what the build says when Pagefind cannot finish."""

from __future__ import annotations

import pytest

from generator.build import search_index


def test_a_search_index_killed_for_memory_says_so(tmp_path, monkeypatch):
    # Pagefind as the system's out-of-memory killer leaves it: ended by SIGKILL.
    killed = tmp_path / "pagefind-killed"
    killed.write_text("#!/bin/sh\nkill -9 $$\n")
    killed.chmod(0o755)
    monkeypatch.setattr(search_index.sys, "executable", str(killed))
    with pytest.raises(search_index.SearchIndexError, match=r"stopped by SIGKILL .*memory.*search: summaries"):
        search_index.index_site(tmp_path)


def test_pagefind_is_handed_only_the_marked_element_of_a_page():
    page = (
        '<!doctype html><html lang="fr" class="no-js"><head><title>A &amp; B - Site</title></head><body>'
        "<header>Material's header</header><article class='md-content__inner'>"
        '<article class="tl-event" data-pagefind-body data-pagefind-filter="kind:Event">'
        "<h1>A &amp; B</h1><article>a card</article><p>text</p></article>"
        "<nav>after</nav></article><footer>scripts</footer></body></html>"
    )
    assert search_index.index_input(page) == (
        '<!doctype html><html lang="fr"><head><title>A &amp; B - Site</title></head><body>'
        '<article class="tl-event" data-pagefind-body data-pagefind-filter="kind:Event">'
        "<h1>A &amp; B</h1><article>a card</article><p>text</p></article></body></html>"
    )


def test_a_page_without_the_mark_is_not_indexed_even_when_its_text_names_it():
    page = (
        '<html lang="en"><head><title>Home</title></head><body><p>data-pagefind-body &lt;b data-pagefind-body&gt;</p>'
    )
    assert search_index.index_input(page) is None


def test_the_language_is_read_from_minified_pages_too():
    """minify-html drops the quotes of attribute values that need none (lang=fr)."""
    for html in ("<html lang=fr class=x>", '<html class=x lang="fr">'):
        page = search_index.index_input(
            f"{html}<head><title>T</title></head><body><main data-pagefind-body>Mot</main></body></html>"
        )
        assert page is not None and page.startswith('<!doctype html><html lang="fr">')
