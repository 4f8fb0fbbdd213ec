"""Every limit of the README's table (generator/pipeline/limits.py, and the list caps of
the schemas), at the limit and one past it, through the pipeline: at the limit the file
is accepted; one past, it is refused with its file, its line where it has one, and the
limit (tests/site/test_limits.py builds the same files with the real MkDocs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import limits
from generator.pipeline.chronology import build_chronology
from generator.pipeline.yaml_text import YamlTextError, load_yaml_text
from tests.limit_cases import LIMITS, YAML_LIMITS, Files, at_size, with_front


def pipeline(root: Path, files: Files) -> list[str]:
    """Every problem the pipeline finds in these files, warnings too, as editors read them."""
    for folder, named in zip(("events", "actors"), files, strict=True):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for name, text in named.items():
            (root / folder / name).write_text(text, encoding="utf-8")
    _, problems = build_chronology(root)
    return [str(problem) for problem in problems]


@pytest.mark.parametrize("name", list(LIMITS))
def test_at_the_limit_a_file_is_accepted(tmp_path, name):
    limit, files, _ = LIMITS[name]
    assert pipeline(tmp_path / "content", files(limit)) == []


def test_the_file_at_the_size_limit_is_that_size():
    assert len(at_size(limits.FILE_BYTES).encode("utf-8")) == 1_048_576


@pytest.mark.parametrize("name", list(LIMITS))
def test_one_past_the_limit_a_file_is_refused_with_the_limit(tmp_path, name):
    limit, files, message = LIMITS[name]
    assert pipeline(tmp_path / "content", files(limit + 1)) == [message(limit + 1)]


def test_the_readme_table_is_what_is_tested():
    """The caps of the lists, in the schemas, are the README's."""
    import json

    from tests.conftest import REPO

    def caps(kind: str) -> dict[str, int]:
        schema = json.loads((REPO / "generator" / "pipeline" / "schema" / f"{kind}.schema.json").read_text())
        return {name: field["maxItems"] for name, field in schema["properties"].items() if "maxItems" in field}

    tested = {name: limit for name, (limit, _, _) in LIMITS.items()}
    for kind in ("event", "actor"):
        for name, cap in caps(kind).items():
            if name in ("media", "corrections"):
                continue  # not in the README's table
            assert tested[name] == cap, (kind, name)
    assert (
        "| items in a list field | `tags` and `aliases` 100; `actors`, `related`, `follows`, `sources` 500; `affiliations` 200 |"
        in (REPO / "README.md").read_text()
    )


# --- frontmatter: its depth and its values, before any schema reads them -------------------------


@pytest.mark.parametrize("name", list(YAML_LIMITS))
def test_frontmatter_at_its_limits_is_read_and_one_past_is_refused(tmp_path, name):
    make, limit, refusal = YAML_LIMITS[name]
    at, past = (with_front(make(count)) for count in (limit, limit + 1))
    assert load_yaml_text(at.split("---")[1]).data
    with pytest.raises(YamlTextError, match=refusal):
        load_yaml_text(past.split("---")[1])
    # Through the pipeline: at the limit, only the schema speaks (no field is that big); one
    # past, the limit, with the line.
    found = pipeline(tmp_path / "at" / "content", ({"case.md": at}, {}))
    assert found and all(problem.startswith("content/events/case.md:8: tags") for problem in found), found
    assert pipeline(tmp_path / "past" / "content", ({"case.md": past}, {})) == [f"content/events/case.md:8: {refusal}"]
