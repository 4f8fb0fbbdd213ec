"""Content cannot inject script: every field carries payloads, no handler or javascript:
URL reaches a page, template syntax is shown as text (tests/browser/test_hostile_content.py
opens every page in a browser)."""

from __future__ import annotations

import json

from tests.conftest import html_pages
from tests.xss_payloads import PAYLOADS, URL_PAYLOADS


def test_corpus_is_large_and_distinct():
    assert len(set(PAYLOADS + URL_PAYLOADS)) >= 30


def test_no_event_handler_or_script_url_reaches_any_page(hostile_build):
    from bs4 import BeautifulSoup

    pages = html_pages(hostile_build.site)
    assert len(pages) > len(PAYLOADS)
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), (path, tag.name, name)
                text = " ".join(value) if isinstance(value, list) else value
                compact = "".join(text.split()).lower()
                assert not compact.startswith(("javascript:", "vbscript:", "data:text")), (path, tag.name, name, text)
            assert not (tag.name == "meta" and "http-equiv" in tag.attrs), path
            if tag.name == "base":
                # Only the embeddable timeline's own: its links open in the whole window; it sets no address.
                assert path.parent.name == "embed" and tag.attrs == {"target": "_top"}, (path, tag.attrs)
            assert tag.name not in {"iframe", "object", "embed"}, (path, tag.name)
        for body in soup.select(".tl-body"):  # what editors wrote, after sanitising
            assert body.find(["form", "input", "button", "style", "svg", "math", "script"]) is None, path
        scripts = [
            s for s in soup.find_all("script") if "alert(" in s.get_text() and s.get("type") != "application/ld+json"
        ]
        assert scripts == [], (path, scripts)
        for data in soup.find_all("script", type="application/ld+json"):
            json.loads(data.string)  # one whole JSON document: no payload closed the element early


def test_template_syntax_is_shown_as_text_never_evaluated(hostile_build):
    page = hostile_build.page("events/e25/")
    assert page.h1.get_text() == "{{ 7*7 }}"
    assert "49" not in page.select_one(".tl-body").get_text()
    assert hostile_build.page("events/e26/").h1.get_text() == "{% raw %}{{ config }}{% endraw %}"


def test_json_ld_carries_hostile_text_as_data(hostile_build):
    page = hostile_build.page("events/e6/")
    (script,) = page.find_all("script", type="application/ld+json")
    assert json.loads(script.string)["name"] == "</script><script>alert(7)</script>"
    assert "</script" not in script.string


def test_exports_and_feed_carry_hostile_text_as_data(hostile_build):
    import csv
    import io

    import feedparser

    events = json.loads((hostile_build.site / "events.json").read_text(encoding="utf-8"))["events"]
    assert {e["title"] for e in events} == set(PAYLOADS)
    feed = feedparser.parse((hostile_build.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert {entry.title for entry in feed.entries} <= set(PAYLOADS)
    rows = list(csv.DictReader(io.StringIO((hostile_build.site / "timeline.csv").read_text(encoding="utf-8-sig"))))
    formula = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run these: prefixed with '
    assert {row["title"] for row in rows} == {f"'{p}" if p.startswith(formula) else p for p in PAYLOADS}


def test_titles_are_text_in_title_element_and_heading(hostile_build):
    page = hostile_build.page("events/e7/")
    assert page.title.get_text().startswith("</title><script>alert(8)</script>")
    assert page.h1.get_text() == "</title><script>alert(8)</script>"
