"""`python -m generator links` against a local HTTP server only: 200, a chain of
redirects, 404, 410, a 500 that recovers on retry, a timeout, a refused connection, a
body too slow to come, and the Internet Archive's availability API served locally."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest

from tests.conftest import REPO, write_project

FLAKY = {"count": 0}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/ok":
            self._send(200, b"fine")
        elif path == "/moved":
            self._redirect("/moved-again")
        elif path == "/moved-again":
            self._redirect("/ok")
        elif path == "/gone":
            self._send(404, b"no")
        elif path == "/removed":
            self._send(410, b"gone")
        elif path == "/flaky":
            FLAKY["count"] += 1
            self._send(500 if FLAKY["count"] == 1 else 200, b"maybe")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, b"late")
        elif path == "/dribble":
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"x" * 10)
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/wayback/available":
            target = self.path.split("url=", 1)[1]
            snapshot = (
                {"available": True, "url": f"https://web.archive.org/web/2024/{target}"} if "gone" in target else None
            )
            self._send(200, json.dumps({"archived_snapshots": {"closest": snapshot} if snapshot else {}}).encode())
        else:
            self._send(404, b"?")

    def _send(self, status, body):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, target):
        self.send_response(301)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def source(index: int, url: str, archived: str = "") -> str:
    extra = f"\n    archived: {archived}" if archived else ""
    return f"  - id: s{index}\n    title: Source {index}\n    publisher: P\n    url: {url}{extra}\n"


def project(tmp_path, server):
    urls = {
        "ok": f"{server}/ok",
        "moved": f"{server}/moved",
        "gone": f"{server}/gone",
        "removed": f"{server}/removed",
        "flaky": f"{server}/flaky",
        "slow": f"{server}/slow",
        "refused": f"http://127.0.0.1:{closed_port()}/x",
        "dribble": f"{server}/dribble",
    }
    sources = "".join(source(i, url) for i, url in enumerate(urls.values()))
    sources += source(len(urls), f"{server}/gone?again", archived=f"{server}/ok")  # dead, but archived
    cites = "".join(f"[^s{i}]" for i in range(len(urls) + 1))
    event = f"---\ntitle: A\ndate: '2023-01-01'\nsources:\n{sources}---\n\nAll of them.{cites}\n"
    write_project(tmp_path, {"a.md": event}, {})
    return tmp_path


def links(root, *args):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--content",
            str(root / "content"),
            "links",
            "--timeout",
            "1",
            "--backoff",
            "0.1",
            "--cache",
            str(root / "cache.json"),
            *args,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_answer_is_said_in_the_editors_form(tmp_path, server):
    root = project(tmp_path, server)
    FLAKY["count"] = 0
    done = links(root, "--suggest-archive", "--archive-api", server, "--json", str(root / "report.json"))
    lines = done.stderr.splitlines()
    where = {
        name: f"content/events/a.md:{8 + 4 * index}: sources[{index}].url: "
        for index, name in enumerate(["ok", "moved", "gone", "removed", "flaky", "slow", "refused", "dribble"])
    }
    said = {name: next((line for line in lines if where[name] in line), None) for name in where}
    assert said["moved"], done.stderr
    assert said["ok"] is None and said["flaky"] is None  # a 500 that recovers on retry is fine
    assert said["moved"].startswith("warning: ") and said["moved"].endswith(f"{where['moved']}redirects to {server}/ok")
    assert said["gone"].startswith("error: ") and said["gone"].endswith(
        f"{where['gone']}404 Not Found; no archived copy; suggested snapshot: "
        f"https://web.archive.org/web/2024/{quote(server + '/gone', safe='')}"
    )
    assert f"{where['removed']}410 Gone; no archived copy; no snapshot found" in said["removed"]
    assert f"{where['slow']}timed out" in said["slow"] and said["slow"].startswith("error: ")
    assert f"{where['refused']}connection refused" in said["refused"]
    assert f"{where['dribble']}timed out (the answer came too slowly)" in said["dribble"]
    archived = next(line for line in lines if "sources[8].url" in line)
    assert archived.startswith("warning: ") and "an archived copy is given" in archived
    assert done.returncode == 1  # dead sources without an archived copy
    report = {entry["url"]: entry for entry in json.loads((root / "report.json").read_text())}
    assert report[f"{server}/flaky"]["status"] == 200 and report[f"{server}/moved"]["final"] == f"{server}/ok"


def test_a_rerun_within_a_day_asks_nothing_again(tmp_path, server):
    root = project(tmp_path, server)
    first = links(root)
    second = links(root)
    assert "0 from the day's cache" in first.stdout
    assert "from the day's cache" in second.stdout and "0 from the day's cache" not in second.stdout
    assert first.stderr == second.stderr


def test_the_sources_of_places_and_stories_are_checked_too(tmp_path, server):
    event = f"---\ntitle: A\ndate: '2023-01-01'\nsources:\n{source(0, server + '/ok')}---\n\nHappened.[^s0]\n"
    place = f"---\nname: Erbil\nsources:\n{source(0, server + '/gone')}---\n\nA city.[^s0]\n"
    write_project(tmp_path, {"a.md": event}, {}, {"erbil.md": place})
    story = (
        "---\ntitle: The story\nsteps:\n  - event: a\n    text: First.[^s0]\n"
        f"sources:\n{source(0, server + '/removed')}---\n"
    )
    (tmp_path / "content" / "stories").mkdir()
    (tmp_path / "content" / "stories" / "told.md").write_text(story)
    done = links(tmp_path)
    assert "content/places/erbil.md:7: sources[0].url: 404 Not Found" in done.stderr, done.stderr
    assert "content/stories/told.md:10: sources[0].url: 410 Gone" in done.stderr, done.stderr
    assert "content/events/a.md" not in done.stderr and done.returncode == 1
