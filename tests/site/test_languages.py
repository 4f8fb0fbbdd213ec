"""The site in the reader's language: every word the tool writes comes from the
language's catalogue, dates and numbers from CLDR, and right-to-left languages read
right to left (tests/unit/test_catalogues.py checks the catalogues themselves)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ARABIC_ACTORS, ARABIC_EVENTS, REPO, build_strict, html_pages

# Names of file formats and technologies, and of Material itself, are not words to translate.
NAMES = {"Atom", "JSON", "CSV", "GeoJSON", "KML", "Google", "Earth", "JavaScript", "git"}  # names of formats and tools


@pytest.fixture(scope="module")
def french_build(tmp_path_factory):
    events = dict(ARABIC_EVENTS)  # the content's language does not matter here
    config = f"theme:\n  custom_dir: {REPO / 'theme'}\n  language: fr\nplugins:\n  - timeline\n"
    return build_strict(tmp_path_factory.mktemp("french"), events, ARABIC_ACTORS, config)


def latin_words(html: str) -> set[str]:
    """Words in Latin letters that a reader sees or hears: text, and the names and titles
    that assistive technology reads; the content's own addresses aside."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "code"]):
        element.decompose()  # code shows the page's address, for citing
    for element in soup.select("a.tl-source__link, a[href^='https://squidfunk.github.io/']"):
        element.decompose()  # a source's address; Material's name
    texts = [*soup.body.find_all(string=True)]
    texts += [
        element[name]
        for element in soup.find_all(True)
        for name in ("aria-label", "title", "alt", "placeholder")
        if element.get(name)
    ]
    return {word for text in texts for word in re.findall(r"[A-Za-z]{2,}", text)} - NAMES


def test_arabic_site_reads_right_to_left_with_no_english_word(arabic_build):
    pages = html_pages(arabic_build.site)
    assert len(pages) > 10
    found = {}
    for path in pages:
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert soup.html["lang"] == "ar" and soup.body["dir"] == "rtl", path
        if words := latin_words(html):
            found[path.relative_to(arabic_build.site).as_posix()] = sorted(words)
    assert found == {}


def test_arabic_pages_use_arabic_plurals_and_dates(arabic_build):
    home = arabic_build.page("")
    assert "3 أحداث" in home.select_one(".tl-lede").get_text()  # "few" (3–10)
    assert "حدث واحد" in arabic_build.page("tags/غارة/").select_one(".tl-lede").get_text()  # "one"
    event = arabic_build.page("events/strike/")
    assert event.select_one(".tl-facts time").get_text() == "25 ديسمبر 2023"
    assert event.select_one("div.footnote h2").get_text(strip=True).startswith("المصادر")
    actor = arabic_build.page("actors/kataib/")
    assert "منذ" in actor.select_one(".tl-affiliations").get_text()  # since 2014


def test_the_checker_of_english_words_does_find_them(arabic_build):
    html = (arabic_build.site / "index.html").read_text(encoding="utf-8")
    assert latin_words(html.replace("</h1>", " Timeline</h1>", 1)) == {"Timeline"}
    assert latin_words(html.replace('aria-label="', 'aria-label="Skip ', 1)) == {"Skip"}


def test_french_site_writes_dates_and_words_in_french(french_build):
    event = french_build.page("events/strike/")
    assert event.html["lang"] == "fr"
    assert event.select_one(".tl-facts time").get_text() == "25 décembre 2023"
    assert [dt.get_text() for dt in event.select(".tl-facts dt")] == ["Date", "Lieu", "Acteurs", "Mots-clés"]
    assert event.select_one("a[rel=next]") or event.select_one("a[rel=prev]")
    assert "Événement" in event.select_one(".tl-pager").get_text()
    home = french_build.page("")
    assert home.h1.get_text() == "Chronologie"
    assert home.select_one(".tl-lede").get_text(" ", strip=True).startswith("3 événements, du plus ancien")
    assert "1 événement avec le mot-clé" in french_build.page("tags/غارة/").select_one(".tl-lede").get_text()
    talks = french_build.page("events/talks/")
    assert talks.select_one(".tl-facts dd").get_text(strip=True).startswith("décembre, année non précisée")
