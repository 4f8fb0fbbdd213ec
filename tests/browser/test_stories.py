"""A story step by step in Chromium: the buttons, the arrow keys (the other way round right
to left), scrolling, the step in the address (#step-3) and back, the focus on the step's
heading, the overview following the current step; axe with no violation in light, dark
and Arabic; no request to another host; and without JavaScript, the same page unchanged."""

from __future__ import annotations

import textwrap
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import axe_violations, keep_report
from tests.conftest import SOURCE_BLOCK, Build, actor_file, build_strict, built_once, event_file

EVENTS = {
    "drone.md": event_file("Drone attack", "2023-12-20"),
    "strike.md": event_file("Strike", "2023-12-25"),
    "talks.md": event_file("Talks", "XXXX-12"),
    "earlier.md": event_file("Earlier strikes", "2021-02"),
    "statement.md": event_file("Statement", "2022-06-01"),
}
SENTENCES = " ".join(["What the article says of it, in a sentence of some length.[^src]"] * 12)
STEPS = ["drone", "talks", "strike", "earlier", "statement", "strike"]
STORY = "stories/s/"


def story() -> str:
    steps = "".join(f"  - event: {event}\n    text: {SENTENCES}\n" for event in STEPS)
    steps += f"  - actor: kh\n    text: {SENTENCES}\n"
    front = f"title: From the drone to the strikes\nsummary: A drone, then the strikes.\nsteps:\n{steps}{SOURCE_BLOCK}"
    return f"---\n{front}---\n\n{textwrap.dedent('An introduction.[^src]')}\n"


@pytest.fixture(scope="session")
def story_build(tmp_path_factory) -> Build:
    return built_once(
        tmp_path_factory,
        "story",
        lambda root: build_strict(root, EVENTS, {"kh.md": actor_file("KH")}, stories={"s.md": story()}),
    )


@pytest.fixture
def story_url(story_build, serve_site) -> str:
    return serve_site(story_build.site) + STORY


def open_story(page, url: str) -> None:
    """Open a story's page and wait for its script (loaded after the page's main module)."""
    page.goto(url)
    page.wait_for_selector(".tl-story__controls:not([hidden])")


def current(page) -> dict:
    """What the page shows as the current step: the address's step, the status, the marked
    step, the focused element, the marked overview marks."""
    return page.evaluate(
        """() => ({
          hash: location.hash,
          status: document.querySelector('.tl-story__status').textContent,
          marked: [...document.querySelectorAll('li.tl-step--current')].map(li => li.id),
          focused: document.activeElement.closest('li.tl-step') ? document.activeElement.closest('li.tl-step').id
                   + ' ' + document.activeElement.tagName : document.activeElement.tagName,
          marks: [...document.querySelectorAll('a.tl-picture__mark--current')].map(a => a.getAttribute('href')),
        })"""
    )


def test_the_buttons_move_step_by_step_and_back_returns(browser, story_url):
    page = browser.new_page()
    open_story(page, story_url)
    controls = page.locator(".tl-story__controls")
    assert controls.is_visible()
    assert page.locator("[data-step=previous]").is_disabled()
    page.click("[data-step=next]")
    shown = current(page)
    assert shown["hash"] == "#step-1" and shown["status"] == "Step 1 of 7" and shown["marked"] == ["step-1"]
    assert shown["focused"] == "step-1 H2"  # the focus goes to the step's heading
    assert shown["marks"] == ["../../events/drone/"]
    page.click("[data-step=next]")
    page.click("[data-step=next]")
    shown = current(page)
    assert shown["hash"] == "#step-3" and shown["focused"] == "step-3 H2"
    assert shown["marks"] == ["../../events/strike/"]  # told at steps 3 and 6: one mark, current
    # Each move was a history entry: back returns to the step before.
    page.go_back()
    page.wait_for_function("location.hash === '#step-2'")
    assert current(page)["marked"] == ["step-2"]
    # The status is said to screen readers.
    assert page.get_attribute(".tl-story__status", "aria-live") == "polite"
    page.close()


def test_the_overview_moves_to_the_current_steps_event(browser, story_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    open_story(page, story_url + "#step-4")  # the strikes of February 2021, on an axis of three years
    page.wait_for_function("document.querySelector('.tl-zoom__status').textContent !== ''")
    assert "2021" in page.text_content(".tl-zoom__status")
    assert current(page)["marks"] == ["../../events/earlier/"]
    assert "?" not in page.url  # the story's state is its step; the zoom stays out of the address
    # The mark is inside the picture's drawn width, and its number moved with it.
    box = page.evaluate(
        """() => { const a = document.querySelector('a.tl-picture__mark--current');
                   const c = a.querySelector('circle, rect'); const t = a.querySelector('text');
                   return {x: Number(c.getAttribute('cx') ?? c.getAttribute('x')), n: Number(t.getAttribute('x'))}; }"""
    )
    assert 24 <= box["x"] <= 676 and box["n"] > box["x"]
    page.close()


def test_arrow_keys_move_and_swap_right_to_left(browser, story_url, arabic_build, serve_site):
    page = browser.new_page()
    open_story(page, story_url)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert current(page)["hash"] == "#step-2"
    page.keyboard.press("ArrowLeft")
    assert current(page)["hash"] == "#step-1"
    assert current(page)["focused"] == "step-1 H2"
    # Right to left, the arrow pointing forward is the left one.
    open_story(page, serve_site(arabic_build.site) + "stories/raids/")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert current(page)["hash"] == "#step-2"
    page.keyboard.press("ArrowRight")
    shown = current(page)
    assert shown["hash"] == "#step-1" and shown["status"] == "الخطوة 1 من 4"
    page.close()


def test_scrolling_makes_the_step_in_view_current_in_place(browser, story_url):
    page = browser.new_page(viewport={"width": 412, "height": 823})
    open_story(page, story_url)
    entries = page.evaluate("history.length")
    page.evaluate("document.getElementById('step-5').scrollIntoView({block: 'start'})")
    page.wait_for_function("location.hash === '#step-5'")
    assert current(page)["marked"] == ["step-5"]
    page.evaluate("document.getElementById('step-2').scrollIntoView({block: 'start'})")
    page.wait_for_function("location.hash === '#step-2'")
    assert page.evaluate("history.length") == entries  # the address rewritten, no entry per step
    page.close()


def test_opening_at_a_step_starts_there(browser, story_url):
    page = browser.new_page()
    open_story(page, story_url + "#step-3")
    shown = current(page)
    assert shown["marked"] == ["step-3"] and shown["status"] == "Step 3 of 7"
    top = page.evaluate("document.getElementById('step-3').getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] / 2
    page.click("[data-step=next]")
    assert current(page)["hash"] == "#step-4"
    # A step the story does not have: the page opens at its top, and says why.
    page.goto("about:blank")
    open_story(page, story_url + "#step-99")
    assert page.locator(".tl-story__controls .tl-note").is_visible()
    assert current(page)["marked"] == []
    page.close()


def test_without_javascript_the_page_is_the_built_page(browser, story_url, story_build):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(story_url + "#step-3")
    assert not page.locator(".tl-story__controls").is_visible()
    assert page.locator("li.tl-step").count() == 7
    assert page.locator(".tl-step--current, [tabindex='-1']").count() == 0
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_while_stepping(browser, story_url, arabic_build, serve_site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    report = {}
    for name, url in (("story", story_url), ("arabic", serve_site(arabic_build.site) + "stories/raids/")):
        open_story(page, url)
        report[f"{name}, opened"] = axe_violations(page)
        page.click("[data-step=next]")
        page.click("[data-step=next]")
        report[f"{name}, at step 2"] = axe_violations(page)
        page.goto(url + "step-1/")
        report[f"{name}, a step's page"] = axe_violations(page)
    page.set_viewport_size({"width": 412, "height": 823})
    open_story(page, story_url + "#step-2")
    report["story, phone"] = axe_violations(page)
    context.close()
    keep_report(f"axe-story-{scheme}.json", report)
    assert report == {name: [] for name in report}


def test_no_request_leaves_the_site(browser, story_url):
    page = browser.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(story_url + "#step-2", wait_until="networkidle")
    page.click("[data-step=next]")
    page.goto(story_url + "step-3/", wait_until="networkidle")  # goes on to the step in its story
    assert page.url.endswith(STORY + "#step-3")
    assert hosts == {urlsplit(story_url).netloc}
    page.close()


def test_a_story_of_fifty_steps_keeps_to_its_budget(browser, tmp_path):
    """Issue 24's budget: at most 300 KB (gzip) before the reader does anything, nothing from
    another host (bench/stories.py measures Lighthouse too, over 1,000 events)."""
    from bench.readers import served
    from bench.stories import STORY as BENCH_STORY
    from bench.stories import transfer, write_project
    from tests.conftest import run_mkdocs

    write_project(tmp_path, 200, 50)
    built = run_mkdocs(tmp_path, "--strict")
    assert built.returncode == 0, built.output
    with served(tmp_path / "site") as base:
        figures = transfer(base, BENCH_STORY, browser)
    keep_report("story-50-steps.json", figures)
    assert figures["transferred_bytes"] <= 300 * 1024
    assert figures["hosts"] == [urlsplit(base).netloc]


def test_a_map_on_the_page_follows_the_current_step(browser, story_url):
    """The hook for a map drawn at build time (partials/tl-map.html, not on this page yet):
    its marks of the current step's event are marked current, the others not."""
    page = browser.new_page()
    open_story(page, story_url)
    page.evaluate(
        """() => { const map = document.createElement('div');
                   map.innerHTML = '<a class="tl-map__mark" data-events="drone talks" href="#">A</a>'
                                 + '<a class="tl-map__mark" data-events="strike" href="#">B</a>';
                   document.querySelector('.tl-story__guide').append(map); }"""
    )
    current_marks = "[...document.querySelectorAll('a.tl-map__mark--current')].map(a => a.textContent)"
    page.click("[data-step=next]")
    assert page.evaluate(current_marks) == ["A"]
    page.click("[data-step=next]")
    page.click("[data-step=next]")
    assert page.evaluate(current_marks) == ["B"]
    page.keyboard.press("ArrowRight")  # step 4: earlier strikes, on no map mark
    assert page.evaluate(current_marks) == []
    page.close()
