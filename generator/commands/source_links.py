"""`python -m generator links`: are the sources still there?  Checks every source `url`
and `archived` address of the chronology, a few at a time (at most two per host), with
timeouts and retries; follows redirects and says where they lead; remembers results for
a day in a file outside the site, so that a rerun asks nothing again.  Each problem is a
line in the editors' form; with `suggest_archive`, the Internet Archive's availability
API (its address configurable) offers the closest snapshot of a dead source.  Never part
of a build: a build needs no network."""

from __future__ import annotations

import argparse
import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.commands.output import print_problems
from generator.core.model import Chronology, EditorsFile
from generator.core.problems import FieldPath, Problem, problem_at
from generator.pipeline.chronology import build_chronology

DAY = 86_400
CACHE = ".links-cache.json"  # in the project, beside content/ (never in site/)
ARCHIVE_API = "https://archive.org"


@dataclass(frozen=True, slots=True)
class Result:
    url: str
    status: int | None  # the final HTTP status; None when no answer came
    reason: str  # "OK", "Not Found", or what went wrong ("timed out", "connection refused")
    final: str  # where redirects led (the url itself when none)
    checked: float  # when (seconds since the epoch)

    @property
    def alive(self) -> bool:
        return self.status is not None and 200 <= self.status < 400


@dataclass(frozen=True, slots=True)
class Cited:
    """An address a source gives, and where it is written."""

    url: str
    file: EditorsFile
    field: FieldPath  # ("sources", 2, "url") or ("sources", 2, "archived")
    has_archive: bool


@dataclass
class Checker:
    timeout: float = 10.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    workers: int = 4
    per_host: int = 2
    body_limit: int = 65_536  # bytes read of each answer (enough to know it came)
    sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        self._hosts: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()

    def check_all(self, urls: list[str]) -> dict[str, Result]:
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            return dict(zip(urls, pool.map(self.check, urls), strict=True))

    def check(self, url: str) -> Result:
        try:
            host = urllib.parse.urlsplit(url).netloc
        except ValueError as error:  # not an address at all ("http://[::1/")
            return Result(url, None, f"not a usable address ({error})", url, time.time())
        with self._lock:
            gate = self._hosts.setdefault(host, threading.Semaphore(self.per_host))
        with gate:
            result = self._once(url)
            for attempt in range(self.retries):
                if not _worth_retrying(result):
                    break
                self.sleep(self.backoff * 2**attempt)
                result = self._once(url)
            return result

    def _once(self, url: str) -> Result:
        started = time.monotonic()
        try:
            # An address with letters beyond ASCII (an IRI) is sent as its percent-encoded URI.
            request = urllib.request.Request(
                urllib.parse.quote(url, safe=":/?#[]@!$&'()*+,;=%~"),
                headers={"User-Agent": "timeline-generator link check"},
            )
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                read = 0
                while read < self.body_limit:
                    if time.monotonic() - started > self.timeout:
                        return Result(
                            url, None, "timed out (the answer came too slowly)", response.geturl(), time.time()
                        )
                    chunk = response.read(4096)
                    if not chunk:
                        break
                    read += len(chunk)
                return Result(url, response.status, response.reason or "OK", response.geturl(), time.time())
        except urllib.error.HTTPError as error:
            return Result(url, error.code, str(error.reason), error.geturl() or url, time.time())
        except ValueError as error:  # not an address urllib can send (a broken host, say)
            return Result(url, None, f"not a usable address ({error})", url, time.time())
        except (TimeoutError, urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            words = "timed out" if "timed out" in str(reason) else f"no answer ({reason})"
            if "refused" in str(reason).lower():
                words = "connection refused"
            return Result(url, None, words, url, time.time())


def _worth_retrying(result: Result) -> bool:
    return result.status is None or result.status >= 500 or result.status == 429


def cited_addresses(chronology: Chronology) -> list[Cited]:
    found = []
    for file in (*chronology.events, *chronology.actors):
        for index, source in enumerate(file.sources):
            for name, url in (("url", source.url), ("archived", source.archived)):
                if url:
                    found.append(Cited(url, file, ("sources", index, name), bool(source.archived)))
    return found


def load_cache(path: Path, now: float) -> dict[str, Result]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {url: Result(**entry) for url, entry in data.items() if now - entry["checked"] < DAY}
    except (OSError, ValueError, TypeError, KeyError):
        return {}


def save_cache(path: Path, results: dict[str, Result]) -> None:
    path.write_text(
        json.dumps({url: asdict(r) for url, r in sorted(results.items())}, indent=1) + "\n", encoding="utf-8"
    )


def closest_snapshot(url: str, api: str, timeout: float = 10.0) -> str | None:
    """The Internet Archive's closest snapshot of `url` (its availability API), or None."""
    query = f"{api.rstrip('/')}/wayback/available?url={urllib.parse.quote(url, safe='')}"
    try:
        with urllib.request.urlopen(query, timeout=timeout) as response:
            closest = json.loads(response.read()).get("archived_snapshots", {}).get("closest") or {}
    except (OSError, ValueError, urllib.error.URLError):
        return None
    return closest.get("url") if closest.get("available") else None


def link_problems(
    cited: list[Cited], results: dict[str, Result], suggest: Callable[[str], str | None] | None = None
) -> list[Problem]:
    """One line per address that is dead (an error when its source has no archive) or
    that redirects (a warning)."""
    problems = []
    for entry in cited:
        result = results[entry.url]
        answer = f"{result.status} {result.reason}" if result.status is not None else result.reason
        if not result.alive:
            message = answer + ("; an archived copy is given" if entry.has_archive else "; no archived copy")
            if not entry.has_archive and suggest is not None:
                snapshot = suggest(entry.url)
                message += f"; suggested snapshot: {snapshot}" if snapshot else "; no snapshot found"
            dead_for_good = not entry.has_archive or entry.field[-1] == "archived"
            problems.append(problem_at(entry.file, entry.field, message, warning=not dead_for_good))
        elif result.final != entry.url:
            problems.append(problem_at(entry.file, entry.field, f"redirects to {result.final}", warning=True))
    return sorted(problems, key=Problem.sort_key)


HELP = "check every source's url and archived copy (needs the network)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", type=Path, help="also write every result to this file")
    parser.add_argument("--suggest-archive", action="store_true", help="ask the Internet Archive for a snapshot")
    parser.add_argument("--archive-api", default=os.environ.get("TIMELINE_ARCHIVE_API", ARCHIVE_API))
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for an answer")
    parser.add_argument("--retries", type=int, default=2)
    parser.add_argument("--backoff", type=float, default=1.0, help="seconds before the first retry (then doubled)")
    parser.add_argument("--cache", type=Path, default=Path(CACHE), help=f"results kept for a day (default {CACHE})")


def run(args: argparse.Namespace) -> int:
    chronology, problems = build_chronology(args.content, args.content.as_posix())
    if chronology is None or any(not problem.warning for problem in problems):
        print_problems(problems)
        return 1
    cited = cited_addresses(chronology)
    now = time.time()
    cache = load_cache(args.cache, now)
    wanted = sorted({entry.url for entry in cited} - set(cache))
    checker = Checker(timeout=args.timeout, retries=args.retries, backoff=args.backoff)
    results = {**cache, **checker.check_all(wanted)}
    save_cache(args.cache, results)
    suggest = (lambda url: closest_snapshot(url, args.archive_api, args.timeout)) if args.suggest_archive else None
    found = link_problems(cited, results, suggest)
    dead = print_problems(found)
    if args.json:
        args.json.write_text(json.dumps([asdict(results[url]) for url in sorted(results)], indent=1) + "\n")
    print(
        f"{len(results)} address(es) of {len(cited)} citation(s): {dead} dead without an archived copy, "
        f"{len(found) - dead} warning(s); {len(cache)} from the day's cache"
    )
    return 1 if dead else 0
