"""What lets anyone check a published site against its source: `build.json` (the commit
it was built from, whether the working tree held changes not in that commit, the build's
date and the generator's version) and `SHA256SUMS` (every file of the site but itself,
in `sha256sum -c` form, sorted), written last into the finished site."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from generator.urls import BUILD_RECORD, CHECKSUMS


@dataclass(frozen=True, slots=True)
class BuildRecord:
    commit: str | None  # None outside a git checkout
    changed: bool  # the working tree differs from the commit: this build cannot be rebuilt from it
    date: int  # seconds since the epoch (SOURCE_DATE_EPOCH, else the last commit's)
    generator: str

    def json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True) + "\n"


def build_record(project: Path, epoch: int, outputs: tuple[Path, ...] = ()) -> BuildRecord:
    """`outputs`: folders the build itself writes (the site, its staging folder), which
    are not changes to what it was built from."""
    return BuildRecord(*_commit(project, outputs), date=epoch, generator=f"timeline-generator {version()}")


def _commit(project: Path, outputs: tuple[Path, ...] = ()) -> tuple[str | None, bool]:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--verify", "HEAD"], cwd=project, capture_output=True, text=True, timeout=30
        )
        if head.returncode != 0:
            return None, False
        # Untracked files count: a new event not yet committed is in the site but not in
        # the commit (ignored files, such as .venv/ and site/, are not).
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=normal", "--", ".", *_excluded(project, outputs)],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return head.stdout.strip(), bool(status.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        return None, False


def _excluded(project: Path, outputs: tuple[Path, ...]) -> list[str]:
    """Git pathspecs that leave out the build's own output folders inside the project."""
    found = []
    for folder in outputs:
        resolved, root = folder.resolve(), project.resolve()
        if resolved.is_relative_to(root) and resolved != root:
            found.append(f":(exclude,literal){resolved.relative_to(root).as_posix()}")
    return found


def version() -> str:
    """This generator's version, as installed."""
    try:
        return metadata.version("timeline-generator")
    except metadata.PackageNotFoundError:
        return "unknown"


# A name that a line of SHA256SUMS can carry: no line break or other control character
# (the load stage refuses such names in content/; this keeps a line from ever being split).
SAFE_NAME = re.compile(r"^[^\x00-\x1f\x7f\\]+$")


def checksums(site: Path) -> str:
    """`sha256sum -c` lines for every file under `site` but the checksum file, by path."""
    lines = []
    for path in sorted(site.rglob("*"), key=lambda p: p.relative_to(site).as_posix()):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and relative != CHECKSUMS:
            if not SAFE_NAME.match(relative):
                raise ValueError(f"{relative!r}: a file name {CHECKSUMS} cannot hold")
            lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {relative}")
    return "\n".join(lines) + "\n"


def seal(site: Path, record: BuildRecord) -> None:
    """Write build.json, then SHA256SUMS (which covers build.json)."""
    (site / BUILD_RECORD).write_text(record.json(), encoding="utf-8")
    (site / CHECKSUMS).write_text(checksums(site), encoding="utf-8")
