"""Hostile servers on the link checker's door: a deadline for the whole request, redirect
loops and redirects to other schemes or to this machine's network are dead, a broken
answer is one problem line and the run goes on, and what servers say is printed safely."""

from __future__ import annotations

import json
import socketserver
import subprocess
import sys
import time

import pytest

from generator.commands.source_links import Checker, _redirect_refusal, closest_snapshot
from tests.conftest import REPO, handler_server, write_project

REPLIES = {
    "/trickle": None,  # the status line, a byte at a time
    "/loop-a": b"HTTP/1.1 301 Moved\r\nLocation: /loop-b\r\nContent-Length: 0\r\n\r\n",
    "/loop-b": b"HTTP/1.1 301 Moved\r\nLocation: /loop-a\r\nContent-Length: 0\r\n\r\n",
    "/to-file": b"HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n",
    "/headers": b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(150)) + b"\r\n",
    "/long-line": b"HTTP/1.1 200 OK\r\nX-Big: " + b"y" * 200_000 + b"\r\n\r\n",
    "/not-http": b"SSH-2.0-OpenSSH_9.2\r\n",
    "/escape": b"HTTP/1.1 404 Not\x1b[2J\x1b[32mFound\r\nContent-Length: 0\r\n\r\n",
    "/ok": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    "/archive-list": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]",
}


class Scripted(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline().decode("latin-1")
        path = line.split(" ")[1] if line.count(" ") >= 2 else "/"
        path = path.split("?")[0]
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass
        try:
            if path == "/trickle":
                for byte in b"HTTP/1.1 200 OK\r\n" * 100:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
            elif path == "/wayback/available":
                snapshot = {"available": True, "url": "https://web.archive.org/x\nerror: fake line"}
                body = json.dumps({"archived_snapshots": {"closest": snapshot}}).encode()
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            else:
                self.wfile.write(REPLIES.get(path, b"HTTP/1.1 404 Nope\r\nContent-Length: 0\r\n\r\n"))
        except OSError:
            pass


@pytest.fixture(scope="module")
def server():
    with handler_server(socketserver.ThreadingTCPServer, Scripted) as url:
        yield url


def test_a_server_sending_a_byte_at_a_time_meets_the_deadline(server):
    started = time.monotonic()
    result = Checker(timeout=1, retries=0).check(f"{server}/trickle")
    assert result.status is None and "timed out" in result.reason
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/loop-a", "a redirect loop"),
        ("/to-file", "a file address, not followed"),
        ("/headers", "not a usable HTTP answer"),
        ("/long-line", "not a usable HTTP answer"),
        ("/not-http", "not a usable HTTP answer"),
    ],
)
def test_what_is_not_a_live_page_is_dead_in_one_result(server, path, said):
    result = Checker(timeout=2, retries=0).check(f"{server}{path}")
    assert not result.alive and said in result.reason, result


@pytest.mark.parametrize("url", ["http://%00/", "http://127.0.0.1:1a/", "http://[::1/", "gopher://example.org/"])
def test_an_address_that_cannot_be_sent_is_one_result(url):
    result = Checker(timeout=1, retries=0).check(url)
    assert result.status is None and not result.alive


def test_redirects_reach_no_private_address_from_a_public_source():
    assert "private or loopback" in (_redirect_refusal("http://127.0.0.1/admin", "public") or "")
    assert "private or loopback" in (_redirect_refusal("http://10.1.2.3/", "public") or "")
    assert "private or loopback" in (_redirect_refusal("http://[::1]/", "public") or "")
    assert _redirect_refusal("http://127.0.0.1/next", "private") is None  # the source is there itself
    assert "not followed" in (_redirect_refusal("ftp://example.org/", "private") or "")


def test_an_archive_answering_a_list_or_a_forged_address_suggests_nothing(server):
    assert closest_snapshot("https://example.org/", f"{server}/archive-list") is None
    assert closest_snapshot("https://example.org/", server) is None  # its url holds a line break


def test_one_broken_answer_does_not_end_the_run_and_nothing_is_printed_raw(tmp_path, server):
    paths = ["/headers", "/long-line", "/not-http", "/escape", "/loop-a", "/to-file", "/ok"]
    sources = "".join(
        f"  - id: s{i}\n    title: S{i}\n    publisher: P\n    url: {server}{path}\n" for i, path in enumerate(paths)
    )
    sources += "  - id: bad\n    title: Bad\n    publisher: P\n    url: http://127.0.0.1:1a/\n"
    cites = "".join(f"[^s{i}]" for i in range(len(paths))) + "[^bad]"
    event = f"---\ntitle: A\ndate: '2023-01-01'\nsources:\n{sources}---\n\nAll.{cites}\n"
    write_project(tmp_path, {"a.md": event}, {})
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--content",
            str(tmp_path / "content"),
            "links",
            "--timeout",
            "2",
            "--retries",
            "0",
            "--cache",
            str(tmp_path / "cache.json"),
            "--suggest-archive",
            "--archive-api",
            server,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    assert "9 address(es) of 9 citation(s)" not in done.stdout and "8 address(es) of 8 citation(s)" in done.stdout
    lines = [line for line in done.stderr.splitlines() if line.startswith(("error: ", "warning: "))]
    assert len(lines) == 7, done.stderr  # every source but /ok, one line each
    assert "\x1b" not in done.stderr and "404 Not\\x1b[2J\\x1b[32mFound" in done.stderr
    assert "error: fake line" not in done.stderr.replace("\\n", "")  # the archive's forged line is not printed


@pytest.mark.parametrize(
    "cache",
    [
        "[1, 2]",
        '"x"',
        '{"https://example.org/": {"url": "https://example.org/", "status": "200", "reason": "OK", "final": "https://example.org/", "checked": 1}}',
        "[" * 100_000,
        '{"https://example.org/": {"url": "https://example.org/", "status": 200, "reason": "OK", "final": "https://example.org/", "checked": 1e300}}',
    ],
)
def test_a_cache_file_of_another_shape_is_asked_again(tmp_path, cache):
    from generator.commands.source_links import load_cache

    path = tmp_path / "cache.json"
    path.write_text(cache)
    assert load_cache(path, time.time()) == {}
