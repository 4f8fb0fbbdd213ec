"""What used to be written twice is written once: the cutting of long lists into numbered
pages (events index, actors index, a day's listing), the periods of a listing (its
headings and its pages take the same keys), the id on the first mark citing a source,
and the problem of a citation that names no listed source."""

from __future__ import annotations

from pathlib import Path

from generator import urls
from generator.core.dates import FOREVER
from generator.pipeline import link
from generator.pipeline.chronology import build_chronology
from generator.text import load_text
from generator.views.listing import Listing
from generator.views.pages import ActorsIndex, EventsIndex, FirstMarks, chunks, index_pages, numbered_title
from generator.views.plan import default_titles, plan_pages

TEXT = load_text("en")


def event(title: str, date: str, extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\ndate: '{date}'\n{extra}"
        "sources:\n  - id: src\n    title: T\n    publisher: P\n---\n\nBody.[^src]\n"
    )


def actor(name: str, kind: str) -> str:
    return (
        f"---\nname: {name}\nkind: {kind}\nsources:\n  - id: src\n    title: T\n    publisher: P\n---\n\nBody.[^src]\n"
    )


def chronology_of(root: Path, events: dict[str, str], actors: dict[str, str] | None = None):
    for folder, files in (("events", events), ("actors", actors or {})):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (root / folder / f"{name}.md").write_text(text, encoding="utf-8")
    chronology, problems = build_chronology(root)
    assert chronology is not None, problems
    return chronology


def test_long_lists_are_cut_one_way():
    assert chunks([], 3) == [[]]
    assert chunks(list("abcdefg"), 3) == [["a", "b", "c"], ["d", "e", "f"], ["g"]]
    pages = index_pages(list("abcdefg"), 3, urls.EVENTS, "Events", str.upper, TEXT)
    assert [(page.path, page.title, page.in_nav, page.items) for page in pages] == [
        ("events/", "Events", True, ["a", "b", "c"]),
        ("events/page-2/", "Events (page 2)", False, ["d", "e", "f"]),
        ("events/page-3/", "Events (page 3)", False, ["g"]),
    ]
    assert [(link.path, link.heading, link.count) for link in pages[0].pager] == [
        ("events/", "A – C", 3),
        ("events/page-2/", "D – F", 3),
        ("events/page-3/", "G – G", 1),
    ]
    assert index_pages(["a"], 3, urls.ACTORS, "Actors", str, TEXT)[0].pager == ()  # one page: no pager
    assert numbered_title("25 May 2020", 2, TEXT) == "25 May 2020 (page 2)"


def test_the_indexes_and_a_crowded_day_are_numbered_alike(tmp_path):
    events = {f"e{n}": event(f"Event {n}", "2020-05-25") for n in range(5)}
    actors = {
        f"a{n}": actor(f"Actor {n}", kind) for n, kind in enumerate(("person", "state", "group", "person", "state"))
    }
    views = plan_pages(chronology_of(tmp_path, events, actors), default_titles(TEXT), 2, TEXT)
    for first, kind in ((urls.EVENTS, EventsIndex), (urls.ACTORS, ActorsIndex), ("years/2020/05/25/", Listing)):
        numbered = [urls.numbered(first, number) for number in (1, 2, 3)]
        assert all(isinstance(views[path], kind) for path in numbered), first
        assert [views[path].title.endswith("(page 2)") for path in numbered] == [False, True, False]
    assert [group.anchor for group in views[urls.ACTORS].groups] == [urls.kind_anchor("state")]


def test_a_year_met_again_has_one_address_for_its_heading_and_its_page(tmp_path):
    """`follows:` can put an event of 2023 after one of 2024 (its range reaches past it):
    the second 2023 is a period of its own, its heading and its page both 2023-2."""
    events = {
        "a": event("A", "2023-03-01"),
        "b": event("B", "2024-01-05"),
        "c": event("C", "2023/2025", "follows: [b]\n"),
    }
    views = plan_pages(chronology_of(tmp_path, events), default_titles(TEXT), 200, TEXT)
    home = views[urls.HOME]
    assert isinstance(home, Listing)
    keys = ["2023", "2024", urls.repeated("2023", 2)]
    assert [group.anchor for group in home.groups] == [urls.year_anchor(key) for key in keys]
    assert [group.path for group in home.groups] == [urls.year(urls.HOME, key) for key in keys]
    assert all(isinstance(views[group.path], Listing) for group in home.groups)
    assert [group.months[0].anchor for group in home.groups] == [
        urls.month_anchor("2023", "03"),
        urls.month_anchor("2024", "01"),
        urls.month_anchor("2023-2", urls.MONTH_NOT_GIVEN),
    ]


def test_only_the_first_mark_citing_a_source_has_an_id():
    first_mark = FirstMarks(urls.correction_mark)
    assert [first_mark(source) for source in ("a", "b", "a", "b", "c")] == [
        "correction-cites-a",
        "correction-cites-b",
        None,
        None,
        "correction-cites-c",
    ]


def test_an_unknown_source_is_said_alike_wherever_it_is_cited(tmp_path):
    text = (
        "---\nname: Militia\nkind: group\n"
        "affiliations:\n  - organisation: state\n    source: scr\n"
        "corrections:\n  - date: 2024-01-01\n    text: Fixed.[^scr]\n"
        "sources:\n  - id: src\n    title: T\n    publisher: P\n---\n\nBody.[^src][^scr]\n"
    )
    (tmp_path / "events").mkdir()
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "militia.md").write_text(text, encoding="utf-8")
    (tmp_path / "actors" / "state.md").write_text(actor("State", "state"), encoding="utf-8")
    _, problems = build_chronology(tmp_path)
    said = [problem for problem in problems if "scr" in problem.message]
    assert [problem.field for problem in said] == ["affiliations[0].source", "corrections[0].text", "body"]
    assert {(problem.expected, problem.suggestion) for problem in said} == {
        ("an id listed under sources: (src)", "src")
    }


def test_an_open_end_sorts_after_every_real_day(tmp_path):
    """The timeline's order and `coverage` share one far end (core.dates.FOREVER)."""
    chronology = chronology_of(tmp_path, {"open": event("Open", "2020/.."), "day": event("Day", "2020-01-01")})
    assert link.chronological_key(chronology.events_by_id["open"])[3] == FOREVER
    assert not hasattr(link, "NEVER_ENDS")
