"""Hostile input on the verify door: a published site's build.json and SHA256SUMS are
checked field by field and line by line, read within bounds of bytes and time, and
nothing from them reaches git as an option; build.json says when the build had files
that are not committed."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from generator.commands.verify import VerifyError, fetch, parse_checksums, read_record
from tests.conftest import REPO, build_strict, event_file, handler_server, static_server

DIGEST = "a" * 64


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"commit": "--pathspec-from-file=/etc/passwd", "date": 1}, "is not a commit id"),
        ({"commit": "HEAD", "date": 1}, "is not a commit id"),
        ({"commit": "a" * 40, "date": "tomorrow"}, "is not seconds since 1970"),
        ({"commit": "a" * 40, "date": 10**400}, "is not seconds since 1970"),
        ({"commit": "a" * 40, "date": -1}, "is not seconds since 1970"),
        ({"commit": "a" * 40, "date": True}, "is not seconds since 1970"),
        ({"commit": "a" * 40, "changed": "no"}, "expected true or false"),
        (["a" * 40], "expected a JSON object"),
        ({"date": 1}, "names no commit"),
    ],
)
def test_every_field_of_build_json_is_checked(record, message):
    with pytest.raises(VerifyError, match=message):
        read_record(json.dumps(record).encode(), "build.json")


def test_a_build_json_nested_past_the_recursion_limit_is_one_error():
    with pytest.raises(VerifyError, match="not JSON"):
        read_record(b"[" * 100_000, "build.json")


def test_a_good_build_json_is_read():
    assert read_record(json.dumps({"commit": "b" * 40, "changed": True, "date": 5}).encode(), "x") == (
        "b" * 40,
        True,
        5,
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"{DIGEST}  index.html\n{DIGEST}  index.html\n", "listed twice"),
        (f"{DIGEST}  index.html\nnot a line\n", ":2: not a checksum line"),
        (f"{DIGEST} index.html\n", ":1: not a checksum line"),
        (f"{DIGEST[:-1]}  index.html\n", ":1: not a checksum line"),
        (f"{DIGEST}  a\\nb\n", ":1: not a checksum line"),
        (f"{DIGEST}  index.html\n\n", ":2: not a checksum line"),
    ],
)
def test_a_checksum_file_with_malformed_or_repeated_lines_is_refused(text, message):
    with pytest.raises(VerifyError, match=message):
        parse_checksums(text, "SHA256SUMS")


class Trickle(BaseHTTPRequestHandler):
    """Answers slowly (a byte every 0.2 s, for ever) or endlessly fast, by path."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        try:
            while True:
                self.wfile.write(b"x" if self.path == "/slow" else b"x" * 65536)
                self.wfile.flush()
                if self.path == "/slow":
                    time.sleep(0.2)
        except OSError:
            return


@pytest.fixture
def trickle():
    with handler_server(ThreadingHTTPServer, Trickle) as url:
        yield url


def test_a_trickling_answer_meets_a_deadline_for_the_whole_request(trickle):
    started = time.monotonic()
    with pytest.raises(VerifyError, match="no complete answer within 1 s"):
        fetch(f"{trickle}/slow", limit=10**9, seconds=1)
    assert time.monotonic() - started < 3


def test_an_endless_answer_is_cut_at_its_limit(trickle):
    with pytest.raises(VerifyError, match="larger than 1,000,000 bytes"):
        fetch(f"{trickle}/fast", limit=1_000_000, seconds=30)


def test_verify_passes_nothing_from_build_json_to_git_as_an_option(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "build.json").write_text(json.dumps({"commit": "--pathspec-from-file=/etc/passwd", "date": 0}))
    (site / "SHA256SUMS").write_text(f"{DIGEST}  index.html\n")
    with static_server(site) as url:
        done = subprocess.run(
            [sys.executable, "-m", "generator", "verify", url, "--project", str(REPO)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1
    assert "is not a commit id" in done.stderr and "root:" not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_an_untracked_content_file_marks_the_build_as_changed(tmp_path):
    git = ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.org"]
    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    build_strict(tmp_path, {"a.md": event_file("A", "2023-01-01")}, {})
    (tmp_path / ".gitignore").write_text("/site/\n")
    subprocess.run([*git, "add", "--all"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "first"], cwd=tmp_path, check=True)
    committed = build_strict(tmp_path, {}, {})
    assert json.loads((committed.site / "build.json").read_text())["changed"] is False
    untracked = build_strict(tmp_path, {"b.md": event_file("B", "2023-01-02")}, {})
    assert json.loads((untracked.site / "build.json").read_text())["changed"] is True


def test_a_checksum_file_whose_digests_were_changed_is_found(tmp_path):
    """The served files are untouched; only SHA256SUMS says another digest for one of them."""
    from tests.site.test_provenance import published_copy

    project = published_copy(tmp_path)
    sums = project / "site" / "SHA256SUMS"
    lines = sums.read_text().splitlines()
    index = next(number for number, line in enumerate(lines) if line.endswith("  index.html"))
    lines[index] = "0" * 64 + "  index.html"
    sums.write_text("\n".join(lines) + "\n")
    with static_server(project / "site") as url:
        done = subprocess.run(
            [sys.executable, "-m", "generator", "verify", url, "--project", str(project)],
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "differs: SHA256SUMS" in done.stdout.splitlines()
