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

from generator.urls import BUILD_RECORD, CHECKSUMS, SEARCH_INDEX

# Pagefind writes these in an order that varies between runs (Pagefind issue 638): a
# rebuild cannot match them byte for byte, only count them.
VOLATILE = re.compile(
    rf"^{re.escape(SEARCH_INDEX)}"
    r"(?:filter/[^/]+\.(?P<filter>pf_filter)|pagefind\.[^/]+\.(?P<meta>pf_meta)|(?P<entry>pagefind-entry\.json))$"
)


@dataclass(frozen=True, slots=True)
class BuildRecord:
    commit: str | None  # None outside a git checkout
    changed: bool  # the working tree differs from the commit: this build cannot be rebuilt from it
    date: int  # seconds since the epoch (SOURCE_DATE_EPOCH, else the last commit's)
    generator: str

    def json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True) + "\n"


def build_record(project: Path, epoch: int) -> BuildRecord:
    return BuildRecord(*_commit(project), date=epoch, generator=f"timeline-generator {version()}")


def _commit(project: Path) -> tuple[str | None, bool]:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--verify", "HEAD"], cwd=project, capture_output=True, text=True, timeout=30
        )
        if head.returncode != 0:
            return None, False
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return head.stdout.strip(), bool(status.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        return None, False


def version() -> str:
    """This generator's version, as installed."""
    try:
        return metadata.version("timeline-generator")
    except metadata.PackageNotFoundError:
        return "unknown"


def checksums(site: Path) -> str:
    """`sha256sum -c` lines for every file under `site` but the checksum file, by path."""
    lines = []
    for path in sorted(site.rglob("*"), key=lambda p: p.relative_to(site).as_posix()):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and relative != CHECKSUMS:
            lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {relative}")
    return "\n".join(lines) + "\n"


def seal(site: Path, record: BuildRecord) -> None:
    """Write build.json, then SHA256SUMS (which covers build.json)."""
    (site / BUILD_RECORD).write_text(record.json(), encoding="utf-8")
    (site / CHECKSUMS).write_text(checksums(site), encoding="utf-8")
