"""`python -m generator new`: the scaffold never overwrites a file."""

from __future__ import annotations

import itertools
import json
import re
import subprocess

import yaml

from generator.commands.new import new_file
from generator.core.geo import PRECISION_RADII
from generator.pipeline.schema import schema_text
from tests.conftest import REPO, run_generator, write_project


def test_scaffold_refuses_to_overwrite(tmp_path):
    write_project(tmp_path, {}, {})
    assert run_generator("--content", "content", "new", "event", "Same title", cwd=tmp_path).returncode == 0
    before = (tmp_path / "content/events/same-title.md").read_text()
    again = run_generator("--content", "content", "new", "event", "Same title", cwd=tmp_path)
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert (tmp_path / "content/events/same-title.md").read_text() == before


def test_a_place_file_lists_the_precisions_with_their_radii(tmp_path):
    path = new_file(tmp_path, "place", "Al-Bukamal (البوكمال)")
    assert path == tmp_path / "places/al-bukamal.md"
    text = path.read_text(encoding="utf-8")
    assert 'name: "Al-Bukamal (البوكمال)"' in text
    assert "town (5 km)" in text and "site (250 m)" in text and all(word in text for word in PRECISION_RADII)
    again = run_generator("--content", str(tmp_path), "new", "place", "Al-Bukamal (البوكمال)")
    assert again.returncode == 1 and "already exists" in again.stderr


def test_a_story_file_holds_every_field_of_its_schema_explained(tmp_path):
    path = new_file(tmp_path, "story", 'The "Erbil" story: $HOME `x`')
    assert path == tmp_path / "stories/the-erbil-story-home-x.md"
    text = path.read_text(encoding="utf-8")
    assert 'title: "The \\"Erbil\\" story: $HOME `x`"' in text
    schema = json.loads(schema_text("story.schema.json"))
    fields = set(schema["properties"]) - {"imported_from"}  # written by an import, never by hand
    fields |= set(schema["properties"]["steps"]["items"]["properties"])
    fields |= set(schema["definitions"]["source"]["properties"])
    missing = [name for name in fields if not re.search(rf"^[ #-]*{name}:", text, re.MULTILINE)]
    assert not missing
    # Each field the file starts with follows a comment that explains it.
    lines = text.split("---")[1].splitlines()
    unexplained = [
        line for before, line in itertools.pairwise(lines) if re.match(r"\w+:", line) and not before.startswith("#")
    ]
    assert not unexplained


def test_new_story_is_one_of_the_commands_kinds(tmp_path):
    made = run_generator("--content", str(tmp_path), "new", "story", "From Erbil to Al-Qaim")
    assert made.returncode == 0 and (tmp_path / "stories/from-erbil-to-al-qaim.md").is_file()
    again = run_generator("--content", str(tmp_path), "new", "story", "From Erbil to Al-Qaim")
    assert again.returncode == 1 and "already exists" in again.stderr


def test_make_new_story_keeps_dollars_quotes_and_backticks(tmp_path):
    # The Makefile's own recipe, with the installed virtual environment and a stamp that
    # says it is up to date (as tests/unit/test_workflow.py runs `make new-event`).
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        (tmp_path / name).write_bytes((REPO / name).read_bytes())
    (tmp_path / "stamp").touch()
    title = 'Cost: $5 ("$HOME"), it\'s `id` $$ \\n'
    make = ["make", "-s", "new-story", "SITE_STAMP=stamp", f"BIN={REPO / '.venv' / 'bin'}"]
    result = subprocess.run([*make, f"TITLE={title}"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    [created] = (tmp_path / "content" / "stories").iterdir()
    assert yaml.safe_load(created.read_text(encoding="utf-8").split("---")[1])["title"] == title
    usage = subprocess.run(make, cwd=tmp_path, capture_output=True, text=True)
    assert usage.returncode == 2 and "usage: make new-story TITLE=" in usage.stdout
