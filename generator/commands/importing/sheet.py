"""TimelineJS's spreadsheet template, as CSV (any spreadsheet exports it) or XLSX (Excel,
read with openpyxl): Year, Month, Day, Time, End Year, End Month, End Day, End Time,
Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type,
Group, Background.  Each row becomes what the same record in TimelineJS's JSON becomes
(see `timelinejs`); a row of Type "era" an era, of Type "title" the report's title."""

from __future__ import annotations

import csv
import datetime
import zipfile
from collections.abc import Iterator
from pathlib import Path

from openpyxl.utils.exceptions import InvalidFileException

from generator.commands.importing.drafts import Reading
from generator.commands.importing.timelinejs import add_era, add_event

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


def read_sheet(path: Path) -> Reading:
    reading = Reading(path.name)
    try:
        rows: list[list[object]] = list(
            _xlsx_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_rows(path)
        )
    except (OSError, UnicodeDecodeError, ValueError, KeyError, zipfile.BadZipFile, InvalidFileException) as error:
        reading.problem("1", "file", f"cannot be read as a spreadsheet: {error}", error=True)
        return reading
    if not rows:
        reading.problem("1", "file", "empty", error=True)
        return reading
    header = [str(cell or "").strip() for cell in rows[0]]
    known = {name.casefold(): name for name in COLUMNS}
    unknown = [name for name in header if name and name.casefold() not in known]
    if unknown:
        reading.problem("1", ", ".join(unknown), "not a column of TimelineJS's template; ignored")
    if "year" not in {name.casefold() for name in header}:
        reading.problem("1", "Year", "no Year column: not TimelineJS's template", error=True)
        return reading
    for number, row in enumerate(rows[1:], start=2):
        cells = {
            known[name.casefold()]: value
            for name, value in zip(header, list(row), strict=False)
            if name.casefold() in known
        }
        if not any(str(value or "").strip() for value in cells.values()):
            continue  # an empty row
        _row(reading, str(number), cells)
    return reading


def _row(reading: Reading, record: str, cells: dict[str, object]) -> None:
    def cell(name: str) -> str:
        return reading.clean(record, name, _text(cells.get(name)))

    start = {"year": cell("Year"), "month": cell("Month"), "day": cell("Day"), "time": cell("Time")}
    end = {"year": cell("End Year"), "month": cell("End Month"), "day": cell("End Day"), "time": cell("End Time")}
    kind = cell("Type").casefold()
    if kind == "title":
        reading.problem(
            record, "Type", f"the title slide ('{cell('Headline')}') is not an event; give the site that name"
        )
        return
    if kind == "era":
        add_era(reading, record, cell("Headline"), start, end if end["year"] else None)
        return
    if kind:
        reading.problem(record, "Type", f"'{cell('Type')}' is neither blank, 'era' nor 'title'; read as an event")
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
    )


def _text(value: object) -> str:
    """A cell as text: Excel's numbers without '.0', its dates as their parts' text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S")
    return str(value)


def _csv_rows(path: Path) -> Iterator[list[object]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        for row in csv.reader(file):
            yield list(row)


def _xlsx_rows(path: Path) -> Iterator[list[object]]:
    from openpyxl import load_workbook  # only an XLSX import needs it

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        book.close()
