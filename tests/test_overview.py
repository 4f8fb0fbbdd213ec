"""The overview picture: every kind of date drawn as it means, links that lead somewhere,
and a histogram instead of marks when there are many events (asserted on the SVG)."""

from __future__ import annotations

import pytest
from conftest import build_strict, event_file

from generator.views.overview import MARKS

KINDS = {
    "day": "2023-03-15",
    "range": "2023-05-01/2023-07-20",
    "approximate": "2023-09~",
    "uncertain": "2023-10-02?",
    "open": "2023-11/..",
    "month": "2023-02",
    "year": "2022",
    "undated": "XXXX-06-01",
}


@pytest.fixture(scope="module")
def kinds_build(tmp_path_factory):
    events = {f"{name}.md": event_file(name.title(), date) for name, date in KINDS.items()}
    return build_strict(tmp_path_factory.mktemp("kinds"), events, {})


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
    assert all(a["aria-label"] and a.title.get_text() for a in drawn.values())
    assert kinds_build.links("", "svg a.tl-picture__mark") and all(
        path.startswith("events/") for path in kinds_build.links("", "svg a.tl-picture__mark")
    )
    undated = kinds_build.page("").select_one("svg a.tl-picture__undated")
    assert undated.get_text(strip=True) == "Year not given: 1 event"
    assert kinds_build.links("", "svg a.tl-picture__undated") == ["years/not-given/"]


def test_a_year_page_draws_its_own_period(kinds_build):
    assert set(marks(kinds_build, "years/2023/")) == {"day", "range", "approximate", "uncertain", "open", "month"}


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


def test_keyboard_zoom_changes_the_address_and_the_list(kinds_build, browser, serve_site):
    base = serve_site(kinds_build.site)
    page = browser.new_page()
    page.goto(base)
    shown = "items => items.filter(i => i.offsetParent).map(i => i.querySelector('article').id)"
    everything = page.eval_on_selector_all("li[data-first]", shown)
    assert len(everything) == len(KINDS)
    assert page.is_visible(".tl-zoom")
    page.focus(".tl-picture svg")
    for _ in range(3):
        page.keyboard.press("+")  # an eighth of the period, around its middle
    query = dict(item.split("=") for item in page.evaluate("location.search").lstrip("?").split("&"))
    assert set(query) == {"from", "to"} and query["from"] > "2022-01-01" and query["to"] < "2023-12-31"
    zoomed = page.eval_on_selector_all("li[data-first]", shown)
    assert 0 < len(zoomed) < len(everything) and "undated" not in zoomed
    page.keyboard.press("ArrowRight")
    moved = dict(item.split("=") for item in page.evaluate("location.search").lstrip("?").split("&"))
    assert moved["from"] > query["from"]
    page.keyboard.press("Home")  # the whole period again
    assert page.evaluate("location.search") == ""
    assert page.eval_on_selector_all("li[data-first]", shown) == everything
    page.close()


def test_a_linked_view_opens_zoomed(kinds_build, browser, serve_site):
    page = browser.new_page()
    page.goto(serve_site(kinds_build.site) + "?from=2023-05-01&to=2023-07-31")
    shown = page.eval_on_selector_all(
        "li[data-first]", "items => items.filter(i => i.offsetParent).map(i => i.querySelector('article').id)"
    )
    marks = page.eval_on_selector_all(
        "svg a.tl-picture__mark",
        "links => links.filter(a => a.style.display !== 'none').map(a => a.getAttribute('href'))",
    )
    page.close()
    assert shown == ["range"]
    assert [href.rstrip("/").split("/")[-1] for href in marks] == ["range"]


def test_the_picture_shows_the_subset_the_filter_leaves(tmp_path, browser, serve_site):
    from conftest import actor_file

    events = {
        "a.md": event_file("A", "2023-03-15", "actors: [one]"),
        "b.md": event_file("B", "2023-06-15", "actors: [two]"),
        "c.md": event_file("C", "2023-09-15", "actors: [one]"),
    }
    build = build_strict(tmp_path, events, {"one.md": actor_file("One"), "two.md": actor_file("Two")})
    page = browser.new_page()
    page.goto(serve_site(build.site) + "?actor=one&from=2023-03-01&to=2023-08-31")
    drawn = page.eval_on_selector_all(
        "svg a.tl-picture__mark",
        "links => links.filter(a => a.style.display !== 'none').map(a => a.getAttribute('href'))",
    )
    assert [href.rstrip("/").split("/")[-1] for href in drawn] == ["a"]  # actor one, and in view
    page.select_option("select[name=actor]", "")
    query = page.evaluate("location.search")
    assert "from=2023-03-01" in query and "actor" not in query  # the filter keeps the picture's view
    drawn = page.eval_on_selector_all(
        "svg a.tl-picture__mark",
        "links => links.filter(a => a.style.display !== 'none').map(a => a.getAttribute('href'))",
    )
    page.close()
    assert [href.rstrip("/").split("/")[-1] for href in drawn] == ["a", "b"]


def test_an_embeddable_timeline_without_the_sites_chrome(kinds_build, browser, serve_site):
    embed = kinds_build.page("embed/")
    assert not embed.select(".md-header, .md-footer, .md-sidebar")
    assert embed.select_one(".tl-picture svg") and len(embed.select("article.tl-card")) == len(KINDS)
    assert embed.find("base")["target"] == "_top"  # links open in the whole window, not the frame
    snippet = kinds_build.page("").select_one(".tl-embed pre code").get_text()
    assert snippet.startswith('<iframe src="embed/"') and "</iframe>" in snippet
    page = browser.new_page()
    page.goto(serve_site(kinds_build.site) + "embed/?from=2023-05-01&to=2023-07-31")  # zoom from the address
    shown = page.eval_on_selector_all(
        "li[data-first]", "items => items.filter(i => i.offsetParent).map(i => i.querySelector('article').id)"
    )
    page.close()
    assert shown == ["range"]


@pytest.fixture(scope="module")
def actors_build(tmp_path_factory):
    """One actor in more events than the picture draws one by one, another in three."""
    from conftest import actor_file

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


ERAS = """\
plugins:
  - timeline:
      eras:
        - {name: Spring offensive, date: '2023-03/2023-05'}
        - {name: Before, date: '2001/2002'}
        - {name: Long truce, date: 2023-10-01/..}
"""


def test_eras_are_drawn_as_named_bands_over_their_period(tmp_path):
    events = {f"{name}.md": event_file(name.title(), date) for name, date in KINDS.items()}
    build = build_strict(tmp_path, events, {}, ERAS)
    svg = build.page("").select_one(".tl-picture svg")
    bands = {g.select_one("text").get_text(): g for g in svg.select("g.tl-picture__era")}
    assert set(bands) == {"Spring offensive", "Long truce"}  # "Before" is outside the period shown
    spring = bands["Spring offensive"]
    assert spring.title.get_text() == "Spring offensive, March\u2009–\u2009May 2023"
    assert (spring["data-first"], spring["data-last"]) == ("2023-03-01", "2023-05-31")
    drawn = marks(build)
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
    from conftest import run_mkdocs, write_project

    write_project(tmp_path, {"a.md": event_file("A", "2023-03-15")}, {})
    with open(tmp_path / "mkdocs.yml", "a", encoding="utf-8") as file:
        file.write(f"plugins:\n  - timeline:\n      {option}\n")
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
    from conftest import actor_file

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


PINCH = """([svg, from, to]) => {
  const box = svg.getBoundingClientRect(), era = svg.querySelector("g.tl-picture__era rect").getBoundingClientRect();
  const y = box.top + box.height / 2, middle = era.left + era.width / 2;  // around the first era
  const fire = (type, id, x) => svg.dispatchEvent(new PointerEvent(type, {pointerId: id, clientX: x, clientY: y,
    pointerType: "touch", isPrimary: id === 1, bubbles: true}));
  fire("pointerdown", 1, middle - from); fire("pointerdown", 2, middle + from);
  fire("pointermove", 1, middle - to); fire("pointermove", 2, middle + to);
  fire("pointerup", 1, middle - to); fire("pointerup", 2, middle + to);
}"""


def test_pinching_zooms_and_the_eras_follow(tmp_path, browser, serve_site):
    events = {f"{name}.md": event_file(name.title(), date) for name, date in KINDS.items()}
    build = build_strict(tmp_path, events, {}, ERAS)
    page = browser.new_page()
    page.goto(serve_site(build.site))
    band = "document.querySelector('g.tl-picture__era rect').getAttribute('width')"
    before = float(page.evaluate(band))
    svg = page.query_selector(".tl-picture svg")
    page.evaluate(PINCH, [svg, 20, 80])  # fingers apart: four times closer
    query = dict(item.split("=") for item in page.evaluate("location.search").lstrip("?").split("&"))
    assert set(query) == {"from", "to"}
    import datetime

    span = datetime.date.fromisoformat(query["to"]) - datetime.date.fromisoformat(query["from"])
    assert 90 < span.days < 200  # a quarter of the 2022-2023 picture (730 days)
    assert query["from"] < "2023-03-01" and query["to"] > "2023-05-31"  # around the spring offensive
    assert float(page.evaluate(band)) > 2 * before  # the spring offensive's band widened with the zoom
    page.evaluate(PINCH, [svg, 80, 20])  # together again: the whole period
    page.close()
