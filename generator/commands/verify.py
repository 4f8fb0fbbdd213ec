"""`python -m generator verify URL`: does the site published at URL come from the commit
it names?  Fetches its `build.json`, rebuilds that commit of this repository in a
temporary clone (with the build's date), then fetches every file of the rebuilt site
from URL and compares their SHA-256 with the rebuilt ones: every file, the search index
included (see build/search_canonical.py)."""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from generator.commands.output import fail
from generator.urls import BUILD_RECORD, CHECKSUMS, HOME, SiteAddress


class VerifyError(RuntimeError):
    """The check could not be made (the site or the commit cannot be had); said in one line."""


@dataclass
class Comparison:
    matching: int = 0
    differing: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # rebuilt, but not served by the site
    extra: list[str] = field(default_factory=list)  # listed in the site's SHA256SUMS, not rebuilt

    @property
    def ok(self) -> bool:
        return not (self.differing or self.missing or self.extra)


# What the published site may send before the check gives up on it: an endless or
# trickling answer must not hold the check (or its memory) for ever.
RECORD_BYTES = 64 * 1024
CHECKSUM_BYTES = 256 * 1024 * 1024
FILE_BYTES = 1024 * 1024 * 1024  # GitHub Pages' documented limit for a whole site
SECONDS = 60.0  # for one answer, from the request to its last byte
COMMIT = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")  # SHA-1 or SHA-256, as git names a commit
LATEST = 2**33  # seconds since the epoch: beyond any build's date (the year 2242)


def fetch(url: str, limit: int, seconds: float = SECONDS, sink: Callable[[bytes], object] | None = None) -> bytes:
    """The body at `url`, refused past `limit` bytes or `seconds` in all: a deadline for
    the whole answer, checked after every piece (each read waits `seconds` at most, so a
    server that sends a byte a second is cut off after twice `seconds` at worst); with
    `sink`, each piece goes there instead of being kept."""
    deadline = time.monotonic() + seconds
    kept = bytearray()
    total = 0
    with urllib.request.urlopen(url, timeout=seconds) as response:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise VerifyError(f"{url}: no complete answer within {seconds:.0f} s")
            piece = response.read1(64 * 1024)
            if not piece:
                return bytes(kept)
            total += len(piece)
            if total > limit:
                raise VerifyError(f"{url}: larger than {limit:,} bytes")
            if sink is None:
                kept += piece
            else:
                sink(piece)


def read_record(data: bytes, where: str) -> tuple[str, bool, int]:
    """The commit, the `changed` flag and the date of a build.json, each checked."""
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise VerifyError(f"{where}: not JSON ({error})") from error
    if not isinstance(record, dict):
        raise VerifyError(f"{where}: expected a JSON object with commit, changed and date")
    commit, changed, date = record.get("commit"), record.get("changed", False), record.get("date", 0)
    if commit is None:
        raise VerifyError(f"{where} names no commit: the site was not built from a git checkout")
    if not isinstance(commit, str) or not COMMIT.match(commit):
        raise VerifyError(f"{where}: commit {str(commit)[:80]!r} is not a commit id (40 or 64 hexadecimal digits)")
    if not isinstance(changed, bool):
        raise VerifyError(f"{where}: changed is {str(changed)[:40]!r}; expected true or false")
    if isinstance(date, bool) or not isinstance(date, int) or not 0 <= date < LATEST:
        raise VerifyError(f"{where}: date {str(date)[:40]!r} is not seconds since 1970 (a whole number)")
    return commit, changed, date


def verify(site_url: str, project: Path, workers: int = 4) -> Comparison:
    address = SiteAddress(site_url)
    try:
        commit, changed, date = read_record(fetch(address(BUILD_RECORD), RECORD_BYTES), address(BUILD_RECORD))
        published = parse_checksums(fetch(address(CHECKSUMS), CHECKSUM_BYTES).decode("utf-8"), address(CHECKSUMS))
    except (OSError, UnicodeDecodeError, urllib.error.URLError, http.client.HTTPException) as error:
        raise VerifyError(f"{address(HOME)}: no {BUILD_RECORD} or {CHECKSUMS} to check against ({error})") from error
    if changed:
        print(f"note: the site was built from {commit} with changes not committed; files may differ", file=sys.stderr)
    rebuilt = rebuild(project, commit, date)

    def served(name: str) -> tuple[str, str | None]:
        digest = hashlib.sha256()
        try:
            fetch(address(quote(name)), FILE_BYTES, sink=digest.update)
        except (OSError, urllib.error.URLError, http.client.HTTPException, VerifyError):
            return name, None
        return name, digest.hexdigest()

    result = Comparison(extra=sorted(set(published) - set(rebuilt)))
    names = sorted(rebuilt)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for name, digest in pool.map(served, names):
            if digest is None:
                result.missing.append(name)
            elif digest != rebuilt[name]:
                result.differing.append(name)
            else:
                result.matching += 1
    return result


def rebuild(project: Path, commit: str, date: int) -> dict[str, str]:
    """The digests of `commit` of the repository at `project`, built in a temporary clone."""
    with tempfile.TemporaryDirectory() as work:
        clone = Path(work) / "source"
        steps = [
            ["git", "clone", "--quiet", "--no-checkout", "--", str(project.resolve()), str(clone)],
            # `--detach` and the checked id: nothing from build.json can be read as an option.
            ["git", "-C", str(clone), "checkout", "--quiet", "--detach", commit, "--"],
        ]
        for step in steps:
            done = subprocess.run(step, capture_output=True, text=True, timeout=600)
            if done.returncode != 0:
                raise VerifyError(f"cannot check out {commit} from {project}: {done.stderr.strip()}")
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(date), "PYTHONPATH": str(clone), "NO_MKDOCS_2_WARNING": "1"}
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict"],
            cwd=clone,
            env=env,
            capture_output=True,
            text=True,
            timeout=7200,
        )
        if build.returncode != 0:
            raise VerifyError(f"the commit {commit} does not build here: {build.stderr.strip()[-500:]}")
        listing = (clone / "site" / CHECKSUMS).read_bytes()
        # The checksum file is compared too: a served copy whose digests were changed
        # would otherwise pass, its names being the rebuilt ones.
        return {**parse_checksums(listing.decode("utf-8")), CHECKSUMS: hashlib.sha256(listing).hexdigest()}


def parse_checksums(text: str, where: str = CHECKSUMS) -> dict[str, str]:
    """`sha256sum` lines (`<64 hex>  <name>`), every one of them: a malformed line or a
    name given twice makes the whole file untrustworthy."""
    found: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line and number == text.count("\n") + 1:
            break  # after the last line break
        match = CHECKSUM_LINE.match(line)
        if match is None:
            expected = "'<64 hexadecimal digits>  <file>'"
            raise VerifyError(f"{where}:{number}: not a checksum line ({expected}): {line[:80]!r}")
        digest, name = match.group(1), match.group(2)
        if name in found:
            raise VerifyError(f"{where}:{number}: {name!r} is listed twice")
        found[name] = digest
    return found


CHECKSUM_LINE = re.compile(r"^([0-9a-f]{64})  ([^\x00-\x1f\x7f\\]+)$")


def report(result: Comparison) -> list[str]:
    lines = [f"differs: {name}" for name in result.differing]
    lines += [f"missing from the site: {name}" for name in result.missing]
    lines += [f"in the site's {CHECKSUMS} but not rebuilt: {name}" for name in result.extra]
    summary = f"{result.matching} file(s) match"
    if result.ok:
        summary = f"all {result.matching} files match"
    lines.append(f"{summary}, search index included")
    return lines


HELP = "rebuild the commit a published site names and compare every file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", help="the published site's address, e.g. https://owner.github.io/repo/")
    parser.add_argument("--project", type=Path, default=Path("."), help="the git repository (default: here)")


def run(args: argparse.Namespace) -> int:
    try:
        result = verify(args.url, args.project)
    except VerifyError as error:
        return fail(str(error))
    print("\n".join(report(result)))
    return 0 if result.ok else 1
