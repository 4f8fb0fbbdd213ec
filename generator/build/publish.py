"""Publish a build in one step: MkDocs writes into a staging folder beside the site, and
the staging folder takes the site's place in one rename only when the build has
succeeded, strict checks included.  A build that fails, is stopped or runs out of disk
leaves the previous site exactly as it was.

The staging folder is named after the process (``.site.building-1234``), so two builds
started at once do not write into each other; the last to finish is published.  A
build killed outright (SIGKILL) cannot clean up after itself: the next build removes
staging folders whose process is gone.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import ctypes.util
import os
import shutil
import signal
import sys
from pathlib import Path
from types import FrameType

_RENAME_EXCHANGE = 2  # linux/fs.h: swap two paths atomically
_AT_FDCWD = -100


class StagedSite:
    def __init__(self, target: Path):
        self.target = target.resolve()
        self.staging = self.target.parent / f".{self.target.name}.building-{os.getpid()}"
        self.done = False

    def begin(self) -> Path:
        """Create the staging folder (removing what dead builds left) and return it."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        for stale in self.target.parent.glob(f".{self.target.name}.building-*"):
            if not _alive(stale.name.rsplit("-", 1)[-1]):
                shutil.rmtree(stale, ignore_errors=True)
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir()
        atexit.register(self.abandon)
        # SIGTERM (a stopped CI job, `kill`) ends the build through Python's exit, so
        # that the staging folder is removed; SIGKILL leaves it to the next build.
        exit_on_sigterm()
        return self.staging

    def publish(self) -> None:
        """Put the staging folder in the site's place; the old site is then removed."""
        if self.target.exists() and _exchange(self.staging, self.target):
            shutil.rmtree(self.staging, ignore_errors=True)  # now the previous site
        else:
            previous = self.staging.with_name(self.staging.name + "-previous")
            if self.target.exists():
                self.target.rename(previous)
            self.staging.rename(self.target)
            shutil.rmtree(previous, ignore_errors=True)
        self.done = True

    def abandon(self) -> None:
        """Remove the staging folder; the site stays as it was."""
        if not self.done:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.done = True


def site_size(site: Path) -> tuple[int, int]:
    """(files, bytes) of a built site, every file counted as `du -sb` counts its bytes."""
    files = total = 0
    for folder, _, names in os.walk(site):
        for name in names:
            files += 1
            total += os.lstat(os.path.join(folder, name)).st_size
    return files, total


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one system call (Linux renameat2); False where it is not available."""
    if not sys.platform.startswith("linux"):
        return False
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return bool(result == 0)


def _alive(pid_text: str) -> bool:
    if not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def exit_on_sigterm() -> None:
    """Make SIGTERM end the process through Python's exit, so that `atexit` work runs
    (unless another handler was set already)."""
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _exit_on_signal)


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    with contextlib.suppress(Exception):
        signal.signal(signum, signal.SIG_DFL)
    sys.exit(128 + signum)
