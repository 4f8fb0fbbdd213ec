"""What every import reader produces, and the care they share: text cleaned of control
characters (each reported), stable unique ids, EDTF from date parts.

A reader hands each draft and each problem on as it finds them (the command stages the
draft on disk and prints the problem at once), so an import holds one row at a time,
not the file; without a `sink` and a `report` the reading keeps them (tests)."""

from __future__ import annotations

import contextlib
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from generator.commands.importing.bounded import ReadError
from generator.core.content import FileKind, content_file, is_index_page, slugify
from generator.core.problems import Problem
from generator.pipeline.limits import control_characters

Fields = dict[str, object]  # frontmatter, in the order it is written


@dataclass(frozen=True, slots=True)
class Draft:
    """One content file to be: an event, an actor or a place."""

    kind: FileKind
    id: str
    fields: Fields
    body: str
    record: str  # where it came from in the imported file: "row 12", "events[3]"


@dataclass
class Reading:
    """A reader's work in progress: the drafts, the problems, the eras found."""

    file: str
    sink: Callable[[Draft], None] | None = None  # takes each draft; without it they are kept in `drafts`
    report: Callable[[Problem], None] | None = None  # takes each problem; without it they are kept in `problems`
    drafts: dict[str, Draft] = field(default_factory=dict)  # by path in the content folder
    problems: list[Problem] = field(default_factory=list)
    eras: list[tuple[str, str]] = field(default_factory=list)  # (name, EDTF) for the `eras` option
    # Every id given so far, by kind: an event, an actor and a place may share one (three folders).
    ids: set[tuple[FileKind, str]] = field(default_factory=set)
    _next_number: dict[tuple[FileKind, str], int] = field(default_factory=dict)  # the next number after an id taken

    def problem(self, record: str, column: str, message: str, *, error: bool = False) -> None:
        """Something the import could not map: an error leaves the record out; otherwise
        (a warning) the record is kept as the message says."""
        found = Problem(self.file, message, column, record=record, warning=not error)
        if self.report:
            self.report(found)
        else:
            self.problems.append(found)

    def clean(self, record: str, column: str, value: object) -> str:
        """A cell as text: trimmed, a Windows-1252 character read as Latin-1 (U+0092 for
        ’) put right, other control characters removed, each change reported."""
        text = "" if value is None else str(value)
        for refusal in control_characters(text):
            if refusal.suggestion:
                self.problem(record, column, f"{refusal.message.split(':')[0]} replaced by '{refusal.suggestion}'")
            else:
                self.problem(record, column, refusal.message.replace("; remove it", "; removed"))
        cleaned = []
        for char in text:
            if char in "\t\n" or not (ord(char) < 32 or 127 <= ord(char) <= 159):
                cleaned.append(char)
            elif 0x80 <= ord(char) <= 0x9F:
                with contextlib.suppress(UnicodeDecodeError):  # 0x81, 0x8D, ...: no character there
                    cleaned.append(bytes([ord(char)]).decode("cp1252"))
        return re.sub(r"[ \t]+", " ", "".join(cleaned)).strip()

    def add(self, draft: Draft) -> None:
        """Hand a draft on; two records that would take one id are both kept, the second
        with a number after its id, and said (the numbers already tried are not tried
        again: a thousand rows of one headline cost a thousand steps, not a million)."""
        kind = draft.kind
        if (kind, draft.id) in self.ids:
            taken = draft.id
            number = self._next_number.get((kind, taken), 2)
            while (kind, f"{taken}-{number}") in self.ids:
                number += 1
            self._next_number[kind, taken] = number + 1
            draft = replace(draft, id=f"{taken}-{number}")
            self.problem(draft.record, "id", f"{quoted(taken)} is taken by another record: '{draft.id}'")
        self.ids.add((kind, draft.id))
        if self.sink:
            self.sink(draft)
        else:
            self.drafts[content_file(kind, draft.id)] = draft

    def refused(self, refusal: ReadError) -> None:
        self.problem(refusal.record, refusal.column, refusal.message, error=True)


def new_id(*parts: str, fallback: str) -> str:
    """A file name from words (ASCII letters and digits), or `fallback` when none are left
    or the words make a name kept for an index page ("Index", "Page 2")."""
    slug = slugify(" ".join(part for part in parts if part))[:80].strip("-")
    return fallback if not slug or is_index_page(slug) else slug


def edtf_year(year: int) -> str:
    """EDTF's year: four digits at least, a minus sign before year 1 (astronomical)."""
    return f"-{abs(year):04d}" if year < 0 else f"{year:04d}"


def edtf_point(year: int, month: int | None, day: int | None, time: str | None = None) -> str:
    text = edtf_year(year)
    if month:
        text += f"-{month:02d}"
        if day:
            text += f"-{day:02d}"
            if time:
                text += f"T{time}"
    return text


def quoted(text: object, most: int = 80) -> str:
    """A value as a message quotes it, on one line: a line break written as its escape,
    a long value cut."""
    value = str(text)
    shown = "".join(
        f"\\u{ord(char):04x}" if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in value[:most]
    )
    return f"'{shown}'" if len(value) <= most else f"'{shown}…' ({len(value):,} characters)"


DEGREES = re.compile(r"^[+-]?[0-9]+(?:\.[0-9]+)?$")  # what a file's coordinates may hold (the schema's pattern)


def coordinates_of(reading: Reading, record: str, column: str, latitude: str, longitude: str) -> dict[str, str] | None:
    """A file's `coordinates:` (without a precision) from two cells of decimal degrees, or
    None (said, with the row and the columns) when they are not numbers in range."""
    try:
        north, east = float(latitude), float(longitude)
    except ValueError:
        reading.problem(record, column, f"{quoted(f'{latitude}, {longitude}')} are not decimal degrees; left out")
        return None
    if not (math.isfinite(north) and math.isfinite(east) and -90 <= north <= 90 and -180 <= east <= 180):
        reading.problem(record, column, f"{quoted(f'{latitude}, {longitude}')} are out of range; left out")
        return None
    # As written when the schema reads it so (34.4536); else in plain digits (1e-05 -> 0.00001).
    return {
        "latitude": latitude if DEGREES.match(latitude) else _plain(north),
        "longitude": longitude if DEGREES.match(longitude) else _plain(east),
    }


def _plain(degrees: float) -> str:
    return f"{degrees:.7f}".rstrip("0").rstrip(".")
