"""The JSON Schemas for frontmatter: the single source of truth for fields and their types.

The same files are published for editors' tools and used by validation, so what the
editor's tool accepts is what the build accepts.  Each schema is self-contained (draft-07,
no references across files), because that is what editors' validators resolve; a test
keeps the definitions the two schemas share identical.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from jsonschema import Draft7Validator

SCHEMA_FILES = ("event.schema.json", "actor.schema.json")


def schema_text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def validator(kind: str) -> Draft7Validator:
    """The validator for 'event' or 'actor' frontmatter."""
    return Draft7Validator(json.loads(schema_text(f"{kind}.schema.json")))
