"""Names that would take a generated page's place, and a site address that would break
out of Material's attributes, are refused with the file or setting named."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from generator.commands.new import ScaffoldError, new_file
from tests.conftest import actor_file, event_file, run_mkdocs, write_project


@pytest.mark.parametrize(
    ("folder", "text"), [("events", event_file("Index", "2023-12-25")), ("actors", actor_file("Index"))]
)
def test_a_file_named_index_cannot_replace_the_index(tmp_path, folder, text):
    events = {"a.md": event_file("A", "2023-12-25")}
    write_project(
        tmp_path,
        {**events, **({"index.md": text} if folder == "events" else {})},
        {"index.md": text} if folder == "actors" else {},
    )
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0
    assert (
        f"content/{folder}/index.md: this name is kept for a page of the {folder} index; rename the file"
        in build.output
    )
    assert not (tmp_path / "site").exists()


def test_the_scaffold_will_not_write_an_index_page(tmp_path):
    with pytest.raises(ScaffoldError, match="'index' is the name of an index page"):
        new_file(tmp_path, "event", "Index")
    assert not list(tmp_path.rglob("*.md"))


@pytest.mark.parametrize(
    ("site_url", "said"),
    [
        ('https://example.org/"><script>alert(1)</script>', "holds '\"'"),
        ("https://example.org/a b/", "holds U+0020"),
        ("ftp://example.org/", "is not an http or https address"),
        ("https://exa mple.org/", "holds U+0020"),
    ],
)
def test_a_site_url_that_would_break_an_attribute_is_refused(tmp_path, site_url, said):
    write_project(tmp_path, {"a.md": event_file("A", "2023-12-25")}, {})
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    with open(tmp_path / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("site_url: !ENV [SITE_URL, '']\n")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 0
    assert f"site_url (SITE_URL): {site_url[:80]!r}"[:40] in done.stderr and said in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "site").exists()


def test_a_good_site_url_builds(tmp_path):
    write_project(tmp_path, {"a.md": event_file("A", "2023-12-25")}, {})
    with open(tmp_path / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("site_url: https://owner.github.io/chronology/\n")
    assert run_mkdocs(tmp_path, "--strict").returncode == 0
