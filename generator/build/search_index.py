"""The search index: Pagefind writes a static index, split into small chunks that a
reader's browser fetches only when they search, where Material's search downloaded the
whole index on every page (sizes: bench/NOTES.md).

What is indexed is marked in the templates: `data-pagefind-body` on event and actor
pages, `data-pagefind-filter` for actor, tag, year and kind, `data-pagefind-meta` for
the date and actors a result shows.

A build indexes while MkDocs renders (`RenderedIndex`): each event and actor page, as it
is written, hands Pagefind only its marked element (a tenth of the page: Material's
header, navigation and scripts are never read again), and Pagefind runs on those in
shards, one process at a time, on the core MkDocs leaves idle.  Pagefind holds every
page of an index in memory until it writes, many times the marked HTML it reads
(bench/NOTES.md): a shard is closed at `SHARD_BYTES`, so that its process stays bounded
at any size.
The first shards are smaller (`FIRST_SHARD_BYTES`, then twice as large each time), so
that Pagefind starts early and what remains when the rendering ends is short, while a
search fetches one index chunk a shard: a large chronology has few large shards.
The first shard is the bundle in `pagefind/`, with Pagefind's scripts; each other one is
an index in `pagefind/N/`, listed in `pagefind/shards.json`, which the browser merges
(Pagefind's `mergeIndex`).  The preview indexes its whole site after each rebuild
(`index_site`).
"""

from __future__ import annotations

import json
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Literal, get_args

from generator.build.search_canonical import canonical_index
from generator.urls import SEARCH_INDEX

# What the index holds of event and actor pages (the `search` option): their whole text,
# or only what their headers say (title, date, summary, place, actors and tags).
SearchScope = Literal["full", "summaries"]
SEARCH_SCOPES: tuple[SearchScope, ...] = get_args(SearchScope)

# The marked HTML a shard holds before it is indexed (its process's memory: bench/NOTES.md).
SHARD_BYTES = 48_000_000
FIRST_SHARD_BYTES = 24_000_000
# In the bundle: the folders of the other shards' indexes, for the browser to merge.
SHARDS_FILE = "shards.json"
# What the marked elements hold besides the page's own text: the neighbours' titles (a
# search for one event found the two beside it), the citation (the site's name, on every
# page) and the publication dates.  A tenth of the index and of Pagefind's memory.
NOT_INDEXED = "nav.tl-pager, section.tl-cite, p.tl-history"
# What a merged index needs: the browser uses the first bundle's scripts and WebAssembly.
_INDEX_PARTS = ("pagefind-entry.json", "fragment", "index", "filter")


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message is Pagefind's."""


def index_site(
    site: Path, *, background: bool = False, started: Callable[[subprocess.Popen[str]], None] | None = None
) -> None:
    """Index the built site in `site` (the preview's folder, or a build with no page to
    index).  In the `background` (the preview), Pagefind runs at the lowest CPU priority,
    so that the next rebuild, which the editor is waiting for, comes first; `started` is
    handed the process, so that the preview can stop it when it stops."""
    _pagefind(
        ["--site", str(site), "--output-subdir", SEARCH_INDEX.rstrip("/")],
        niceness=19 if background else 0,
        started=started,
    )
    _canonical(site / SEARCH_INDEX)
    (site / SEARCH_INDEX / SHARDS_FILE).write_text("[]", encoding="utf-8")


def _pagefind(
    arguments: list[str], *, niceness: int, started: Callable[[subprocess.Popen[str]], None] | None = None
) -> None:
    command = [sys.executable, "-m", "pagefind", *arguments, "--exclude-selectors", NOT_INDEXED, "--silent"]
    lowest = shutil.which("nice")  # not preexec_fn: it is unsafe in a process with threads
    if niceness and lowest:
        command = [lowest, "-n", str(niceness), *command]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        if started is not None:
            started(process)
        stdout, stderr = process.communicate(timeout=3600)
    if process.returncode < 0:
        name = signal.Signals(-process.returncode).name
        raise SearchIndexError(
            f"Pagefind was stopped by {name} before it finished the index"
            + (
                " (the system ends the largest process when memory runs out: Pagefind needs about 13 bytes for"
                " each byte of the pages' indexed HTML; set the timeline plugin's option `search: summaries`"
                " to index less)"
                if name == "SIGKILL"
                else ""
            )
        )
    if process.returncode != 0:
        detail = (stderr or stdout).strip().splitlines()
        raise SearchIndexError(f"Pagefind could not index the site: {detail[-1] if detail else process.returncode}")


def _canonical(bundle: Path) -> None:
    try:
        canonical_index(bundle)
    except (OSError, ValueError, KeyError, TypeError, EOFError) as error:
        raise SearchIndexError(f"Pagefind's index could not be put in its reproducible order ({error})") from error


# The element a page marks for the index: its tag's name.  An editor's `<` is always
# escaped in a page, so only the templates' markup can match.
_BODY = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?\sdata-pagefind-body(?=[\s=/>])")
_LANG = re.compile(r"<html\b[^>]*?\slang=(?:\"([^\"]*)\"|([^\s\"'=<>`]+))")  # minified: quotes only where needed
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def index_input(html: str) -> str | None:
    """What Pagefind reads of a page: its language, title and marked element (with the
    filters and metadata inside it), or None for a page that is not indexed."""
    found = _BODY.search(html)
    if found is None:
        return None
    tag = re.compile(rf"<(/?){re.escape(found.group(1))}[\s/>]")
    depth, end = 0, len(html)
    for mark in tag.finditer(html, found.start()):
        depth += -1 if mark.group(1) else 1
        if depth == 0:
            end = html.index(">", mark.end() - 1) + 1
            break
    lang, title = _LANG.search(html, 0, found.start()), _TITLE.search(html, 0, found.start())
    return (
        f'<!doctype html><html lang="{(lang.group(1) or lang.group(2)) if lang else ""}"><head><title>'
        f"{title.group(1) if title else ''}</title></head><body>{html[found.start() : end]}</body></html>"
    )


class RenderedIndex:
    """The search index of a build, made while MkDocs renders: `add` each page as it is
    written; `finish` waits for the last shard and puts the index in the site.  One
    Pagefind process runs at a time, niced, so that the rendering keeps its core."""

    def __init__(self, shard_bytes: int = SHARD_BYTES, first_shard_bytes: int = FIRST_SHARD_BYTES):
        self._folder = Path(tempfile.mkdtemp(prefix="timeline-search-"))
        # Removed with this object at the latest, or at exit (a build stopped by SIGTERM).
        self._removal = weakref.finalize(self, shutil.rmtree, self._folder, ignore_errors=True)
        self._shard_bytes = shard_bytes
        self._first_shard_bytes = first_shard_bytes
        self._shards = 0  # closed so far
        self._bytes = 0  # in the open shard
        self._jobs: queue.Queue[int | None] = queue.Queue()
        self._failure: SearchIndexError | None = None
        self._process: subprocess.Popen[str] | None = None
        self._stopped = False
        self._worker = threading.Thread(target=self._work, name="search-index", daemon=True)
        self._worker.start()

    def add(self, path: str, html: str) -> None:
        """A page as it is written at `path` in the site (events/x/index.html)."""
        text = index_input(html)
        if text is None or self._stopped:
            return
        target = self._folder / "pages" / str(self._shards) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self._bytes += len(text)
        if self._bytes >= min(self._shard_bytes, self._first_shard_bytes << self._shards):
            self._close_shard()

    def finish(self, site: Path) -> None:
        """Wait for every shard, then write the index into `site`'s search folder."""
        self._close_shard()
        self._jobs.put(None)
        self._worker.join()
        try:
            if self._failure is not None:
                raise self._failure
            if self._shards == 0:  # no page marked for the index: Pagefind reads every page
                index_site(site)
                return
            bundle = site / SEARCH_INDEX
            others = [f"{number}/" for number in range(1, self._shards)]
            shutil.move(self._folder / "index" / "0", bundle)
            for number, folder in enumerate(others, start=1):
                made = self._folder / "index" / str(number)
                (bundle / folder).mkdir()
                for name in _INDEX_PARTS:
                    shutil.move(made / name, bundle / folder / name)
                for meta in made.glob("pagefind.*.pf_meta"):
                    shutil.move(meta, bundle / folder / meta.name)
            for folder in ["", *others]:
                _canonical(bundle / folder)
            (bundle / SHARDS_FILE).write_text(json.dumps(others), encoding="utf-8")
        finally:
            self._removal()

    def abandon(self) -> None:
        """The build failed: stop Pagefind and forget the index."""
        self._stopped = True
        self._jobs.put(None)
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
        self._worker.join(timeout=10)
        self._removal()

    def _close_shard(self) -> None:
        if self._bytes:
            self._jobs.put(self._shards)
            self._shards += 1
            self._bytes = 0

    def _started(self, process: subprocess.Popen[str]) -> None:
        self._process = process
        if self._stopped:
            process.terminate()

    def _work(self) -> None:
        while (number := self._jobs.get()) is not None:
            if self._failure is not None or self._stopped:
                continue
            pages = self._folder / "pages" / str(number)
            try:
                _pagefind(
                    ["--site", str(pages), "--output-path", str(self._folder / "index" / str(number))],
                    niceness=10,
                    started=self._started,
                )
            except SearchIndexError as error:
                self._failure = error
            shutil.rmtree(pages, ignore_errors=True)


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
