"""First published and last updated, from the git history of each file (never the
clock); said when the history is missing; a link to it when the site gives one."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import actor_file, add_config, event_file, run_mkdocs, write_project
from tests.site.conftest import git


def history(build, path):
    shown = build.page(path).select_one(".tl-history")
    return " ".join(shown.get_text().split()) if shown else None


@pytest.fixture(scope="module")
def committed(tmp_path_factory):
    root = tmp_path_factory.mktemp("history")
    write_project(root, {"strike.md": event_file("Strike", "2023-12-25")}, {"wire.md": actor_file("Wire")})
    add_config(root, "plugins:\n  - timeline:\n      locale: en_GB\n      history_url: https://example.org/h/{path}\n")
    git(root, "init", "--quiet")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "first", when="2024-05-03T10:00:00Z")
    strike = root / "content/events/strike.md"
    strike.write_text(strike.read_text().replace("Something happened.", "Something else happened."))
    git(root, "commit", "--quiet", "-am", "second", when="2024-06-10T10:00:00Z")
    (root / "content/events/draft.md").write_text(event_file("Draft", "2023-12-26"))
    build = run_mkdocs(root, "--strict")
    assert build.returncode == 0, build.output
    return build


def test_first_published_and_last_updated_from_the_commits(committed):
    assert history(committed, "events/strike/") == (
        "First published 3 May 2024; last updated 10 June 2024; history of the file."
    )
    assert history(committed, "actors/wire/") == "First published 3 May 2024; history of the file."
    link = committed.page("events/strike/").select_one(".tl-history a")["href"]
    assert link == "https://example.org/h/content/events/strike.md"


def test_a_file_not_committed_yet_says_so(committed):
    assert history(committed, "events/draft/").startswith("Publication dates not known: the file is not committed yet")


def test_a_shallow_clone_says_so(committed, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", f"file://{committed.root}", str(clone)], check=True)
    build = run_mkdocs(clone, "--strict")
    assert build.returncode == 0, build.output
    assert history(build, "events/strike/").startswith(
        "Publication dates not known: the site was built from a clone without its history"
    )


def test_outside_git_says_so(tmp_path):
    write_project(tmp_path, {"a.md": event_file("A", "2023-01-01")}, {})
    build = run_mkdocs(tmp_path, "--strict")
    assert history(build, "events/a/").startswith("Publication dates not known: the site was not built from a git")


def test_a_history_url_without_the_path_is_refused(tmp_path):
    write_project(tmp_path, {"a.md": event_file("A", "2023-01-01")}, {})
    add_config(tmp_path, "plugins:\n  - timeline:\n      history_url: https://example.org/commits\n")
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0 and "history_url" in build.output and "{path}" in build.output
