"""`python -m generator verify URL`: does the site published at URL come from the commit
it names?  Fetches its `build.json`, rebuilds that commit of this repository in a
temporary clone (with the build's date), then fetches every file of the rebuilt site
from URL and compares their SHA-256 with the rebuilt ones.  Pagefind writes a few index
files in an order that varies between runs (Pagefind issue 638): those are counted, not
compared."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from generator.build.provenance import VOLATILE
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
    volatile: int = 0

    @property
    def ok(self) -> bool:
        return not (self.differing or self.missing or self.extra)


def fetch(url: str, timeout: float = 30) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        data: bytes = response.read()
        return data


def verify(site_url: str, project: Path, workers: int = 4) -> Comparison:
    address = SiteAddress(site_url)
    try:
        record = json.loads(fetch(address(BUILD_RECORD)))
        published = parse_checksums(fetch(address(CHECKSUMS)).decode("utf-8"))
    except (OSError, ValueError, urllib.error.URLError) as error:
        raise VerifyError(f"{address(HOME)}: no {BUILD_RECORD} or {CHECKSUMS} to check against ({error})") from error
    commit = record.get("commit")
    if not commit:
        raise VerifyError(f"{address(BUILD_RECORD)} names no commit: the site was not built from a git checkout")
    if record.get("changed"):
        print(f"note: the site was built from {commit} with changes not committed; files may differ", file=sys.stderr)
    rebuilt = rebuild(project, str(commit), int(record.get("date", 0)))

    def served(name: str) -> tuple[str, str | None]:
        try:
            return name, hashlib.sha256(fetch(address(quote(name)))).hexdigest()
        except (OSError, urllib.error.URLError):
            return name, None

    result = Comparison(extra=sorted(name for name in set(published) - set(rebuilt) if not VOLATILE.match(name)))
    names = sorted(name for name in rebuilt if not VOLATILE.match(name))
    result.volatile = len(rebuilt) - len(names)
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
            ["git", "clone", "--quiet", "--no-checkout", str(project.resolve()), str(clone)],
            ["git", "-C", str(clone), "checkout", "--quiet", commit],
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
        return parse_checksums((clone / "site" / CHECKSUMS).read_text(encoding="utf-8"))


def parse_checksums(text: str) -> dict[str, str]:
    found = {}
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        if len(digest) == 64 and name:
            found[name] = digest
    return found


def report(result: Comparison) -> list[str]:
    lines = [f"differs: {name}" for name in result.differing]
    lines += [f"missing from the site: {name}" for name in result.missing]
    lines += [f"in the site's {CHECKSUMS} but not rebuilt: {name}" for name in result.extra]
    summary = f"{result.matching} file(s) match"
    if result.ok:
        summary = f"all {result.matching} files match"
    lines.append(f"{summary}; {result.volatile} Pagefind index file(s) whose order varies were not compared")
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
