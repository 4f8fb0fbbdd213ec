"""The overview picture: every kind of date drawn as it means, links that lead somewhere,
and a histogram instead of marks when there are many events (asserted on the SVG)."""

from __future__ import annotations

import pytest

from generator.views.overview import MARKS
from tests.conftest import KINDS, actor_file, add_config, build_strict, event_file, run_mkdocs, write_project


def marks(build, path=""):
    return {a["href"].rstrip("/").split("/")[-1]: a for a in build.page(path).select("svg a.tl-picture__mark")}


def test_every_kind_of_date_is_drawn_as_it_means(kinds_build):
    svg = kinds_build.page("").select_one(".tl-picture svg")
    assert svg.title.get_text() and svg.desc.get_text().startswith("8 events")
    drawn = marks(kinds_build)
    assert set(drawn) == set(KINDS) - {"undated"}  # every dated event, once
    assert drawn["day"].circle is not None and drawn["day"].rect is None  # a day is a mark
    for name in ("range", "month", "year", "open", "approximate"):
        assert drawn[name].rect is not None, name  # a period is a bar over the time it may cover
    assert float(drawn["year"].rect["width"]) > 10 * float(drawn["month"].rect["width"]) / 2
    fuzzy = {name for name, a in drawn.items() if "tl-picture__mark--fuzzy" in a["class"]}
    assert fuzzy == {"approximate", "uncertain"}
    assert [name for name, a in drawn.items() if "tl-picture__mark--open" in a["class"]] == ["open"]
    # Placed in time: 2022 before February 2023 before 15 March before May.
    x = {name: float((a.rect or a.circle).get("x") or a.circle["cx"]) for name, a in drawn.items()}
    assert x["year"] < x["month"] < x["day"] < x["range"] < x["approximate"] < x["open"]
    # Named by its <title> (the accessible name and the tooltip), said once: no aria-label beside it.
    assert all(a.title.get_text() and not a.has_attr("aria-label") for a in drawn.values())
    assert kinds_build.links("", "svg a.tl-picture__mark") and all(
        path.startswith("events/") for path in kinds_build.links("", "svg a.tl-picture__mark")
    )
    undated = kinds_build.page("").select_one("svg a.tl-picture__undated")
    assert undated.get_text(strip=True) == "Year not given: 1 event"
    assert kinds_build.links("", "svg a.tl-picture__undated") == ["years/not-given/"]


def test_a_year_page_draws_its_own_period(kinds_build):
    assert set(marks(kinds_build, "years/2023/")) == {"day", "range", "approximate", "uncertain", "open", "month"}


def test_an_embeddable_timeline_without_the_sites_chrome(kinds_build):
    embed = kinds_build.page("embed/")
    assert not embed.select(".md-header, .md-footer, .md-sidebar")
    assert embed.select_one(".tl-picture svg") and len(embed.select("article.tl-card")) == len(KINDS)
    assert embed.find("base")["target"] == "_top"  # links open in the whole window, not the frame
    snippet = kinds_build.page("").select_one(".tl-embed pre code").get_text()
    assert snippet.startswith('<iframe src="embed/"') and "</iframe>" in snippet


@pytest.fixture(scope="module")
def crowded_build(tmp_path_factory):
    events = {
        f"e{i}.md": event_file(f"Event {i}", f"{2022 + i // 90}-{1 + (i % 90) // 8:02d}-{1 + i % 28:02d}")
        for i in range(MARKS + 30)
    }
    return build_strict(tmp_path_factory.mktemp("crowded"), events, {})


def test_many_events_are_counted_per_period_and_the_bars_lead_to_them(crowded_build):
    page = crowded_build.page("")
    assert not page.select("svg a.tl-picture__mark")
    bins = page.select("svg a.tl-picture__bin")
    assert len(bins) == 24  # a bar a month over two years
    assert sum(int(a["aria-label"].split(": ")[1].split()[0]) for a in bins) == MARKS + 30
    for target in crowded_build.links("", "svg a.tl-picture__bin"):
        path, _, anchor = target.partition("#")
        assert crowded_build.page(path).find(id=anchor) is not None, target


@pytest.fixture(scope="module")
def actors_build(tmp_path_factory):
    """One actor in more events than the picture draws one by one, another in three."""
    events = {
        f"busy{i}.md": event_file(
            f"Busy {i}", f"{2021 + i // 100}-{1 + (i % 100) // 9:02d}-{1 + i % 28:02d}", "actors: [busy]"
        )
        for i in range(MARKS + 20)
    }
    events |= {f"quiet{i}.md": event_file(f"Quiet {i}", f"2022-0{i + 1}-10", "actors: [quiet]") for i in range(3)}
    actors = {"busy.md": actor_file("Busy"), "quiet.md": actor_file("Quiet", kind="person")}
    config = "plugins:\n  - timeline:\n      page_limit: 50\n"
    return build_strict(tmp_path_factory.mktemp("actors"), events, actors, config)


def test_an_actors_page_draws_its_events(actors_build):
    quiet = actors_build.page("actors/quiet/")
    assert set(marks(actors_build, "actors/quiet/")) == {"quiet0", "quiet1", "quiet2"}
    assert quiet.select_one(".tl-picture")["data-pagefind-ignore"] == "all"  # its marks are not the actor's text
    assert [li["data-first"] for li in quiet.select(".tl-appearances li")] == ["2022-01-10", "2022-02-10", "2022-03-10"]
    # Past MARKS events, bars; each leads to the timeline's page of its period, filtered to the actor.
    busy = actors_build.page("actors/busy/")
    bins = busy.select("svg a.tl-picture__bin")
    assert bins and not busy.select("svg a.tl-picture__mark")
    assert sum(int(a["aria-label"].split(": ")[1].split()[0]) for a in bins) == MARKS + 20
    for target in actors_build.links("actors/busy/", "svg a.tl-picture__bin"):
        path, _, query = target.partition("?")
        assert query.split("#")[0] == "actor=busy", target
        page = actors_build.page(path)
        anchor = query.partition("#")[2]
        assert page.select("article.tl-card") and (not anchor or page.find(id=anchor) is not None), target


def test_eras_are_drawn_as_named_bands_over_their_period(eras_build):
    svg = eras_build.page("").select_one(".tl-picture svg")
    bands = {g.select_one("text").get_text(): g for g in svg.select("g.tl-picture__era")}
    assert set(bands) == {"Spring offensive", "Long truce"}  # "Before" is outside the period shown
    spring = bands["Spring offensive"]
    assert spring.title.get_text() == "Spring offensive, March\u2009–\u2009May 2023"
    assert (spring["data-first"], spring["data-last"]) == ("2023-03-01", "2023-05-31")
    drawn = marks(eras_build)
    x = float(spring.rect["x"])
    assert float(drawn["month"].rect["x"]) < x < float(drawn["day"].circle["cx"])  # February, then 15 March
    assert float(spring.rect["x"]) + float(spring.rect["width"]) < float(drawn["range"].rect["x"]) + 40
    # An open era runs to the end of the picture; the bands sit behind the events.
    truce = bands["Long truce"].rect
    assert float(truce["x"]) + float(truce["width"]) == pytest.approx(700 - 24, abs=0.2)
    assert str(svg).index("tl-picture__era") < str(svg).index("tl-picture__mark")


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("eras: [{name: X}]", "Expected an era as {name: <its name>, date: <an EDTF date or period>}"),
        ("eras: [{name: X, date: '2023-13'}]", "the date of 'X', '2023-13':"),
        ("eras: [{name: '', date: '2023'}]", "its name must be some text"),
        ("eras: [{name: X, date: 'XXXX-05'}]", "an era needs a year to be drawn"),
        ("lanes: colours", "lanes"),
    ],
)
def test_a_wrong_era_or_lane_choice_is_named(tmp_path, option, message):
    write_project(tmp_path, {"a.md": event_file("A", "2023-03-15")}, {})
    add_config(tmp_path, f"plugins:\n  - timeline:\n      {option}\n")
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0 and message in build.output, build.output
    assert "Traceback" not in build.output and not build.site.exists()


def lanes_build(tmp_path, lanes: str, events: dict[str, str], actors: dict[str, str]):
    tmp_path.mkdir(exist_ok=True)
    return build_strict(tmp_path, events, actors, f"plugins:\n  - timeline:\n      lanes: {lanes}\n")


def test_lanes_by_tag_draw_a_row_per_tag(tmp_path):
    events = {
        "a.md": event_file("A", "2023-03-15", "tags: [drone, border]"),
        "b.md": event_file("B", "2023-06-15", "tags: [drone]"),
        "c.md": event_file("C", "2023-09-15"),
    }
    svg = lanes_build(tmp_path, "tags", events, {}).page("").select_one(".tl-picture svg")
    lanes = [(text.get_text(), float(text["y"])) for text in svg.select("text.tl-picture__lane")]
    assert [name for name, _ in lanes] == ["drone", "border", "No tag"]  # the fullest first
    rows = {}
    for a in svg.select("a.tl-picture__mark"):
        y = float(a.circle["cy"])
        lane = max((name for name, top in lanes if top < y), key=lambda name: dict(lanes)[name])
        rows.setdefault(lane, []).append(a["href"].rstrip("/").split("/")[-1])
    assert rows == {"drone": ["a", "b"], "border": ["a"], "No tag": ["c"]}


def test_lanes_by_actor_kind_and_the_rest_in_one(tmp_path):
    events = {"a.md": event_file("A", "2023-03-15", "actors: [p, s]"), "b.md": event_file("B", "2023-06-15")}
    actors = {"p.md": actor_file("P", kind="person"), "s.md": actor_file("S", kind="state")}
    svg = lanes_build(tmp_path / "kinds", "actor kinds", events, actors).page("").select_one(".tl-picture svg")
    assert [text.get_text() for text in svg.select("text.tl-picture__lane")] == ["People", "States", "No actor"]
    # More groups than lanes: the smallest share the last lane, each event once.
    many = {f"e{i}.md": event_file(f"E{i}", f"2023-01-{i + 1:02d}", f"tags: [t{i:02d}]") for i in range(12)}
    svg = lanes_build(tmp_path / "many", "tags", many, {}).page("").select_one(".tl-picture svg")
    names = [text.get_text() for text in svg.select("text.tl-picture__lane")]
    assert len(names) == 8 and names[-1] == "Other" and names[:7] == [f"t{i:02d}" for i in range(7)]
    assert len(svg.select("a.tl-picture__mark")) == 12
