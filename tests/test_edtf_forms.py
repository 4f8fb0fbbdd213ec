"""Every form of EDTF (levels 0, 1 and 2), from the python-edtf project's own test corpus
(tests/fixtures/edtf-examples.json, a copy of ../shared/testdata/): each valid string builds and is carried through
words, <time datetime>, order, bounds and the overview; each invalid one is refused with
its file, line and field.  Also: suggestions for dates as editors often write them, and
what an actor belonged to at an event's date."""

from __future__ import annotations

import calendar
import json
import re

import pytest
from conftest import REPO, actor_file, build_strict, event_file, run_mkdocs, write_project

from generator.core.dates import DateError, Day, coverage, parse_date, suggest_edtf
from generator.text import load_text
from generator.views.dates import date_words

CORPUS = json.loads((REPO / "tests" / "fixtures" / "edtf-examples.json").read_text(encoding="utf-8"))
BRITISH = load_text("en", "en_GB")
THIN = "\u2009"

# One representative of each form: words, the <time datetime> values, earliest, latest.
FORMS = {
    "2001-02-03T09:30:01": (
        "3 February 2001, 09:30:01 local time",
        ["2001-02-03T09:30:01"],
        "2001-02-03",
        "2001-02-03",
    ),
    "2004-01-01T10:10:10Z": ("1 January 2004, 10:10:10 UTC", ["2004-01-01T10:10:10Z"], "2004-01-01", "2004-01-01"),
    "2004-01-01T10:10:10+05:00": (
        "1 January 2004, 10:10:10 (UTC+5)",
        ["2004-01-01T10:10:10+05:00"],
        "2004-01-01",
        "2004-01-01",
    ),
    "-0999": ("1000 BCE", [], "-0999-01-01", "-0999-12-31"),
    "0000": ("1 BCE", [], "0000-01-01", "0000-12-31"),
    "-2005/-1999-02": ("2006 BCE – February 2000 BCE", [], "-2005-01-01", "-1999-02-28"),
    "Y170000002": ("170,000,002", [], "170000002-01-01", "170000002-12-31"),
    "Y-170000002": ("170,000,003 BCE", [], "-170000002-01-01", "-170000002-12-31"),
    "Y-17E7": ("c. 170 million years BCE", [], "-170000000-01-01", "-170000000-12-31"),
    "1950S2": ("1950, to 2 significant digits: 1900 – 1999", [], "1900-01-01", "1999-12-31"),
    "Y17101E4S3": (
        "171,010,000, to 3 significant digits: 171,000,000 – 171,999,999",
        [],
        "171000000-01-01",
        "171999999-12-31",
    ),
    "199X": ("the 1990s", [], "1990-01-01", "1999-12-31"),
    "19XX": ("1900 – 1999", [], "1900-01-01", "1999-12-31"),
    "-01XX": ("200 BCE – 101 BCE", [], "-0199-01-01", "-0100-12-31"),
    "156X-12-25": ("25 December in the 1560s", [], "1560-12-25", "1569-12-25"),
    "1560-XX-25": ("day 25 of a month not given, 1560", [], "1560-01-25", "1560-12-25"),
    "XXXX-XX-23": ("day 23 of a month not given, year not given", [], None, None),
    "2001-21": ("spring 2001", [], "2001-03-01", "2001-05-31"),
    "2010-24": ("winter 2010", [], "2010-12-01", "2011-02-28"),
    "2001-34": ("second quarter of 2001", [], "2001-04-01", "2001-06-30"),
    "2001-29": ("spring 2001 (southern hemisphere)", [], "2001-09-01", "2001-11-30"),
    "2004?-06-~11": ("11 June 2004; year uncertain, day approximate", ["2004-06-11"], "2004-06-11", "2004-06-11"),
    "2004-06~-11": ("11 June 2004; year and month approximate", ["2004-06-11"], "2004-06-11", "2004-06-11"),
    "?2004-%06": ("June 2004?; month approximate", ["2004-06"], "2004-06-01", "2004-06-30"),
    "2004-%06": ("June 2004; month uncertain and approximate", ["2004-06"], "2004-06-01", "2004-06-30"),
    "[1667, 1668, 1670..1672]": (
        "one of 1667, 1668 or 1670–1672",
        ["1667", "1668", "1670", "1672"],
        "1667-01-01",
        "1672-12-31",
    ),
    "{1960, 1961-12}": ("1960 and December 1961", ["1960", "1961-12"], "1960-01-01", "1961-12-31"),
    "[..1760-12-03]": ("3 December 1760 or earlier", ["1760-12-03"], None, "1760-12-03"),
    "[1760-12..]": ("December 1760 or later", ["1760-12"], "1760-12-01", None),
    "2004-06-~01/2004-06-~20": (
        "1 June 2004; day approximate – 20 June 2004; day approximate",
        ["2004-06-01", "2004-06-20"],
        "2004-06-01",
        "2004-06-20",
    ),
    "1984-06-02?/2004-08-08~": (
        "2 June 1984? – c. 8 August 2004",
        ["1984-06-02", "2004-08-08"],
        "1984-06-02",
        "2004-08-08",
    ),
}


def test_the_corpus_is_whole():
    assert len(CORPUS["valid"]) == 90 and len(CORPUS["invalid"]) == 15
    assert set(FORMS) <= set(CORPUS["valid"])


@pytest.mark.parametrize("text", sorted(FORMS))
def test_each_form_in_words_datetime_and_bounds(text):
    words, datetimes, earliest, latest = FORMS[text]
    date = parse_date(text)
    shown = date_words(date, BRITISH)
    assert shown.label == words
    assert [segment.datetime for segment in shown.segments if segment.datetime] == datetimes
    assert (date.earliest().iso() if date.earliest() else None) == earliest
    assert (date.latest().iso() if date.latest() else None) == latest


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


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("25/12/2023", "2023-12-25"),
        ("12/25/2023", "2023-12-25"),
        ("Dec 2023", "2023-12"),
        ("25 December 2023", "2023-12-25"),
        ("1990s", "199X"),
        ("c. 1850", "1850~"),
        ("circa 1850-06", "1850-06~"),
        ("spring 2001", "2001-21"),
        ("10:30 25 Dec 2023", "2023-12-25T10:30:00"),
        ("500 BC", "-0499"),
        ("AD 79", "0079"),
        ("30/02/2023", None),  # no such day: nothing to suggest
    ],
)
def test_likely_mistakes_get_a_suggestion(written, suggested):
    assert suggest_edtf(written) == suggested
    with pytest.raises(DateError) as refused:
        parse_date(written)
    assert refused.value.suggestion == suggested


def test_the_suggestion_reaches_the_editor(tmp_path):
    write_project(tmp_path, {"a.md": event_file("A", "25/12/2023")}, {})
    build = run_mkdocs(tmp_path, "--strict")
    assert "content/events/a.md:3: date: '25/12/2023' is not a valid EDTF date" in build.output
    assert "did you mean '2023-12-25'?" in build.output


def bounds_contain(outer, inner) -> bool:
    return outer.earliest() <= inner.earliest() and inner.latest() <= outer.latest()


def test_generated_dates_are_never_more_precise_than_written():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(
        st.integers(-2000, 3000),
        st.integers(1, 12),
        st.integers(1, 28),
        st.sampled_from(["", "~", "?", "%"]),
        st.sampled_from(["year", "month", "day", "decade", "century", "no-day-X", "no-month-X"]),
    )
    def check(year, month, day, qualifier, shape):
        concrete = parse_date(f"{'-' if year < 0 else ''}{abs(year):04d}-{month:02d}-{day:02d}")
        sign, digits = ("-" if year < 0 else ""), f"{abs(year):04d}"
        written = {
            "year": f"{sign}{digits}",
            "month": f"{sign}{digits}-{month:02d}",
            "day": f"{sign}{digits}-{month:02d}-{day:02d}",
            "decade": f"{sign}{digits[:3]}X",
            "century": f"{sign}{digits[:2]}XX",
            "no-day-X": f"{sign}{digits}-{month:02d}-XX",
            "no-month-X": f"{sign}{digits}-XX-{day:02d}",
        }[shape]
        qualifier = qualifier if shape in ("year", "month", "day") else ""
        written += qualifier
        date = parse_date(written)
        # Bounds in the right order, and wide enough for every date the text may mean.
        assert date.earliest() <= date.latest()
        assert bounds_contain(date, concrete), written
        words = date_words(date, BRITISH)
        # A month's name only where the month is given; a machine value no finer than the text.
        named = [name for name in calendar.month_name[1:] if name in words.label]
        assert named == ([calendar.month_name[month]] if shape in ("month", "day", "no-day-X") else []), written
        for segment in words.segments:
            if segment.datetime:
                assert segment.datetime.count("-") <= written.lstrip("-").count("-"), written
        if qualifier in ("~", "%"):
            assert words.label.startswith("c. "), written
        if qualifier in ("?", "%"):
            assert words.label.endswith("?"), written

    check()


def test_ranges_and_sets_bound_all_they_hold():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    years = st.integers(-500, 2500)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(years, min_size=2, max_size=5, unique=True), st.booleans())
    def check(chosen, all_of):
        texts = [f"{'-' if y < 0 else ''}{abs(y):04d}" for y in chosen]
        written = ("{" if all_of else "[") + ", ".join(texts) + ("}" if all_of else "]")
        date = parse_date(written)
        assert date.first_day() == Day.of(min(chosen), 1, 1)  # placed by its earliest member
        for text in texts:
            assert bounds_contain(date, parse_date(text)), written
        low, high = sorted(chosen)[0], sorted(chosen)[-1]
        span = parse_date(f"{'-' if low < 0 else ''}{abs(low):04d}/{'-' if high < 0 else ''}{abs(high):04d}")
        assert span.earliest() == date.earliest() and span.latest() == date.latest()

    check()


# --- belonging at the time ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "date", "expected"),
    [
        ("2010/2015", "2012-06-01", "certain"),
        ("2010/2015", "2015-06/2016-02", "possible"),  # only partly inside
        ("2010/2015", "2020", None),
        ("2010/..", "2030-01-01", "certain"),
        ("2010/", "2012", "possible"),  # the end is not known
        ("2010~/2015", "2010-06", "possible"),  # the start is approximate: still within its year
        ("[2010, 2012]", "2012", "possible"),
        (None, "2012", "possible"),  # no period given: it may have been at any time
        ("2010/2015", "XXXX-05-01", "possible"),
        ("2010/2015", "2012-06-01T10:00:00Z", "certain"),
    ],
)
def test_coverage_is_as_honest_as_the_dates(period, date, expected):
    assert coverage(parse_date(period) if period else None, parse_date(date)) == expected


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
