"""Comments and docstrings in generator/ keep the reason for a choice; the measured figures
that showed it (timings, sizes, speed-ups of a given day) live in bench/NOTES.md with where
they came from."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GENERATOR = REPO / "generator"

MEASURED = re.compile(
    r"\b\d[\d,.]*\s*(?:ms|s|seconds|minutes|KiB|MiB|GiB|KB|MB|GB|%)(?![\w-])"
    r"|\b(?:a|one)\s+(?:fifth|third|quarter|half)\s+(?:less|more|faster|slower)"
    r"|\b(?:dozens\s+of|hundreds?\s+of|several|\w+)\s+times\s+(?:faster|slower)"
    r"|\btook\s+(?:minutes|seconds|hours)|\bgrew\s+by\b|\bat\s+[\d,]+\s+events\b|\bLighthouse\b[^.]*\d",
    re.IGNORECASE,
)


def prose(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every comment and docstring of a module."""
    source = path.read_text(encoding="utf-8")
    found: list[tuple[int, str]] = []
    last = 0
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            line = token.start[0]
            if found and line == last + 1:  # a comment of several lines is read as one
                found[-1] = (found[-1][0], f"{found[-1][1]} {token.string.lstrip('# ')}")
            else:
                found.append((line, token.string))
            last = line
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            docstring = ast.get_docstring(node, clean=False)
            if docstring:
                found.append((node.body[0].lineno, docstring))
    return found


def test_the_check_finds_what_it_names():
    for text in ("at 10,000 events the build spends a fifth less", "took minutes", "28 MiB", "dozens of times faster"):
        assert MEASURED.search(text), text
    for text in ("seconds since the epoch", "minutes east of UTC", "a couple of megabytes", "times of day"):
        assert not MEASURED.search(text), text


def test_comments_give_reasons_not_measurements():
    found = [
        f"{path.relative_to(REPO)}:{line}: {match.group(0)!r}"
        for path in sorted(GENERATOR.rglob("*.py"))
        for line, text in prose(path)
        for match in MEASURED.finditer(text)
    ]
    assert found == [], "move the figure to bench/NOTES.md, with where it came from"


def test_the_notes_say_where_each_figure_came_from():
    notes = (REPO / "bench" / "NOTES.md").read_text(encoding="utf-8")
    rows = [line for line in notes.splitlines() if line.startswith("| ") and not line.startswith("| choice")]
    assert rows and all(re.search(r"commit [0-9a-f]{7}", row) for row in rows if not row.startswith("| ---"))
