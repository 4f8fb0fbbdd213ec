"""Switching a site's language switches its dates: without `locale` they follow
theme.language, and a `locale` left in another language (the sample's en_GB on a site
switched to French) is a warning, which --strict refuses."""

from __future__ import annotations

from tests.conftest import REPO, event_file, run_mkdocs, write_project

EVENTS = {"strike.md": event_file("Strike", "2023-12-25")}
LOCALE_WARNING = "locale: 'en_GB' writes dates in English, but the site's language (fr) is French"


def site_in(root, language: str, plugin: str | None = None, *args: str):
    """The repository's configuration (its `locale: en_GB` included unless `plugin`
    replaces the plugin's options) with `theme.language` set."""
    write_project(root, EVENTS, {})
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as file:
        file.write(f"theme:\n  custom_dir: {REPO / 'theme'}\n  language: {language}\n")
        if plugin is not None:
            file.write(f"plugins:\n  - timeline:\n{plugin}")
    return run_mkdocs(root, *args)


def date_shown(build) -> str:
    return build.page("events/strike/").select_one(".tl-facts time").get_text()


def test_without_a_locale_dates_follow_the_language(tmp_path):
    build = site_in(tmp_path, "fr", "      feed_size: 5\n", "--strict")
    assert build.returncode == 0, build.output
    assert date_shown(build) == "25 décembre 2023"
    assert "locale:" not in build.output


def test_the_sample_switched_to_french_refuses_its_english_dates_under_strict(tmp_path):
    build = site_in(tmp_path, "fr", None, "--strict")
    assert build.returncode != 0
    assert LOCALE_WARNING in build.output


def test_without_strict_the_locale_is_kept_and_said(tmp_path):
    build = site_in(tmp_path, "fr")
    assert build.returncode == 0, build.output
    assert LOCALE_WARNING in build.output
    assert date_shown(build) == "25 December 2023"


def test_a_locale_of_the_sites_language_builds_quietly(tmp_path):
    build = site_in(tmp_path, "fr", "      locale: fr_CA\n", "--strict")
    assert build.returncode == 0, build.output
    assert "locale:" not in build.output
