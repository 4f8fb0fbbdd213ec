"""Mistakes in mkdocs.yml: each option checked before any work, its name in the message,
no traceback, and the previous site left as it was."""

from __future__ import annotations

import pytest

from tests.conftest import REPO, add_config, event_file, run_mkdocs, write_project

EVENTS = {"strike.md": event_file("Strike", "2023-12-25")}


def build_with(root, options: str, theme: str = ""):
    write_project(root, EVENTS, {})
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as file:
        file.write(f"plugins:\n  - timeline:\n{options}")
        if theme:
            file.write(f"theme:\n  custom_dir: {REPO / 'theme'}\n{theme}")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    return run_mkdocs(root, "--strict")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("      page_limit: 0\n", "option 'page_limit': Expected a whole number of 1 or more, but got 0."),
        ("      page_limit: -5\n", "option 'page_limit': Expected a whole number of 1 or more, but got -5."),
        ("      page_limit: true\n", "option 'page_limit': Expected a whole number of 1 or more, but got True."),
        ("      page_limit: many\n", "option 'page_limit': Expected a whole number of 1 or more, but got 'many'."),
        ("      feed_size: 0\n", "option 'feed_size': Expected a whole number of 1 or more, but got 0."),
        ("      timeline_title: ' '\n", "option 'timeline_title': Expected a title with some text in it"),
        ("      locale: xx_QQ\n", "option 'locale': 'xx_QQ' is not a locale CLDR knows"),
        ("      reuse_fragments: sometimes\n", "option 'reuse_fragments'"),
        ("      page_limt: 10\n", "page_limt"),
    ],
)
def test_a_bad_option_is_named_and_stops_the_build(tmp_path, options, expected):
    build = build_with(tmp_path, options)
    assert build.returncode != 0
    assert expected in build.output
    assert "Traceback" not in build.output
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "the previous site"


def test_an_unknown_language_is_named(tmp_path):
    build = build_with(tmp_path, "      feed_size: 5\n", "  language: qq\n")
    assert build.returncode != 0
    assert "theme.language: 'qq' is not a locale CLDR knows" in build.output
    assert "Traceback" not in build.output


def test_a_language_without_a_catalogue_warns_and_strict_refuses(tmp_path):
    build = build_with(tmp_path, "      feed_size: 5\n", "  language: de\n")
    assert build.returncode != 0
    assert "theme.language: no catalogue for 'de'" in build.output


def test_titles_and_locale_are_used(tmp_path):
    build = build_with(tmp_path, "      timeline_title: Chronik\n      locale: en_GB\n      page_limit: 1\n")
    assert build.returncode == 0, build.output
    assert build.page("").h1.get_text() == "Chronik"
    assert build.page("events/strike/").select_one(".tl-facts time").get_text() == "25 December 2023"


def test_materials_search_plugin_is_named_as_replaced(tmp_path):
    write_project(tmp_path, EVENTS, {})
    add_config(tmp_path, "plugins:\n  - search\n  - timeline\n")
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0
    assert "plugins: remove 'search' from mkdocs.yml: the timeline plugin searches with Pagefind" in build.output
    assert "Traceback" not in build.output


def indexed_text(site) -> str:
    """Everything Pagefind's fragments hold (each a gzipped JSON record of one page)."""
    import gzip

    return "\n".join(gzip.decompress(path.read_bytes()).decode() for path in (site / "pagefind" / "fragment").iterdir())


@pytest.mark.parametrize(("choice", "body_indexed"), [("full", True), ("summaries", False)])
def test_the_search_option_sets_what_is_indexed(tmp_path, choice, body_indexed):
    events = {"strike.md": event_file("Strike on the depot", "2023-12-25", body="Zanzibarite residue.[^src]")}
    write_project(tmp_path, events, {})
    add_config(tmp_path, f"plugins:\n  - timeline:\n      search: {choice}\n")
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    text = indexed_text(build.site)
    assert "Strike on the depot" in text  # the title is always searchable
    assert ("Zanzibarite" in text) is body_indexed
