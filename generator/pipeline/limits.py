"""Limits that no honest chronology reaches, checked before YAML or Markdown sees a file.

YAML and Python-Markdown are recursive, and some of their patterns backtrack: a few
kilobytes written to hurt them (aliases that expand a billion times, lists nested
thousands deep, tens of thousands of unclosed brackets) would cost minutes, gigabytes or
the process.  Every limit here is far above what a sourced chronology needs, and each
refusal says which limit and where.  The README lists them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FILE_BYTES = 1024 * 1024  # one event or actor file: a long investigation runs to a few dozen KB
YAML_DEPTH = 32  # nested lists and mappings in frontmatter (the schemas use 3)
YAML_VALUES = 50_000  # values in one file's frontmatter, aliases expanded (the schemas allow about 2,000)
BODY_INDENT = 200  # columns of indentation on one line of a body (a list nested about 100 deep)
BODY_QUOTE_DEPTH = 32  # nested block quotes ("> > >")
BODY_UNCLOSED_BRACKETS = 200  # '[' never closed (Python-Markdown's link pattern is quadratic in them)
BODY_HTML_DEPTH = 64  # nested raw HTML elements
BODY_FOOTNOTES = 1_000  # footnote references in one body (Python-Markdown's footnotes are quadratic)


@dataclass(frozen=True, slots=True)
class Refusal:
    message: str
    line: int | None = None  # in the text checked, from 1
    suggestion: str | None = None


def control_characters(text: str) -> list[Refusal]:
    """Characters that have no place in a text file (C0 other than tab and line breaks,
    DEL, C1), each with its line and column: they break XML feeds and HTML, and mostly
    come from text decoded with the wrong character set."""
    refusals = []
    # One regular expression over the file, not a look at each character: a per-character
    # loop was much of loading a large chronology (bench/NOTES.md).
    for found in _CONTROL.finditer(text):
        line_start = text.rfind("\n", 0, found.start()) + 1
        line = text.count("\n", 0, found.start()) + 1
        refusals.append(_control_refusal(found.group(), line, found.start() - line_start + 1))
        if len(refusals) >= 20:
            break  # enough to see the pattern
    return refusals


# Unicode's control characters (category Cc: C0, DEL and C1), less tab and line feed.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _control_refusal(char: str, line: int, column: int) -> Refusal:
    code = ord(char)
    message = f"control character U+{code:04X} at column {column}; remove it"
    suggestion = None
    if 0x80 <= code <= 0x9F:
        try:
            meant = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            meant = None
        if meant:
            message = (
                f"control character U+{code:04X} at column {column}: probably '{meant}' from text in "
                f"Windows-1252 read as Latin-1; replace it"
            )
            suggestion = meant
    return Refusal(message, line, suggestion)


def contains_control(text: str) -> str | None:
    """The first control character in a value, described, or None."""
    found = _CONTROL.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


_QUOTE_MARKERS = re.compile(r"[ >]*")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\](?!:)")


def body_refusals(body: str) -> list[Refusal]:
    """What in a body would make Python-Markdown recurse too deep or take minutes."""
    refusals = []
    for number, line in enumerate(body.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        if indent > BODY_INDENT:
            refusals.append(Refusal(f"a line indented {indent} columns; the most is {BODY_INDENT}", number))
            break
        markers = _QUOTE_MARKERS.match(line)
        quotes = markers.group(0).count(">") if markers else 0
        if quotes > BODY_QUOTE_DEPTH:
            refusals.append(Refusal(f"block quotes nested {quotes:,} deep; the most is {BODY_QUOTE_DEPTH}", number))
            break
    unclosed = _unclosed_brackets(body)
    if unclosed > BODY_UNCLOSED_BRACKETS:
        refusals.append(Refusal(f"{unclosed:,} '[' are never closed; the most is {BODY_UNCLOSED_BRACKETS:,}"))
    depth = _html_depth(body)
    if depth > BODY_HTML_DEPTH:
        refusals.append(Refusal(f"HTML elements nested {depth:,} deep; the most is {BODY_HTML_DEPTH}"))
    footnotes = len(_FOOTNOTE_REF.findall(body))
    if footnotes > BODY_FOOTNOTES:
        refusals.append(Refusal(f"{footnotes:,} footnote references; the most is {BODY_FOOTNOTES:,}"))
    return refusals


def _unclosed_brackets(body: str) -> int:
    opened = 0
    for char in body:
        if char == "[":
            opened += 1
        elif char == "]" and opened:
            opened -= 1
    return opened


def _html_depth(body: str) -> int:
    depth = deepest = 0
    for match in _HTML_TAG.finditer(body):
        closing, name, self_closing = match.groups()
        if name.lower() in _VOID or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest
