"""Stories: a page per story readable without JavaScript (its steps in the editor's order,
each with what it tells of and the editor's footnoted words), links both ways, the
embed, the stories index, and the editor's mistakes."""

from __future__ import annotations

import re
import textwrap

import pytest
import yaml

from tests.conftest import (
    REPO,
    SOURCE_BLOCK,
    Build,
    actor_file,
    build_strict,
    event_file,
    run_generator,
    run_mkdocs,
    write_project,
)

STORY = "stories/drone-attack-and-us-strikes/"


def story_file(title: str, steps: str, extra: str = "", body: str = "An introduction.[^src]") -> str:
    front = f"title: {title}\n{textwrap.dedent(extra).strip()}\nsteps:\n{textwrap.indent(textwrap.dedent(steps).strip(), '  ')}\n{SOURCE_BLOCK}"
    return f"---\n{front}---\n\n{body}\n"


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_the_sample_story_reads_without_javascript_in_the_articles_order(sample_build: Build):
    page = sample_build.page(STORY)
    front = yaml.safe_load((REPO / "content" / STORY.rstrip("/")).with_suffix(".md").read_text().split("---")[1])
    steps = page.select("ol.tl-steps > li.tl-step")
    assert [li["id"] for li in steps] == [f"step-{n}" for n in range(1, len(front["steps"]) + 1)]
    # Each step leads to what it tells of, in the file's order.
    wanted = [
        f"{kind}s/{step[kind]}/" for step in front["steps"] for kind in ("event", "place", "actor") if kind in step
    ]
    assert sample_build.links(STORY, "li.tl-step > h2 a") == wanted
    first = steps[0]
    assert words(first.h2).startswith("Step 1 of 12")
    assert "25 December, year not given" in words(first.select_one(".tl-step__facts"))
    # The editor's words are in their step, every sentence with its footnote.
    text = first.select_one(".tl-body")
    assert "On Christmas night the US military launched airstrikes" in words(text)
    assert len(text.select("sup a.footnote-ref")) == 3
    # One list of sources for the whole page, after the steps.
    assert len(page.select("div.footnote")) == 1
    assert page.select_one("ol.tl-steps").find_next("div", class_="footnote") is not None
    assert not page.select("[hidden] .tl-step, .tl-step[hidden]")


def test_every_sentence_of_the_sample_story_is_footnoted(sample_build: Build):
    paragraphs = sample_build.page(STORY).select("li.tl-step .tl-body p")
    assert len(paragraphs) == 12
    for paragraph in paragraphs:
        marks = paragraph.select("sup")
        for mark in marks:
            mark.replace_with("§")
        text = paragraph.get_text().strip()
        assert marks and text.endswith("§"), text
        # Between two marks, one sentence: no sentence ends there without its footnote.
        for sentence in text.split("§"):
            assert re.search(r'[.!?]["”]?\s+["“A-Z]', sentence.strip()) is None, sentence


def test_a_story_and_what_it_tells_link_both_ways(sample_build: Build):
    assert sample_build.links("events/erbil-air-base-drone-attack/", ".tl-told-in a") == [STORY]
    assert sample_build.links("places/erbil-air-base/", ".tl-told-in a") == [STORY]
    assert sample_build.links("actors/kataib-hezbollah/", ".tl-told-in a") == [STORY]
    assert sample_build.page("events/erbil-rocket-attack-us-contractor-killed/").select_one(".tl-told-in")
    assert sample_build.links("stories/", ".tl-stories a") == [STORY]


def test_the_embed_is_the_story_without_the_sites_chrome(sample_build: Build):
    embed = sample_build.page(f"{STORY}embed/")
    assert embed.select_one("base")["target"] == "_top"
    assert embed.select_one("header.md-header") is None
    assert len(embed.select("li.tl-step")) == 12
    assert embed.select_one("[data-pagefind-body]") is None  # found once, at the story's own address
    snippet = sample_build.page(STORY).select_one(".tl-embed pre code").get_text()
    assert 'src="embed/"' in snippet or f"{STORY}embed/" in snippet


def test_a_chronology_without_stories_has_no_stories_pages(tmp_path):
    build = build_strict(tmp_path, {"a.md": event_file("A", "2020-01-01")}, {})
    assert not (build.site / "stories").exists()
    assert "stories/" not in [a.get("href", "") for a in build.page("").select("nav a")]


def test_story_mistakes_name_file_line_field_and_the_likely_fix(tmp_path):
    events = {"strike.md": event_file("Strike", "2020-01-01"), "talks.md": event_file("Talks", "2020-01-02")}
    write_project(tmp_path, events, {"kh.md": actor_file("KH")})
    stories = tmp_path / "content" / "stories"
    stories.mkdir()
    (stories / "s.md").write_text(
        story_file(
            "S",
            """
            - event: strik
              text: It struck.[^src]
            - event: talks
              actor: kh
              text: Two at once.[^src]
            - actor: k-h
              text: Who.[^nope]
            - text: Nothing named.[^src]
            """,
        ),
        encoding="utf-8",
    )
    build = run_mkdocs(tmp_path, "--strict")
    checked = run_generator("--content", "content", "check", cwd=tmp_path)
    for output, code in ((build.output, build.returncode), (checked.stderr, checked.returncode)):
        assert code != 0 and "Traceback" not in output, output
        assert "content/stories/s.md:5: steps[0].event: unknown event 'strik'" in output, output
        assert "did you mean 'strike'?" in output
        assert "content/stories/s.md:7: steps[1]: the step names 2 of event:, place: and actor:" in output
        assert (
            "content/stories/s.md:10: steps[2].actor: unknown actor 'k-h'" in output and "did you mean 'kh'?" in output
        )
        assert "content/stories/s.md:11: steps[2].text: footnote [^nope] names no source" in output
        assert "content/stories/s.md:12: steps[3]: the step names none of event:, place: and actor:" in output
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("kind", ["story"])
def test_the_story_schema_accepts_the_sample(kind):
    import json

    from jsonschema import Draft7Validator

    schema = json.loads((REPO / "generator" / "pipeline" / "schema" / f"{kind}.schema.json").read_text())
    Draft7Validator.check_schema(schema)
    for path in (REPO / "content" / "stories").glob("*.md"):
        data = yaml.load(path.read_text().split("---")[1], Loader=yaml.BaseLoader)
        assert list(Draft7Validator(schema).iter_errors(data)) == [], path


# --- the overview numbered by step, and each step's page for link previews --------------------

DATED_EVENTS = {
    "drone.md": event_file("Drone attack", "2023-12-20"),
    "strike.md": event_file("Strike", "2023-12-25"),
    "talks.md": event_file("Talks", "XXXX-12"),
    "earlier.md": event_file("Earlier strikes", "2021-02"),
}
DATED_STORY = story_file(
    "From the drone to the strikes",
    """
    - event: drone
      text: "A drone struck the base.[^src] *Three* were wounded, **one** critically.[^src]"
    - event: talks
      text: Talks followed.[^src]
    - event: strike
      text: The US struck back.[^src]
    - actor: kh
      text: Who they are.[^src]
    - event: earlier
      text: It had happened before.[^src]
    - event: strike
      text: Back to the strike, once more.[^src]
    """,
    extra="summary: A drone, then the strikes.",
)


@pytest.fixture(scope="module")
def dated_build(tmp_path_factory) -> Build:
    root = tmp_path_factory.mktemp("dated-story")
    config = "site_url: https://example.org/news/\n"
    return build_strict(root, DATED_EVENTS, {"kh.md": actor_file("KH")}, config, stories={"s.md": DATED_STORY})


def test_the_overview_numbers_the_storys_events_and_says_which_it_cannot_place(dated_build: Build):
    page = dated_build.page("stories/s/")
    marks = page.select("figure.tl-picture a.tl-picture__mark")
    by_event = {a["href"].rstrip("/").split("/")[-1]: a for a in marks}
    # Dated events only, each once, numbered by the steps that tell of it (the strike twice).
    assert sorted(by_event) == ["drone", "earlier", "strike"]
    assert by_event["drone"]["data-steps"] == "1"
    assert by_event["strike"]["data-steps"] == "3 6"
    assert by_event["drone"].select_one("text.tl-picture__number").get_text() == "1"
    assert by_event["strike"].select_one("text.tl-picture__number").get_text() == "3, 6"
    # Its name says the steps first, for assistive technology (the drawn number is hidden from it).
    assert by_event["drone"].title.get_text().startswith("Step 1: Drone attack")
    assert by_event["strike"].title.get_text().startswith("Steps 3, 6: Strike")
    assert by_event["drone"].select_one("text.tl-picture__number")["aria-hidden"] == "true"
    # Each number is drawn after its mark, inside the picture, and not over another mark's.
    numbers = [float(t["x"]) for t in page.select("text.tl-picture__number")]
    assert all(24 < x < 700 for x in numbers)
    # The step whose event has no year is named in words under the overview.
    assert words(page.select_one(".tl-story__off")) == (
        "Step 2 is not on the overview: the sources give no year for its event."
    )
    # The steps carry their event (the script finds its mark, and a map's, by it).
    steps = page.select("li.tl-step")
    assert [li.get("data-event") for li in steps] == ["drone", "talks", "strike", None, "earlier", "strike"]


def test_other_overviews_carry_no_step_numbers(dated_build: Build):
    for path in ("", "events/", "actors/kh/", "years/2023/"):
        page = dated_build.page(path)
        assert not page.select("[data-steps], .tl-picture__number"), path


def test_the_sample_story_says_its_events_have_no_year_for_an_overview(sample_build: Build):
    page = sample_build.page(STORY)
    assert page.select_one("figure.tl-picture") is None
    assert "the sources give no year" in words(page.select_one(".tl-story__off"))


def test_the_buttons_wait_for_javascript(dated_build: Build):
    controls = dated_build.page("stories/s/").select_one(".tl-story__controls")
    assert controls.has_attr("hidden")
    assert [b.get_text() for b in controls.select("button")] == ["Previous step", "Next step"]
    assert controls.select_one("[aria-live]") is not None


def test_the_story_page_previews_as_the_story(dated_build: Build):
    page = dated_build.page("stories/s/")
    og = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
    assert og["og:title"] == "From the drone to the strikes"
    assert og["og:description"] == "A drone, then the strikes."
    assert og["og:url"] == "https://example.org/news/stories/s/"


def test_each_step_has_a_small_page_that_previews_it(dated_build: Build):
    shares = dated_build.links("stories/s/", "li.tl-step .tl-step__share a")
    assert shares == [f"stories/s/step-{n}/" for n in range(1, 7)]
    path = dated_build.site / "stories" / "s" / "step-1" / "index.html"
    assert path.stat().st_size < 3000  # tiny: a story of 50 steps has 50
    page = dated_build.page("stories/s/step-1/")
    og = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
    assert og["og:title"] == "From the drone to the strikes — step 1: Drone attack"
    # The step's words as plain text: no footnote marks, no Markdown.
    assert og["og:description"] == "A drone struck the base. Three were wounded, one critically."
    assert og["og:url"] == "https://example.org/news/stories/s/step-1/"
    assert page.select_one("link[rel=canonical]")["href"] == "https://example.org/news/stories/s/step-1/"
    assert page.select_one("meta[name=description]")["content"] == og["og:description"]
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert page.select_one("meta[http-equiv]") is None  # previewers would follow a refresh
    # The reader is led to the step in its story (a link; a script goes there at once).
    link = page.select_one("main a")
    assert link["href"] == "../../../stories/s/#step-1"
    assert "From the drone to the strikes" in words(link)
    assert page.select_one("html")["lang"] == "en" and page.select_one("h1").get_text() == "Drone attack"


def test_a_steps_preview_is_cut_at_a_word(tmp_path):
    from generator.views.stories import plain_text

    long = " ".join(["word"] * 100) + ".[^src]"
    text = plain_text(long)
    assert len(text) <= 200 and text.endswith("word…")
    assert plain_text("A [link](https://example.org/) and <b>bold</b>.[^src] <script>x()</script>") == (
        "A link and bold."
    )


def test_the_story_maps_its_events(sample_build: Build):
    page = sample_build.page(STORY)
    marks = page.select("figure.tl-map a.tl-map__mark")
    # The steps' events that have a place: the strikes, the drone attack, the child's
    # death, the February strikes and the rocket attack (the statements have none).
    assert sum(int(mark["data-count"]) for mark in marks) == 5
    events = {event for mark in marks for event in mark.get("data-events", "").split()}
    assert "erbil-air-base-drone-attack" in events or any(m.get("data-place") == "erbil" for m in marks)


def test_step_pages_stay_out_of_the_sitemap(tmp_path):
    events = {"strike.md": event_file("Strike", "2020-01-01")}
    story = story_file("S", "- event: strike\n  text: It struck.[^src]")
    build = build_strict(tmp_path, events, {}, "site_url: https://example.org/c/\n", stories={"s.md": story})
    listed = (build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/c/stories/s/</loc>" in listed
    assert (build.site / "stories" / "s" / "step-1" / "index.html").exists()
    assert "step-1" not in listed
