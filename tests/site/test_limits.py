"""The limits with the real MkDocs: files each at a limit (a 1 MiB file, a body at each
limit of nesting, brackets and footnotes, the longest lists that need no other file)
build with --strict, rendered by Python-Markdown and indexed by Pagefind; files each one
past a limit are refused, each on its line, by the build and by the check, and the site
from before stays as it was (tests/unit/test_limits.py: every limit through the pipeline)."""

from __future__ import annotations

import pytest

from tests.conftest import Build, run_mkdocs, write_project
from tests.limit_cases import LIMITS, YAML_LIMITS, Files, with_front
from tests.site.conftest import Refusals, build_and_check


def slug(name: str) -> str:
    return name.replace(" ", "-").lower()


def renamed(name: str, files: Files) -> Files:
    """Only the case's own file, named after the case."""
    return tuple({f"{slug(name)}.md": text for file, text in named.items() if file == "case.md"} for named in files)


# The cases whose file at the limit names no other file.
ON_THEIR_OWN = [name for name, (limit, files, _) in LIMITS.items() if sum(map(len, files(limit))) == 1]


@pytest.fixture(scope="module")
def at_the_limits(tmp_path_factory) -> Build:
    events, actors = {}, {}
    for name in ON_THEIR_OWN:
        limit, files, _ = LIMITS[name]
        case_events, case_actors = renamed(name, files(limit))
        events |= case_events
        actors |= case_actors
    root = write_project(tmp_path_factory.mktemp("at-the-limits"), events, actors)
    build = run_mkdocs(root, "--strict")
    assert build.returncode == 0, build.output
    return build


def test_the_cases_on_their_own_are_most_limits():
    assert {"file bytes", "tags", "aliases", "sources", "body indentation", "footnote references"} <= set(ON_THEIR_OWN)


@pytest.mark.parametrize("name", ON_THEIR_OWN)
def test_at_the_limit_a_page_is_built(at_the_limits, name):
    limit, files, _ = LIMITS[name]
    folder = "actors" if files(limit)[1] else "events"
    page = at_the_limits.page(f"{folder}/{slug(name)}/")
    assert page.h1.get_text() == ("Long" if name == "file bytes" else "Case")
    if folder == "events":
        assert page.select_one(".tl-body").get_text(strip=True)


@pytest.fixture(scope="module")
def past_the_limits(tmp_path_factory) -> Refusals:
    events, actors = {}, {}
    for name, (limit, files, _) in LIMITS.items():
        case_events, case_actors = renamed(name, files(limit + 1))
        events |= case_events
        actors |= case_actors
    for name, (make, limit, _) in YAML_LIMITS.items():
        events[f"{slug(name)}.md"] = with_front(make(limit + 1))
    root = write_project(tmp_path_factory.mktemp("past-the-limits"), events, actors)
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    return build_and_check(root)


@pytest.mark.parametrize("name", list(LIMITS))
def test_one_past_the_limit_the_build_refuses_the_file(past_the_limits, name):
    limit, _, message = LIMITS[name]
    past_the_limits.assert_refused(message(limit + 1).replace("/case.md", f"/{slug(name)}.md"))


@pytest.mark.parametrize("name", list(YAML_LIMITS))
def test_one_past_a_frontmatter_limit_the_build_refuses_the_file(past_the_limits, name):
    _, _, refusal = YAML_LIMITS[name]
    past_the_limits.assert_refused(f"content/events/{slug(name)}.md:8: {refusal}")
