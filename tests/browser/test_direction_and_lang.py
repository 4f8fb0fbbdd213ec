"""Editors' text on a site of the other direction, and the language a file names.

The sample chronology is in English; built as an Arabic site (right to left), every
element that shows an editor's or a source's words takes its direction from those words
(`dir="auto"`, or a `<bdi>`), so an English title ends with its full stop on the right.
A file's `lang:` (a BCP 47 tag) is written on every element showing its text, and a bad
tag is an editor's error with its line and the tag probably meant.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from tests.browser.conftest import AXE
from tests.conftest import REPO, actor_file, event_file, html_pages, run_mkdocs, write_project

# An event and an actor written in English, naming their language (`en-gb` is put in its
# usual case), each text ending in punctuation that a right-to-left layout would move.
TALKS = """\
---
title: Talks in Geneva ended without a statement.
date: 2023-12-27
date_note: On "the Wednesday", says the wire.
summary: The talks ended.
place: Geneva, Switzerland.
lang: en-gb
actors:
  - id: geneva-mediators
    role: hosts (of the talks).
  - id: united-states
related: [us-strikes-christmas-night]
tags: [talks.]
coordinates: {latitude: '46.2', longitude: '6.1', precision: town}
media:
  - file: lake.png
    alt: The lake seen from the city.
    caption: The city on the lake.
    credit: Example Wire.
corrections:
  - date: 2024-01-02
    text: The talks ended on the 27th, not the 26th.[^wire]
sources:
  - id: wire
    title: Talks end in Geneva.
    publisher: Example Wire.
    lang: en-US
    url: https://example.org/talks
    published: 2023-12-28
  - id: monde
    title: Fin des pourparlers à Genève.
    publisher: Le Monde.
    lang: fr
---

The talks ended on Wednesday.[^wire]

## What was said

- The hosts said nothing.[^wire]
- Le Monde wrote the same.[^monde]

> "No statement", said a delegate.[^wire]

| Who | What |
| --- | --- |
| The hosts | Nothing.[^wire] |

<p>A paragraph written as HTML.</p>
"""
MEDIATORS = """\
---
name: Geneva mediators.
kind: group
lang: en
aliases: [GM., The hosts.]
summary: Mediators of the talks.
affiliations:
  - organisation: united-states
    role: adviser.
    period: 2020/..
    source: wire
sources:
  - id: wire
    title: Who mediates.
    publisher: Example Wire.
---

A group of mediators.[^wire]
"""
TITLE = "Talks in Geneva ended without a statement."
NAME = "Geneva mediators."
ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")
# The site's own sentences name a few formats and tools in Latin letters.
NAMES = re.compile(r"\b(Atom|JSON|GeoJSON|CSV|KML|Google Earth|JavaScript|git)\b")
# Text isolated by Unicode's first-strong isolate (U+2068 ... U+2069): where no element
# can isolate it (an SVG <title>, a map mark's name), an editor's words are wrapped so.
ISOLATED_RUN = re.compile("\u2068[^\u2069]*\u2069")
# Where a page shows editors' text: the header's title, the content, the table of contents.
REGIONS = "[data-md-component=header-topic], .md-content, .md-sidebar--secondary"
# Not words to read: code, addresses, pictures (named by their own <title>s), scripts.
NOT_TEXT = {"script", "style", "code", "pre", "svg", "template"}


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory):
    """The sample, two more files and an image, built with theme.language: ar."""
    from PIL import Image

    root = tmp_path_factory.mktemp("arabic-english")
    shutil.copytree(REPO / "content", root / "content")
    (root / "content" / "events" / "geneva-talks.md").write_text(TALKS, encoding="utf-8")
    (root / "content" / "actors" / "geneva-mediators.md").write_text(MEDIATORS, encoding="utf-8")
    (root / "content" / "media").mkdir(exist_ok=True)
    Image.new("RGB", (640, 400), (40, 90, 160)).save(root / "content" / "media" / "lake.png")
    config = {
        "INHERIT": str(REPO / "mkdocs.yml"),
        "site_name": "تسلسل زمني للغارات",
        "theme": {"custom_dir": str(REPO / "theme"), "language": "ar"},
        "plugins": ["timeline"],  # dates in Arabic (the sample's en_GB is for an English site)
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build = run_mkdocs(root, "--strict")
    assert build.returncode == 0, build.output
    return build


def isolate_of(node) -> Tag | None:
    """The nearest element that sets the direction of `node`'s text: one with `dir`, or a <bdi>."""
    return next((parent for parent in node.parents if parent.name == "bdi" or parent.has_attr("dir")), None)


def isolates(element: Tag) -> bool:
    return (element.name == "bdi" and element.get("dir", "auto") == "auto") or element.get("dir") == "auto"


def words(soup: BeautifulSoup):
    """Each text a reader sees in the regions where a page shows editors' text."""
    for region in soup.select(REGIONS):
        for node in region.find_all(string=True):
            address = "tl-source__link" in (node.parent.get("class") or [])  # a source's
            if node.strip() and not address and not any(parent.name in NOT_TEXT for parent in node.parents):
                yield node


def unisolated(soup: BeautifulSoup) -> list[str]:
    """Texts in Latin letters (editors' and sources' words, on the Arabic site) that take
    the page's direction."""
    found = []
    for node in words(soup):
        isolate = isolate_of(node)
        if LATIN.search(NAMES.sub("", ISOLATED_RUN.sub("", node))) and not (isolate is not None and isolates(isolate)):
            found.append(node.strip())
    return found


def mixed(soup: BeautifulSoup) -> list[str]:
    """Isolated texts that hold the site's Arabic words too, which would then be laid out
    in the editor's direction.  The header's title is left out: Material writes the page's
    title there as text, as in <title>, and a tag's page is titled in the site's words
    ("Tag: …"), so its direction is theirs."""
    own_text: dict[int, list[str]] = {}
    for node in words(soup):
        isolate = isolate_of(node)
        if isolate is not None and isolates(isolate) and not isolate.find_parent(class_="md-header__topic"):
            own_text.setdefault(id(isolate), []).append(str(node))
    texts = (ISOLATED_RUN.sub("", text) for text in map(" ".join, own_text.values()))
    return [text for text in texts if ARABIC.search(text) and LATIN.search(text)]


def test_every_editors_text_keeps_its_own_direction(arabic_site):
    found = {}
    for path in html_pages(arabic_site.site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if problems := unisolated(soup) + mixed(soup):
            found[path.relative_to(arabic_site.site).as_posix()] = problems
    assert found == {}


def test_the_check_finds_text_that_takes_the_pages_direction(arabic_site):
    html = (arabic_site.site / "events" / "geneva-talks" / "index.html").read_text(encoding="utf-8")
    assert unisolated(BeautifulSoup(html.replace("<h1 dir=auto", "<h1", 1), "html.parser")) == [TITLE]
    publisher = html.replace("<bdi>Example Wire.</bdi>, ", "Example Wire., ", 1)  # in the list of sources
    assert [text for text in unisolated(BeautifulSoup(publisher, "html.parser")) if "Wire" in text] == [
        ", Example Wire., 28 ديسمبر 2023."
    ]
    dated = html.replace("<dd data-pagefind-meta=date>", "<dd data-pagefind-meta=date dir=auto>", 1)
    dated = dated.replace("<span class=tl-date-note dir=auto lang=en-GB>", "<span>", 1)
    assert mixed(BeautifulSoup(dated, "html.parser")) == ['27 ديسمبر 2023 On "the Wednesday", says the wire.']


def test_each_kind_of_editors_text_is_isolated(arabic_site):
    event = arabic_site.page("events/geneva-talks/")
    isolated = [
        "h1",  # the title
        ".tl-facts .tl-date-note",
        ".tl-facts dd[dir=auto]",  # the place
        ".tl-body > p",  # not the list of sources', which keeps the page's direction
        ".tl-body > ul > li",
        ".tl-body > h2",
        ".tl-body > blockquote",
        ".tl-body td",
        ".tl-body th",
        "a.tl-actor-link",
        ".tl-facts a[data-pagefind-filter=tag]",
        ".tl-participants .tl-role",
        ".tl-related a",
        "cite.tl-source__title",
    ]
    for selector in isolated:
        found = event.select(selector)
        assert found and all(element.get("dir") == "auto" for element in found), selector
    assert "A paragraph written as HTML." in [p.get_text() for p in event.select(".tl-body p[dir=auto]")]
    bdis = [bdi.get_text() for bdi in event.select("bdi")]
    # (A precision is a word of the vocabulary, shown in the reader's language: not isolated.)
    for text in ["Example Wire.", "The city on the lake."]:
        assert text in bdis, text
    assert any(text.startswith("The talks ended on the 27th") for text in bdis)  # the correction
    # The list of sources keeps the page's direction: only its titles and publishers are isolated.
    assert not event.select("div.footnote li[dir], div.footnote ol[dir], div.footnote p[dir]")
    actor = arabic_site.page("actors/geneva-mediators/")
    assert [bdi.get_text() for bdi in actor.select(".tl-facts dd bdi[lang=en]")] == ["GM.", "The hosts."]
    home = arabic_site.page("")
    card = home.select_one("#geneva-talks")
    assert card.select_one(".tl-card__title")["dir"] == card.select_one(".tl-card__summary")["dir"] == "auto"
    tag = arabic_site.page("tags/talks/")
    assert tag.h1.bdi.get_text() == "talks."
    assert tag.select_one(".tl-lede bdi").get_text() == "talks."


def lang_of(node) -> str | None:
    """The language a reader's browser gives `node`'s text: its nearest `lang` below <html>."""
    return next((parent["lang"] for parent in node.parents if parent.name != "html" and parent.has_attr("lang")), None)


def test_a_files_language_is_written_wherever_its_text_is_shown(arabic_site):
    shown = {TITLE: [], NAME: [], "Talks end in Geneva.": [], "Fin des pourparlers à Genève.": []}
    for path in html_pages(arabic_site.site):
        for node in words(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")):
            if node.strip() in shown:
                shown[node.strip()].append(lang_of(node))
    assert len(shown[TITLE]) >= 8  # its page, cards, lists, related events, actors' pages, neighbours
    assert set(shown[TITLE]) == {"en-GB"}
    assert len(shown[NAME]) >= 3 and set(shown[NAME]) == {"en"}
    assert shown["Talks end in Geneva."] == ["en-US"]
    assert shown["Fin des pourparlers à Genève."] == ["fr"]
    event = arabic_site.page("events/geneva-talks/")
    assert event.html["lang"] == "ar"  # the site's words stay Arabic
    assert {lang_of(p.string) for p in event.select(".tl-body p") if p.string} == {"en-GB"}
    assert lang_of(event.select_one(".tl-facts dt").string) is None  # "Date" is the site's
    data = json.loads(event.select_one("script[type='application/ld+json']").string)
    assert data["inLanguage"] == "en-GB"
    assert [work.get("inLanguage") for work in data["citation"]] == ["en-US", "fr"]
    events = json.loads((arabic_site.site / "events.json").read_text(encoding="utf-8"))["events"]
    talks = next(entry for entry in events if entry["id"] == "geneva-talks")
    assert talks["lang"] == "en-GB" and [source["lang"] for source in talks["sources"]] == ["en-US", "fr"]
    assert {entry["lang"] for entry in events if entry["id"] != "geneva-talks"} == {None}


# --- in a browser ------------------------------------------------------------------------------

# Where the text's final character and its last letter before it are drawn (a title may
# wrap, but never between those two).
ENDS = """element => {
  const text = [...element.childNodes].find(node => node.nodeType === 3 && node.textContent.trim());
  const at = index => {
    const range = document.createRange();
    range.setStart(text, index);
    range.setEnd(text, index + 1);
    return range.getBoundingClientRect().left;
  };
  const body = text.textContent, end = body.trimEnd().length - 1;
  const letter = body.slice(0, end).search(/[A-Za-z][^A-Za-z]*$/);
  return {text: body.trim(), letter: at(letter), end: at(end), direction: getComputedStyle(element).direction};
}"""


@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("events/geneva-talks/", "h1"),
        ("events/geneva-talks/", ".tl-facts dd[dir=auto]"),  # the place
        ("events/geneva-talks/", ".tl-body > p:last-of-type"),  # no footnote mark after its full stop
        ("events/geneva-talks/", "div.footnote bdi"),  # the publisher, before the site's date
        ("events/geneva-talks/", ".tl-belonged .tl-role"),  # "(adviser.)" after the site's words
        ("events/us-strikes-christmas-night/", ".tl-facts .tl-date-note"),
        ("", "#geneva-talks .tl-card__title a"),
        ("actors/geneva-mediators/", ".tl-facts dd bdi"),
    ],
)
def test_english_text_on_the_arabic_site_ends_at_its_end(arabic_site, browser, serve_site, path, selector):
    """Laid out left to right: the final full stop (or bracket) is to the right of the last
    letter, not moved to the left of the text as the page's right-to-left direction would
    put it."""
    page = browser.new_page()
    page.goto(serve_site(arabic_site.site) + path)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    ends = page.eval_on_selector(selector, ENDS)
    page.close()
    assert ends["text"][-1] in ".)"
    assert ends["end"] > ends["letter"], ends


def test_arabic_pages_with_english_content_pass_axe(arabic_site, browser, serve_site):
    base = serve_site(arabic_site.site)
    page = browser.new_page()
    found = {}
    for path in ("events/geneva-talks/", "actors/geneva-mediators/", "", "events/", "tags/talks/"):
        page.goto(base + path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
        found[path] = sorted(violation["id"] for violation in violations)
    page.close()
    assert found == {path: [] for path in found}


# --- editors' mistakes ---------------------------------------------------------------------------

MISTAKES = {  # file: (its lang, what the message says, the tag meant)
    "underscore": ("EN_us", "'EN_us' is not a language tag: its parts are joined by '-'", "en-US"),
    "name": ("English", "'English' is not a language code", "en"),
    "long-code": ("eng", "'eng' is not the code a language tag uses", "en"),
    "old-region": ("en-UK", "'UK' is not the region code a language tag uses", "en-GB"),
    "unknown": ("xx", "'xx' is not a language code (ISO 639)", None),
    "no-script": ("en-Abcd", "'Abcd' is not a script code (ISO 15924)", None),
}


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-lang")
    events = {
        f"{name}.md": event_file(name.title(), "2023", f"lang: {value}") for name, (value, *_) in MISTAKES.items()
    }
    events["source.md"] = event_file("Source", "2023").replace(
        "publisher: Test Publisher", "publisher: P\n    lang: fr_CA"
    )
    actors = {"arabic.md": actor_file("Arabic", extra="lang: Arabic")}
    write_project(root, events, actors)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    return result.stderr


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_a_bad_language_tag_is_named_with_its_line_and_the_tag_meant(checked, name):
    _, message, meant = MISTAKES[name]
    lines = [line for line in checked.splitlines() if f"content/events/{name}.md:" in line]
    assert len(lines) == 1, checked
    assert f"content/events/{name}.md:4: lang: {message}" in lines[0]
    assert "expected a language tag (BCP 47) such as en, ar, fr-CA, zh-Hant or es-419" in lines[0]
    assert (f"did you mean '{meant}'?" in lines[0]) if meant else ("did you mean" not in lines[0])


def test_a_sources_and_an_actors_language_are_checked_too(checked):
    assert "content/events/source.md:9: sources[0].lang: 'fr_CA' is not a language tag" in checked
    assert "did you mean 'fr-CA'?" in checked
    assert "content/actors/arabic.md:4: lang: 'Arabic' is not a language code" in checked
    assert "did you mean 'ar'?" in checked


def test_the_scaffold_mentions_lang(tmp_path):
    from generator.commands.new import new_file

    for kind in ("event", "actor"):
        text = Path(new_file(tmp_path, kind, f"A new {kind}")).read_text(encoding="utf-8")
        assert re.search(r"^# lang: en$", text, re.MULTILINE), kind  # the file's, commented out
        assert re.search(r"^    # lang: en ", text, re.MULTILINE), kind  # a source's
