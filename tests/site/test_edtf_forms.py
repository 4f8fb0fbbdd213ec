"""The whole EDTF corpus built with the real MkDocs: each valid string builds a page, is
ordered by its first day and placed on the overview; each invalid one is refused with its
file, line and field; a suggestion reaches the editor; and what an actor belonged to at an
event's date is said on the pages and in events.json."""

from __future__ import annotations

import json
import re

import pytest

from generator.core.dates import parse_date
from tests.conftest import actor_file, build_strict, event_file, run_mkdocs, write_project
from tests.edtf_examples import CORPUS, FORMS


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    events = {f"e{index:03d}.md": event_file(f"Form {index}", text) for index, text in enumerate(CORPUS["valid"])}
    return build_strict(tmp_path_factory.mktemp("corpus"), events, {})


def test_every_valid_string_builds_a_page_and_appears_once(corpus_build):
    data = json.loads((corpus_build.site / "events.json").read_text(encoding="utf-8"))
    by_edtf = {}
    for event in data["events"]:
        by_edtf.setdefault(event["date"]["edtf"], event)
    assert len(data["events"]) == len(CORPUS["valid"])
    for index in range(len(CORPUS["valid"])):
        page = corpus_build.page(f"events/e{index:03d}/")
        assert page.select_one(".tl-facts dd").get_text(strip=True), index
    cards = [article["id"] for article in corpus_build.page("").select("article.tl-card")]
    assert sorted(cards) == [f"e{index:03d}" for index in range(len(CORPUS["valid"]))]  # once each
    # The bounds in the open data are the model's, for every form.
    for text, (_, _, earliest, latest) in FORMS.items():
        assert (by_edtf[text]["date"]["earliest"], by_edtf[text]["date"]["latest"]) == (earliest, latest), text
    # <time datetime> only where HTML has a valid value: never for years before 1 or past 9999.
    for time in corpus_build.page("").select("time[datetime]"):
        value = time["datetime"]
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?)?)?)?|\d{2}-\d{2}", value), (
            value
        )


def test_the_timeline_orders_every_form_by_its_first_day(corpus_build):
    cards = [article["id"] for article in corpus_build.page("").select("article.tl-card")]
    position = {f"e{index:03d}": CORPUS["valid"][index] for index in range(len(CORPUS["valid"]))}
    order = [position[card] for card in cards]
    assert order.index("Y-170000002") < order.index("-0999") < order.index("0000") < order.index("1964/2008")
    assert order.index("1985-04-12T23:20:30") < order.index("2001-02-03")
    # On one day, the time of day orders them (UTC where the zone is known).
    assert order.index("2004-01-01T10:10:10+05:00") < order.index("2004-01-01T10:10:10Z")
    dated = [text for text in order if parse_date(text).year_known]
    firsts = [parse_date(text).first_day() for text in dated]
    assert firsts == sorted(firsts)  # by the first day each may mean
    assert order[-1] == "XXXX-XX-23"  # no year: at the end


def test_the_overview_places_every_form(corpus_build):
    svg = corpus_build.page("").select_one(".tl-picture svg")
    marks = {a["href"].rstrip("/").split("/")[-1]: a for a in svg.select("a.tl-picture__mark")}
    x = {
        CORPUS["valid"][int(name[1:])]: float((a.rect or a.circle).get("x") or a.circle["cx"])
        for name, a in marks.items()
    }
    assert x["Y-170000002"] < x["-0999"] <= x["2008"] < x["Y170000002"]
    labels = [text.get_text() for text in svg.select(".tl-picture__axis text")]
    assert 3 <= len(labels) <= 13 and any(label.endswith("BCE") for label in labels)
    fuzzy = {CORPUS["valid"][int(name[1:])] for name, a in marks.items() if "tl-picture__mark--fuzzy" in a["class"]}
    assert {"199X", "1950S2", "2004?-06-~11", "1984~"} <= fuzzy and "2008" not in fuzzy
    assert svg.select_one("a.tl-picture__undated")  # XXXX-XX-23


def test_every_invalid_string_is_refused_with_its_line(tmp_path):
    events = {f"bad{index:02d}.md": event_file(f"Bad {index}", text) for index, text in enumerate(CORPUS["invalid"])}
    write_project(tmp_path, events, {})
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0 and "Traceback" not in build.output
    for index in range(len(CORPUS["invalid"])):
        assert re.search(rf"content/events/bad{index:02d}\.md:3: date: ", build.output), (index, build.output)
    assert not build.site.exists()


def test_the_suggestion_reaches_the_editor(tmp_path):
    write_project(tmp_path, {"a.md": event_file("A", "25/12/2023")}, {})
    build = run_mkdocs(tmp_path, "--strict")
    assert "content/events/a.md:3: date: '25/12/2023' is not a valid EDTF date" in build.output
    assert "did you mean '2023-12-25'?" in build.output


def test_event_and_actor_pages_say_what_an_actor_belonged_to_then(tmp_path):
    events = {
        "during.md": event_file("During", "2012-06-01", "actors: [militia]"),
        "edge.md": event_file("Edge", "2015-06/2016-02", "actors: [militia]"),
        "after.md": event_file("After", "2020-03-01", "actors: [militia]"),
    }
    militia = actor_file(
        "Militia",
        extra="""
        affiliations:
          - organisation: forces
            role: faction
            period: 2010/2015
            source: src
          - organisation: alliance
            source: src
        """,
    )
    actors = {"militia.md": militia, "forces.md": actor_file("Forces"), "alliance.md": actor_file("Alliance")}
    build = build_strict(tmp_path, events, actors)

    def belonged(path: str) -> list[str]:
        return [" ".join(span.get_text(" ", strip=True).split()) for span in build.page(path).select(".tl-belonged")]

    assert belonged("events/during/") == [
        "— part of Forces at the time (faction)",
        "— possibly part of Alliance at the time",
    ]
    assert belonged("events/edge/") == [
        "— possibly part of Forces at the time (faction)",
        "— possibly part of Alliance at the time",
    ]
    assert belonged("events/after/") == ["— possibly part of Alliance at the time"]
    assert build.links("events/during/", ".tl-belonged a") == ["actors/forces/", "actors/alliance/"]
    # The actor's page lists its events with the same notes.
    actor_notes = belonged("actors/militia/")
    assert actor_notes.count("— part of Forces at the time (faction)") == 1
    assert actor_notes.count("— possibly part of Alliance at the time") == 3
    data = json.loads((build.site / "events.json").read_text(encoding="utf-8"))
    during = next(event for event in data["events"] if event["id"] == "during")
    assert during["actors"][0]["part_of"] == [
        {"id": "forces", "name": "Forces", "role": "faction", "at_the_time": "certain"},
        {"id": "alliance", "name": "Alliance", "role": None, "at_the_time": "possible"},
    ]
