"""What every page repeats is kept small (theme/main.html, theme/partials/header.html,
nav.html, tl-sidebars.html, tl-icon.html; build/minify.py) without losing what it does."""

from __future__ import annotations

import json

from tests.conftest import SAMPLE_PAGES, build_strict, event_file, html_pages

BACK = "Back to citation 1 in the text"


def test_a_source_cited_many_times_links_back_to_each_citation(sample_build):
    page = sample_build.page("events/erbil-air-base-drone-attack/")
    backs = page.find(id="fn:article").select("a.footnote-backref")
    assert [back["href"] for back in backs] == [
        "#fnref:article",
        "#fnref2:article",
        "#fnref3:article",
        "#fnref4:article",
    ]
    assert all(page.find(id=back["href"][1:]) is not None for back in backs)
    # The arrow, titled, then the citations' order in the text: no title repeated on each.
    assert [(back.get_text(), back.get("title")) for back in backs] == [
        ("↩", BACK),
        ("2", None),
        ("3", None),
        ("4", None),
    ]
    permalink = page.find(id="fn:article").select_one("a.tl-permalink")
    assert permalink["aria-label"] == "Permanent link to source 1" and not permalink.has_attr("title")


def test_every_page_is_minified_and_keeps_its_tags_and_data(sample_build):
    for path in html_pages(sample_build.site):
        html = path.read_text(encoding="utf-8")
        assert "\n  " not in html.split("<pre", 1)[0], path  # no indentation (before any code block)
        assert html.startswith("<!doctype html><html") and "<head>" in html and "</body></html>" in html, path
    event = sample_build.page(SAMPLE_PAGES["event"])
    assert json.loads(event.select_one("script[type='application/ld+json']").string)["@type"] == "Event"
    assert json.loads(event.select_one("#__config").string)["translations"]["clipboard.copy"] == "Copy to clipboard"


def test_the_header_draws_its_icons_from_the_stylesheet(sample_build):
    for path in SAMPLE_PAGES.values():
        page = sample_build.page(path)
        header = page.select_one("header.md-header")
        # The search partial's own icons aside, the header writes no SVG.
        assert not [svg for svg in header.select("svg") if not svg.find_parent(class_="md-search")], path
        logo = header.select_one("a.md-logo")
        assert (
            "tl-i--library" in logo["class"]
            and page.find(id=logo["aria-labelledby"]).get_text() == page.title.get_text().split(" - ")[-1]
        )
        toggles = header.select("form[data-md-component=palette] label")
        assert [" ".join(label["class"]) for label in toggles] == [
            "md-header__button md-icon tl-i tl-i--weather-night",
            "md-header__button md-icon tl-i tl-i--weather-sunny",
        ]
        assert [label["title"] for label in toggles] == ["Switch to dark mode", "Switch to light mode"]
        assert header.select_one("label[for=__search]")
        assert header.select_one("label[for=__drawer].tl-i--menu")
    css = (sample_build.site / "assets" / "stylesheets" / "timeline.css").read_text(encoding="utf-8")
    for name in ("library", "menu", "magnify", "weather-night", "weather-sunny"):
        assert f".tl-i--{name} {{ --tl-i: url('data:image/svg+xml" in css


def test_the_navigation_marks_the_current_page(sample_build):
    nav = sample_build.page("events/").select_one("nav.md-nav--primary")
    current = nav.select("a[aria-current=page]")
    assert [a.get_text(strip=True) for a in current] == ["Events"] and "md-nav__link--active" in current[0]["class"]
    assert not sample_build.page(SAMPLE_PAGES["event"]).select("nav.md-nav--primary a[aria-current]")


def test_a_table_of_contents_only_where_a_page_has_several_headings(tmp_path):
    sections = "## Background\n\nBefore.[^src]\n\n## Aftermath\n\nAfter.[^src]"
    build = build_strict(
        tmp_path,
        {"one.md": event_file("One", "2023-01-01"), "many.md": event_file("Many", "2023-01-02", body=sections)},
        {},
    )
    one = build.page("events/one/")  # only its "Sources": none
    assert not one.select("[data-md-type=toc], #__toc, nav.md-nav--secondary")
    assert one.select_one("div.md-sidebar--secondary")  # the column stays: lines as long as on every page
    many = build.page("events/many/")
    toc = many.select_one("[data-md-type=toc] nav.md-nav--secondary")
    assert [a["href"] for a in toc.select("a")] == ["#background", "#aftermath", "#sources"]
    assert many.select_one("input#__toc") and many.select_one("label[for=__toc]")
