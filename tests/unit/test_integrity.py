"""`python -m generator integrity`: the source-integrity report, in the editors' line form."""

from __future__ import annotations

import os

from tests.conftest import REPO, run_generator, write_project

DOUBTFUL = """\
---
title: Strike
date: '2024-06-01'
sources:
  - id: wire
    title: Strikes reported
    publisher: A Wire
    published: '2024-05-01'
---

Strikes were reported in the north.[^wire]

A second paragraph with no citation.

It was claimed that ten people died.[^wire] The ministry denied it.[^wire]
"""


def integrity(content, *args):
    # A bare environment dated 1 January 2025 (coverage.py's settings kept, for `make coverage`).
    measured = {name: value for name, value in os.environ.items() if name.startswith("COVERAGE_")}
    env = {"SOURCE_DATE_EPOCH": "1735689600", "PATH": "/usr/bin:/bin", **measured}
    return run_generator("--content", content, "integrity", *args, env=env)


def test_each_finding_is_a_line_with_file_and_line(tmp_path):
    write_project(tmp_path, {"strike.md": DOUBTFUL}, {})
    report = integrity(tmp_path / "content")
    lines = report.stderr.splitlines()
    assert report.returncode == 0  # warnings by default
    assert "content/events/strike.md:13: body: a paragraph that cites no source; add a footnote [^id]" in report.stderr
    assert all(line.startswith("warning: ") for line in lines)
    assert any("strike.md:15: body: 'claimed' without saying who" in line for line in lines), report.stderr
    assert not any("'denied' without saying who" in line for line in lines)  # "The ministry" says it
    assert any(
        "strike.md:3: date: the event is dated after every source it cites was published" in line for line in lines
    )
    assert any("strike.md:5: sources[0].id: source 'wire' has no url:, archived: or sha256:" in line for line in lines)
    strict = integrity(tmp_path / "content", "--strict")
    assert strict.returncode == 1 and "error: " in strict.stderr


def test_a_published_source_without_an_archive_is_said(tmp_path):
    text = DOUBTFUL.replace(
        "    published: '2024-05-01'\n", "    published: '2024-05-01'\n    url: https://example.org/x\n"
    )
    write_project(tmp_path, {"strike.md": text}, {})
    report = integrity(tmp_path / "content", "--archive-age", "30")
    assert "source 'wire' was published more than 30 days ago and has no archived: copy" in report.stderr


def test_the_sample_chronology_passes(tmp_path):
    report = integrity(REPO / "content", "--strict")
    assert report.returncode == 0, report.stderr
    assert report.stdout.startswith("0 finding(s)")


def test_places_and_stories_are_read_too(tmp_path):
    event = DOUBTFUL.replace("A second paragraph with no citation.\n\n", "")
    place = (
        "---\nname: Erbil\nsources:\n  - id: wire\n    title: T\n    publisher: P\n---\n\n"
        "A city.[^wire]\n\nIts airport has a base.\n"
    )
    write_project(tmp_path, {"strike.md": event}, {}, {"erbil.md": place})
    story = """\
---
title: The story
steps:
  - event: strike
    text: It said the strike killed ten.[^wire]
  - place: erbil
    text: |
      The base is near the city.[^wire]

      It was claimed that the base was hit.[^wire] No one says by whom.
sources:
  - id: wire
    title: T
    publisher: P
---

An introduction that cites nothing.
"""
    (tmp_path / "content" / "stories").mkdir()
    (tmp_path / "content" / "stories" / "told.md").write_text(story)
    report = integrity(tmp_path / "content")
    assert "content/places/erbil.md:4: sources[0].id: source 'wire' has no url:, archived: or sha256:" in report.stderr
    assert "content/places/erbil.md:11: body: a paragraph that cites no source" in report.stderr
    assert "content/stories/told.md:17: body: a paragraph that cites no source" in report.stderr
    # A step's words, on their own line: "It said" names whoever "it" is; "It was claimed", no one.
    assert "told.md:5: steps[0].text: 'said'" not in report.stderr
    assert "content/stories/told.md:10: steps[1].text: 'claimed' without saying who" in report.stderr
    assert "content/stories/told.md:12: sources[0].id: source 'wire' has no url:" in report.stderr
    assert "1 events, 0 actors, 1 places and 1 stories" in report.stdout
