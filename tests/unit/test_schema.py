"""The frontmatter schemas: standard JSON Schema that accepts the sample, the same
definitions in both, and the typed view validation reads through."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft7Validator

from tests.conftest import REPO, frontmatter_of

SCHEMAS = REPO / "generator" / "pipeline" / "schema"


def standard_validator(kind: str) -> Draft7Validator:
    # Built here from the file alone, as an editor's tool would, not through generator.pipeline.schema.
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text())
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


def test_shared_definitions_are_the_same_in_both_schemas():
    event, actor = (json.loads((SCHEMAS / f"{k}.schema.json").read_text())["definitions"] for k in ("event", "actor"))
    assert event == actor


@pytest.mark.parametrize("kind", ["event", "actor"])
def test_every_sample_file_is_valid_against_its_schema(kind):
    validator = standard_validator(kind)
    files = sorted((REPO / "content" / f"{kind}s").glob("*.md"))
    assert files
    for path in files:
        errors = [e.message for e in validator.iter_errors(frontmatter_of(path))]
        assert errors == [], path.name


def test_schema_rejects_what_the_build_rejects():
    validator = standard_validator("event")
    assert not validator.is_valid({"title": "T", "date": "2023", "sources": [], "tittle": "x"})


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
