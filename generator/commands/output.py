"""How every command prints problems: one line each on standard error, `error:` or
`warning:` first, in the editors' form (`path:line: field: message`) that their tools
link to the line."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

from generator.core.problems import Problem

# Text from outside (a server's reason phrase, an archive's answer, a file's name) may
# hold line breaks or terminal escapes that would fake a line or repaint the terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """`text` with every control character written as an escape (\\x1b, \\n)."""
    return _CONTROL.sub(lambda match: match.group(0).encode("unicode_escape").decode("ascii"), text)


def print_problems(problems: Iterable[Problem], *, as_errors: bool = False) -> int:
    """Print each problem (every one an error with `as_errors`), one line each whatever
    it quotes, and return how many are errors."""
    errors = 0
    for problem in problems:
        error = as_errors or not problem.warning
        errors += error
        print(f"{'error' if error else 'warning'}: {printable(str(problem))}", file=sys.stderr)
    return errors


def fail(message: str) -> int:
    """A command that could not run at all: one line, exit status 1."""
    print(f"error: {message}", file=sys.stderr)
    return 1
