"""Where an editor's Markdown holds code: fenced blocks, indented blocks and code spans.

What is written as code is shown, not meant: a footnote reference or a link in code is
an example, not a citation.  Validation (footnotes, links to files) and the integrity
report (paragraphs without a citation) read the same body with its code blanked out, so
the two cannot disagree about what is code.  The rules are CommonMark's, which is what
editors' tools preview.
"""

from __future__ import annotations

import re

_BACKTICKS = re.compile(r"`+")
# An opening fence: up to three spaces, then three or more backticks (whose info string
# has none) or tildes.
_OPENING_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}(?=[^`]*$)|~{3,})")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def blank_code(body: str) -> str:
    """`body` with every character of its code replaced by a space, line breaks and
    offsets kept (so that a position in the result is the same position in `body`)."""
    if "`" not in body and "~" not in body and "    " not in body and "\t" not in body:
        return body  # no code: most bodies
    lines = _blank_blocks(body.split("\n"))
    text = "\n".join(lines)
    pieces, done = [], 0
    for start, end in code_spans(text):
        pieces += [text[done:start], _blank(text[start:end])]
        done = end
    return "".join([*pieces, text[done:]])


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _blank_blocks(lines: list[str]) -> list[str]:
    """Fenced blocks (closed by a fence of the same character at least as long, or by the
    end of the body) and indented blocks (four spaces or a tab after a blank line, not
    inside a list item, where indentation continues the item)."""
    out: list[str] = []
    fence: str | None = None
    after_blank, in_list = True, False
    for line in lines:
        if fence is not None:
            stripped = line.strip()
            if not line.startswith(("    ", "\t")) and stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            out.append(_blank(line))
            continue
        opening = _OPENING_FENCE.match(line)
        if opening:
            fence = opening.group("fence")
            out.append(_blank(line))
            after_blank = False
            continue
        if not line.strip():
            out.append(line)
            after_blank = True
            continue
        indented = line.startswith(("    ", "\t"))
        if indented and not in_list and (after_blank or (out and _is_code(out, lines))):
            out.append(_blank(line))
            continue
        if not indented:
            in_list = bool(_LIST_ITEM.match(line)) or (in_list and not after_blank)
        out.append(line)
        after_blank = False
    return out


def _is_code(out: list[str], lines: list[str]) -> bool:
    """Whether the line before continues an indented block: it was blanked although it
    was not blank (an indented block goes on across its own lines)."""
    index = len(out) - 1
    return not out[index].strip() and bool(lines[index].strip())


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where code spans are (CommonMark: a run of backticks up to the next run of the
    same length), found in one pass: a regular expression backtracks over the rest of the
    body for every run of backticks it cannot close."""
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(text)]
    following: list[int | None] = [None] * len(runs)  # the next run of the same length
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = last.get(length)
        last[length] = index
    spans, index = [], 0
    while index < len(runs):
        closing = following[index]
        if closing is None:
            index += 1  # no closing run: the backticks are literal
            continue
        spans.append((runs[index][0], runs[closing][1]))
        index = closing + 1
    return spans
