"""Load: content files -> `RawRecord`s (frontmatter as text, body, and where each came from).

Nothing here knows what an event or an actor must contain; that is validation's job.
Loading reports what keeps a file from being read at all, and refuses what no file of a
chronology should be: anything in content/ but the events, actors and media folders;
links that lead out of the project; anything but a regular file (a FIFO or a device
would hang the build); files past the size limit; control characters; and text built to
make YAML or Markdown recurse or backtrack (see `limits`).
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from frontmatter.default_handlers import YAMLHandler

from generator import urls
from generator.core.content import (
    FOLDERS,
    ID_PATTERN,
    MEDIA,
    MEDIA_SUFFIXES,
    OPTIONAL,
    FileKind,
    is_index_page,
    slugify,
)
from generator.core.problems import FieldPath, Problem, field_name
from generator.pipeline import limits
from generator.pipeline.yaml_text import YamlTextError, load_yaml_text

_HANDLER = YAMLHandler()


@dataclass(frozen=True, slots=True)
class RawRecord:
    kind: FileKind
    id: str
    path: str  # as shown to the editor, relative to the project
    data: dict[str, object]  # as the editor wrote it: only validation knows its shape
    lines: dict[FieldPath, int]
    body: str
    body_line: int  # line of the file where the body starts


# path -> ((mtime_ns, size), record, problems): what a file gave when it was last read.
LoadCache: TypeAlias = dict[str, tuple[tuple[int, int], RawRecord | None, list[Problem]]]


@dataclass(frozen=True, slots=True)
class Loaded:
    records: list[RawRecord]
    problems: list[Problem]
    # Files that exist but could not be read, as (kind, id): their mistake is reported
    # once, and references to them are not reported again as unknown.
    unreadable: frozenset[tuple[FileKind, str]]
    media: frozenset[str]  # files under content/media/, as paths from the content root


def load_content(root: Path, shown_root: str = "content", cache: LoadCache | None = None) -> Loaded:
    """Read every event and actor file under ``root`` (in name order, for reproducible output).

    With a ``cache`` (the live preview keeps one between rebuilds), a file whose time
    and size are unchanged is not read again."""
    records: list[RawRecord] = []
    problems = _stray_entries(root, shown_root)
    unreadable: set[tuple[FileKind, str]] = set()
    project = root.resolve().parent
    for kind, folder in FOLDERS.items():
        directory = root / folder
        shown_folder = f"{shown_root}/{folder}"
        entries, found = _entries(directory, shown_folder, kind)
        problems += found
        by_id: dict[str, list[str]] = defaultdict(list)
        for file in entries:
            shown = f"{shown_folder}/{shown_name(file.name)}"
            if file.name.startswith("."):
                if file.suffix == ".md":
                    problems.append(Problem(shown, "hidden files are not read; remove the dot from its name"))
                continue  # editor and OS droppings (.gitkeep, .DS_Store)
            status = _inspect(file, project)
            if isinstance(status, str):
                problems.append(Problem(shown, status))
                unreadable.add((kind, _record_id(file.stem)))
                continue
            if stat.S_ISDIR(status.st_mode):
                problems.append(Problem(shown, f"folders inside {shown_folder} are not read; move its files up"))
                continue
            if file.suffix != ".md":
                problems.append(
                    Problem(
                        shown, "not a Markdown file; every file here must be an .md file", expected=f"{file.stem}.md"
                    )
                )
                continue
            record, file_problems = _load_cached(file, kind, shown, cache, status)
            problems.extend(file_problems)
            if record is None:
                unreadable.add((kind, _record_id(file.stem)))
                continue
            records.append(record)
            by_id[record.id.casefold()].append(shown)
        for paths in by_id.values():
            for path in paths[1:]:
                problems.append(Problem(path, f"duplicate id: {paths[0]} has the same id; rename one of them"))
    media, found = _media(root, shown_root, project)
    return Loaded(records, problems + found, frozenset(unreadable), media)


def shown_name(name: str) -> str:
    """A file name as a problem line shows it: a line break or other control character in
    it would split or garble the line, so it is written as an escape."""
    return "".join(f"\\u{ord(char):04x}" if unicodedata.category(char) == "Cc" else char for char in name)


def _stray_entries(root: Path, shown_root: str) -> list[Problem]:
    """content/ holds the events, actors and media folders only: anything else would be
    published as it is (an HTML file with a script) or replace a generated page."""
    if not root.is_dir():
        return [Problem(shown_root, "content folder missing; create it with events/ and actors/ inside")]
    allowed = {*FOLDERS.values(), MEDIA}
    problems = []
    for entry in _sorted_entries(root):
        if entry.name.startswith(".") or entry.name in allowed:
            continue
        problems.append(
            Problem(
                f"{shown_root}/{shown_name(entry.name)}",
                f"not part of the chronology: {shown_root}/ holds "
                f"events/, actors/, places/, stories/ and {MEDIA}/ only",
                expected=f"editors' files in their folders, images a page shows in {shown_root}/{MEDIA}/",
            )
        )
    return problems


def _entries(directory: Path, shown_folder: str, kind: FileKind) -> tuple[list[Path], list[Problem]]:
    if not directory.is_dir():
        if kind in OPTIONAL and not directory.exists():
            return [], []
        return [], [Problem(shown_folder, f"folder missing; create it for {kind} files")]
    try:
        return _sorted_entries(directory), []
    except OSError as error:
        return [], [Problem(shown_folder, f"the folder cannot be read ({error.strerror}); check its permissions")]


def _sorted_entries(directory: Path) -> list[Path]:
    return sorted(directory.iterdir(), key=lambda path: path.name)


def _inspect(path: Path, project: Path) -> str | os.stat_result:
    """Why `path` cannot be read as a content file, or its status (a folder's too: the
    caller says what to do with one)."""
    try:
        if path.is_symlink():
            target = path.resolve(strict=True)
            if not target.is_relative_to(project):
                return f"a link to {target}, outside the project; copy the file in instead"
        status = path.stat()
    except RuntimeError:
        return "a link that leads back to itself (a symlink loop); replace it with the file"
    except FileNotFoundError:
        return "a link to a file that does not exist; replace it with the file"
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if stat.S_ISDIR(status.st_mode):
        return status
    if not stat.S_ISREG(status.st_mode):
        return "not a regular file (a pipe, socket or device); only files are read"
    if status.st_size > limits.FILE_BYTES:
        return f"{status.st_size:,} bytes; the most a file may hold is {limits.FILE_BYTES:,}"
    if not os.access(path, os.R_OK):
        return "cannot be read (permission denied); check its permissions"
    return status


def _media(root: Path, shown_root: str, project: Path) -> tuple[frozenset[str], list[Problem]]:
    """The images of content/media/ (paths from the content root).  Folders are walked
    without following links: a link to a folder is refused (it could publish any folder of
    the project, .git included), and a name that the site's files cannot carry safely."""
    folder = root / MEDIA
    if not folder.is_dir() or folder.is_symlink():
        return frozenset(), (
            [Problem(f"{shown_root}/{MEDIA}", "a link to a folder; make content/media/ a folder of its own")]
            if folder.is_symlink()
            else []
        )
    found: set[str] = set()
    problems = []
    # os.walk does not go down a link to a folder; such a link is listed, and refused.
    for directory, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        if directory == str(folder) and urls.RESIZED_FOLDER in folders:
            folders.remove(urls.RESIZED_FOLDER)
            shown = f"{shown_root}/{MEDIA}/{urls.RESIZED_FOLDER}"
            problems.append(Problem(shown, "the site puts scaled images there; rename the folder"))
        for name in sorted(names + [name for name in folders if Path(directory, name).is_symlink()]):
            path = Path(directory, name)
            relative = path.relative_to(root).as_posix()
            shown = f"{shown_root}/{shown_name(relative)}"
            if name.startswith("."):
                continue
            refusal = _unsafe_name(path.relative_to(folder).as_posix())
            if refusal is None and path.is_symlink() and path.is_dir():
                refusal = "a link to a folder; copy the images in instead"
            if refusal is None:
                status = _inspect(path, project)
                refusal = status if isinstance(status, str) else None
            if refusal is None and path.suffix.lower() not in MEDIA_SUFFIXES:
                refusal = f"not an image this site publishes; expected one of {', '.join(sorted(MEDIA_SUFFIXES))}"
            if refusal:
                problems.append(Problem(shown, refusal))
            else:
                found.add(relative)
    return frozenset(found), problems


# Characters an image's name may not hold: they would break a line of SHA256SUMS, a
# srcset (a comma, a space) or an address (# and ? start a fragment or a query).
# Spaces of every kind, invisible characters (zero-width, direction controls, a byte-order
# mark) and control characters: a name that holds one looks like another name.
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff,#?%\\\"'<>]")
NAME_BYTES = 180  # of one part of an image's path: its scaled copies add to it, and file systems stop at 255


def _unsafe_name(name: str) -> str | None:
    """Why an image's name cannot be published as it is, with a name that can."""
    stem, dot, suffix = name.rpartition(".")
    better = "/".join(slugify(part)[:60] or "image" for part in (stem if dot else name).split("/")) + (
        dot + suffix.lower()
    )
    bad = _UNSAFE.search(name)
    if bad is not None:
        char = bad.group(0)
        shown = repr(char) if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"
        why = f"holds {shown}, which an address, a srcset or {urls.CHECKSUMS} cannot carry"
    elif unicodedata.normalize("NFC", name) != name:
        why = "is written with decomposed accents (NFD), so it looks like another name"
    elif any(len(part.encode("utf-8")) > NAME_BYTES for part in name.split("/")):
        why = f"is longer than {NAME_BYTES} bytes"
    else:
        return None
    return f"the name {why}; rename it to '{better}'"


_FIELD_LINE = re.compile(r"[A-Za-z_][\w-]*:(?:\s|$)")


def _second_block(body: str) -> int | None:
    """Where a body starts with more fields closed by a '---' line (counted from 0), or None."""
    lines = body.split("\n")
    start = next((index for index, line in enumerate(lines) if line.strip()), None)
    if start is None or not _FIELD_LINE.match(lines[start]):
        return None
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.rstrip() == "---":
            return start
        if line.strip() and not (_FIELD_LINE.match(line) or line.startswith((" ", "\t", "-"))):
            return None
    return None


def _record_id(stem: str) -> str:
    return stem if ID_PATTERN.match(stem) else (slugify(stem) or stem)


def _load_cached(
    file: Path, kind: FileKind, shown: str, cache: LoadCache | None, status: os.stat_result
) -> tuple[RawRecord | None, list[Problem]]:
    if cache is None:
        return _load_file(file, kind, shown)
    stamp = (status.st_mtime_ns, status.st_size)
    cached = cache.get(shown)
    if cached is None or cached[0] != stamp:
        cached = cache[shown] = (stamp, *_load_file(file, kind, shown))
    return cached[1], list(cached[2])


def _load_file(file: Path, kind: FileKind, shown: str) -> tuple[RawRecord | None, list[Problem]]:
    problems: list[Problem] = []
    record_id = _record_id(file.stem)
    if is_index_page(record_id):
        problems.append(
            Problem(
                shown,
                f"this name is kept for a page of the {FOLDERS[kind]} index; rename the file",
                expected="another id",
            )
        )
    if not ID_PATTERN.match(file.stem):
        suggestion = f"{record_id}.md" if ID_PATTERN.match(record_id) else None
        problems.append(
            Problem(
                shown,
                "file name is not a valid id" + ("" if suggestion else "; it becomes the page's address"),
                expected="lowercase letters, digits and single hyphens",
                suggestion=suggestion,
            )
        )
    try:
        with file.open("rb") as opened:
            raw = opened.read(limits.FILE_BYTES + 1)  # the file may have grown since it was checked
    except OSError as error:
        problems.append(Problem(shown, f"cannot be read ({error.strerror})"))
        return None, problems
    if len(raw) > limits.FILE_BYTES:
        problems.append(Problem(shown, f"more than {limits.FILE_BYTES:,} bytes; the most a file may hold"))
        return None, problems
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        problems.append(
            Problem(shown, f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8", line=line)
        )
        return None, problems
    # Windows (CR LF) and old Mac (CR) line endings read as line breaks.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    refusals = limits.control_characters(text)
    if refusals:
        problems += [Problem(shown, r.message, line=r.line, suggestion=r.suggestion) for r in refusals]
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
    second = _second_block(body)
    if second is not None:
        problems.append(
            Problem(
                shown,
                "a second block of fields between '---' lines; the page would show it as a heading",
                line=body_line + second,
                expected="every field in the first block, between the first two '---' lines",
            )
        )
        return None, problems
    refused = limits.body_refusals(body)
    if refused:
        for refusal in refused:
            at = body_line + refusal.line - 1 if refusal.line else None
            problems.append(Problem(shown, refusal.message, field="body", line=at))
        return None, problems
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
