"""`mkdocs serve`: edits show up, errors are reported and the server recovers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO, actor_file, event_file, mkdocs_env, write_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> BeautifulSoup | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return BeautifulSoup(response.read().decode("utf-8"), "html.parser")
    except OSError:
        return None


def wait_for(condition, timeout: float = 30.0, every: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(every)
    return None


@contextmanager
def serving(root: Path, *options: str) -> Iterator[tuple[str, Path]]:
    """`mkdocs serve` of the project in ``root`` on a free port: its address and its log.
    Stopped at the end as Ctrl-C in a terminal stops it: SIGINT to its process group, so
    that the preview's background search index stops too."""
    port = free_port()
    log_path = root / "serve.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                *options,
                "-f",
                str(root / "mkdocs.yml"),
                "-a",
                f"127.0.0.1:{port}",
            ],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=mkdocs_env(),
            start_new_session=True,  # a process group of its own, as a terminal gives it
        )
        try:
            yield f"http://127.0.0.1:{port}/", log_path
        finally:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@pytest.fixture(params=["full", "dirty"])
def server(tmp_path, request):
    """`mkdocs serve`, rebuilding everything or (--dirtyreload) only the pages an edit touched."""
    write_project(
        tmp_path,
        {
            "strike.md": event_file("First title", "2023-12-25", "actors: [militia]"),
            "other.md": event_file("Other event", "2023-12-20", "actors: [militia]"),
        },
        {"militia.md": actor_file("A militia")},
    )
    with serving(tmp_path, *(["--dirtyreload"] if request.param == "dirty" else [])) as (base, log_path):
        yield tmp_path, base, log_path


def h1_of(base: str, path: str) -> str | None:
    page = fetch(base + path)
    return page.h1.get_text(strip=True) if page and page.h1 else None


def test_edit_shows_then_error_is_reported_and_server_recovers(server):
    root, base, log_path = server
    event = Path(root / "content/events/strike.md")
    assert wait_for(lambda: h1_of(base, "events/strike/") == "First title"), log_path.read_text()

    event.write_text(event.read_text().replace("First title", "Second title"))
    assert wait_for(lambda: h1_of(base, "events/strike/") == "Second title"), log_path.read_text()
    # Every page that shows the title changes with it: the timeline, the actor, the neighbour.
    timeline = fetch(base)
    assert timeline.select_one("#strike .tl-card__title").get_text(strip=True) == "Second title"
    actor = fetch(base + "actors/militia/")
    assert "Second title" in [a.get_text() for a in actor.select(".tl-appearances a")]
    assert "Second title" in fetch(base + "events/other/").select_one("a[rel=next]").get_text()
    # The search index follows each rebuild in the background (the page did not wait for it).
    assert wait_for(lambda: log_path.read_text().count("the preview's search is up to date") >= 2), log_path.read_text()
    with urllib.request.urlopen(base + "pagefind/pagefind-entry.json", timeout=5) as response:
        assert json.loads(response.read())["languages"]

    event.write_text(event.read_text().replace("title: Second title", "tittle: Second title"))
    message = "content/events/strike.md:2: tittle: unknown field"
    assert wait_for(lambda: message in log_path.read_text()), log_path.read_text()
    assert "Traceback" not in log_path.read_text()
    problems = wait_for(lambda: (page := fetch(base)) and page.select(".tl-problems li") and page)
    assert problems, "the preview does not show the problems"
    assert any(message in li.get_text() for li in problems.select(".tl-problems li"))

    event.write_text(event.read_text().replace("tittle: Second title", "title: Mended title"))
    assert wait_for(lambda: h1_of(base, "events/strike/") == "Mended title"), log_path.read_text()


def test_preview_starts_even_when_content_is_broken(tmp_path):
    write_project(tmp_path, {"broken.md": "---\ntitle: [oops\n---\n"}, {})
    with serving(tmp_path) as (base, _):
        page = wait_for(lambda: fetch(base))
        assert page is not None
        assert "content/events/broken.md:2: YAML syntax error" in page.select_one(".tl-problems").get_text()


def test_dirty_preview_rerenders_every_page_a_partial_shows_a_change_on(tmp_path):
    """A partial starts showing one more field of its view; an edit to that field alone
    then re-renders every page that shows the partial (views are compared, not a
    hand-kept list of what each page shows)."""
    events = {
        "strike.md": event_file("Strike", "2023-12-25", "actors: [militia]"),
        "other.md": event_file("Other event", "2023-12-20", "actors: [militia]"),
    }
    write_project(tmp_path, events, {"militia.md": actor_file("A militia", "group")})
    shutil.copytree(REPO / "theme", tmp_path / "theme")
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace(str(REPO / "theme"), str(tmp_path / "theme")))
    with serving(tmp_path, "--dirtyreload") as (base, log_path):
        assert wait_for(lambda: h1_of(base, "events/strike/") == "Strike"), log_path.read_text()
        partial = tmp_path / "theme" / "partials" / "tl-actor-link.html"
        partial.write_text(
            partial.read_text().replace(
                "{{ actor.name }}</a>", '{{ actor.name }} <span class="tl-kind">{{ actor.kind }}</span></a>'
            )
        )
        pages = ["", "years/2023/", "events/strike/", "events/other/"]

        def kinds() -> list[str]:
            shown = []
            for path in pages:
                page = fetch(base + path)
                shown += [span.get_text() for span in page.select(".tl-kind")] if page else ["?"]
            return shown

        assert wait_for(lambda: set(kinds()) == {"group"}), (kinds(), log_path.read_text())
        actor = tmp_path / "content" / "actors" / "militia.md"
        actor.write_text(actor.read_text().replace("kind: group", "kind: state"))
        assert wait_for(lambda: set(kinds()) == {"state"}), (kinds(), log_path.read_text())
        assert len(kinds()) >= 6  # two cards on the timeline, two on the year page, one on each event page
