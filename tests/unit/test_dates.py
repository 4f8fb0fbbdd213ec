"""EDTF strings -> the model, the words readers see and the machine-readable values."""

import datetime

import pytest

from generator.core.dates import DateError, Day, parse_date
from generator.text import load_text
from generator.views.dates import date_words

BRITISH = load_text("en", "en_GB")
THIN = "\u2009"  # CLDR puts thin spaces around a dash between two dates that have spaces


@pytest.mark.parametrize(
    ("text", "label", "datetimes"),
    [
        ("2023-12-25", "25 December 2023", ["2023-12-25"]),
        ("2023-12", "December 2023", ["2023-12"]),
        ("2023", "2023", ["2023"]),
        ("2023~", "c. 2023", ["2023"]),
        ("2023-12?", "December 2023?", ["2023-12"]),
        ("2023-12-25%", "c. 25 December 2023?", ["2023-12-25"]),
        ("2023-12-20/2023-12-27", "20–27 December 2023", ["2023-12-20", "2023-12-27"]),
        ("2023-11-20/2023-12-03", f"20 November{THIN}–{THIN}3 December 2023", ["2023-11-20", "2023-12-03"]),
        ("2023-11/2023-12", f"November{THIN}–{THIN}December 2023", ["2023-11", "2023-12"]),
        ("2023-12-30/2024-01-02", f"30 December 2023{THIN}–{THIN}2 January 2024", ["2023-12-30", "2024-01-02"]),
        ("XXXX-12-25", "25 December, year not given", ["12-25"]),
        ("XXXX-02", "February, year not given", []),
        ("XXXX", "date not given", []),
        ("2009-02-XX", "February 2009", ["2009-02"]),
        ("2009/..", "since 2009", ["2009"]),
        ("../2009", "until 2009", ["2009"]),
        ("2009/", "from 2009, end not known", ["2009"]),
    ],
)
def test_label_is_as_precise_as_the_date(text, label, datetimes):
    date = parse_date(text)
    words = date_words(date, BRITISH)
    assert words.label == label
    assert [s.datetime for s in words.segments if s.datetime] == datetimes


@pytest.mark.parametrize(
    ("language", "locale", "text", "label"),
    [
        ("en", None, "2023-12-25", "December 25, 2023"),  # CLDR's own English is American
        ("en", None, "2023-12-20/2023-12-27", f"December 20{THIN}–{THIN}27, 2023"),
        ("fr", None, "2023-12-25", "25 décembre 2023"),
        ("fr", None, "2023-12-20/2023-12-27", "20–27 décembre 2023"),
        ("fr", None, "2023-12-25~", "v. 25 décembre 2023"),
        ("fr", None, "XXXX-12-25", "25 décembre, année non précisée"),
        ("fr", None, "2009/..", "depuis 2009"),
        ("ar", None, "2023-12-25", "25 ديسمبر 2023"),
        ("ar", None, "2009/..", "منذ 2009"),
    ],
)
def test_dates_are_written_in_the_sites_language(language, locale, text, label):
    assert date_words(parse_date(text), load_text(language, locale)).label == label


def test_year_not_given_has_no_bounds_instead_of_year_zero():
    date = parse_date("XXXX-12-25")
    assert not date.year_known
    assert date.earliest() is None and date.latest() is None


def test_open_interval_has_no_infinite_bound():
    date = parse_date("2009/..")
    assert date.earliest() == Day.of(2009, 1, 1) and date.earliest().date() == datetime.date(2009, 1, 1)
    assert date.latest() is None and date.open_end


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("XXXX-02-30", "February has no day 30"),
        ("2023-02-30", "not a valid EDTF date"),
        ("25/12/2023", "not a valid EDTF date"),
        ("2023-12-27/2023-12-20", "ends before it starts"),
        ("2023-42", "not a valid EDTF date"),  # neither a month nor a season
        ("2023-12-25T24:00:00", "no day has the time 24:00:00"),
        ("-0000-01-01", "not a valid EDTF date"),
    ],
)
def test_bad_dates_say_what_is_wrong(text, message):
    with pytest.raises(DateError, match=message):
        parse_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "2023",
        "2023-12",
        "2023-12-25",
        "2023~",
        "2023-12?",
        "2023-12-25%",
        "0001",
        "9999-12-31",
        "2024-02-29",
        "2023-02-29",
        "2023-13",
        "0000",
        "2023-12-25?",
        "2023-12-20/2023-12-27",
        "2009/..",
        "../2009",
        "2009/",
        "/2009",
        "../..",
        "/",
        "2023-12-27/2023-12-20",
        "2023~/2024?",
        "2023-12/2023-12-05",
        "2023/2023-02-30",
        "XXXX",
        "XXXX-02",
        "XXXX-13",
        "XXXX-02-29",
        "XXXX-02-30",
        "XXXX-04-31",
        "XXXX-12-25~",
        "XXXX-12-20/XXXX-12-27",
        "../XXXX-12-25",
    ],
)
def test_fast_path_agrees_with_the_edtf_grammar(text):
    from generator.core.dates import parse_with_edtf

    parse_date.cache_clear()
    try:
        fast = parse_date(text)
    except DateError as error:
        fast = type(error)
    try:
        full = parse_with_edtf(text)
    except DateError as error:
        full = type(error)
    assert fast == full


def test_fast_path_agrees_with_the_edtf_grammar_on_random_dates():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from generator.core.dates import parse_with_edtf

    point = r"([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?|XXXX(-[0-9]{2}(-[0-9]{2})?)?)"

    @settings(max_examples=400, deadline=None)
    @given(st.from_regex(rf"\A({point}|({point}|\.\.)?/({point}|\.\.)?)\Z"))
    def agree(text):
        outcomes = []
        for parse in (parse_date.__wrapped__, parse_with_edtf):
            try:
                outcomes.append(parse(text))
            except DateError:
                outcomes.append(DateError)
        assert outcomes[0] == outcomes[1], text

    agree()
