"""Every kind of editor mistake, reported with file, line, field and suggestion, all at
once, without a traceback, and without touching the previous site."""

from __future__ import annotations

import pytest

from tests import broken_chronology
from tests.conftest import actor_file, event_file, run_mkdocs, write_project

EXPECTED = {
    "yaml syntax": "ERROR   -  content/events/yaml-syntax.md:3: YAML syntax error: did not find expected ',' or ']' "
    "(while parsing a flow sequence that starts on line 2)",
    "no frontmatter": "content/events/no-frontmatter.md:1: no frontmatter: the file must start with a line '---'",
    "frontmatter not a mapping": "content/events/not-a-mapping.md:2: frontmatter must be fields ('name: value' lines); expected a mapping",
    "missing field": "content/events/missing-date.md:2: date: missing required field; expected a line 'date: ...'",
    "unknown field": "content/events/unknown-field.md:2: tittle: unknown field; expected one of title, date, date_note, "
    "summary, place, lang, coordinates, actors, related, follows, tags, media, corrections, sources, imported_from; "
    "did you mean 'title'?",
    "wrong type": "content/events/wrong-type.md:4: tags: the text 'airstrike' is not allowed here; expected a list of tags",
    "invalid EDTF": "content/events/bad-date.md:3: date: '25/12/2023' is not a valid EDTF date; expected EDTF, for "
    "example 2023-12-25 (a day); 2023-12 (a month); 2023 (a year);",
    "invalid EDTF, suggested": "did you mean '2023-12-25'?",
    "range ends before start": "content/events/backwards-range.md:3: date: the range '2023-12-27/2023-12-20' ends before it starts",
    "unknown actor": "content/events/unknown-actor.md:6: actors[1]: unknown actor 'kataib-hizbollah'; expected the name "
    "of a file in content/actors/, without .md; did you mean 'kataib-hezbollah'?",
    "unknown event": "content/events/unknown-event.md:4: related[0]: unknown event 'fine-evnt'; expected the name of a "
    "file in content/events/, without .md; did you mean 'fine'?",
    "unknown source": "content/actors/unknown-source.md:6: affiliations[0].source: unknown source 'scr'; "
    "expected an id listed under sources: (src); did you mean 'src'?",
    "footnote names no source": "WARNING -  content/events/stray-footnote.md:10: body: footnote [^scr] names no source; "
    "expected an id listed under sources: (src); did you mean 'src'?",
    "source never cited": "WARNING -  content/events/uncited-source.md:5: sources[0]: source 'src' is never cited; "
    "expected a footnote [^src] in the body",
    "id not valid": "content/events/Duplicate.md: file name is not a valid id; expected lowercase letters, digits and "
    "single hyphens; did you mean 'duplicate.md'?",
    "duplicate id": "content/events/duplicate.md: duplicate id: content/events/Duplicate.md has the same id; rename one of them",
    "event related to itself": "content/events/self-related.md:4: related[0]: an event cannot name itself",
    "actor its own parent": "content/actors/own-parent.md:5: affiliations[0].organisation: an actor cannot be its own parent organisation",
    "parent cycle": "content/actors/cycle-b.md:5: affiliations[0].organisation: parent organisations form a cycle: "
    "cycle-a -> cycle-b -> cycle-a",
    "URL not http(s)": "content/events/bad-url.md:8: sources[0].url: 'javascript:alert(1)' is not valid; expected an http:// or https:// address",
    "empty title": "content/events/empty-title.md:2: title: is empty; expected some text",
    "not UTF-8": "content/events/not-utf8.md:2: not UTF-8 text (byte 0xe9); save the file as UTF-8",
    "empty file": "content/events/empty.md:1: the file is empty; it needs frontmatter between two '---' lines",
    "not Markdown": "content/events/notes.txt: not a Markdown file; every file here must be an .md file; expected notes.md",
    "unknown kind": "content/actors/bad-kind.md:3: kind: 'orgnisation' is not allowed; expected one of person, group, "
    "state, organisation; did you mean 'organisation'?",
}


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("broken")
    write_project(root, {}, {})
    broken_chronology.write(root)
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    return run_mkdocs(root, "--strict")


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_each_mistake_is_named_with_file_line_field_and_suggestion(broken_build, kind):
    assert EXPECTED[kind] in broken_build.output


def test_all_problems_are_reported_at_once_then_the_build_fails(broken_build):
    assert broken_build.returncode == 1
    assert "The chronology has 23 error(s) and 2 warning(s)" in broken_build.output
    assert "Traceback" not in broken_build.output


def test_previous_site_is_left_as_it_was(broken_build):
    assert [p.name for p in broken_build.site.iterdir()] == ["index.html"]
    assert (broken_build.site / "index.html").read_text(encoding="utf-8") == "the previous site"


def test_warnings_build_without_strict_and_fail_with_it(tmp_path):
    events = {"uncited.md": event_file("Uncited", "2023", body="Nothing cited.")}
    write_project(tmp_path, events, {"a.md": actor_file("A")})
    relaxed = run_mkdocs(tmp_path)
    assert relaxed.returncode == 0, relaxed.output
    assert "WARNING -  content/events/uncited.md:" in relaxed.output
    (tmp_path / "site" / "marker").write_text("kept", encoding="utf-8")
    strict = run_mkdocs(tmp_path, "--strict")
    assert strict.returncode == 1
    assert "strict mode refuses warnings" in strict.output
    assert (tmp_path / "site" / "marker").read_text(encoding="utf-8") == "kept"
