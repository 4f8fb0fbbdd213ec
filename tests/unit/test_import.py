"""`python -m generator import` without a build: an XLSX sheet reads as its CSV does, a
second import updates only files nobody changed and lists the rest as conflicts, and a
file of another kind is refused in one line."""

from __future__ import annotations

import csv

import pytest

from tests.conftest import IMPORT_FIXTURES as FIXTURES
from tests.conftest import imported, run_import


def test_an_xlsx_sheet_imports_as_its_csv_does(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    with (FIXTURES / "timelinejs-template.csv").open(encoding="utf-8", newline="") as file:
        for row in csv.reader(file):
            book.active.append([int(cell) if cell.lstrip("-").isdigit() else cell or None for cell in row])
    sheet = tmp_path / "timeline.xlsx"
    book.save(sheet)
    from_xlsx = run_import("sheet", sheet, "--into", tmp_path / "x")
    from_csv = run_import("sheet", FIXTURES / "timelinejs-template.csv", "--into", tmp_path / "x")
    assert from_xlsx.stdout.splitlines()[1:] == from_csv.stdout.splitlines()[1:]
    assert from_xlsx.stderr.replace("timeline.xlsx", "F") == from_csv.stderr.replace("timelinejs-template.csv", "F")


def test_a_second_import_updates_only_what_nobody_changed(tmp_path):
    _, content = imported(tmp_path, "acled", "acled-older.csv")
    again = run_import("acled", FIXTURES / "acled-older.csv", "--into", content)
    assert (
        "0 new, 0 updated, 7 unchanged, 0 in conflict" in again.stdout
    )  # 1 event, 3 actors, 3 places and again.returncode == 0
    # ACLED revises an event: the file nobody touched is updated...
    revised = tmp_path / "revised" / "acled-older.csv"  # the same export, a week later
    revised.parent.mkdir()
    revised.write_text((FIXTURES / "acled-older.csv").read_text().replace(",3\n", ",4\n"))
    changed = run_import("acled", revised, "--into", content, "--write")
    assert (
        "1 updated" in changed.stdout
        and "fatalities according to ACLED: 4" in (content / "events/acled-syr20.md").read_text()
    )
    # ...but not once an editor has changed it, nor an editor's own file of the same name.
    edited = content / "events/acled-syr20.md"
    edited.write_text(edited.read_text().replace("An unidentified drone", "A drone"))
    (content / "actors/kataib-hezbollah.md").write_text(
        "---\nname: Kataib Hezbollah\nkind: group\nsources:\n  - id: s\n    title: T\n    publisher: P\n---\n\nMine.[^s]\n"
    )
    before = edited.read_text()
    conflict = run_import("acled", FIXTURES / "acled-older.csv", "--into", content, "--write")
    assert "conflict: events/acled-syr20.md: changed since it was imported" in conflict.stdout
    assert "conflict: actors/kataib-hezbollah.md: an editor's file (no imported_from:)" in conflict.stdout
    assert conflict.returncode == 1 and edited.read_text() == before
    assert (content / "actors/kataib-hezbollah.md").read_text().endswith("Mine.[^s]\n")


@pytest.mark.parametrize(("form", "text"), [("acled", "a,b\n1,2\n"), ("timelinejs", "{not json"), ("sheet", "x,y\n")])
def test_a_file_of_another_kind_is_refused_in_one_line(tmp_path, form, text):
    path = tmp_path / "data.txt"
    path.write_text(text)
    done = run_import(form, path, "--into", tmp_path / "content")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "data.txt:1: " in done.stderr
