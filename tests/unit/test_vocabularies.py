"""Fixed vocabularies are `Literal` types, each defined once, that mypy checks; where the
JSON schemas, mkdocs.yml's options or a template name the same words, a test keeps them
equal to the Literal."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import get_args

import pytest
from mypy import api as mypy_api

from generator.build.config import TimelineConfig
from generator.build.search_index import SearchScope
from generator.core.content import FOLDERS, FileKind
from generator.core.dates import Coverage, coverage, parse_date
from generator.core.model import ActorKind
from generator.pipeline.history import HistoryGap
from generator.pipeline.schema import SCHEMA_FILES, schema_text
from generator.views.listing import ListingLevel
from generator.views.overview import LaneGrouping

REPO = Path(__file__).resolve().parents[2]
GENERATOR = REPO / "generator"

# Every enum of the frontmatter schemas, by where it stands, and the Literal it must equal.
SCHEMA_ENUMS = {("actor.schema.json", "properties/kind"): ActorKind}


def enums(value: object, pointer: str = "") -> list[tuple[str, list[object]]]:
    found = []
    if isinstance(value, dict):
        if "enum" in value:
            found.append((pointer, value["enum"]))
        for key, item in value.items():
            found += enums(item, f"{pointer}/{key}".lstrip("/"))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += enums(item, f"{pointer}/{index}")
    return found


def test_every_enum_of_the_schemas_is_a_literal_of_the_same_words():
    found = {(name, pointer): words for name in SCHEMA_FILES for pointer, words in enums(json.loads(schema_text(name)))}
    assert set(found) == set(SCHEMA_ENUMS), "a new enum in a schema needs its Literal here"
    for where, literal in SCHEMA_ENUMS.items():
        assert sorted(found[where]) == sorted(get_args(literal)), where


def test_the_choices_of_mkdocs_yml_are_the_literals():
    choices = {name: option.choices for name, option in TimelineConfig._schema if hasattr(option, "choices")}
    assert choices == {"lanes": get_args(LaneGrouping), "search": get_args(SearchScope)}


def test_a_template_names_every_listing_level():
    """tl-overview.html says what the pages of a split period are, one sentence a level."""
    template = (REPO / "theme" / "partials" / "tl-overview.html").read_text(encoding="utf-8")
    assert set(re.findall(r'^\s*"(\w+)": _\(', template, re.MULTILINE)) == set(get_args(ListingLevel))


def test_the_kinds_of_file_are_the_content_folders():
    assert set(FOLDERS) == set(get_args(FileKind))


@pytest.mark.parametrize(
    ("period", "date", "expected"),
    [("2010/2015", "2012-06-01", "certain"), ("2010/2015", "2015-06/2016-02", "possible"), ("2010/2015", "2020", None)],
)
def test_coverage_says_one_of_its_words_or_none(period, date, expected):
    found = coverage(parse_date(period), parse_date(date))
    assert found == expected and (found is None or found in get_args(Coverage))


def literal_definitions() -> list[tuple[str, frozenset[str]]]:
    """(where, its words) for every `Literal[...]` with two or more words in generator/."""
    found = []
    for path in sorted(GENERATOR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Literal":
                items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
                words = frozenset(item.value for item in items if isinstance(item, ast.Constant))
                if len(words) > 1:
                    found.append((f"{path.relative_to(GENERATOR)}:{node.lineno}", words))
    return found


def test_each_vocabulary_is_defined_once():
    definitions = literal_definitions()
    by_words: dict[frozenset[str], list[str]] = {}
    for where, words in definitions:
        by_words.setdefault(words, []).append(where)
    assert {words for words in by_words if len(by_words[words]) > 1} == set()
    named = {ActorKind, FileKind, LaneGrouping, SearchScope, ListingLevel, HistoryGap, Coverage}
    assert {frozenset(get_args(literal)) for literal in named} <= set(by_words)


def test_mypy_refuses_a_word_outside_a_vocabulary(tmp_path):
    """The point of the Literals: a misspelt kind, lane or level is a type error, found
    by `make lint` before any build."""
    snippet = tmp_path / "misspelt.py"
    snippet.write_text(
        "from generator.core.model import ActorKind\n"
        "from generator.views.overview import Drawing\n"
        "from generator.core.dates import coverage, parse_date\n"
        "kind: ActorKind = 'people'\n"
        "drawing = Drawing(lanes='actors')\n"
        "if coverage(None, parse_date('2020')) == 'sure':\n"
        "    pass\n",
        encoding="utf-8",
    )
    out, _, status = mypy_api.run(
        ["--strict", "--no-incremental", "--follow-imports=silent", "--python-version=3.11", str(snippet)]
    )
    assert status == 1
    assert {int(line.split(":")[1]) for line in out.splitlines() if ": error:" in line} == {4, 5, 6}, out
