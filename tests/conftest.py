"""Shared helpers: build real sites with the real `mkdocs build` into temporary folders."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import textwrap
import threading
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS_DIR = REPO / "test-artifacts"  # screenshots and reports kept by CI for review
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SOURCE_BLOCK = """\
sources:
  - id: src
    title: A test source
    publisher: Test Publisher
"""


@dataclass
class Build:
    returncode: int
    output: str  # stdout and stderr together, as an editor sees them
    root: Path

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, url_path: str) -> BeautifulSoup:
        """Parse the page served at ``url_path`` ("" for the home page, "events/x/")."""
        return BeautifulSoup((self.site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")

    def links(self, url_path: str, selector: str) -> list[str]:
        """Where the links matched by ``selector`` on a page lead, as paths from the site
        root ("actors/iran/"), however the page wrote them."""
        return [urljoin(f"/{url_path}", a["href"]).lstrip("/") for a in self.page(url_path).select(selector)]


def run_mkdocs(root: Path, *args: str) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    return Build(result.returncode, result.stdout + result.stderr, root)


def write_project(root: Path, events: dict[str, str], actors: dict[str, str]) -> Path:
    """A project like the repository's, with these files (name -> whole file text)."""
    # The repository's own configuration, with paths (docs_dir: content) resolved here.
    config = {"INHERIT": str(REPO / "mkdocs.yml"), "theme": {"custom_dir": str(REPO / "theme")}}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for folder, files in (("events", events), ("actors", actors)):
        (root / "content" / folder).mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (root / "content" / folder / name).write_text(text, encoding="utf-8")
    return root


def event_file(title: str, date: str, extra: str = "", body: str = "Something happened.[^src]") -> str:
    """An event file with one source, cited once; ``extra`` is more frontmatter lines."""
    front = f"title: {title}\ndate: '{date}'\n{textwrap.dedent(extra).strip()}\n{SOURCE_BLOCK}"
    return f"---\n{front}---\n\n{body}\n"


def actor_file(name: str, kind: str = "group", extra: str = "", body: str = "Described here.[^src]") -> str:
    front = f"name: {name}\nkind: {kind}\n{textwrap.dedent(extra).strip()}\n{SOURCE_BLOCK}"
    return f"---\n{front}---\n\n{body}\n"


def build_strict(root: Path, events: dict[str, str], actors: dict[str, str], config: str = "") -> Build:
    """Write a project (with extra mkdocs.yml lines), build it with --strict, insist it builds."""
    write_project(root, events, actors)
    if config:
        with open(root / "mkdocs.yml", "a", encoding="utf-8") as file:
            file.write(config)
    build = run_mkdocs(root, "--strict")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture
def build_project(tmp_path):
    """Write a small chronology and build it: build_project(events={...}, actors={...})."""

    def build(events: dict[str, str], actors: dict[str, str], *args: str) -> Build:
        write_project(tmp_path, events, actors)
        return run_mkdocs(tmp_path, *args)

    return build


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Build:
    """The repository's own sample chronology, built once with --strict."""
    root = tmp_path_factory.mktemp("sample")
    for name in ("content", "theme"):
        subprocess.run(["cp", "-r", str(REPO / name), str(root / name)], check=True)
    (root / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    build = run_mkdocs(root, "--strict")
    assert build.returncode == 0, build.output
    return build


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


# --- browser tests: Debian's chromium driven by Playwright, offline -----------------------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (make test does it as root)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@contextmanager
def static_server(folder: Path):
    """A static server for ``folder`` on a free local port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def serve_site():
    """serve_site(folder) -> base URL of a static server, stopped after the test."""
    with ExitStack() as stack:
        yield lambda folder: stack.enter_context(static_server(folder))


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
