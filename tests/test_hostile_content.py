"""Content cannot inject script: every field carries payloads, no dialog opens, no handler
or javascript: URL reaches a page, template syntax is shown as text."""

from __future__ import annotations

import json

import pytest
from conftest import build_strict, html_pages
from xss_payloads import PAYLOADS, URL_PAYLOADS


def q(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML scalar that keeps every character


def hostile_event(index: int, payload: str) -> str:
    url = URL_PAYLOADS[index % len(URL_PAYLOADS)]
    return (
        f"---\ntitle: {q(payload)}\ndate: 2023-12-{index % 28 + 1:02d}\ndate_note: {q(payload)}\n"
        f"summary: {q(payload)}\nplace: {q(payload)}\ntags: [{q(payload)}]\n"
        f"actors:\n  - id: a{index % 5}\n    role: {q(payload)}\n"
        f"related: [e{(index + 1) % len(PAYLOADS)}]\n"
        f"sources:\n  - id: src\n    title: {q(payload)}\n    publisher: {q(payload)}\n    url: {q(url)}\n---\n\n"
        f"{payload} [^src]\n\n## {payload}\n\nText with {payload} inline.[^src]\n"
    )


def hostile_actor(index: int) -> str:
    name, alias, role = PAYLOADS[index], PAYLOADS[-index - 1], PAYLOADS[index + 10]
    parent = f"affiliations:\n  - organisation: a{index + 1}\n    role: {q(role)}\n" if index < 4 else ""
    return (
        f"---\nname: {q(name)}\nkind: group\naliases: [{q(alias)}]\nsummary: {q(role)}\n{parent}"
        f"sources:\n  - id: src\n    title: {q(name)}\n    publisher: {q(alias)}\n---\n\n{role}[^src]\n"
    )


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    events = {f"e{i}.md": hostile_event(i, payload) for i, payload in enumerate(PAYLOADS)}
    actors = {f"a{i}.md": hostile_actor(i) for i in range(5)}
    return build_strict(tmp_path_factory.mktemp("hostile"), events, actors)


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
    page.goto(base)
    page.fill("input.md-search__input", "alert")  # search results render titles
    page.wait_for_timeout(500)
    context.close()
    assert visited > len(PAYLOADS)
    assert dialogs == []
