"""What readers get from a built site: page weights, the first search, Lighthouse scores.

The site is served as GitHub Pages serves it (gzip for text, Pagefind's own chunks as
they are, already compressed), on loopback, and read by Debian's chromium:

- weight: for each page kind, its largest page opened in a fresh browser, every byte
  transferred until the network is idle (HTML, CSS, JS, fonts, images: anything fetched
  before the reader does something);
- first search: a fresh browser opens the home page, the reader presses "/" and types a
  word; the bytes fetched from then on and the time until the first results show;
- Lighthouse 12 (npm, locked; mobile preset, the default) on home, a year page, an event
  page and an actor page: the four category scores, median of `runs`.

    python bench/readers.py SITE [--query word] [--runs 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The offline flags of the browser tests: no request leaves this machine.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# GitHub Pages compresses these; Pagefind's .pf_* files and its wasm are gzip already.
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map"}


def page_kind(relative: str) -> str | None:
    """The kind of page a site-relative path to an index.html is, or None for others."""
    parts = relative.split("/")[:-1]  # without "index.html"
    if not parts:
        return "home"
    head, depth = parts[0], len(parts)
    if head == "years":
        return {2: "year", 3: "month"}.get(depth, "day")
    if head == "events":
        return "events index" if depth == 1 or parts[1].startswith("page-") else "event"
    if head == "actors":
        return "actors index" if depth == 1 or parts[1].startswith("page-") else "actor" if depth == 2 else None
    if head == "tags" and depth == 2:
        return "tag"
    if head == "embed" and depth == 1:
        return "embed"
    if head == "places":
        return "places index" if depth == 1 or parts[1].startswith("page-") else "place" if depth == 2 else None
    if head == "stories":
        return "stories index" if depth == 1 else "story" if depth == 2 else "story embed" if depth == 3 else None
    return None


def heaviest_pages(site: Path) -> dict[str, str]:
    """For each page kind, the URL path of its largest page: the worst a reader meets."""
    best: dict[str, tuple[int, str]] = {}
    for path in site.rglob("index.html"):
        relative = path.relative_to(site).as_posix()
        kind = page_kind(relative)
        if kind is not None:
            size = path.stat().st_size
            if size > best.get(kind, (-1, ""))[0]:
                best[kind] = (size, relative.removesuffix("index.html"))
    return {kind: url for kind, (_, url) in sorted(best.items())}


class _GzipHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "") and path.is_file():
            body = _compressed(path, path.stat().st_mtime_ns)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


@lru_cache(maxsize=4096)
def _compressed(path: Path, _mtime: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = lambda *args: _GzipHandler(*args, directory=str(site))  # noqa: E731
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _Transfers:
    """The requests a page finished, and the bytes they took over the network."""

    def __init__(self) -> None:
        self.requests: list = []

    def add(self, request: object) -> None:  # Playwright cannot take a built-in method as a handler
        self.requests.append(request)

    @property
    def bytes(self) -> int:
        sizes = [request.sizes() for request in self.requests]
        return sum(max(s["responseBodySize"], 0) + max(s["responseHeadersSize"], 0) for s in sizes)


def weights(base: str, pages: dict[str, str]) -> dict[str, dict]:
    """Bytes transferred (and requests) for each page until the network is idle."""
    from playwright.sync_api import sync_playwright

    figures = {}
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for kind, url in pages.items():
            context = browser.new_context(viewport={"width": 412, "height": 823})
            page = context.new_page()
            transfers = _Transfers()
            page.on("requestfinished", transfers.add)
            page.goto(base + url, wait_until="networkidle")
            figures[kind] = {
                "url": "/" + url,
                "transferred_bytes": transfers.bytes,
                "requests": len(transfers.requests),
                "html_bytes": len(page.content().encode()),
            }
            context.close()
        browser.close()
    return figures


def first_search(base: str, query: str, runs: int) -> dict:
    """Median bytes and seconds of a reader's first search from the home page."""
    from playwright.sync_api import sync_playwright

    seconds, transferred = [], []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 412, "height": 823})
            page = context.new_page()
            page.goto(base, wait_until="networkidle")
            transfers = _Transfers()
            page.on("requestfinished", transfers.add)
            start = time.perf_counter()  # the reader goes to the search field
            page.keyboard.press("/")
            page.keyboard.type(query)
            page.wait_for_selector(".md-search .tl-search__result", timeout=60_000)
            seconds.append(time.perf_counter() - start)
            page.wait_for_load_state("networkidle")
            transferred.append(transfers.bytes)
            context.close()
        browser.close()
    return {
        "query": query,
        "runs": runs,
        "median_seconds": round(statistics.median(seconds), 3),
        "seconds": [round(s, 3) for s in seconds],
        "median_transferred_bytes": int(statistics.median(transferred)),
    }


def lighthouse(base: str, pages: dict[str, str], runs: int) -> dict[str, dict]:
    """Median score (0-100) of each category, for each page, over `runs` runs."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    scores: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as work:
        for kind, url in pages.items():
            runs_scores: dict[str, list[int]] = {c: [] for c in CATEGORIES}
            for run in range(runs):
                report = Path(work) / f"{kind}-{run}.json"
                subprocess.run(
                    [
                        str(LIGHTHOUSE),
                        base + url,
                        "--quiet",
                        "--output=json",
                        f"--output-path={report}",
                        f"--only-categories={','.join(CATEGORIES)}",
                        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
                    ],
                    env=env,
                    check=True,
                    timeout=300,
                )
                data = json.loads(report.read_text())
                for category in CATEGORIES:
                    runs_scores[category].append(round(100 * (data["categories"][category]["score"] or 0)))
                if run == 0:
                    failed = [
                        audit["id"]
                        for audit in data["audits"].values()
                        if audit.get("score") is not None
                        and audit["score"] < 1
                        and audit.get("scoreDisplayMode") in ("binary", "metricSavings")
                    ]
            scores[kind] = {
                "url": "/" + url,
                **{c: int(statistics.median(v)) for c, v in runs_scores.items()},
                "runs": runs_scores,
                "audits_not_passed": sorted(failed),
            }
    return scores


LIGHTHOUSE_KINDS = ("home", "year", "event", "actor", "place", "story")


def measure_site(site: Path, query: str, runs: int, more_queries: Sequence[str] = ()) -> dict:
    """Page weights, the first search for `query` (and, in `searches`, for each of
    `more_queries` too: a word on few events and one on many), Lighthouse."""
    pages = heaviest_pages(site)
    with served(site) as base:
        searches = [first_search(base, word, runs) for word in (query, *more_queries)]
        result = {
            "pages": weights(base, pages),
            "first_search": searches[0],
            "searches": searches,
            "lighthouse": lighthouse(base, {k: pages[k] for k in LIGHTHOUSE_KINDS if k in pages}, runs),
        }
    largest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    result["largest_html"] = {"path": largest.relative_to(site).as_posix(), "bytes": largest.stat().st_size}
    return result


def summary(name: str, result: dict) -> list[str]:
    weights_line = ", ".join(
        f"{kind} {figures['transferred_bytes'] / 1024:.0f} KB" for kind, figures in result["pages"].items()
    )
    heaviest = max(result["pages"].values(), key=lambda f: f["transferred_bytes"])
    lines = [
        f"{name}: transferred before interaction (largest page of each kind): {weights_line}; "
        f"heaviest {heaviest['transferred_bytes'] / 1024:.0f} KB; largest HTML {result['largest_html']['path']} "
        f"{result['largest_html']['bytes'] / 1024:.0f} KiB",
    ]
    for search in result.get("searches") or [result["first_search"]]:
        lines.append(
            f"{name}: first search '{search['query']}' {search['median_transferred_bytes'] / 1024:.0f} KB, "
            f"results in {search['median_seconds']:.2f}s (median of {search['runs']})"
        )
    for kind, scores in result["lighthouse"].items():
        lines.append(
            f"{name}: Lighthouse {kind} ({scores['url']}): "
            + ", ".join(f"{c} {scores[c]}" for c in CATEGORIES)
            + (f"; not passed: {', '.join(scores['audits_not_passed'])}" if scores["audits_not_passed"] else "")
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", default="ceasefire")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    result = measure_site(args.site, args.query, args.runs)
    print(json.dumps(result, indent=1))
    print("\n".join(summary(args.site.as_posix(), result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
