"""The preview through its life: content/ deleted and made again is still watched, and
stopping the preview (SIGTERM, Ctrl-C) stops its background search indexer too."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import event_file, write_project
from tests.site.test_serve import fetch, free_port, wait_for


def serve(root, port):
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=(root / "serve.log").open("w"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def title(base: str, path: str) -> str | None:
    page = fetch(base + path)
    heading = page.select_one("h1") if page else None
    return heading.get_text(strip=True) if heading else None


def test_content_deleted_and_made_again_is_still_watched(tmp_path):
    write_project(tmp_path, {"a.md": event_file("First", "2023-01-01")}, {})
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    process = serve(tmp_path, port)
    try:
        assert wait_for(lambda: title(base, "events/a/") == "First"), (tmp_path / "serve.log").read_text()
        shutil.rmtree(tmp_path / "content")
        time.sleep(2)  # the preview notices the folder is gone
        # The folder made anew, mkdocs.yml untouched (MkDocs watches that file itself).
        (tmp_path / "content" / "events").mkdir(parents=True)
        (tmp_path / "content" / "actors").mkdir()
        (tmp_path / "content" / "events" / "b.md").write_text(event_file("Second", "2023-01-02"))
        assert wait_for(lambda: title(base, "events/b/") == "Second"), (tmp_path / "serve.log").read_text()
        edited = tmp_path / "content" / "events" / "b.md"
        edited.write_text(edited.read_text().replace("title: Second", "title: Edited"))
        assert wait_for(lambda: title(base, "events/b/") == "Edited"), (tmp_path / "serve.log").read_text()
    finally:
        process.terminate()
        process.wait(timeout=10)


def pagefind_processes(parent: int) -> list[str]:
    """The Pagefind processes the preview `parent` started (it indexes a folder of its own)."""
    rows = subprocess.run(["ps", "-eo", "pid=,ppid=,args="], capture_output=True, text=True).stdout.splitlines()
    return [row for row in rows if "pagefind" in row and row.split(None, 2)[1] == str(parent)]


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_stopping_the_preview_stops_its_search_indexer(tmp_path, stop):
    events = {
        f"e{n}.md": event_file(f"Event {n}", f"2023-01-{n % 28 + 1:02d}", body=f"Text {n} " * 200 + "[^src]")
        for n in range(1500)
    }
    write_project(tmp_path, events, {})
    port = free_port()
    process = serve(tmp_path, port)
    try:
        running = wait_for(lambda: pagefind_processes(process.pid), timeout=120, every=0.02)
        assert running, (tmp_path / "serve.log").read_text()
        indexer = int(running[0].split()[0])
        process.send_signal(stop)
        process.wait(timeout=20)
        assert wait_for(lambda: not os.path.exists(f"/proc/{indexer}"), timeout=3), running
    finally:
        if process.poll() is None:
            process.kill()
