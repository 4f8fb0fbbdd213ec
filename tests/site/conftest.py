"""Helpers of the site tests: builds of small chronologies, and checks of a built site's links."""

from __future__ import annotations

import hashlib
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO, Build, frontmatter_of, run_generator, run_mkdocs, write_project


@pytest.fixture
def build_project(tmp_path):
    """Write a small chronology and build it: build_project(events={...}, actors={...})."""

    def build(events: dict[str, str], actors: dict[str, str], *args: str) -> Build:
        write_project(tmp_path, events, actors)
        return run_mkdocs(tmp_path, *args)

    return build


# The sample chronology's files, as the site tests read them.
SAMPLE_EVENTS = {p.stem: frontmatter_of(p) for p in sorted((REPO / "content/events").glob("*.md"))}
SAMPLE_ACTORS = {p.stem: frontmatter_of(p) for p in sorted((REPO / "content/actors").glob("*.md"))}


def git(root: Path, *args: str, when: str | None = None) -> str:
    """Run git in ``root`` as an editor would; ``when`` dates the commit (ISO 8601). Its output."""
    env = {**os.environ}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    done = subprocess.run(
        ["git", "-c", "user.name=Editor", "-c", "user.email=e@example.org", *args],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def snapshot(site: Path) -> dict[str, str]:
    """Every file of a folder and the SHA-256 of its bytes."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def internal_href(href: str | None) -> bool:
    return bool(href) and not href.startswith(("http://", "https://", "mailto:", "//", "javascript:", "geo:"))


def _internal_refs(site: Path):
    """(page, href, target file, fragment) for every internal link, script and image of a site."""
    for page_path in sorted(site.rglob("*.html")):  # every page, the 404 page too (its links start at the root)
        soup = BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser")
        base = page_path.relative_to(site).as_posix()
        for tag in soup.find_all(["a", "link", "script", "img"]):
            ref = tag.get("href") or tag.get("src")
            if (ref or "").startswith("//"):  # another site: a link meant for this one, joined wrongly
                yield base, ref, None, ""
                continue
            if not internal_href(ref):
                continue
            url, fragment = urldefrag(urljoin(f"http://site.invalid/{base}", ref))
            path = unquote(urlparse(url).path).lstrip("/")
            target = site / path
            if target.is_dir() or not path or path.endswith("/"):
                target = target / "index.html"
            yield base, ref, target, fragment


def broken_links(site: Path) -> list[str]:
    """Every internal link of a built site that leads nowhere: a missing file, or a
    #fragment no element of the target page has (within the page too)."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for base, ref, target, fragment in _internal_refs(site):
        if target is None or not target.exists():
            broken.append(f"{base}: broken link {ref}")
            continue
        if fragment and target.suffix == ".html":
            if target not in ids:
                soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                ids[target] = {tag["id"] for tag in soup.find_all(id=True)}
            if fragment not in ids[target]:
                broken.append(f"{base}: broken fragment {ref}")
    return broken


def count_internal_links(site: Path) -> int:
    return sum(1 for _ in _internal_refs(site))


@dataclass
class Refusals:
    """What a build (--strict) and the check said of a project whose files are refused,
    each for its own reason, and whether the site from before was left as it was."""

    build: Build
    checked: subprocess.CompletedProcess[str]
    site_unchanged: bool
    staging_left: list[Path]

    def assert_refused(self, shown: str, *fragments: str) -> str:
        """Build and check failed without a traceback, each fragment is said on a line of
        the file ``shown`` (as problem lines show it), and the previous site is untouched.
        Returns the build's line about the file (the first with each fragment)."""
        lines = []
        for output, code in (
            (self.build.output, self.build.returncode),
            (self.checked.stderr, self.checked.returncode),
        ):
            assert code != 0, output
            assert "Traceback" not in output, output
            for fragment in fragments or ("",):
                said = [line for line in output.splitlines() if shown in line and fragment in line]
                assert said, (shown, fragment, output)
                lines.append(said[0])
        assert self.site_unchanged and not self.staging_left
        return lines[0]


def build_and_check(root: Path) -> Refusals:
    """Build the project in ``root`` with --strict and check its content, each once."""
    before = snapshot(root / "site")
    build = run_mkdocs(root, "--strict")
    checked = run_generator("--content", "content", "check", cwd=root)
    return Refusals(build, checked, snapshot(root / "site") == before, list(root.glob(".site.building-*")))
