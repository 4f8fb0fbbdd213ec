"""`python -m generator links`: are the sources still there?  Checks every source `url`
and `archived` address of the chronology (of events, actors, places and stories), a few
at a time (at most two per host), with timeouts and retries; follows redirects and says
where they lead; remembers results for a day in a file outside the site, so that a rerun
asks nothing again.  Each problem is a
line in the editors' form; with `suggest_archive`, the Internet Archive's availability
API (its address configurable) offers the closest snapshot of a dead source.  Never part
of a build: a build needs no network."""

from __future__ import annotations

import argparse
import contextlib
import http.client
import ipaddress
import json
import os
import re
import socket
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
        """One attempt: the request, its redirects and the start of each answer, all
        within `timeout` seconds together (a server that sends a byte a second is cut off
        by the deadline, not waited for); every failure is a `Result`, never an exception."""
        deadline = time.monotonic() + self.timeout
        seen = [url]
        current = url
        try:
            home = _address_kind(urllib.parse.urlsplit(url).hostname or "")
            for _ in range(MAX_REDIRECTS + 1):
                status, reason, location = self._request(current, deadline)
                if status not in REDIRECTS or location is None:
                    return Result(url, status, reason, current, time.time())
                target = urllib.parse.urljoin(current, location)
                refusal = _redirect_refusal(target, home)
                if refusal:
                    return Result(url, None, f"redirects to {target}: {refusal}", target, time.time())
                if target in seen:
                    return Result(
                        url, None, f"a redirect loop ({' -> '.join(seen[-3:])} -> {target})", target, time.time()
                    )
                seen.append(target)
                current = target
            return Result(url, None, f"more than {MAX_REDIRECTS} redirects", current, time.time())
        except TimeoutError:
            return Result(url, None, "timed out (the answer came too slowly)", current, time.time())
        except (ValueError, UnicodeError) as error:  # not an address that can be sent: a broken host or port
            return Result(url, None, f"not a usable address ({error})", current, time.time())
        except http.client.HTTPException as error:  # too many headers, a huge line, not HTTP at all
            return Result(
                url, None, f"not a usable HTTP answer ({type(error).__name__}: {error})", current, time.time()
            )
        except OSError as error:
            words = "connection refused" if isinstance(error, ConnectionRefusedError) else f"no answer ({error})"
            return Result(url, None, words, current, time.time())

    def _request(self, url: str, deadline: float) -> tuple[int, str, str | None]:
        """(status, reason, Location) of one GET, its body read up to `body_limit` bytes."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{parts.scheme or 'no'} scheme; only http and https addresses are checked")
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        connection = kind(parts.hostname, parts.port, timeout=left)
        # The deadline for the whole exchange: when it passes, the socket is shut, which
        # ends a read that waits on a server sending a byte at a time.
        timer = threading.Timer(left, _shut, args=(connection,))
        timer.start()
        try:
            # An address with letters beyond ASCII (an IRI) is sent as its percent-encoded URI.
            path = urllib.parse.quote(parts.path or "/", safe="/%:@!$&'()*+,;=~") + (
                f"?{urllib.parse.quote(parts.query, safe='=&%+/:@!$()*,;~')}" if parts.query else ""
            )
            connection.request("GET", path, headers={"User-Agent": "timeline-generator link check"})
            response = connection.getresponse()
            read = 0
            while read < self.body_limit:
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunk = response.read1(4096)
                if not chunk:
                    break
                read += len(chunk)
            if time.monotonic() > deadline:
                raise TimeoutError
            return response.status, response.reason or "", response.getheader("Location")
        except (OSError, http.client.HTTPException):
            if time.monotonic() >= deadline:  # the deadline's shut socket: a cut answer
                raise TimeoutError from None
            raise
        finally:
            timer.cancel()
            connection.close()


MAX_REDIRECTS = 10
REDIRECTS = frozenset({301, 302, 303, 307, 308})


def _shut(connection: http.client.HTTPConnection) -> None:
    if connection.sock is not None:
        with contextlib.suppress(OSError):
            connection.sock.shutdown(socket.SHUT_RDWR)


def _address_kind(host: str) -> str:
    """ "private" when `host` is, or resolves to, a loopback, private, link-local or
    reserved address; "public" otherwise (or when it cannot be resolved)."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError, ValueError):
        return "public"
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%")[0])
        if ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_reserved or ip.is_unspecified:
            return "private"
    return "public"


def _redirect_refusal(target: str, home: str) -> str | None:
    """Why a redirect may not be followed: another scheme than http(s) (file:, ftp:), or a
    private address when the source itself is not on one (a public page must not make the
    checker ask this machine's network)."""
    parts = urllib.parse.urlsplit(target)
    if parts.scheme not in ("http", "https"):
        return f"a {parts.scheme or 'schemeless'} address, not followed"
    if home == "public" and _address_kind(parts.hostname or "") == "private":
        return "a private or loopback address, not followed"
    return None


def _worth_retrying(result: Result) -> bool:
    return result.status is None or result.status >= 500 or result.status == 429


def cited_addresses(chronology: Chronology) -> list[Cited]:
    """Every source address of every editor's file: events, actors, places and stories."""
    found = []
    files: tuple[EditorsFile, ...] = (*chronology.events, *chronology.actors, *chronology.places, *chronology.stories)
    for file in files:
        for index, source in enumerate(file.sources):
            for name, url in (("url", source.url), ("archived", source.archived)):
                if url:
                    found.append(Cited(url, file, ("sources", index, name), bool(source.archived)))
    return found


def load_cache(path: Path, now: float) -> dict[str, Result]:
    """The day's results kept in `path`; an entry of another shape, or checked in the
    future, is asked again (the file is the project's, but anyone may have edited it)."""
    try:
        if path.stat().st_size > CACHE_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    kept = {}
    for url, entry in data.items():
        if isinstance(entry, dict) and _cached_shape(entry) and 0 <= now - entry["checked"] < DAY:
            kept[url] = Result(**entry)
    return kept


CACHE_BYTES = 64 * 1024 * 1024


def _cached_shape(entry: dict[str, object]) -> bool:
    status, checked = entry.get("status"), entry.get("checked")
    return (
        set(entry) == {"url", "status", "reason", "final", "checked"}
        and (status is None or (isinstance(status, int) and not isinstance(status, bool)))
        and all(isinstance(entry[key], str) for key in ("url", "reason", "final"))
        and isinstance(checked, int | float)
        and not isinstance(checked, bool)
    )


def save_cache(path: Path, results: dict[str, Result]) -> None:
    path.write_text(
        json.dumps({url: asdict(r) for url, r in sorted(results.items())}, indent=1) + "\n", encoding="utf-8"
    )


def closest_snapshot(url: str, api: str, timeout: float = 10.0) -> str | None:
    """The Internet Archive's closest snapshot of `url` (its availability API), or None:
    whatever the API answers, only an http(s) address is taken from it."""
    query = f"{api.rstrip('/')}/wayback/available?url={urllib.parse.quote(url, safe='')}"
    try:
        with urllib.request.urlopen(query, timeout=timeout) as response:
            answer = json.loads(response.read(1_000_000))
    except (OSError, ValueError, RecursionError, urllib.error.URLError, http.client.HTTPException):
        return None
    snapshots = answer.get("archived_snapshots") if isinstance(answer, dict) else None
    closest = snapshots.get("closest") if isinstance(snapshots, dict) else None
    if not isinstance(closest, dict) or closest.get("available") is not True:
        return None
    snapshot = closest.get("url")
    if not isinstance(snapshot, str) or not SNAPSHOT.match(snapshot):
        return None
    return snapshot


# An address as printed to an editor: http(s), no spaces, quotes or control characters.
SNAPSHOT = re.compile(r"^https?://[^\s\x00-\x1f\x7f-\x9f\"'<>\\]{1,2000}$")


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
