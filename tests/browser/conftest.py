"""The browser tests: Debian's chromium driven by Playwright, offline, on sites served
from this machine; and the axe-core check every page kind goes through."""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

import pytest

# Debian's chromium (or CHROMIUM), offline: the flags make sure no request leaves this machine.
from bench.readers import CHROMIUM, CHROMIUM_FLAGS
from tests.conftest import ARTIFACTS_DIR, REPO, Build, actor_file, build_strict, built_once, event_file, static_server

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (make test does it as root)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def serve_site():
    """serve_site(folder) -> base URL of a static server, stopped after the test."""
    with ExitStack() as stack:
        yield lambda folder: stack.enter_context(static_server(folder))


@pytest.fixture(scope="session")
def sample_url(sample_build):
    """The sample site, served for the whole session."""
    with static_server(sample_build.site) as url:
        yield url


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all("article.tl-card", "cards => cards.filter(c => c.offsetParent).map(c => c.id)")


def shown_in_list(page) -> list[str]:
    """The events the timeline's list shows (the zoom and the filter hide the others)."""
    return page.eval_on_selector_all(
        "li[data-first]", "items => items.filter(i => i.offsetParent).map(i => i.querySelector('article').id)"
    )


def drawn_marks(page) -> list[str]:
    """The ids of the events the overview picture shows a mark for."""
    hrefs = page.eval_on_selector_all(
        "svg a.tl-picture__mark",
        "links => links.filter(a => a.style.display !== 'none').map(a => a.getAttribute('href'))",
    )
    return [href.rstrip("/").split("/")[-1] for href in hrefs]


def axe_violations(page) -> list[tuple]:
    """axe-core's violations on the page as it is now: (rule, impact, elements) each."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


def keep_report(name: str, report: dict) -> None:
    """Write a report to test-artifacts/ for review (CI keeps the folder)."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    (ARTIFACTS_DIR / name).write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="session")
def filter_build(tmp_path_factory) -> Build:
    """Three events, two actors (one with an alias), three tags, two years."""
    events = {
        "strike.md": event_file("Strike", "2023-12-25", "actors: [kataib-hezbollah, united-states]\ntags: [airstrike]"),
        "drone.md": event_file("Drone attack", "2023-12-20", "actors: [kataib-hezbollah]\ntags: [drone]"),
        "statement.md": event_file("Statement", "2022-05", "actors: [united-states]\ntags: [statement]"),
    }
    actors = {
        "kataib-hezbollah.md": actor_file("Kataib Hezbollah", extra="aliases: [KH]"),
        "united-states.md": actor_file("United States", "state"),
    }
    return built_once(tmp_path_factory, "filters", lambda root: build_strict(root, events, actors))


def thirty_strikes() -> tuple[dict[str, str], dict[str, str]]:
    """A chronology for the search index's tests: 30 events over five years, four tags and
    six actors, a third of them "at dawn" (events, actors)."""
    actors = {f"group-{n}.md": actor_file(f"Group {n}") for n in range(6)}
    events = {
        f"e{n}.md": event_file(
            f"Strike number {n}",
            f"20{10 + n % 5}-0{1 + n % 9}-1{n % 10}",
            f"tags: [tag-{n % 4}, shared]\nactors:\n  - id: group-{n % 6}\n",
            body=f"A strike on the bridge{' at dawn' if n % 3 == 0 else ''}.[^src]",
        )
        for n in range(30)
    }
    return events, actors
