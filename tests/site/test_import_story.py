"""The story a TimelineJS import writes (issue 24): the sheet's and the JSON's slides in the
order TimelineJS showed them, the title slide as the story's title and summary, each
step citing the imported file; built with --strict; `--no-story`; imported again,
unchanged, and an editor's story never overwritten; a hostile title slide."""

from __future__ import annotations

import csv
import html
import json
import re
import shutil

import frontmatter
import pytest

from generator.commands.importing import story
from generator.commands.importing.drafts import Reading
from generator.commands.importing.files import render
from generator.commands.importing.sheet import read_sheet
from generator.commands.importing.timelinejs import read_json
from tests.conftest import IMPORT_FIXTURES, REPO, imported, meta, run_import, run_mkdocs, write_project

NAUGHTY = REPO.parent / "shared" / "testdata" / "naughty-strings.json"
SHEET_STORY = "stories/escalation-in-iraq-and-syria.md"


def test_a_sheet_import_writes_its_story_in_timelinejs_order_and_it_builds(tmp_path):
    done, content = imported(tmp_path, "sheet", "timelinejs-template.csv")
    assert "6 new, 0 updated, 0 unchanged, 0 in conflict" in done.stdout and f"new: {SHEET_STORY}" in done.stdout
    written = meta(content, SHEET_STORY)
    assert (written["title"], written["summary"]) == ("Escalation in Iraq and Syria", "A chronology of strikes.")
    # TimelineJS sorts the slides by date: the ancient raid, the sheet's last row, comes first;
    # a month (Tensions, January 2020) is its first day, before the 3rd.
    assert [step["event"] for step in written["steps"]] == [
        "an-ancient-raid",
        "rocket-attack-on-k-1-base",
        "us-strikes-on-kataib-hezbollah",
        "tensions",
        "strike-at-baghdad-airport",
    ]
    rocket = written["steps"][1]["text"]
    assert rocket == "Rockets hit the K-1 base near **Kirkuk**; a US contractor was killed.[^import]"
    assert written["sources"] == [
        {
            "id": "import",
            "title": "Escalation in Iraq and Syria (timelinejs-template.csv)",
            "publisher": "timelinejs-template.csv",
        }
    ]
    assert written["imported_from"]["record"] == "2"  # the title row
    # The row without a year is no event, and no step: said once more for the story.
    assert "timelinejs-template.csv:2: story: 1 slide(s) left out, their events refused above: row 8" in done.stderr
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    page = build.page("stories/escalation-in-iraq-and-syria/")
    assert page.h1.get_text(strip=True) == "Escalation in Iraq and Syria"
    assert [a["href"] for a in page.select(".tl-step h2 a")] == [
        f"../../events/{step['event']}/" for step in written["steps"]
    ]
    assert page.select_one(".tl-step .tl-body strong").get_text() == "Kirkuk"
    assert "Stories" in build.page("events/tensions/").get_text()  # told in: the link back


def test_a_json_import_writes_its_story_in_date_order_not_the_files(tmp_path):
    done, content = imported(tmp_path, "timelinejs", "timelinejs.json")
    written = meta(content, "stories/escalation.md")
    assert (written["title"], written["summary"]) == ("Escalation", "A chronology.")
    # In the file: the rocket attack, the airport strike (3 January), Tensions (January):
    # TimelineJS shows Tensions, from 1 January, before the 3rd.
    assert [step["event"] for step in written["steps"]] == [
        "rocket-attack-on-k-1-base",
        "tensions",
        "strike-at-baghdad-airport",
    ]
    assert written["steps"][1]["text"] == "Tensions.[^import]"  # a slide without text: its headline
    assert "* two[^import]" in written["steps"][2]["text"]
    assert "timelinejs.json:title: story: 2 slide(s) left out, their events refused above: events[3], events[4]" in (
        done.stderr
    )
    assert run_mkdocs(tmp_path, "--strict").returncode == 0


def test_no_story_writes_the_events_only(tmp_path):
    write_project(tmp_path, {}, {})
    content = tmp_path / "content"
    shutil.rmtree(content)
    done = run_import("sheet", IMPORT_FIXTURES / "timelinejs-template.csv", "--into", content, "--write", "--no-story")
    assert "5 new, 0 updated" in done.stdout and not (content / "stories").exists()
    assert "timelinejs-template.csv:2: Type: the title slide ('Escalation in Iraq and Syria')" in done.stderr
    assert "story:" not in done.stderr


def test_imported_again_the_story_is_unchanged_and_an_editors_story_is_never_overwritten(tmp_path):
    _, content = imported(tmp_path, "sheet", "timelinejs-template.csv")
    again = run_import("sheet", IMPORT_FIXTURES / "timelinejs-template.csv", "--into", content, "--write")
    assert "0 new, 0 updated, 6 unchanged, 0 in conflict" in again.stdout
    # An editor takes the story on: the next import leaves it as it is.
    path = content / SHEET_STORY
    edited = path.read_text().replace("Very old.", "The oldest raid the sheet records.")
    path.write_text(edited)
    conflict = run_import("sheet", IMPORT_FIXTURES / "timelinejs-template.csv", "--into", content, "--write")
    assert f"conflict: {SHEET_STORY}: changed since it was imported" in conflict.stdout
    assert path.read_text() == edited
    # An editor's own story of that name, never imported: left as it is too.
    own = frontmatter.dumps(frontmatter.Post("Mine.[^s]", **{**meta(content, SHEET_STORY), "imported_from": None}))
    path.write_text(own.replace("imported_from: null\n", ""))
    before = path.read_text()
    conflict = run_import("sheet", IMPORT_FIXTURES / "timelinejs-template.csv", "--into", content, "--write")
    assert f"conflict: {SHEET_STORY}: an editor's file (no imported_from:)" in conflict.stdout
    assert path.read_text() == before


def test_a_second_title_row_is_an_event_as_timelinejs_shows_it(tmp_path):
    sheet = tmp_path / "two-titles.csv"
    sheet.write_text(
        "Year,Month,Day,Headline,Text,Type\n,,,First title,<p>The story.</p>,title\n"
        "2020,1,2,Second title,<p>Shown as a slide.</p>,title\n2020,1,1,An event,<p>Earlier.</p>,\n"
    )
    reading = read_sheet(sheet, Reading(sheet.name, story=True))
    told = reading.drafts["stories/first-title.md"].fields
    assert [step["event"] for step in told["steps"]] == ["an-event", "second-title"]
    assert [str(problem) for problem in reading.problems] == [
        "two-titles.csv:3: Type: a second title slide: an event, as TimelineJS shows it"
    ]


def test_a_timeline_without_a_title_slide_names_its_story_after_the_file(tmp_path):
    path = tmp_path / "Gaza 2024.json"
    path.write_text(json.dumps({"events": [{"start_date": {"year": 2024}, "text": {"headline": "A"}}]}))
    reading = read_json(path, Reading(path.name, story=True))
    assert reading.drafts["stories/gaza-2024.md"].fields["title"] == "Gaza 2024"
    assert any("no title slide: the story is named after the file" in str(p) for p in reading.problems)


def test_a_footnote_in_a_slides_text_or_headline_stays_text(tmp_path):
    path = tmp_path / "notes.json"
    events = [
        {"start_date": {"year": 2020}, "text": {"headline": "A", "text": "<p>As [^1] says.</p>"}},
        {"start_date": {"year": 2021}, "text": {"headline": "See [^2] and *this* # not a heading"}},
    ]
    path.write_text(json.dumps({"title": {"text": {"headline": "Notes"}}, "events": events}))
    write_project(tmp_path, {}, {})
    content = tmp_path / "content"
    shutil.rmtree(content)
    done = run_import("timelinejs", path, "--into", content, "--write")
    assert done.returncode == 0, done.stderr
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    steps = build.page("stories/notes/").select(".tl-step .tl-body")
    assert "As [^1] says." in steps[0].get_text()
    assert "See [^2] and *this* # not a heading." in steps[1].get_text()


@pytest.mark.parametrize(
    ("dates", "order"),
    [
        # A month past December runs on into the next year, as JavaScript's Date does.
        ([{"year": 2020, "month": 13}, {"year": 2021, "month": 1, "day": 15}], [1, 0]),
        ([{"year": 2020, "month": 13}, {"year": 2021, "month": 3}], [0, 1]),
        # Day 0 is the last of the month before; a time of the sheet's is read as TimelineJS reads it.
        ([{"year": 2020, "month": 3, "day": 0}, {"year": 2020, "month": 2, "day": 28}], [1, 0]),
        (
            [{"year": 2020, "month": 1, "day": 1, "time": "3 PM"}, {"year": 2020, "month": 1, "day": 1, "hour": 14}],
            [1, 0],
        ),
        # Slides of one moment keep the file's order; years before 1 sort before.
        ([{"year": 2020}, {"year": "2020", "month": "1"}, {"year": -500}], [2, 0, 1]),
    ],
)
def test_slides_are_in_the_order_timelinejs_shows_them(dates, order):
    slides = story.Slides()
    for index, start in enumerate(dates):
        slides.add(start, f"e{index}", "x", str(index))
    assert [slide.event for slide in story._ordered(slides.kept)] == [f"e{index}" for index in order]


def test_a_story_holds_at_most_its_steps_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(story, "STEPS", 3)
    path = tmp_path / "many.json"
    events = [
        {"start_date": {"year": 2000 + (index * 7) % 10}, "text": {"headline": f"E{index}"}} for index in range(10)
    ]
    path.write_text(json.dumps({"title": {"text": {"headline": "Many"}}, "events": events}))
    reading = read_json(path, Reading(path.name, story=True))
    steps = reading.drafts["stories/many.md"].fields["steps"]
    assert [step["event"] for step in steps] == ["e0", "e3", "e6"]  # 2000, 2001, 2002
    assert any("the story holds the first 3 of 10 slides" in str(p) for p in reading.problems)


def test_naughty_strings_in_the_title_slide_arrive_intact_and_build(tmp_path):
    if not NAUGHTY.exists():
        pytest.skip(f"{NAUGHTY} is not here")
    strings = json.loads(NAUGHTY.read_text(encoding="utf-8"))["strings"]
    write_project(tmp_path, {}, {})
    content = tmp_path / "content"
    (content / "stories").mkdir()
    titles = {}
    for index, text in enumerate(strings):
        sheet = tmp_path / "sheets" / f"s{index}.csv"
        sheet.parent.mkdir(exist_ok=True)
        with sheet.open("w", encoding="utf-8", newline="") as file:
            csv.writer(file).writerows(
                [["Year", "Headline", "Text", "Type"], ["", text, f"<p>{text}</p>", "title"], [2020, f"Event {index}"]]
            )
        reading = read_sheet(sheet, Reading(sheet.name, story=True))
        reported = [str(problem) for problem in reading.problems if problem.record == "2"]
        for relative, draft in reading.drafts.items():
            if draft.kind == "event":
                (content / relative).write_text(render(draft, sheet.name), encoding="utf-8")
            else:  # one folder for every sheet's story: the id made from the title, numbered
                name = f"stories/n{index}-{draft.id}.md"
                (content / name).write_text(render(draft, sheet.name), encoding="utf-8")
                titles[name] = (text, draft.fields["title"], reported)
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode == 0, build.output[-3000:]
    assert len(titles) == len(strings)
    for name, (text, title, reported) in titles.items():
        trimmed = re.sub(r"[ \t]+", " ", text).strip()
        assert title == trimmed or reported or not trimmed, (text, title)
        # The heading as a browser reads it (BeautifulSoup's parser drops the ';' of '&xxe;').
        page = (build.site / name.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        assert html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)[1]) == title, (text, title)


def test_a_story_of_long_slides_stops_before_a_file_is_too_large(tmp_path):
    path = tmp_path / "long.json"
    long = "<p>" + "word " * 60_000 + "</p>"  # 300 KB a slide: four make a file past the most it may hold
    events = [
        {"start_date": {"year": 2000 + index}, "text": {"headline": f"E{index}", "text": long}} for index in range(6)
    ]
    path.write_text(
        json.dumps({"title": {"text": {"headline": "Long", "text": "<p>" + "a " * 5_000 + "</p>"}}, "events": events})
    )
    reading = read_json(path, Reading(path.name, story=True))
    told = reading.drafts["stories/long.md"]
    assert [step["event"] for step in told.fields["steps"]] == ["e0"]  # twice its size, to be safe: one step
    assert len(told.fields["summary"]) <= story.SUMMARY + 1
    said = [str(p) for p in reading.problems]
    assert "long.json:title: story: the story holds the first 1 of 6 slides: their texts take all a file may hold" in (
        " ".join(said)
    )
    assert len(render(told, path.name).encode()) < 1024 * 1024


def test_the_slides_held_stay_within_what_a_story_can_take():
    slides = story.Slides()
    text = "x" * 100_000
    for index in range(3_000):  # 300 MB of texts, if they were all held
        slides.add({"year": 5000 - index}, f"e{index}", text, str(index))
        assert slides.held <= 2 * 1024 * 1024 + 200_100
    kept = story._fitting(slides.kept, 1024 * 1024)
    assert [slide.event for slide in kept] == ["e2999", "e2998", "e2997", "e2996", "e2995"]  # the earliest dates
