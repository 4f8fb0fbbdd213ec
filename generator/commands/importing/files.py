"""From drafts to content files: what an import would do (`Plan`), doing it
(`Plan.write`), and whether the result builds (`Plan.check`).

A file an import writes ends its frontmatter with `imported_from:` (the imported file,
the record, and the SHA-256 of the file as written, without those lines).  A later
import of the same data updates a file only while that digest still matches, that is
while no editor has changed it; a changed file, or an editor's own file that happens to
have the same name, is a conflict and is left as it is, as is anything in its place
that is not a file an import could have written (a link, a folder, a pipe, a file too
large or not UTF-8).

Memory holds no file's text: each draft is written, as it comes, to a staging folder
outside the content folder.  The check loads the staged files with the content folder
as it is (read where it is, never copied), as the build would once they are written.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

import yaml

from generator.commands.importing.drafts import Draft
from generator.core.content import FOLDERS, MEDIA, OPTIONAL, content_file
from generator.core.problems import Problem
from generator.pipeline import limits
from generator.pipeline.chronology import chronology_of
from generator.pipeline.load import Loaded, load_content

IMPORTED_BLOCK = re.compile(r"^imported_from:\n(?:  .*\n)+", re.MULTILINE)


def render(draft: Draft, source_file: str) -> str:
    """The file an import writes for a draft, `imported_from:` last in its frontmatter."""
    front = yaml.safe_dump(draft.fields, sort_keys=False, allow_unicode=True, width=100)
    text = f"---\n{front}---\n\n{draft.body}"
    stamp = yaml.safe_dump(
        {"imported_from": {"file": source_file, "record": draft.record, "digest": digest(text)}},
        sort_keys=False,
        allow_unicode=True,
    )
    return f"---\n{front}{stamp}---\n\n{draft.body}"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def recorded_digest(text: str) -> tuple[str | None, str]:
    """The digest an import recorded in a file, and the file's text without its stamp."""
    match = IMPORTED_BLOCK.search(text)
    if match is None:
        return None, text
    found = re.search(r"^  digest: ['\"]?([0-9a-f]{64})", match.group(0), re.MULTILINE)
    return (found.group(1) if found else None), text[: match.start()] + text[match.end() :]


def recorded_file(text: str) -> str | None:
    """The imported file a file's stamp names."""
    match = IMPORTED_BLOCK.search(text)
    found = re.search(r"^  file: (.*)$", match.group(0), re.MULTILINE) if match else None
    return str(yaml.safe_load(found.group(1))) if found else None


class Plan:
    """What an import does to each file, by path relative to the content folder; the text
    of each file to write waits in a staging folder (removed by `close`)."""

    def __init__(self, content: Path, source_file: str) -> None:
        self.content = content
        self.source_file = source_file
        self.new: list[str] = []
        self.updated: list[str] = []
        self.unchanged: list[str] = []
        self.conflicts: dict[str, str] = {}  # path -> why it is left alone
        self._staging = tempfile.TemporaryDirectory(prefix="import-")
        self.staged = Path(self._staging.name) / "content"
        for folder in FOLDERS.values():
            (self.staged / folder).mkdir(parents=True)

    def __enter__(self) -> Plan:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._staging.cleanup()

    def add(self, draft: Draft) -> None:
        relative = content_file(draft.kind, draft.id)
        text = render(draft, self.source_file)
        current, why = _current(self.content / relative)
        if current is not None:
            why = _conflict(current, text, self.source_file)
        if why == "unchanged":
            self.unchanged.append(relative)
        elif why:
            self.conflicts[relative] = why
        else:
            (self.updated if current is not None else self.new).append(relative)
            (self.staged / relative).write_text(text, encoding="utf-8")

    def to_write(self) -> list[str]:
        return self.new + self.updated

    def check(self) -> list[Problem]:
        """The problems a build would report once the plan is written: the staged files
        loaded with the content folder as it is, the files they replace left out."""
        shown = self.content.as_posix()
        staged = load_content(self.staged, shown)
        written = {f"{shown}/{relative}" for relative in self.to_write()}
        if not self.content.is_dir():
            return chronology_of(staged)[1]
        there = load_content(self.content, shown)
        created = {f"{shown}/{folder}" for folder in FOLDERS.values() if not (self.content / folder).exists()}
        records = [record for record in there.records if record.path not in written]
        problems = [problem for problem in there.problems if problem.path not in written | created]
        ids = {(record.kind, record.id.casefold()): record.path for record in records}
        for record in staged.records:
            other = ids.get((record.kind, record.id.casefold()))
            if other:
                problems.append(Problem(record.path, f"duplicate id: {other} has the same id; rename one of them"))
        merged = Loaded(
            records + staged.records, problems + staged.problems, there.unreadable | staged.unreadable, there.media
        )
        return chronology_of(merged)[1]

    def write(self) -> str | None:
        """Write the staged files into the content folder; why it stopped, if it did."""
        relative = ""
        needed = {relative.partition("/")[0] for relative in self.to_write()}
        try:
            for kind, folder in FOLDERS.items():  # a new chronology gets the folders the build expects
                if kind not in OPTIONAL or folder in needed:
                    relative = folder
                    (self.content / folder).mkdir(parents=True, exist_ok=True)
            for relative in self.to_write():
                _replace(self.staged / relative, self.content / relative)
        except OSError as error:
            return f"{self.content / relative}: cannot be written ({error.strerror or error})"
        return None


def plan(drafts: Iterable[Draft], content: Path, source_file: str) -> Plan:
    """A plan for these drafts (its staging folder goes when it is closed or dropped)."""
    result = Plan(content, source_file)
    for draft in drafts:
        result.add(draft)
    return result


def _current(path: Path) -> tuple[str | None, str | None]:
    """What is at `path` now: (None, None) for nothing, (text, None) for a file an import
    can compare, (None, why) for anything else, which is left as it is."""
    try:
        status = path.lstat()
    except FileNotFoundError:
        return None, None
    except OSError as error:
        return None, f"cannot be read ({error.strerror}); left as it is"
    if stat.S_ISLNK(status.st_mode):
        return None, "a link, not a file; left as it is"
    if stat.S_ISDIR(status.st_mode):
        return None, "a folder of that name; left as it is"
    if not stat.S_ISREG(status.st_mode):
        return None, "not a regular file (a pipe, socket or device); left as it is"
    if status.st_size > limits.FILE_BYTES:
        return None, f"{status.st_size:,} bytes, past the most a file may hold; left as it is"
    try:
        return path.read_bytes().decode("utf-8"), None
    except UnicodeDecodeError:
        return None, "not UTF-8 text; left as it is"
    except OSError as error:
        return None, f"cannot be read ({error.strerror}); left as it is"


def _conflict(current: str, text: str, source_file: str) -> str | None:
    """Why a file an import finds cannot be replaced by `text`, "unchanged", or None."""
    recorded, without = recorded_digest(current)
    if recorded is None:
        return "an editor's file (no imported_from:); left as it is"
    if recorded_file(current) != source_file:
        return "imported from another file; left as it is"
    if recorded != digest(without):
        return "changed since it was imported; left as it is (merge by hand, or delete it)"
    return "unchanged" if current == text else None


def _replace(staged: Path, path: Path) -> None:
    """Whole files only: a file is replaced at once or not at all."""
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as out:
        try:
            with staged.open("rb") as source:
                shutil.copyfileobj(source, out)
        except BaseException:
            os.unlink(out.name)
            raise
    os.chmod(out.name, 0o644)  # as an editor's file: a temporary file is made private
    os.replace(out.name, path)


def unusable_folder(content: Path, *, write: bool) -> str | None:
    """Why an import cannot go into `content`, or None: it must be a content folder
    (events/, actors/, places/ and media/ only) or not exist yet, and be writable to be written."""
    try:
        status = content.stat()
    except FileNotFoundError:
        if content.is_symlink():
            return "a link to a folder that does not exist"
        existing = next(folder for folder in content.absolute().parents if folder.exists())
        return "its folder is not writable; check its permissions" if write and not _writable(existing) else None
    except OSError as error:  # a loop of links, a path through a file
        return f"cannot be used as a content folder ({error.strerror})"
    if not stat.S_ISDIR(status.st_mode):
        return "not a folder; --into names a chronology's content folder (events/, actors/, places/, media/)"
    try:
        stray = sorted(entry.name for entry in content.iterdir() if entry.name not in {*FOLDERS.values(), MEDIA})
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    stray = [name for name in stray if not name.startswith(".")]
    linked = [folder for folder in FOLDERS.values() if (content / folder).is_symlink()]
    if linked:
        # The import would write wherever the link leads, outside the content folder.
        return f"{linked[0]}/ is a link to another folder; make it a folder of its own"
    if stray:
        shown = ", ".join(stray[:3]) + (f" and {len(stray) - 3:,} more" if len(stray) > 3 else "")
        folders = "events/, actors/, places/ and media/"
        return f"not a chronology's content folder: it holds {shown}; one holds {folders} only"
    return "not writable; check its permissions" if write and not _writable(content) else None


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)
