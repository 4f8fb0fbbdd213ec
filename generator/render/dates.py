"""Dates in words, never more precise than the editor's EDTF string.

A label is a tuple of `DateSegment`s so that a template can wrap each known date in
``<time datetime>`` while keeping compact forms such as "20–27 December 2023".
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.dates import DatePoint, EdtfDate

# Index 1..12.  Spelt out rather than taken from `calendar`, whose names follow the
# process locale: the same content must give the same bytes on every machine.
MONTHS = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True)
class DateSegment:
    text: str
    datetime: str | None = None  # value for <time datetime>, when the precision allows


def date_segments(date: EdtfDate) -> tuple[DateSegment, ...]:
    if not date.is_range:
        assert date.start is not None
        return (DateSegment(_point_label(date.start), date.start.iso()),)
    start, end = date.start, date.end
    if start is None:
        assert end is not None
        lead = "until "
        tail = "" if date.open_start else ", start not known"
        return (DateSegment(lead), DateSegment(_point_label(end), end.iso()), DateSegment(tail))
    if end is None:
        lead = "since " if date.open_end else "from "
        tail = "" if date.open_end else ", end not known"
        return (DateSegment(lead), DateSegment(_point_label(start), start.iso()), DateSegment(tail))
    return _range_segments(start, end)


def date_label(date: EdtfDate) -> str:
    """The whole label as plain text (feeds, exports, titles)."""
    return "".join(segment.text for segment in date_segments(date))


def _range_segments(start: DatePoint, end: DatePoint) -> tuple[DateSegment, ...]:
    plain = not (start.approximate or start.uncertain or end.approximate or end.uncertain)
    same_year = start.year is not None and start.year == end.year
    if plain and same_year and start.precision == end.precision == "day":
        if start.month == end.month:
            head = f"{start.day}"
            dash = "–"
        else:
            head = f"{start.day} {MONTHS[start.month]}"
            dash = " – "
        return (
            DateSegment(head, start.iso()),
            DateSegment(dash),
            DateSegment(_point_label(end), end.iso()),
        )
    if plain and same_year and start.precision == end.precision == "month":
        return (
            DateSegment(MONTHS[start.month], start.iso()),
            DateSegment("–"),
            DateSegment(_point_label(end), end.iso()),
        )
    return (
        DateSegment(_point_label(start), start.iso()),
        DateSegment(" – "),
        DateSegment(_point_label(end), end.iso()),
    )


def _point_label(point: DatePoint) -> str:
    label = _plain_label(point)
    if point.approximate:
        label = f"c. {label}"
    if point.uncertain:
        label = f"{label}?"
    return label


def _plain_label(point: DatePoint) -> str:
    month = MONTHS[point.month] if point.month else None
    if point.year is None:
        if month and point.day:
            return f"{point.day} {month}, year not given"
        if month:
            return f"{month}, year not given"
        return "date not given"
    if month and point.day:
        return f"{point.day} {month} {point.year}"
    if month:
        return f"{month} {point.year}"
    if point.day:
        return f"{point.year}, month not given"
    return f"{point.year}"
