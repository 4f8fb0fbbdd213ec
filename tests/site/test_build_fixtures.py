"""Small chronologies written in the tests, built with the real MkDocs."""

from __future__ import annotations

import gc

import pytest

from tests.conftest import actor_file, build_strict, event_file, write_project

DATE_CASES = {
    "day": ("2023-12-25", "25 December 2023", ["2023-12-25"]),
    "month": ("2023-12", "December 2023", ["2023-12"]),
    "approximate-year": ("2023~", "c. 2023", ["2023"]),
    "uncertain-month": ("2023-12?", "December 2023?", ["2023-12"]),
    "range": ("2023-12-20/2023-12-27", "20–27 December 2023", ["2023-12-20", "2023-12-27"]),
    "year-not-given": ("XXXX-12-25", "25 December, year not given", ["12-25"]),
    "open-range": ("2009/..", "since 2009", ["2009"]),
}


@pytest.fixture(scope="module")
def dated_build(tmp_path_factory):
    events = {f"{name}.md": event_file(f"Event {name}", date) for name, (date, _, _) in DATE_CASES.items()}
    return build_strict(tmp_path_factory.mktemp("dates"), events, {})


@pytest.mark.parametrize("name", sorted(DATE_CASES))
def test_each_date_form_is_shown_on_timeline_and_event_page(dated_build, name):
    _, label, datetimes = DATE_CASES[name]
    for page, selector in (
        (dated_build.page(""), f"#{name} .tl-card__date"),
        (dated_build.page(f"events/{name}/"), ".tl-facts dd"),
    ):
        shown = page.select_one(selector)
        assert " ".join(shown.get_text().split()) == label
        assert [t["datetime"] for t in shown.find_all("time")] == datetimes


def test_dated_events_are_in_chronological_order_and_undated_last(dated_build):
    ids = [card["id"] for card in dated_build.page("").select("article.tl-card")]
    assert ids == ["open-range", "approximate-year", "month", "uncertain-month", "range", "day", "year-not-given"]


def test_unknown_reference_fails_with_file_field_and_suggestion(build_project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    events = {
        "strike.md": event_file(
            "Strike",
            "2023-12-25",
            extra="""
            actors:
              - id: kataib-hezbollah
              - id: kataib-hizbollah
                role: target
            related: [drone-atack]
        """,
        ),
        "drone-attack.md": event_file("Drone attack", "2023-12-20"),
    }
    build = build_project(events, {"kataib-hezbollah.md": actor_file("Kataib Hezbollah")})
    assert build.returncode != 0
    assert (
        "content/events/strike.md:6: actors[1]: unknown actor 'kataib-hizbollah'; "
        "expected the name of a file in content/actors/, without .md; did you mean 'kataib-hezbollah'?"
    ) in build.output
    assert "content/events/strike.md:8: related[0]: unknown event 'drone-atack'" in build.output
    assert "did you mean 'drone-attack'?" in build.output
    assert "Traceback" not in build.output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"


def test_event_without_place_or_actors_builds(build_project):
    build = build_project({"bare.md": event_file("Bare event", "XXXX")}, {}, "--strict")
    assert build.returncode == 0, build.output
    page = build.page("events/bare/")
    assert page.h1.get_text() == "Bare event"
    assert [dt.get_text() for dt in page.select(".tl-facts dt")] == ["Date"]


def test_a_build_leaves_the_garbage_collector_as_it_found_it(tmp_path, monkeypatch):
    """The plugin freezes what lives until the end of a build (on_env) and must thaw it
    afterwards: `mkdocs serve` rebuilds in one process, and frozen objects are never freed."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = write_project(tmp_path, {"one.md": event_file("One", "2023-12-25")}, {})
    monkeypatch.chdir(root)
    # The plugin dates the build by setting SOURCE_DATE_EPOCH in this process's environment:
    # given here, so that it is taken away after the test and later builds date themselves.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert gc.get_freeze_count() == 0
    for _ in range(2):  # as `mkdocs serve` does: builds one after another in one process
        config = load_config(str(root / "mkdocs.yml"))
        build(config)
        assert (root / "site" / "events" / "one" / "index.html").is_file()
        assert gc.get_freeze_count() == 0
