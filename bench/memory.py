"""The memory of a build as the issue counts it: the sum over every process of the build
(the build and all its descendants: Pagefind, Hugo's wrapper and binary, worker
processes), sampled from /proc every `interval` seconds; its peak is what a machine must
have, where the largest single process (ru_maxrss) says less.

    with SummedPeak(process.pid) as peak:
        process.wait()
    peak.bytes
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType

PAGE = os.sysconf("SC_PAGE_SIZE")
PROC = Path("/proc")


def tree_sum(processes: Mapping[int, tuple[int, int]], root: int) -> int:
    """The summed RSS of `root` and every process descended from it, from each process's
    (parent pid, RSS in bytes)."""
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in processes.items():
        children.setdefault(parent, []).append(pid)
    total, pending, seen = 0, [root], set()
    while pending:
        pid = pending.pop()
        if pid in seen or pid not in processes:
            continue
        seen.add(pid)
        total += processes[pid][1]
        pending += children.get(pid, [])
    return total


def read_processes(proc: Path = PROC) -> dict[int, tuple[int, int]]:
    """Every process's (parent pid, RSS in bytes) now; a process that ends while it is
    read is left out."""
    found = {}
    for entry in _pids(proc):
        try:
            stat = (proc / entry / "stat").read_text()
            resident = int((proc / entry / "statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        # The command name (field 2) is in parentheses and may hold spaces: the parent is
        # the second field after its closing parenthesis.
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        found[int(entry)] = (parent, resident)
    return found


def _pids(proc: Path) -> Iterable[str]:
    try:
        return [name for name in os.listdir(proc) if name.isdigit()]
    except OSError:
        return []


class SummedPeak:
    """Samples the summed RSS of a process tree in a thread until the block ends."""

    def __init__(self, root: int, interval: float = 0.2) -> None:
        self.root, self.interval = root, interval
        self.bytes = 0  # the peak of the sum
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            total = tree_sum(read_processes(), self.root)
            self.bytes = max(self.bytes, total)
            self.samples += 1
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> SummedPeak:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()
