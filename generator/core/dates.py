"""EDTF dates as editors write them (levels 0, 1 and 2), reduced to what a chronology needs.

The `edtf` package decides what is valid EDTF.  This module reads valid text into a
small model: `DatePoint`s with the parts that are known (a year or a span of years, a
month or a season, a day, a time of day, qualifiers on the whole or on single parts),
`EdtfDate`s that are one point, a range or a set of dates, and `Day`s, bounds that sort
for any year (astronomical numbering: year 0 is 1 BCE, -0999 is 1000 BCE).

Three things the package does not do for us are done here on purpose: a year given as
``XXXX`` is not a year at all (the package says 0, which would sort first), open ends
(``2009/..``) are not infinities, and bounds are not limited to years 1-9999.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime
import io
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

from generator.core.date_suggestions import suggest_edtf

ACCEPTED_FORMS = (
    "2023-12-25 (a day)",
    "2023-12 (a month)",
    "2023 (a year)",
    "2023-12-25T10:30:00Z, 2023-12-25T10:30:00+03:00, 2023-12-25T10:30:00 (a time: UTC, an offset, local)",
    "2023-12-25~ (approximate), 2023-12? (uncertain), 2023-12-25% (both)",
    "2004?-06-~11 (year uncertain, day approximate)",
    "2023-12-20/2023-12-27 (a range)",
    "2009/.. (since 2009, still going on), ../2009 (until 2009), 2009/ (end not known)",
    "199X (the 1990s), 19XX (1900-1999), 156X-12-25 (25 December in the 1560s)",
    "XXXX-12-25 (day and month known, year not given), XXXX (date not given)",
    "2001-21 (spring 2001; 22 summer, 23 autumn, 24 winter; 33-36 quarters; 40, 41 halves)",
    "-0999 (1000 BCE), 0000 (1 BCE), Y170000002, Y-17E7 (long years), 1950S2 (significant digits)",
    "[1667, 1668, 1670..1672] (one of these), {1960, 1961-12} (all of these)",
)

CYCLE_DAYS = 146_097  # the Gregorian calendar repeats every 400 years, which have this many days


class DateError(ValueError):
    """The text is not a date this tool can show; the message says what to write, and
    `suggestion` is the likely intended EDTF when there is one."""

    def __init__(self, message: str, suggestion: str | None = None):
        super().__init__(message)
        self.suggestion = suggestion


# --- days ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, order=True)
class Day:
    """A day of the proleptic Gregorian calendar, in any year.  `ordinal` counts days as
    `datetime.date.toordinal` does (1 January of year 1 is day 1) and goes on below 1
    and past 9999, where `datetime.date` stops."""

    ordinal: int

    @classmethod
    def of(cls, year: int, month: int = 1, day: int = 1) -> Day:
        cycles, within = divmod(year - 1, 400)  # year = within + 1 + 400 * cycles
        return cls(datetime.date(within + 1, month, day).toordinal() + cycles * CYCLE_DAYS)

    @property
    def parts(self) -> tuple[int, int, int]:
        """(year, month, day), the year numbered astronomically."""
        cycles, within = divmod(self.ordinal - 1, CYCLE_DAYS)
        date = datetime.date.fromordinal(within + 1)
        return date.year + 400 * cycles, date.month, date.day

    @property
    def year(self) -> int:
        return self.parts[0]

    def plus(self, days: int) -> Day:
        return Day(self.ordinal + days)

    def iso(self) -> str:
        """ISO 8601: 2023-12-25; before year 1 with a minus and astronomical years
        (-0999-01-01 is 1 January 1000 BCE); past 9999 with all the year's digits."""
        year, month, day = self.parts
        sign = "-" if year < 0 else ""
        return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"

    def script_iso(self) -> str:
        """ISO 8601 as JavaScript's Date reads it: four digits for years 0-9999, else a
        sign and six (-000999-01-01); empty past JavaScript's dates (±275,760 years)."""
        year, month, day = self.parts
        if 0 <= year <= 9999:
            return self.iso()
        if abs(year) > 275_760:
            return ""
        return f"{'-' if year < 0 else '+'}{abs(year):06d}-{month:02d}-{day:02d}"

    def date(self) -> datetime.date | None:
        """The standard library's date, for the years it has (1-9999)."""
        year, month, day = self.parts
        return datetime.date(year, month, day) if 1 <= year <= 9999 else None


def days_in_month(year: int, month: int) -> int:
    # Not calendar.monthrange, which works out the month's first weekday too: this is
    # asked for every date of every picture (bench/NOTES.md).
    if month == 2:
        return 29 if calendar.isleap((year - 1) % 400 + 1) else 28  # leap years repeat every 400
    return _MONTH_DAYS[month - 1]


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# Seasons and other divisions of a year (EDTF 21-41) as the months they cover.  The
# seasons are the meteorological ones of the northern hemisphere (21-24 and 25-28;
# 29-32 are the southern hemisphere's); a winter runs from December into February of
# the next year (month 14).
SEASON_MONTHS = {
    21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14),
    25: (3, 5), 26: (6, 8), 27: (9, 11), 28: (12, 14),
    29: (9, 11), 30: (12, 14), 31: (3, 5), 32: (6, 8),
    33: (1, 3), 34: (4, 6), 35: (7, 9), 36: (10, 12),
    37: (1, 4), 38: (5, 8), 39: (9, 12),
    40: (1, 6), 41: (7, 12),
}  # fmt: skip


# --- points -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimeOfDay:
    hour: int
    minute: int
    second: int
    offset: int | None  # minutes east of UTC; None: local time (no zone given)

    def iso(self) -> str:
        clock = f"{self.hour:02d}:{self.minute:02d}:{self.second:02d}"
        if self.offset is None:
            return clock
        if self.offset == 0:
            return clock + "Z"
        sign = "+" if self.offset > 0 else "-"
        return f"{clock}{sign}{abs(self.offset) // 60:02d}:{abs(self.offset) % 60:02d}"

    def seconds_utc(self) -> int:
        """Seconds from the day's midnight, in UTC when the zone is known: the order of
        events on one day."""
        return self.hour * 3600 + self.minute * 60 + self.second - 60 * (self.offset or 0)


PARTS = ("year", "month", "day")
Precision = Literal["day", "month", "year", "none"]  # the most precise part a date gives


@dataclass(frozen=True, slots=True)
class DatePoint:
    """One calendar date with the parts that are known; ``None`` means not given.

    `year` is the year (astronomical: 0 is 1 BCE), or the first of `years` when only a
    span of years is known (``199X``: 1990-1999; ``1950S2``: 1900-1999, `estimate`
    1950).  `season` (21-41) stands for its months where a month would be.  Qualifiers
    on the whole date are `approximate` and `uncertain`; on single parts (EDTF level 2),
    `qualified` lists (part, "approximate" or "uncertain").
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False
    years: tuple[int, int] | None = None  # the span of years when only that is known
    year_form: str = ""  # how the year was written: "", "digits" (199X), "significant", "long", "exponential"
    estimate: int | None = None  # the year as written when it has significant digits or an exponent
    significant: int | None = None
    season: int | None = None
    qualified: tuple[tuple[str, str], ...] = ()
    time: TimeOfDay | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None or self.season is not None:
            return "month"
        if self.year is not None:
            return "year"
        return "none"

    @property
    def first_year(self) -> int | None:
        return self.years[0] if self.years else self.year

    @property
    def last_year(self) -> int | None:
        return self.years[1] if self.years else self.year

    @property
    def exact_year(self) -> bool:
        """The year is one known year (not a span)."""
        return self.year is not None and self.years is None

    def earliest(self) -> Day | None:
        """First day this point can mean, or None when the year is not given."""
        year = self.first_year
        if year is None:
            return None
        if self.season is not None:
            return Day.of(year, SEASON_MONTHS[self.season][0], 1)
        month = self.month or 1
        day = min(self.day or 1, days_in_month(year, month))
        return Day.of(year, month, day)

    def latest(self) -> Day | None:
        """Last day this point can mean, or None when the year is not given."""
        year = self.last_year
        if year is None:
            return None
        if self.season is not None:
            last = SEASON_MONTHS[self.season][1]
            year, month = (year + 1, last - 12) if last > 12 else (year, last)
        else:
            month = self.month or 12
        longest = days_in_month(year, month)
        return Day.of(year, month, min(self.day, longest) if self.day else longest)

    def iso(self) -> str | None:
        """Machine-readable form for ``<time datetime>``, only as precise as known and
        only where HTML has a valid form: years 1-9999 and one known year; a day without
        a year becomes an HTML yearless date (``12-25``)."""
        if self.year is None:
            if self.month is not None and self.day is not None:
                return f"{self.month:02d}-{self.day:02d}"
            return None
        if not self.exact_year or not 1 <= self.year <= 9999 or self.season is not None:
            return None
        if self.month is None:
            return f"{self.year:04d}" if self.day is None else None
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        date = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{date}T{self.time.iso()}" if self.time else date


@dataclass(frozen=True, slots=True)
class EdtfDate:
    """An event's date: a single point, a range whose ends may be open or unknown, or a
    set of dates.

    ``start`` and ``end`` are the same point for a single date.  For a range, an end
    of ``None`` is either open (``..``: the range goes on) or unknown (empty: the
    source does not say); ``open_start``/``open_end`` tell which.  A set (`members`)
    is one of its dates (``[…]``) or all of them (``{…}``, `all_of`); its start and end
    are its earliest and latest member's, and an open set (``[..1760]``, ``[1760..]``)
    has an open start or end.
    """

    text: str
    start: DatePoint | None
    end: DatePoint | None
    is_range: bool = False
    open_start: bool = False
    open_end: bool = False
    members: tuple[EdtfDate, ...] = ()
    all_of: bool = False

    @property
    def year_known(self) -> bool:
        point = self.start or self.end
        return point is not None and point.year is not None

    @property
    def is_set(self) -> bool:
        return bool(self.members)

    @property
    def listed_at(self) -> DatePoint:
        """The point the timeline lists it under: its start, or its end when the start is
        open or not known."""
        point = self.start or self.end
        assert point is not None  # a date has at least one end (see _range)
        return point

    def earliest(self) -> Day | None:
        """The first day it may mean; None when open, not known or the year not given."""
        if self.is_set and self.open_start:
            return None
        return self.start.earliest() if self.start else None

    def first_day(self) -> Day | None:
        """The day it is placed at: its first, else its end's first (a range with an
        open or unknown start), else its earliest member's (an open set)."""
        return (self.start.earliest() if self.start else None) or (self.end.earliest() if self.end else None)

    def latest(self) -> Day | None:
        if self.is_set and self.open_end:
            return None
        return self.end.latest() if self.end else None

    def time_key(self) -> int:
        """Where it falls in its first day: its time in seconds (UTC where known), or -1."""
        point = self.start or self.end
        return point.time.seconds_utc() if point is not None and point.time is not None else -1


# --- parsing ------------------------------------------------------------------------------------

# EDTF level 0 is ISO 8601's calendar date (2023, 2023-12, 2023-12-25), optionally with a
# level-1 qualifier (~ ? %).  Those forms, by far the most common, are validated by the
# standard library's ISO parser; the edtf grammar (pyparsing, much slower) validates
# everything else, which this module then reads with the patterns below.
# A test checks that both paths agree.
_ISO_CALENDAR_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)")
_YEAR_NOT_GIVEN = re.compile(r"XXXX(?:-(\d{2})(?:-(\d{2}))?)?")
# One date of level 2: a qualifier may stand before a part (it qualifies that part) or
# after it (it qualifies that part and every part before it).
_Q = r"([~?%]?)"
_LEVEL2_DATE = re.compile(
    rf"{_Q}(-?[\dX]{{4}}){_Q}(?:-{_Q}([\dX]{{2}}){_Q}(?:-{_Q}([\dX]{{2}}){_Q})?)?(?:S(\d+))?"
    r"(?:T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_LONG_YEAR = re.compile(r"Y(-?)(\d+)(?:E(\d+))?(?:S(\d+))?")
_QUALIFIERS = {"~": ("approximate",), "?": ("uncertain",), "%": ("approximate", "uncertain")}


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
    """Parse with the edtf package's full grammar (every form of levels 0-2)."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # the package prints its parse attempts
            parse_edtf(text)
    except (EDTFParseException, ValueError, TypeError, AttributeError) as error:
        raise DateError(f"'{text}' is not a valid EDTF date", suggestion=suggest_edtf(text)) from error
    if text[:1] in "[{":
        return _set(text)
    if "/" in text:
        lower, upper = text.split("/")
        start, end = (None if part in ("", "..") else _single(part, text) for part in (lower, upper))
        return _range(text, start, end, lower == "..", upper == "..")
    point = _single(text, text)
    return EdtfDate(text=text, start=point, end=point)


def _range(text: str, start: DatePoint | None, end: DatePoint | None, open_start: bool, open_end: bool) -> EdtfDate:
    if start is None and end is None:
        raise DateError(f"'{text}' has neither a start nor an end")
    if start and end:
        low, high = start.earliest(), end.latest()
        if low and high and high < low:
            raise DateError(f"the range '{text}' ends before it starts")
    return EdtfDate(text=text, start=start, end=end, is_range=True, open_start=open_start, open_end=open_end)


def _set(text: str) -> EdtfDate:
    """``[a, b, c..d]`` (one of) or ``{a, b}`` (all of); ``..a`` or ``a..`` at an end
    opens the set (an earlier or a later date too)."""
    items = [item.strip() for item in text[1:-1].split(",")]
    members: list[EdtfDate] = []
    open_start = open_end = False
    for index, item in enumerate(items):
        if item.startswith("..") and index == 0:
            open_start, item = True, item[2:]
        elif item.endswith("..") and index == len(items) - 1:
            open_end, item = True, item[:-2]
        if ".." in item:
            first, last = item.split("..")
            members.append(_range(item, _single(first, text), _single(last, text), False, False))
        else:
            point = _single(item, text)
            members.append(EdtfDate(text=item, start=point, end=point))
    ordered = sorted(members, key=_member_order)
    start, end = ordered[0].start or ordered[0].end, max(members, key=_member_end).end
    return EdtfDate(
        text=text,
        start=start,
        end=end,
        open_start=open_start,
        open_end=open_end,
        members=tuple(members),
        all_of=text.startswith("{"),
    )


def _member_order(member: EdtfDate) -> int:
    day = member.first_day()
    return day.ordinal if day else 0


def _member_end(member: EdtfDate) -> int:
    day = member.latest()
    return day.ordinal if day else 0


def _single(part: str, text: str) -> DatePoint:
    """One date of any level (no range, no set) as a point."""
    if part.startswith("Y"):
        return _long_year(part, text)
    match = _LEVEL2_DATE.fullmatch(part)
    if match is None:
        raise DateError(f"'{text}' is valid EDTF, but its part '{part}' is not a form this tool can read")
    (y_before, year, y_after, m_before, month, m_after, d_before, day, d_after, digits, *clock) = match.groups()
    qualified: list[tuple[str, str]] = []
    # A qualifier before a part qualifies it; after a part, it and the parts before it.
    for index, (before, after) in enumerate(((y_before, y_after), (m_before, m_after), (d_before, d_after))):
        for kind in _QUALIFIERS.get(before or "", ()):
            qualified.append((PARTS[index], kind))
        for kind in _QUALIFIERS.get(after or "", ()):
            qualified += [(PARTS[earlier], kind) for earlier in range(index + 1)]
    point = _year_point(year, digits, text)
    month_number = _part_number(month)
    if month_number is not None and month_number > 12:
        if month_number not in SEASON_MONTHS:
            raise DateError(f"'{text}': {month_number} is neither a month nor a season (21-41)")
        point = replace(point, season=month_number)
    else:
        point = replace(point, month=month_number)
    day_number = _part_number(day)
    if day_number is not None:
        if point.month is not None:
            year = point.year if point.exact_year else None
            longest = days_in_month(year, point.month) if year is not None else _longest_month(point.month)
            if day_number > longest:
                where = calendar.month_name[point.month] + (f" {year}" if year is not None else "")
                raise DateError(f"'{text}': {where} has no day {day_number}")
        point = replace(point, day=day_number)
    if clock[0] is not None:
        point = replace(point, time=_time(clock, text))
    return _qualify(point, qualified)


def _qualify(point: DatePoint, qualified: list[tuple[str, str]]) -> DatePoint:
    """Qualifiers on every given part are the whole date's (level 1's ``2004-06-11~``)."""
    values = (point.year, point.month or point.season, point.day)
    given = [name for name, value in zip(PARTS, values, strict=True) if value is not None]
    kinds = {kind for _, kind in qualified}
    whole = {kind for kind in kinds if given and all((name, kind) in qualified for name in given)}
    rest = tuple(dict.fromkeys((name, kind) for name, kind in qualified if kind not in whole))
    return replace(point, approximate="approximate" in whole, uncertain="uncertain" in whole, qualified=rest)


def _part_number(value: str | None) -> int | None:
    """A month or day; one partly unspecified (1X) is read as not given: less precise
    than the source, never more."""
    if value is None or "X" in value:
        return None
    return int(value)


def _year_point(year: str, digits: str | None, text: str) -> DatePoint:
    negative = year.startswith("-")
    body = year.lstrip("-")
    if set(body) == {"X"}:
        return DatePoint(year=None)
    if "X" in body:
        # Unspecified digits: every year the digits allow (-01XX: -199 to -100).
        low, high = int(body.replace("X", "0")), int(body.replace("X", "9"))
        first, last = (-high, -low) if negative else (low, high)
        return DatePoint(year=first, years=(first, last), year_form="digits")
    value = -int(body) if negative else int(body)
    if year == "-0000":
        raise DateError(f"'{text}': there is no year -0000; 0000 is 1 BCE")
    if digits:
        return _significant(value, int(digits), "significant")
    return DatePoint(year=value)


def _significant(value: int, digits: int, form: str) -> DatePoint:
    """A year known to `digits` significant digits: 1950S2 is some year 1900-1999."""
    size = len(str(abs(value)))
    if digits >= size:
        return DatePoint(year=value, estimate=value, significant=digits, year_form=form)
    step = 10 ** (size - digits)
    low = abs(value) // step * step
    first, last = (low, low + step - 1) if value >= 0 else (-(low + step - 1), -low)
    return DatePoint(year=first, years=(first, last), estimate=value, significant=digits, year_form=form)


def _long_year(part: str, text: str) -> DatePoint:
    match = _LONG_YEAR.fullmatch(part)
    if match is None:
        raise DateError(f"'{text}' is valid EDTF, but its part '{part}' is not a form this tool can read")
    sign, digits, exponent, significant = match.groups()
    value = int(digits) * 10 ** int(exponent or 0) * (-1 if sign else 1)
    form = "exponential" if exponent else "long"
    if significant:
        return _significant(value, int(significant), form)
    return DatePoint(year=value, estimate=value if exponent else None, year_form=form)


def _time(clock: list[str | None], text: str) -> TimeOfDay:
    hour, minute, second, zone = clock
    assert hour is not None and minute is not None and second is not None
    offset: int | None = None
    if zone == "Z":
        offset = 0
    elif zone:
        sign = -1 if zone[0] == "-" else 1
        hours, minutes = zone[1:3], zone[3:].lstrip(":") or "0"
        offset = sign * (int(hours) * 60 + int(minutes))
    values = (int(hour), int(minute), int(second))
    if values[0] > 23 or values[1] > 59 or values[2] > 59:
        raise DateError(f"'{text}': no day has the time {hour}:{minute}:{second}")
    return TimeOfDay(*values, offset=offset)


# --- periods against dates ----------------------------------------------------------------------

FOREVER = 10**15  # beyond every day, either way

# How surely a period covers a date (see `coverage`).
Coverage = Literal["certain", "possible"]


def coverage(period: EdtfDate | None, date: EdtfDate) -> Coverage | None:
    """Whether a `period` (an affiliation's) covers a `date` (an event's), with the honesty
    of the dates themselves: "certain" when every day the date may mean certainly lies in
    the period, "possible" when they may overlap (also when the period is not given), None
    when they cannot overlap."""
    if period is None:
        return "possible"
    low, high = _possible(date)
    period_low, period_high = _possible(period)
    if period_high < low or high < period_low:
        return None
    certain_low, certain_high = _certain(period)
    return "certain" if certain_low <= low and high <= certain_high else "possible"


def _possible(date: EdtfDate) -> tuple[int, int]:
    """The first and last day a date may mean, an open or unknown end as far as it goes."""
    if not date.year_known:
        return -FOREVER, FOREVER
    first, last = date.earliest(), date.latest()
    return (first.ordinal if first else -FOREVER), (last.ordinal if last else FOREVER)


def _certain(period: EdtfDate) -> tuple[int, int]:
    """The days a period certainly covers: from the last day its start may mean to the
    first day its end may mean (none when those cross); an open end goes on for ever, an
    unknown one ends at its start."""
    if not period.year_known:
        return FOREVER, -FOREVER
    start, end = period.start, period.end
    if period.is_set:
        return FOREVER, -FOREVER  # one of several dates, or several dates: no whole span is certain
    begin = start.latest() if start else None
    finish = end.earliest() if end else None
    low = begin.ordinal if begin else (-FOREVER if period.open_start else FOREVER)
    if finish is not None:
        high = finish.ordinal
    elif period.open_end:
        high = FOREVER
    else:
        high = low
    return low, high
