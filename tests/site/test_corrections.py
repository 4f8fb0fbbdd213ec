"""Corrections in public: above the page's body, on /corrections/ newest first, in
corrections.xml and in JSON-LD; a correction's source is marked and linked both ways."""

from __future__ import annotations

import json

import feedparser

from tests.conftest import event_file, run_mkdocs, write_project
from tests.site.conftest import broken_links


def test_corrections_show_above_the_body_newest_first(corrected_build):
    page = corrected_build.page("events/strike/")
    aside = page.select_one("aside.tl-corrections")
    article = page.select_one("article.tl-event")
    assert article.index(aside) < article.index(article.select_one(".tl-body"))  # above the body
    items = [" ".join(li.get_text().split()) for li in aside.select("li")]
    assert items[0] == "Corrected 3 May 2024: The toll was 3, not 5, according to the hospital.1"
    assert items[1].startswith("Corrected January 2024:")
    mark = aside.select_one("sup.tl-cite")
    assert mark.a["href"] == "#fn:hospital"
    back = page.find(id="fn:hospital").select_one("a.footnote-backref")
    assert back["href"] == f"#{mark['id']}"  # the source list links back to the correction
    assert broken_links(corrected_build.site) == []


def test_the_corrections_page_feed_and_json_ld(corrected_build):
    listed = corrected_build.page("corrections/").select(".tl-corrections-index li")
    assert [li.a.get_text() for li in listed] == ["Strike", "Strike"]
    assert "3 May 2024" in listed[0].get_text() and "January 2024" in listed[1].get_text()
    feed = feedparser.parse((corrected_build.site / "corrections.xml").read_text())
    assert not feed.bozo and [entry.updated for entry in feed.entries] == [
        "2024-05-03T00:00:00Z",
        "2024-01-01T00:00:00Z",
    ]
    assert feed.entries[0].link == "https://example.org/events/strike/"
    script = corrected_build.page("events/strike/").select_one('script[type="application/ld+json"]')
    assert json.loads(script.string)["correction"][0] == {
        "@type": "CorrectionComment",
        "text": "The toll was 3, not 5, according to the hospital.",
        "datePublished": "2024-05-03",
    }
    assert corrected_build.links("", ".md-copyright a")[0] == "corrections/"  # from every page's footer


def test_a_correction_citing_an_unknown_source_is_named(tmp_path):
    extra = "corrections:\n  - date: '2024-05-03'\n    text: Wrong.[^hospitl]\n"
    write_project(tmp_path, {"a.md": event_file("A", "2023-01-01", extra)}, {})
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0
    assert (
        "content/events/a.md:6: corrections[0].text: the correction cites 'hospitl', which is not a listed source"
        in build.output
    )
