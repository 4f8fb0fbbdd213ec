"""One way of placing a problem in an editor's file: `core.problems.problem_at`, on the
field's line or its nearest parent's, used by validation, linking, the integrity report
and the source-link checker alike."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from generator.commands import integrity, source_links
from generator.core.dates import Day, parse_date
from generator.core.model import Event, Media, Source
from generator.core.problems import Problem, body_line, problem_at
from generator.pipeline import link
from generator.pipeline.load import RawRecord

GENERATOR = Path(__file__).resolve().parents[2] / "generator"
# The editor wrote `sources:` (line 7) and its first entry (line 8) with a title (line 9),
# but where exactly the url or an id sits is not recorded: the entry's line must serve.
LINES = {("title",): 2, ("sources",): 7, ("sources", 0): 8, ("sources", 0, "title"): 9, ("media", 0): 5}


def event(**fields: object) -> Event:
    values: dict[str, object] = {
        "id": "strike",
        "path": "content/events/strike.md",
        "body": "Said to have happened.\n",
        "title": "Strike",
        "date": parse_date("2023-12-25"),
        "lines": LINES,
        "body_line": 12,
        **fields,
    }
    return Event(**values)  # type: ignore[arg-type]


def test_a_problem_sits_on_its_fields_line():
    problem = problem_at(event(), ("sources", 0, "title"), "is empty", expected="a title")
    assert problem == Problem("content/events/strike.md", "is empty", "sources[0].title", 9, "a title")
    assert str(problem) == "content/events/strike.md:9: sources[0].title: is empty; expected a title"


def test_a_field_the_editor_did_not_write_sits_on_its_parents_line():
    assert problem_at(event(), ("sources", 0, "url"), "missing").line == 8
    assert problem_at(event(), ("coordinates", "latitude"), "missing").line == 1  # nothing above: the file's first


def test_a_line_of_the_body_is_placed_on_the_files_line():
    file = event()
    assert body_line(file, 0) == 12 and body_line(file, 3) == 15
    assert problem_at(file, ("body",), "uncited", line=body_line(file, 3)).line == 15
    assert body_line(event(body_line=0), 3) is None  # a body whose place is not known


def test_raw_records_and_models_are_placed_alike():
    record = RawRecord("event", "strike", "content/events/strike.md", {}, LINES, "", 12)
    assert problem_at(record, ("sources", 0, "url"), "x") == problem_at(event(), ("sources", 0, "url"), "x")


def test_the_integrity_report_falls_back_to_the_parents_line():
    source = Source("s1", "Report", "Wire")  # no url, archive or digest: cannot be checked
    [problem] = integrity._source_problems(event(sources=(source,)), Day.of(2024, 1, 1), 30)
    assert (problem.field, problem.line, problem.warning) == ("sources[0].id", 8, True)


def test_the_source_link_checker_falls_back_to_the_parents_line():
    file = event(sources=(Source("s1", "Report", "Wire", url="https://example.org/gone"),))
    cited = source_links.cited_addresses(SimpleNamespace(events=(file,), actors=(), places=(), stories=()))  # type: ignore[arg-type]
    dead = source_links.Result("https://example.org/gone", 404, "Not Found", "https://example.org/gone", 0.0)
    [problem] = source_links.link_problems(cited, {dead.url: dead})
    assert (problem.field, problem.line, problem.warning) == ("sources[0].url", 8, False)


def test_a_missing_image_falls_back_to_the_parents_line():
    file = event(media=(Media("map.png", "A map"),))
    [problem] = link._media_problems([file], frozenset())
    assert (problem.field, problem.line) == ("media[0].file", 5)


def test_no_module_reads_a_files_lines_but_through_problem_at():
    """Looking a field up in `lines` directly loses the fall-back to the parent field's line
    (a YAML document's own root line, `parsed.lines.get(())`, is not a field's)."""
    found = [
        f"{path.relative_to(GENERATOR)}: {match.group(0)}"
        for path in sorted(GENERATOR.rglob("*.py"))
        if path.relative_to(GENERATOR).as_posix()
        not in ("core/problems.py", "pipeline/yaml_text.py")  # it records them
        for match in re.finditer(r"\.lines(?:\.get\((?!\(\))|\[).*", path.read_text(encoding="utf-8"))
    ]
    assert found == []
