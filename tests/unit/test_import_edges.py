"""Edges of the import readers and their neighbours, found by a review: each once a
wrong result or a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.commands.importing.acled import read_acled
from generator.commands.importing.files import plan, render
from generator.commands.importing.sheet import read_sheet
from generator.commands.importing.timelinejs import read_json

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


def test_a_second_file_does_not_overwrite_what_another_imported(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    event = {"start_date": {"year": 2020}, "text": {"headline": "Ceasefire"}}
    for path in (first, second):
        path.write_text(json.dumps({"events": [event]}))
    content = tmp_path / "content"
    (content / "events").mkdir(parents=True)
    draft = next(iter(read_json(first).drafts.values()))
    (content / "events" / "ceasefire.md").write_text(render(draft, "a.json"))
    again = plan(list(read_json(second).drafts.values()), content, "b.json")
    assert again.conflicts == {"events/ceasefire.md": "imported from another file; left as it is"}


def test_timelinejs_dates_entities_and_shapes(tmp_path):
    data = {
        "events": [
            {
                "start_date": {"year": 2023, "month": 12, "day": 25, "hour": 10},
                "end_date": {"year": 2023, "month": 12, "day": 25, "hour": 12},
                "text": {"headline": "Tom &amp; Jerry"},
            },
            {"start_date": {"year": 2023, "month": 2, "day": 30}, "text": {"headline": "No such day"}},
            {"start_date": {"year": 2023}, "text": "hello"},
            {"start_date": {"year": 2023}, "text": {"headline": "Page 2"}},
            {"start_date": {"year": 2023}, "text": {"headline": "غارة"}},
            {"start_date": {"year": 2023}, "text": {"headline": "Index"}},
        ],
        "eras": [None, {"text": "x"}],
    }
    path = tmp_path / "t.json"
    path.write_text(json.dumps(data))
    reading = read_json(path)
    by_title = {draft.fields["title"]: draft for draft in reading.drafts.values()}
    assert by_title["Tom & Jerry"].fields["date"] == "2023-12-25"  # a range of times: its days
    assert "No such day" not in by_title
    assert any("events[1]: start_date:" in str(problem) and not problem.warning for problem in reading.problems)
    # Names kept for the events index's pages (page-2, index) take the record's number instead.
    ids = {draft.id for draft in reading.drafts.values()}
    assert ids >= {"tom-jerry", "event-3", "event-4", "event-5"} and not ids & {"page-2", "index"}
    assert any(str(problem).startswith("t.json:eras[0]: era: not an object") for problem in reading.problems)


def test_a_false_xlsx_is_one_problem(tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_text("not a workbook")
    reading = read_sheet(path)
    assert not reading.drafts and str(reading.problems[0]).startswith("t.xlsx:1: file: cannot be read as a spreadsheet")


def test_one_actor_file_for_a_name_of_no_latin_letters(tmp_path):
    header = "event_id_cnty,event_date,time_precision,event_type,actor1,inter1,location,notes\n"
    rows = "".join(f"E{i},2020-05-0{i},1,Battles,سرايا الدفاع,3,X,Clash {i}.\n" for i in range(1, 4))
    path = tmp_path / "a.csv"
    path.write_text(header + rows)
    actors = [draft for draft in read_acled(path).drafts.values() if draft.kind == "actor"]
    assert len(actors) == 1 and actors[0].id.startswith("actor-")


def test_images_in_two_folders_keep_their_own_variants():
    import io

    from PIL import Image

    from generator.pipeline.images import scaled

    def png(colour):
        out = io.BytesIO()
        Image.new("RGB", (800, 400), colour).save(out, "PNG")
        return out.getvalue()

    first, made_first = scaled("2023/map.png", png("red"))
    _, made_second = scaled("2024/map.png", png("blue"))
    assert set(made_first).isdisjoint(made_second)
    assert first.smallest.path == "media/resized/2023/map-320.png"


def test_a_source_address_beyond_ascii_is_checked_not_crashed():
    from generator.commands.source_links import Checker

    result = Checker(timeout=1, retries=0).check("http://127.0.0.1:9/حرب")
    assert result.status is None and result.reason
    broken = Checker(timeout=1, retries=0).check("http://[::1/")
    assert broken.status is None and broken.reason.startswith("not a usable address")


def test_a_locale_with_one_piece_range_patterns_still_writes_ranges():
    from generator.core.dates import parse_date
    from generator.text import load_text
    from generator.views.dates import date_words

    assert date_words(parse_date("2023-01/2023-03"), load_text("fa")).label


@pytest.mark.parametrize(
    ("written", "meant"), [("1 BC", "0000"), ("0 BC", None), ("2023-12-25 10:30", "2023-12-25T10:30:00")]
)
def test_more_suggestions(written, meant):
    from generator.core.date_suggestions import suggest_edtf

    assert suggest_edtf(written) == meant


def test_a_sheets_location_columns_make_place_and_coordinates():
    reading = read_sheet(FIXTURES / "sheet-with-places.csv")
    events = {draft.fields["title"]: draft.fields for draft in reading.drafts.values()}
    assert events["Rocket attack on K-1 base"]["place"] == "K-1 Air Base"
    assert events["Rocket attack on K-1 base"]["coordinates"] == {
        "latitude": "35.5019",
        "longitude": "44.2833",
        "precision": "site",
    }
    assert events["US strikes in Al-Qaim"]["coordinates"]["precision"] == "2 km"  # a radius, as written
    assert events["Strike at Baghdad airport"]["coordinates"] == {"latitude": "33.2625", "longitude": "44.2346"}
    assert events["Protest"]["place"] == "Erbil" and "coordinates" not in events["Protest"]
    assert "coordinates" not in events["Swapped"] and "coordinates" not in events["Half"]
    said = [str(problem) for problem in reading.problems]
    assert (
        "sheet-with-places.csv:4: Precision: 'Town' is not a precision (one of exact, site, neighbourhood, town, "
        "district, province, country, or a radius like '500 m' or '2 km'; did you mean 'town'?); "
        "the coordinates are kept without it" in said
    )
    assert "sheet-with-places.csv:6: Latitude, Longitude: '134.4, 40.9' are out of range; left out" in said
    assert "sheet-with-places.csv:7: Latitude, Longitude: a place on a map needs both; left out" in said
    assert not any("not a column" in problem for problem in said)
