"""`python -m generator import` against hostile or careless input: each case once cost
gigabytes, minutes, a traceback or a row dropped without a word.  Every input is made
here, small, or generated on the fly in tmp_path; each case runs the real command where
what matters is what an editor sees (the exit status, one line, no traceback)."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import pty
import re
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import frontmatter
import pytest

from generator.commands.importing import bounded
from generator.commands.importing.drafts import Reading
from generator.commands.importing.files import Plan
from generator.commands.importing.sheet import read_sheet
from tests.conftest import REPO, run_mkdocs, write_project

NAUGHTY = REPO.parent / "shared" / "testdata" / "naughty-strings.json"
HEADER = ["Year", "Month", "Day", "Headline", "Text"]
JSON_FIXTURE = REPO / "tests" / "fixtures" / "import" / "timelinejs.json"
MEMORY = 1536 * 1024 * 1024  # the address space one import may take here (it needs about 300 MB)


def _bounded_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_import(*args: str | Path, timeout: float = 60, **options) -> subprocess.CompletedProcess[str]:
    options = {"capture_output": True, **options}
    return subprocess.run(
        [sys.executable, "-m", "generator", "import", *map(str, args)],
        cwd=REPO,
        text=True,
        timeout=timeout,
        preexec_fn=_bounded_memory,
        **options,
    )


def one_line(done: subprocess.CompletedProcess[str], text: str, *, status: int = 1) -> str:
    """The one line of standard error that holds `text`, after checking there is no
    traceback and the exit status."""
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    lines = [line for line in done.stderr.splitlines() if text in line]
    assert len(lines) == 1, done.stderr[-3000:]
    assert done.returncode == status, done.stdout + done.stderr[-3000:]
    return lines[0]


def sheet_csv(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([header, *rows])
    return path


def workbook(path: Path, rows: list[list[object]], change=None) -> Path:
    """An XLSX of the header and rows, its sheet's XML changed by `change(xml) -> xml`
    (or written by it, when it takes a second argument: the open member)."""
    from openpyxl import Workbook

    book = Workbook()
    for row in [HEADER, *rows]:
        book.active.append(row)
    made = io.BytesIO()
    book.save(made)
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if change and info.filename == "xl/worksheets/sheet1.xml":
                if change.__code__.co_argcount == 2:
                    with out.open(info.filename, "w", force_zip64=True) as member:
                        change(data, member)
                    continue
                data = change(data)
            out.writestr(info.filename, data)
    return path


ROWS = [[2020, 1, day, f"Event {day}", "Text"] for day in (1, 2, 3)]


# XLSX


def test_an_xlsx_that_claims_a_million_rows_costs_only_its_rows(tmp_path):
    """4.9 KB whose <dimension> claims A1:XFD1048576, with one cell in the last row:
    openpyxl's read-only mode made a million rows of 16,384 cells (MemoryError at 4 GB)."""

    def claim(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml)
        last = b'<row r="1048576"><c r="A1048576"><v>2021</v></c><c r="D1048576" t="inlineStr"><is><t>Far down</t></is></c></row>'
        return xml.replace(b"</sheetData>", last + b"</sheetData>")

    path = workbook(tmp_path / "claim.xlsx", ROWS, claim)
    assert path.stat().st_size < 6000
    started = time.monotonic()
    done = run_import("sheet", path, "--into", tmp_path / "content")
    assert time.monotonic() - started < 30
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    assert "4 new" in done.stdout and "events/far-down.md" in done.stdout  # the rows as they are


def test_a_stale_declared_size_drops_no_row(tmp_path):
    path = workbook(tmp_path / "stale.xlsx", ROWS, lambda xml: re.sub(rb'ref="A1:[A-Z]+\d+"', b'ref="A1:E2"', xml))
    done = run_import("sheet", path, "--into", tmp_path / "content")
    assert done.returncode == 0, done.stderr
    assert "3 new" in done.stdout and "events/event-3.md" in done.stdout


def test_an_xlsx_that_unpacks_past_the_limit_is_refused_unopened(tmp_path):
    """A few hundred KB that unpack past the limit (the same as 2 MB that unpack to 2 GB,
    which took 2.2 GB): refused from the zip directory, before anything is unpacked."""

    def pad(xml: bytes, member) -> None:
        head, tail = xml.rsplit(b"<t>Text</t>", 1)
        member.write(head + b"<t>")
        for _ in range(bounded.XLSX_BYTES // (1 << 20) + 1):
            member.write(b"A" * (1 << 20))
        member.write(b"</t>" + tail)

    path = workbook(tmp_path / "bomb.xlsx", ROWS, pad)
    assert path.stat().st_size < 1_000_000
    line = one_line(run_import("sheet", path, "--into", tmp_path / "content"), "bomb.xlsx:1: file: unpacks to")
    assert f"the most an import unpacks is {bounded.XLSX_BYTES:,}" in line


def test_a_part_that_unpacks_past_what_it_declares_is_one_line(tmp_path):
    """zipfile gives no more of a part than its directory declares, and then finds its
    checksum wrong: a lying size is one line too."""
    path = workbook(tmp_path / "lying.xlsx", ROWS)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
        directory = archive.start_dir
    entry = data.index(b"xl/worksheets/sheet1.xml", directory) - 46  # its entry in the zip's directory
    assert data[entry : entry + 4] == b"PK\x01\x02"
    data[entry + 24 : entry + 28] = (sheet.file_size // 2).to_bytes(4, "little")  # its uncompressed size, halved
    path.write_bytes(bytes(data))
    one_line(run_import("sheet", path, "--into", tmp_path / "content"), "lying.xlsx:1: file: cannot be read")


def test_an_xml_entity_in_a_workbook_is_one_line(tmp_path):
    laughs = b'<!ENTITY a "lol">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + level]), b"&%s;" % bytes([97 + level]) * 10) for level in range(8)
    )

    def bomb(xml: bytes) -> bytes:
        return b"<!DOCTYPE worksheet [" + laughs + b"]>" + xml.replace(b"<t>Text</t>", b"<t>&i;</t>", 1)

    path = workbook(tmp_path / "laughs.xlsx", ROWS, bomb)
    line = one_line(run_import("sheet", path, "--into", tmp_path / "content"), "laughs.xlsx:1: file:")
    assert "entities" in line


def test_openpyxl_reads_with_defusedxml():
    import openpyxl

    assert openpyxl.DEFUSEDXML


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_rows_past_the_limit_are_said(tmp_path, monkeypatch, suffix):
    monkeypatch.setattr(bounded, "ROWS", 2)
    rows = [*ROWS, [2020, 2, 1, "Event 4", "Text"]]
    path = sheet_csv(tmp_path / "s.csv", rows) if suffix == "csv" else workbook(tmp_path / "s.xlsx", rows)
    reading = read_sheet(path)
    assert len(reading.drafts) == 2
    assert [str(problem) for problem in reading.problems] == [
        f"s.{suffix}:4: rows: the most an import reads is 2 records; this one and every later one left out"
    ]


# CSV


def peak_memory(work) -> int:
    # Python's own collector settings, whatever an earlier test in this process set (a
    # build's plugin makes full collections rarer): garbage it has not yet collected is
    # not memory the import holds.
    thresholds = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    gc.collect()
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        gc.set_threshold(*thresholds)


def test_a_csv_is_read_one_row_at_a_time(tmp_path):
    """100,000 rows took 680 MB: the whole file was held, and every draft.  Now memory
    holds one row at a time (and the ids given): ten times the rows, the same peak."""

    def reading(rows: int) -> int:
        notes = "n" * 10_000  # a column the import does not use: 10 MB in 1,000 rows
        cells = [[2020, 1, 1, f"Event {i}", "<p>Text</p>", notes] for i in range(rows)]
        path = sheet_csv(tmp_path / f"{rows}.csv", cells, [*HEADER, "Notes"])
        drafts = []
        peak = peak_memory(lambda: read_sheet(path, Reading(path.name, sink=lambda draft: drafts.append(draft.id))))
        assert len(drafts) == rows
        return peak

    small, large = reading(100), reading(1_000)
    assert large < small + 1_000_000, (small, large)  # holding the rows would take 9 MB more


def test_the_plan_keeps_the_files_to_write_on_disk(tmp_path):
    """Every draft was rendered and held, then copied with the content folder for the
    check: now each waits in a staging folder, and memory holds its name."""
    from generator.commands.importing.drafts import Draft

    def planning(drafts: int) -> int:
        body = "A long account. " * 3_000
        with Plan(tmp_path / "content", "f.csv") as plan:

            def add() -> None:
                for number in range(drafts):
                    plan.add(Draft("event", f"event-{number}", {"title": "T", "date": "2020"}, body, str(number)))

            peak = peak_memory(add)
            assert len(list((plan.staged / "events").iterdir())) == drafts == len(plan.new)
        return peak

    small, large = planning(20), planning(200)
    assert large < small + 500_000, (small, large)  # holding the texts would take 8 MB more


def test_progress_shows_on_a_terminal_only(tmp_path):
    path = sheet_csv(tmp_path / "s.csv", ROWS)
    reader, writer = pty.openpty()
    try:
        done = run_import(
            "sheet", path, "--into", tmp_path / "content", stderr=writer, capture_output=False, stdout=subprocess.PIPE
        )
        os.close(writer)
        writer = -1
        shown = b""
        while True:
            try:
                piece = os.read(reader, 4096)
            except OSError:
                break
            if not piece:
                break
            shown += piece
    finally:
        os.close(reader)
        if writer >= 0:
            os.close(writer)
    assert (
        done.returncode == 0
        and b"\r\x1b[K3 record(s) read; checking" in shown
        and b"checking that the result builds" in shown
    )
    assert "record(s) read" not in run_import("sheet", path, "--into", tmp_path / "content").stderr


def test_a_long_cell_is_read_and_one_past_a_file_is_one_line(tmp_path):
    """Python's csv refuses a cell over 131,072 characters with a traceback; a cell that
    fits in a file is read, a longer one is one line and the rows after it are said."""
    long = sheet_csv(tmp_path / "long.csv", [[2020, 1, 1, "Long", "x" * 200_000], [2020, 1, 2, "After", "t"]])
    done = run_import("sheet", long, "--into", tmp_path / "content")
    assert done.returncode == 0 and "2 new" in done.stdout, done.stderr
    huge = sheet_csv(tmp_path / "huge.csv", [[2020, 1, 1, "Huge", "x" * (bounded.CELL_CHARACTERS + 1)], ROWS[0]])
    line = one_line(run_import("sheet", huge, "--into", tmp_path / "content"), "huge.csv:2: file:")
    assert "a cell of more than 1,048,576 characters" in line and "this row and the rest left out" in line


def test_a_csv_not_in_utf8_is_refused_whole(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("Year,Headline\n2020,Caf\u00e9\n".encode("latin-1"))
    line = one_line(run_import("sheet", path, "--into", tmp_path / "content"), "latin.csv:1: file:")
    assert "not UTF-8 text (byte 0xe9 on line 2)" in line


def test_naughty_strings_arrive_intact_or_are_reported_on_their_row(tmp_path):
    if not NAUGHTY.exists():
        pytest.skip(f"{NAUGHTY} is not here")
    strings = json.loads(NAUGHTY.read_text(encoding="utf-8"))["strings"]
    path = sheet_csv(tmp_path / "naughty.csv", [[2020, 1, 1, text, "<p>Text</p>"] for text in strings])
    write_project(tmp_path, {}, {})
    content = tmp_path / "content"
    shutil.rmtree(content)
    done = run_import("sheet", path, "--into", content, "--write", timeout=120)
    assert "Traceback" not in done.stderr and "the chronology builds with --strict" in done.stdout, done.stderr[-3000:]
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode == 0, build.output[-3000:]
    reported = {int(match) for match in re.findall(r"^\w+: naughty\.csv:(\d+): ", done.stderr, re.MULTILINE)}
    titles = {}
    for file in (content / "events").iterdir():
        written = frontmatter.load(file)
        titles[int(written["imported_from"]["record"])] = written["title"]
    for row, text in enumerate(strings, start=2):
        trimmed = re.sub(r"[ \t]+", " ", text).strip()  # what every import does to a cell (README)
        assert titles.get(row) == trimmed or row in reported, (row, text, titles.get(row))


# ACLED


def test_near_duplicate_actors_scale_and_numbers_make_different_actors(tmp_path):
    """difflib compared every pair (3,000 names: 126 s; 10,000: about 20 minutes) and
    took "Militia group 00961" and "00963" for one actor spelled two ways."""
    names = [f"Militia group {number:05d}" for number in range(5_000)]
    regions = ("Northern", "Southern", "Coastal", "Mountain", "Desert")
    names += [f"{region} Brigade of {place}" for region in regions for place in range(1_000)]
    names += ["Kataib Hezbollah", "Kataib Hizbollah", "Al-Shabaab", "Al Shabab"]
    path = tmp_path / "acled.csv"
    rows = "".join(f"E{index},2020-05-01,1,Battles,{name},3,X,Clash.\n" for index, name in enumerate(names))
    path.write_text("event_id_cnty,event_date,time_precision,event_type,actor1,inter1,location,notes\n" + rows)
    code = (
        "import sys, time; from pathlib import Path\n"
        "from generator.commands.importing.acled import read_acled\n"
        "started = time.process_time(); reading = read_acled(Path(sys.argv[1]))\n"
        "print(time.process_time() - started); print(*reading.problems, sep='\\n')"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert done.returncode == 0, done.stderr
    seconds, *problems = done.stdout.splitlines()
    assert float(seconds) < 20  # reading 10,000 rows and comparing 10,004 names
    alike = [problem for problem in problems if "may be one actor" in problem]
    assert alike == [
        "acled.csv:actors: actor: 'Al Shabab' and 'Al-Shabaab' may be one actor spelled two ways; both kept",
        "acled.csv:actors: actor: 'Kataib Hezbollah' and 'Kataib Hizbollah' may be one actor spelled two ways; both kept",
    ]


def test_the_week_around_the_first_day_of_year_one_is_one_line(tmp_path):
    path = tmp_path / "week.csv"
    path.write_text(
        "event_id_cnty,event_date,time_precision,event_type,actor1,inter1,location,notes\nE1,0001-01-01,2,Battles,A,3,X,Clash.\n"
    )
    content = tmp_path / "content"
    line = one_line(run_import("acled", path, "--into", content, "--write"), "week.csv:2: event_date:", status=0)
    assert "cut at 0001-01-01/0001-01-07" in line
    assert frontmatter.load(content / "events" / "acled-e1.md")["date"] == "0001-01-01/0001-01-07"


ACLED_PLACES = ["event_id_cnty", "event_date", "country", "admin1", "admin2", "location", "latitude", "longitude"]


def test_naughty_place_names_make_places_intact_or_are_reported_on_their_row(tmp_path):
    """Each string as a location and as its admin2: a place file of that name (ids from
    names that are no ASCII, or that collide, made unique), or a word on its row."""
    if not NAUGHTY.exists():
        pytest.skip(f"{NAUGHTY} is not here")
    strings = json.loads(NAUGHTY.read_text(encoding="utf-8"))["strings"]
    rows = [[f"N{row}", "2020-05-01", "Syria", "Idlib", text, text, "35.9", "36.6"] for row, text in enumerate(strings)]
    path = sheet_csv(tmp_path / "naughty.csv", rows, ACLED_PLACES)
    write_project(tmp_path, {}, {})
    content = tmp_path / "content"
    shutil.rmtree(content)
    done = run_import("acled", path, "--into", content, "--write", timeout=120)
    assert "Traceback" not in done.stderr and "the chronology builds with --strict" in done.stdout, done.stderr[-3000:]
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode == 0, build.output[-3000:]
    reported = {int(match) for match in re.findall(r"^\w+: naughty\.csv:(\d+): ", done.stderr, re.MULTILINE)}
    places = {file.stem: frontmatter.load(file).metadata for file in (content / "places").iterdir()}
    for file in (content / "events").iterdir():
        event = frontmatter.load(file)
        row = int(event["imported_from"]["record"])
        trimmed = re.sub(r"[ \t]+", " ", strings[row - 2]).strip()
        place = places[event["place"]]
        assert place["name"] == trimmed or row in reported, (row, strings[row - 2], place["name"])
        assert places[place["part_of"]]["part_of"] == "idlib-syria"  # location < admin2 < admin1
    assert places["idlib-syria"]["part_of"] == "syria"


def test_huge_place_names_are_read_and_build(tmp_path):
    """A location and an area of 300,000 characters each: their files, the event's title
    and every summary that names the area stay within a file's limit."""
    big = ["E1", "2020-05-01", "Syria", "a" * 300_000, "Idlib", "b" * 300_000, "35.9", "36.6"]
    path = sheet_csv(tmp_path / "huge.csv", [big], ACLED_PLACES)
    done = run_import("acled", path, "--into", tmp_path / "content")
    assert done.returncode == 0 and "5 new" in done.stdout, done.stderr[-3000:]
    assert "the chronology builds with --strict" in done.stdout


# TimelineJS


def test_json_nested_deep_is_one_line(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"events": ' + "[" * 100_000 + "]" * 100_000 + "}")
    line = one_line(run_import("timelinejs", path, "--into", tmp_path / "content"), "deep.json:1: file:")
    assert "nested 100,001 deep; the most an import reads is 32" in line


def test_a_number_of_5000_digits_is_one_line(tmp_path):
    path = tmp_path / "digits.json"
    path.write_text('{"events": [{"start_date": {"year": ' + "9" * 5_000 + '}, "text": {"headline": "Far"}}]}')
    line = one_line(run_import("timelinejs", path, "--into", tmp_path / "content"), "start_date.year:")
    assert "(5,000 characters) is not a number" in line and len(line) < 300


def test_a_record_past_the_limit_is_said(tmp_path, monkeypatch):
    from generator.commands.importing.timelinejs import read_json

    monkeypatch.setattr(bounded, "ROWS", 1)
    reading = read_json(JSON_FIXTURE)
    assert len(reading.drafts) == 1
    assert str(reading.problems[-1]).startswith(
        "timelinejs.json:events[1]: rows: the most an import reads is 1 records"
    )


# Where it writes


def test_into_a_file_a_loop_or_a_folder_that_is_not_content_is_one_line(tmp_path):
    a_file = tmp_path / "file"
    a_file.write_text("x")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    for into, why in ((a_file, "not a folder"), (loop, "symbolic links")):
        one_line(run_import("timelinejs", JSON_FIXTURE, "--into", into, "--write"), f"error: {into}: ")
        assert why in run_import("timelinejs", JSON_FIXTURE, "--into", into).stderr
    line = one_line(run_import("timelinejs", JSON_FIXTURE, "--into", "/etc"), "error: /etc: ")  # a dry run only
    assert "not a chronology's content folder" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_into_a_folder_not_writable_is_one_line(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    content.chmod(0o555)
    one_line(run_import("timelinejs", JSON_FIXTURE, "--into", content, "--write"), "not writable")


ODD = {
    "dangling link": lambda path: path.symlink_to("nowhere.md"),
    "pipe": lambda path: os.mkfifo(path),
    "folder": lambda path: path.mkdir(),
    "not UTF-8": lambda path: path.write_bytes(b"---\ntitle: \xff\n---\n"),
}


@pytest.mark.parametrize("odd", sorted(ODD))
def test_odd_entries_in_the_content_folder_are_one_line_each(tmp_path, odd):
    """Each was a traceback, or a hang (a pipe read as the file it replaces): in the
    place of a file the import writes it is a conflict, elsewhere the build's problem."""
    content = tmp_path / "content"
    for folder in ("events", "actors"):
        (content / folder).mkdir(parents=True)
    taken = content / "events" / "strike-at-baghdad-airport.md"  # a file the import writes
    ODD[odd](taken)
    ODD[odd](content / "events" / "x.md")
    before = os.lstat(taken).st_mode
    done = run_import("timelinejs", JSON_FIXTURE, "--into", content, "--write", timeout=30)
    conflict = [line for line in done.stdout.splitlines() if "conflict: events/strike-at-baghdad-airport.md" in line]
    assert len(conflict) == 1 and "left as it is" in conflict[0], done.stdout
    one_line(done, f"{content}/events/x.md")
    assert (content / "events" / "rocket-attack-on-k-1-base.md").is_file()  # the rest is written
    assert os.lstat(taken).st_mode == before


def test_an_import_never_writes_through_a_linked_folder(tmp_path):
    outside = tmp_path / "outside-events"
    outside.mkdir()
    into = tmp_path / "into"
    into.mkdir()
    os.symlink(outside, into / "events")
    path = sheet_csv(tmp_path / "s.csv", [[2020, 1, 1, "Landed outside", "<p>Text</p>"]])
    done = subprocess.run(
        [sys.executable, "-m", "generator", "import", "sheet", str(path), "--into", str(into), "--write"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "events/ is a link to another folder" in done.stderr
    assert list(outside.iterdir()) == []
