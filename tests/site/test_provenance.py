"""A site anyone can verify: SHA256SUMS and build.json in every build, and `verify`
rebuilding the commit a published copy names and finding a changed byte."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests.conftest import REPO, build_strict, event_file, static_server


def test_every_file_has_its_checksum_and_the_build_its_record(tmp_path):
    build = build_strict(tmp_path, {"a.md": event_file("A", "2023-01-01")}, {})
    checked = subprocess.run(
        ["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=build.site, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    listed = {line.split("  ", 1)[1] for line in (build.site / "SHA256SUMS").read_text().splitlines()}
    files = {path.relative_to(build.site).as_posix() for path in build.site.rglob("*") if path.is_file()}
    assert listed == files - {"SHA256SUMS"} and "build.json" in listed
    record = json.loads((build.site / "build.json").read_text())
    assert record == {"commit": None, "changed": False, "date": record["date"], "generator": record["generator"]}
    assert record["generator"].startswith("timeline-generator ")
    assert build.page("").find("meta", attrs={"name": "generator", "content": record["generator"]})


def published_copy(tmp_path):
    """The repository's files as a fresh git repository, built: what a CI would publish."""
    project = tmp_path / "repository"
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    for name in filter(None, tracked.stdout.split("\0")):
        if (REPO / name).is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, project / name)
    git = ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.org"]
    subprocess.run(["git", "init", "--quiet"], cwd=project, check=True)
    subprocess.run([*git, "add", "--all"], cwd=project, check=True)
    subprocess.run([*git, "commit", "--quiet", "--message", "published"], cwd=project, check=True)
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict"], cwd=project, env=env, check=True)
    return project


def verify(url: str, project) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "verify", url, "--project", str(project)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_verify_matches_a_published_copy_and_finds_a_changed_byte(tmp_path):
    project = published_copy(tmp_path)
    record = json.loads((project / "site" / "build.json").read_text())
    assert len(record["commit"]) == 40 and record["changed"] is False
    with static_server(project / "site") as url:
        same = verify(url, project)
        assert same.returncode == 0, same.stdout + same.stderr
        assert same.stdout.splitlines()[-1].startswith("all ") and " files match" in same.stdout
        page = project / "site" / "index.html"
        page.write_bytes(page.read_bytes().replace(b"<body", b"<body ", 1))  # one byte more
        altered = verify(url, project)
    assert altered.returncode == 1
    assert "differs: index.html" in altered.stdout.splitlines()
