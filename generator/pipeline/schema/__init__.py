"""The JSON Schemas for frontmatter: the single source of truth for fields and their types.

The same files are published for editors' tools and used by validation, so what the
editor's tool accepts is what the build accepts.  Each schema is self-contained (draft-07,
no references across files), because that is what editors' validators resolve; a test
keeps the definitions the two schemas share identical.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources

import fastjsonschema
from jsonschema import Draft7Validator

from generator.core.content import FILE_KINDS, FileKind


def schema_file(kind: FileKind) -> str:
    """The schema of an event's or an actor's frontmatter, by file name."""
    return f"{kind}.schema.json"


SCHEMA_FILES = tuple(schema_file(kind) for kind in FILE_KINDS)


def schema_text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def definitions(kind: FileKind) -> dict[str, object]:
    """The shared definitions of a schema (id, text, edtf, source...)."""
    # json.loads is untyped; a schema's "definitions" is a JSON object of named schemas.
    found: dict[str, object] = json.loads(schema_text(schema_file(kind)))["definitions"]
    return found


@cache
def validator(kind: FileKind) -> Draft7Validator:
    """The validator for an event's or an actor's frontmatter."""
    return Draft7Validator(json.loads(schema_text(schema_file(kind))))


@cache
def is_valid(kind: FileKind) -> Callable[[object], bool]:
    """A compiled yes/no check (fastjsonschema), much faster than `validator`.

    Most files are valid, so validation asks this first and runs the full validator,
    whose errors name every problem, only for files that fail it.
    """
    check = fastjsonschema.compile(json.loads(schema_text(schema_file(kind))))

    def valid(data: object) -> bool:
        try:
            check(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return valid
