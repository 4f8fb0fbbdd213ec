"""Every form of EDTF (levels 0, 1 and 2), from the python-edtf project's own test corpus
(tests/edtf_examples.py): each form in words, <time datetime> and bounds; suggestions for
dates as editors often write them; dates never more precise than written; and whether an
actor belonged to an organisation at an event's date (tests/site/test_edtf_forms.py builds
the corpus)."""

from __future__ import annotations

import calendar

import pytest

from generator.core.dates import DateError, Day, coverage, parse_date, suggest_edtf
from generator.text import load_text
from generator.views.dates import date_words
from tests.edtf_examples import CORPUS, FORMS

BRITISH = load_text("en", "en_GB")


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
