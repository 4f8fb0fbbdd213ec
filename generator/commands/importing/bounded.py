"""What an import reads of the file it is given, bounded: rows one at a time (never the
whole file), each line, cell, row and nesting within a limit, an XLSX refused before it
is unpacked when its parts would unpack past one.

A file built to hurt (a small workbook whose declared size makes a reader fill a million
empty rows, one that unpacks a thousand times larger, JSON nested far deeper than any
chronology, a cell of a million characters, an XML entity that expands a billion times;
the cases measured: bench/NOTES.md) is refused in one line that
names the limit and the record where it was reached; rows before it are read, rows
after it are said to be left out.  Every limit is far above what a chronology needs
(the README lists them), and at most `ROWS` records make one import.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from itertools import accumulate
from pathlib import Path
from typing import Any, TextIO

from generator.pipeline import limits

ROWS = 100_000  # records of one file (rows, events); the check of a larger import outgrows a small machine
CELL_CHARACTERS = limits.FILE_BYTES  # a cell past it cannot fit in the file it becomes
LINE_CHARACTERS = 4 * limits.FILE_BYTES  # one line of a CSV file, however many cells it holds
XLSX_BYTES = 64 * 1024 * 1024  # every part of a workbook, unpacked (the template's rows take far less: bench/NOTES.md)
XLSX_PARTS = 1_000  # files inside a workbook (a plain one has about ten)
XLSX_ROW_ELEMENTS = 50_000  # XML elements in one row of a sheet (Excel's most is 16,384 cells)
JSON_BYTES = 128 * 1024 * 1024  # a TimelineJS file, read whole (its events are one JSON list)
JSON_DEPTH = limits.YAML_DEPTH  # nested lists and objects (TimelineJS's own go 4 deep)
NUMBER_DIGITS = 30  # a JSON number longer than this is kept as its text (Python refuses past 4,300 digits)


class ReadError(Exception):
    """Reading stopped: at `record` (a row, `events[3]`, 1 for the whole file), `column`
    says what, the message why and what is left out."""

    def __init__(self, record: str, column: str, message: str) -> None:
        super().__init__(message)
        self.record, self.column, self.message = record, column, message


def too_many(record: str) -> ReadError:
    return ReadError(
        record, "rows", f"the most an import reads is {ROWS:,} records; this one and every later one left out"
    )


def csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The rows of a CSV file (UTF-8, with or without a byte-order mark) one at a time,
    numbered from 1 as a spreadsheet numbers them; `ReadError` past a limit."""
    _check_utf8(path)
    previous = csv.field_size_limit(CELL_CHARACTERS)
    number = 0
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            rows = csv.reader(_lines(file, lambda: number + 1))
            while True:
                try:
                    row = next(rows)
                except StopIteration:
                    return
                except csv.Error as error:
                    message = str(error)
                    if "field larger than field limit" in message:
                        message = f"a cell of more than {CELL_CHARACTERS:,} characters (the most one file may hold)"
                    raise ReadError(str(number + 1), "file", f"{message}; this row and the rest left out") from None
                number += 1
                if number > ROWS + 1:  # the header and ROWS records
                    raise too_many(str(number))
                yield number, row
    finally:
        csv.field_size_limit(previous)


def _lines(file: TextIO, row: Callable[[], int]) -> Iterator[str]:
    while line := file.readline(LINE_CHARACTERS + 1):
        if len(line) > LINE_CHARACTERS:
            raise ReadError(
                str(row()),
                "file",
                f"a line of more than {LINE_CHARACTERS:,} characters; this row and the rest left out",
            )
        yield line


def _check_utf8(path: Path) -> None:
    """The whole file decodes as UTF-8 (read in pieces): a file in another character set is
    refused whole, not half imported."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    with path.open("rb") as file:
        while piece := file.read(1 << 20):
            try:
                decoder.decode(piece)
            except UnicodeDecodeError as error:  # in what the decoder held: the piece and a character cut before it
                line += error.object.count(b"\n", 0, error.start)
                byte = error.object[error.start]
                raise ReadError(
                    "1", "file", f"not UTF-8 text (byte 0x{byte:02x} on line {line:,}); save it as UTF-8"
                ) from None
            line += piece.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise ReadError("1", "file", "not UTF-8 text (it ends inside a character); save it as UTF-8") from None


def check_xlsx(path: Path) -> None:
    """A workbook's parts, as its zip directory declares them, within the limits (zipfile
    never gives more of a part than it declares, and checks its CRC)."""
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
        if len(parts) > XLSX_PARTS:
            raise ReadError(
                "1", "file", f"{len(parts):,} parts in the workbook; the most an import opens is {XLSX_PARTS:,}"
            )
        unpacked = sum(part.file_size for part in parts)
        if unpacked > XLSX_BYTES:
            raise ReadError(
                "1",
                "file",
                f"unpacks to {unpacked:,} bytes; the most an import unpacks is {XLSX_BYTES:,} "
                f"(from {path.stat().st_size:,} bytes: a zip bomb, or save the sheet as CSV)",
            )


_ROW = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}row"


def xlsx_rows(path: Path) -> Iterator[tuple[int, dict[int, object]]]:
    """The rows of a workbook's first sheet as they are in the file, each with its number
    and its cells by column (from 1), read with openpyxl's cell parser but without its
    read-only mode's trust in the sheet's declared size: a stale one would drop rows, a
    false one fill a million empty ones."""
    check_xlsx(path)
    from openpyxl import load_workbook  # only an XLSX import needs it
    from openpyxl.worksheet._reader import WorkSheetParser
    from openpyxl.xml.functions import iterparse  # defusedxml's: a DOCTYPE's entities are refused

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        parser = WorkSheetParser(
            None,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        read = 0
        with book._archive.open(sheet._worksheet_path) as source:
            for element in _row_elements(iterparse(source, events=("start", "end")), parser):
                number, cells = parser.parse_row(element)
                read += 1
                if read > ROWS + 1:  # the header and ROWS records
                    raise too_many(str(number))
                yield number, {cell["column"]: cell["value"] for cell in cells}
    finally:
        book.close()


def _row_elements(events: Iterator[tuple[str, Any]], parser: Any) -> Iterator[Any]:
    """Each row of a sheet's XML as it ends.  Every element is taken out of the tree once
    read, so memory holds one row at a time, and a row of more elements than a sheet can
    have is refused."""
    path: list[Any] = []  # the elements open, from the root
    row = -1  # where the open row is in `path`, -1 outside one
    inside = 0  # elements in the open row
    for event, element in events:
        if event == "start":
            path.append(element)
            if element.tag == _ROW:
                row, inside = len(path) - 1, 0
            elif row >= 0 and (inside := inside + 1) > XLSX_ROW_ELEMENTS:
                where = str(parser.row_counter + 1)
                raise ReadError(
                    where, "file", f"a row of more than {XLSX_ROW_ELEMENTS:,} XML elements; it and the rest left out"
                )
            continue
        path.pop()
        if element.tag == _ROW:
            row = -1
            yield element
        if row < 0 and path:
            path[-1].remove(element)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def json_data(path: Path) -> Any:
    """A JSON file's data, its size and nesting checked before it is parsed."""
    size = path.stat().st_size
    if size > JSON_BYTES:
        raise ReadError("1", "file", f"{size:,} bytes; the most an import reads is {JSON_BYTES:,}")
    text = path.read_text(encoding="utf-8-sig")
    brackets = _JSON_BRACKET.findall(_JSON_STRING.sub("", text))  # a bracket in a string nests nothing
    depth = max(accumulate(1 if bracket in "[{" else -1 for bracket in brackets), default=0)
    if depth > JSON_DEPTH:
        raise ReadError(
            "1", "file", f"lists and objects nested {depth:,} deep; the most an import reads is {JSON_DEPTH}"
        )
    return json.loads(text, parse_int=_number)


def _number(text: str) -> int | str:
    """A JSON whole number; a longer one than any date holds stays text (a field that wants
    a number then says it is not one)."""
    return int(text) if len(text.lstrip("-")) <= NUMBER_DIGITS else text
