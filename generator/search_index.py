"""The search index: Pagefind reads the built pages and writes a static index, split into
small chunks that a reader's browser fetches only when they search (a few tens of
kilobytes for a query, where Material's search downloaded the whole index, 28 MiB at
10,000 events, on every page).

What is indexed is marked in the templates: `data-pagefind-body` on event and actor
pages, `data-pagefind-filter` for actor, tag, year and kind, `data-pagefind-meta` for
the date and actors a result shows.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

FOLDER = "pagefind"  # in the site


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message is Pagefind's."""


def index_site(site: Path) -> None:
    """Index the built site in `site` (the staging folder of a build)."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", FOLDER, "--silent"],
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
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
