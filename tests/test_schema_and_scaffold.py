"""The published schemas accept the sample; the scaffold makes files that build once filled in."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from conftest import REPO, run_mkdocs, write_project
from jsonschema import Draft7Validator

SCHEMAS = REPO / "generator" / "pipeline" / "schema"


def standard_validator(kind: str) -> Draft7Validator:
    # Built here from the file alone, as an editor's tool would, not through generator.pipeline.schema.
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text())
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


def test_shared_definitions_are_the_same_in_both_schemas():
    event, actor = (json.loads((SCHEMAS / f"{k}.schema.json").read_text())["definitions"] for k in ("event", "actor"))
    assert event == actor


def frontmatter(path):
    return yaml.load(path.read_text(encoding="utf-8").split("---")[1], Loader=yaml.BaseLoader)


@pytest.mark.parametrize("kind", ["event", "actor"])
def test_every_sample_file_is_valid_against_its_schema(kind):
    validator = standard_validator(kind)
    files = sorted((REPO / "content" / f"{kind}s").glob("*.md"))
    assert files
    for path in files:
        errors = [e.message for e in validator.iter_errors(frontmatter(path))]
        assert errors == [], path.name


def test_schema_rejects_what_the_build_rejects():
    validator = standard_validator("event")
    assert not validator.is_valid({"title": "T", "date": "2023", "sources": [], "tittle": "x"})


def test_schemas_are_published_in_the_site(sample_build):
    for name in ("event.schema.json", "actor.schema.json"):
        published = json.loads((sample_build.site / "schemas" / name).read_text())
        assert published == json.loads((SCHEMAS / name).read_text())


def scaffold(root, *args):
    return subprocess.run(
        [sys.executable, "-m", "generator", "--content", "content", "new", *args],
        cwd=root,
        capture_output=True,
        text=True,
    )


def test_scaffolded_files_fail_until_filled_in_then_build(tmp_path):
    write_project(tmp_path, {}, {})
    assert scaffold(tmp_path, "event", "Drone attack: Erbil").returncode == 0
    assert scaffold(tmp_path, "actor", "Kataib Hezbollah", "--actor-kind", "group").returncode == 0
    event = tmp_path / "content/events/drone-attack-erbil.md"
    actor = tmp_path / "content/actors/kataib-hezbollah.md"
    assert frontmatter(event)["title"] == "Drone attack: Erbil"

    unfilled = run_mkdocs(tmp_path, "--strict")
    assert unfilled.returncode == 1
    assert "content/events/drone-attack-erbil.md:8: date: placeholder 'FILL IN' left in; replace it" in unfilled.output
    assert "content/actors/kataib-hezbollah.md:19: sources[0].title: placeholder 'FILL IN' left in" in unfilled.output

    event.write_text(
        event.read_text()
        .replace("FILL IN (YYYY-MM-DD)", "XXXX-12-20")
        .replace("# actors:\n#   - id: FILL IN", "actors:\n  - id: kataib-hezbollah")
        .replace("#     role: FILL IN", "    role: accused")
        .replace("FILL IN", "Filled")
    )
    actor.write_text(actor.read_text().replace("FILL IN", "Filled"))
    filled = run_mkdocs(tmp_path, "--strict")
    assert filled.returncode == 0, filled.output
    page = filled.page("actors/kataib-hezbollah/")
    assert [a.get_text() for a in page.select(".tl-appearances li a")] == ["Drone attack: Erbil"]


def test_scaffold_refuses_to_overwrite(tmp_path):
    write_project(tmp_path, {}, {})
    assert scaffold(tmp_path, "event", "Same title").returncode == 0
    before = (tmp_path / "content/events/same-title.md").read_text()
    again = scaffold(tmp_path, "event", "Same title")
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert (tmp_path / "content/events/same-title.md").read_text() == before


@pytest.mark.parametrize(("kind", "typed"), [("event", "_EventData"), ("actor", "_ActorData")])
def test_validations_typed_view_of_the_frontmatter_follows_the_schema(kind, typed):
    # validate.py reads accepted frontmatter through TypedDicts for the type checker; the
    # schema stays the one source of truth, and this keeps the two from drifting apart.
    from typing import NotRequired, get_origin, get_type_hints

    from generator.pipeline import validate

    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    hints = get_type_hints(getattr(validate, typed), include_extras=True)
    assert set(hints) == set(schema["properties"])
    assert {name for name, hint in hints.items() if get_origin(hint) is not NotRequired} == set(schema["required"])
