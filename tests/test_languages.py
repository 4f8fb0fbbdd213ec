"""The site in the reader's language: every word the tool writes comes from the
language's catalogue, dates and numbers from CLDR, and right-to-left languages read
right to left."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from conftest import ARTIFACTS_DIR, AXE, REPO, build_strict, html_pages, static_server

from generator.text import CATALOGUES

ARABIC_SOURCE = """\
sources:
  - id: src
    title: مقال عن الغارات
    publisher: وكالة أنباء
    url: https://example.org/ar
    published: 2023-12-26
"""


def arabic_file(front: str, body: str) -> str:
    return f"---\n{textwrap.dedent(front).strip()}\n{ARABIC_SOURCE}---\n\n{body}[^src]\n"


ARABIC_EVENTS = {
    "strike.md": arabic_file(
        """
        title: غارات أمريكية على مواقع الكتائب
        date: 2023-12-25
        summary: ضربت الولايات المتحدة ثلاثة مواقع.
        place: الحدود العراقية السورية
        actors:
          - id: usa
            role: مهاجم
          - kataib
        related: [drone]
        tags: [غارة]
        """,
        "شنت الولايات المتحدة غارات ليلة عيد الميلاد.",
    ),
    "drone.md": arabic_file(
        """
        title: هجوم بطائرة مسيرة على أربيل
        date: 2023-12-20/2023-12-22
        actors: [kataib]
        """,
        "أصيب ثلاثة جنود.",
    ),
    "talks.md": arabic_file(
        """
        title: محادثات
        date: XXXX-12
        date_note: «في ديسمبر»؛ لا تذكر المصادر السنة.
        """,
        "جرت محادثات.",
    ),
}
ARABIC_ACTORS = {
    "kataib.md": arabic_file(
        """
        name: كتائب حزب الله
        kind: group
        aliases: [ك ح]
        affiliations:
          - organisation: hashd
            role: عضو
            period: 2014/..
            source: src
        """,
        "جماعة مسلحة في العراق.",
    ),
    "hashd.md": arabic_file("name: الحشد الشعبي\nkind: organisation", "تحالف فصائل."),
    "usa.md": arabic_file("name: الولايات المتحدة\nkind: state", "دولة."),
}
# Material's palette toggles are named in mkdocs.yml, like the site's name: the site's own words.
ARABIC_CONFIG = f"""
site_name: تسلسل زمني للغارات
site_description: تسلسل زمني موثق بالمصادر.
theme:
  custom_dir: {REPO / "theme"}
  language: ar
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {{icon: material/weather-night, name: التبديل إلى الوضع الداكن}}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {{icon: material/weather-sunny, name: التبديل إلى الوضع الفاتح}}
plugins:
  - timeline
"""
# Names of file formats and technologies, and of Material itself, are not words to translate.
NAMES = {"Atom", "JSON", "CSV", "JavaScript", "git"}  # names of formats and tools


@pytest.fixture(scope="module")
def arabic_build(tmp_path_factory):
    return build_strict(tmp_path_factory.mktemp("arabic"), ARABIC_EVENTS, ARABIC_ACTORS, ARABIC_CONFIG)


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_arabic_pages_have_no_accessibility_violations(arabic_build, browser, scheme):
    paths = ["", "events/strike/", "actors/kataib/", "events/", "actors/", "tags/", "years/2023/"]
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    report = {}
    with static_server(arabic_build.site) as base:
        for path in paths:
            page.goto(base + path)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            report[path] = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    context.close()
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    (ARTIFACTS_DIR / f"axe-arabic-{scheme}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    assert report == {path: [] for path in paths}


# --- the catalogues ----------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"%\((\w+)\)s|\{(\w+)\}")


def catalogue(name: str):
    with (CATALOGUES / name).open("rb") as file:
        return read_po(file)


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_message_is_translated(language):
    template = {
        message.id if isinstance(message.id, str) else tuple(message.id)
        for message in catalogue("messages.pot")
        if message.id
    }
    translated = catalogue(f"{language}.po")
    found = {}
    for message in translated:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else tuple(message.id)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and "fuzzy" not in message.flags, (language, key)
        wanted = placeholders(key if isinstance(key, str) else key[1]) - {"num"}
        for string in strings:
            assert wanted <= placeholders(string), (language, key, string)
        found[key] = strings
    assert template <= set(found), template - set(found)
    if language == "ar":
        assert {len(strings) for key, strings in found.items() if isinstance(key, tuple)} == {6}


def test_the_template_lists_every_message_in_code_and_templates(tmp_path):
    """`make messages` has been run: no word in the code is missing from the catalogues."""
    extracted = tmp_path / "messages.pot"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pybabel"),
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "gettext",
            "-k",
            "ngettext:1,2",
            "-k",
            "gettext_noop",
            "--no-location",
            "--omit-header",
            "-o",
            str(extracted),
            ".",
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    with extracted.open("rb") as file:
        in_code = {
            message.id if isinstance(message.id, str) else tuple(message.id) for message in read_po(file) if message.id
        }
    in_template = {
        message.id if isinstance(message.id, str) else tuple(message.id)
        for message in catalogue("messages.pot")
        if message.id
    }
    assert in_code == in_template
    assert len(in_code) > 80
