"""The JSON Schemas for frontmatter: the single source of truth for fields and their types.

The same files are published for editors' tools (yaml-language-server) and used by
validation, so what the editor's tool accepts is what the build accepts.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_FILES = ("defs.schema.json", "event.schema.json", "actor.schema.json")


def schema_text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def validator(kind: str) -> Draft202012Validator:
    """The validator for 'event' or 'actor' frontmatter, with shared definitions resolved."""
    registry = Registry().with_resources(
        (name, Resource.from_contents(json.loads(schema_text(name)))) for name in SCHEMA_FILES
    )
    schema = json.loads(schema_text(f"{kind}.schema.json"))
    return Draft202012Validator(schema, registry=registry)
