"""`make bench`: our build against plain MkDocs on the same pages, side by side, and what
readers get from our site.

For each size (the sample, and synthetic chronologies of 1,000 and 10,000 events) it
builds our site and a baseline site `--runs` times each, alternating, and records the
median wall time, peak memory (max RSS of the build process or of its Pagefind child,
whichever is larger), output size and largest page (the disks are synced before each
build, so that one build's writeback does not slow the next); then, in one
`mkdocs serve --dirtyreload` each, the median time of `--runs` one-event edits to show
against the same for one page of the baseline.  For the sample and 10,000 events it then
measures what readers get (bench/readers.py: the weight of each page kind, the first
search, Lighthouse).  The size "dense" is 10,000 events of which 5,000 fall in one month
(as a conflict tracker's export does): built once, its pages and readers' figures.
Figures go to bench/results.json, and summary lines to bench/last-run.txt.

    python bench/run.py [--sizes sample,1000,10000,dense] [--runs 5]
    python bench/run.py --once 100000    # one build: time, memory, largest page, index
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench.readers import measure_site  # noqa: E402
from bench.readers import summary as reader_lines  # noqa: E402
from bench.synth import write_chronology, write_plain_pages  # noqa: E402

WORK = REPO / "bench" / ".work"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
# The baseline: the site's own mkdocs.yml (Material with the same palette, features and
# Markdown extensions), without the timeline plugin, our templates and their assets,
# and with a one-page navigation.
BASELINE_CONFIG = f"""\
INHERIT: {REPO / "mkdocs.yml"}
site_name: Baseline
docs_dir: docs
theme:
  custom_dir: overrides  # an empty folder: Material's own templates
extra_css: []
extra_javascript: []
plugins:
  - search
nav:
  - index.md
"""


DENSE = 5000  # events in one month of the "dense" case
QUERIES = {"sample": "drone"}  # the first search's word; "ceasefire" for the synthetic text


def prepare(size: str) -> tuple[Path, Path]:
    ours, baseline = WORK / size / "ours", WORK / size / "baseline"
    for folder in (ours, baseline):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    if size == "sample":
        shutil.copytree(REPO / "content", ours / "content")
        events = sorted((REPO / "content" / "events").glob("*.md")) + sorted((REPO / "content" / "actors").glob("*.md"))
        (baseline / "docs").mkdir()
        (baseline / "docs" / "index.md").write_text("# Home\n")
        for path in events:
            (baseline / "docs" / path.name).write_text("# Page\n\n" + path.read_text().split("---\n", 2)[2])
    elif size == "dense":
        write_chronology(ours, 10_000, dense=DENSE)
    else:
        write_chronology(ours, int(size))
        write_plain_pages(baseline, int(size))
    (ours / "mkdocs.yml").write_text(f"INHERIT: {REPO / 'mkdocs.yml'}\ntheme:\n  custom_dir: {REPO / 'theme'}\n")
    (baseline / "overrides").mkdir()
    (baseline / "mkdocs.yml").write_text(BASELINE_CONFIG)
    return ours, baseline


def timed_build(project: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of one `mkdocs build` in its own process."""
    shutil.rmtree(project / "site", ignore_errors=True)
    # Write out what the previous build left in the page cache, so that its writeback
    # does not run during (and slow down) this one.
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    error = process.stderr.read().decode()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed in {project}:\n{error}")
    return elapsed, usage.ru_maxrss * 1024


def site_figures(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = [p for p in files if p.is_relative_to(site / "pagefind")]
    return {
        "files": len(files),
        "pages": len(pages),
        "bytes": sum(p.stat().st_size for p in files),
        "largest_page": largest.relative_to(site).as_posix(),
        "largest_page_bytes": largest.stat().st_size,
        "pages_over_1mb": sum(1 for p in pages if p.stat().st_size > 1_000_000),
        "search_index_bytes": sum(p.stat().st_size for p in index),
        "search_index_files": len(index),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_shows(url: str, text: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return text in response.read().decode("utf-8")
    except OSError:
        return False


def serve_edit_seconds(
    project: Path, edit: Callable[[str], dict[str, str]], watch: list[str], runs: int
) -> list[float]:
    """Start `mkdocs serve --dirtyreload`, then `runs` times apply `edit(marker)` (file ->
    new text) and time until every URL path in `watch` shows the marker text."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirtyreload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seconds = []
    try:
        deadline = time.monotonic() + 1800
        while not page_shows(base + watch[0], "<html") and time.monotonic() < deadline:
            time.sleep(0.5)
        for run in range(1, runs + 1):
            time.sleep(2)  # let the watcher settle after the previous build
            marker = f"Edited for the benchmark, round {run}."
            start = time.perf_counter()
            for path, text in edit(marker).items():
                (project / path).write_text(text)
            pending = list(watch)
            while pending and time.monotonic() < deadline:
                pending = [path for path in pending if not page_shows(base + path, marker)]
                time.sleep(0.05)
            if pending:
                raise SystemExit(f"the edit never showed on {pending}")
            seconds.append(time.perf_counter() - start)
        return seconds
    finally:
        process.terminate()
        process.wait(timeout=30)


def edit_event(project: Path) -> tuple[Callable[[str], dict[str, str]], list[str]]:
    """Retitle the middle event; watch its page, the timeline page that lists it (a year,
    month or day page: the deepest that shows its card) and its actors' pages."""
    sys.path.insert(0, str(REPO))
    from generator import urls
    from generator.pipeline.chronology import build_chronology
    from generator.text import load_text
    from generator.views.listing import Listing
    from generator.views.plan import default_titles, plan_pages

    chronology, _ = build_chronology(project / "content")
    assert chronology is not None
    event = chronology.events[len(chronology.events) // 2]
    path = f"content/events/{event.id}.md"
    original = (project / path).read_text()
    text = load_text("en")
    views = plan_pages(chronology, default_titles(text), 200, text)
    listing = next(
        view.path
        for view in views.values()
        if isinstance(view, Listing)
        and not view.embedded
        and view.path.startswith("years/")
        and any(card.id == event.id for group in view.groups for month in group.months for card in month.cards)
    )
    watch = [urls.event(event.id), listing] + [urls.actor(p.actor_id) for p in event.actors]
    return lambda marker: {path: original.replace(f"title: {event.title}", f"title: {marker}", 1)}, watch


def edit_page(project: Path) -> tuple[Callable[[str], dict[str, str]], list[str]]:
    """Retitle the middle page of the baseline; watch that page."""
    pages = sorted((project / "docs").glob("*.md"))
    page = pages[len(pages) // 2]
    body = page.read_text().split("\n", 1)[1]
    return lambda marker: {f"docs/{page.name}": f"# {marker}\n{body}"}, [page.stem + "/"]


def measure_once(size: str) -> dict:
    """One build of our site (no baseline): time, peak memory, pages and index."""
    ours, _ = prepare(size)
    seconds, peak = timed_build(ours)
    return {
        "size": size,
        "runs": 1,
        "ours": {"seconds": round(seconds, 3), "peak_rss_bytes": peak, **site_figures(ours / "site")},
    }


def measure(size: str, runs: int) -> dict:
    if size == "dense":
        result = measure_once(size)
        result["readers"] = measure_site(WORK / size / "ours" / "site", "ceasefire", 3)
        return result
    ours, baseline = prepare(size)
    timings: dict[str, list[tuple[float, int]]] = {"ours": [], "baseline": []}
    for _ in range(runs):
        for name, project in (("ours", ours), ("baseline", baseline)):
            timings[name].append(timed_build(project))
    result: dict = {"size": size, "runs": runs}
    for name, project in (("ours", ours), ("baseline", baseline)):
        result[name] = {
            "median_seconds": round(statistics.median(t for t, _ in timings[name]), 3),
            "seconds": [round(t, 3) for t, _ in timings[name]],
            "peak_rss_bytes": max(m for _, m in timings[name]),
            **site_figures(project / "site"),
        }
    result["ratio"] = round(result["ours"]["median_seconds"] / result["baseline"]["median_seconds"], 3)
    for name, project, editor in (("ours", ours, edit_event), ("baseline", baseline, edit_page)):
        edit, watch = editor(project)
        seconds = serve_edit_seconds(project, edit, watch, runs)
        result[name]["serve_edit_seconds"] = round(statistics.median(seconds), 3)
        result[name]["serve_edit_runs"] = [round(t, 3) for t in seconds]
        result[name]["serve_edit_watched"] = watch
    result["serve_ratio"] = round(result["ours"]["serve_edit_seconds"] / result["baseline"]["serve_edit_seconds"], 3)
    if size in ("sample", "10000"):
        result["readers"] = measure_site(ours / "site", QUERIES.get(size, "ceasefire"), 3)
    return result


def summary(result: dict) -> list[str]:
    ours = result["ours"]
    mib = 1024 * 1024
    lines = []
    if "baseline" not in result:
        lines.append(
            f"N={result['size']}: one build {ours['seconds']:.1f}s, peak RSS {ours['peak_rss_bytes'] / mib:.0f} MiB; "
            f"{ours['pages']} pages ({ours['pages_over_1mb']} over 1 MB), {ours['bytes'] / mib:.1f} MiB, largest "
            f"{ours['largest_page']} {ours['largest_page_bytes'] / 1024:.0f} KiB; search index "
            f"{ours['search_index_bytes'] / mib:.1f} MiB in {ours['search_index_files']} files"
        )
    else:
        lines.append(_comparison(result))
    if "readers" in result:
        lines += reader_lines(f"N={result['size']}", result["readers"])
    return lines


def _comparison(result: dict) -> str:
    ours, base = result["ours"], result["baseline"]
    mib = 1024 * 1024
    return (
        f"N={result['size']}: ours {ours['median_seconds']:.2f}s vs plain MkDocs {base['median_seconds']:.2f}s "
        f"(ratio {result['ratio']:.2f}, median of {result['runs']}); peak RSS {ours['peak_rss_bytes'] / mib:.0f} MiB "
        f"vs {base['peak_rss_bytes'] / mib:.0f} MiB; {ours['pages']} pages, {ours['bytes'] / mib:.1f} MiB, largest "
        f"{ours['largest_page']} {ours['largest_page_bytes'] / 1024:.0f} KiB ({ours['pages_over_1mb']} over 1 MB); "
        f"search index {ours['search_index_bytes'] / mib:.1f} MiB; serve edit {ours['serve_edit_seconds']:.2f}s "
        f"vs {base['serve_edit_seconds']:.2f}s (ratio {result['serve_ratio']:.2f}, median of {result['runs']})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="sample,1000,10000,dense")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results.json")
    parser.add_argument("--once", metavar="SIZE", help="one build of SIZE events, ours only (e.g. 100000)")
    args = parser.parse_args()
    if args.once:
        result = measure_once(args.once)
        print("\n".join(summary(result)))
        output = args.output.with_name(f"results-{args.once}.json")
        output.write_text(
            json.dumps({"machine": os.uname().machine, "cpus": os.cpu_count(), "results": [result]}, indent=1) + "\n"
        )
        return 0
    results, lines = [], []
    for size in args.sizes.split(","):
        result = measure(size, args.runs)
        results.append(result)
        for line in summary(result):
            lines.append(line)
            print(line, flush=True)
    by_size = {result["size"]: result for result in results}
    if "1000" in by_size and "10000" in by_size:
        growth = by_size["10000"]["ours"]["median_seconds"] / by_size["1000"]["ours"]["median_seconds"]
        lines.append(f"growth: time(10000) / time(1000) = {growth:.2f}")
        print(lines[-1])
    args.output.write_text(
        json.dumps({"machine": os.uname().machine, "cpus": os.cpu_count(), "results": results}, indent=1) + "\n"
    )
    # The summary lines too, next to the figures (bench/last-run.txt by default).
    args.output.with_name("last-run.txt").write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
