"""Dates in words, never more precise than the editor's EDTF string, in the site's language.

Words are `DateSegment`s so that a template can wrap each known date in
``<time datetime>`` while keeping compact forms such as "20–27 December 2023": a range
is cut where the locale's own range pattern (CLDR intervalFormats) puts its separator.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from babel.dates import format_date, format_time
from babel.lists import format_list
from babel.numbers import format_compact_decimal

from generator.core.dates import PARTS, DatePoint, Day, EdtfDate, Precision
from generator.text import Text, gettext_noop


@dataclass(frozen=True, slots=True)
class DateSegment:
    text: str
    datetime: str | None = None  # value for <time datetime>, when the precision allows


@dataclass(frozen=True, slots=True)
class DateWords:
    """A date as readers see it: segments for the page, `label` for plain text."""

    segments: tuple[DateSegment, ...]

    @property
    def label(self) -> str:
        return "".join(segment.text for segment in self.segments)


@lru_cache(maxsize=65536)
def date_words(date: EdtfDate, text: Text) -> DateWords:
    if date.is_set:
        return DateWords(_set(date, text))
    if not date.is_range:
        assert date.start is not None
        return DateWords((DateSegment(point_words(date.start, text), date.start.iso()),))
    start, end = date.start, date.end
    if start is None:
        assert end is not None
        if date.open_start:
            return DateWords(_around(text.gettext("until %(date)s", date="\0"), end, text))
        return DateWords(_around(text.gettext("until %(date)s, start not known", date="\0"), end, text))
    if end is None:
        if date.open_end:
            return DateWords(_around(text.gettext("since %(date)s", date="\0"), start, text))
        return DateWords(_around(text.gettext("from %(date)s, end not known", date="\0"), start, text))
    return DateWords(_range(start, end, text))


def _around(message: str, point: DatePoint, text: Text) -> tuple[DateSegment, ...]:
    """The message's words around one date (its placeholder was filled with NUL)."""
    lead, _, tail = message.partition("\0")
    return tuple(
        segment
        for segment in (DateSegment(lead), DateSegment(point_words(point, text), point.iso()), DateSegment(tail))
        if segment.text
    )


def _set(date: EdtfDate, text: Text) -> tuple[DateSegment, ...]:
    """[a, b, c..d]: "one of a, b or c–d"; {a, b}: "a and b"; an open end: "a or
    earlier", "d or later" ("and earlier", "and later" for all of them)."""
    items = [date_words(member, text).segments for member in date.members]
    if date.open_start:
        message = (
            text.gettext("%(date)s and earlier", date="\0")
            if date.all_of
            else text.gettext("%(date)s or earlier", date="\0")
        )
        items[0] = _wrapped(message, items[0])
    if date.open_end:
        message = (
            text.gettext("%(date)s and later", date="\0")
            if date.all_of
            else text.gettext("%(date)s or later", date="\0")
        )
        items[-1] = _wrapped(message, items[-1])
    # The locale's own way of listing ("a, b or c", "a, b ou c"), cut at the items.
    style: Literal["standard", "or"] = "standard" if date.all_of else "or"
    listed = format_list([f"\0{index}\0" for index in range(len(items))], style, text.locale)
    segments: list[DateSegment] = []
    for index, piece in enumerate(listed.split("\0")):
        if index % 2:
            segments += items[int(piece)]
        elif piece:
            segments.append(DateSegment(piece))
    if date.all_of or len(date.members) < 2:
        return tuple(segments)
    return _wrapped(text.gettext("one of %(dates)s", dates="\0"), tuple(segments))


def _wrapped(message: str, inner: tuple[DateSegment, ...]) -> tuple[DateSegment, ...]:
    """A message's words around segments (its placeholder was filled with NUL)."""
    lead, _, tail = message.partition("\0")
    return tuple(segment for segment in (DateSegment(lead), *inner, DateSegment(tail)) if segment.text)


_SKELETONS: dict[Precision, str] = {"day": "yMMMMd", "month": "yMMMM", "year": "y"}


def _plain(point: DatePoint) -> bool:
    """A point CLDR's own patterns can write: a year 1000-9999, a month or a day, no
    season, time or qualifier."""
    return (
        point.exact_year
        and point.year is not None
        and 1000 <= point.year <= 9999
        and point.season is None
        and point.time is None
        and not (point.approximate or point.uncertain or point.qualified)
    )


def _range(start: DatePoint, end: DatePoint, text: Text) -> tuple[DateSegment, ...]:
    if _plain(start) and _plain(end) and start.precision == end.precision:
        first, last = start.earliest(), end.earliest()
        assert first is not None and last is not None
        first_date, last_date = first.date(), last.date()
        assert first_date is not None and last_date is not None
        difference = "y" if start.year != end.year else "M" if start.month != end.month else "d"
        halves = text.interval(_SKELETONS[start.precision], difference)
        if halves is not None and first != last:
            head, separator = _split_separator(halves[0])
            return (
                DateSegment(str(format_date(first_date, head, locale=text.locale)), start.iso()),
                DateSegment(separator),
                DateSegment(str(format_date(last_date, halves[1], locale=text.locale)), end.iso()),
            )
    lead, _, tail = text.gettext("%(start)s – %(end)s", start="\0", end="\0").partition("\0")
    between, _, after = tail.partition("\0")
    return tuple(
        segment
        for segment in (
            DateSegment(lead),
            DateSegment(point_words(start, text), start.iso()),
            DateSegment(between),
            DateSegment(point_words(end, text), end.iso()),
            DateSegment(after),
        )
        if segment.text
    )


_TRAILING_SEPARATOR = re.compile(r"^(.*?[A-Za-z'])([^A-Za-z']*)$", re.DOTALL)


def _split_separator(pattern: str) -> tuple[str, str]:
    """'d MMMM – ' -> ('d MMMM', ' – '): the first half of a range and its separator."""
    match = _TRAILING_SEPARATOR.match(pattern)
    return (match.group(1), match.group(2)) if match else (pattern, "")


def point_words(point: DatePoint, text: Text) -> str:
    words = _with_time(point, _plain_words(point, text), text)
    if point.approximate and point.uncertain:
        words = text.gettext("c. %(date)s?", date=words)
    elif point.approximate:
        words = text.gettext("c. %(date)s", date=words)
    elif point.uncertain:
        words = text.gettext("%(date)s?", date=words)
    if point.qualified:
        words = text.gettext("%(date)s; %(qualifiers)s", date=words, qualifiers=_part_qualifiers(point, text))
    return words


def _part_qualifiers(point: DatePoint, text: Text) -> str:
    """Which parts each qualifier is about: "year uncertain, day approximate"."""
    names = {"year": text.gettext("year"), "month": text.gettext("month"), "day": text.gettext("day")}
    kinds: dict[str, set[str]] = {}
    for part, kind in point.qualified:
        kinds.setdefault(part, set()).add(kind)
    messages = {
        "uncertain": gettext_noop("%(parts)s uncertain"),
        "approximate": gettext_noop("%(parts)s approximate"),
        "both": gettext_noop("%(parts)s uncertain and approximate"),
    }
    phrases = []
    for key in ("uncertain", "approximate", "both"):
        wanted = {"uncertain", "approximate"} if key == "both" else {key}
        parts = [names[part] for part in PARTS if kinds.get(part) == wanted]
        if parts:
            phrases.append(text.gettext(messages[key], parts=format_list(parts, "standard", text.locale)))
    return format_list(phrases, "unit", text.locale)


def _with_time(point: DatePoint, words: str, text: Text) -> str:
    time = point.time
    if time is None:
        return words
    clock = datetime.time(time.hour, time.minute, time.second)
    shown = str(format_time(clock, "medium" if time.second else "short", locale=text.locale))
    if time.offset is None:
        return text.gettext("%(date)s, %(time)s local time", date=words, time=shown)
    if time.offset == 0:
        return text.gettext("%(date)s, %(time)s UTC", date=words, time=shown)
    hours, minutes = divmod(abs(time.offset), 60)
    offset = ("+" if time.offset > 0 else "\u2212") + str(hours) + (f":{minutes:02d}" if minutes else "")
    return text.gettext("%(date)s, %(time)s (UTC%(offset)s)", date=words, time=shown, offset=offset)


SEASONS = {
    21: gettext_noop("spring %(year)s"),
    22: gettext_noop("summer %(year)s"),
    23: gettext_noop("autumn %(year)s"),
    24: gettext_noop("winter %(year)s"),
    25: gettext_noop("spring %(year)s (northern hemisphere)"),
    26: gettext_noop("summer %(year)s (northern hemisphere)"),
    27: gettext_noop("autumn %(year)s (northern hemisphere)"),
    28: gettext_noop("winter %(year)s (northern hemisphere)"),
    29: gettext_noop("spring %(year)s (southern hemisphere)"),
    30: gettext_noop("summer %(year)s (southern hemisphere)"),
    31: gettext_noop("autumn %(year)s (southern hemisphere)"),
    32: gettext_noop("winter %(year)s (southern hemisphere)"),
    33: gettext_noop("first quarter of %(year)s"),
    34: gettext_noop("second quarter of %(year)s"),
    35: gettext_noop("third quarter of %(year)s"),
    36: gettext_noop("fourth quarter of %(year)s"),
    37: gettext_noop("first four months of %(year)s"),
    38: gettext_noop("second four months of %(year)s"),
    39: gettext_noop("last four months of %(year)s"),
    40: gettext_noop("first half of %(year)s"),
    41: gettext_noop("second half of %(year)s"),
}


def _plain_words(point: DatePoint, text: Text) -> str:
    if point.year is None:
        # A leap year, so that 29 February can be named without a year.
        if point.month and point.day:
            return text.gettext(
                "%(date)s, year not given", date=text.date(datetime.date(2000, point.month, point.day), "MMMMd")
            )
        if point.month:
            return text.gettext("%(date)s, year not given", date=text.date(datetime.date(2000, point.month, 1), "LLLL"))
        if point.day:
            return text.gettext("day %(day)s of a month not given, year not given", day=text.number(point.day))
        return text.gettext("date not given")
    if point.years is not None:
        return _span_words(point, text)
    year = year_words(point.year, text, form=point.year_form)
    if point.season is not None:
        return text.gettext(SEASONS[point.season], year=year)
    if _plain(replace(point, approximate=False, uncertain=False, qualified=(), time=None)):
        first = datetime.date(point.year, point.month or 1, point.day or 1)
        if point.month and point.day:
            return text.date(first, "yMMMMd")
        if point.month:
            return text.date(first, "yMMMM")
    if point.month:
        return text.gettext("%(date)s %(year)s", date=_day_and_month(point, text), year=year)
    if point.day:
        return text.gettext("day %(day)s of a month not given, %(year)s", day=text.number(point.day), year=year)
    return year


def _day_and_month(point: DatePoint, text: Text) -> str:
    assert point.month is not None
    if point.day:
        return text.date(datetime.date(2000, point.month, point.day), "MMMMd")  # 2000: a leap year
    return text.date(datetime.date(2000, point.month, 1), "LLLL")


def _span_words(point: DatePoint, text: Text) -> str:
    """A year known only as a span: 199X, 19XX, 1950S2, Y17101E4S3 (and their months, days)."""
    assert point.years is not None
    first, last = point.years
    if point.year_form == "digits" and last - first == 9 and first >= 1000:
        years = text.gettext("the %(decade)ss", decade=year_words(first, text))
    else:
        years = text.gettext("%(start)s – %(end)s", start=year_words(first, text), end=year_words(last, text))
    if point.significant is not None and point.estimate is not None:
        return text.gettext(
            "%(year)s, to %(digits)s significant digits: %(span)s",
            year=year_words(point.estimate, text),
            digits=text.number(point.significant),
            span=years,
        )
    if point.season is not None:
        return text.gettext(SEASONS[point.season], year=years)
    if point.month:
        return text.gettext("%(date)s in %(years)s", date=_day_and_month(point, text), years=years)
    if point.day:
        return text.gettext("day %(day)s of a month not given, %(year)s", day=text.number(point.day), year=years)
    return years


def year_words(year: int, text: Text, form: str = "") -> str:
    """A year as readers say it: 2023; 79 CE; 1000 BCE (astronomical year -999);
    170,000,002; an exponential year as its order of magnitude, "c. 170 million years BCE"."""
    if form == "exponential":
        size = str(format_compact_decimal(abs(year), format_type="long", locale=text.locale, fraction_digits=2))
        if year <= 0:
            return text.gettext("c. %(number)s years BCE", number=size)
        return text.gettext("c. %(number)s years CE", number=size)
    if year <= 0:
        before = 1 - year
        return text.gettext("%(year)s BCE", year=text.number(before) if before > 9999 else str(before))
    if year < 1000:
        return text.gettext("%(year)s CE", year=str(year))
    if year > 9999:
        return text.number(year)
    return text.date(datetime.date(year, 1, 1), "y")


def day_words(day: Day, text: Text, unit: str = "day") -> str:
    """A day written to the year, month or day ("unit"): "25 December 2023", "March
    1000 BCE", "79 CE"."""
    year, month, number = day.parts
    return point_words(
        DatePoint(year, month if unit in ("month", "day") else None, number if unit == "day" else None), text
    )


def month_name(month: int, text: Text) -> str:
    """A month's name standing alone, as a heading: "December", "décembre"."""
    return text.date(datetime.date(2000, month, 1), "LLLL")
