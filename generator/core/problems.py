"""Problems found in content, worded for the editor who has to fix them.

Every stage collects `Problem`s instead of raising on the first one, so a build reports
everything that is wrong at once.  The format is the one compilers use, which editors'
tools turn into clickable links: ``path:line: field: message; expected ...; did you mean ...?``
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol, TypedDict, Unpack


@dataclass(frozen=True)
class Problem:
    """One problem, for every stage and command: a build's, an import's, a check's."""

    path: str
    message: str
    field: str | None = None
    line: int | None = None
    expected: str | None = None
    suggestion: str | None = None
    warning: bool = False  # True: the site can still be built (strict mode refuses it)
    record: str | None = None  # where in a file without lines (an imported row, events[3])

    def __str__(self) -> str:
        position = self.line if self.line is not None else self.record
        where = self.path if position is None else f"{self.path}:{position}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        if self.expected:
            text += f"; expected {self.expected}"
        if self.suggestion:
            text += f"; did you mean '{self.suggestion}'?"
        return text

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line or 0, self.field or "", self.message)


FieldPath = tuple[str | int, ...]  # ("actors", 1, "id"): keys and list indexes from the top


def field_name(field_path: FieldPath) -> str:
    """A field path as editors write it: ``actors[1].id``."""
    text = ""
    for part in field_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def line_of(lines: Mapping[FieldPath, int], field_path: FieldPath) -> int | None:
    """The line of a field, or of its nearest parent the editor wrote."""
    while field_path:
        if field_path in lines:
            return lines[field_path]
        field_path = field_path[:-1]
    return lines.get((), 1)


class Details(TypedDict, total=False):
    """What a problem may say besides where it is and what is wrong (see `Problem`)."""

    expected: str | None
    suggestion: str | None
    warning: bool


class EditorsText(Protocol):
    """A file an editor wrote, as far as placing a problem in it goes: a raw record as
    loaded, or the event or actor made of it."""

    @property
    def path(self) -> str: ...  # as shown to the editor

    @property
    def lines(self) -> Mapping[FieldPath, int]: ...  # field path -> line

    @property
    def body_line(self) -> int: ...  # the file's line where the body starts; 0 when not known


def problem_at(
    file: EditorsText, field_path: FieldPath, message: str, *, line: int | None = None, **details: Unpack[Details]
) -> Problem:
    """A problem with one field of an editor's file: on the field's line, or its nearest
    parent's when the editor did not write that field (a missing one), unless `line`
    places it more precisely (a line of the body, see `body_line`)."""
    return Problem(
        file.path,
        message,
        field=field_name(field_path) or None,
        line=line if line is not None else line_of(file.lines, field_path),
        **details,
    )


def body_line(file: EditorsText, offset: int) -> int | None:
    """The file's line of a line of the body (counted from 0), when the body's is known."""
    return file.body_line + offset if file.body_line else None


def suggest(name: str, known: Iterable[str]) -> str | None:
    """The known name an editor most likely meant, compared case-insensitively."""
    by_folded = {candidate.casefold(): candidate for candidate in known}
    matches = difflib.get_close_matches(name.casefold(), list(by_folded), n=1, cutoff=0.6)
    return by_folded[matches[0]] if matches else None
