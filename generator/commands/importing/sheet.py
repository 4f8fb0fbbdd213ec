"""TimelineJS's spreadsheet template, as CSV (any spreadsheet exports it) or XLSX (Excel,
read with openpyxl): Year, Month, Day, Time, End Year, End Month, End Day, End Time,
Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type,
Group, Background.  Each row becomes what the same record in TimelineJS's JSON becomes
(see `timelinejs`); a row of Type "era" an era, of Type "title" the report's title.

TimelineJS draws no map, so its template has no place; a sheet may add the columns
Location (or Place), Latitude, Longitude and Precision (a word of the precision
vocabulary, or a radius such as 500 m): they become the event's `place:` and
`coordinates:`.  A value they cannot hold is said with its row and column, and left out."""

from __future__ import annotations

import datetime
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree.ElementTree import ParseError

from openpyxl.utils.exceptions import InvalidFileException

from generator.commands.importing import bounded
from generator.commands.importing.drafts import Fields, Reading, coordinates_of, quoted
from generator.commands.importing.timelinejs import add_era, add_event
from generator.core.geo import EXPECTED_PRECISION, PRECISION_WORDS, parse_precision
from generator.core.problems import suggest

COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)
# Beyond TimelineJS's template: where an event happened, for the site's maps.
LOCATION_COLUMNS = ("Location", "Place", "Latitude", "Longitude", "Precision")


def read_sheet(path: Path, reading: Reading | None = None) -> Reading:
    reading = reading or Reading(path.name)
    try:
        _rows(reading, _cells(path))
    except bounded.ReadError as refusal:
        reading.refused(refusal)
    return reading


# What openpyxl and zipfile raise on a file that is not a workbook or is damaged.
UNREADABLE = (
    OSError,
    EOFError,
    ValueError,  # defusedxml's refusals of entities and document types are ValueErrors too
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    zipfile.BadZipFile,
    zlib.error,
    InvalidFileException,
    ParseError,
)


def _cells(path: Path) -> Iterator[tuple[int, dict[int, object]]]:
    """Each row's number and its cells by column (from 1); what the file's reader cannot
    read is one `ReadError` at the row where it stopped."""
    rows: Iterator[tuple[int, dict[int, object]]] = (
        bounded.xlsx_rows(path)
        if path.suffix.lower() in (".xlsx", ".xlsm")
        else ((number, dict(enumerate(row, start=1))) for number, row in bounded.csv_rows(path))
    )
    number = 0
    while True:
        try:
            number, row = next(rows)
        except StopIteration:
            return
        except UNREADABLE as error:
            raise bounded.ReadError(
                str(number + 1), "file", f"cannot be read as a spreadsheet: {_why(error)}"
            ) from None
        yield number, row


def _why(error: BaseException) -> str:
    """What went wrong, in one line (openpyxl wraps the error it met in one of its own)."""
    cause: BaseException | None = error
    while cause is not None:
        if type(cause).__module__.startswith("defusedxml"):
            return "an XML part declares entities or a document type (an XML bomb expands to gigabytes)"
        cause = cause.__cause__ or cause.__context__
    return (str(error) or type(error).__name__).splitlines()[0]


def _rows(reading: Reading, rows: Iterator[tuple[int, dict[int, object]]]) -> None:
    known = {name.casefold(): name for name in (*COLUMNS, *LOCATION_COLUMNS)}
    header: list[str] | None = None
    for number, row in rows:
        if header is None:  # the first row names the columns
            header = [str(row.get(column) or "").strip() for column in range(1, max(row, default=0) + 1)]
            unknown = [name for name in header if name and name.casefold() not in known]
            if unknown:
                reading.problem(
                    str(number), ", ".join(unknown), "not a column of TimelineJS's template, nor a place's; ignored"
                )
            if "year" not in {name.casefold() for name in header}:
                reading.problem(str(number), "Year", "no Year column: not TimelineJS's template", error=True)
                return
            continue
        cells = {}
        unnamed = []
        for column, value in row.items():
            name = header[column - 1] if column <= len(header) else ""
            if name.casefold() in known:
                cells[known[name.casefold()]] = value
            elif not name and str(value or "").strip():
                unnamed.append(column)
        if unnamed:
            reading.problem(
                str(number), f"column {unnamed[0]}", "a cell in a column with no name in the first row; ignored"
            )
        if not any(str(value or "").strip() for value in cells.values()):
            continue  # an empty row
        _row(reading, str(number), cells)
    if header is None:
        reading.problem("1", "file", "empty", error=True)


def _row(reading: Reading, record: str, cells: dict[str, object]) -> None:
    def cell(name: str) -> str:
        return reading.clean(record, name, _text(cells.get(name)))

    start = {"year": cell("Year"), "month": cell("Month"), "day": cell("Day"), "time": cell("Time")}
    end = {"year": cell("End Year"), "month": cell("End Month"), "day": cell("End Day"), "time": cell("End Time")}
    kind = cell("Type").casefold()
    if kind == "title":
        reading.problem(
            record, "Type", f"the title slide ({quoted(cell('Headline'))}) is not an event; give the site that name"
        )
        return
    if kind == "era":
        add_era(reading, record, cell("Headline"), start, end if end["year"] else None)
        return
    if kind:
        reading.problem(record, "Type", f"{quoted(cell('Type'))} is neither blank, 'era' nor 'title'; read as an event")
    if cell("Media Thumbnail") or cell("Background"):
        reading.problem(
            record, "Media Thumbnail, Background", "not imported: the site shows only images in content/media/"
        )
    add_event(
        reading,
        record,
        start,
        end if end["year"] else None,
        headline=cell("Headline"),
        html=cell("Text"),
        media={"url": cell("Media"), "credit": cell("Media Credit"), "caption": cell("Media Caption")},
        group=cell("Group"),
        display_date=cell("Display Date"),
        where=_where(reading, record, cell),
    )


def _where(reading: Reading, record: str, cell: Callable[[str], str]) -> Fields:
    """The event's `place:` and `coordinates:` from the location columns, as far as they
    hold what a file can."""
    fields: Fields = {}
    place = cell("Location") or cell("Place")
    if place:
        fields["place"] = place
    latitude, longitude, written = cell("Latitude"), cell("Longitude"), cell("Precision")
    if not latitude and not longitude:
        if written:
            reading.problem(record, "Precision", "no Latitude and Longitude to be precise about; left out")
        return fields
    if not latitude or not longitude:
        reading.problem(record, "Latitude, Longitude", "a place on a map needs both; left out")
        return fields
    coordinates = coordinates_of(reading, record, "Latitude, Longitude", latitude, longitude)
    if coordinates is None:
        return fields
    if written:
        precision = parse_precision(written)
        if precision is None:
            meant = suggest(written.casefold().removeprefix("the ").strip(), PRECISION_WORDS)
            reading.problem(
                record,
                "Precision",
                f"{quoted(written)} is not a precision ({EXPECTED_PRECISION}"
                + (f"; did you mean '{meant}'?" if meant else "")
                + "); the coordinates are kept without it",
            )
        else:
            coordinates["precision"] = precision.text if precision.word else written
    fields["coordinates"] = coordinates
    return fields


def _text(value: object) -> str:
    """A cell as text: Excel's numbers without '.0', its dates as their parts' text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S")
    return str(value)
