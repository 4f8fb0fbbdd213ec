"""When each content file was first published and last updated: the dates of the first
and last commits that touched it (so a build of one commit is the same whenever it
runs), or why they are not known (no git checkout, a shallow clone, a file not yet
committed).  Never the clock."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# Why a file's dates are not known: the site was not built from a git checkout, or from a
# clone without its history, or the file has no commit yet.
HistoryGap = Literal["no git", "shallow", "not committed"]


@dataclass(frozen=True, slots=True)
class FileHistory:
    first: int | None  # seconds since the epoch of the first commit with the file
    last: int | None
    missing: HistoryGap | None = None  # None when the dates are known
    path: str = ""  # from the repository's root, for a link to the file's history


class Histories:
    """The histories of one build's content files, by path from the content folder."""

    def __init__(self, known: dict[str, FileHistory], missing: HistoryGap | None, prefix: str):
        self.known = known
        self.missing = missing  # for files not in `known`
        self.prefix = prefix  # the content folder's path from the repository's root

    def of(self, relative: str) -> FileHistory:
        found = self.known.get(relative)
        if found is not None:
            return found
        return FileHistory(None, None, self.missing or "not committed", self.prefix + relative)


def read_histories(content: Path) -> Histories:
    """One `git log` over the content folder (renames are not followed: a renamed file
    is first published at its rename)."""
    try:
        top = _git(content, "rev-parse", "--show-toplevel")
        if top is None:
            return Histories({}, "no git", "")
        prefix = _git(content, "rev-parse", "--show-prefix") or ""
        if _git(content, "rev-parse", "--is-shallow-repository") == "true":
            return Histories({}, "shallow", prefix)
        log = _git(content, "log", "--format=@%ct", "--name-only", "--no-renames", "--relative", "--", ".")
    except (OSError, subprocess.SubprocessError):
        return Histories({}, "no git", "")
    known: dict[str, FileHistory] = {}
    stamp = 0
    for line in (log or "").splitlines():
        if line.startswith("@"):
            stamp = int(line[1:])
        elif line:
            seen = known.get(line)
            # `git log` goes from the newest commit back: the first seen is the last update.
            known[line] = FileHistory(stamp, seen.last if seen else stamp, path=prefix + line)
    return Histories(known, None, prefix)


def _git(folder: Path, *args: str) -> str | None:
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=300)
    return result.stdout.strip() if result.returncode == 0 else None
