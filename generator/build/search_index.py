"""The search index: Pagefind reads the built pages and writes a static index, split into
small chunks that a reader's browser fetches only when they search, where Material's
search downloaded the whole index on every page (sizes: bench/NOTES.md).

What is indexed is marked in the templates: `data-pagefind-body` on event and actor
pages, `data-pagefind-filter` for actor, tag, year and kind, `data-pagefind-meta` for
the date and actors a result shows.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Literal, get_args

from generator.build.search_canonical import canonical_index
from generator.urls import SEARCH_INDEX

# What the index holds of event and actor pages (the `search` option): their whole text,
# or only what their headers say (title, date, summary, place, actors and tags).
SearchScope = Literal["full", "summaries"]
SEARCH_SCOPES: tuple[SearchScope, ...] = get_args(SearchScope)


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message is Pagefind's."""


def index_site(
    site: Path, *, background: bool = False, started: Callable[[subprocess.Popen[str]], None] | None = None
) -> None:
    """Index the built site in `site` (the staging folder of a build).  In the
    `background` (the preview), Pagefind runs at the lowest CPU priority, so that the
    next rebuild, which the editor is waiting for, comes first; `started` is handed the
    process, so that the preview can stop it when it stops."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-subdir",
        SEARCH_INDEX.rstrip("/"),
        "--silent",
    ]
    lowest = shutil.which("nice")  # not preexec_fn: it is unsafe in a process with threads
    if background and lowest:
        command = [lowest, "-n", "19", *command]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        if started is not None:
            started(process)
        stdout, stderr = process.communicate(timeout=3600)
    result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    if result.returncode < 0:
        name = signal.Signals(-result.returncode).name
        raise SearchIndexError(
            f"Pagefind was stopped by {name} before it finished the index"
            + (
                " (the system ends the largest process when memory runs out: Pagefind needs about 200 KB a page"
                " indexed in full; set the timeline plugin's option `search: summaries` to index less)"
                if name == "SIGKILL"
                else ""
            )
        )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise SearchIndexError(f"Pagefind could not index the site: {detail[-1] if detail else result.returncode}")
    try:
        canonical_index(site / SEARCH_INDEX)
    except (OSError, ValueError, KeyError, TypeError, EOFError) as error:
        raise SearchIndexError(f"Pagefind's index could not be put in its reproducible order ({error})") from error


class PreviewIndexer:
    """Indexes the live preview's site after each rebuild, in the background, so that an
    edit shows at once and the search catches up a moment later; a rebuild while Pagefind
    runs asks for one more run after it (never two at a time)."""

    def __init__(self, on_done: Callable[[str], None]):
        self._lock = threading.Lock()
        self._wanted: Path | None = None
        self._running = False
        self._stopped = False
        self._process: subprocess.Popen[str] | None = None
        self._on_done = on_done  # told, in words, how each run went

    def request(self, site: Path) -> None:
        with self._lock:
            if self._stopped:
                return
            self._wanted = site
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._run, name="search-index", daemon=True).start()

    def stop(self) -> None:
        """Stop indexing with the preview: Pagefind would go on after it, on a folder that
        is being deleted."""
        with self._lock:
            self._stopped = True
            self._wanted = None
            process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()

    def _started(self, process: subprocess.Popen[str]) -> None:
        with self._lock:
            self._process = process
        if self._stopped:
            process.terminate()

    def _run(self) -> None:
        while True:
            with self._lock:
                site, self._wanted = self._wanted, None
                if site is None or self._stopped:
                    self._running = False
                    return
            try:
                index_site(site, background=True, started=self._started)
            except SearchIndexError as error:
                if not self._stopped:
                    self._on_done(f"the preview's search was not updated: {error}")
            else:
                self._on_done("the preview's search is up to date")
