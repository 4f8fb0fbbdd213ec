"""One reading of what is code in an editor's body, shared by validation and integrity."""

from __future__ import annotations

import pytest

from generator.commands.integrity import _paragraphs
from generator.core.markdown_scan import blank_code, code_spans


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("Text [^a].\n\n```\n[^b]\n```\n", "[^b]"),
        ("Text.\n\n~~~~ python\n[^b]\n~~~\nstill code\n~~~~\nafter\n", "still code"),
        ("Text.\n\n```\n[^b] never closed\n", "never closed"),
        ("Text.\n\n    [^b] indented code\n\n    more code\n", "more code"),
        ("Text.\n\n\t[^b] tabbed code\n", "tabbed code"),
        ("Use `[^b]` or ``a ` b``.", "a ` b"),
    ],
)
def test_code_is_blanked_and_offsets_are_kept(body, code):
    blanked = blank_code(body)
    assert len(blanked) == len(body) and blanked.count("\n") == body.count("\n")
    assert "[^b]" not in blanked and code not in blanked


@pytest.mark.parametrize(
    "body",
    [
        "A paragraph\n    continued lazily [^a].\n",  # indentation cannot interrupt a paragraph
        "- an item\n\n    its second paragraph [^a].\n",  # nor break out of a list item
        "Three spaces:\n\n   ```not a fence`` [^a]\n",
        "    ```\nindented fence is code, then [^a] is text\n",
    ],
)
def test_what_is_not_code_is_kept(body):
    assert "[^a]" in blank_code(body)


def test_code_spans_are_found_in_one_pass():
    assert code_spans("`" * 2000) == []  # one run, never closed: literal
    spans = code_spans("`a` " * 20_000)
    assert len(spans) == 20_000 and spans[0] == (0, 3)


def test_validation_and_integrity_read_code_alike():
    """A paragraph made only of an indented block is code for both: integrity does not ask
    it for a citation, and validation does not take the footnote in it for one."""
    body = "Claim [^a].\n\n    example [^b]\n"
    assert [text for _, text in _paragraphs(body)] == ["Claim [^a]."]
    assert "[^b]" not in blank_code(body)
