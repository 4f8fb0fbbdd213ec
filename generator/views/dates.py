"""Dates in words, never more precise than the editor's EDTF string, in the site's language.

Words are `DateSegment`s so that a template can wrap each known date in
``<time datetime>`` while keeping compact forms such as "20–27 December 2023": a range
is cut where the locale's own range pattern (CLDR intervalFormats) puts its separator.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_date

from generator.dates import DatePoint, EdtfDate
from generator.text import Text


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


_SKELETONS = {"day": "yMMMMd", "month": "yMMMM", "year": "y"}


def _range(start: DatePoint, end: DatePoint, text: Text) -> tuple[DateSegment, ...]:
    plain = not (start.approximate or start.uncertain or end.approximate or end.uncertain)
    if plain and start.year is not None and end.year is not None and start.precision == end.precision:
        first, last = start.earliest(), end.earliest()
        assert first is not None and last is not None
        difference = "y" if start.year != end.year else "M" if start.month != end.month else "d"
        halves = text.interval(_SKELETONS[start.precision], difference)
        if halves is not None and first != last:
            head, separator = _split_separator(halves[0])
            return (
                DateSegment(str(format_date(first, head, locale=text.locale)), start.iso()),
                DateSegment(separator),
                DateSegment(str(format_date(last, halves[1], locale=text.locale)), end.iso()),
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
    words = _plain_words(point, text)
    if point.approximate and point.uncertain:
        return text.gettext("c. %(date)s?", date=words)
    if point.approximate:
        return text.gettext("c. %(date)s", date=words)
    if point.uncertain:
        return text.gettext("%(date)s?", date=words)
    return words


def _plain_words(point: DatePoint, text: Text) -> str:
    if point.year is None:
        # A leap year, so that 29 February can be named without a year.
        if point.month and point.day:
            return text.gettext(
                "%(date)s, year not given", date=text.date(datetime.date(2000, point.month, point.day), "MMMMd")
            )
        if point.month:
            return text.gettext("%(date)s, year not given", date=text.date(datetime.date(2000, point.month, 1), "LLLL"))
        return text.gettext("date not given")
    first = datetime.date(point.year, point.month or 1, point.day or 1)
    if point.month and point.day:
        return text.date(first, "yMMMMd")
    if point.month:
        return text.date(first, "yMMMM")
    if point.day:
        return text.gettext(
            "day %(day)s of a month not given, %(year)s", day=text.number(point.day), year=text.date(first, "y")
        )
    return text.date(first, "y")


def month_name(month: int, text: Text) -> str:
    """A month's name standing alone, as a heading: "December", "décembre"."""
    return text.date(datetime.date(2000, month, 1), "LLLL")
