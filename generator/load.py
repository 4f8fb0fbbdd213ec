"""Load: content files -> `RawRecord`s (frontmatter as text, body, and where each came from).

Nothing here knows what an event or an actor must contain; that is validation's job.
Loading only reports what keeps a file from being read at all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias, Unpack

from frontmatter.default_handlers import YAMLHandler

from generator.content import FOLDERS, ID_PATTERN, slugify
from generator.problems import Details, FieldPath, Problem, field_name, line_of
from generator.yaml_text import YamlTextError, load_yaml_text

_HANDLER = YAMLHandler()


@dataclass(frozen=True, slots=True)
class RawRecord:
    kind: str  # "event" or "actor"
    id: str
    path: str  # as shown to the editor, relative to the project
    data: dict[str, object]  # as the editor wrote it: only validation knows its shape
    lines: dict[FieldPath, int]
    body: str
    body_line: int  # line of the file where the body starts

    def line_of(self, field_path: FieldPath) -> int | None:
        return line_of(self.lines, field_path)

    def problem(self, field_path: FieldPath, message: str, **details: Unpack[Details]) -> Problem:
        """A problem with one field of this file, placed on the field's line."""
        return Problem(self.path, message, field=field_name(field_path), line=self.line_of(field_path), **details)


# path -> ((mtime_ns, size), record, problems): what a file gave when it was last read.
LoadCache: TypeAlias = dict[str, tuple[tuple[int, int], RawRecord | None, list[Problem]]]


def load_content(
    root: Path, shown_root: str = "content", cache: LoadCache | None = None
) -> tuple[list[RawRecord], list[Problem]]:
    """Read every event and actor file under ``root`` (in name order, for reproducible output).

    With a ``cache`` (the live preview keeps one between rebuilds), a file whose time
    and size are unchanged is not read again."""
    records: list[RawRecord] = []
    problems: list[Problem] = []
    for kind, folder in FOLDERS.items():
        directory = root / folder
        if not directory.is_dir():
            problems.append(Problem(f"{shown_root}/{folder}", f"folder missing; create it for {kind} files"))
            continue
        by_id: dict[str, list[str]] = defaultdict(list)
        for file in sorted(directory.iterdir(), key=lambda p: p.name):
            shown = f"{shown_root}/{folder}/{file.name}"
            if file.name.startswith("."):
                continue  # editor and OS droppings (.gitkeep, .DS_Store)
            if file.is_dir():
                problems.append(Problem(shown, f"folders inside {shown_root}/{folder} are not read; move its files up"))
                continue
            if file.suffix != ".md":
                problems.append(
                    Problem(
                        shown, "not a Markdown file; every file here must be an .md file", expected=f"{file.stem}.md"
                    )
                )
                continue
            record, file_problems = _load_cached(file, kind, shown, cache)
            problems.extend(file_problems)
            if record is not None:
                records.append(record)
                by_id[record.id.casefold()].append(shown)
        for paths in by_id.values():
            for path in paths[1:]:
                problems.append(Problem(path, f"duplicate id: {paths[0]} has the same id; rename one of them"))
    return records, problems


def _load_cached(file: Path, kind: str, shown: str, cache: LoadCache | None) -> tuple[RawRecord | None, list[Problem]]:
    if cache is None:
        return _load_file(file, kind, shown)
    status = file.stat()
    stamp = (status.st_mtime_ns, status.st_size)
    cached = cache.get(shown)
    if cached is None or cached[0] != stamp:
        cached = cache[shown] = (stamp, *_load_file(file, kind, shown))
    return cached[1], list(cached[2])


def _load_file(file: Path, kind: str, shown: str) -> tuple[RawRecord | None, list[Problem]]:
    problems: list[Problem] = []
    stem = file.stem
    record_id = stem
    if not ID_PATTERN.match(stem):
        record_id = slugify(stem) or stem
        problems.append(
            Problem(
                shown,
                "file name is not a valid id",
                expected="lowercase letters, digits and single hyphens",
                suggestion=f"{record_id}.md",
            )
        )
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        problems.append(
            Problem(shown, f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8", line=line)
        )
        return None, problems
    if not text.strip():
        problems.append(Problem(shown, "the file is empty; it needs frontmatter between two '---' lines", line=1))
        return None, problems
    if not _HANDLER.detect(text):
        problems.append(Problem(shown, "no frontmatter: the file must start with a line '---'", line=1))
        return None, problems
    try:
        front, body = _HANDLER.split(text)
    except ValueError:
        problems.append(Problem(shown, "frontmatter is not closed: add a line '---' after the last field", line=1))
        return None, problems
    front_line = text.count("\n", 0, text.find(front)) + 1 if front else 2
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    try:
        parsed = load_yaml_text(front, first_line=front_line)
    except YamlTextError as error:
        problems.append(Problem(shown, str(error), line=error.line))
        return None, problems
    for field_path, line in parsed.duplicate_keys:
        problems.append(Problem(shown, "field given twice; keep one", field=field_name(field_path), line=line))
    if not isinstance(parsed.data, dict):
        problems.append(
            Problem(
                shown,
                "frontmatter must be fields ('name: value' lines)",
                line=parsed.lines.get((), front_line),
                expected="a mapping",
            )
        )
        return None, problems
    record = RawRecord(kind, record_id, shown, parsed.data, parsed.lines, body, body_line)
    return record, problems
