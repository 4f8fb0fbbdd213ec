"""The README's table of `make bench`'s figures: written between two marker comments
in the Scale section, replaced whole on every run, from bench/results.json and any
bench/results-<size>.json that `bench/run.py --once <size>` wrote.

A figure a run did not measure (an older results file, a size built once) shows as "–".
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

START = "<!-- bench:table (written by bench/run.py; edits here are replaced) -->"
END = "<!-- /bench:table -->"
# Kinds of file of our site, in the order the table shows them (bench/run.py, `file_kind`).
KINDS = ("event pages", "actor pages", "tag pages", "period pages", "other pages", "search index", "exports", "assets")
NONE = "–"
MIB = 1024 * 1024


def _seconds(side: Mapping | None) -> float | None:
    if not side:
        return None
    value = side.get("median_seconds", side.get("seconds"))
    return value if isinstance(value, int | float) else None


def _time(value: float | None) -> str:
    return NONE if value is None else f"{value:.1f} s" if value >= 10 else f"{value:.2f} s"


def _ratio(ours: float | None, other: float | None) -> str:
    return NONE if ours is None or not other else f"{ours / other:.2f}"


def _mib(size: int | None) -> str:
    if size is None:
        return NONE
    return f"{size / MIB:,.1f} MiB" if size < 10 * MIB else f"{size / MIB:,.0f} MiB"


def _memory(side: Mapping | None) -> str:
    return _mib(side.get("peak_memory_bytes")) if side else NONE


def _events(result: Mapping) -> int | None:
    """How many events the chronology had (said by runs since it was recorded)."""
    events = result.get("events")
    if isinstance(events, int):
        return events
    return int(result["size"]) if result["size"].isdigit() else None


def _label(result: Mapping) -> str:
    events = _events(result)
    name = result["size"]
    size = f"{events:,}" if isinstance(events, int) else name
    if name == "sample":
        size = f"sample ({events})" if isinstance(events, int) else "sample"
    elif name == "dense":
        size = f"{size}, half in one month"
    return size + (" (one build)" if result.get("runs") == 1 and "baseline" not in result else "")


def _per_event(result: Mapping, size: int | None) -> str:
    events = _events(result)
    if size is None or not events:
        return NONE
    return f"{size / events / 1000:,.1f}"  # KB as the issue counts them: 10 KB an event is 1 GB at 100,000


def builds(results: Sequence[Mapping]) -> list[str]:
    lines = [
        "| events | ours | plain MkDocs | Hugo | ours / plain | ours / Hugo "
        "| peak memory, all processes (ours / plain / Hugo) | site (ours / plain / Hugo) "
        "| one-event edit in the preview (ours / plain) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for result in results:
        ours, plain, hugo = (result.get(side) for side in ("ours", "baseline", "hugo"))
        mine = _seconds(ours)
        sites = " / ".join(_mib(s.get("bytes")) if s else NONE for s in (ours, plain, hugo))
        edits = " / ".join(_time(s.get("serve_edit_seconds")) if s else NONE for s in (ours, plain))
        memory = " / ".join(_memory(s) for s in (ours, plain, hugo))
        lines.append(
            f"| {_label(result)} | {_time(mine)} | {_time(_seconds(plain))} | {_time(_seconds(hugo))} "
            f"| {_ratio(mine, _seconds(plain))} | {_ratio(mine, _seconds(hugo))} | {memory} | {sites} | {edits} |"
        )
    return lines


def kinds(results: Sequence[Mapping]) -> list[str]:
    lines = [
        "| events | " + " | ".join(KINDS) + " | whole site |",
        "| --- |" + " --- |" * (len(KINDS) + 1),
    ]
    for result in results:
        ours = result.get("ours") or {}
        by_kind = ours.get("by_kind") or {}
        cells = [_per_event(result, by_kind.get(kind)) for kind in KINDS]
        lines.append(f"| {_label(result)} | " + " | ".join(cells) + f" | {_per_event(result, ours.get('bytes'))} |")
    return lines


def readers(results: Iterable[Mapping]) -> list[str]:
    lines = [
        "| events | heaviest page kind, transferred | first search (word, bytes, time) "
        "| Lighthouse performance (home, year, event, actor) | accessibility, best practices, SEO (lowest) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for result in results:
        figures = result.get("readers")
        if not figures:
            continue
        heaviest = max(figures["pages"].items(), key=lambda item: item[1]["transferred_bytes"])
        searches = figures.get("searches") or [figures["first_search"]]
        search = "; ".join(
            f"'{s['query']}' {s['median_transferred_bytes'] / 1000:,.0f} KB, {s['median_seconds']:.2f} s"
            for s in searches
        )
        scores = figures["lighthouse"]
        performance = ", ".join(
            str(scores[k]["performance"]) for k in ("home", "year", "event", "actor") if k in scores
        )
        rest = ", ".join(
            str(min(page[c] for page in scores.values())) for c in ("accessibility", "best-practices", "seo")
        )
        lines.append(
            f"| {_label(result)} | {heaviest[1]['transferred_bytes'] / 1000:,.0f} KB ({heaviest[0]}) | {search} "
            f"| {performance} | {rest} |"
        )
    return lines if len(lines) > 2 else []


def table(results: Sequence[Mapping], source: str) -> str:
    """The three tables, with a line saying where the figures come from."""
    parts = [
        f"Build time (median of the alternating runs), memory and size ({source}):",
        "",
        *builds(results),
        "",
        "KB (1,000 bytes) per event by kind of file of our site:",
        "",
        *kinds(results),
    ]
    reader_lines = readers(results)
    if reader_lines:
        parts += ["", "What readers get (bench/readers.py: served with gzip, Debian chromium, Lighthouse mobile):", ""]
        parts += reader_lines
    return "\n".join(parts)


def replace_table(readme: str, text: str) -> str:
    """The README with `text` between the markers (added at the end of the Scale section's
    first paragraph block if missing is not our call: the markers must be there)."""
    if START not in readme or END not in readme:
        raise ValueError(f"the README has no {START!r} … {END!r} markers for the benchmark's table")
    before, rest = readme.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{text}\n{END}{after}"


def load(folder: Path) -> list[dict]:
    """This run's results (results.json) and every --once run's (results-<size>.json),
    by number of events."""
    results: list[dict] = []
    for path in [folder / "results.json", *sorted(folder.glob("results-*.json"))]:
        if path.is_file():
            results += json.loads(path.read_text(encoding="utf-8"))["results"]
    order = {"sample": 0, "dense": 10**9}
    return sorted(
        results,
        key=lambda r: (order.get(r["size"], int(r["size"]) if r["size"].isdigit() else 10**8), r.get("runs", 0) == 1),
    )


def write(readme: Path, folder: Path, source: str) -> None:
    readme.write_text(replace_table(readme.read_text(encoding="utf-8"), table(load(folder), source)), encoding="utf-8")
