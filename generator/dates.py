"""EDTF dates as editors write them, reduced to what a chronology needs.

The `edtf` package parses and validates; this module only turns its objects into a
small model (`EdtfDate`) with the parts that are known, the parts that are not, and
bounds that sort.  Two things the package gets wrong for us are handled here on
purpose: a year given as ``XXXX`` comes back as year 0 (it would sort before
everything), and open interval ends (``2009/..``) come back as infinities.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime
import io
import re
from dataclasses import dataclass
from functools import lru_cache

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException
from edtf.parser.parser_classes import (
    UA,
    Date,
    Interval,
    PartialUncertainOrApproximate,
    Season,
    UncertainOrApproximate,
    UnspecifiedIntervalSection,
)

ACCEPTED_FORMS = (
    "2023-12-25 (a day)",
    "2023-12 (a month)",
    "2023 (a year)",
    "2023-12-25~ (approximate)",
    "2023-12? (uncertain)",
    "2023-12-25% (approximate and uncertain)",
    "2023-12-20/2023-12-27 (a range)",
    "2009/.. (since 2009, still going on)",
    "../2009 (until 2009)",
    "2009/ (from 2009, end not known)",
    "XXXX-12-25 (day and month known, year not given)",
    "XXXX (date not given)",
)


class DateError(ValueError):
    """The text is not a date this tool can show; the message says what to write."""


@dataclass(frozen=True, slots=True)
class DatePoint:
    """One calendar date with the parts that are known; ``None`` means not given."""

    year: int | None
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        if self.year is not None:
            return "year"
        return "none"

    def earliest(self) -> datetime.date | None:
        """First day this point can mean, or None when the year is not given."""
        if self.year is None:
            return None
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> datetime.date | None:
        """Last day this point can mean, or None when the year is not given."""
        if self.year is None:
            return None
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return datetime.date(self.year, month, day)

    def iso(self) -> str | None:
        """Machine-readable form for ``<time datetime>``, only as precise as known.

        A day without a year becomes an HTML yearless date (``12-25``); a month
        without a year or a date with an unknown month in it has no valid form.
        """
        if self.year is None:
            if self.month is not None and self.day is not None:
                return f"{self.month:02d}-{self.day:02d}"
            return None
        if self.year < 1 or self.year > 9999:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class EdtfDate:
    """An event's date: a single point, or a range whose ends may be open or unknown.

    ``start`` and ``end`` are the same point for a single date.  For a range, an end
    of ``None`` is either open (``..``: the range goes on) or unknown (empty: the
    source does not say); ``open_start``/``open_end`` tell which.
    """

    text: str
    start: DatePoint | None
    end: DatePoint | None
    is_range: bool = False
    open_start: bool = False
    open_end: bool = False

    @property
    def year_known(self) -> bool:
        point = self.start or self.end
        return point is not None and point.year is not None

    @property
    def listed_at(self) -> DatePoint:
        """The point the timeline lists it under: its start, or its end when the start is
        open or not known."""
        point = self.start or self.end
        assert point is not None  # a date has at least one end (see _range)
        return point

    def earliest(self) -> datetime.date | None:
        return self.start.earliest() if self.start else None

    def first_day(self) -> datetime.date | None:
        """The first day it may mean, or its end's when the start is open or not known."""
        return self.earliest() or (self.end.earliest() if self.end else None)

    def latest(self) -> datetime.date | None:
        return self.end.latest() if self.end else None


# EDTF level 0 is ISO 8601's calendar date (2023, 2023-12, 2023-12-25), optionally with a
# level-1 qualifier (~ ? %).  Those forms, by far the most common, are validated by the
# standard library's ISO parser; the edtf grammar (pyparsing, about a hundred times
# slower) parses everything else.  A test checks that both paths agree.
_ISO_CALENDAR_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)")
# The same with the year not given (XXXX, XXXX-12, XXXX-12-25); EDTF allows no qualifier here.
_YEAR_NOT_GIVEN = re.compile(r"XXXX(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=65536)
def parse_date(text: str) -> EdtfDate:
    """Parse an editor's EDTF string, or raise DateError saying what is accepted."""
    text = text.strip()
    simple = _iso_calendar_date(text)
    if simple is not None:
        return EdtfDate(text=text, start=simple, end=simple)
    if text.count("/") == 1:
        ends = [(part, _iso_calendar_date(part)) for part in text.split("/")]
        years_known = {point.year is not None for _, point in ends if point is not None}
        if all(point is not None or part in ("", "..") for part, point in ends) and (
            years_known == {True} or (years_known == {False} and all(point for _, point in ends))
        ):  # the grammar's own rules for mixing XXXX with other ends are left to it
            (first, start), (second, end) = ends
            return _range(text, start, end, first == "..", second == "..")
    return parse_with_edtf(text)


def _iso_calendar_date(text: str) -> DatePoint | None:
    match = _ISO_CALENDAR_DATE.fullmatch(text)
    if match is None:
        return _year_not_given(text)
    year, month, day, qualifier = match.groups()
    try:
        datetime.date.fromisoformat(f"{year}-{month or '01'}-{day or '01'}")
    except ValueError:
        return None  # let the edtf grammar word the error
    if int(year) < 1:
        return None
    return DatePoint(
        year=int(year),
        month=int(month) if month else None,
        day=int(day) if day else None,
        approximate=qualifier in ("~", "%"),
        uncertain=qualifier in ("?", "%"),
    )


def _year_not_given(text: str) -> DatePoint | None:
    match = _YEAR_NOT_GIVEN.fullmatch(text)
    if match is None:
        return None
    month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        return None
    if month is not None and day is not None and not 1 <= day <= _longest_month(month):  # no day without a month
        return None
    return DatePoint(year=None, month=month, day=day)


def _longest_month(month: int) -> int:
    return calendar.monthrange(2000, month)[1]  # a leap year: 29 February can be given without a year


def parse_with_edtf(text: str) -> EdtfDate:
    """Parse with the edtf package's full grammar (every form this tool supports)."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # the package prints its parse attempts
            parsed = parse_edtf(text)
    except (EDTFParseException, ValueError, TypeError) as error:
        raise DateError(f"'{text}' is not a valid EDTF date") from error
    if isinstance(parsed, Interval):
        return _interval(text, parsed)
    point = _point(parsed, text)
    return EdtfDate(text=text, start=point, end=point)


def _interval(text: str, parsed: Interval) -> EdtfDate:
    ends: list[DatePoint | None] = []
    opens: list[bool] = []
    for section in (parsed.lower, parsed.upper):
        if isinstance(section, UnspecifiedIntervalSection):
            ends.append(None)
            opens.append(section.is_open)
        else:
            ends.append(_point(section, text))
            opens.append(False)
    return _range(text, ends[0], ends[1], opens[0], opens[1])


def _range(text: str, start: DatePoint | None, end: DatePoint | None, open_start: bool, open_end: bool) -> EdtfDate:
    if start is None and end is None:
        raise DateError(f"'{text}' has neither a start nor an end")
    if start and end:
        low, high = start.earliest(), end.latest()
        if low and high and high < low:
            raise DateError(f"the range '{text}' ends before it starts")
    return EdtfDate(text=text, start=start, end=end, is_range=True, open_start=open_start, open_end=open_end)


def _point(parsed: object, text: str) -> DatePoint:
    qualifier: UA | None = None
    if isinstance(parsed, UncertainOrApproximate):
        qualifier = parsed.ua
        parsed = parsed.date
    if isinstance(parsed, (Season, PartialUncertainOrApproximate)) or not isinstance(parsed, Date):
        raise DateError(f"'{text}' is valid EDTF, but this form ({type(parsed).__name__}) is not supported here")
    own_qualifier = getattr(parsed, "ua", None)  # only some kinds of Date (Unspecified) have one
    if own_qualifier is not None:
        qualifier = own_qualifier
    year = _component(parsed._year, text, "year")
    month = _component(parsed._month, text, "month")
    day = _component(parsed._day, text, "day")
    if year is None and month is not None and day is not None and day > _longest_month(month):
        # The edtf package accepts XXXX-02-30; no year has such a day.
        raise DateError(f"'{text}': {calendar.month_name[month]} has no day {day}")
    if year is not None and not 1 <= year <= 9999:
        raise DateError(f"'{text}': years outside 0001-9999 are not supported here")
    if year is not None and month is not None and day is not None and day > calendar.monthrange(year, month)[1]:
        # The edtf grammar accepts 2023-02-29; no calendar has it.
        raise DateError(f"'{text}': {calendar.month_name[month]} {year} has no day {day}")
    return DatePoint(
        year=year,
        month=month,
        day=day,
        approximate=bool(qualifier and (qualifier.is_approximate or qualifier.is_uncertain_and_approximate)),
        uncertain=bool(qualifier and (qualifier.is_uncertain or qualifier.is_uncertain_and_approximate)),
    )


def _component(value: str | None, text: str, name: str) -> int | None:
    if value is None or set(value) == {"X"}:
        return None
    if "X" in value:
        raise DateError(
            f"'{text}': a partly unspecified {name} ('{value}') is not supported; write a range instead, e.g. 2010/2019"
        )
    return int(value)
