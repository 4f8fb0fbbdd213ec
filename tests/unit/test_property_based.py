"""Random frontmatter and bodies: the result is a chronology or the editor-facing list of
problems, never an exception."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pipeline.chronology import build_chronology
from tests.random_content import IDS, bodies, file_text, frontmatters, scalars


def run_pipeline(events: dict[str, str | bytes], actors: dict[str, str | bytes]):
    root = Path(tempfile.mkdtemp())
    try:
        for folder, files in (("events", events), ("actors", actors)):
            (root / folder).mkdir()
            for name, text in files.items():
                data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
                (root / folder / name).write_bytes(data)
        return build_chronology(root)
    finally:
        shutil.rmtree(root)


def check(result) -> None:
    chronology, problems = result
    assert all(str(problem) for problem in problems)
    if chronology is None:
        assert any(not problem.warning for problem in problems)
    else:
        assert all(problem.warning for problem in problems)


names = st.sampled_from(["a.md", "b.md", "c.md"])


@settings(max_examples=300, deadline=None)
@given(
    events=st.dictionaries(names, st.builds(file_text, frontmatters, bodies), max_size=3),
    actors=st.dictionaries(names, st.builds(file_text, frontmatters, bodies), max_size=3),
)
def test_random_frontmatter_gives_a_chronology_or_problems(events, actors):
    check(run_pipeline(events, actors))


@settings(max_examples=200, deadline=None)
@given(events=st.dictionaries(names, st.text(max_size=300) | st.binary(max_size=100), max_size=3))
def test_random_file_text_gives_a_chronology_or_problems(events):
    check(run_pipeline(events, {}))


@settings(max_examples=200, deadline=None)
@given(
    date=scalars,
    related=st.lists(st.sampled_from([*IDS, "a", "b"]), max_size=3),
    follows=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
    body=bodies,
)
def test_nearly_valid_events_give_a_chronology_or_problems(date, related, follows, body):
    source = [{"id": "src", "title": "T", "publisher": "P"}]
    events = {
        f"{name}.md": file_text(
            {"title": name, "date": date, "related": related, "follows": follows, "sources": source}, body
        )
        for name in ("a", "b", "c")
    }
    check(run_pipeline(events, {}))


@settings(max_examples=500, deadline=None)
@given(front=frontmatters)
def test_fast_schema_check_agrees_with_the_full_validator(front):
    from generator.pipeline.schema import is_valid, validator

    for kind in ("event", "actor"):
        assert is_valid(kind)(front) == validator(kind).is_valid(front)


@settings(max_examples=300, deadline=None)
@given(
    title=scalars,
    date=scalars,
    url=st.text(max_size=30)
    | st.sampled_from(
        ["https://x.org/a", "http://x", "https:///x", "ftp://x", "https://$x", "https://x y", "https://x.org/$"]
    ),
    actors=st.lists(st.sampled_from(["a", "A", "a b", ""]) | st.fixed_dictionaries({"id": scalars}), max_size=3),
)
def test_fast_schema_check_agrees_on_nearly_valid_events(title, date, url, actors):
    from generator.pipeline.schema import is_valid, validator

    event = {
        "title": title,
        "date": date,
        "actors": actors,
        "sources": [{"id": "s", "title": "t", "publisher": "p", "url": url}],
    }
    assert is_valid("event")(event) == validator("event").is_valid(event)


# --- shapes built to hurt YAML and Markdown: refused with a message, or handled, never a crash ---

YAML_PIECES = ["[", "]", "{", "}", "&a ", "*a", "&b ", "*b", ": ", "- ", "\n", "  ", "x", "'", '"', "? ", ",", "#"]
BODY_PIECES = ["*", "_", "[", "]", "(", ")", "`", "<div>", "</div>", "> ", "- ", "  ", "\n", "a", "[^src]", "](x.md)"]


@given(st.lists(st.sampled_from(YAML_PIECES), max_size=400).map("".join))
@settings(max_examples=300, deadline=None)
def test_any_yaml_shape_gives_data_or_a_yaml_problem(text):
    from generator.pipeline.yaml_text import YamlTextError, load_yaml_text

    try:
        load_yaml_text(text)
    except YamlTextError as error:
        assert str(error)


@given(st.lists(st.sampled_from(BODY_PIECES), max_size=600).map("".join))
@settings(max_examples=200, deadline=None)
def test_any_body_shape_is_refused_or_renders(body):
    import markdown

    from generator.pipeline.limits import body_refusals
    from generator.render.sanitize import clean_body

    if body_refusals(body):
        return
    html = markdown.markdown(body + "\n\n[^src]: s\n", extensions=["footnotes", "attr_list", "tables", "toc"])
    assert isinstance(clean_body(html), str)


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=2, max_value=9))
@settings(max_examples=30, deadline=None)
def test_aliases_never_expand_past_the_limit(levels, width):
    from generator.pipeline.limits import YAML_VALUES
    from generator.pipeline.yaml_text import YamlTextError, load_yaml_text

    lines = [f"a0: &a0 [{', '.join(['x'] * width)}]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * width)}]" for n in range(1, levels)]
    expanded = sum(width**n for n in range(1, levels + 1)) + levels + 1  # values the aliases would make
    try:
        data = load_yaml_text("\n".join(lines)).data
    except YamlTextError as error:
        assert expanded > YAML_VALUES and f"more than {YAML_VALUES:,} values" in str(error)
    else:
        assert expanded <= YAML_VALUES * 2 and isinstance(data, dict)
