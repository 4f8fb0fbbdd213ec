"""The overview: a time-scaled picture of a listing's period, drawn at build time as inline
SVG, so that it works without JavaScript.

Every event is placed by what its date means: a day is a mark, a range or a month or year
a bar over the time it may cover, an approximate or uncertain date a faded, dashed bar,
an open end a bar that fades out at the edge.  Events whose year the sources do not give
have a lane of their own.  Past `MARKS` events the overview counts them per year, month
or day instead (a histogram whose bars link to the pages of those periods), so its markup
stays small at any size.

The site may name eras (drawn as labelled bands behind the events) and ask for lanes: a
row per tag or per kind of actor, each with its own marks or bars.

A story's overview numbers its events by the steps that tell them (`steps`): the number
is drawn beside the mark and said first in its name ("Step 3: …"), so that the picture
reads in the story's order without JavaScript.
"""

from __future__ import annotations

import datetime
import functools
import math
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal, NamedTuple, get_args

from generator import urls
from generator.core.dates import DatePoint, Day, EdtfDate
from generator.core.model import Era, Event
from generator.text import Text
from generator.views.dates import date_words, day_words, year_words

MARKS = 150  # the most events drawn one by one
WIDTH = 700  # viewBox units (about the pixels of a desktop column); the picture scales to its column
MARGIN = 24
ROW = 14  # height of one row of marks
ROWS = 6  # rows of marks before they share the last one
AXIS = 28  # room for the axis and its labels
LABEL = 13  # room for the label of a lane or of the eras
LANES = 8  # the most lanes; the groups after them share one ("Other")
LANE_ROWS = 3  # rows of marks (or their height in bars) of one lane among several
LABELS = 12  # the most labels of an axis, drawn or zoomed: past them only every n-th step is labelled
ZOOM_TICKS = 2000  # the most steps the page carries for zooming (every unit coarser than a month)
RULES = ("month", "day")  # units whose steps the script makes (a month label is its short name, a day's its number)
STEP_LABEL = 8  # room for a step's number after its mark on a story's overview: a gap, then each digit
STEP_DIGIT = 6


class Tick(NamedTuple):
    """A labelled point of the axis."""

    x: float
    label: str


@dataclass(frozen=True, slots=True)
class ZoomLevel:
    """The steps of one unit of the axis over the whole period, for the views zoomed in
    far enough to use it (see `axis_unit`).  Months and days are a rule (`RULES`): the
    script makes their steps for the view it draws, from the month names and year labels
    of the `Zoom`, so that a page carries a few hundred bytes for them, not a step a day."""

    longest: int  # the longest view, in days, drawn in this unit
    unit: str
    steps: str = ""  # each step's first day: days after the previous one (the first, after the axis's first day)
    labels: tuple[str, ...] = ()  # each step's label on the axis


@dataclass(frozen=True, slots=True)
class Zoom:
    """What the script needs to redraw the axis of a zoomed view, decided here so that it
    cannot differ from the picture as built: the steps and labels of each unit coarser
    than a month, the words of months and days, and how far one may zoom in (`shortest`,
    in days: a day, unless the period has more years than `ZOOM_TICKS`, when the finest
    units are left out)."""

    labels: int  # the most labels (LABELS)
    shortest: int
    levels: tuple[ZoomLevel, ...]  # the coarsest unit first
    months: tuple[str, ...] = ()  # a month's label, January first (with months as a rule)
    first_year: int = 0  # the year of `years`' first label
    years: tuple[str, ...] = ()  # each year's label, from the period's first year to its last


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    width: float  # 0 for a day
    y: float
    path: str  # the event's page
    label: str  # title and date, for hover and assistive technology
    first: str  # the days it may cover (ISO), for zooming with JavaScript
    last: str
    fuzzy: bool  # approximate or uncertain
    open_end: bool  # goes on past the period shown
    steps: tuple[int, ...] = ()  # on a story's overview, the steps that tell of the event
    number: str = ""  # those steps' numbers, as drawn beside the mark


@dataclass(frozen=True, slots=True)
class Bin:
    x: float
    width: float
    height: float
    y: float
    count: int
    path: str  # the page of the period the bar counts
    label: str
    first: str  # the days it counts (ISO), for zooming with JavaScript
    last: str
    # Events known only to a period wider than one bar (a month on an axis of days): a
    # faint bar as wide as that period, as tall as its events spread over it.
    spread: bool = False


@dataclass(frozen=True, slots=True)
class Band:
    """An era, as far as it overlaps the period shown."""

    x: float
    width: float
    name: str
    label: str  # its name and period, for hover and assistive technology
    first: str  # the days it covers (ISO), for zooming with JavaScript
    last: str


@dataclass(frozen=True, slots=True)
class Lane:
    """The label of one row of the picture, when the site asks for lanes."""

    label: str
    y: float


@dataclass(frozen=True, slots=True)
class Lanes:
    """How events are grouped into rows: `of` names the lanes of an event (none, one or
    more); `none` is the name of the row of events in no group."""

    of: Callable[[Event], tuple[str, ...]]
    none: str


# What the rows of an overview are (the `lanes` option): one row, a row per tag, or a
# row per kind of actor.
LaneGrouping = Literal["none", "tags", "actor kinds"]
LANE_GROUPINGS: tuple[LaneGrouping, ...] = get_args(LaneGrouping)


@dataclass(frozen=True, slots=True)
class Drawing:
    """The site's choices for every overview (the `eras` and `lanes` options)."""

    eras: tuple[Era, ...] = ()
    lanes: LaneGrouping = "none"


PLAIN = Drawing()  # no eras, no lanes


@dataclass(frozen=True, slots=True)
class Overview:
    title: str
    description: str
    height: float
    ticks: tuple[Tick, ...]
    marks: tuple[Mark, ...]
    bins: tuple[Bin, ...]
    bands: tuple[Band, ...]
    lanes: tuple[Lane, ...]
    undated: int  # events whose year the sources do not give
    undated_path: str
    undated_label: str
    undated_y: float
    zoom: Zoom
    first: str = ""  # the days the axis spans (ISO)
    last: str = ""
    width: int = WIDTH
    margin: int = MARGIN
    band_top: int = AXIS - 2  # the eras' bands begin under the axis, their names in the row below it
    band_label_y: int = AXIS + 10


PeriodPath = Callable[[str, Day], str]  # (unit, a day in it) -> the page showing that period
Bounds = tuple[Day, Day, bool]  # first and last day, open end


def overview(
    events: list[Event],
    text: Text,
    period_path: PeriodPath,
    *,
    eras: tuple[Era, ...] = (),
    lanes: Lanes | None = None,
    steps: Mapping[str, tuple[int, ...]] | None = None,
) -> Overview | None:
    """The overview of `events` (a listing's whole period); `period_path` gives the page of
    a year, month or day; `eras` are drawn where they overlap the period; `lanes`, when
    given, draws a row per lane; `steps`, on a story's page, the numbers of the steps that
    tell of each event (by id).  None when no event has a year."""
    dated = [event for event in events if event.date.year_known]
    undated = len(events) - len(dated)
    if not dated:
        return None
    bounds = {event.id: _bounds(event.date) for event in dated}
    first = min(low for low, _, _ in bounds.values())
    last = max(high for _, high, _ in bounds.values())
    unit = axis_unit(last.ordinal - first.ordinal)
    start, end = _round(first, unit, down=True), _round(last, unit, down=False)
    scale = (WIDTH - 2 * MARGIN) / max(end.ordinal - start.ordinal, 1)

    def x(day: Day) -> float:
        return round(MARGIN + (day.ordinal - start.ordinal) * scale, 1)

    bands = _bands(eras, start, end, x, text)
    top = AXIS + (LABEL if bands else 0)
    groups = _lanes(dated, lanes, text) if lanes else [("", dated)]
    rows_each = ROWS if len(groups) == 1 else LANE_ROWS
    drawn_marks: list[Mark] = []
    drawn_bins: list[Bin] = []
    lane_labels = []
    y = top
    tallest = max(_tallest(members, bounds, unit) for _, members in groups) if len(dated) > MARKS else 0
    for label, members in groups:
        if label:
            lane_labels.append(Lane(label, y + 10))
            y += LABEL
        if len(dated) <= MARKS:
            marks, rows = _marks(members, bounds, x, text, end, top=y, most_rows=rows_each, steps=steps or {})
            drawn_marks += marks
            y += rows * ROW + 8
        else:
            drawn_bins += _bins(
                members, bounds, unit, x, text, period_path, top=y, room=rows_each * ROW, tallest=tallest
            )
            y += rows_each * ROW + 8
    undated_y = y
    height = undated_y + (ROW + 8 if undated else 0)
    words = text.ngettext("%(num)s event", "%(num)s events", len(events))
    span_words = text.gettext("%(start)s – %(end)s", start=day_words(first, text), end=day_words(last, text))
    return Overview(
        title=text.gettext("The period at a glance"),
        description=text.gettext("%(events)s, %(span)s.", events=words, span=span_words),
        height=height,
        ticks=_ticks(start, end, unit, x, text),
        marks=tuple(drawn_marks),
        bins=tuple(drawn_bins),
        bands=bands,
        lanes=tuple(lane_labels),
        undated=undated,
        undated_path=period_path("undated", first),
        undated_label=text.ngettext("Year not given: %(num)s event", "Year not given: %(num)s events", undated),
        undated_y=undated_y,
        zoom=_zoom(start, end, text),
        first=start.script_iso(),
        last=end.plus(-1).script_iso(),
    )


def _lanes(dated: list[Event], lanes: Lanes, text: Text) -> list[tuple[str, list[Event]]]:
    """The lanes, the fullest first (then by name); past `LANES`, the smallest share one
    ("Other"); the events in no group last."""
    members: dict[str, list[Event]] = {}
    outside = []
    for event in dated:
        names = lanes.of(event)
        for name in names:
            members.setdefault(name, []).append(event)
        if not names:
            outside.append(event)
    ranked = sorted(members.items(), key=lambda item: (-len(item[1]), item[0].casefold(), item[0]))
    room = LANES - (1 if outside else 0)
    if len(ranked) > room:
        seen = {event.id for _, events in ranked[room - 1 :] for event in events}
        others = [event for event in dated if event.id in seen]  # once each, in timeline order
        ranked = [*ranked[: room - 1], (text.gettext("Other"), others)]
    return ranked + ([(lanes.none, outside)] if outside else [])


def _bands(eras: tuple[Era, ...], start: Day, end: Day, x: Callable[[Day], float], text: Text) -> tuple[Band, ...]:
    bands = []
    for era in eras:
        low, high, open_end = _bounds(era.date)
        after = end if open_end else high.plus(1)
        if after <= start or low >= end:
            continue  # outside the period shown
        left, right = x(max(low, start)), x(min(after, end))
        bands.append(
            Band(
                x=left,
                width=round(max(right - left, 1.0), 1),
                name=era.name,
                label=f"{era.name}, {date_words(era.date, text).label}",
                first=low.script_iso(),
                last=after.plus(-1).script_iso(),
            )
        )
    return tuple(bands)


def _bounds(date: EdtfDate) -> Bounds:
    """First and last day a date may mean, and whether it goes on past its last (open end)."""
    low = date.first_day()
    # A range whose end is open or not known covers at least its start's whole extent.
    high = date.latest() or (date.start.latest() if date.start else None)
    assert low is not None  # the year is known
    open_end = date.open_end and (date.is_set or (date.is_range and date.end is None))
    return low, high or low, open_end


def axis_unit(days: int) -> str:
    """The step of the axis for a period of `days`: "day", "month", "year", or "years:N"
    (N a power of ten) so that the axis has some forty steps at most."""
    if days <= 62:
        return "day"
    if days <= 3 * 366:
        return "month"
    years = days / 365.2425
    if years <= 40:
        return "year"
    return f"years:{10 ** math.ceil(math.log10(years / 40))}"


@functools.lru_cache(maxsize=65536)  # every picture walks the same steps of its chronology
def _round(day: Day, unit: str, *, down: bool) -> Day:
    """The first day of the step of `unit` that `day` is in (down), or of the next one."""
    year, month, _ = day.parts
    if unit == "day":
        return day if down else day.plus(1)
    if unit == "month":
        if down:
            return Day.of(year, month, 1)
        return Day.of(year + month // 12, month % 12 + 1, 1)
    step = int(unit.partition(":")[2] or 1)
    if year <= 0:
        # Before year 1 the steps end at round numbers of years BCE (astronomical year
        # 1 - 100 is 100 BCE), so the axis reads "200 BCE", "100 BCE", "1 CE".
        first = 1 - -(-(1 - year) // step) * step
        following = first + step
    else:
        first = max(year // step * step, 1)
        following = step if first == 1 and step > 1 else first + step
    return Day.of(first if down else following, 1, 1)


def _step_words(day: Day, unit: str, text: Text, *, label: bool = False) -> str:
    """The period of one step, in words: a day, a month, a year, or a span of years; for
    an axis label (`label`), short."""
    year, month, number = day.parts
    if unit == "day":
        return str(number) if label else day_words(day, text)
    if unit == "month":
        if not label:
            return day_words(day, text, "month")
        short = text.date(datetime.date(2000, month, 1), "MMM")
        return f"{short} {year_words(year, text)}" if month == 1 else short
    if unit == "year":
        return year_words(year, text)
    step = int(unit.partition(":")[2])
    if label:
        return year_words(year, text)
    return text.gettext("%(start)s – %(end)s", start=year_words(year, text), end=year_words(year + step - 1, text))


@functools.lru_cache(maxsize=65536)
def _label(day: Day, unit: str, text: Text) -> str:
    """An axis label, kept: every picture of a chronology labels the same steps (its
    pages' periods overlap), and CLDR's month names cost more than the rest of a step."""
    return _step_words(day, unit, text, label=True)


def _steps(start: Day, end: Day, unit: str, most: int | None = None) -> list[Day]:
    """The first day of every step of `unit` from `start` to `end` (both included), `start`
    first when a step begins there; past `most` steps, `most + 1` of them (enough to know
    there are too many, without walking every day of a long period)."""
    day = start if _round(start, unit, down=True) == start else _round(start, unit, down=False)
    days: list[Day] = []
    while day <= end and (most is None or len(days) <= most):
        days.append(day)
        day = _round(day, unit, down=False)
    return days


def _ticks(start: Day, end: Day, unit: str, x: Callable[[Day], float], text: Text) -> tuple[Tick, ...]:
    ticks = [Tick(x(day), _label(day, unit, text)) for day in _steps(start, end, unit)]
    every = max(1, len(ticks) // LABELS)  # the same rule in the script, for a zoomed view
    return tuple(tick for index, tick in enumerate(ticks) if index % every == 0)


def _finer_units(unit: str) -> list[str]:
    """`unit` and every finer one, down to "day": years:100, years:10, year, month, day."""
    units = []
    while unit.startswith("years:"):
        units.append(unit)
        step = int(unit.partition(":")[2]) // 10
        unit = f"years:{step}" if step > 1 else "year"
    fine = ["year", "month", "day"]
    return units + fine[fine.index(unit) :]


def _zoom(start: Day, end: Day, text: Text) -> Zoom:
    span = end.ordinal - start.ordinal
    units = _finer_units(axis_unit(span))

    def longest(unit: str) -> int:
        """The longest view (days, at most `span`) that `axis_unit` draws in `unit` or finer."""
        low, high = 0, span  # axis_unit(low) is `unit` or finer; find the last such day count
        while low < high:
            middle = (low + high + 1) // 2
            if units.index(axis_unit(middle)) >= units.index(unit):
                low = middle
            else:
                high = middle - 1
        return low

    levels: list[ZoomLevel] = []
    carried = 0
    for unit in units:
        if unit in RULES:
            break
        days = _steps(start, end, unit, ZOOM_TICKS - carried)
        if levels and carried + len(days) > ZOOM_TICKS:
            break
        carried += len(days)
        steps = " ".join(str(after.ordinal - before.ordinal) for before, after in pairwise([start, *days]))
        levels.append(ZoomLevel(longest(unit), unit, steps, tuple(_label(day, unit, text) for day in days)))
    first_year, last_year = start.parts[0], end.parts[0]
    if len(levels) < len(units) and units[len(levels)] in RULES and last_year - first_year < ZOOM_TICKS:
        levels += [ZoomLevel(longest(unit), unit) for unit in RULES if unit in units]
        return Zoom(
            labels=LABELS,
            shortest=1,
            levels=tuple(levels),
            months=_month_labels(text),
            first_year=first_year,
            years=tuple(_year_label(year, text) for year in range(first_year, last_year + 1)),
        )
    shortest = longest(units[len(levels)]) + 1 if len(levels) < len(units) else 1
    return Zoom(labels=LABELS, shortest=shortest, levels=tuple(levels))


@functools.lru_cache(maxsize=16)
def _month_labels(text: Text) -> tuple[str, ...]:
    return tuple(text.date(datetime.date(2000, month, 1), "MMM") for month in range(1, 13))


@functools.lru_cache(maxsize=1 << 16)
def _year_label(year: int, text: Text) -> str:
    return year_words(year, text)


def _marks(
    dated: list[Event],
    bounds: dict[str, Bounds],
    x: Callable[[Day], float],
    text: Text,
    end: Day,
    *,
    top: float,
    most_rows: int,
    steps: Mapping[str, tuple[int, ...]],
) -> tuple[list[Mark], int]:
    ends = [0.0] * most_rows  # where each row is free from
    rows = 1
    marks = []
    for event in dated:
        low, high, open_end = bounds[event.id]
        left = x(low)
        right = x(end) if open_end else x(high.plus(1))
        point = low == high and not open_end
        width = 0.0 if point else max(right - left, 3.0)
        numbers = steps.get(event.id, ())
        number = ", ".join(text.number(n) for n in numbers)
        room = max(width, 8) + (STEP_LABEL + STEP_DIGIT * len(number) if number else 0)  # its number beside it
        row = next((index for index, free in enumerate(ends) if free <= left - 4), most_rows - 1)
        ends[row] = max(ends[row], left + room)
        rows = max(rows, row + 1)
        path, label, fuzzy = _mark_words(event.id, event.title, event.date, text)
        if numbers:
            label = text.ngettext(
                "Step %(steps)s: %(label)s", "Steps %(steps)s: %(label)s", len(numbers), steps=number, label=label
            )
        marks.append(
            Mark(
                x=left,
                width=round(width, 1),
                y=top + row * ROW + 4,
                path=path,
                label=label,
                first=_script_iso(low),
                last=_script_iso(end if open_end else high),
                fuzzy=fuzzy,
                open_end=open_end,
                steps=numbers,
                number=number,
            )
        )
    return marks, rows


# An event is drawn on many pictures (its period's pages, its actors', the home page):
# its words and dates are made once.  Text compares by identity, so builds never share.
@functools.lru_cache(maxsize=1 << 18)
def _mark_words(event_id: str, title: str, date: EdtfDate, text: Text) -> tuple[str, str, bool]:
    """An event's mark: its page, its label (title and date in words), whether it is faded."""
    fuzzy = any(p is not None and _fuzzy(p) for p in (date.start, date.end))
    return urls.event(event_id), f"{title}, {date_words(date, text).label}", fuzzy


@functools.lru_cache(maxsize=1 << 16)
def _script_iso(day: Day) -> str:
    return day.script_iso()


def _fuzzy(point: DatePoint) -> bool:
    """Drawn faded: approximate or uncertain in any part, or only a span of years known."""
    return point.approximate or point.uncertain or bool(point.qualified) or point.years is not None


def _tallest(dated: list[Event], bounds: dict[str, Bounds], unit: str) -> float:
    """The height, in events per bar, of the fullest bar of one lane (the bars of every
    lane share one scale)."""
    fine, spread = _binned(dated, bounds, unit)
    heights = [float(count) for count in fine.values()]
    heights += [len(events) / _bars(low, high, unit) for (low, high), events in spread.items()]
    return max(heights)


def _binned(
    dated: list[Event], bounds: dict[str, Bounds], unit: str
) -> tuple[Counter[Day], dict[tuple[Day, Day], list[Event]]]:
    """Events counted per bar where one bar holds the whole time they may mean, and the
    others by that time (low, high): they are never drawn in a bar finer than their date."""
    fine: Counter[Day] = Counter()
    spread: dict[tuple[Day, Day], list[Event]] = {}
    for event in dated:
        low, high, _ = bounds[event.id]
        key = _round(low, unit, down=True)
        if _round(high, unit, down=True) == key:
            fine[key] += 1
        else:
            spread.setdefault((low, high), []).append(event)
    return fine, spread


def _bars(low: Day, high: Day, unit: str) -> int:
    """How many bars of `unit` the days from `low` to `high` touch."""
    count, step = 1, _round(low, unit, down=True)
    while (step := _round(step, unit, down=False)).ordinal <= high.ordinal:
        count += 1
    return count


def _own_unit(event: Event) -> str:
    """The listing page an event is on: its day's, its month's or its year's."""
    point = event.date.listed_at
    return "day" if point.day is not None and point.month else "month" if point.month else "year"


def _span_words(low: Day, high: Day, text: Text) -> str:
    if low == high:
        return day_words(low, text)
    if low.parts[2] == 1 and high.plus(1).parts[2] == 1 and _round(low, "month", down=False) == high.plus(1):
        return _step_words(low, "month", text)
    if low.parts[1:] == (1, 1) and high.plus(1).parts[1:] == (1, 1) and high.plus(1).parts[0] == low.parts[0] + 1:
        return year_words(low.parts[0], text)
    return text.gettext("%(start)s – %(end)s", start=day_words(low, text), end=day_words(high, text))


def _bins(
    dated: list[Event],
    bounds: dict[str, Bounds],
    unit: str,
    x: Callable[[Day], float],
    text: Text,
    period_path: PeriodPath,
    *,
    top: float,
    room: float,
    tallest: float,
) -> list[Bin]:
    counts, spread = _binned(dated, bounds, unit)
    # A bar of many years leads to the page of the first year in it that has events.
    firsts: dict[Day, Day] = {}
    for event in dated:
        low = bounds[event.id][0]
        key = _round(low, unit, down=True)
        if key in counts:
            firsts[key] = min(firsts.get(key, low), low)
    bins = []
    # The spread bars first, so that the bars of single periods are drawn over them.
    for (low, high), events in sorted(spread.items(), key=lambda item: (item[0][0].ordinal, item[0][1].ordinal)):
        height = max(round(room * len(events) / _bars(low, high, unit) / tallest, 1), 2.0)
        label = text.ngettext(
            "%(period)s: %(num)s event", "%(period)s: %(num)s events", len(events), period=_span_words(low, high, text)
        )
        bins.append(
            Bin(
                x=x(low),
                width=round(max(x(high.plus(1)) - x(low) - 1, 1), 1),
                height=height,
                y=top + room - height + 4,
                count=len(events),
                path=period_path(_own_unit(events[0]), low),
                label=label,
                first=low.script_iso(),
                last=high.script_iso(),
                spread=True,
            )
        )
    for day, count in sorted(counts.items()):
        left, right = x(day), x(_round(day, unit, down=False))
        height = max(round(room * count / tallest, 1), 2.0)
        label = text.ngettext(
            "%(period)s: %(num)s event", "%(period)s: %(num)s events", count, period=_step_words(day, unit, text)
        )
        after = _round(day, unit, down=False).plus(-1)
        bins.append(
            Bin(
                x=left,
                width=round(max(right - left - 1, 1), 1),
                height=height,
                y=top + room - height + 4,
                count=count,
                path=period_path("year", firsts[day]) if unit.startswith("years:") else period_path(unit, day),
                label=label,
                first=day.script_iso(),
                last=after.script_iso(),
            )
        )
    return bins
