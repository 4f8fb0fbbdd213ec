"""The date a build is stamped with: the last commit's, never the clock's, so that two
builds of one commit are byte-identical (MkDocs reads SOURCE_DATE_EPOCH for the sitemap
and its gzip header; the feed uses the same date)."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.timeline")


def last_commit_time(folder: Path) -> int:
    """Seconds since the epoch of the last commit, or 0 outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True, timeout=30
        )
        return int(result.stdout.strip())
    except (OSError, ValueError, subprocess.SubprocessError):
        log.info("not a git checkout and no SOURCE_DATE_EPOCH: dating the build 1970-01-01")
        return 0
